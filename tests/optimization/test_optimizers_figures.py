"""The figures of "Momentum and adaptive optimizers" draw the runs the package computes."""

import numpy as np

from snippets.optimization import SGD, optimizer_path
from snippets.optimization.figures.optimizers import BOWL, BOWL_RUNS, DIGITS_RUNS, DIGITS_STEPS


def test_bowl_figure_draws_the_three_paths_and_their_losses(figure):
    fig = figure("optimizers-bowl.svg")
    plane, curve = fig.axes
    paths = [line for line in plane.get_lines() if line.get_label() in {r[0] for r in BOWL_RUNS}]
    assert len(paths) == 3
    for line, (label, options, _) in zip(paths, BOWL_RUNS):
        path = optimizer_path(SGD, BOWL["grad"], BOWL["start"], 60, **options)
        np.testing.assert_array_equal(line.get_xydata(), path[:31])
    losses = {line.get_label(): line.get_ydata() for line in curve.get_lines()}
    # momentum ends far below plain descent at the same learning rate; tuned heavy ball lowest
    ends = [losses[label][-1] for label, *_ in BOWL_RUNS]
    assert ends[2] < ends[1] < 1e-6 * ends[0]
    assert curve.get_yscale() == "log"


def test_digits_figure_shows_four_loss_curves_and_four_accuracies(figure):
    fig = figure("optimizers-digits.svg")
    curves, bars = fig.axes
    lines = curves.get_lines()
    assert [line.get_label() for line in lines] == [label for label, *_ in DIGITS_RUNS]
    for line in lines:
        y = line.get_ydata()
        assert len(y) == DIGITS_STEPS - 19 and y[-1] < 0.3 * y[0]  # every optimizer learned
    accuracies = [p.get_height() for p in bars.patches]
    assert len(accuracies) == 4 and all(0.85 < a < 0.97 for a in accuracies)
    # the page says: all four within a few points of each other
    assert max(accuracies) - min(accuracies) < 0.03
