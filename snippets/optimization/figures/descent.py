"""Figures of the chapter "Gradient descent"."""

import numpy as np

from snippets.optimization.descent import gradient_descent
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure


def parabola_path():
    """x² on [-6, 6] with 20 steps of gradient descent from x0 = 5 at lr 0.1 (FIG14)."""
    fig, ax = new_figure(width=6.4, height=4.2)
    x = np.linspace(-6, 6, 241)
    ax.plot(x, x**2, color=BLUE, lw=2, label="f(x) = x²")
    path = gradient_descent(lambda x: 2 * x, 5.0, lr=0.1, steps=20)
    ax.plot(
        path,
        path**2,
        "o-",
        color=RED,
        ms=4,
        lw=1,
        label="iterates x₀ … x₂₀, η = 0.1",
    )
    ax.plot(
        path[0],
        path[0] ** 2,
        "*",
        color=GREEN,
        ms=16,
        label=f"start ({path[0]:g}, {path[0]**2:g})",
    )
    ax.plot(
        path[-1],
        path[-1] ** 2,
        "*",
        color=RED,
        ms=16,
        label=f"end x₂₀ = {path[-1]:.4f}",
    )
    ax.set(
        xlabel="x", ylabel="f(x)"
    )
    ax.legend(fontsize=8, loc="upper center")
    return fig


def hiker():
    """(x - 3)² from x0 = -2 at lr 0.1: the steps down the valley, and f against the step."""
    fig, (valley, log) = new_figure(1, 2, width=8.0, height=3.8)
    x = np.linspace(-3, 5, 241)
    valley.plot(x, (x - 3) ** 2, color=BLUE, lw=2, label="f(x) = (x − 3)²")
    path = gradient_descent(lambda x: 2 * (x - 3), -2.0, lr=0.1, steps=50)
    for a, b in zip(
        path[:10], path[1:11]
    ):  # each step: feel the slope, move downhill
        valley.annotate(
            "",
            (b, (b - 3) ** 2),
            (a, (a - 3) ** 2),
            arrowprops={"arrowstyle": "->", "color": RED, "lw": 1.2},
        )
    valley.plot(
        path[:11],
        (path[:11] - 3) ** 2,
        "o",
        color=RED,
        ms=4,
        label="first 10 steps, η = 0.1",
    )
    valley.plot([3], [0], "*", color=GREEN, ms=14, label="minimum (3, 0)")
    valley.set(
        xlabel="x",
        ylabel="f(x)",
        title="Each step goes down the slope",
    )
    valley.legend(fontsize=8)
    t = np.arange(path.size)
    log.semilogy(
        t, (path - 3) ** 2, "o", color=RED, ms=3, label="f(x_t), computed"
    )
    log.semilogy(
        t, 25 * 0.64**t, color=BLUE, lw=1, label="25 · 0.64ᵗ, closed form"
    )
    log.set(
        xlabel="step t", ylabel="f(x_t)", title="The loss falls by 0.64 a step"
    )
    log.legend(fontsize=8)
    return fig


def step_sizes():
    """x_t on x² from 5 for six learning rates: slow, fast, one step, oscillating, stuck, diverging."""
    fig, ax = new_figure(width=6.4, height=5.0)
    colours = [BLUE, GREEN, "black", ORANGE, PURPLE, RED]
    for lr, colour in zip([0.05, 0.3, 0.5, 0.9, 1.0, 1.05], colours):
        path = gradient_descent(lambda x: 2 * x, 5.0, lr=lr, steps=15)
        ax.plot(
            np.arange(16),
            path,
            "o-",
            color=colour,
            ms=3,
            lw=1.2,
            # A typographic minus, as in the rest of the label.
            label=f"η = {lr:g}: 1 − 2η = {1 - 2 * lr:+.1f}".replace("-", "−"),
        )
    ax.set(
        xlabel="step t",
        ylabel="x_t = (1 − 2η)ᵗ · 5 on f(x) = x²",
        ylim=(-12, 12),
    )
    # Below the axes, so that the plot keeps the figure's width on a phone.
    fig.legend(fontsize=9, loc="outside lower center", ncol=2)
    return fig


FIGURES = {
    "descent-parabola.svg": parabola_path,
    "descent-hiker.svg": hiker,
    "descent-step-sizes.svg": step_sizes,
}
