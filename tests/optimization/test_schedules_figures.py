"""The figures of "Learning rate and schedules" plot what their captions say."""

import numpy as np

from snippets.optimization import one_cycle_lr, step_lr, warmup_cosine_lr


def line(ax, start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(start)]
    return found.get_xydata()


def test_schedule_shapes_are_the_functions(figure):
    ax = figure("schedules-shapes.svg").axes[0]
    t, lr = line(ax, "step_lr").T
    np.testing.assert_array_equal(lr, step_lr(t.astype(int), 0.1, step_size=30))
    t, lr = line(ax, "one_cycle_lr").T
    np.testing.assert_array_equal(lr, one_cycle_lr(t.astype(int), 0.1, total_steps=100))
    t, lr = line(ax, "warmup_cosine_lr").T
    np.testing.assert_array_equal(lr, warmup_cosine_lr(t.astype(int), 0.1, warmup_steps=10, total_steps=100))


def test_sweep_shows_too_small_too_large_and_about_right(figure):
    curves, finals = figure("schedules-sweep.svg").axes
    ln10 = np.log(10)
    too_large = line(curves, "η = 3")[:, 1]
    assert abs(too_large[-1] - ln10) < 0.1  # stuck near uniform guessing
    for lr in ["0.001", "0.0001", "1e-05"]:
        assert line(curves, f"η = {lr}")[-1, 1] > ln10 - 0.2  # crawled
    lrs, final = finals.get_lines()[0].get_xydata().T
    # The page: the valley's bottom is at 1, where the loss is lowest but zig-zags; 0.1 falls smoothly.
    assert lrs[np.argmin(final)] == 1.0 and final.min() < 0.2
    (one,) = [ln.get_xydata()[:, 1] for ln in curves.get_lines() if ln.get_label() == "η = 1"]
    (tenth,) = [ln.get_xydata()[:, 1] for ln in curves.get_lines() if ln.get_label() == "η = 0.1"]
    assert np.sum(np.diff(one) > 0) >= 3 and np.all(np.diff(tenth) < 1e-3)
