"""One table of bad calls to the public functions of snippets.backprop.

Each must raise a TypeError or ValueError whose message names the argument as its signature
spells it. Valid input that looks unusual (lists, lr = 0, a Generator as ``rng``) is accepted:
the last tests say so.
"""

import math

import numpy as np
import pytest

import snippets.backprop
from snippets.backprop import (
    MLP,
    XOR_X,
    XOR_Y,
    Value,
    clip_grad_norm,
    cross_entropy,
    gradcheck,
    grad_norms,
    he_normal,
    identity,
    identity_prime,
    logistic_backprop,
    mse_loss,
    neuron_backprop,
    numerical_grad,
    relative_error,
    relu,
    relu_prime,
    sgd_step,
    sigmoid,
    sigmoid_prime,
    stack_backward,
    stack_forward,
    tanh_prime,
    to_mermaid,
    topological_order,
    train_xor,
    two_layer_backprop,
    two_layer_step,
    xavier_normal,
)
from snippets._core.losses import binary_cross_entropy, binary_cross_entropy_with_logits, l1_loss
from tests.bad_input import Bad, covered

RNG = ("`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got ")
ACTIVATION = "must be one of ['identity', 'relu', 'sigmoid', 'tanh'], got "
g = np.ones(2)  # a valid gradient array


def fitted(net, X):
    """``net`` after a forward pass on ``X``: ready for ``backward``."""
    net.forward(X)
    return net


def generator(arrays):
    return (a for a in arrays)


def xor_params():
    """Valid parameters of a 2-4-1 network for two_layer_step: W1, b1, W2, b2."""
    return [np.ones((2, 4)), np.zeros(4), np.ones((4, 1)), np.zeros(1)]


CASES = [
    # Activations: a string, None or a generator is not a number
    *[Bad(f, ("relu",), TypeError, "`z` must be a real number or array, got str")
      for f in (sigmoid, sigmoid_prime, tanh_prime, relu, relu_prime, identity, identity_prime)],
    Bad(sigmoid, (None,), TypeError, "`z` must be a real number or array, got NoneType"),
    Bad(relu_prime, (generator([1.0]),), TypeError,
        "`z` must be a real number or array, got generator"),
    # Initialisers
    Bad(xavier_normal, (0, 3), ValueError, "`n_in` must be a positive integer, got 0"),
    Bad(he_normal, (3, -1), ValueError, "`n_out` must be a positive integer, got -1"),
    Bad(he_normal, (2.5, 3), ValueError, "`n_in` must be a positive integer, got 2.5"),
    Bad(xavier_normal, (2, 3), TypeError, RNG + "str 'seed'", rng="seed"),
    Bad(he_normal, (2, 3), TypeError, RNG + "float 1.5", rng=1.5),
    # The MLP
    Bad(MLP, (5,), TypeError, "`sizes` must be a list of layer widths, got int 5"),
    Bad(MLP, ([3],), ValueError, "`sizes` must list at least 2 layer widths, got [3]"),
    Bad(MLP, ([3, 0],), ValueError, "`sizes` must be a positive integer, got 0"),
    Bad(MLP, ([3, 2.5],), ValueError, "`sizes` must be a positive integer, got 2.5"),
    Bad(MLP, ([3, 2], "softplus"), ValueError, "`activation` " + ACTIVATION + "'softplus'"),
    Bad(MLP, ([3, 2],), ValueError, "`output` " + ACTIVATION + "'softmax'", output="softmax"),
    Bad(MLP, ([3, 2],), ValueError, "`init` must be one of ['he', 'xavier'], got 'zeros'",
        init="zeros"),
    Bad(MLP, ([3, 2],), TypeError, RNG + "int -1", rng=-1),
    Bad(MLP, ([3, 2],), TypeError, RNG + "bool True", rng=True),
    Bad(MLP([3, 2]).forward, (np.ones((4, 2)),), ValueError,
        "`X` must have shape (n_samples, 3), got (4, 2)"),
    Bad(MLP([3, 2]).forward, (np.ones(3),), ValueError,
        "`X` must have shape (n_samples, 3), got (3,)"),
    Bad(MLP([3, 2]).forward, (np.full((1, 3), np.nan),), ValueError, "`X` must be finite"),
    Bad(MLP([3, 2]).forward, ("abc",), TypeError, "`X` must be a real array, got str"),
    Bad(fitted(MLP([2, 1]), np.ones((2, 2))).backward, (np.ones((2, 3)),), ValueError,
        "`dA` must have shape (n_samples, 1), got (2, 3)"),
    Bad(fitted(MLP([2, 1]), np.ones((2, 2))).backward, (np.ones((3, 1)),), ValueError,
        "`dA` must have the output shape (2, 1), got (3, 1)"),
    Bad(fitted(MLP([2, 1]), np.ones((2, 2))).backward, (np.full((2, 1), np.nan),), ValueError,
        "`dA` must be finite"),
    # Losses: shapes must match exactly, logits are 2-D, labels are integers in range
    Bad(mse_loss, (np.ones((2, 1)), np.ones(2)), ValueError,
        "`y` must have the shape of `y_hat` (2, 1), got (2,)"),
    Bad(mse_loss, (None, np.ones(2)), TypeError,
        "`y_hat` must be a real number or array, got NoneType None"),
    Bad(mse_loss, (np.ones(0), np.ones(0)), ValueError, "`y_hat` must not be empty, got shape (0,)"),
    Bad(mse_loss, (np.ones(2), [1.0, np.inf]), ValueError, "`y` must be finite"),
    Bad(cross_entropy, (np.ones(3), 0), ValueError,
        "`Z` must be a 2-D array (n, k) of logits, got shape (3,)"),
    Bad(cross_entropy, (np.ones((2, 3)), np.array([0, 1, 2])), ValueError,
        "`y` must have shape (2,) for `Z` of shape (2, 3), got (3,)"),
    Bad(cross_entropy, (np.ones((2, 3)), [0, 3]), ValueError,
        "`y` must hold class labels in [0, 3), got [0, 3]"),
    Bad(cross_entropy, (np.ones((2, 3)), [0, -1]), ValueError,
        "`y` must hold class labels in [0, 3), got [0, -1]"),
    Bad(cross_entropy, (np.ones((2, 3)), [0.0, 1.0]), ValueError,
        "`y` must hold integer class labels, got [0.0, 1.0]"),
    Bad(cross_entropy, (np.ones((2, 3)), None), TypeError,
        "`y` must be an array of integer class labels, got NoneType"),
    # The core's other losses, taught later in the book
    Bad(l1_loss, (np.ones((3, 1)), np.ones((1, 3))), ValueError,
        "`y` must have the shape of `y_hat` (3, 1), got (1, 3)"),
    Bad(binary_cross_entropy, (np.array([0.5, 1.5]), np.ones(2)), ValueError,
        "`p` must lie in [0, 1], got values from 0.5 to 1.5"),
    Bad(binary_cross_entropy, (np.array([0.5, 0.5]), np.array([0.0, 2.0])), ValueError,
        "`y` must lie in [0, 1], got values from 0.0 to 2.0"),
    Bad(binary_cross_entropy_with_logits, (np.zeros(2), np.array([-1.0, 0.0])), ValueError,
        "`y` must lie in [0, 1], got values from -1.0 to 0.0"),
    Bad(binary_cross_entropy_with_logits, ("z", np.zeros(2)), TypeError,
        "`z` must be a real number or array, got str 'z'"),
    # The update: lists of float arrays, one gradient per parameter, lr >= 0
    Bad(sgd_step, ([g], [None], 0.1), TypeError,
        "`grads[0]` must be a float NumPy array (it is changed in place), got NoneType"),
    Bad(sgd_step, (generator([g]), [g], 0.1), TypeError,
        "`params` must be a list or tuple of float arrays, got generator"),
    Bad(sgd_step, ([g], [1.0], 0.1), TypeError,
        "`grads[0]` must be a float NumPy array (it is changed in place), got float"),
    Bad(sgd_step, ([[1.0, 2.0]], [g], 0.1), TypeError,
        "`params[0]` must be a float NumPy array (it is changed in place), got list"),
    Bad(sgd_step, ([g], [g], -1), ValueError, "`lr` must be a non-negative finite number, got -1"),
    Bad(sgd_step, ([g], [g], math.nan), ValueError,
        "`lr` must be a non-negative finite number, got nan"),
    Bad(sgd_step, ([g], [g], "0.1"), TypeError, "`lr` must be a real number, got str '0.1'"),
    Bad(sgd_step, ([g], [np.ones(3)], 0.1), ValueError,
        "`grads[0]` must have the shape of `params[0]` (2,), got (3,)"),
    Bad(sgd_step, ([g], [g, g], 0.1), ValueError,
        "`grads` must have one array per parameter (1), got 2"),
    # Clipping scales in place: a float, a NumPy scalar or a generator cannot be scaled
    Bad(clip_grad_norm, (None, 1.0), TypeError,
        "`grads` must be a list or tuple of float arrays, got NoneType"),
    Bad(clip_grad_norm, (generator([g]), 1.0), TypeError,
        "`grads` must be a list or tuple of float arrays, got generator"),
    Bad(clip_grad_norm, ([g, 1.0], 1.0), TypeError,
        "`grads[1]` must be a float NumPy array (it is changed in place), got float"),
    Bad(clip_grad_norm, ([np.float64(3.0)], 1.0), TypeError,
        "`grads[0]` must be a float NumPy array (it is changed in place), got float64"),
    Bad(clip_grad_norm, ([np.array([1, 2])], 1.0), TypeError,
        "`grads[0]` must be a float NumPy array (it is changed in place), got int64"),
    Bad(clip_grad_norm, ([g], 0.0), ValueError, "`max_norm` must be a positive finite number, got 0.0"),
    Bad(clip_grad_norm, ([np.array([1.0, np.inf])], 1.0), ValueError,
        "`grads` must be finite, got a global norm of inf"),
    # The two-layer step: every shape must fit (a (1, 1) target would broadcast)
    Bad(two_layer_step, (XOR_X, np.ones((1, 1)), *xor_params(), 0.5), ValueError,
        "`Y` must have the shape of the predictions (4, 1), got (1, 1)"),
    Bad(two_layer_step, (XOR_X, np.ones(4), *xor_params(), 0.5), ValueError,
        "`Y` must have the shape of the predictions (4, 1), got (4,)"),
    Bad(two_layer_step, (np.ones((4, 3)), XOR_Y, *xor_params(), 0.5), ValueError,
        "`X` must have shape (n_samples, 2), got (4, 3)"),
    Bad(two_layer_step, (XOR_X, XOR_Y, *xor_params(), -0.5), ValueError,
        "`lr` must be a non-negative finite number, got -0.5"),
    Bad(two_layer_step, (XOR_X, XOR_Y, [[1.0] * 4] * 2, *xor_params()[1:], 0.5), TypeError,
        "`W1` must be a float NumPy array (it is updated in place), got list"),
    Bad(two_layer_step, (XOR_X, XOR_Y, np.ones((2, 4)), np.zeros(3), *xor_params()[2:], 0.5),
        ValueError, "`b1` must have shape (4,), got (3,)"),
    Bad(two_layer_step, (XOR_X, XOR_Y, *xor_params()[:2], np.ones((3, 1)), np.zeros(1), 0.5),
        ValueError, "`W2` must have shape (4, k), got (3, 1)"),
    # Training: epochs a positive integer, lr >= 0, rng a generator or seed
    Bad(train_xor, (), ValueError, "`epochs` must be a positive integer, got 0", epochs=0),
    Bad(train_xor, (), ValueError, "`epochs` must be a positive integer, got -3", epochs=-3),
    Bad(train_xor, (), ValueError, "`epochs` must be a positive integer, got 2.5", epochs=2.5),
    Bad(train_xor, (), ValueError, "`lr` must be a non-negative finite number, got -0.5",
        lr=-0.5),
    Bad(train_xor, (), TypeError, RNG + "str '2'", rng="2"),
    # By hand
    Bad(neuron_backprop, (math.nan, 1, 0, 1), ValueError, "`x` must be finite, got nan"),
    Bad(neuron_backprop, (1, "w", 0, 1), TypeError,
        "`w` must be a real number or array, got str 'w'"),
    Bad(neuron_backprop, (1, 1, [0, 1], 1), ValueError,
        "`b` must be a scalar, got an array of shape (2,)"),
    Bad(two_layer_backprop, (1, 1, 1, math.inf), ValueError, "`W2` must be finite, got inf"),
    Bad(logistic_backprop, (1, 2, 1, 0), ValueError, "`y` must be a label in [0, 1], got 2.0"),
    Bad(logistic_backprop, (None, 1, 1, 0), TypeError,
        "`x` must be a real number, got None"),
    # The engine
    Bad(Value, ("a",), TypeError, "`data` must be a real number, got str 'a'"),
    Bad(Value, (True,), TypeError, "`data` must be a real number, got bool True"),
    Bad(Value, (None,), TypeError, "`data` must be a real number, got NoneType None"),
    Bad(Value, (math.nan,), ValueError, "`data` must be finite, got nan"),
    Bad(Value, (math.inf,), ValueError, "`data` must be finite, got inf"),
    Bad(Value(2.0).__pow__, (Value(2.0),), TypeError, "`k` must be a real number, got Value Value(data=2, grad=0)"),
    Bad(Value(1.0).__add__, ("x",), TypeError, "`data` must be a real number, got str 'x'"),
    Bad(topological_order, (3.0,), TypeError, "`root` must be a Value, got float 3.0"),
    Bad(to_mermaid, (None,), TypeError, "`root` must be a Value, got NoneType None"),
    Bad(to_mermaid, (Value(1.0),), ValueError, "`direction` must be 'LR' or 'TB', got 'up'",
        direction="up"),
    # Gradient checking: a NaN never passes
    Bad(numerical_grad, (3.0, np.zeros(2)), TypeError, "`f` must be callable, got float 3.0"),
    Bad(numerical_grad, (lambda: 0.0, np.zeros(2)), ValueError,
        "`h` must be a positive finite number, got 0", h=0),
    Bad(numerical_grad, (lambda: 0.0, [1.0, 2.0]), TypeError,
        "`x` must be a float64 NumPy array (it is changed in place), got [1.0, 2.0]"),
    Bad(numerical_grad, (lambda: 0.0, np.zeros(2, dtype=np.float32)), TypeError,
        "`x` must be a float64 NumPy array (it is changed in place), got array([0., 0.], "
        "dtype=float32)"),
    Bad(numerical_grad, (lambda: np.nan, np.zeros(1)), ValueError,
        "`f` returned a non-finite value nan at entry (0,) of x"),
    Bad(numerical_grad, (lambda: None, np.zeros(1)), TypeError,
        "`f` must return a real number, got NoneType None"),
    Bad(numerical_grad, (lambda: "1", np.zeros(1)), TypeError,
        "`f` must return a real number, got str '1'"),
    Bad(numerical_grad, (lambda: np.ones(2), np.zeros(1)), TypeError,
        "`f` must return a real number, got ndarray array([1., 1.])"),
    Bad(relative_error, (None, np.ones(2)), TypeError,
        "`a` must be a real number or array, got NoneType None"),
    Bad(relative_error, (np.ones(2), None), TypeError,
        "`b` must be a real number or array, got NoneType None"),
    Bad(relative_error, (np.array([np.nan, 1.0]), np.ones(2)), ValueError,
        "`a` must be finite (no NaN or infinity)"),
    Bad(relative_error, (np.zeros(2), np.zeros(3)), ValueError,
        "`b` must have the shape of `a` (2,), got (3,)"),
    Bad(gradcheck, (lambda: 0.0, [np.zeros(2)], []), ValueError,
        "`grads` must have one array per parameter (1), got 0"),
    Bad(gradcheck, (lambda: 0.0, [np.zeros(2)], [np.zeros(3)]), ValueError,
        "`grads[0]` must have the shape of `params[0]` (2,), got (3,)"),
    Bad(gradcheck, (lambda: 0.0, [np.zeros(2)], [None]), TypeError,
        "`grads[0]` must be an array, got NoneType"),
    Bad(gradcheck, (lambda: 0.0, [np.zeros(2)], [np.array([np.nan, 0.0])]), ValueError,
        "`grads[0]` must be finite (no NaN or infinity)"),
    Bad(gradcheck, (lambda: 0.0, generator([g]), [g]), TypeError,
        "`params` must be a list or tuple of arrays, got generator"),
    Bad(gradcheck, (lambda: 0.0, [[1.0, 2.0]], [g]), TypeError,
        "`params[0]` must be a float64 NumPy array (it is changed in place), got list"),
    Bad(gradcheck, (None, [g], [g]), TypeError, "`f` must be callable, got NoneType None"),
    # Gradient flow
    Bad(stack_forward, ([np.eye(2)], np.ones((3, 3))), ValueError,
        "`X` must have shape (n_samples, 2), got (3, 3)"),
    Bad(stack_forward, (np.eye(2), np.ones((3, 2))), TypeError,
        "`Ws` must be a list of weight matrices, got ndarray"),
    Bad(stack_forward, ([np.eye(2), None], np.ones((3, 2))), TypeError,
        "`Ws[1]` must be a real array, got NoneType"),
    Bad(stack_forward, ([np.ones((2, 3))], np.ones((3, 2))), ValueError,
        "`Ws[0]` must be square, got shape (2, 3)", residual=True),
    Bad(stack_forward, ([np.eye(2)], np.ones((3, 2)), "gelu"), ValueError,
        "`activation` " + ACTIVATION + "'gelu'"),
    Bad(stack_forward, ([np.eye(2)], np.ones((3, 2)), 3), ValueError,
        "`activation` " + ACTIVATION + "3"),
    Bad(stack_backward, ([np.eye(2)] * 2, stack_forward([np.eye(2)], np.ones((3, 2)))[1],
                         np.ones((3, 2))), ValueError,
        "`cache` must have one entry per layer of `Ws` (2), got 1"),
    Bad(stack_backward, ([np.eye(2)], stack_forward([np.eye(2)], np.ones((3, 2)))[1],
                         np.ones((3, 3))), ValueError,
        "`dA` must have the output shape (3, 2), got (3, 3)"),
    Bad(grad_norms, (), ValueError, "`depth` must be a positive integer, got 0", depth=0),
    Bad(grad_norms, (), ValueError, "`width` must be a positive integer, got 2.5", width=2.5),
    Bad(grad_norms, (), ValueError, "`activation` " + ACTIVATION + "'elu'", activation="elu"),
    Bad(grad_norms, (), TypeError, RNG + "str 'a'", depth=2, rng="a"),
    Bad(grad_norms, (), ValueError, "`gain` must be a positive finite number, got -1",
        depth=2, gain=-1),
    Bad(grad_norms, (), ValueError, "`max_norm` must be a positive finite number, got 0",
        depth=2, max_norm=0),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


def test_every_public_function_has_a_bad_input_case():
    covered(snippets.backprop, CASES)


def test_valid_input_that_looks_unusual_is_accepted():
    """Lists where an array is natural, lr = 0, a Generator, numpy integers: all valid."""
    assert mse_loss([1.0, 2.0], [1.0, 0.0])[0] == 2.0
    assert cross_entropy([[0.0, 0.0]], [np.int32(1)])[0] == pytest.approx(math.log(2), rel=1e-15)
    assert relative_error([1.0, 2.0], (1.0, 2.0)) == 0.0
    assert MLP([2, 1], rng=np.random.default_rng(0)).forward([[1.0, 2.0]]).shape == (1, 1)
    assert MLP((np.int64(2), 1), rng=np.uint8(3)).forward(XOR_X).shape == (4, 1)
    np.testing.assert_array_equal(relu([-1, 2]), [0.0, 2.0])
    assert float(sigmoid(0)) == 0.5 and float(sigmoid(True)) == sigmoid(1.0)
    p = [np.ones(2)]
    sgd_step(p, (np.ones(2),), lr=0)
    np.testing.assert_array_equal(p[0], 1.0)
    assert clip_grad_norm((np.ones(2),), 10.0) == pytest.approx(math.sqrt(2), rel=1e-15)
    assert train_xor(rng=np.random.default_rng(2), epochs=1)[1].shape == (1,)
    out, cache = stack_forward([[[1.0, 0.0], [0.0, 1.0]]], [[1.0, 2.0]])
    assert len(stack_backward([np.eye(2)], cache, [[1.0, 1.0]])) == 1
