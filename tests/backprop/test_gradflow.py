"""Deep stacks: the backward pass against SciPy, and the claims the gradient-flow page makes."""

import re

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from scipy.differentiate import derivative

from snippets.backprop import grad_norms, mse_loss, stack_backward, stack_forward


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 3), st.integers(2, 4), st.sampled_from(["tanh", "sigmoid", "identity"]),
       st.booleans(), st.booleans(), st.integers(0, 2**32 - 1))
# A normalised residual stack whose gradients are about 1e-7, where SciPy is off by 1.4e-9.
@example(depth=3, width=2, activation="tanh", residual=True, normalise=True, seed=27127803)
def test_stack_backward_matches_scipy(depth, width, activation, residual, normalise, seed):
    rng = np.random.default_rng(seed)
    Ws = [rng.normal(size=(width, width)) for _ in range(depth)]
    X, Y = rng.normal(size=(3, width)), rng.normal(size=(3, width))
    kw = dict(residual=residual, normalise=normalise)
    out, cache = stack_forward(Ws, X, activation, **kw)
    dWs = stack_backward(Ws, cache, mse_loss(out, Y)[1], activation, **kw)
    for W, dW in zip(Ws, dWs):
        assert dW.shape == W.shape
        flat = W.reshape(-1)

        def f(t, i):  # the loss with entry i of W set to each value in t
            old, out = flat[i], np.empty(t.shape)
            for k in np.ndindex(t.shape):
                flat[i] = t[k]
                out[k] = mse_loss(stack_forward(Ws, X, activation, **kw)[0], Y)[0]
            flat[i] = old
            return out

        numeric = np.array([derivative(f, flat[i], args=(i,), initial_step=1e-2,
                                       tolerances={"atol": 1e-12}).df
                            for i in range(flat.size)])
        # SciPy's extrapolated differences of a loss of order 1 are good to about 1e-9 absolute
        # (round-off), not relatively, when an entry is as small as 1e-7; a bug is far larger.
        np.testing.assert_allclose(dW.ravel(), numeric, rtol=1e-6, atol=1e-8)


def test_sigmoid_gradients_vanish_with_depth():
    norms = grad_norms(activation="sigmoid")
    assert norms.shape == (30,)
    assert norms[0] / norms[-1] < 1e-15  # each layer multiplies by sigma' <= 1/4


def test_xavier_tanh_and_he_relu_keep_every_layer_within_a_factor_of_ten():
    for activation, gain in [("tanh", 1.0), ("relu", np.sqrt(2))]:
        norms = grad_norms(activation=activation, gain=gain)
        assert norms.max() / norms.min() < 10


def test_relu_gain_sets_the_scale_of_every_layer():
    small, he, large = (grad_norms(activation="relu", gain=g) for g in (1.0, np.sqrt(2), 2.0))
    assert small.max() < 1e-4 < 1e-1 < he.min() and he.max() < 10 < 1e8 < large.min()


def test_residual_connections_stop_the_vanishing():
    plain = grad_norms(activation="sigmoid")
    residual = grad_norms(activation="sigmoid", residual=True)
    assert residual[0] / residual[-1] > 1e-2 > 1e-15 > plain[0] / plain[-1]


def test_normalisation_makes_the_scale_of_the_weights_irrelevant():
    for gain in (0.5, 3.0):
        norms = grad_norms(activation="tanh", gain=gain, normalise=True)
        assert norms.max() / norms.min() < 20
    exploding = grad_norms(activation="relu", gain=2.0)
    normalised = grad_norms(activation="relu", gain=2.0, normalise=True)
    assert normalised.max() < 1 < 1e8 < exploding.min()


def test_clipping_rescales_every_layer_by_the_same_factor():
    raw = grad_norms(activation="relu", gain=2.0)
    clipped = grad_norms(activation="relu", gain=2.0, max_norm=1.0)
    np.testing.assert_allclose(np.linalg.norm(clipped), 1.0, rtol=1e-9)  # global norm = max_norm
    np.testing.assert_allclose(clipped / raw, (clipped / raw)[0], rtol=1e-12)  # same direction


def test_same_seed_same_norms():
    np.testing.assert_array_equal(grad_norms(depth=3, rng=4), grad_norms(depth=3, rng=4))


@pytest.mark.parametrize(
    "call, msg",
    [
        (lambda: grad_norms(depth=0), "`depth` must be a positive integer, got 0"),
        (lambda: grad_norms(width=2.5), "`width` must be a positive integer, got 2.5"),
        (lambda: grad_norms(activation="elu"),
         "`activation` must be one of ['identity', 'relu', 'sigmoid', 'tanh'], got 'elu'"),
    ],
)
def test_errors_name_the_argument(call, msg):
    with pytest.raises(ValueError, match=re.escape(msg)):
        call()
