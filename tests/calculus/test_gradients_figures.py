"""The figures of "Partial derivatives and gradients" plot the saddle and its gradient."""

import numpy as np



def test_surface_and_contours_are_the_saddle_on_its_range(figure):
    fig = figure("gradients-surface.svg")
    (surface,) = [ax for ax in fig.axes if ax.name == "3d"]
    (contours,) = [ax for ax in fig.axes if ax.get_title().startswith("Level curves")]
    # f = x^2 + 3xy + y^2 on [-2, 2]^2 ranges from f(2, -2) = -4 to f(2, 2) = 20
    (drawn,) = surface.collections
    # each of the 49 x 49 faces is coloured by the mean of f at its four corners
    g = np.linspace(-2, 2, 50)
    z = g[None, :] ** 2 + 3 * g[:, None] * g[None, :] + g[:, None] ** 2
    faces = (z[:-1, :-1] + z[1:, :-1] + z[:-1, 1:] + z[1:, 1:]) / 4
    np.testing.assert_allclose(np.sort(drawn.get_array()), np.sort(faces.ravel()), rtol=1e-12)
    (levels,) = contours.collections
    # about 20 levels (matplotlib rounds them) inside [-4, 20]
    assert len(levels.levels) >= 15 and -4 <= levels.levels[1] and levels.levels[-2] <= 20


def test_arrows_point_along_the_gradient_with_length_0_2(figure):
    ax = figure("gradients-field.svg").axes[0]
    (quiver,) = [c for c in ax.collections if type(c).__name__ == "Quiver"]
    points = quiver.get_offsets()
    assert points.shape == (64, 2)
    arrows = np.column_stack([quiver.U, quiver.V])
    x, y = points.T
    exact = np.column_stack([2 * x + 3 * y, 3 * x + 2 * y])  # the partial derivatives
    np.testing.assert_allclose(arrows, 0.2 * exact / np.linalg.norm(exact, axis=1, keepdims=True),
                               atol=1e-8)
