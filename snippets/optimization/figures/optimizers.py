"""Figures of the chapter "Momentum and adaptive optimizers"."""

import numpy as np

from snippets.backprop import MLP
from snippets.optimization.losses import digits
from snippets.optimization.optimizers import SGD, SURFACES, Adam, AdamW, fit, optimizer_path
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure

BOWL = SURFACES["bowl"]
# E8: the same learning rate, with and without momentum, and heavy ball tuned by Polyak's rule.
BOWL_RUNS = [
    ("gradient descent, η = 0.09", {"lr": 0.09}, RED),
    ("momentum 0.5, η = 0.09", {"lr": 0.09, "momentum": 0.5}, BLUE),
    ("tuned heavy ball, η = 0.115, μ = 0.27",
     {"lr": 4 / (np.sqrt(2) + np.sqrt(20)) ** 2,
      "momentum": float(((np.sqrt(10) - 1) / (np.sqrt(10) + 1)) ** 2)}, GREEN),
]


def bowl_paths():
    """E8: 30 steps on x² + 10y² from (−4, 1), and f against the step for 60 steps."""
    fig, (plane, curve) = new_figure(1, 2, width=8.4, height=3.9)
    plane.get_gridspec().set_width_ratios([3, 2])  # the plane is 10 wide and 4 high
    x, y = np.meshgrid(np.linspace(-5, 5, 201), np.linspace(-2, 2, 121))
    plane.contour(x, y, BOWL["f"](x, y), levels=BOWL["levels"], colors="grey", linewidths=0.6)
    for label, options, colour in BOWL_RUNS:
        path = optimizer_path(SGD, BOWL["grad"], BOWL["start"], 60, **options)
        plane.plot(path[:31, 0], path[:31, 1], "o-", color=colour, ms=2.5, lw=1, label=label)
        curve.semilogy(BOWL["f"](path[:, 0], path[:, 1]), color=colour, lw=1.5, label=label)
    plane.plot(0, 0, "*", color="black", ms=10)
    plane.set(xlabel="x", ylabel="y", title="30 steps on f = x² + 10y² from (−4, 1)", aspect="equal")
    curve.set(xlabel="step t", ylabel="f(x_t)", title="The loss against the step", ylim=(1e-30, 1e3))
    # One legend for both panels, below them: inside, it would cover the lines.
    fig.legend(*curve.get_legend_handles_labels(), fontsize=8, ncols=3, loc="outside lower center")
    return fig


# The digits run: a 64-32-10 ReLU network, mini-batches of 64, 600 steps, the first 1,200 images
# to train on and the other 597 to test; each optimizer with a learning rate usual for it.
DIGITS_RUNS = [
    ("SGD, η = 0.1", lambda p: SGD(p, lr=0.1), RED),
    ("SGD + momentum 0.9, η = 0.01", lambda p: SGD(p, lr=0.01, momentum=0.9), ORANGE),
    ("Adam, η = 0.001", lambda p: Adam(p, lr=1e-3), BLUE),
    ("AdamW, η = 0.001, λ = 0.01", lambda p: AdamW(p, lr=1e-3), PURPLE),
]
DIGITS_STEPS, DIGITS_TRAIN = 600, 1200


def digits_runs():
    """{label: (losses, test accuracy)} of the four optimizers on the digits, same start and batches."""
    X, y = digits()
    runs = {}
    for label, make, _ in DIGITS_RUNS:
        net = MLP([64, 32, 10], rng=0)
        losses = fit(net, X[:DIGITS_TRAIN], y[:DIGITS_TRAIN], make(net.parameters()),
                     steps=DIGITS_STEPS, batch_size=64, rng=0)
        accuracy = np.mean(np.argmax(net.forward(X[DIGITS_TRAIN:]), axis=1) == y[DIGITS_TRAIN:])
        runs[label] = (losses, float(accuracy))
    return runs


def digits_comparison():
    """Training loss (smoothed over 20 steps) and test accuracy of the four optimizers."""
    fig, (curves, bars) = new_figure(1, 2, width=8.4, height=4.0)
    runs = digits_runs()
    kernel = np.ones(20) / 20
    for (label, _, colour), (losses, accuracy) in zip(DIGITS_RUNS, runs.values()):
        curves.plot(np.arange(19, DIGITS_STEPS), np.convolve(losses, kernel, "valid"),
                    color=colour, lw=1.5, label=label)
    curves.set(xlabel="step", ylabel="cross-entropy (mean of 20 batches)", yscale="log",
               title="Training loss, 8×8 digits, batches of 64")
    curves.legend(fontsize=8)
    accuracies = [accuracy for _, accuracy in runs.values()]
    bars.bar(range(4), accuracies, color=[c for *_, c in DIGITS_RUNS])
    for i, a in enumerate(accuracies):
        bars.text(i, a + 0.005, f"{a:.1%}", ha="center", fontsize=8)
    bars.set_xticks(range(4), ["SGD", "momentum", "Adam", "AdamW"])
    bars.set(ylim=(0.8, 1.0), ylabel="accuracy on 597 held-out images",
             title=f"Test accuracy after {DIGITS_STEPS} steps")
    return fig


FIGURES = {
    "optimizers-bowl.svg": bowl_paths,
    "optimizers-digits.svg": digits_comparison,
}
