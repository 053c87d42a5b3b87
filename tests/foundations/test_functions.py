"""Composition and inversion of functions."""

import math

import numpy as np
import pytest
from scipy.optimize import brentq
from scipy.special import expit, logit

from snippets.foundations import compose, invert, sigmoid


def test_compose_applies_right_to_left():
    # WE4: f(x) = 2x, g(x) = x + 3: (g o f)(4) = g(8) = 11, while (f o g)(4) = 14.
    f, g = (lambda x: 2 * x), (lambda x: x + 3)
    assert compose(g, f)(4) == 11 and compose(f, g)(4) == 14
    assert compose(f)(4) == 8
    assert compose(np.sqrt, np.square, np.negative)(-3.0) == 3.0


def test_a_layer_is_an_activation_composed_with_an_affine_map():
    W, b = np.array([[1.0, -2.0], [0.5, 1.0]]), np.array([0.1, -0.3])
    layer = compose(sigmoid, lambda x: W @ x + b)
    x = np.array([0.4, -1.2])
    np.testing.assert_allclose(layer(x), expit(W @ x + b), rtol=1e-15)


def test_invert_recovers_closed_form_inverses():
    # WE5: f(x) = 2x + 3 has f^-1(y) = (y - 3) / 2.
    for y in [-5.0, 0.0, 3.0, 11.0]:
        assert invert(lambda x: 2 * x + 3, y, -100.0, 100.0) == pytest.approx((y - 3) / 2, abs=1e-12)
    # The sigmoid's inverse is the logit, ln(p / (1 - p)).
    for p in [0.01, 0.25, 0.5, 0.9]:
        assert invert(expit, p, -50.0, 50.0) == pytest.approx(logit(p), abs=1e-12)
    # exp's inverse is ln; SciPy's root finder agrees.
    assert invert(math.exp, 10.0, 0.0, 5.0) == pytest.approx(math.log(10.0), rel=1e-14)
    assert invert(math.exp, 10.0, 0.0, 5.0) == pytest.approx(brentq(lambda x: math.exp(x) - 10, 0, 5), rel=1e-12)


def test_f_of_inverse_is_the_identity():
    f = lambda x: x**3 + x  # noqa: E731 - increasing, no closed-form inverse at hand
    for y in [-10.0, 0.5, 2.0, 30.0]:
        assert f(invert(f, y, -10.0, 10.0)) == pytest.approx(y, abs=1e-12)


def test_invert_stops_once_the_interval_cannot_shrink():
    # A billion halvings would take minutes; the loop ends when no float is left between the ends.
    x = invert(math.exp, 1.5, 0.0, 1.0, n_iter=10**9)
    assert x == pytest.approx(math.log(1.5), rel=1e-15)
