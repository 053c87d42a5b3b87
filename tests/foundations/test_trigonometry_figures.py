"""The figures of "Trigonometry" plot what their captions say."""

import math

import numpy as np


def line(ax, label_start):
    (found,) = [ln for ln in ax.get_lines() if ln.get_label().startswith(label_start)]
    return found.get_xydata()


def test_unit_circle_cardinal_points_and_projections(figure):
    cardinal, triangle = figure("trigonometry-unit-circle.svg").axes
    # WE11: 0, 90, 180, 270 degrees land on (1, 0), (0, 1), (-1, 0), (0, -1).
    np.testing.assert_allclose(line(cardinal, "cardinal"), [[1, 0], [0, 1], [-1, 0], [0, -1]], atol=1e-15)
    theta = math.radians(50)
    np.testing.assert_allclose(line(triangle, "cos θ"), [[0, 0], [math.cos(theta), 0]])
    np.testing.assert_allclose(line(triangle, "sin θ"), [[math.cos(theta), 0], [math.cos(theta), math.sin(theta)]])


def test_wave_zeros(figure):
    sin_ax, cos_ax = figure("trigonometry-waves.svg").axes
    np.testing.assert_allclose(line(sin_ax, "zeros")[:, 0], [0, math.pi, 2 * math.pi, 3 * math.pi])
    np.testing.assert_allclose(line(cos_ax, "zeros")[:, 0], [math.pi / 2, 3 * math.pi / 2, 5 * math.pi / 2])
    for ax, f in [(sin_ax, np.sin), (cos_ax, np.cos)]:
        x, y = line(ax, f.__name__).T
        np.testing.assert_allclose(y, f(x))
        np.testing.assert_allclose(f(line(ax, "zeros")[:, 0]), 0, atol=1e-15)


def test_positional_encoding_heatmap(figure):
    ax = figure("trigonometry-positional-encoding.svg").axes[0]
    (image,) = ax.get_images()
    pe = np.asarray(image.get_array())
    assert pe.shape == (64, 64)
    assert pe[1, 0] == math.sin(1) and pe[1, 1] == math.cos(1)
    assert pe[5, 62] == math.sin(5 / 10000 ** (62 / 64))


def test_fourier_partial_sums(figure):
    ax = figure("trigonometry-fourier.svg").axes[0]
    mean = line(ax, "a₀/2 = 1/2")
    np.testing.assert_allclose(mean[:, 1], 0.5)
    t, s = line(ax, "up to n = 1").T
    np.testing.assert_allclose(s, 0.5 + 2 / math.pi * np.sin(t), atol=1e-14)
    t, s = line(ax, "up to n = 25").T
    away = np.abs(np.sin(t)) > 0.3  # away from the jumps at multiples of pi
    square = np.where(np.mod(t, 2 * np.pi) < np.pi, 1.0, 0.0)
    assert np.max(np.abs(s - square)[away]) < 0.06
