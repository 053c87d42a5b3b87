"""Figures of the chapter "Jacobian and Hessian"."""

import numpy as np

from snippets.calculus.jacobians import hessian
from snippets._core.style import GREEN, RED, new_figure


def saddle(v):
    return v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2


def saddle_directions():
    """Level curves of x² + 3xy + y² with the Hessian's eigenvectors (left); f along each
    eigenvector, a parabola opening up (eigenvalue 5) and one opening down (−1) (right)."""
    fig, (plane, cuts) = new_figure(1, 2, width=8.4, height=4.6)
    eigenvalues, eigenvectors = np.linalg.eigh(hessian(saddle, [0.0, 0.0]))  # ascending
    x, y = np.meshgrid(np.linspace(-2, 2, 200), np.linspace(-2, 2, 200))
    levels = plane.contour(x, y, saddle([x, y]), levels=20, cmap="viridis")
    plane.clabel(levels, fontsize=8)
    t = np.linspace(-2, 2, 201)
    for value, u, colour in zip(eigenvalues, eigenvectors.T, (RED, GREEN)):
        label = f"eigenvalue {value:.0f}, direction ({u[0]:.2f}, {u[1]:.2f})"
        plane.plot(t * u[0], t * u[1], color=colour, lw=2, label=label)
        # along u, f(t u) = t² uᵀHu / 2 = λ t² / 2
        cuts.plot(t, saddle([t * u[0], t * u[1]]), color=colour, lw=2,
                  label=f"f(t·u), λ = {value:.0f}")
    plane.plot([0], [0], "o", color="black", label="critical point (0, 0)")
    plane.set(xlabel="x", ylabel="y", aspect="equal", xlim=(-2, 2), ylim=(-2, 2),
              title="Level curves and\nthe Hessian's eigenvectors")
    # below the plane, where it hides no level curve
    plane.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.16))
    cuts.axhline(0, color="black", lw=0.8)
    cuts.plot([0], [0], "o", color="black")
    cuts.set(xlabel="t", ylabel="f(t·u)", title="Up along one direction,\ndown along the other")
    cuts.legend(fontsize=9, loc="upper center")
    return fig


FIGURES = {
    "jacobians-saddle.svg": saddle_directions,
}
