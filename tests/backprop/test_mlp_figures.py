"""The XOR figure plots the losses and predictions that training produces."""

import numpy as np

from snippets.backprop import XOR_X


def test_xor_loss_plots_both_training_runs(figure, xor_runs):
    fig = figure("mlp-xor-loss.svg")
    curves, bars = fig.axes
    lines = {ln.get_label().split(":")[0]: ln.get_xydata() for ln in curves.get_lines()}
    for seed in (2, 7):
        np.testing.assert_array_equal(lines[f"seed {seed}"][:, 1], xor_runs[seed][1])
    assert len(bars.patches) == 8
    assert lines["seed 2"][-1, 1] < 0.01 and abs(lines["seed 7"][-1, 1] - 0.25) < 1e-3
    # Bars: seed 2 first (4 bars), then seed 7; heights are the final predictions.
    heights = np.array([p.get_height() for p in bars.patches]).reshape(2, 4)
    for row, seed in zip(heights, (2, 7)):
        np.testing.assert_array_equal(row, xor_runs[seed][0].forward(XOR_X).ravel())
    (target,) = bars.get_lines()
    np.testing.assert_array_equal(target.get_ydata(), [0, 1, 1, 0])
    assert curves.get_yscale() == "log"
