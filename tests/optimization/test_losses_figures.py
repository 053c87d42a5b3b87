"""The figures of "Loss functions" plot what their captions say."""

import numpy as np
import pytest

from snippets.backprop import MLP
from snippets.optimization import cross_entropy, digits


def line(ax, label):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label() == label]
    return found.get_xydata()


def test_loss_curves_are_the_losses_and_their_gradients(figure):
    regression, bce, logits, ce = figure("losses-curves.svg").axes
    e, mse = line(regression, "MSE loss").T
    np.testing.assert_allclose(mse, e**2, rtol=1e-12)
    np.testing.assert_allclose(line(regression, "MSE gradient")[:, 1], 2 * e, rtol=1e-12)
    np.testing.assert_array_equal(line(regression, "MAE gradient")[:, 1], np.sign(e))
    p, L = line(bce, "BCE loss").T
    np.testing.assert_allclose(L, -np.log(p), rtol=1e-12)
    z, g = line(logits, "gradient dL/dz").T
    np.testing.assert_allclose(g, 1 / (1 + np.exp(-z)) - 1, rtol=1e-9, atol=1e-15)
    z, L = line(ce, "cross-entropy").T
    np.testing.assert_allclose(L, np.log1p(2 * np.exp(-z)), rtol=1e-12)  # ln(e^z + 2) - z


def test_landscape_starts_at_the_untrained_loss_and_ends_lower(figure):
    interpolation, random = figure("losses-landscape.svg").axes
    alpha, loss = line(interpolation, "loss on the line").T
    X, y = digits()
    untrained = cross_entropy(MLP([64, 32, 10], rng=0).forward(X), y)[0]
    assert np.interp(0.0, alpha, loss) == pytest.approx(untrained, rel=1e-12)
    trained = np.interp(1.0, alpha, loss)
    assert trained < 0.3 < 2.0 < untrained
    # Through the trained parameters, the random line's lowest point is near beta = 0.
    beta, loss = line(random, "loss on the line").T
    assert abs(beta[np.argmin(loss)]) <= 0.1
    assert np.interp(0.0, beta, loss) == pytest.approx(trained, rel=1e-12)


def test_landscape_has_one_valley_on_each_line_and_the_interpolation_bottoms_out_past_one(figure):
    # The caption says "a single valley on each line"; the page says the left one's bottom is
    # near alpha = 1.2, beyond the trained parameters.
    for ax in figure("losses-landscape.svg").axes:
        _, loss = line(ax, "loss on the line").T
        slope = np.sign(np.diff(loss))
        local_minima = np.sum((slope[:-1] < 0) & (slope[1:] > 0))
        assert local_minima == 1
    alpha, loss = line(figure("losses-landscape.svg").axes[0], "loss on the line").T
    assert 1.1 <= alpha[np.argmin(loss)] <= 1.3
