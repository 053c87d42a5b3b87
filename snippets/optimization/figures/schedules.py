"""Figures of the chapter "Learning rate and schedules"."""

import numpy as np

from snippets.backprop import MLP
from snippets.optimization.descent import train
from snippets.optimization.losses import digits
from snippets.optimization.schedules import (
    cosine_annealing_lr,
    exponential_lr,
    linear_lr,
    one_cycle_lr,
    step_lr,
    warmup_cosine_lr,
)
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure

# The sweep of exercise 7: the rates, the network and the budget (20 epochs of batches of 64).
SWEEP_LRS = [3.0, 1.0, 0.1, 0.01, 1e-3, 1e-4, 1e-5]
SWEEP_EPOCHS, SWEEP_BATCH = 20, 64


def sweep():
    """Mean loss per epoch of a 64-32-10 MLP on the digits for each rate of ``SWEEP_LRS``."""
    X, y = digits()
    steps_per_epoch = -(
        -len(X) // SWEEP_BATCH
    )  # ceil: the last batch is smaller
    curves = {}
    for lr in SWEEP_LRS:
        losses = train(
            MLP([64, 32, 10], rng=0),
            X,
            y,
            lr,
            SWEEP_EPOCHS * steps_per_epoch,
            batch_size=SWEEP_BATCH,
            rng=0,
        )
        curves[lr] = losses.reshape(SWEEP_EPOCHS, steps_per_epoch).mean(axis=1)
    return curves


def lr_sweep():
    """Learning-rate sweep on the digits (E7): loss per epoch, and the final loss against the rate."""
    curves = sweep()
    fig, (left, right) = new_figure(1, 2, width=8.4, height=4.6)
    colours = [RED, ORANGE, GREEN, BLUE, PURPLE, "grey", "black"]
    epochs = np.arange(1, SWEEP_EPOCHS + 1)
    for (lr, loss), colour in zip(curves.items(), colours):
        left.plot(epochs, loss, "o-", ms=3, color=colour, label=f"η = {lr:g}")
    left.axhline(
        np.log(10),
        color="black",
        lw=0.8,
        ls=":",
        label="ln 10: guessing uniformly",
    )
    left.set(
        xlabel="epoch",
        ylabel="mean cross-entropy of the epoch's batches",
        yscale="log",
        title="Loss curves, batches of 64",
    )
    # Below the panels: inside, the legend would cover the curves.
    fig.legend(*left.get_legend_handles_labels(), fontsize=8, ncols=4, loc="outside lower center")
    right.semilogx(
        list(curves), [c[-1] for c in curves.values()], "o-", color=BLUE
    )
    right.axhline(np.log(10), color="black", lw=0.8, ls=":")
    right.set(
        xlabel="learning rate η",
        ylabel=f"loss in epoch {SWEEP_EPOCHS}",
        yscale="log",
        title="Final loss against the learning rate",
    )
    return fig


def shapes():
    """The six schedules over 100 steps, each from a peak rate of 0.1."""
    t = np.arange(100)
    fig, ax = new_figure(width=6.4, height=5.4)
    schedules = [  # (rates, colour, line style, label)
        (np.full(t.shape, 0.1), "grey", "-", "constant"),
        (step_lr(t, 0.1, step_size=30), BLUE, "-", "step_lr, step_size 30"),
        (exponential_lr(t, 0.1, gamma=0.96), ORANGE, "-", "exponential_lr, γ 0.96"),
        (cosine_annealing_lr(t, 0.1, T_max=100), GREEN, "-", "cosine_annealing_lr, T_max 100"),
        (linear_lr(t, 0.1, total_iters=20), PURPLE, "-", "linear_lr, 20 steps"),
        (one_cycle_lr(t, 0.1, total_steps=100), RED, "-", "one_cycle_lr, 100 steps"),
        (warmup_cosine_lr(t, 0.1, warmup_steps=10, total_steps=100), "black", "--",
         "warmup_cosine_lr, 10 + 90 steps"),
    ]
    for rates, color, style, label in schedules:
        ax.plot(t, rates, color=color, ls=style, label=label)
    ax.set(
        xlabel="step t",
        ylabel="learning rate used at step t (peak 0.1)",
    )
    # Below the axes, so that the plot keeps the figure's width on a phone.
    fig.legend(fontsize=9, loc="outside lower center", ncol=2)
    return fig


FIGURES = {"schedules-sweep.svg": lr_sweep, "schedules-shapes.svg": shapes}
