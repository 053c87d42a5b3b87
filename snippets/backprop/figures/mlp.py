"""Figures of the chapter "A vectorised MLP"."""

import numpy as np

from snippets.backprop.mlp import XOR_X, train_xor
from snippets._core.style import BLUE, ORANGE, new_figure


def xor_loss():
    """Loss per epoch of the 2-4-1 XOR network for two seeds: one learns XOR, one stays stuck."""
    fig, (curves, bars) = new_figure(1, 2, width=8.4, height=3.8)
    for seed, colour in [(2, BLUE), (7, ORANGE)]:
        net, losses = train_xor(rng=seed)
        curves.plot(np.arange(losses.size), losses, color=colour, lw=2,
                    label=f"seed {seed}: final loss {losses[-1]:.4f}")
        predictions = net.forward(XOR_X).ravel()
        offset = -0.2 if seed == 2 else 0.2
        bars.bar(np.arange(4) + offset, predictions, width=0.4, color=colour,
                 label=f"seed {seed}")
    curves.axhline(0.25, color="black", lw=0.8, ls=":", label="0.25: predicting 0.5 everywhere")
    curves.set(yscale="log", xlabel="epoch", ylabel="mean squared error",
               title="Training loss, learning rate 0.5")
    curves.legend(fontsize=8, loc="lower left")
    bars.plot(np.arange(4), [0, 1, 1, 0], "k_", ms=30, mew=2, label="target x1 XOR x2")
    bars.set_xticks(np.arange(4), ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"])
    bars.set(xlabel="input (x1, x2)", ylabel="prediction", ylim=(0, 1.35),
             title="Predictions after 3000 epochs")
    bars.legend(fontsize=8, loc="upper center", ncols=3, markerscale=0.5)
    return fig


FIGURES = {"mlp-xor-loss.svg": xor_loss}
