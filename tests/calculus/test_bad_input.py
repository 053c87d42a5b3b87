"""Every bad call to the public functions of the calculus part, and the exact message it gets.

One table for the part (tests/bad_input.py explains `Bad`). Each message names the argument as
the signature spells it. The last tests check that valid input of the same kinds (lists,
integers, a step near the limit) is not refused.
"""

import math

import numpy as np
import pytest

import snippets.calculus
from snippets.calculus import (
    central_difference,
    central_gradient,
    check_gradient,
    classify_critical_point,
    classify_hessian,
    complex_step,
    critical_points,
    derivative,
    forward_difference,
    gradient,
    hessian,
    jacobian,
    second_difference,
    tangent_line,
)
from tests.bad_input import Bad, covered

ESTIMATORS = [forward_difference, central_difference, complex_step, derivative]
ONE_VARIABLE = ESTIMATORS + [second_difference]
SEVERAL = [central_gradient, gradient, jacobian, hessian]


def vector(x):
    return np.array([x, x])


def nan_everywhere(x):
    return np.full_like(np.asarray(x, dtype=float), np.nan)


def log_or_minus_inf(x):
    return math.log(x) if x > 0 else -math.inf


def right_gradient(v):
    return 2 * v


CASES = [
    # --- f: not callable, or returning a vector, None, a string, a NaN ---------------------------
    *[Bad(e, (3.0, 1.0), TypeError, "`f` must be callable, got float 3.0") for e in ONE_VARIABLE],
    *[Bad(e, (None, [1.0]), TypeError, "`f` must be callable, got NoneType None") for e in SEVERAL],
    Bad(tangent_line, ("x**2", 1.0), TypeError, "`f` must be callable, got str 'x**2'"),
    Bad(classify_critical_point, (None, 0.0), TypeError, "`f` must be callable, got NoneType None"),
    Bad(check_gradient, ("f", right_gradient, [1.0]), TypeError, "`f` must be callable, got str 'f'"),
    *[Bad(e, (vector, 1.0), ValueError, "`f` must return a scalar, got an array of shape (2,)")
      for e in ONE_VARIABLE],
    Bad(derivative, (vector, [1.0, 2.0, 3.0]), ValueError,
        "`f` must return one value per point of `x`, shape (3,), got an array of shape (2, 3)"),
    Bad(tangent_line, (vector, 1.0), ValueError, "`f` must return a scalar, got an array of shape (2,)"),
    *[Bad(e, (lambda v: v, [1.0, 2.0]), ValueError, "`f` must return a scalar, got an array of shape (2,)")
      for e in (central_gradient, gradient, hessian)],
    Bad(classify_critical_point, (vector, 0.0), ValueError,
        "`f` must return a scalar, got an array of shape (2,)"),
    Bad(check_gradient, (lambda v: v, right_gradient, [1.0, 2.0]), ValueError,
        "`f` must return a scalar, got an array of shape (2,)"),
    Bad(jacobian, (lambda v: np.ones((2, 2)), [1.0]), ValueError,
        "`f` must return a scalar or a 1-D array, got an array of shape (2, 2)"),
    *[Bad(e, (lambda x: None, 1.0), TypeError, "`f` must return a real number or array, got NoneType None")
      for e in [forward_difference, central_difference, derivative, second_difference]],
    Bad(complex_step, (lambda x: None, 1.0), TypeError, "`f` must return a number or array, got NoneType None"),
    *[Bad(e, (lambda v: "0.5", [1.0]), TypeError, "`f` must return a real number or array, got str '0.5'")
      for e in SEVERAL],
    Bad(tangent_line, (lambda x: "one", 1.0), TypeError, "`f` must return a real number or array, got str 'one'"),
    Bad(classify_critical_point, (lambda x: None, 0.0), TypeError,
        "`f` must return a real number or array, got NoneType None"),
    Bad(check_gradient, (lambda v: None, right_gradient, [1.0]), TypeError,
        "`f` must return a real number or array, got NoneType None"),
    *[Bad(e, (nan_everywhere, 1.0), ValueError, "`f` returned a non-finite value nan at x + h", h=0.1)
      for e in [forward_difference, central_difference, derivative, second_difference]],
    Bad(complex_step, (lambda x: np.nan + 0j * x, 1.0), ValueError,
        "`f` returned a non-finite value (nan+0j) at x + ih"),
    Bad(derivative, (log_or_minus_inf, 0.05), ValueError, "`f` returned a non-finite value -inf at x - h", h=0.1),
    Bad(gradient, (lambda v: np.inf, [1.0]), ValueError, "`f` returned a non-finite value inf at x = [1.1]", h=0.1),
    Bad(jacobian, (lambda v: np.array([np.nan, 1.0]), [1.0]), ValueError,
        "`f` returned a non-finite value [nan, 1.0] at x = [1.5]", h=0.5),
    Bad(complex_step, (lambda x: float(abs(x)), 1.0), TypeError,
        "`f` must return a complex value for complex input, got float; "
        "use NumPy functions (np.sin, np.exp, ...), not math or abs"),
    # --- x: None, a string, empty, not finite, the wrong shape -----------------------------------
    *[Bad(e, (np.sin, None), ValueError, "`x` must be finite, got None") for e in ONE_VARIABLE],
    *[Bad(e, (np.sin, "1.0"), TypeError, "`x` must be a real number or array, got str '1.0'")
      for e in ONE_VARIABLE],
    *[Bad(e, (np.sin, []), ValueError, "`x` must not be empty") for e in ONE_VARIABLE],
    *[Bad(e, (np.sum, []), ValueError, "`x` must not be empty") for e in SEVERAL],
    Bad(classify_critical_point, (np.sum, []), ValueError, "`x` must not be empty"),
    Bad(check_gradient, (np.sum, right_gradient, []), ValueError, "`x` must not be empty"),
    *[Bad(e, (np.sin, [1.0, np.nan]), ValueError, "`x` must be finite, got [1.0, nan]") for e in ONE_VARIABLE],
    *[Bad(e, (np.sum, [1.0, np.inf]), ValueError, "`x` must be finite, got [1.0, inf]") for e in SEVERAL],
    *[Bad(e, (np.sin, np.ones((2, 2))), ValueError,
          "`x` must be a scalar or a 1-D array, got an array of shape (2, 2)") for e in ONE_VARIABLE],
    *[Bad(e, (np.sum, [[1.0]]), ValueError,
          "`x` must be a scalar or a 1-D array, got an array of shape (1, 1)") for e in SEVERAL],
    Bad(classify_critical_point, (np.sum, [[0.0]]), ValueError,
        "`x` must be a scalar or a 1-D array, got an array of shape (1, 1)"),
    Bad(check_gradient, (np.sum, right_gradient, True), TypeError, "`x` must be a real number or array, got bool True"),
    Bad(tangent_line, (np.sin, [1.0, 2.0]), ValueError, "`x0` must be a scalar, got an array of shape (2,)"),
    Bad(tangent_line, (np.sin, math.nan), ValueError, "`x0` must be finite, got nan"),
    Bad(tangent_line(np.sin, 0.0), ("2.0",), TypeError, "`x` must be a real number or array, got str '2.0'"),
    # --- h: not a number, not positive, so small that x + h == x ---------------------------------
    *[Bad(e, (np.sin, 1.0), ValueError, "`h` must be a positive finite number, got -0.001", h=-1e-3)
      for e in ONE_VARIABLE],
    *[Bad(e, (np.sin, 1.0), TypeError, "`h` must be a real number, got str '0.1'", h="0.1")
      for e in ONE_VARIABLE],
    *[Bad(e, (np.sin, 1.0), TypeError, "`h` must be a real number, got NoneType None", h=None)
      for e in [forward_difference, central_difference, complex_step]],
    *[Bad(e, (np.sum, [1.0]), ValueError, "`h` must be a positive finite number, got 0.0", h=0.0)
      for e in SEVERAL],
    Bad(forward_difference, (np.sin, 1.0), ValueError,
        "`h` is too small for `x`: the step 1e-16 leaves x = 1.0 unchanged in floating point", h=1e-16),
    Bad(central_difference, (np.sin, [0.0, 1.0]), ValueError,
        "`h` is too small for `x`: the step 1e-16 leaves x = 1.0 unchanged in floating point", h=1e-16),
    Bad(second_difference, (np.sin, 1e8), ValueError,
        "`h` is too small for `x`: the step 1e-09 leaves x = 100000000.0 unchanged in floating point", h=1e-9),
    Bad(derivative, (np.sin, 1.0), ValueError,
        "`h` is too small for `x`: the step 7.28e-17 leaves x = 1.0 unchanged in floating point", h=1e-14),
    Bad(central_gradient, (np.sum, [1.0, 1e20]), ValueError,
        "`h` is too small for `x`: the step 1 leaves x = 1e+20 unchanged in floating point", h=1.0),
    Bad(gradient, (np.sum, [1.0]), ValueError,
        "`h` is too small for `x`: the step 7.81e-17 leaves x = 1.0 unchanged in floating point", h=1e-14),
    Bad(jacobian, (np.sin, 1e6), ValueError,
        "`h` is too small for `x`: the step 7.81e-12 leaves x = 1000000.0 unchanged in floating point", h=1e-9),
    Bad(hessian, (np.sum, [1.0]), ValueError,
        "`h` is too small for `x`: the step 3.13e-17 leaves x = 1.0 unchanged in floating point", h=1e-15),
    # --- polynomials: not an array, empty, zero or constant ---------------------------------------
    Bad(critical_points, (3.0,), ValueError, "`coefficients` must be a 1-D array, got an array of shape ()"),
    Bad(critical_points, (None,), ValueError, "`coefficients` must be a 1-D array, got an array of shape ()"),
    Bad(critical_points, (["a"],), TypeError, "`coefficients` must be a real number or array, got list ['a']"),
    Bad(critical_points, ([1.0, np.nan],), ValueError, "`coefficients` must be finite, got [1.0, nan]"),
    Bad(critical_points, ([],), ValueError, "`coefficients` must not be empty"),
    Bad(critical_points, ([0, 0, 0],), ValueError,
        "`coefficients` must describe a non-constant polynomial (every point of a constant is "
        "critical), got [0, 0, 0]"),
    Bad(critical_points, ([0.0, 0.0, 3.0],), ValueError,
        "`coefficients` must describe a non-constant polynomial (every point of a constant is "
        "critical), got [0.0, 0.0, 3.0]"),
    # --- classification: not a critical point, bad tolerances, bad Hessians -----------------------
    Bad(classify_critical_point, (lambda t: t**2, 1.0), ValueError,
        "`x` must be a critical point of `f`, but the gradient at 1.0 has norm 2, more than `rtol` "
        "= 1e-06 times the slope of `f` around it, 2.1"),
    Bad(classify_critical_point, (lambda t: t**2, 0.0), ValueError,
        "`rtol` must be a positive finite number, got 0", rtol=0),
    Bad(classify_critical_point, (lambda t: t**2, 0.0), TypeError,
        "`rtol` must be a real number, got NoneType None", rtol=None),
    Bad(classify_hessian, ([1.0, 2.0],), ValueError, "`H` must be a 2-D array, got an array of shape (2,)"),
    Bad(classify_hessian, (np.zeros((0, 0)),), ValueError, "`H` must not be empty"),
    Bad(classify_hessian, (None,), ValueError, "`H` must be a 2-D array, got an array of shape ()"),
    Bad(classify_hessian, (np.ones((2, 3)),), ValueError, "`H` must be a square matrix, got shape (2, 3)"),
    Bad(classify_hessian, ([[1.0, 2.0], [0.0, 1.0]],), ValueError, "`H` must be symmetric"),
    Bad(classify_hessian, ([[1.0, np.inf], [np.inf, 1.0]],), ValueError,
        "`H` must be finite, got [[1.0, inf], [inf, 1.0]]"),
    Bad(classify_hessian, (np.eye(2),), ValueError, "`rtol` must be a positive finite number, got -1.0", rtol=-1.0),
    # --- the claimed gradient of check_gradient ---------------------------------------------------
    Bad(check_gradient, (np.sum, None, [1.0]), TypeError, "`grad_f` must be callable, got NoneType None"),
    Bad(check_gradient, (np.sum, lambda v: 1.0, [1.0, 2.0]), ValueError,
        "`grad_f` must return an array of the shape of `x`, (2,), got ()"),
    Bad(check_gradient, (np.sum, lambda v: v * np.inf, [1.0]), ValueError,
        "`grad_f` returned a non-finite value [inf] at x = [1.0]"),
    Bad(check_gradient, (np.sum, lambda v: None, [1.0]), TypeError,
        "`grad_f` must return a real number or array, got NoneType None"),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


def test_every_public_function_has_a_bad_input_case():
    covered(
        snippets.calculus,
        CASES,
        exempt=(
            "AccuracyWarning",  # a warning class: nothing to call with bad arguments
            "DerivativeRow",  # a record type; the rows of the table are tested in test_rules.py
            "derivative_table_markdown",  # takes no argument
        ),
    )


# --- Valid input of the same kinds is accepted ----------------------------------------------------


def test_lists_and_integers_are_accepted_where_arrays_and_floats_are_natural():
    # Lists, tuples and integers are ordinary ways to write a point or a polynomial.
    np.testing.assert_allclose(derivative(np.sin, [0, 1]), np.cos([0.0, 1.0]), rtol=1e-12)
    np.testing.assert_allclose(gradient(np.sum, (1, 2)), [1.0, 1.0], rtol=1e-12)
    np.testing.assert_allclose(jacobian(lambda v: v * 2, [1, 2]), 2 * np.eye(2), atol=1e-12)
    assert classify_hessian([[2, 0], [0, 1]]) == "minimum"
    assert critical_points((1, 0, -3, 0)).tolist() == [-1.0, 1.0]  # x^3 - 3x
    assert tangent_line(np.square, 1)(2) == pytest.approx(3.0, rel=1e-12)
    assert check_gradient(np.sum, np.ones_like, [1, 2]) < 1e-12


def test_a_small_step_that_still_moves_x_is_accepted():
    # 1 + 1e-15 != 1: a poor step, but a valid one (the page's step-size scan uses it).
    assert np.isfinite(forward_difference(np.exp, 1.0, h=1e-15))
    assert central_difference(np.sin, 0.0, h=1e-300) == pytest.approx(1.0, rel=1e-12)
