"""Figures of the chapter "Loss functions"."""

import numpy as np

from snippets.backprop import MLP
from snippets.optimization.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    digits,
    l1_loss,
    mse_loss,
)
from snippets._core.style import BLUE, ORANGE, new_figure


def _pointwise(loss, inputs, target):
    """Loss and gradient of a one-example batch at each of ``inputs``."""
    pairs = [loss(np.array([v]), np.array([target])) for v in inputs]
    return np.array([p[0] for p in pairs]), np.array([p[1][0] for p in pairs])


def loss_curves():
    """Each loss (solid) and its gradient (dashed) against the prediction, for one example."""
    # Two by two rather than one row of four: legible on a phone.
    fig, grid = new_figure(2, 2, width=8.0, height=6.4)
    axes = grid.ravel()
    e = np.linspace(-2, 2, 401)
    for loss, colour, name in [
        (mse_loss, BLUE, "MSE"),
        (l1_loss, ORANGE, "MAE"),
    ]:
        L, g = _pointwise(loss, e, 0.0)
        axes[0].plot(e, L, color=colour, lw=2, label=f"{name} loss")
        axes[0].plot(e, g, color=colour, ls="--", label=f"{name} gradient")
    axes[0].set(
        xlabel="prediction ŷ (target y = 0)",
        title="Regression",
        ylim=(-4.5, 4.5),
    )

    p = np.linspace(0.01, 0.99, 393)
    L, g = _pointwise(binary_cross_entropy, p, 1.0)
    axes[1].plot(p, L, color=BLUE, lw=2, label="BCE loss")
    axes[1].plot(p, g, color=BLUE, ls="--", label="gradient dL/dp")
    axes[1].set(
        xlabel="probability p (target y = 1)",
        title="BCE from a probability",
        ylim=(-10, 5),
    )

    z = np.linspace(-8, 8, 401)
    L, g = _pointwise(binary_cross_entropy_with_logits, z, 1.0)
    axes[2].plot(z, L, color=BLUE, lw=2, label="BCE loss")
    axes[2].plot(z, g, color=BLUE, ls="--", label="gradient dL/dz")
    axes[2].set(xlabel="logit z (target y = 1)", title="BCE from a logit")

    # Three classes, the true one's logit varies, the other two stay at 0.
    pairs = [
        cross_entropy(np.array([[v, 0.0, 0.0]]), np.array([0])) for v in z
    ]
    axes[3].plot(
        z, [p[0] for p in pairs], color=BLUE, lw=2, label="cross-entropy"
    )
    axes[3].plot(
        z,
        [p[1][0, 0] for p in pairs],
        color=BLUE,
        ls="--",
        label="gradient dL/dz₀",
    )
    axes[3].set(
        xlabel="logit z₀ of the true class (others 0)",
        title="Cross-entropy, 3 classes",
    )
    for ax in axes:
        ax.axhline(0, color="black", lw=0.6)
        ax.legend(fontsize=8, loc="upper center")
    return fig


def landscape():
    """A digits network's loss along two lines through its parameters (FIG13 from a real model)."""
    X, y = digits()
    net = MLP([64, 32, 10], rng=0)
    start = [p.copy() for p in net.parameters()]
    rng = np.random.default_rng(0)
    for epoch in range(15):  # mini-batch SGD, batches of 64, lr 0.1
        order = rng.permutation(len(X))
        for i in range(0, len(X), 64):
            rows = order[i : i + 64]
            _, dZ = cross_entropy(net.forward(X[rows]), y[rows])
            net.backward(dZ)
            for p, g in zip(net.parameters(), net.gradients()):
                p -= 0.1 * g
    trained = [p.copy() for p in net.parameters()]

    def loss_at(alpha, direction, origin):
        for p, o, d in zip(net.parameters(), origin, direction):
            p[...] = o + alpha * d
        return cross_entropy(net.forward(X), y)[0]

    fig, (line, random) = new_figure(1, 2, width=8.4, height=3.8)
    alphas = np.linspace(-0.5, 1.5, 81)
    towards = [t - s for s, t in zip(start, trained)]
    line.plot(
        alphas,
        [loss_at(a, towards, start) for a in alphas],
        color=BLUE,
        lw=2,
        label="loss on the line",
    )
    line.plot(
        [0, 1],
        [loss_at(0, towards, start), loss_at(1, towards, start)],
        "o",
        color=ORANGE,
        label="α = 0: initial, α = 1: trained",
    )
    line.set(
        xlabel="α in θ₀ + α (θ* − θ₀)",
        ylabel="mean cross-entropy on 1,797 digits",
        title="From initial θ₀ to trained θ*",
    )
    line.legend(fontsize=8)
    # A random direction, each array scaled to the norm of the trained array it moves.
    direction = [rng.normal(size=t.shape) for t in trained]
    direction = [
        d * np.linalg.norm(t) / np.linalg.norm(d)
        for d, t in zip(direction, trained)
    ]
    betas = np.linspace(-1, 1, 81)
    random.plot(
        betas,
        [loss_at(b, direction, trained) for b in betas],
        color=BLUE,
        lw=2,
        label="loss on the line",
    )
    random.plot(
        [0],
        [loss_at(0, direction, trained)],
        "o",
        color=ORANGE,
        label="β = 0: trained θ*",
    )
    random.set(
        xlabel="β in θ* + β d, d random",
        ylabel="mean cross-entropy",
        title="Through θ*, a random direction",
    )
    random.legend(fontsize=8)
    return fig


FIGURES = {"losses-curves.svg": loss_curves, "losses-landscape.svg": landscape}
