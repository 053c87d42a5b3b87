"""Figures of the chapter "Loss landscapes"."""

import numpy as np

from snippets.backprop import MLP
from snippets.optimization.descent import gradient_descent
from snippets.optimization.landscapes import filter_normalized_direction, loss_slice
from snippets.optimization.losses import digits
from snippets.optimization.optimizers import Adam, fit
from snippets._core.style import BLUE, GREEN, ORANGE, RED, new_figure

# The slice: a 64-32-10 ReLU network trained by Adam on 1,200 digits, two filter-normalized
# directions, a 31 x 31 grid over [-1, 1]^2.
SLICE_GRID = np.linspace(-1.0, 1.0, 31)


def trained_digits_net():
    """The network of the slice, trained, and its training data."""
    X, y = digits()
    X, y = X[:1200], y[:1200]
    net = MLP([64, 32, 10], rng=0)
    fit(net, X, y, Adam(net.parameters(), lr=1e-3), steps=600, batch_size=64, rng=0)
    return net, X, y


def slice_data():
    """(alphas, betas, loss grid) of the trained network on the plane of two random directions."""
    net, X, y = trained_digits_net()
    d1 = filter_normalized_direction(net, rng=1)
    d2 = filter_normalized_direction(net, rng=2)
    return SLICE_GRID, SLICE_GRID, loss_slice(net, X, y, d1, d2, SLICE_GRID, SLICE_GRID)


def loss_surface():
    """A trained network's loss on a 2-D slice through its weights, as contours and a 1-D cut."""
    fig, (plane, cut) = new_figure(1, 2, width=8.4, height=3.8)
    a, b, L = slice_data()
    levels = np.geomspace(L.min(), L.max(), 14)
    cs = plane.contourf(a, b, L, levels=levels, cmap="viridis", locator=None)
    plane.contour(a, b, L, levels=levels, colors="white", linewidths=0.4)
    fig.colorbar(cs, ax=plane, label="loss", format="%.2g")
    plane.plot(0, 0, "*", color=RED, ms=12, label="trained weights")
    plane.set(xlabel="α (direction 1)", ylabel="β (direction 2)", aspect="equal",
              title="Loss at θ + α d₁ + β d₂")
    plane.legend(fontsize=8, loc="upper right")
    plane.set_xticks([-1, -0.5, 0, 0.5, 1])
    plane.set_yticks([-1, -0.5, 0, 0.5, 1])
    mid = len(b) // 2
    cut.plot(a, L[mid], color=BLUE, lw=2, label="β = 0")
    cut.plot(b, L[:, mid], color=ORANGE, lw=2, label="α = 0")
    cut.set(xlabel="distance along the direction", ylabel="training cross-entropy", yscale="log",
            title="Two 1-D cuts through θ")
    cut.legend(fontsize=8)
    return fig


# The saddle f = x^2 + 3xy + y^2: eigenvalue 5 along (1, 1), -1 along (1, -1)/sqrt 2.
def saddle(x, y):
    return x**2 + 3 * x * y + y**2


def saddle_grad(p):
    return np.array([2 * p[0] + 3 * p[1], 3 * p[0] + 2 * p[1]])


SADDLE_LR, SADDLE_OFFSETS, SADDLE_STEPS = 0.05, [1e-1, 1e-3, 1e-6, 0.0], 320


def saddle_start(offset):
    """A start on the rising direction (1, 1), moved by ``offset`` along the falling one."""
    return np.array([1.0, 1.0]) + offset * np.array([1.0, -1.0]) / np.sqrt(2)


def saddle_escape():
    """DG29: the saddle's level curves (two lines cross at the saddle point) and gradient descent
    from starts ever closer to the line that leads into the saddle."""
    fig, (plane, values) = new_figure(1, 2, width=8.4, height=4.6)
    x, y = np.meshgrid(np.linspace(-2, 2, 201), np.linspace(-2, 2, 201))
    f = saddle(x, y)
    plane.contour(x, y, f, levels=[-3, -1.5, -0.5, 0.5, 1.5, 3, 5], colors="grey", linewidths=0.6)
    plane.contour(x, y, f, levels=[0], colors="black", linewidths=1.2)
    colours = [RED, ORANGE, GREEN, BLUE]
    for offset, colour in zip(SADDLE_OFFSETS, colours):
        path = gradient_descent(saddle_grad, saddle_start(offset), SADDLE_LR, SADDLE_STEPS)
        inside = np.all(np.abs(path) <= 2.5, axis=1)
        shown = path[inside]
        label = f"offset {offset:g}" if offset else "offset 0: stays on the line"
        plane.plot(shown[:, 0], shown[:, 1], ".-", color=colour, ms=2, lw=1, label=label)
        values.plot(np.arange(len(path)), saddle(path[:, 0], path[:, 1]), color=colour, lw=1.5,
                    label=label)
    plane.plot(0, 0, "o", color="black", ms=5)
    plane.set(xlabel="x", ylabel="y", aspect="equal", xlim=(-2, 2), ylim=(-2, 2),
              title="f = x² + 3xy + y²: f = 0 on two lines")
    values.set(xlabel="step t", ylabel="f(x_t)", ylim=(-4, 6),
               title=f"f along the paths, η = {SADDLE_LR}")
    values.axhline(0, color="black", lw=0.6)
    # One legend for both panels, below them: inside, it would cover the paths.
    fig.legend(*values.get_legend_handles_labels(), fontsize=8, ncols=2, loc="outside lower center")
    return fig


FIGURES = {
    "landscapes-slice.svg": loss_surface,
    "landscapes-saddle.svg": saddle_escape,
}
