"""Figures of the chapter "Trigonometry"."""

import numpy as np

from snippets.foundations.trigonometry import fourier_series, positional_encoding, square_wave_coefficients
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure

CARDINAL = [(0, "0°, 0"), (90, "90°, π/2"), (180, "180°, π"), (270, "270°, 3π/2")]


def _circle(ax):
    t = np.linspace(0, 2 * np.pi, 400)
    ax.plot(np.cos(t), np.sin(t), color="black", lw=1.5)
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set(xlim=(-1.7, 1.7), ylim=(-1.7, 1.7), aspect="equal", xticks=[-1, 0, 1], yticks=[-1, 0, 1])


def unit_circle():
    """Left: the four cardinal points with degrees and radians. Right: cos and sin as projections."""
    fig, (cardinal, triangle) = new_figure(1, 2, width=6.0, height=3.8)
    _circle(cardinal)
    degrees = np.array([d for d, _ in CARDINAL])
    x, y = np.cos(np.radians(degrees)), np.sin(np.radians(degrees))
    cardinal.plot(np.round(x, 12), np.round(y, 12), "o", color=BLUE, label="cardinal points")
    offsets = [(8, 6), (6, 8), (-8, 6), (8, -22)]
    for (d, text), xi, yi, off in zip(CARDINAL, x, y, offsets):
        point = f"({round(xi):d}, {round(yi):d})"
        cardinal.annotate(f"{text}\n{point}", (xi, yi), textcoords="offset points", xytext=off,
                          ha="left" if off[0] > 0 else "right", fontsize=9)
    cardinal.set_title("x² + y² = 1")

    _circle(triangle)
    theta = np.radians(50)
    c, s = np.cos(theta), np.sin(theta)
    triangle.plot([0, c], [0, s], color=PURPLE, lw=2, label="radius 1")
    triangle.plot([0, c], [0, 0], color=BLUE, lw=3, label="cos θ = x")
    triangle.plot([c, c], [0, s], color=ORANGE, lw=3, label="sin θ = y")
    triangle.plot([c], [s], "o", color="black", label="(cos θ, sin θ)")
    arc = np.linspace(0, theta, 30)
    triangle.plot(0.25 * np.cos(arc), 0.25 * np.sin(arc), color=PURPLE, lw=1)
    triangle.text(0.3, 0.1, "θ", color=PURPLE)
    # Below the panels: inside, the legend would cover the circle.
    fig.legend(*triangle.get_legend_handles_labels(), loc="outside lower center", ncols=4,
               fontsize=9)
    triangle.set_title("Projections")
    return fig


def waves():
    """sin and cos on [0, 3 pi] with their zeros marked; cos is sin shifted left by pi/2."""
    fig, (sin_ax, cos_ax) = new_figure(2, 1, width=6.0, height=5.0)
    x = np.linspace(0, 3 * np.pi, 600)
    sin_zeros = np.pi * np.arange(4)
    cos_zeros = np.pi * np.array([0.5, 1.5, 2.5])
    for ax, f, zeros, colour, name, labels, title in [
        (sin_ax, np.sin, sin_zeros, BLUE, "sin x", ["0", "π", "2π", "3π"], "sin: zeros at kπ"),
        (cos_ax, np.cos, cos_zeros, ORANGE, "cos x", ["π/2", "3π/2", "5π/2"],
         "cos: sin shifted left by π/2"),
    ]:
        ax.plot(x, f(x), color=colour, lw=2, label=name)
        ax.plot(zeros, np.zeros_like(zeros), "o", color="black", label=f"zeros of {name}")
        for z, text in zip(zeros, labels):
            ax.annotate(text, (z, 0), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=9)
        ax.axhline(0, color="grey", lw=0.8)
        ax.set(ylim=(-1.3, 1.3), ylabel=name, title=title)
    for ax in (sin_ax, cos_ax):
        ax.set_xticks(np.pi * np.arange(0, 3.5, 0.5), ["0", "π/2", "π", "3π/2", "2π", "5π/2", "3π"])
    cos_ax.set_xlabel("x (radians)")
    return fig


def positional_encoding_heatmap():
    """PE for 64 positions and d = 64: fast waves in the first columns, slow ones in the last."""
    fig, ax = new_figure(width=6.4, height=4.2)
    pe = positional_encoding(64, 64)
    image = ax.imshow(pe, cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    ax.set(xlabel="encoding dimension (column 2i: sin, 2i + 1: cos), d = 64", ylabel="position")
    ax.grid(False)
    fig.colorbar(image, ax=ax, label="value")
    return fig


def fourier_partial_sums():
    """Partial sums of the 0/1 square wave: a0/2 = 1/2 plus 1, 3 and 25 sine terms."""
    fig, ax = new_figure(width=6.0, height=4.2)
    t = np.linspace(-np.pi, 3 * np.pi, 1601)
    square = np.where(np.mod(t, 2 * np.pi) < np.pi, 1.0, 0.0)
    ax.plot(t, square, color="black", lw=2, label="square wave")
    a0, a, b = square_wave_coefficients(25)
    for n, colour in [(1, BLUE), (3, GREEN), (25, RED)]:
        ax.plot(t, fourier_series(t, a0, a[:n], b[:n]), color=colour, lw=1.3,
                label=f"up to n = {n}")
    ax.axhline(a0 / 2, color=PURPLE, ls=":", label="a₀/2 = 1/2")
    ax.set(xlabel="t", ylim=(-0.3, 1.35))
    ax.set_xticks(np.pi * np.arange(-1, 4), ["−π", "0", "π", "2π", "3π"])
    fig.legend(loc="outside lower center", ncols=3, fontsize=9)
    return fig


FIGURES = {
    "trigonometry-unit-circle.svg": unit_circle,
    "trigonometry-waves.svg": waves,
    "trigonometry-positional-encoding.svg": positional_encoding_heatmap,
    "trigonometry-fourier.svg": fourier_partial_sums,
}
