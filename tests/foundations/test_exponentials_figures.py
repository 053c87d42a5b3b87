"""The figures of "Exponentials and logarithms" plot what their captions say."""

import math

import numpy as np
from scipy.special import expit


def line(ax, label_start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label_start)]
    return found.get_xydata()


def test_powers_of_two(figure):
    linear, log = figure("exponentials-powers-of-two.svg").axes
    for ax in (linear, log):
        n, y = line(ax, "2ⁿ").T
        np.testing.assert_array_equal(n, np.arange(11))
        np.testing.assert_array_equal(y, [2**k for k in range(11)])  # WE6: 1, 2, ..., 1024
    assert log.get_yscale() == "log"


def test_exp_and_log_are_mirror_images(figure):
    ax = figure("exponentials-exp-and-log.svg").axes[0]
    x, y = line(ax, "y = eˣ").T
    np.testing.assert_allclose(y, np.exp(x), rtol=1e-15)
    x, y = line(ax, "y = ln x").T
    assert x.min() > 0  # ln is drawn only where it is defined
    np.testing.assert_allclose(y, np.log(x), rtol=1e-15, atol=1e-15)
    np.testing.assert_allclose(line(ax, "e⁰"), [[0, 1], [1, 0], [math.e, 1]])


def test_sigmoid_curve(figure):
    ax = figure("exponentials-sigmoid.svg").axes[0]
    z, s = line(ax, "σ(z)").T
    np.testing.assert_allclose(s, expit(z), rtol=1e-15)
    z, ds = line(ax, "σ′(z)").T
    np.testing.assert_allclose(ds, expit(z) * expit(-z), rtol=1e-12, atol=1e-17)
    assert ds.max() == 0.25  # at z = 0, which the grid contains


def test_penalty_marks(figure):
    ax = figure("exponentials-penalty.svg").axes[0]
    np.testing.assert_allclose(line(ax, "p = 0.99")[:, 1], [-math.log(0.99), math.log(2), -math.log(0.01)])
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == ["0.01", "0.69", "4.61"]  # WE8
