"""The figures of "Linear algebra" plot what their captions say."""

import math

import numpy as np


def line(ax, label_start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label_start)]
    return found.get_xydata()


def test_vector(figure):
    ax = figure("linear_algebra-vector.svg").axes[0]
    np.testing.assert_array_equal(line(ax, "v = (3, 4)"), [[0, 0], [3, 4]])
    assert any(t.get_text() == "θ ≈ 53.1°" for t in ax.texts)  # arctan(4/3) = 53.13°


def test_add_and_scale(figure):
    add, scale = figure("linear_algebra-add-and-scale.svg").axes
    a, b, total = line(add, "a ="), line(add, "b ="), line(add, "a + b")
    np.testing.assert_array_equal(b[0], a[1])  # head to tail
    np.testing.assert_array_equal(total[1], (a[1] - a[0]) + (b[1] - b[0]))
    np.testing.assert_array_equal(line(scale, "3v")[1], 3 * line(scale, "v = (1, 2)")[1])


def test_transformations_move_the_unit_square(figure):
    axes = figure("linear_algebra-transformations.svg").axes
    expected = [
        [[0, 0], [2, 0], [2, 1], [0, 1], [0, 0]],
        [[0, 0], [math.cos(math.pi / 6), 0.5], [math.cos(math.pi / 6) - 0.5, 0.5 + math.cos(math.pi / 6)],
         [-0.5, math.cos(math.pi / 6)], [0, 0]],
        [[0, 0], [1, 0], [2, 1], [1, 1], [0, 0]],
    ]
    for ax, corners in zip(axes, expected):
        (after,) = [p for p in ax.patches if p.get_label().startswith("after")]
        np.testing.assert_allclose(after.get_xy()[:5], corners, atol=1e-15)


def test_dense_layer_highlights_one_column(figure):
    ax = figure("linear_algebra-dense-layer.svg").axes[0]
    lit = [p for p in ax.patches if p.get_alpha() == 0.8]
    # x (3 cells), column 3 of W (3 cells) and z_3 (1 cell).
    assert len(lit) == 7 and len(ax.patches) == 3 + 12 + 4


def test_eigenvectors(figure):
    ordinary, eigen = figure("linear_algebra-eigenvectors.svg").axes
    A = np.array([[2.0, 1.0], [1.0, 2.0]])
    for ax in (ordinary, eigen):
        v, Av = line(ax, "v =")[1], line(ax, "A v")[1]
        np.testing.assert_array_equal(Av, A @ v)
    v, Av = line(eigen, "v =")[1], line(eigen, "A v")[1]
    np.testing.assert_array_equal(Av, 3 * v)
    v, Av = line(ordinary, "v =")[1], line(ordinary, "A v")[1]
    assert v[0] * Av[1] - v[1] * Av[0] != 0  # not parallel


def test_transient_growth(figure):
    ax = figure("linear_algebra-transient-growth.svg").axes[0]
    k, norms = line(ax, "‖Aᵏ‖").T
    assert 19 < norms.max() < 20 and k[np.argmax(norms)] in (9, 10)
    np.testing.assert_allclose(norms, [np.linalg.norm(np.linalg.matrix_power([[0.9, 5], [0, 0.9]], int(j)), 2)
                                       for j in k], rtol=1e-12)
    k, norms = line(ax, "‖(0.9 I)ᵏ‖").T
    np.testing.assert_allclose(norms, 0.9**k, rtol=1e-12)
