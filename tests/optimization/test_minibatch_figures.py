"""The figures of "Batch, stochastic and mini-batch gradient descent" plot what their captions say."""

import numpy as np
import pytest

from snippets.optimization.figures.minibatch import line_data


def line(ax, start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(start)]
    return found.get_xydata()


def test_full_batch_path_is_gradient_descent_on_the_least_squares_line(figure):
    ax = figure("minibatch-paths.svg").axes[0]
    x, y = line_data()
    full, mini = line(ax, "full batch"), line(ax, "mini-batches")
    theta = np.array([-1.0, -1.0])
    for point in full[1:]:
        residual = theta[0] * x + theta[1] - y
        theta = theta - 0.3 * np.array([2 * np.mean(residual * x), 2 * np.mean(residual)])
        np.testing.assert_allclose(point, theta, rtol=1e-12)
    best = line(ax, "least-squares")[0]
    np.testing.assert_allclose(best, np.polyfit(x, y, 1), rtol=1e-10)
    assert np.linalg.norm(full[-1] - best) < 0.05
    # The mini-batch path ends near the minimum too, but zig-zags: a longer way.
    assert np.linalg.norm(mini[-1] - best) < 0.5
    length = lambda p: np.sum(np.linalg.norm(np.diff(p, axis=0), axis=1))  # noqa: E731
    assert length(mini) > 1.5 * length(full)


def test_noise_points_lie_on_the_exact_law(figure):
    ax = figure("minibatch-noise.svg").axes[0]
    B, measured = line(ax, "measured").T
    _, exact = line(ax, "σ²/B · (n − B)").T
    # 100 to 2,000 draws each: within 30 % (seen: at most 10 %).
    np.testing.assert_allclose(measured, exact, rtol=0.3)
    slope = np.polyfit(np.log(B[:6]), np.log(measured[:6]), 1)[0]
    assert slope == pytest.approx(-1, abs=0.1)
