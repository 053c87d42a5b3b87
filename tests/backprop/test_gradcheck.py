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
        return gradcheck(loss, net.parameters(), [g.copy() for g in net.gradients()])

    assert max(check()) < 1e-7
    net.g_prime = identity_prime  # the bug: forget tanh' in the backward pass
    errors = check()
    W1, W2, b1, b2 = errors  # the order of net.parameters()
    assert W1 > 1e-2 and b1 > 1e-2  # the first layer sees the missing factor
    assert W2 < 1e-7 and b2 < 1e-7  # the output layer does not


def test_a_nan_gradient_never_passes():
    """NaN > tol is False: a NaN that came back as the error would pass any check."""
    w = np.array([0.5, -1.0])
    with pytest.raises(ValueError, match=re.escape("`grads[0]` must be finite")):
        gradcheck(lambda: float(np.sum(np.sin(w))), [w], [np.array([np.nan, 0.5])])
    with pytest.raises(ValueError, match=re.escape("`a` must be finite")):
        relative_error(np.array([np.nan, 1.0]), np.array([1.0, 1.0]))
    with pytest.raises(ValueError, match=re.escape("`b` must be finite")):
        relative_error(np.array([1.0, 1.0]), np.array([1.0, np.inf]))


@pytest.mark.parametrize("fail_at", [0, 1])  # raising on the + h or on the - h evaluation
def test_numerical_grad_restores_x_when_f_raises(fail_at):
    x = np.array([1.0, 2.0, 3.0])
    calls = []

    def f():
        calls.append(x.copy())
        if len(calls) == 3 + fail_at:  # second entry of x
            raise RuntimeError("the loss failed")
        return float(np.sum(x**2))

    with pytest.raises(RuntimeError, match="the loss failed"):
        numerical_grad(f, x)
    np.testing.assert_array_equal(x, [1.0, 2.0, 3.0])  # not left at 2 + h or 2 - h
    assert calls[-1][1] != 2.0  # the failing call did see the perturbed entry


def test_relative_error_lies_between_0_and_2_with_2_for_a_flipped_sign():
    # What the page says of the scale: ||g - n|| <= ||g|| + ||n|| <= 2 max(||g||, ||n||).
    from snippets.backprop import relative_error
    rng = np.random.default_rng(0)
    for _ in range(100):
        g, n = rng.normal(size=5), rng.normal(size=5)
        assert 0 <= relative_error(g, n) <= 2
    g = rng.normal(size=(3, 4))
    assert relative_error(g, -g) == 2.0
    assert relative_error(g, g) == 0.0
