"""Figures of the chapter "Exponentials and logarithms"."""

import numpy as np

from snippets.foundations.exponentials import sigmoid, sigmoid_prime
from snippets._core.style import BLUE, GREEN, ORANGE, RED, new_figure


def powers_of_two():
    """2^n for n = 0..10: flat at first, then steep; on a log axis, a straight line."""
    fig, (linear, log) = new_figure(1, 2, width=6.4, height=3.2)
    n = np.arange(11)
    for ax in (linear, log):
        ax.plot(n, 2.0**n, "o-", color=BLUE, label="2ⁿ")
        ax.set(xlabel="n", xticks=n[::2])
    for k, text in [(3, "2³ = 8"), (10, "2¹⁰ = 1024")]:
        # left of and below the point, clear of the panel's title
        linear.annotate(text, (k, 2.0**k), textcoords="offset points",
                        xytext=(-8, 4 if k == 3 else -10), ha="right")
    linear.set(ylabel="2ⁿ", title="Linear axis")
    log.set(yscale="log", title="Log axis: a line")
    return fig


def exp_and_log():
    """e^x and ln x, mirror images in the line y = x; ln x falls without bound as x -> 0+."""
    fig, ax = new_figure(width=5.0, height=5.2)
    x = np.linspace(-4, 2, 300)
    ax.plot(x, np.exp(x), color=BLUE, lw=2, label="y = eˣ")
    x = np.linspace(np.exp(-4), 7, 600)
    ax.plot(x, np.log(x), color=ORANGE, lw=2, label="y = ln x")
    t = np.linspace(-4, 7, 2)
    ax.plot(t, t, color="grey", ls=":", label="y = x (the mirror)")
    ax.plot([0, 1, np.e], [1, 0, 1], "o", color="black", label="e⁰ = 1, ln 1 = 0, ln e = 1")
    ax.annotate("ln x → −∞ as x → 0⁺\n(ln 0 is undefined)", (np.exp(-3.5), -3.5),
                xytext=(1.0, -3.3), arrowprops=dict(arrowstyle="->"), fontsize=9)
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set(xlim=(-4, 7), ylim=(-4, 7), aspect="equal", xlabel="x", ylabel="y")
    # Below the axes: inside, the legend would cover a curve.
    fig.legend(loc="outside lower center", ncols=2, fontsize=9)
    return fig


def sigmoid_curve():
    """sigma on [-6, 6], an S from 0 to 1 through (0, 1/2), and its slope, at most 1/4."""
    fig, ax = new_figure(width=5.8, height=3.6)
    z = np.linspace(-6, 6, 601)
    ax.plot(z, sigmoid(z), color=BLUE, lw=2, label="σ(z) = 1 / (1 + e⁻ᶻ)")
    ax.plot(z, sigmoid_prime(z), color=ORANGE, lw=2, ls="--", label="σ′(z) = σ(z)(1 − σ(z))")
    ax.plot([0, 0], [0.5, 0.25], "o", color="black", label="σ(0) = 1/2, σ′(0) = 1/4")
    for level in (0, 1):
        ax.axhline(level, color=GREEN, lw=0.8, ls=":")
    ax.set(xlabel="z", ylim=(-0.05, 1.05))
    ax.legend(loc="center right", fontsize=9)
    return fig


def cross_entropy_penalty():
    """-ln(p) for the probability p given to the true class: small when right, huge when confidently wrong."""
    fig, ax = new_figure(width=5.8, height=3.6)
    p = np.linspace(0.005, 1, 400)
    ax.plot(p, -np.log(p), color=RED, lw=2, label="penalty −ln p")
    marks = np.array([0.99, 0.5, 0.01])
    ax.plot(marks, -np.log(marks), "o", color="black", label="p = 0.99, 0.5, 0.01")
    for q in marks:
        ax.annotate(f"{-np.log(q):.2f}", (q, -np.log(q)), textcoords="offset points",
                    xytext=(8, 4))
    ax.set(xlabel="probability p given to the true class", ylabel="loss", ylim=(0, 5.5))
    ax.legend(fontsize=9)
    return fig


FIGURES = {
    "exponentials-powers-of-two.svg": powers_of_two,
    "exponentials-exp-and-log.svg": exp_and_log,
    "exponentials-sigmoid.svg": sigmoid_curve,
    "exponentials-penalty.svg": cross_entropy_penalty,
}
