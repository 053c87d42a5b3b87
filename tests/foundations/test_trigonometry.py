"""Positional encodings, rotations and Fourier series, against their formulas and SciPy."""

import math

import numpy as np
import pytest
from scipy.integrate import quad

from snippets.foundations import fourier_series, positional_encoding, rotation_matrix, square_wave_coefficients


def test_positional_encoding_against_the_formula_entry_by_entry():
    for n, d in [(1, 1), (5, 4), (7, 5), (50, 16), (3, 512)]:
        pe = positional_encoding(n, d)
        assert pe.shape == (n, d)
        for pos in range(n):
            for col in range(d):
                i = col // 2
                angle = pos / 10000 ** (2 * i / d)
                expected = math.sin(angle) if col % 2 == 0 else math.cos(angle)
                assert pe[pos, col] == pytest.approx(expected, abs=1e-12), (n, d, pos, col)


def test_position_zero_and_one_rows():
    pe = positional_encoding(2, 512)
    # WE12: position 0 is [0, 1, 0, 1, ...].
    np.testing.assert_array_equal(pe[0, 0::2], 0.0)
    np.testing.assert_array_equal(pe[0, 1::2], 1.0)
    # B13: position 1 starts with [sin 1, cos 1] = [0.841, 0.540], not [0.0001, 1].
    np.testing.assert_allclose(pe[1, :2], [math.sin(1), math.cos(1)], rtol=1e-15)
    assert np.round(pe[1, :2], 3).tolist() == [0.841, 0.54]
    # The slow pair sin(1 / 10000^(510/512)) ~ 1.04e-4 appears only in the last columns.
    assert pe[1, 510] == pytest.approx(math.sin(10000 ** (-510 / 512)), rel=1e-14)
    assert 1.0e-4 < pe[1, 510] < 1.1e-4


def test_positional_encoding_rows_are_all_different():
    pe = positional_encoding(100, 16)
    distances = np.linalg.norm(pe[:, None, :] - pe[None, :, :], axis=-1)
    assert np.all(distances[~np.eye(100, dtype=bool)] > 0.1)


def test_rotation_matrix_is_orthogonal_and_turns_counter_clockwise():
    for theta in np.linspace(-7, 7, 29):
        R = rotation_matrix(theta)
        np.testing.assert_allclose(R.T @ R, np.eye(2), atol=1e-15)
        assert np.linalg.det(R) == pytest.approx(1.0, rel=1e-15)
        v = R @ [1.0, 0.0]
        np.testing.assert_allclose(v, [math.cos(theta), math.sin(theta)], atol=1e-15)
    np.testing.assert_allclose(rotation_matrix(math.pi / 2) @ [1.0, 0.0], [0.0, 1.0], atol=1e-16)
    # Two turns add their angles.
    np.testing.assert_allclose(rotation_matrix(0.3) @ rotation_matrix(0.4), rotation_matrix(0.7), atol=1e-15)


def square(t):
    """The 0/1 square wave: 1 on (0, pi), 0 on (pi, 2 pi), period 2 pi."""
    return 1.0 if (t % (2 * math.pi)) < math.pi else 0.0


def test_square_wave_coefficients_against_quadrature():
    # a_n = (1/pi) int f cos(nt), b_n = (1/pi) int f sin(nt) over one period, by SciPy's quad.
    a0, a, b = square_wave_coefficients(9)
    assert a0 == pytest.approx(quad(square, 0, 2 * math.pi, points=[math.pi])[0] / math.pi, abs=1e-12)
    for n in range(1, 10):
        a_n = quad(lambda t: square(t) * math.cos(n * t), 0, 2 * math.pi, points=[math.pi])[0] / math.pi
        b_n = quad(lambda t: square(t) * math.sin(n * t), 0, 2 * math.pi, points=[math.pi])[0] / math.pi
        assert a[n - 1] == pytest.approx(a_n, abs=1e-12)
        assert b[n - 1] == pytest.approx(b_n, abs=1e-12)


def test_fourier_partial_sums_converge_to_the_square_wave_away_from_jumps():
    a0, a, b = square_wave_coefficients(2001)
    t = np.array([0.5, 1.5, 2.5, 3.5, 5.0])
    expected = [square(x) for x in t]
    # Away from the jumps the error falls like 1/N.
    errors = [np.max(np.abs(fourier_series(t, a0, a[:n], b[:n]) - expected)) for n in (101, 2001)]
    assert errors[1] < errors[0] / 10 and errors[1] < 1e-3
    # At a jump the series gives the midpoint 1/2; without the a0/2 term it would give 0.
    assert fourier_series(math.pi, a0, a, b) == pytest.approx(0.5, abs=1e-12)
    assert fourier_series(math.pi, 0.0, a, b) == pytest.approx(0.0, abs=1e-12)


def test_gibbs_overshoot_does_not_shrink():
    # The peak of the partial sum stays near 1.0895 (9 % of the jump) for every N.
    a0, a, b = square_wave_coefficients(400)
    t = np.linspace(1e-4, 0.5, 20001)
    for n in (51, 201, 399):
        peak = fourier_series(t, a0, a[:n], b[:n]).max()
        assert 1.085 < peak < 1.092, n


def test_fourier_series_shapes_and_period():
    s = fourier_series(np.zeros((2, 3)), 1.0, [1.0, 0.5], [0.0, 0.0], period=4.0)
    assert s.shape == (2, 3)
    np.testing.assert_allclose(s, 0.5 + 1.0 + 0.5)
    # Period 4: omega = pi / 2, so at t = 1 the first cosine is cos(pi / 2) = 0.
    assert fourier_series(1.0, 0.0, [1.0], [0.0], period=4.0) == pytest.approx(0.0, abs=1e-15)
