"""Figures of the chapter "Linear algebra"."""

import numpy as np
from matplotlib.patches import Rectangle

from snippets.foundations.linear_algebra import direction, matrix_power_norms
from snippets.foundations.trigonometry import rotation_matrix
from snippets._core.style import BLUE, GREEN, ORANGE, PURPLE, RED, new_figure

TRANSFORMS = [
    ("scale x by 2", np.array([[2.0, 0.0], [0.0, 1.0]])),
    ("rotate by 30°", rotation_matrix(np.radians(30))),
    ("shear, k = 1", np.array([[1.0, 1.0], [0.0, 1.0]])),
]
NON_NORMAL = np.array([[0.9, 5.0], [0.0, 0.9]])


def _arrow(ax, start, end, colour, label, **kw):
    """An arrow from ``start`` to ``end``: a line (it carries the label) with a head on it."""
    ax.plot([start[0], end[0]], [start[1], end[1]], color=colour, lw=2, label=label)
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, **kw))


def _plane(ax, lim):
    ax.axhline(0, color="grey", lw=0.8)
    ax.axvline(0, color="grey", lw=0.8)
    ax.set(xlim=lim, ylim=lim, aspect="equal")


def vector():
    """v = (3, 4) from the origin, with its length 5 and its angle of about 53.1 degrees."""
    fig, ax = new_figure(width=4.0, height=3.6)
    _plane(ax, (-0.5, 5))
    _arrow(ax, (0, 0), (3, 4), BLUE, "v = (3, 4)")
    theta = direction([3.0, 4.0])
    arc = np.linspace(0, theta, 30)
    ax.plot(np.cos(arc), np.sin(arc), color=PURPLE)
    ax.text(1.1, 0.35, f"θ ≈ {np.degrees(theta):.1f}°", color=PURPLE)
    ax.text(0.5, 2.6, "‖v‖ = 5", color=BLUE)
    ax.plot([3, 3], [0, 4], color="grey", ls=":", lw=1)
    ax.legend(loc="upper left")
    return fig


def add_and_scale():
    """Left: a + b drawn head to tail. Right: v and 3v on the same line."""
    fig, (add, scale) = new_figure(1, 2, width=6.0, height=3.4)
    _plane(add, (-0.5, 5))
    a, b = np.array([3.0, 1.0]), np.array([1.0, 2.0])
    _arrow(add, (0, 0), tuple(a), BLUE, "a = (3, 1)")
    _arrow(add, tuple(a), tuple(a + b), ORANGE, "b = (1, 2)")
    _arrow(add, (0, 0), tuple(a + b), GREEN, "a + b = (4, 3)")
    add.legend(loc="upper left", fontsize=9)
    add.set_title("Head to tail")

    _plane(scale, (-0.5, 7))
    v = np.array([1.0, 2.0])
    _arrow(scale, (0, 0), tuple(3 * v), ORANGE, "3v = (3, 6)")
    _arrow(scale, (0, 0), tuple(v), BLUE, "v = (1, 2)")
    scale.legend(loc="upper left", fontsize=9)
    scale.set_title("Scaling stretches")
    return fig


def transformations():
    """A grid and the unit square, before (grey) and after (colour) three 2x2 matrices."""
    fig, axes = new_figure(1, 3, width=6.4, height=2.9)
    lines = np.linspace(-2, 2, 9)
    t = np.linspace(-2, 2, 50)
    square = np.array([[0, 1, 1, 0, 0], [0, 0, 1, 1, 0]], dtype=float)
    for ax, (name, M), colour in zip(axes, TRANSFORMS, [BLUE, ORANGE, GREEN]):
        for c in lines:
            for xy in (np.vstack([t, np.full_like(t, c)]), np.vstack([np.full_like(t, c), t])):
                ax.plot(*xy, color="lightgrey", lw=0.6)
                ax.plot(*(M @ xy), color=colour, lw=0.6, alpha=0.5)
        ax.fill(*square, color="grey", alpha=0.3, label="unit square")
        ax.fill(*(M @ square), color=colour, alpha=0.5, label=f"after {name}")
        _arrow(ax, (0, 0), tuple(M[:, 0]), RED, "image of e₁ = first column")
        ax.set(xlim=(-2.2, 2.2), ylim=(-2.2, 2.2), aspect="equal", xticks=[-2, 0, 2],
               yticks=[-2, 0, 2])
        ax.set_title(f"{name}\n[[{M[0, 0]:.2g}, {M[0, 1]:.2g}], [{M[1, 0]:.2g}, {M[1, 1]:.2g}]]",
                     fontsize=10)
        ax.grid(False)
    return fig


def dense_layer_diagram():
    """z = x W + b with x 1x3 and W 3x4: output z_j is x dotted with column j of W."""
    fig, ax = new_figure(width=6.4, height=3.0)
    ax.set_axis_off()
    j = 2  # the highlighted output neuron

    def cells(x0, y0, rows, cols, label, highlight=None):
        for r in range(rows):
            for c in range(cols):
                lit = highlight is not None and highlight(r, c)
                ax.add_patch(Rectangle((x0 + c, y0 - r), 1, 1, fill=True, lw=1.2, ec="black",
                                       fc=ORANGE if lit else "white", alpha=0.8 if lit else 1,
                                       label=label if (r, c) == (0, 0) else None))
        ax.text(x0 + cols / 2, y0 + 1.3, label, ha="center", fontsize=10)

    cells(0, 1, 1, 3, "x  (1 × 3)", highlight=lambda r, c: True)
    ax.text(3.5, 1.5, "×", fontsize=14, ha="center", va="center")
    cells(4, 2, 3, 4, "W  (3 × 4)", highlight=lambda r, c: c == j)
    ax.text(9.0, 1.5, "+ b =", fontsize=12, ha="center", va="center")
    cells(10.0, 1, 1, 4, "z  (1 × 4)", highlight=lambda r, c: c == j)
    ax.text(7, -1.6, f"z{'₁₂₃₄'[j]} = x · (column {j + 1} of W) + b{'₁₂₃₄'[j]}: one neuron, one dot product",
            ha="center", fontsize=10, color=ORANGE)
    ax.set(xlim=(-0.3, 14.3), ylim=(-2.2, 3.6), aspect="equal")
    return fig


def eigenvectors():
    """Under A = [[2, 1], [1, 2]], (1, 0) turns while the eigenvector (1, 1) is only stretched by 3."""
    fig, (ordinary, eigen) = new_figure(1, 2, width=6.0, height=3.4)
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    for ax, v, title in [(ordinary, np.array([1.0, 0.0]), "Ordinary: turns"),
                         (eigen, np.array([1.0, 1.0]), "Eigenvector: same line")]:
        _plane(ax, (-0.5, 3.5))
        _arrow(ax, (0, 0), tuple(A @ v), ORANGE, f"A v = ({A @ v @ [1, 0]:.0f}, {A @ v @ [0, 1]:.0f})")
        _arrow(ax, (0, 0), tuple(v), BLUE, f"v = ({v[0]:.0f}, {v[1]:.0f})")
        ax.set_title(title)
        ax.legend(loc="upper left", fontsize=9)
    eigen.text(1.6, 0.6, "A v = 3 v", color=ORANGE)
    return fig


def transient_growth():
    """||A^k|| for A = [[0.9, 5], [0, 0.9]] (eigenvalues 0.9) against 0.9^k: growth before decay."""
    fig, ax = new_figure(width=6.0, height=3.8)
    k = np.arange(81)
    ax.plot(k, matrix_power_norms(NON_NORMAL, 80), color=RED, lw=2,
            label="‖Aᵏ‖, A = [[0.9, 5], [0, 0.9]]")
    ax.plot(k, matrix_power_norms(0.9 * np.eye(2), 80), color=BLUE, lw=2, ls="--",
            label="‖(0.9 I)ᵏ‖ = 0.9ᵏ, same eigenvalues")
    ax.axhline(1, color="grey", lw=0.8, ls=":")
    ax.set(yscale="log", xlabel="k (number of multiplications)", ylabel="largest stretch ‖Aᵏ‖")
    ax.legend(fontsize=9)
    return fig


FIGURES = {
    "linear_algebra-vector.svg": vector,
    "linear_algebra-add-and-scale.svg": add_and_scale,
    "linear_algebra-transformations.svg": transformations,
    "linear_algebra-dense-layer.svg": dense_layer_diagram,
    "linear_algebra-eigenvectors.svg": eigenvectors,
    "linear_algebra-transient-growth.svg": transient_growth,
}
