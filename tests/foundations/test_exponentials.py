"""softmax, logsumexp, entropy and the sigmoid against SciPy, closed forms and extreme inputs."""

import math

import numpy as np
import pytest
import scipy.special
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from snippets._core import activations
from snippets.foundations import entropy, logsumexp, sigmoid, sigmoid_prime, softmax

finite = st.floats(-1e300, 1e300, allow_nan=False)
scores = arrays(float, st.tuples(st.integers(1, 4), st.integers(1, 6)),
                elements=st.one_of(finite, st.just(-np.inf)))


def test_sigmoid_is_the_cores_one_function():
    # One name, one definition: the chapter teaches the core's sigmoid.
    assert sigmoid is activations.sigmoid and sigmoid_prime is activations.sigmoid_prime
    z = np.array([-800.0, -30.0, -1.0, 0.0, 1.0, 30.0, 800.0])
    # expit is SciPy's logistic function, correctly rounded to a few ulps.
    np.testing.assert_allclose(sigmoid(z), scipy.special.expit(z), rtol=1e-15, atol=0)
    # sigma (1 - sigma) is accurate in absolute terms only: for large z, 1 - sigma(z) cancels
    # (at z = 30 its relative error is 1e-3; the page shows sigma(z) sigma(-z) keeps it).
    np.testing.assert_allclose(sigmoid_prime(z), scipy.special.expit(z) * scipy.special.expit(-z),
                               rtol=1e-14, atol=1e-16)


@settings(max_examples=100, deadline=None)
@given(scores)
def test_logsumexp_matches_scipy_for_any_finite_or_minus_inf_scores(z):
    for axis in (-1, 0, None):
        ours, theirs = logsumexp(z, axis=axis), scipy.special.logsumexp(z, axis=axis)
        # Both are m + ln(sum e^(z - m)); they differ by round-off relative to |m| and the sum.
        scale = 1.0 + np.max(np.abs(np.where(np.isfinite(z), z, 0.0)))
        np.testing.assert_allclose(ours, theirs, rtol=1e-14, atol=4e-16 * scale)


def test_logsumexp_extremes_against_closed_forms():
    assert logsumexp([1000.0, 1000.0]) == pytest.approx(1000 + math.log(2), rel=1e-15)
    assert logsumexp([-1000.0, -1000.0]) == pytest.approx(-1000 + math.log(2), rel=1e-15)
    assert logsumexp([0.0, -np.inf]) == 0.0
    assert logsumexp([-np.inf, -np.inf]) == -np.inf
    np.testing.assert_array_equal(logsumexp([[-np.inf, -np.inf], [0.0, 0.0]]), [-np.inf, math.log(2)])
    # ln(1 + e^-40) = e^-40 to 1e-17 relative: the tiny term must survive.
    assert logsumexp([0.0, -40.0]) == pytest.approx(math.exp(-40), rel=1e-15)
    # The naive formula overflows to inf here; the answer is 710 + ln(1 + e^-10).
    assert logsumexp([710.0, 700.0]) == pytest.approx(710 + math.log1p(math.exp(-10)), rel=1e-15)


def test_logsumexp_returns_float_for_a_vector_and_an_array_otherwise():
    assert type(logsumexp([1.0, 2.0])) is float
    assert logsumexp(np.zeros((3, 4))).shape == (3,)
    assert logsumexp(np.zeros((3, 4)), axis=0).shape == (4,)
    assert type(logsumexp(np.zeros((3, 4)), axis=None)) is float


@settings(max_examples=100, deadline=None)
@given(scores)
def test_softmax_matches_scipy_and_sums_to_one(z):
    finite_rows = np.any(np.isfinite(z), axis=-1)
    z = z[finite_rows]
    if z.size == 0:
        return
    p = softmax(z)
    # Entries are in [0, 1] and each row sums to 1 to a few ulps times its length.
    np.testing.assert_allclose(p, scipy.special.softmax(z, axis=-1), rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=0, atol=1e-15 * z.shape[-1])


def test_softmax_on_huge_logits_and_minus_inf():
    np.testing.assert_array_equal(softmax([1000.0, 1000.0]), [0.5, 0.5])
    np.testing.assert_array_equal(softmax([1e308, 0.0]), [1.0, 0.0])
    np.testing.assert_array_equal(softmax([0.0, -np.inf, 0.0]), [0.5, 0.0, 0.5])
    # softmax(z)_i = exp(z_i - logsumexp(z)) for every finite z.
    z = np.array([3.0, -1.0, 0.5, 20.0])
    np.testing.assert_allclose(softmax(z), np.exp(z - logsumexp(z)), rtol=1e-14)


def test_softmax_of_the_classic_scores():
    # e^2, e^1, e^0.1 over their sum, computed by hand from math.exp.
    e = [math.exp(2), math.exp(1), math.exp(0.1)]
    np.testing.assert_allclose(softmax([2.0, 1.0, 0.1]), np.array(e) / sum(e), rtol=1e-15)


def test_softmax_is_shift_invariant_and_works_along_any_axis():
    rng = np.random.default_rng(0)
    Z = rng.standard_normal((3, 5))
    np.testing.assert_allclose(softmax(Z + 100.0), softmax(Z), rtol=1e-12)
    np.testing.assert_allclose(softmax(Z, axis=0), scipy.special.softmax(Z, axis=0), rtol=1e-14)
    np.testing.assert_allclose(softmax(Z, axis=None), scipy.special.softmax(Z, axis=None), rtol=1e-14)
    assert softmax(Z).shape == Z.shape


def test_entropy_against_scipy_and_closed_forms():
    assert entropy([0.5, 0.5]) == 1.0
    assert entropy([0.25] * 4) == pytest.approx(2.0, rel=1e-15)
    assert entropy([1.0, 0.0]) == 0.0
    # A 99/1 coin: -(0.99 log2 0.99 + 0.01 log2 0.01), about 0.0808 bits.
    h = -(0.99 * math.log2(0.99) + 0.01 * math.log2(0.01))
    assert entropy([0.99, 0.01]) == pytest.approx(h, rel=1e-14)
    assert round(h, 4) == 0.0808
    rng = np.random.default_rng(1)
    for _ in range(20):
        p = rng.dirichlet(np.ones(6))
        p[rng.integers(6)] = 0.0  # zeros count 0, as 0 log 0 -> 0
        p /= p.sum()
        for base in (2, math.e, 10):
            assert entropy(p, base=base) == pytest.approx(scipy.stats.entropy(p, base=base), rel=1e-13)


def test_entropy_of_rows():
    P = np.array([[0.5, 0.5], [1.0, 0.0], [0.9, 0.1]])
    np.testing.assert_allclose(entropy(P), scipy.stats.entropy(P, base=2, axis=-1), rtol=1e-14)


def test_product_of_probabilities_underflows_and_the_sum_of_logs_does_not():
    # WE10: 400 words of probability 1e-3: the product is 1e-1200, below the smallest double.
    p = np.full(400, 1e-3)
    assert np.prod(p) == 0.0
    assert np.sum(np.log(p)) == pytest.approx(400 * math.log(1e-3), rel=1e-14)
