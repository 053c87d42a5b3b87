"""Figures of the chapter "Convexity"."""

import numpy as np

from snippets._core.style import BLUE, GREEN, RED, new_figure


def convex(x):
    """A convex curve: the softplus-like ln(1 + e^x) + x²/8."""
    return np.logaddexp(0, x) + x**2 / 8


def wavy(x):
    """A non-convex curve with several local minima: x²/8 + sin 2x."""
    return x**2 / 8 + np.sin(2 * x)


# The chords drawn: (x, y) on each curve.
CHORDS = {"convex": (-3.0, 2.5), "wavy": (-2.4, 2.3)}


def chords():
    """FIG16: a convex curve with a chord above it, and a wavy curve whose chord cuts under it."""
    fig, axes = new_figure(1, 2, width=8.0, height=3.8)
    x = np.linspace(-4, 4, 401)
    for ax, (name, f) in zip(axes, [("convex", convex), ("wavy", wavy)]):
        a, b = CHORDS[name]
        ax.plot(x, f(x), color=BLUE, lw=2, label="f")
        t = np.linspace(0, 1, 201)
        xs = t * a + (1 - t) * b
        chord = t * f(a) + (1 - t) * f(b)
        ax.plot(xs, chord, color=GREEN, lw=1.5, label="chord t f(a) + (1 − t) f(b)")
        ax.plot([a, b], [f(a), f(b)], "o", color=GREEN, ms=5)
        below = chord < f(xs)
        if below.any():
            ax.fill_between(xs, chord, f(xs), where=below, color=RED, alpha=0.35,
                            label="graph above the chord")
        ax.legend(fontsize=8, loc="upper center")
        ax.set(xlabel="x")
    axes[0].set(title="Convex: chords on or above f", ylabel="f(x)")
    axes[1].set(title="Not convex: a chord under f")
    return fig


FIGURES = {"convexity-chords.svg": chords}
