"""Figures of the chapter "Functions"."""

from matplotlib.patches import Ellipse

from snippets._core.style import BLUE, GREEN, ORANGE, new_figure

DOMAIN = [-2, -1, 1, 2, 3]


def domain_to_range():
    """x -> x^2 as arrows from a set of inputs to a set of outputs: -2 and 2 share the output 4."""
    fig, ax = new_figure(width=5.2, height=3.6)
    ax.add_patch(Ellipse((0, 0), 1.6, 5.6, fill=False, color=BLUE, lw=2))
    ax.add_patch(Ellipse((3, 0), 1.6, 5.6, fill=False, color=ORANGE, lw=2))
    y_in = {x: 2.0 - i for i, x in enumerate(DOMAIN)}  # inputs, top to bottom
    outputs = sorted({x**2 for x in DOMAIN})
    y_out = {y: 1.5 - 1.5 * i for i, y in enumerate(outputs)}
    for x in DOMAIN:
        ax.text(0, y_in[x], f"{x}".replace("-", "−"), ha="center", va="center", fontsize=12)
        ax.annotate("", xy=(2.7, y_out[x**2]), xytext=(0.3, y_in[x]),
                    arrowprops=dict(arrowstyle="->", color=GREEN, lw=1.5))
        ax.plot([0.3, 2.7], [y_in[x], y_out[x**2]], alpha=0, label=f"{x} -> {x**2}")
    for y in outputs:
        ax.text(3, y_out[y], f"{y}", ha="center", va="center", fontsize=12)
    ax.text(0, 3.1, "some inputs x\n(domain: all of ℝ)", ha="center", color=BLUE)
    ax.text(3, 3.1, "their outputs x²\n(range: [0, ∞))", ha="center", color=ORANGE)
    ax.text(1.5, -3.2, "f(x) = x²: one arrow leaves every input", ha="center", fontsize=9)
    ax.set(xlim=(-1.2, 4.2), ylim=(-3.5, 4.0))
    ax.set_axis_off()
    return fig


FIGURES = {"functions-domain-range.svg": domain_to_range}
