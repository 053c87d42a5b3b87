"""Vectors, matrices, eigenvalues and least squares, against NumPy, SciPy and closed forms."""

import math

import numpy as np
import pytest
import scipy.linalg
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from snippets.foundations import (
    angle, dense_layer, direction, least_squares, matmul, matrix_power_norms, norm,
    pseudo_inverse, power_iteration,
)

vectors = arrays(float, st.integers(1, 6), elements=st.floats(-1e300, 1e300))


@settings(max_examples=100, deadline=None)
@given(vectors)
def test_norm_matches_math_hypot(v):
    # math.hypot scales internally and is accurate to about an ulp for any finite entries
    # (np.linalg.norm squares first: it underflows to 0 for [1e-234]).
    assert norm(v) == pytest.approx(math.hypot(*v), rel=1e-14, abs=0)


def test_norm_worked_example_and_extremes():
    assert norm([3.0, 4.0]) == 5.0  # WE13
    # Squaring 1e200 overflows and squaring 1e-200 underflows; scaling first avoids both.
    assert norm([3e200, 4e200]) == pytest.approx(5e200, rel=1e-15)
    assert norm([3e-200, 4e-200]) == pytest.approx(5e-200, rel=1e-15)
    assert norm([0.0, 0.0]) == 0.0


def test_direction_knows_the_quadrant():
    # WE13: arctan(4/3) = 53.13 degrees.
    assert math.degrees(direction([3.0, 4.0])) == pytest.approx(math.degrees(math.atan(4 / 3)), rel=1e-15)
    assert round(math.degrees(direction([3.0, 4.0])), 2) == 53.13
    # (-3, -4) points the opposite way: arctan(-4 / -3) would wrongly say 53.13 again.
    assert math.degrees(direction([-3.0, -4.0])) == pytest.approx(53.13010235415598 - 180, rel=1e-14)
    assert direction([0.0, 2.0]) == pytest.approx(math.pi / 2, rel=1e-15)


def test_angle_between_vectors():
    assert angle([1.0, 0.0], [0.0, 3.0]) == pytest.approx(math.pi / 2, rel=1e-15)
    assert angle([1.0, 2.0], [-2.0, -4.0]) == pytest.approx(math.pi, rel=1e-15)
    assert angle([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]) == pytest.approx(0.0, abs=1e-7)
    # cos theta = 32 / (sqrt(14) sqrt(77)) for WE17's vectors.
    expected = math.acos(32 / math.sqrt(14 * 77))
    assert angle([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]) == pytest.approx(expected, rel=1e-14)


def test_vector_worked_examples():
    a, b = np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0])
    assert (a + b).tolist() == [5, 7, 9]  # WE15
    assert (3 * np.array([1, 2])).tolist() == [3, 6]  # WE16
    assert a @ b == 32  # WE17


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 4), st.integers(0, 2**32 - 1))
def test_matmul_by_definition_matches_numpy(m, n, p, seed):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((m, n)), rng.standard_normal((n, p))
    C = matmul(A, B)
    assert C.shape == (m, p)
    np.testing.assert_allclose(C, A @ B, rtol=1e-13, atol=1e-14)


def test_matmul_worked_example():
    # WE18, by hand: 1*5 + 2*7 = 19, 1*6 + 2*8 = 22, 3*5 + 4*7 = 43, 3*6 + 4*8 = 50.
    np.testing.assert_array_equal(matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]]), [[19, 22], [43, 50]])


def test_dense_layer_is_one_dot_product_per_example_and_neuron():
    rng = np.random.default_rng(2)
    X, W, b = rng.standard_normal((5, 3)), rng.standard_normal((3, 4)), rng.standard_normal(4)
    Z = dense_layer(X, W, b)
    assert Z.shape == (5, 4)
    for k in range(5):
        for j in range(4):
            assert Z[k, j] == pytest.approx(sum(X[k, i] * W[i, j] for i in range(3)) + b[j], rel=1e-12)


def test_power_iteration_finds_the_dominant_eigenpair():
    rng = np.random.default_rng(3)
    M = rng.standard_normal((6, 6))
    A = M + M.T  # symmetric: real eigenvalues, orthogonal eigenvectors
    eigenvalues, eigenvectors = scipy.linalg.eigh(A)
    k = np.argmax(np.abs(eigenvalues))
    lam, v = power_iteration(A, n_iter=2000)
    assert lam == pytest.approx(eigenvalues[k], rel=1e-10)
    np.testing.assert_allclose(abs(v @ eigenvectors[:, k]), 1.0, atol=1e-10)
    np.testing.assert_allclose(A @ v, lam * v, atol=1e-8)


def test_power_iteration_on_a_covariance_is_the_first_principal_component():
    rng = np.random.default_rng(4)
    X = rng.standard_normal((500, 2)) @ np.array([[3.0, 0.0], [1.0, 0.5]])
    C = np.cov(X, rowvar=False)
    lam, v = power_iteration(C)
    w, V = np.linalg.eigh(C)
    assert lam == pytest.approx(w[-1], rel=1e-12)
    assert abs(v @ V[:, -1]) == pytest.approx(1.0, abs=1e-12)


def test_non_normal_matrix_grows_before_it_decays():
    # B21: both eigenvalues are 0.9, yet A^k = [[0.9^k, 5k 0.9^(k-1)], [0, 0.9^k]].
    A = np.array([[0.9, 5.0], [0.0, 0.9]])
    norms = matrix_power_norms(A, 200)
    k = np.arange(201)
    corner = 5 * k * 0.9 ** (k - 1.0)
    # The spectral norm is at least the largest entry and at most the Frobenius norm.
    assert np.all(norms >= np.maximum(corner, 0.9**k) * (1 - 1e-12))
    assert np.all(norms <= np.sqrt(corner**2 + 2 * 0.81**k) * (1 + 1e-12))
    assert 19 < norms.max() < 20 and np.argmax(norms) in (9, 10)
    assert norms[200] < 1e-5  # 1000 * 0.9^199 = 7.9e-7
    np.testing.assert_allclose(norms[1:], [np.linalg.norm(np.linalg.matrix_power(A, j), 2) for j in k[1:]],
                               rtol=1e-12)
    # A normal matrix with the same eigenvalues only shrinks: ||(0.9 I)^k|| = 0.9^k.
    np.testing.assert_allclose(matrix_power_norms(0.9 * np.eye(2), 20), 0.9 ** np.arange(21), rtol=1e-13)


def test_pseudo_inverse_matches_numpy_and_is_the_inverse_when_one_exists():
    rng = np.random.default_rng(5)
    for shape in [(4, 4), (6, 3), (3, 6)]:
        A = rng.standard_normal(shape)
        np.testing.assert_allclose(pseudo_inverse(A), np.linalg.pinv(A), rtol=1e-10, atol=1e-12)
    A = rng.standard_normal((4, 4))
    np.testing.assert_allclose(pseudo_inverse(A), np.linalg.inv(A), rtol=1e-10, atol=1e-12)
    singular = np.array([[1.0, 2.0], [2.0, 4.0]])
    with pytest.raises(np.linalg.LinAlgError):
        np.linalg.inv(singular)
    P = pseudo_inverse(singular)
    # The four Penrose conditions.
    np.testing.assert_allclose(singular @ P @ singular, singular, atol=1e-14)
    np.testing.assert_allclose(P @ singular @ P, P, atol=1e-14)
    np.testing.assert_allclose((singular @ P).T, singular @ P, atol=1e-14)
    np.testing.assert_allclose((P @ singular).T, P @ singular, atol=1e-14)
    np.testing.assert_allclose(P, singular.T / 25, atol=1e-15)  # rank 1: A^+ = A^T / ||A||_F^2


def test_least_squares_matches_scipy():
    rng = np.random.default_rng(6)
    for shape in [(10, 3), (3, 3), (3, 7)]:
        A, b = rng.standard_normal(shape), rng.standard_normal(shape[0])
        np.testing.assert_allclose(least_squares(A, b), scipy.linalg.lstsq(A, b)[0], rtol=1e-10, atol=1e-12)
    # A line through three points: y = 1 + 2t fitted to (0, 1), (1, 3), (2, 7) by hand.
    t = np.array([0.0, 1.0, 2.0])
    c = least_squares(np.column_stack([np.ones(3), t]), np.array([1.0, 3.0, 7.0]))
    np.testing.assert_allclose(c, [2 / 3, 3.0], rtol=1e-13)


def test_direction_is_in_the_half_open_interval():
    # (-1, -0.0) points along the negative x-axis: the angle is pi, not -pi (range (-pi, pi]).
    assert direction([-1.0, -0.0]) == math.pi
    assert direction([-1.0, 0.0]) == math.pi
    assert direction([-1.0, -1e-300]) == pytest.approx(-math.pi, rel=1e-15)


def test_power_iteration_on_the_zero_matrix_and_on_huge_entries():
    # A = 0: every vector is an eigenvector, with eigenvalue 0.
    lam, v = power_iteration(np.zeros((3, 3)))
    assert lam == 0.0 and np.linalg.norm(v) == pytest.approx(1.0, rel=1e-15)
    # Entries near the float limit: A @ x would overflow without scaling; eigenvalues 3e300, 1e300.
    lam, v = power_iteration(1e300 * np.array([[2.0, 1.0], [1.0, 2.0]]))
    assert lam == pytest.approx(3e300, rel=1e-12)
    np.testing.assert_allclose(np.abs(v), [math.sqrt(0.5)] * 2, rtol=1e-12)


def test_power_iteration_refuses_rather_than_answers_wrong():
    # |lambda_2 / lambda_1| = 0.99: 200 steps leave an error of about 0.99^200 = 0.13.
    A = np.diag([1.0, 0.99])
    with pytest.raises(ValueError, match="or more steps, `n_iter`"):
        power_iteration(A)
    lam, v = power_iteration(A, n_iter=5000)  # 0.99^5000 = 1.5e-22: converged
    assert lam == pytest.approx(1.0, rel=1e-12) and abs(v[0]) == pytest.approx(1.0, rel=1e-12)
