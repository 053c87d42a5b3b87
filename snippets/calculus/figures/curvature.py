"""Figures of the chapter "Second derivatives and critical points"."""

import numpy as np

from snippets.calculus.curvature import classify_critical_point, critical_points
from snippets._core.style import BLUE, GREEN, ORANGE, RED, new_figure

COLOURS = {"minimum": GREEN, "maximum": RED}


def shade_by_sign(ax, x, values, label_positive, label_negative):
    """Shade the whole height of ``ax`` green where ``values > 0`` and red where ``< 0``."""
    low, high = ax.get_ylim()
    ax.fill_between(x, low, high, where=values > 0, color=GREEN, alpha=0.15, label=label_positive)
    ax.fill_between(x, low, high, where=values < 0, color=RED, alpha=0.15, label=label_negative)
    ax.set_ylim(low, high)


def cubic_concavity():
    """f = x³ − 3x, f′ = 3x² − 3 and f″ = 6x, stacked over one x axis and each shaded by sign,
    with the critical points.

    Stacked at the width of the page's column, so that the legends are read at full size and a
    sign change lines up with the point where the curve above changes shape.
    """
    fig, (left, middle, right) = new_figure(3, 1, width=7.0, height=7.8, sharex=True)
    x = np.linspace(-2.5, 2.5, 501)
    f, df, d2f = x**3 - 3 * x, 3 * x**2 - 3, 6 * x

    left.plot(x, f, color=BLUE, lw=2, label="f(x) = x³ − 3x")
    left.set_ylim(-6, 6)
    shade_by_sign(left, x, d2f, "f″ > 0: concave up", "f″ < 0: concave down")
    left.axvline(0, color="black", ls=":", label="inflection, x = 0")
    for x0, kind in ((-1.0, "maximum"), (1.0, "minimum")):
        y0 = x0**3 - 3 * x0
        left.plot([x0], [y0], "o", color=COLOURS[kind], label=f"{kind} ({x0:g}, {y0:g})")
    left.set(title="f: the shape")
    left.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    middle.plot(x, df, color=BLUE, lw=2, label="f′(x) = 3x² − 3")
    middle.set_ylim(-4, 16)
    shade_by_sign(middle, x, df, "f′ > 0: rising", "f′ < 0: falling")
    middle.plot([-1, 1], [0, 0], "o", color="black", label="f′ = 0 at x = ±1")
    middle.axhline(0, color="black", lw=0.8)
    middle.set(title="f′: the slope")
    middle.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))

    right.plot(x, d2f, color=BLUE, lw=2, label="f″(x) = 6x")
    right.set_ylim(-16, 16)
    shade_by_sign(right, x, d2f, "f″ > 0", "f″ < 0")
    right.plot([-1, 1], [-6, 6], "o", color="black", label="f″(−1) = −6, f″(1) = 6")
    for x0 in (-1, 1):
        right.annotate(f"{6 * x0:+d}", (x0, 6 * x0), textcoords="offset points",
                       xytext=(8, -4 if x0 > 0 else 4), ha="left")
    right.axhline(0, color="black", lw=0.8)
    right.set(title="f″: the curvature", xlabel="x")
    right.legend(fontsize=9, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return fig


def quartic_critical_points():
    """f = x⁴ − 4x³ + 4x² + 1 with its three critical points coloured by kind (top), and f′
    with its zeros (bottom)."""
    fig, (top, bottom) = new_figure(2, 1, width=7.0, height=6.0, sharex=True)
    coefficients = [1, -4, 4, 0, 1]
    x = np.linspace(-0.5, 3, 401)
    top.plot(x, np.polyval(coefficients, x), color=BLUE, lw=2, label="f(x) = x²(x − 2)² + 1")
    points = critical_points(coefficients)
    for x0 in points:
        kind = classify_critical_point(lambda t: np.polyval(coefficients, t), x0)
        y0 = np.polyval(coefficients, x0)
        top.plot([x0], [y0], "o", ms=8, color=COLOURS[kind], label=f"{kind} at x = {x0:g}")
    top.set(ylabel="f(x)", ylim=(0, 4), title="f and its three critical points")
    top.legend(fontsize=9, loc="upper center")

    derivative = np.polyder(coefficients)
    bottom.plot(x, np.polyval(derivative, x), color=ORANGE, lw=2, label="f′(x) = 4x(x − 1)(x − 2)")
    bottom.plot(points, np.polyval(derivative, points), "o", color="black",
                label="zeros of f′: " + ", ".join(f"{p:g}" for p in points))
    bottom.axhline(0, color="black", lw=0.8)
    bottom.set(xlabel="x", ylabel="f′(x)", ylim=(-4, 8), title="f′ is zero at each of them")
    bottom.legend(fontsize=9, loc="upper center")
    return fig


FIGURES = {
    "curvature-cubic.svg": cubic_concavity,
    "curvature-quartic.svg": quartic_critical_points,
}
