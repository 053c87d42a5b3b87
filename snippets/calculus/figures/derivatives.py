"""Figures of the chapter "The derivative"."""

import numpy as np

from snippets.calculus.derivatives import central_difference, complex_step, forward_difference, tangent_line
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure


def slope_at_a():
    """A curve, its tangent at x = a, and the run-and-rise triangle whose ratio is f'(a)."""
    fig, ax = new_figure(width=5.6, height=3.6)

    def f(x):
        return 0.15 * x**3 - 0.9 * x + 2

    a = 2.0
    t = tangent_line(f, a)
    x = np.linspace(-0.5, 3.5, 200)
    ax.plot(x, f(x), color=BLUE, lw=2, label="curve y = f(x)")
    ax.plot(x, t(x), color=RED, ls="--", label="tangent at a")
    ax.plot([a], [f(a)], "o", color="black", label="point (a, f(a))")
    # The run of 1 and the rise of f'(a) along the tangent.
    run = 1.0
    ax.plot([a, a + run, a + run], [t(a), t(a), t(a + run)], color=GREEN, lw=1.5)
    ax.annotate("run = 1", (a + run / 2, t(a)), textcoords="offset points", xytext=(0, -14),
                ha="center", color=GREEN)
    ax.annotate("rise = f′(a)", (a + run, (t(a) + t(a + run)) / 2), textcoords="offset points",
                xytext=(6, 0), va="center", color=GREEN)
    ax.text(a - 0.9, t(a - 0.9) + 0.35, "slope = f′(a)", color=RED, ha="right")
    ax.set_xticks([a], ["a"])
    ax.set_yticks([])
    ax.set(xlabel="x", ylabel="y", ylim=(0, 4.5))
    return fig


def tangent_to_parabola():
    """x^2 on [-3, 3] with its tangent at x0 = 1.5 (slope 3) and the point (1.5, 2.25)."""
    fig, ax = new_figure(width=5.6, height=4.0)

    def f(x):
        return x**2

    x0 = 1.5
    t = tangent_line(f, x0)
    x = np.linspace(-3, 3, 300)
    ax.plot(x, f(x), color=BLUE, lw=2, label="f(x) = x²")
    ax.plot(x, t(x), color=RED, ls="--", label=f"tangent at x = {x0}, slope {t(x0 + 1) - t(x0):.1f}")
    ax.plot([x0], [f(x0)], "o", color="black", zorder=3, label=f"({x0}, {f(x0)})")
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set(xlabel="x", ylabel="y", ylim=(-3, 9))
    ax.legend(loc="upper center")
    return fig


def first_derivative_geometry():
    """Three panels: secants closing in on a tangent; where sin rises and falls; f and f'."""
    # Two panels above, the third across the bottom: narrow enough for the page's column.
    fig, axes = new_figure(2, 2, width=8.4, height=7.0)
    secants, waves = axes[0]
    for ax in axes[1]:
        ax.remove()
    twin = fig.add_subplot(axes[0, 0].get_gridspec()[1, :])

    # 1. Secants of x^2 from x0 = 1: slope (f(1 + h) - f(1)) / h = 2 + h.
    def f(x):
        return x**2

    x = np.linspace(-0.5, 2.5, 200)
    secants.plot(x, f(x), color="black", lw=2, label="x²")
    colours = [PURPLE, BLUE, GREEN, ORANGE]
    for h, colour in zip([1.0, 0.5, 0.2, 0.05], colours):
        slope = forward_difference(f, 1.0, h=h)
        secants.plot(x, f(1.0) + slope * (x - 1.0), color=colour, lw=1,
                     label=f"secant h = {h}: slope {slope:.2f}")
    secants.plot(x, f(1.0) + 2 * (x - 1.0), color=RED, ls="--", lw=2, label="tangent: slope 2")
    secants.plot([1.0], [1.0], "o", color="black")
    secants.set(title="Secants close in on the tangent", xlabel="x", ylim=(-1, 6.5))
    secants.legend(fontsize=8, loc="upper left")

    # 2. sin rises where cos > 0 and falls where cos < 0; cos = 0 marks its extrema.
    x = np.linspace(0, 3 * np.pi, 400)
    waves.plot(x, np.sin(x), color="black", lw=2, label="sin x")
    waves.fill_between(x, -1.1, 1.1, where=np.cos(x) > 0, color=GREEN, alpha=0.2,
                       label="f′ > 0: rising")
    waves.fill_between(x, -1.1, 1.1, where=np.cos(x) < 0, color=RED, alpha=0.2,
                       label="f′ < 0: falling")
    extrema = np.array([0.5, 1.5, 2.5]) * np.pi
    waves.plot(extrema, np.sin(extrema), "o", color="black", label="f′ = 0")
    for xe, name in zip(extrema, ["max", "min", "max"]):
        waves.annotate(name, (xe, np.sin(xe)), textcoords="offset points",
                       xytext=(0, 8 if name == "max" else -16), ha="center")
    waves.set_xticks(extrema, ["π/2", "3π/2", "5π/2"])
    waves.set(title="The sign of f′ says rising or falling", xlabel="x", ylim=(-1.4, 1.4))
    waves.legend(fontsize=8, loc="lower left")

    # 3. f = x^3/3 - x and f' = x^2 - 1: f' crosses 0 where f turns.
    x = np.linspace(-2.5, 2.5, 300)
    twin.plot(x, x**3 / 3 - x, color=BLUE, lw=2, label="f(x) = x³/3 − x")
    turning = np.array([-1.0, 1.0])
    twin.plot(turning, turning**3 / 3 - turning, "o", color="black",
              label="max f(−1) = 2/3, min f(1) = −2/3")
    twin.set(title="f′ = 0 where f turns", xlabel="x")
    twin.set_ylabel("f(x)", color=BLUE)
    right = twin.twinx()
    right.plot(x, x**2 - 1, color=ORANGE, ls="--", lw=2, label="f′(x) = x² − 1")
    right.axhline(0, color=ORANGE, lw=0.8)
    right.set_ylabel("f′(x)", color=ORANGE)
    right.grid(False)
    lines = twin.get_lines() + right.get_lines()[:1]
    twin.legend(lines, [line.get_label() for line in lines], fontsize=8, loc="upper center")
    return fig


def error_against_step():
    """Total error of three estimators of d/dx e^x at x = 1, for steps from 1e-1 to 1e-15."""
    fig, ax = new_figure(width=8.4, height=4.4)
    f, x, exact = np.exp, 1.0, np.exp(1.0)
    h = np.logspace(-15, -1, 141)  # at h = 1e-16, 1 + h == 1: no difference at all
    # The complex step goes first and wide: at large h its O(h²) error equals the central one's.
    estimators = [
        (complex_step, GREEN, "complex step", 4),
        (forward_difference, BLUE, "forward difference, O(h)", 1.5),
        (central_difference, ORANGE, "central difference, O(h²)", 1.5),
    ]
    # Errors of exactly 0 would vanish from a log axis: floor them at 1e-17.
    floor = 1e-17
    for estimate, colour, label, width in estimators:
        error = np.array([abs(estimate(f, x, h=step) - exact) for step in h]) / exact
        ax.loglog(h, np.maximum(error, floor), color=colour, lw=width, label=label,
                  alpha=0.6 if estimate is complex_step else 1)
        if estimate is not complex_step:
            best = np.argmin(error)
            ax.plot(h[best], error[best], "o", color=colour,
                    label=f"best h ≈ {h[best]:.0e}: error {error[best]:.0e}")
    eps = np.finfo(float).eps
    ax.axhline(eps, color="black", lw=0.8, ls=":", label="machine epsilon")
    ax.annotate("error exactly 0 (drawn at 1e-17)", (1e-9, floor), textcoords="offset points",
                xytext=(0, -11), color=GREEN, fontsize=8)
    ax.set(xlabel="step h", ylabel="relative error", ylim=(1e-18, 10))
    ax.invert_xaxis()
    fig.legend(fontsize=8, loc="outside right upper")
    return fig


FIGURES = {
    "derivatives-slope-at-a.svg": slope_at_a,
    "derivatives-tangent.svg": tangent_to_parabola,
    "derivatives-geometry.svg": first_derivative_geometry,
    "derivatives-error-vs-step.svg": error_against_step,
}
