"""Figures of the chapter "Definite integrals"."""

import math

import numpy as np

from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure
from snippets.integration.definite import (
    gauss_legendre,
    monte_carlo,
    simpson,
    trapezoid,
)


def areas():
    """Left: sin on [0, 2 pi], positive area green and negative red. Right: x and x² on [0, 1]."""
    fig, (signed, between) = new_figure(1, 2, width=7.2, height=3.4)
    x = np.linspace(0, 2 * np.pi, 400)
    y = np.sin(x)
    signed.plot(x, y, color="black", lw=2, label="sin x")
    signed.fill_between(
        x,
        y,
        where=y >= 0,
        color=GREEN,
        alpha=0.35,
        label="+2 (above the axis)",
    )
    signed.fill_between(
        x, y, where=y <= 0, color=RED, alpha=0.35, label="−2 (below the axis)"
    )
    signed.axhline(0, color="black", lw=0.8)
    signed.set(
        title="Signed area 0, total area 4", xlabel="x", ylim=(-1.3, 1.6)
    )
    signed.legend(loc="upper right", fontsize=8)

    x = np.linspace(0, 1, 200)
    between.plot(x, x, color=BLUE, lw=2, label="y = x")
    between.plot(x, x**2, color=ORANGE, lw=2, label="y = x²")
    between.fill_between(
        x, x**2, x, color=PURPLE, alpha=0.3, label="area 1/2 − 1/3 = 1/6"
    )
    between.set(title="Area between two curves", xlabel="x")
    between.legend(loc="upper left", fontsize=8)
    return fig


def rules():
    """Trapezoids and Simpson's parabolas under one curve, with n = 4 subintervals."""
    fig, (trap, simp) = new_figure(1, 2, width=7.2, height=3.4)

    def f(x):
        return 1 + np.sin(2 * x) + 0.3 * x

    a, b, n = 0.0, 3.0, 4
    fine = np.linspace(a, b, 300)
    nodes = np.linspace(a, b, n + 1)
    exact = (b - a) + (1 - math.cos(2 * b)) / 2 + 0.15 * (b**2 - a**2)
    for ax in (trap, simp):
        ax.plot(fine, f(fine), color="black", lw=2, label="f(x)")
        ax.plot(nodes, f(nodes), "o", color="black", ms=4)
        ax.set(xlabel="x", ylim=(0, 3.2))
    trap.fill_between(
        nodes,
        f(nodes),
        color=BLUE,
        alpha=0.3,
        label=f"trapezoids: {trapezoid(f, a, b, n):.3f}",
    )
    trap.set_title(f"Trapezoid rule, n = 4 (exact {exact:.3f})")
    for k in range(0, n, 2):  # one parabola through each pair of subintervals
        xs = nodes[k : k + 3]
        parabola = np.polynomial.Polynomial.fit(xs, f(xs), 2)
        piece = np.linspace(xs[0], xs[-1], 60)
        simp.fill_between(
            piece,
            parabola(piece),
            color=GREEN,
            alpha=0.3,
            label=f"parabolas: {simpson(f, a, b, n):.3f}" if k == 0 else None,
        )
    simp.set_title(f"Simpson's rule, n = 4 (exact {exact:.3f})")
    for ax in (trap, simp):
        ax.legend(loc="upper right", fontsize=8)
    return fig


def error_against_n():
    """Log-log error of the trapezoid rule, Simpson's rule and Gauss–Legendre on e^x over [0, 1]."""
    fig, ax = new_figure(width=6.4, height=4.8)
    exact = math.e - 1
    n = 2 ** np.arange(1, 13)
    trap = [abs(trapezoid(np.exp, 0.0, 1.0, k) - exact) for k in n]
    # max(..., 1e-17): an error that rounds to exactly 0 would vanish from a log axis
    simp = [max(abs(simpson(np.exp, 0.0, 1.0, k) - exact), 1e-17) for k in n]
    gauss_n = np.arange(1, 8)
    gauss = [
        max(abs(gauss_legendre(np.exp, 0.0, 1.0, k) - exact), 1e-17)
        for k in gauss_n
    ]
    h = 1 / n
    ax.loglog(h, trap, "o-", color=BLUE, label="trapezoid: slope 2, O(h²)")
    ax.loglog(h, simp, "s-", color=GREEN, label="Simpson: slope 4, O(h⁴)")
    ax.loglog(
        1 / gauss_n,
        gauss,
        "^-",
        color=PURPLE,
        label="Gauss–Legendre, n nodes (h = 1/n)",
    )
    ax.loglog(
        h, (exact / 12) * h**2, ":", color=BLUE, lw=1, label="(e − 1) h²/12"
    )
    ax.loglog(
        h, (exact / 180) * h**4, ":", color=GREEN, lw=1, label="(e − 1) h⁴/180"
    )
    ax.axhline(
        np.finfo(float).eps * exact,
        color=RED,
        ls="--",
        lw=1,
        label="machine precision",
    )
    ax.set(xlabel="h = 1/n", ylabel="|error| of ∫₀¹ eˣ dx", ylim=(1e-17, 1))
    # Below the axes: inside, the legend would cover the Gauss–Legendre line.
    fig.legend(fontsize=8, loc="outside lower center", ncols=2)
    return fig


def monte_carlo_error():
    """The Monte Carlo error of ∫₀¹ x² dx against n, for 20 seeds, with the 1/sqrt(n) law."""
    fig, ax = new_figure(width=6.4, height=4.0)
    n = np.unique(np.logspace(1, 5, 17).astype(int))
    sigma = math.sqrt(
        4 / 45
    )  # the standard deviation of U², U uniform on [0, 1]
    for seed in range(20):
        errors = [
            abs(monte_carlo(lambda x: x**2, 0.0, 1.0, k, rng=seed)[0] - 1 / 3)
            for k in n
        ]
        ax.loglog(
            n,
            errors,
            color=ORANGE,
            alpha=0.35,
            lw=1,
            label="|error|, 20 seeds" if seed == 0 else None,
        )
    ax.loglog(
        n, sigma / np.sqrt(n), color="black", lw=2, label="σ/√n: slope −1/2"
    )
    ax.set(xlabel="n random points", ylabel="|error| of ∫₀¹ x² dx")
    ax.legend(fontsize=8, loc="lower left")
    return fig


FIGURES = {
    "definite-areas.svg": areas,
    "definite-rules.svg": rules,
    "definite-error-vs-n.svg": error_against_n,
    "definite-monte-carlo.svg": monte_carlo_error,
}
