"""Figures of the chapter "Partial derivatives and gradients"."""

import numpy as np

from snippets.calculus.gradients import gradient
from snippets._core.style import RED, new_figure


def saddle(x, y):
    return x**2 + 3 * x * y + y**2


def surface_and_contours():
    """f(x, y) = x² + 3xy + y² on [−2, 2]² as a surface (left) and as 20 labelled level
    curves (right)."""
    fig, (left, contours) = new_figure(1, 2, width=8.4, height=4.0)
    left.remove()
    surface = fig.add_subplot(1, 2, 1, projection="3d")  # projection "3d" needs no import
    x, y = np.meshgrid(np.linspace(-2, 2, 50), np.linspace(-2, 2, 50))
    z = saddle(x, y)
    drawn = surface.plot_surface(x, y, z, cmap="viridis", linewidth=0, rasterized=True)
    fig.colorbar(drawn, ax=surface, shrink=0.7, pad=0.12, label="f(x, y)")
    surface.set(xlabel="x", ylabel="y", zlabel="f", title="Surface z = f(x, y)",
                xticks=[-2, 0, 2], yticks=[-2, 0, 2])
    levels = contours.contour(x, y, z, levels=20, cmap="viridis")
    contours.clabel(levels, fontsize=8)
    contours.set(xlabel="x", ylabel="y", title="Level curves f(x, y) = c", aspect="equal")
    return fig


def gradient_field():
    """Level curves of x² + 3xy + y² with red arrows along the gradient on an 8 × 8 grid."""
    fig, ax = new_figure(width=6.0, height=5.9)
    x, y = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-2, 2, 200))
    levels = ax.contour(x, y, saddle(x, y), levels=20, cmap="viridis")
    ax.clabel(levels, fontsize=8)
    grid = np.linspace(-1.75, 1.75, 8)
    points = np.array([(a, b) for b in grid for a in grid])
    g = np.array([gradient(lambda v: saddle(*v), p) for p in points])
    # Every arrow 0.2 long: only the direction matters; 1e-8 keeps 0 / 0 away at a zero gradient.
    g = 0.2 * g / (np.linalg.norm(g, axis=1, keepdims=True) + 1e-8)
    ax.quiver(points[:, 0], points[:, 1], g[:, 0], g[:, 1], color=RED, angles="xy",
              scale_units="xy", scale=1, width=0.005, label="∇f / |∇f|: uphill")
    ax.set(xlabel="x", ylabel="y", aspect="equal")
    # Below the axes: inside, the legend would cover arrows.
    fig.legend(loc="outside lower center", fontsize=9)
    return fig


FIGURES = {
    "gradients-surface.svg": surface_and_contours,
    "gradients-field.svg": gradient_field,
}
