"""The figures of "Gradient descent" plot what their captions say."""

import numpy as np


def line(ax, start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(start)]
    return found.get_xydata()


def test_parabola_path_is_five_times_point_eight_to_the_t(figure):
    ax = figure("descent-parabola.svg").axes[0]
    x, f = line(ax, "iterates").T
    np.testing.assert_allclose(x, 5 * 0.8 ** np.arange(21), rtol=1e-13)
    np.testing.assert_allclose(f, x**2)
    np.testing.assert_allclose(line(ax, "start"), [[5, 25]])
    np.testing.assert_allclose(line(ax, "end")[0, 0], 5 * 0.8**20, rtol=1e-13)


def test_hiker_loss_falls_by_0_64_a_step(figure):
    valley, log = figure("descent-hiker.svg").axes
    t, f = line(log, "f(x_t)").T
    # f = (x_t - 3)^2 with x_t = 3 - 5 * 0.8^t: x_t near 3 carries an absolute error of a few
    # ulps of 3 (4e-16 each), so compare |x_t - 3| absolutely.
    np.testing.assert_allclose(np.sqrt(f), 5 * 0.8**t, rtol=0, atol=1e-14)
    np.testing.assert_allclose(line(valley, "minimum"), [[3, 0]])


def test_step_sizes_follow_one_minus_two_lr(figure):
    ax = figure("descent-step-sizes.svg").axes[0]
    for lr in [0.05, 0.3, 0.5, 0.9, 1.0, 1.05]:
        t, x = line(ax, f"η = {lr:g}:").T
        np.testing.assert_allclose(x, 5 * (1 - 2 * lr) ** t, rtol=1e-12, atol=1e-15)
    # Negative factors are written with a minus sign, not a hyphen: "1 − 2η = −0.8".
    assert not [l.get_label() for l in ax.get_lines() if "-" in l.get_label()]
