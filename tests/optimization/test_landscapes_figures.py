"""The landscape figures draw the slice and the saddle paths the package computes."""

import numpy as np

from snippets.optimization import gradient_descent
from snippets.optimization.figures.landscapes import (
    SADDLE_LR, SADDLE_OFFSETS, SADDLE_STEPS, SLICE_GRID, saddle, saddle_grad, saddle_start,
)


def test_slice_figure_has_its_minimum_at_the_trained_weights(figure):
    fig = figure("landscapes-slice.svg")
    cut = next(ax for ax in fig.axes if ax.get_title().startswith("Two 1-D cuts"))
    beta0, alpha0 = cut.get_lines()
    L_row, L_col = beta0.get_ydata(), alpha0.get_ydata()
    mid = len(SLICE_GRID) // 2
    assert np.argmin(L_row) in (mid - 1, mid, mid + 1) and np.argmin(L_col) in (mid - 1, mid, mid + 1)
    assert L_row[mid] == L_col[mid]  # both cuts pass through the trained weights
    assert L_row.max() > 5 * L_row[mid]  # a basin, not a flat plane
    assert cut.get_yscale() == "log"


def test_saddle_figure_paths_are_gradient_descent(figure):
    fig = figure("landscapes-saddle.svg")
    plane, values = fig.axes
    curves = values.get_lines()[:len(SADDLE_OFFSETS)]
    for line, offset in zip(curves, SADDLE_OFFSETS):
        path = gradient_descent(saddle_grad, saddle_start(offset), SADDLE_LR, SADDLE_STEPS)
        np.testing.assert_allclose(line.get_ydata(), saddle(path[:, 0], path[:, 1]))
    # the offset-0 path never leaves: f stays >= 0
    assert np.all(curves[-1].get_ydata() >= 0)
    assert curves[0].get_ydata().min() < -4 and curves[2].get_ydata().min() < -1
