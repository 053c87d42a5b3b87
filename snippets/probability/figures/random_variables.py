"""Figures of the chapter "Random variables and expectation"."""

import math

import numpy as np

from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, new_figure
from snippets.probability.random_variables import two_dice


def dice():
    """The distribution of the sum of two dice: a triangle of bars peaking at 6/36 at 7."""
    values, p = two_dice()
    fig, ax = new_figure(width=6.0, height=3.8)
    ax.bar(values, p, color=BLUE, width=0.7, label="P(X = s)")
    for s, q in zip(values, p):
        ax.annotate(
            f"{round(q * 36)}/36",
            (s, q),
            textcoords="offset points",
            xytext=(0, 3),
            ha="center",
            fontsize=8,
        )
    ax.set(
        xlabel="s, the sum of two dice",
        ylabel="P(X = s)",
        xticks=values,
        ylim=(0, 0.2),
    )
    ax.legend(loc="upper right")
    return fig


def densities():
    """Normal densities N(mu, sigma^2) for three (mu, sigma) and the exponential density."""
    fig, (normal, expo) = new_figure(1, 2, width=7.2, height=3.4)
    x = np.linspace(-5, 5, 401)
    for (mu, sigma), colour in zip(
        [(0, 1), (0, 2), (2, 0.5)], [BLUE, ORANGE, GREEN]
    ):
        p = np.exp(-((x - mu) ** 2) / (2 * sigma**2)) / math.sqrt(
            2 * math.pi * sigma**2
        )
        normal.plot(x, p, color=colour, lw=2, label=f"N({mu}, {sigma}²)")
    normal.set(
        title="Normal: centre μ, width σ",
        xlabel="x",
        ylabel="density p(x)",
    )
    normal.legend(fontsize=8)
    x = np.linspace(0, 5, 301)
    for lam, colour in zip([0.5, 1.0, 2.0], [PURPLE, BLUE, GREEN]):
        expo.plot(
            x,
            lam * np.exp(-lam * x),
            color=colour,
            lw=2,
            label=f"Exp(λ = {lam:g})",
        )
    expo.set(title="Exponential: mean 1/λ", xlabel="x ≥ 0")
    expo.legend(fontsize=8)
    return fig


def training_loss():
    """The training loss on n examples converging to the expected loss 0.29 as n grows."""
    fig, ax = new_figure(width=6.4, height=3.8)
    w, sigma = (
        1.8,
        0.5,
    )  # model y_hat = w x; data y = 2 x + N(0, sigma^2), x ~ N(0, 1)
    expected = (2 - w) ** 2 + sigma**2
    n = np.arange(1, 10_001)
    for seed, colour in zip(range(3), [BLUE, ORANGE, GREEN]):
        rng = np.random.default_rng(seed)
        x = rng.normal(size=n[-1])
        y = 2 * x + rng.normal(0, sigma, size=n[-1])
        losses = (y - w * x) ** 2
        ax.semilogx(
            n,
            np.cumsum(losses) / n,
            color=colour,
            lw=1.2,
            label=f"training loss, seed {seed}",
        )
    ax.axhline(
        expected,
        color="black",
        ls="--",
        lw=1.5,
        label=f"expected loss {expected:.2f}",
    )
    ax.set(
        xlabel="n, the number of training examples",
        ylabel="mean squared error",
        ylim=(0, 0.8),
    )
    ax.legend(fontsize=8)
    return fig


FIGURES = {
    "random_variables-two-dice.svg": dice,
    "random_variables-densities.svg": densities,
    "random_variables-training-loss.svg": training_loss,
}
