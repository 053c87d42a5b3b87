"""Figures of the chapter "Differentiation rules"."""

import numpy as np

from snippets.calculus.derivatives import derivative
from snippets.calculus.rules import DERIVATIVE_TABLE
from snippets._core.style import BLUE, ORANGE, RED, new_figure

ROWS = {row.name: row for row in DERIVATIVE_TABLE}


def standard_derivatives():
    """Six functions (solid) with their derivatives (dashed), from the derivative table."""
    fig, axes = new_figure(2, 3, width=8.4, height=5.2)
    panels = [
        ("Power", (-2, 2), {"n": 2}, "x²", "2x"),
        ("Exponential", (0.1, 2), {}, "eˣ", "eˣ (the same curve)"),
        ("Natural logarithm", (0.1, 2), {}, "ln x", "1/x"),
        ("Sine", (-2 * np.pi, 2 * np.pi), {}, "sin x", "cos x"),
        ("ReLU", (-2, 2), {}, "ReLU(x)", "ReLU′(x), 0 at x = 0"),
        ("Sigmoid", (-6, 6), {}, "σ(x)", "σ(x)(1 − σ(x))"),
    ]
    for ax, (name, (a, b), parameters, f_label, df_label) in zip(axes.flat, panels):
        row = ROWS[name]
        x = np.linspace(a, b, 401)
        ax.plot(x, row.f(x, **parameters), color=BLUE, lw=2, label=f_label)
        if name == "ReLU":  # the derivative jumps at 0: draw the two pieces, and ReLU'(0) = 0
            for piece in (x[x <= 0], x[x > 0]):
                ax.plot(piece, row.df(piece), color=ORANGE, ls="--", lw=2,
                        label=df_label if piece[0] < 0 else "_jump")
            ax.plot([0], [row.df(0.0)], "o", color=ORANGE, label="_value at 0")
            ax.plot([0], [1], "o", color=ORANGE, mfc="white", label="_limit from the right")
        else:
            ax.plot(x, row.df(x, **parameters), color=ORANGE, ls="--", lw=2, label=df_label)
        if name == "Natural logarithm":
            ax.set_ylim(-3, 10)
        ax.axhline(0, color="black", lw=0.6)
        ax.set(title=f"{f_label} and its derivative", xlabel="x")
        if name == "Sine":  # headroom above the waves, so the legend covers neither
            ax.set_ylim(-1.15, 1.9)
            ax.legend(fontsize=9, loc="upper center", ncols=2)
        else:
            if name == "Sigmoid":  # headroom: the legend clears the S
                ax.set_ylim(-0.1, 1.5)
            ax.legend(fontsize=9, loc="best")
    return fig


def chain_rule():
    """sin(x²) with its inner function x² (top); its derivative 2x cos(x²) and numerical
    slopes (bottom)."""
    fig, (top, bottom) = new_figure(2, 1, width=7.0, height=6.0, sharex=True)
    x = np.linspace(-3, 3, 1201)
    top.plot(x, np.sin(x**2), color=BLUE, lw=2, label="f(g(x)) = sin(x²)")
    inner = top.twinx()
    inner.plot(x, x**2, color=ORANGE, ls="--", label="inner g(x) = x²")
    inner.set_ylabel("g(x) = x²", color=ORANGE)
    inner.grid(False)
    # Each legend sits just above its panel; the title goes above the legend.
    top.set_title("The composite and its inner function", pad=26)
    top.set(ylabel="sin(x²)")
    top.legend(handles=top.get_lines() + inner.get_lines(), fontsize=9, ncols=2,
               loc="lower center", bbox_to_anchor=(0.5, 1.0))

    bottom.plot(x, 2 * x * np.cos(x**2), color=BLUE, lw=2, label="chain rule: cos(x²) · 2x")
    points = np.linspace(-2.5, 2.5, 11)
    bottom.plot(points, derivative(lambda t: np.sin(t**2), points), "o", color=RED,
                label="numerical slope")
    bottom.axhline(0, color="black", lw=0.8)
    bottom.set_title("Its derivative", pad=26)
    bottom.set(xlabel="x", ylabel="d/dx sin(x²)")
    bottom.legend(fontsize=9, ncols=2, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    return fig


FIGURES = {
    "rules-standard-derivatives.svg": standard_derivatives,
    "rules-chain-rule.svg": chain_rule,
}
