"""Figures of the chapter "Batch, stochastic and mini-batch gradient descent"."""

import numpy as np

from snippets.backprop import MLP
from snippets.optimization.descent import train
from snippets.optimization.losses import digits, mse_loss
from snippets.optimization.minibatch import batch_gradient, gradient_noise
from snippets._core.style import BLUE, ORANGE, RED, new_figure

NOISE_BATCHES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512]


def line_data():
    """100 points y = 2 x + 1 + noise: the least-squares fit of (w, b) has a 2-D path."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-1, 1, 100)
    return x, 2 * x + 1 + rng.normal(0, 0.5, 100)


def line_gradient(theta, x, y):
    """Gradient of the MSE of y_hat = w x + b with respect to theta = (w, b)."""
    w, b = theta
    _, dy_hat = mse_loss(
        w * x + b, y
    )  # dL/dy_hat, the 1/n of the mean included
    return np.array([np.sum(dy_hat * x), np.sum(dy_hat)])


def paths(lr=0.3, steps=40, batch_size=4):
    """Full-batch and mini-batch paths of (w, b) from (-1, -1), the same rate and step count."""
    x, y = line_data()
    rng = np.random.default_rng(1)
    full, mini = [np.array([-1.0, -1.0])], [np.array([-1.0, -1.0])]
    for _ in range(steps):
        full.append(full[-1] - lr * line_gradient(full[-1], x, y))
        rows = rng.choice(x.size, batch_size, replace=False)
        mini.append(mini[-1] - lr * line_gradient(mini[-1], x[rows], y[rows]))
    return np.array(full), np.array(mini)


def path_figure():
    """DG28 from real runs: the full-batch path is smooth, the mini-batch path zig-zags."""
    x, y = line_data()
    full, mini = paths()
    fig, ax = new_figure(width=6.4, height=4.6)
    W, B = np.meshgrid(
        np.linspace(-1.5, 3.5, 201), np.linspace(-1.5, 2.5, 201)
    )
    loss = np.mean((W[..., None] * x + B[..., None] - y) ** 2, axis=-1)
    ax.contour(
        W,
        B,
        loss,
        levels=np.geomspace(loss.min() * 1.05, loss.max(), 12),
        colors="grey",
        linewidths=0.6,
    )
    ax.plot(
        *full.T,
        "o-",
        color=BLUE,
        ms=3,
        lw=1.5,
        label="full batch (100 points)",
    )
    ax.plot(
        *mini.T, "o-", color=ORANGE, ms=3, lw=1.2, label="mini-batches of 4"
    )
    best = np.linalg.lstsq(
        np.column_stack([x, np.ones_like(x)]), y, rcond=None
    )[0]
    ax.plot(*best, "*", color=RED, ms=14, label="least-squares minimum")
    ax.set(
        xlabel="slope w",
        ylabel="intercept b",
    )
    ax.legend(fontsize=8, loc="lower right", title="40 steps of η = 0.3 from (−1, −1)",
              title_fontsize=8)
    return fig


def noise():
    """E ||g_B - g||² of a trained digits network against B, with the exact law."""
    X, y = digits()
    net = MLP([64, 32, 10], rng=0)
    train(net, X, y, 0.1, 300, batch_size=64, rng=0)
    G = np.array(
        [batch_gradient(net, X, y, [i]) for i in range(len(X))]
    )  # per-example gradients
    g = G.mean(axis=0)
    sigma2, n = np.mean(np.sum((G - g) ** 2, axis=1)), len(X)
    B = np.array(NOISE_BATCHES)
    # Small batches have heavy-tailed noise: more trials where they are cheap.
    measured = [
        gradient_noise(net, X, y, b, trials=max(100, 2000 // b), rng=b)
        for b in B
    ]
    fig, ax = new_figure(width=6.4, height=4.2)
    ax.loglog(
        B,
        measured,
        "o",
        color=BLUE,
        label="measured (100 to 2,000 batches each)",
    )
    ax.loglog(
        B,
        sigma2 / B * (n - B) / (n - 1),
        color=ORANGE,
        label="σ²/B · (n − B)/(n − 1), exact",
    )
    ax.loglog(B, sigma2 / B, color="black", ls=":", lw=1, label="σ²/B")
    ax.set(
        xlabel="batch size B",
        ylabel="mean of ‖g_B − g‖²",
    )
    ax.legend(fontsize=8)
    return fig


FIGURES = {"minibatch-paths.svg": path_figure, "minibatch-noise.svg": noise}
