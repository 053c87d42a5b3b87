"""Gradient checking: central differences against closed forms, and a planted bug caught."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from snippets.backprop import (
    MLP,
    gradcheck,
    identity_prime,
    mse_loss,
    numerical_grad,
    relative_error,
)


@settings(max_examples=40, deadline=None)
@given(arrays(float, st.tuples(st.integers(1, 3), st.integers(1, 3)),
              elements=st.floats(-2, 2)),
       st.lists(st.floats(-2, 2), min_size=4, max_size=4))
def test_numerical_grad_of_a_random_cubic(x, c):
    """f = sum(c0 + c1 x + c2 x^2 + c3 x^3) has gradient c1 + 2 c2 x + 3 c3 x^2, entrywise."""
    def f():
        return float(np.sum(c[0] + c[1] * x + c[2] * x**2 + c[3] * x**3))

    x0 = x.copy()
    grad = numerical_grad(f, x)
    np.testing.assert_array_equal(x, x0)  # restored
    # Truncation c3 h^2 = 2e-12; round-off eps |f| / h ~ 1e-9 for these sizes.
    np.testing.assert_allclose(grad, c[1] + 2 * c[2] * x0 + 3 * c[3] * x0**2, atol=1e-7)


def test_relative_error_is_normwise_and_symmetric():
    a, b = np.array([3.0, 4.0]), np.array([3.0, 4.5])
    assert relative_error(a, b) == pytest.approx(0.5 / np.hypot(3, 4.5), rel=1e-15)
    assert relative_error(a, b) == relative_error(b, a)
    assert relative_error(np.zeros(2), np.zeros(2)) == 0.0


def test_gradcheck_passes_a_correct_network_and_catches_a_planted_bug():
    rng = np.random.default_rng(0)
    net = MLP([3, 4, 2], "tanh", rng=rng)
    X, Y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))

    def loss():
        return mse_loss(net.forward(X), Y)[0]

    def check():
        net.backward(mse_loss(net.forward(X), Y)[1])
        return gradcheck(loss, net.W + net.b, [g.copy() for g in net.dW + net.db])

    assert max(check()) < 1e-7
    net.g_prime = identity_prime  # the bug: forget tanh' in the backward pass
    errors = check()
    W1, W2, b1, b2 = errors  # the order of net.W + net.b
    assert W1 > 1e-2 and b1 > 1e-2  # the first layer sees the missing factor
    assert W2 < 1e-7 and b2 < 1e-7  # the output layer does not


@pytest.mark.parametrize(
    "call, error, msg",
    [
        (lambda: numerical_grad(3.0, np.zeros(2)), TypeError,
         "`f` must be callable, got float 3.0"),
        (lambda: numerical_grad(lambda: 0.0, np.zeros(2), h=0), ValueError,
         "`h` must be a positive finite number, got 0"),
        (lambda: numerical_grad(lambda: 0.0, [1.0, 2.0]), TypeError,
         "`x` must be a float64 NumPy array (it is changed in place), got [1.0, 2.0]"),
        (lambda: numerical_grad(lambda: 0.0, np.zeros(2, dtype=np.float32)), TypeError,
         "`x` must be a float64 NumPy array (it is changed in place), got array([0., 0.], "
         "dtype=float32)"),
        (lambda: numerical_grad(lambda: np.nan, np.zeros(1)), ValueError,
         "`f` returned a non-finite value nan at entry (0,) of x"),
        (lambda: relative_error(np.zeros(2), np.zeros(3)), ValueError,
         "`b` must have the shape of `a` (2,), got (3,)"),
        (lambda: gradcheck(lambda: 0.0, [np.zeros(2)], []), ValueError,
         "`grads` must have one array per parameter (1), got 0"),
        (lambda: gradcheck(lambda: 0.0, [np.zeros(2)], [np.zeros(3)]), ValueError,
         "`grads[0]` must have the shape of `params[0]` (2,), got (3,)"),
    ],
)
def test_errors_name_the_argument(call, error, msg):
    with pytest.raises(error, match=re.escape(msg)):
        call()
