"""Backprop by hand against SymPy's derivatives and the curriculum's worked example WE38."""

import numpy as np
import pytest
from scipy.special import expit, log_expit
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.backprop import MLP, logistic_backprop, mse_loss, neuron_backprop, two_layer_backprop

x_, w_, b_, t_, W1_, W2_, b1_, b2_, w1_, w2_ = sp.symbols("x w b t W1 W2 b1 b2 w1 w2", real=True)
sigma = lambda z: 1 / (1 + sp.exp(-z))  # noqa: E731
reals = st.floats(-3, 3)


def at(expr, values):
    return float(expr.subs(values))


@settings(max_examples=30, deadline=None)
@given(reals, reals, reals, reals)
def test_neuron_matches_sympy(x, w, b, t):
    L = (sigma(w_ * x_ + b_) - t_) ** 2
    values = {x_: x, w_: w, b_: b, t_: t}
    d = neuron_backprop(x, w, b, t)
    np.testing.assert_allclose(d["L"], at(L, values), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(d["dL/dw"], at(sp.diff(L, w_), values), rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(d["dL/db"], at(sp.diff(L, b_), values), rtol=1e-10, atol=1e-15)
    z = w * x + b
    np.testing.assert_allclose(d["dy/dz"], at(sp.diff(sigma(x_), x_), {x_: z}), rtol=1e-10)


@settings(max_examples=30, deadline=None)
@given(reals, reals, reals, reals)
def test_two_layer_matches_sympy(x, y, W1, W2):
    L = (W2_ * sigma(W1_ * x_) - t_) ** 2 / 2
    values = {x_: x, t_: y, W1_: W1, W2_: W2}
    d = two_layer_backprop(x, y, W1, W2)
    np.testing.assert_allclose(d["L"], at(L, values), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(d["dL/dW2"], at(sp.diff(L, W2_), values), rtol=1e-10, atol=1e-15)
    np.testing.assert_allclose(d["dL/dW1"], at(sp.diff(L, W1_), values), rtol=1e-10, atol=1e-15)


def test_two_layer_reproduces_we38():
    """Curriculum WE38: x = 2, y = 1, W1 = 0.5, W2 = 0.8, printed to 4 places."""
    d = two_layer_backprop(x=2.0, y=1.0, W1=0.5, W2=0.8)
    got = [d[k] for k in ["z1", "a1", "y_hat", "L", "dL/dy_hat", "dL/dW2", "da1/dz1", "dL/dW1"]]
    expected = [1.0, 0.7311, 0.5848, 0.0862, -0.4152, -0.3035, 0.1966, -0.1306]
    np.testing.assert_allclose(got, expected, atol=5e-5)


def test_two_layer_agrees_with_the_mlp():
    """The scalar network is MLP([1, 1, 1]) without biases; MLP's loss has no 1/2."""
    net = MLP([1, 1, 1], "sigmoid", "identity")
    net.W = [np.array([[0.5]]), np.array([[0.8]])]
    _, dY_hat = mse_loss(net.forward(np.array([[2.0]])), np.array([[1.0]]))
    dW, _ = net.backward(dY_hat)
    d = two_layer_backprop(x=2.0, y=1.0, W1=0.5, W2=0.8)
    np.testing.assert_allclose([dW[0][0, 0], dW[1][0, 0]], [2 * d["dL/dW1"], 2 * d["dL/dW2"]],
                               rtol=1e-14)


@settings(max_examples=30, deadline=None)
@given(reals, st.floats(0, 1), reals, reals)
def test_logistic_matches_sympy_and_collapses_to_error_times_input(x, y, w, b):
    y_hat = sigma(w_ * x_ + b_)
    L = -t_ * sp.log(y_hat) - (1 - t_) * sp.log(1 - y_hat)
    values = {x_: x, t_: y, w_: w, b_: b}
    d = logistic_backprop(x, y, w, b)
    np.testing.assert_allclose(d["L"], at(L, values), rtol=1e-10)
    np.testing.assert_allclose(d["dL/dw"], at(sp.diff(L, w_), values), rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(d["dL/db"], at(sp.diff(L, b_), values), rtol=1e-9, atol=1e-14)
    np.testing.assert_allclose(d["dL/dz"], d["y_hat"] - y, rtol=1e-9, atol=1e-14)


def test_e5_simplifies_symbolically():
    """E5: dL/dw = (y_hat - y) x exactly, for every x, y, w, b."""
    y_hat = sigma(w_ * x_ + b_)
    L = -t_ * sp.log(y_hat) - (1 - t_) * sp.log(1 - y_hat)
    assert sp.simplify(sp.diff(L, w_) - (y_hat - t_) * x_) == 0


def test_e4_formula_matches_sympy():
    """E4: y = w2 sigma(w1 x + b1) + b2, L = (y - t)^2, dL/dw1 = 2 (y - t) w2 s (1 - s) x."""
    z = w1_ * x_ + b1_
    y = w2_ * sigma(z) + b2_
    L = (y - t_) ** 2
    s = sigma(z)
    formula = 2 * (y - t_) * w2_ * s * (1 - s) * x_
    assert sp.simplify(sp.diff(L, w1_) - formula) == 0


@pytest.mark.parametrize("z", [36.0, 40.0, 100.0, 700.0])
def test_logistic_loss_of_a_saturated_sigmoid_is_finite_and_accurate(z):
    """From the logit: -ln sigma(z) = -log_expit(z) and -ln(1 - sigma(z)) = -log_expit(-z)."""
    agree = logistic_backprop(x=1.0, y=1.0, w=z, b=0.0)
    disagree = logistic_backprop(x=1.0, y=0.0, w=z, b=0.0)
    # SciPy's log_expit is accurate to a few ulps for any z
    np.testing.assert_allclose(agree["L"], -log_expit(z), rtol=1e-14)
    np.testing.assert_allclose(disagree["L"], -log_expit(-z), rtol=1e-14)
    assert 0 < agree["L"] < 1e-15  # e^-z, not 0, inf or NaN
    # dL/dz = y_hat - y = -sigma(-z) for y = 1 and sigma(z) for y = 0, to full accuracy
    np.testing.assert_allclose(agree["dL/dz"], -expit(-z), rtol=1e-14)
    np.testing.assert_allclose(disagree["dL/dz"], expit(z), rtol=1e-14)
