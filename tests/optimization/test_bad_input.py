"""Bad input to every public function of the part "Optimization" is refused, naming the argument."""

import numpy as np
import pytest

import snippets.optimization
from snippets.backprop import MLP
from snippets.optimization import (
    batch_gradient,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cosine_annealing_lr,
    cross_entropy,
    exponential_lr,
    gradient_descent,
    gradient_noise,
    l1_loss,
    linear_lr,
    lr_slider_data,
    mse_loss,
    one_cycle_lr,
    step_lr,
    train,
    warmup_cosine_lr,
)
from tests.bad_input import Bad, covered

NET, X, Y = MLP([2, 3], rng=0), np.zeros((4, 2)), np.array([0, 1, 2, 0])


def twice(x):
    return 2 * x


CASES = [
    # Losses (their home is snippets/_core/losses.py; this part teaches and exports them)
    Bad(mse_loss, ([1.0, 2.0], [1.0]), ValueError, "`y` must have the shape of `y_hat` (2,), got (1,)"),
    Bad(l1_loss, ("a", [1.0]), TypeError, "`y_hat` must be a real number or array, got str 'a'"),
    Bad(binary_cross_entropy, ([0.5, 0.5], [1.0]), ValueError, "`y` must have the shape of `p` (2,), got (1,)"),
    Bad(binary_cross_entropy_with_logits, ([np.inf], [1.0]), ValueError, "`z` must be finite"),
    Bad(cross_entropy, (np.zeros((2, 3)), np.array([0, 3])), ValueError,
        "`y` must hold class labels in [0, 3), got array([0, 3])"),
    # Gradient descent
    Bad(gradient_descent, (3, 1.0, 0.1, 5), TypeError, "`grad` must be callable, got int 3"),
    Bad(gradient_descent, (twice, "a", 0.1, 5), TypeError, "`x0` must be a real number or array, got str 'a'"),
    Bad(gradient_descent, (twice, 1.0, -0.1, 5), ValueError, "`lr` must be a positive finite number, got -0.1"),
    Bad(gradient_descent, (twice, 1.0, 0.1, 2.5), ValueError, "`steps` must be an integer >= 0, got 2.5"),
    Bad(gradient_descent, (lambda x: np.ones(3), np.ones(2), 0.1, 2), ValueError,
        "`grad` must return an array of shape (2,), got (3,)"),
    Bad(gradient_descent, (twice, 1.0, 10.0, 1000), ValueError,
        "the iterates diverged: x_242 is not finite; lower `lr` (got 10.0)"),
    Bad(train, ("net", X, Y, 0.1, 5), TypeError,
        "`net` must be a network with forward, backward and parameters, got str"),
    Bad(train, (NET, X, Y[:3], 0.1, 5), ValueError, "`y` must have shape (4,), one label per row of `X`, got (3,)"),
    Bad(train, (NET, X, Y, [0.1, 0.2], 5), ValueError, "`lr` must be a positive number or 5 positive numbers, one per step"),
    Bad(train, (NET, X, Y, 0.1, 0), ValueError, "`steps` must be a positive integer, got 0"),
    Bad(train, (NET, X, Y, 0.1, 5), ValueError, "`batch_size` must be at most the number of rows 4, got 10", batch_size=10),
    Bad(train, (NET, X, Y, 0.1, 5), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got str 'x'",
        batch_size=2, rng="x"),
    Bad(train, (NET, X, Y, 0.1, 5), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got bool True",
        batch_size=2, rng=True),
    Bad(train, (NET, X, Y, 0.1, 5), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got int -1",
        batch_size=2, rng=-1),
    Bad(train, (NET, np.zeros((0, 2)), np.array([], dtype=int), 0.1, 5), ValueError,
        "`X` must have at least one row, got shape (0, 2)"),
    Bad(train, (NET, X, Y, True, 5), TypeError, "`lr` must be a real number or array, got bool True"),
    Bad(gradient_descent, (lambda x: None, 1.0, 0.1, 3), TypeError, "`grad` must return a real number or array, got NoneType"),
    Bad(gradient_descent, (lambda x: "a", 1.0, 0.1, 3), TypeError, "`grad` must return a real number or array, got str"),
    Bad(gradient_descent, (twice, [], 0.1, 3), ValueError, "`x0` must not be empty, got shape (0,)"),
    Bad(gradient_descent, (twice, 1.0, True, 3), TypeError, "`lr` must be a real number, got bool True"),
    Bad(gradient_descent, (twice, 1.0, np.nan, 3), ValueError, "`lr` must be a positive finite number, got nan"),
    Bad(gradient_descent, (twice, 1.0, 0.1, True), ValueError, "`steps` must be an integer >= 0, got True"),
    Bad(lr_slider_data, (), ValueError, "`lrs` must hold at least one learning rate, got none", lrs=[]),
    Bad(lr_slider_data, (), ValueError, "`x0` must be finite, got nan", x0=np.nan),
    Bad(lr_slider_data, (), ValueError, "`steps` must be a positive integer, got 0", steps=0),
    Bad(lr_slider_data, (), ValueError, "`lrs` must be a positive finite number, got -1.0", lrs=[0.1, -1.0]),
    # Schedules
    Bad(step_lr, (-1, 0.1, 3), ValueError, "`t` must hold whole numbers >= 0, got -1"),
    Bad(step_lr, (1.5, 0.1, 3), ValueError, "`t` must hold whole numbers >= 0, got 1.5"),
    Bad(step_lr, ("a", 0.1, 3), TypeError, "`t` must be an integer or an array of integers, got str 'a'"),
    Bad(step_lr, (1, 0.1, 0), ValueError, "`step_size` must be a positive integer, got 0"),
    Bad(step_lr, (np.array([True]), 0.1, 3), TypeError,
        "`t` must be an integer or an array of integers, got ndarray array([ True])"),
    Bad(step_lr, (None, 0.1, 3), TypeError, "`t` must be an integer or an array of integers, got NoneType None"),
    Bad(step_lr, ([], 0.1, 3), ValueError, "`t` must hold whole numbers >= 0, got []"),
    Bad(exponential_lr, (10**400, 0.1, 0.5), TypeError,
        f"`t` must be an integer or an array of integers, got int {10**400!r}"),
    Bad(exponential_lr, (1, 0.1, True), TypeError, "`gamma` must be a real number, got bool True"),
    Bad(cosine_annealing_lr, (1, 0.1, True), ValueError, "`T_max` must be a positive integer, got True"),
    Bad(one_cycle_lr, (1, 0.1, 10), TypeError, "`pct_start` must be a real number, got bool True", pct_start=True),
    Bad(warmup_cosine_lr, (1, 0.1, 2, 10), ValueError, "`start_factor` must lie in (0, 1], got 0", start_factor=0),
    Bad(step_lr, (1, 0.0, 3), ValueError, "`lr` must be a positive finite number, got 0.0"),
    Bad(exponential_lr, (1, 0.1, 0), ValueError, "`gamma` must be a positive finite number, got 0"),
    Bad(cosine_annealing_lr, (1, 0.1, 0), ValueError, "`T_max` must be a positive integer, got 0"),
    Bad(cosine_annealing_lr, (1, 0.1, 10), ValueError, "`eta_min` must be a finite number >= 0, got -1", eta_min=-1),
    Bad(linear_lr, (1, 0.1), ValueError, "`start_factor` must lie in (0, 1], got 0", start_factor=0),
    Bad(linear_lr, (1, 0.1), ValueError, "`end_factor` must lie in [0, 1], got 1.5", end_factor=1.5),
    Bad(linear_lr, (1, 0.1), ValueError, "`total_iters` must be a positive integer, got 0", total_iters=0),
    Bad(one_cycle_lr, (1, 0.1, 10), ValueError,
        "`pct_start` must put the peak strictly inside the cycle, 0 < pct_start * total_steps - 1 < "
        "total_steps - 1, got pct_start * total_steps - 1 = -0.5", pct_start=0.05),
    Bad(one_cycle_lr, (11, 0.1, 10), ValueError, "`t` must be at most `total_steps` = 10, got 11"),
    Bad(one_cycle_lr, (1, 0.1, 10), ValueError, "`div_factor` must be a positive finite number, got 0", div_factor=0),
    Bad(warmup_cosine_lr, (1, 0.1, 10, 10), ValueError,
        "`total_steps` must be greater than `warmup_steps` = 10, got 10"),
    # Mini-batches
    Bad(batch_gradient, (None, X, Y), TypeError,
        "`net` must be a network with forward, backward and gradients, got NoneType"),
    Bad(batch_gradient, (NET, X, Y), ValueError, "`rows` must index the 4 rows of `X`, got array([7])", rows=[7]),
    Bad(batch_gradient, (NET, X, Y), ValueError,
        "`rows` must be a non-empty 1-D array of row indices, got array([0.5])", rows=[0.5]),
    Bad(gradient_noise, (NET, X, Y, 5), ValueError, "`batch_size` must be at most the number of rows 4, got 5"),
    Bad(gradient_noise, (NET, X, Y, 2), ValueError, "`trials` must be a positive integer, got 0", trials=0),
    Bad(gradient_noise, (NET, X, Y, 2), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got bool True", rng=True),
    Bad(gradient_noise, (NET, X, Y, 1.5), ValueError, "`batch_size` must be a positive integer, got 1.5"),
    Bad(batch_gradient, (NET, X, Y), ValueError,
        "`rows` must be a non-empty 1-D array of row indices, got array([ True])", rows=[True]),
    Bad(batch_gradient, (NET, np.zeros((0, 2)), np.array([], dtype=int)), ValueError,
        "`X` must have at least one row, got shape (0, 2)"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


# The chapters of this table. The optimizers chapter (snippets/optimization/optimizers.py) is
# written beside it: once its cases join CASES, check the whole package instead.
CHAPTERS = ["losses", "descent", "schedules", "minibatch"]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_public_function_has_a_bad_input_case(chapter):
    # digits() takes no argument.
    covered(getattr(snippets.optimization, chapter), CASES, exempt=("digits",))
