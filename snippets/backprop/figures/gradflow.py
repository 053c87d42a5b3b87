"""Figures of the chapter "Gradient flow"."""

import numpy as np

from snippets.backprop.gradflow import grad_norms
from snippets.backprop.mlp import relu_prime, sigmoid_prime, tanh_prime
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure

LAYERS = np.arange(1, 31)  # grad_norms' default depth is 30


def activation_derivatives():
    """sigma', tanh' and ReLU' on [-6, 6]: where each one saturates, and its largest value."""
    fig, ax = new_figure(width=6.4, height=3.8)
    z = np.linspace(-6, 6, 601)  # contains z = 0 exactly
    ax.plot(z, sigmoid_prime(z), color=BLUE, lw=2, label="σ′(z), at most 1/4")
    ax.plot(z, tanh_prime(z), color=ORANGE, lw=2, label="tanh′(z), at most 1")
    # ReLU' jumps at 0: draw the two pieces apart, and its value at 0 as a dot.
    relu_z = np.where(z == 0, np.nan, z)
    ax.plot(relu_z, relu_prime(z), color=GREEN, lw=2, ls="--", label="ReLU′(z), 0 or 1")
    ax.plot([0.0], relu_prime(np.array([0.0])), "o", color=GREEN, label="ReLU′(0) = 0")
    ax.axhline(0.25, color=BLUE, lw=0.8, ls=":")
    ax.set(xlabel="pre-activation z", ylabel="derivative", ylim=(-0.05, 1.1))
    ax.legend(loc="upper left", fontsize=9)
    return fig


def _layers(ax, runs, title="", legend_title=None, **legend_options):
    for label, colour, kwargs in runs:
        ax.plot(LAYERS, grad_norms(**kwargs), "o-", ms=3, color=colour, label=label)
    ax.set(yscale="log", xlabel="layer (1 = next to the input)", ylabel="‖dL/dW‖", title=title)
    ax.legend(fontsize=8, title=legend_title, title_fontsize=8, **legend_options)


def depth():
    """Gradient norm per layer of a 30-layer stack for sigmoid, tanh and ReLU."""
    fig, ax = new_figure(width=6.4, height=4.0)
    _layers(ax, legend_title="30 layers", runs=[
        ("sigmoid, Xavier", BLUE, dict(activation="sigmoid")),
        ("tanh, Xavier", ORANGE, dict(activation="tanh")),
        ("ReLU, He", GREEN, dict(activation="relu", gain=np.sqrt(2))),
    ])
    return fig


def initialisation():
    """ReLU stack with weights of standard deviation gain / sqrt(width), three gains."""
    fig, ax = new_figure(width=6.4, height=4.0)
    # The legend in the gap between the exploding and the other lines.
    _layers(ax, legend_title="ReLU, 30 layers", loc="center left", bbox_to_anchor=(0, 0.62), runs=[
        ("gain 1 (Xavier): vanishing", BLUE, dict(activation="relu", gain=1.0)),
        ("gain √2 (He)", GREEN, dict(activation="relu", gain=np.sqrt(2))),
        ("gain 2: exploding", RED, dict(activation="relu", gain=2.0)),
    ])
    return fig


def mitigations():
    """Left: residual connections on a sigmoid stack. Right: normalisation on an exploding one."""
    fig, (left, right) = new_figure(1, 2, width=8.4, height=4.0)
    _layers(left, title="Sigmoid, Xavier", runs=[
        ("plain", BLUE, dict(activation="sigmoid")),
        ("residual", ORANGE, dict(activation="sigmoid", residual=True)),
        ("residual + normalisation", PURPLE,
         dict(activation="sigmoid", residual=True, normalise=True)),
    ])
    _layers(right, title="ReLU, gain 2", runs=[
        ("plain", RED, dict(activation="relu", gain=2.0)),
        ("normalisation", PURPLE, dict(activation="relu", gain=2.0, normalise=True)),
        ("clipped to global norm 1", GREEN, dict(activation="relu", gain=2.0, max_norm=1.0)),
    ])
    return fig


FIGURES = {
    "gradflow-activations.svg": activation_derivatives,
    "gradflow-depth.svg": depth,
    "gradflow-init.svg": initialisation,
    "gradflow-mitigations.svg": mitigations,
}
