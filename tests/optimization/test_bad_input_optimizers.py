"""Bad input to the chapters "Momentum and adaptive optimizers", "Convexity", "Loss landscapes"
and "The practical playbook": refused with a message naming the argument.

(The part-wide check that every public callable has a case lives in test_bad_input.py; this table
covers the names of these four chapters.)
"""

import numpy as np
import pytest

from tests.bad_input import Bad, covered

from snippets.backprop import MLP
from snippets.optimization import (
    SGD, Adam, AdamW, RMSprop, chord_gap, filter_normalized_direction, fit, flat_gradient,
    linear_regression_loss, logistic_hessian, logistic_loss, loss_slice, monitored_fit, newton,
    normal_equation,
    optimizer_path, playground_data, rescale_relu_layer, sam_gradient, top_hessian_eigenvalue,
)

import snippets.optimization.convexity as convexity_chapter
import snippets.optimization.landscapes as landscapes_chapter
import snippets.optimization.optimizers as optimizers_chapter
import snippets.optimization.playbook as playbook_chapter

W = np.zeros(2)
grad = lambda x: 2 * x  # noqa: E731

CASES = [
    # The optimizers: PyTorch's checks, with the argument named
    Bad(SGD, ([W],), ValueError, "`lr` must be a non-negative finite number, got -1", lr=-1),
    Bad(SGD, ([W],), TypeError, "`lr` must be a real number, got str '0.1'", lr="0.1"),
    Bad(SGD, ([W],), ValueError, "`momentum` must be a finite number >= 0, got -0.5", momentum=-0.5),
    Bad(SGD, ([W],), ValueError, "`dampening` must be a finite number, got nan", dampening=float("nan")),
    Bad(SGD, ([W],), ValueError, "`weight_decay` must be a finite number >= 0, got -1", weight_decay=-1),
    Bad(SGD, ([W],), TypeError, "`nesterov` must be True or False, got int 1", nesterov=1),
    Bad(SGD, ([W],), ValueError,
        "`nesterov` requires `momentum` > 0 and `dampening` = 0, got momentum=0, dampening=0", nesterov=True),
    Bad(SGD, ([W],), ValueError,
        "`nesterov` requires `momentum` > 0 and `dampening` = 0, got momentum=0.9, dampening=0.1",
        nesterov=True, momentum=0.9, dampening=0.1),
    Bad(SGD, (W,), TypeError, "`params` must be a list or tuple of float arrays, got ndarray"),
    Bad(SGD, ([np.zeros(2, dtype=int)],), TypeError,
        "`params[0]` must be a float NumPy array (it is changed in place), got int64"),
    Bad(SGD, ([],), ValueError, "`params` must hold at least one array, got an empty list"),
    Bad(SGD([W]).step, ([np.zeros(3)],), ValueError, "`grads[0]` must have the shape of `params[0]` (2,), got (3,)"),
    Bad(SGD([W]).step, ([W, W],), ValueError, "`grads` must have one array per parameter (1), got 2"),
    Bad(SGD([W]).step, ([np.array([np.nan, 0.0])],), ValueError, "`grads[0]` must be finite"),
    Bad(SGD([W]).step, (np.zeros(2),), TypeError, "`grads` must be a list or tuple of float arrays, got ndarray"),
    Bad(RMSprop, ([W],), ValueError, "`alpha` must be a finite number >= 0, got -0.1", alpha=-0.1),
    Bad(RMSprop, ([W],), ValueError, "`alpha` must be a finite number in [0, 1], got 1.5", alpha=1.5),
    Bad(RMSprop, ([W],), ValueError, "`eps` must be a finite number >= 0, got -1e-08", eps=-1e-8),
    Bad(RMSprop, ([W],), ValueError, "`momentum` must be a finite number >= 0, got -1", momentum=-1),
    Bad(RMSprop, ([W],), ValueError, "`weight_decay` must be a finite number >= 0, got -1", weight_decay=-1),
    Bad(RMSprop, ([W],), TypeError, "`centered` must be True or False, got str 'yes'", centered="yes"),
    Bad(RMSprop, ([W],), ValueError, "`lr` must be a non-negative finite number, got inf", lr=float("inf")),
    Bad(RMSprop([W]).step, ([np.zeros(1)],), ValueError, "`grads[0]` must have the shape of `params[0]` (2,), got (1,)"),
    Bad(Adam, ([W],), ValueError, "`betas[0]` must be a finite number in [0, 1), got 1.0", betas=(1.0, 0.999)),
    Bad(Adam, ([W],), ValueError, "`betas[1]` must be a finite number in [0, 1), got -0.1", betas=(0.9, -0.1)),
    Bad(Adam, ([W],), TypeError, "`betas` must be a pair (beta1, beta2), got float 0.9", betas=0.9),
    Bad(Adam, ([W],), TypeError, "`betas[1]` must be a real number, got NoneType None", betas=(0.9, None)),
    Bad(Adam, ([W],), ValueError, "`eps` must be a finite number >= 0, got -1", eps=-1),
    Bad(Adam, ([W],), ValueError, "`weight_decay` must be a finite number >= 0, got -0.01", weight_decay=-0.01),
    Bad(Adam, ([W],), TypeError, "`amsgrad` must be True or False, got NoneType None", amsgrad=None),
    Bad(Adam([W]).step, ([np.array([np.inf, 0.0])],), ValueError, "`grads[0]` must be finite"),
    Bad(AdamW, ([W],), ValueError, "`weight_decay` must be a finite number >= 0, got -1", weight_decay=-1),
    Bad(AdamW, ([W],), ValueError, "`lr` must be a non-negative finite number, got -0.001", lr=-1e-3),
    Bad(AdamW([W]).step, ([W, W],), ValueError, "`grads` must have one array per parameter (1), got 2"),
    # optimizer_path
    Bad(optimizer_path, ("sgd", grad, [1.0], 3), TypeError,
        "`optimizer` must be one of SGD, RMSprop, Adam, AdamW, got 'sgd'"),
    Bad(optimizer_path, (SGD, 3.0, [1.0], 3), TypeError, "`grad` must be callable, got float 3.0"),
    Bad(optimizer_path, (SGD, grad, 1.0, 3), ValueError, "`x0` must be a 1-D array, got an array of shape ()"),
    Bad(optimizer_path, (SGD, grad, [1.0], 0), ValueError, "`steps` must be a positive integer, got 0"),
    Bad(optimizer_path, (SGD, lambda x: x[:1], [1.0, 2.0], 3), ValueError,
        "`grad` must return an array of shape (2,), got (1,)"),
    Bad(optimizer_path, (SGD, grad, [1.0], 3), ValueError, "`momentum` must be a finite number >= 0, got -1",
        momentum=-1),
]


def _fit_cases():
    net = MLP([2, 2], rng=0)
    X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
    opt = SGD(net.parameters(), lr=0.1)
    other = SGD([np.zeros(2)], lr=0.1)
    return [
        Bad(fit, ("net", X, y, opt, 3), TypeError,
            "`net` must be a network with forward, backward and gradients, got str"),
        Bad(fit, (net, X, y, "adam", 3), TypeError,
            "`opt` must be an optimizer (SGD, RMSprop, Adam, AdamW), got str"),
        Bad(fit, (net, X, y, other, 3), ValueError, "`opt` must hold the arrays of `net.parameters()`"),
        Bad(fit, (net, X, y[:1], opt, 3), ValueError,
            "`y` must have shape (2,), one label per row of `X`, got (1,)"),
        Bad(fit, (net, X[0], y, opt, 3), ValueError, "`X` must be a 2-D array, got an array of shape (2,)"),
        Bad(fit, (net, X, y, opt, -1), ValueError, "`steps` must be a positive integer, got -1"),
        Bad(fit, (net, X, y, opt, 3), ValueError, "`batch_size` must be at most the number of rows 2, got 5",
            batch_size=5),
        Bad(fit, (net, X, y, opt, 3), TypeError,
            "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got str '0'",
            rng="0"),
        Bad(fit, (net, X, y, opt, 3), TypeError,
            "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got bool True",
            rng=True),
        Bad(fit, (net, X, y, opt, 3), TypeError,
            "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got int -1",
            rng=-1),
    ]


CASES += _fit_cases()

CASES += [
    Bad(playground_data, (), ValueError, "`steps` must be a positive integer, got 0", steps=0),
    Bad(playground_data, (), ValueError, "`digits` must be a positive integer, got -1", digits=-1),
    # Convexity
    Bad(chord_gap, (3, 0.0, 1.0, 0.5), TypeError, "`f` must be callable, got int 3"),
    Bad(chord_gap, (np.exp, 0.0, [1.0, 2.0], 0.5), ValueError, "`y` must have the shape of `x` (), got (2,)"),
    Bad(chord_gap, (np.exp, 0.0, 1.0, 1.5), ValueError, "`t` must lie in [0, 1], got 1.5"),
    Bad(chord_gap, (np.exp, "a", 1.0, 0.5), TypeError, "`x` must be a real number or array, got str 'a'"),
    Bad(normal_equation, (np.ones(3), np.ones(3)), ValueError, "`X` must be a 2-D array, got an array of shape (3,)"),
    Bad(normal_equation, (np.ones((3, 2)), np.ones(2)), ValueError,
        "`y` must have shape (3,), one value per row of `X`, got (2,)"),
    Bad(normal_equation, (np.ones((3, 2)), np.ones(3)), ValueError,
        "`X` must have linearly independent columns (X^T X is singular)"),
    Bad(linear_regression_loss, (np.zeros(3), np.ones((3, 2)), np.ones(3)), ValueError,
        "`w` must have shape (2,), one weight per column of `X`, got (3,)"),
    Bad(linear_regression_loss, (np.zeros(2), np.ones((3, 2)), [np.nan, 1, 1]), ValueError,
        "`y` must be finite, got [nan, 1, 1]"),
    Bad(logistic_loss, (np.zeros(2), np.ones((3, 2)), np.ones(4)), ValueError,
        "`y` must have shape (3,), one value per row of `X`, got (4,)"),
    Bad(logistic_hessian, (np.zeros(3), np.ones((3, 2))), ValueError,
        "`w` must have shape (2,), one weight per column of `X`, got (3,)"),
    Bad(logistic_hessian, (np.zeros(2), np.ones(3)), ValueError, "`X` must be a 2-D array, got an array of shape (3,)"),
    Bad(newton, (grad, 3, [1.0], 2), TypeError, "`hess` must be callable, got int 3"),
    Bad(newton, (grad, lambda w: np.eye(1), [1.0], 0), ValueError, "`steps` must be a positive integer, got 0"),
    Bad(newton, (grad, lambda w: np.eye(2), [1.0], 1), ValueError,
        "`hess` must return an array of shape (1, 1), got (2, 2)"),
    Bad(newton, (lambda w: np.zeros(3), lambda w: np.eye(1), [1.0], 1), ValueError,
        "`grad` must return an array of shape (1,), got (3,)"),
    Bad(newton, (grad, lambda w: np.zeros((1, 1)), [1.0], 1), ValueError,
        "`hess` returned a singular matrix at w = array([1.])"),
    Bad(newton, (grad, lambda w: np.eye(1), 1.0, 2), ValueError, "`w0` must be a 1-D array, got an array of shape ()"),
    # Loss landscapes
    Bad(filter_normalized_direction, ("net",), TypeError, "`net` must be an MLP (with W, b and forward), got str"),
    Bad(filter_normalized_direction, (MLP([2, 2], rng=0),), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got str 'x'", rng="x"),
    Bad(filter_normalized_direction, (MLP([2, 2], rng=0),), TypeError, "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got int -1", rng=-1),
    Bad(top_hessian_eigenvalue, (grad, np.zeros(2)), TypeError, "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got bool True", rng=True),
    Bad(top_hessian_eigenvalue, (None, np.zeros(2)), TypeError, "`grad` must be callable, got NoneType None"),
    Bad(top_hessian_eigenvalue, (grad, np.zeros(2)), ValueError, "`iters` must be a positive integer, got 0", iters=0),
    Bad(top_hessian_eigenvalue, (grad, np.zeros(2)), ValueError, "`h` must be a positive finite number, got -1", h=-1),
    Bad(rescale_relu_layer, (MLP([2, 3, 2], rng=0), 1, 2.0), ValueError,
        "`l` must be a hidden layer index in [0, 1), got 1"),
    Bad(rescale_relu_layer, (MLP([2, 3, 2], rng=0), 0, -2.0), ValueError,
        "`alpha` must be a positive finite number, got -2.0"),
    Bad(rescale_relu_layer, (MLP([2, 3, 1], activation="tanh", rng=0), 0, 2.0), ValueError,
        "layer `l` = 0 must have the ReLU activation (it is tanh)"),
    Bad(sam_gradient, (grad, np.zeros(2)), ValueError, "`rho` must be a positive finite number, got 0", rho=0),
    Bad(sam_gradient, ("g", np.zeros(2)), TypeError, "`grad` must be callable, got str 'g'"),
    Bad(sam_gradient, (lambda w: np.ones(3), np.zeros(2)), ValueError,
        "`grad` must return an array of shape (2,), got (3,)"),
    Bad(top_hessian_eigenvalue, (lambda w: np.ones(3), np.zeros(2)), ValueError,
        "`grad` must return an array of shape (2,), got (3,)"),
    Bad(SGD([W]).step, ([None],), TypeError,
        "`grads[0]` must be a float NumPy array (it is changed in place), got NoneType"),
    Bad(SGD([W]).step, (None,), TypeError, "`grads` must be a list or tuple of float arrays, got NoneType"),
    Bad(Adam, ([W],), TypeError, "`betas` must be a pair (beta1, beta2), got tuple (0.9, 0.9, 0.9)",
        betas=(0.9, 0.9, 0.9)),
    Bad(flat_gradient, (3, np.eye(2), np.array([0, 1])), TypeError,
        "`net` must be an MLP (with W, b and forward), got int"),
    Bad(flat_gradient, (MLP([2, 2], rng=0), np.eye(2), np.array([0])), ValueError,
        "`y` must have shape (2,), one label per row of `X`, got (1,)"),
    Bad(flat_gradient(MLP([2, 2], rng=0), np.eye(2), np.array([0, 1]))[1], (np.zeros(3),), ValueError,
        "`v` must have shape (6,), got (3,)"),
]


def _slice_cases():
    net = MLP([2, 3, 2], rng=0)
    X, y = np.eye(2), np.array([0, 1])
    d = filter_normalized_direction(net, rng=0)
    return [
        Bad(loss_slice, (net, X, y, d, "d", [0.0], [0.0]), ValueError,
            "`d2` must be a direction (dW, db) shaped like the network's weights"),
        Bad(loss_slice, (net, X, y, d, d, [[0.0]], [0.0]), ValueError,
            "`alphas` must be a 1-D array, got an array of shape (1, 1)"),
        Bad(loss_slice, (net, X[0], y, d, d, [0.0], [0.0]), ValueError,
            "`X` must be a 2-D array, got an array of shape (2,)"),
    ]


CASES += _slice_cases()


def _monitored_cases():
    net = MLP([2, 2], rng=0)
    X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
    opt = SGD(net.parameters(), lr=0.1)
    return [
        Bad(monitored_fit, ("net", X, y, opt, 3), TypeError,
            "`net` must be a network with forward, backward and gradients, got str"),
        Bad(monitored_fit, (net, X, y, None, 3), TypeError,
            "`opt` must be an optimizer (SGD, RMSprop, Adam, AdamW), got NoneType"),
        Bad(monitored_fit, (net, X, y[:1], opt, 3), ValueError,
            "`y` must have shape (2,), one label per row of `X`, got (1,)"),
        Bad(monitored_fit, (net, X, y, opt, 0), ValueError, "`steps` must be a positive integer, got 0"),
        Bad(monitored_fit, (net, X, y, opt, 3), ValueError, "`max_norm` must be a positive finite number, got 0",
            max_norm=0),
        Bad(monitored_fit, (net, X, y, opt, 3), ValueError,
            "`lrs` must hold 3 non-negative learning rates, one per step", lrs=[0.1, 0.1]),
        Bad(monitored_fit, (net, X, y, opt, 3), ValueError,
            "`batch_size` must be at most the number of rows 2, got 3", batch_size=3),
        Bad(monitored_fit, (net, X, y, opt, 3), TypeError,
            "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got float 1.5", rng=1.5),
    ]


CASES += _monitored_cases()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


@pytest.mark.parametrize("chapter", [optimizers_chapter, convexity_chapter, landscapes_chapter, playbook_chapter],
                         ids=lambda m: m.__name__)
def test_every_public_callable_of_these_chapters_has_a_case(chapter):
    covered(chapter, CASES)


@pytest.mark.parametrize("make", [
    lambda p: SGD(p, lr=0), lambda p: SGD(p, momentum=0.9, nesterov=True, dampening=0.0),
    lambda p: RMSprop(p, alpha=0.0, eps=0.0), lambda p: RMSprop(p, centered=True, momentum=0.5), lambda p: Adam(p, betas=(0.0, 0.0)),
    lambda p: Adam(p, betas=[0.9, 0.999]), lambda p: AdamW(p, weight_decay=0), lambda p: SGD(tuple(p)),
    lambda p: Adam(p, betas=(np.float64(0.9), 0.999), amsgrad=np.bool_(True)),
])
def test_valid_edge_values_are_accepted(make):
    # PyTorch accepts each of these; so does the package.
    w = np.ones(2)
    make([w]).step([np.ones(2)])
    assert np.all(np.isfinite(w))
