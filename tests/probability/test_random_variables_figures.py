"""The figures of "Random variables and expectation" plot what their captions say."""

import numpy as np
import pytest
from scipy import stats


def test_two_dice_bars(figure):
    ax = figure("random_variables-two-dice.svg").axes[0]
    bars = ax.patches
    heights = np.array([b.get_height() for b in bars])
    centres = np.array([b.get_x() + b.get_width() / 2 for b in bars])
    np.testing.assert_allclose(centres, np.arange(2, 13))
    np.testing.assert_allclose(heights * 36, [1, 2, 3, 4, 5, 6, 5, 4, 3, 2, 1], rtol=1e-14)
    assert [t.get_text() for t in ax.texts][5] == "6/36"
    assert 0.16 < heights.max() < 0.17


def test_densities_are_scipys(figure):
    normal, expo = figure("random_variables-densities.svg").axes[:2]
    for line, (mu, sigma) in zip(normal.get_lines(), [(0, 1), (0, 2), (2, 0.5)]):
        x, y = line.get_xydata().T
        np.testing.assert_allclose(y, stats.norm(mu, sigma).pdf(x), rtol=1e-13)
        assert line.get_label() == f"N({mu}, {sigma}²)"
    for line, lam in zip(expo.get_lines(), [0.5, 1.0, 2.0]):
        x, y = line.get_xydata().T
        np.testing.assert_allclose(y, stats.expon(scale=1 / lam).pdf(x), rtol=1e-13)


def test_training_loss_converges_to_the_expected_loss(figure):
    ax = figure("random_variables-training-loss.svg").axes[0]
    runs = [ln.get_xydata() for ln in ax.get_lines() if ln.get_label().startswith("training")]
    (expected,) = [ln.get_xydata()[0, 1] for ln in ax.get_lines() if ln.get_label().startswith("expected")]
    assert expected == pytest.approx(0.2**2 + 0.5**2, rel=1e-14)
    assert len(runs) == 3
    for run in runs:
        n, loss = run.T
        # at n = 10 000 the standard error is sqrt(2) 0.29 / 100 = 0.0041: within 4 of them
        assert abs(loss[-1] - expected) < 4 * np.sqrt(2) * 0.29 / 100
        assert n[-1] == 10_000
