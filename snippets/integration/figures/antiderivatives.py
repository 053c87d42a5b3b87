"""Figures of the chapter "Antiderivatives"."""

import math

import numpy as np

from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure
from snippets.integration.antiderivatives import Phi


def family():
    """Left: e^{-x²/2} with the area up to x = 1 shaded. Right: sqrt(2 pi) Phi(x) + C for four C."""
    fig, (left, right) = new_figure(1, 2, width=7.2, height=3.4)
    x = np.linspace(-4, 4, 401)
    left.plot(
        x, np.exp(-(x**2) / 2), color=BLUE, lw=2, label="f(x) = exp(−x²/2)"
    )
    upto = x <= 1
    left.fill_between(
        x[upto],
        np.exp(-(x[upto] ** 2) / 2),
        color=BLUE,
        alpha=0.25,
        label=f"area up to x = 1: √(2π) Φ(1) = {math.sqrt(2 * math.pi) * Phi(1.0):.3f}",
    )
    left.set(title="The integrand", xlabel="x", ylim=(0, 1.45))
    left.legend(loc="upper left", fontsize=8)
    for C, colour in zip([-1.0, 0.0, 1.0, 2.0], [PURPLE, BLUE, GREEN, ORANGE]):
        right.plot(
            x,
            math.sqrt(2 * math.pi) * Phi(x) + C,
            color=colour,
            lw=2,
            label=f"C = {C:g}".replace("-", "−"),
        )
    right.axvline(1.0, color=RED, ls=":", lw=1)
    right.set(title="Antiderivatives F + C", xlabel="x", ylim=(-1.4, 6.9))  # room for the legend
    right.legend(loc="upper left", fontsize=8, ncols=2, title="F(x) = √(2π) Φ(x) + C",
                 title_fontsize=8)
    return fig


FIGURES = {"antiderivatives-family.svg": family}
