"""The estimators of f'(x) against closed forms, SciPy and NumPy's exact polynomial derivatives."""

import math
import re

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.differentiate import derivative as scipy_derivative
from scipy.special import expit

from snippets.calculus import (
    central_difference,
    complex_step,
    derivative,
    forward_difference,
    tangent_line,
)

ESTIMATORS = [forward_difference, central_difference, complex_step, derivative]

# The functions of the accuracy claim, each with its derivative in closed form, and the points.
SMOOTH = {
    "sin": (np.sin, np.cos),
    "exp": (np.exp, np.exp),
    "log": (np.log, lambda x: 1 / x),
    "tanh": (np.tanh, lambda x: 1 / np.cosh(x) ** 2),
    "sigmoid": (expit, lambda x: expit(x) * expit(-x)),
}
POINTS = {name: np.array([-2.0, -1.0, 0.5, 1.0, 2.0]) for name in SMOOTH}
POINTS["log"] = np.array([0.75, 1.0, 2.0, 5.0, 10.0])


def relative_error(estimate, exact):
    return np.abs(estimate - exact) / np.abs(exact)


# --- What each estimator returns ---------------------------------------------------------------


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_scalar_in_float_out(estimate):
    result = estimate(np.sin, 1.0)
    assert type(result) is float
    # Even the forward difference is within 1e-7 at its default step.
    assert result == pytest.approx(math.cos(1.0), rel=1e-7)


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_array_in_array_out(estimate):
    x = np.linspace(-3, 3, 7)
    result = estimate(np.sin, x)
    assert isinstance(result, np.ndarray) and result.shape == x.shape
    np.testing.assert_allclose(result, np.cos(x), rtol=0, atol=1e-7)


@pytest.mark.parametrize("estimate", [forward_difference, central_difference, derivative])
def test_accepts_python_functions_of_floats(estimate):
    # math.sin takes floats only: a scalar x reaches f as a float.
    assert estimate(math.sin, 0.5) == pytest.approx(math.cos(0.5), rel=1e-7)


# --- Orders of accuracy -------------------------------------------------------------------------


def fitted_order(estimate, h):
    """Slope of log(error) against log(h) for d/dx e^x at 0 (f' = 1), h large enough for
    truncation to dominate round-off."""
    error = [abs(estimate(np.exp, 0.0, h=step) - 1.0) for step in h]
    return np.polyfit(np.log(h), np.log(error), 1)[0]


def test_forward_difference_is_first_order():
    # error = h/2 f'' + ...: the fitted slope is 1.
    assert fitted_order(forward_difference, np.logspace(-5, -2, 7)) == pytest.approx(1, abs=0.02)


def test_central_difference_is_second_order():
    # error = h²/6 f''' + ...: the fitted slope is 2.
    assert fitted_order(central_difference, np.logspace(-3, -1, 7)) == pytest.approx(2, abs=0.02)


def test_complex_step_is_second_order_then_exact():
    assert fitted_order(complex_step, np.logspace(-3, -1, 7)) == pytest.approx(2, abs=0.02)
    # No subtraction, so no round-off to grow as h shrinks: exact to the last bit or two.
    for h in [1e-8, 1e-20, 1e-100]:
        assert complex_step(np.exp, 1.0, h=h) == pytest.approx(math.e, rel=2 * np.finfo(float).eps)


def test_forward_difference_leading_error_term():
    # For f = x³ at x = 1 the forward difference is exactly 3 + 3h + h².
    for h in [1e-1, 1e-2, 1e-3]:
        assert forward_difference(lambda x: x**3, 1.0, h=h) == pytest.approx(3 + 3 * h + h**2, rel=1e-12)


def test_central_difference_leading_error_term():
    # For f = x³ at x = 1 the central difference is exactly 3 + h².
    for h in [1e-1, 1e-2, 1e-3]:
        assert central_difference(lambda x: x**3, 1.0, h=h) == pytest.approx(3 + h**2, rel=1e-12)


def test_default_steps_are_near_optimal():
    # Round-off eps·|f|/h against truncation: the defaults sit near √eps and ∛eps.
    eps = np.finfo(float).eps
    h = np.logspace(-12, -2, 201)
    for estimate, expected in [(forward_difference, eps**0.5), (central_difference, eps ** (1 / 3))]:
        error = [abs(estimate(np.exp, 1.0, h=step) - math.e) for step in h]
        default_error = abs(estimate(np.exp, 1.0) - math.e)
        # The default is within a decade of the rule of thumb and within 10x of the best error.
        default_h = estimate.__defaults__[0]
        assert expected / 10 < default_h < expected * 10
        assert default_error < 10 * min(error)


# --- The worked examples and code demonstrations of the chapter ---------------------------------


def test_secant_slopes_of_x_squared_at_one_are_two_plus_h():
    # WE22: ((1 + h)² - 1) / h = 2 + h exactly.
    for h in [1, 0.5, 0.1, 0.01, 0.001, 1e-6]:
        assert forward_difference(lambda x: x**2, 1.0, h=h) == pytest.approx(2 + h, rel=1e-9)


def test_forward_difference_of_x_squared_at_two():
    # CD3: ((2 + h)² - 4) / h = 4 + h, so 4.00001 with h = 1e-5.
    assert forward_difference(lambda x: x**2, 2.0, h=1e-5) == pytest.approx(4 + 1e-5, rel=1e-10)


def test_estimates_agree_to_six_decimals_on_x_squared_and_sin():
    # CD2: forward (h = 1e-7) and central (h = 1e-6) differences against exact derivatives.
    x = np.array([0.0, 1.0, 2.0, 3.0])
    np.testing.assert_allclose(forward_difference(np.square, x, h=1e-7), 2 * x, atol=5e-7)
    np.testing.assert_allclose(central_difference(np.square, x, h=1e-6), 2 * x, atol=5e-7)
    x = np.array([0.0, np.pi / 4, np.pi / 2, np.pi])
    np.testing.assert_allclose(central_difference(np.sin, x, h=1e-6), np.cos(x), atol=5e-7)


def test_tangent_line_of_x_squared():
    # WE19 and WE20: the tangent at 1.5 passes through (1.5, 2.25) with slope 3.
    t = tangent_line(lambda x: x**2, 1.5)
    assert t(1.5) == pytest.approx(2.25, rel=1e-14)
    assert t(2.5) - t(1.5) == pytest.approx(3.0, rel=1e-12)
    for x0, slope in [(3.0, 6.0), (0.0, 0.0), (-2.0, -4.0)]:
        t = tangent_line(lambda x: x**2, x0)
        assert t(x0 + 1) - t(x0) == pytest.approx(slope, abs=1e-12)
    np.testing.assert_allclose(t(np.array([-2.0, 0.0])), [4.0, -4.0], atol=1e-12)


# --- The accuracy claim: derivative() --------------------------------------------------------------


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_within_1e_12(name):
    f, df = SMOOTH[name]
    x = POINTS[name]
    assert relative_error(derivative(f, x), df(x)).max() < 1e-12


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_no_less_accurate_than_scipy(name):
    f, df = SMOOTH[name]
    x = POINTS[name]
    ours = relative_error(derivative(f, x), df(x)).max()
    theirs = relative_error(scipy_derivative(f, x).df, df(x)).max()
    # Both may sit at round-off level; count a tie within 2 ulp of the result as a tie.
    assert ours <= max(theirs, 2 * np.finfo(float).eps)


@pytest.mark.parametrize("name", SMOOTH)
def test_derivative_beats_the_textbook_central_difference(name):
    f, df = SMOOTH[name]
    x = POINTS[name]
    textbook = relative_error(central_difference(f, x, h=1e-6), df(x)).max()
    assert relative_error(derivative(f, x), df(x)).max() < textbook / 100


polynomials = st.lists(st.integers(-20, 20), min_size=1, max_size=8).map(np.poly1d)


@settings(max_examples=60, deadline=None)
@given(p=polynomials, x=st.floats(-3, 3))
def test_derivative_of_polynomials(p, x):
    # NumPy differentiates polynomials exactly (polyder); the scale is the size of the terms.
    exact = p.deriv()(x)
    scale = np.polyval(np.abs(p.deriv().coeffs), abs(x)) + np.polyval(np.abs(p.coeffs), abs(x)) + 1
    assert abs(derivative(p, x) - exact) <= 1e-12 * scale


@settings(max_examples=60, deadline=None)
@given(a=st.floats(-5, 5), b=st.floats(-5, 5), x=st.floats(-2, 2))
def test_derivative_is_linear(a, b, x):
    # (a sin + b exp)' = a cos + b exp
    estimate = derivative(lambda t: a * np.sin(t) + b * np.exp(t), x)
    assert estimate == pytest.approx(a * np.cos(x) + b * np.exp(x), abs=1e-11)


# --- Bad input: each message names the argument -------------------------------------------------


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_f_must_be_callable(estimate):
    with pytest.raises(TypeError, match=re.escape("`f` must be callable, got float 3.0")):
        estimate(3.0, 1.0)


@pytest.mark.parametrize("estimate", ESTIMATORS)
@pytest.mark.parametrize("h", [0.0, -1e-3, np.nan, np.inf, -np.inf])
def test_h_must_be_positive_and_finite(estimate, h):
    with pytest.raises(ValueError, match=re.escape(f"`h` must be a positive finite number, got {h!r}")):
        estimate(np.sin, 1.0, h=h)


# None is derivative()'s default (its own step rule), so it is refused by the other three only.
@pytest.mark.parametrize(
    ("estimate", "h"),
    [(e, h) for e in ESTIMATORS for h in ["0.1", True]]
    + [(e, None) for e in ESTIMATORS if e is not derivative],
)
def test_h_must_be_a_real_number(estimate, h):
    with pytest.raises(TypeError, match=re.escape(f"`h` must be a real number, got {type(h).__name__} {h!r}")):
        estimate(np.sin, 1.0, h=h)


@pytest.mark.parametrize("estimate", ESTIMATORS)
@pytest.mark.parametrize("x", [np.nan, np.inf, -np.inf])
def test_x_must_be_finite(estimate, x):
    with pytest.raises(ValueError, match=re.escape(f"`x` must be finite, got {x!r}")):
        estimate(np.sin, x)


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_x_must_not_hide_a_nan_in_an_array(estimate):
    with pytest.raises(ValueError, match=re.escape("`x` must be finite, got [1.0, nan]")):
        estimate(np.sin, [1.0, np.nan])


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_x_must_be_a_scalar_or_1d(estimate):
    with pytest.raises(ValueError, match=re.escape("`x` must be a scalar or a 1-D array, got an array of shape (2, 2)")):
        estimate(np.sin, np.ones((2, 2)))


@pytest.mark.parametrize("estimate", ESTIMATORS)
@pytest.mark.parametrize("x", ["1.0", True, {"x": 1}])
def test_x_must_be_a_number(estimate, x):
    with pytest.raises(TypeError, match=re.escape(f"`x` must be a real number or array, got {type(x).__name__} {x!r}")):
        estimate(np.sin, x)


@pytest.mark.parametrize("estimate", ESTIMATORS)
def test_f_must_return_finite_values(estimate):
    def f(x):
        return np.full_like(np.asarray(x), np.nan)

    with pytest.raises(ValueError, match=re.escape("`f` returned a non-finite value")):
        estimate(f, 1.0)


def test_non_finite_value_message_says_where():
    # log is -inf at 0: with x = 0.05 and h = 0.1, x - h leaves the domain.
    def f(x):
        return math.log(x) if x > 0 else -math.inf

    with pytest.raises(ValueError, match=re.escape("`f` returned a non-finite value -inf at x - h")):
        derivative(f, 0.05, h=0.1)
    assert derivative(f, 0.05, h=0.01) == pytest.approx(20.0, rel=1e-12)


def test_complex_step_needs_a_function_of_complex_numbers():
    msg = ("`f` must return a complex value for complex input, got float; "
           "use NumPy functions (np.sin, np.exp, ...), not math or abs")
    with pytest.raises(TypeError, match=re.escape(msg)):
        complex_step(lambda x: float(abs(x)), 1.0)


def test_tangent_line_arguments():
    with pytest.raises(TypeError, match=re.escape("`f` must be callable, got str 'x**2'")):
        tangent_line("x**2", 1.0)
    with pytest.raises(ValueError, match=re.escape("`x0` must be a scalar, got an array of shape (2,)")):
        tangent_line(np.sin, [1.0, 2.0])
    with pytest.raises(ValueError, match=re.escape("`x0` must be finite, got nan")):
        tangent_line(np.sin, math.nan)


# --- The chapter's exercises --------------------------------------------------------------------


def test_exercise_1_forward_difference_of_a_cube():
    # ((2 + h)³ - 8) / h = 12 + 6h + h²
    h = 1e-3
    assert forward_difference(lambda x: x**3, 2.0, h=h) == pytest.approx(12 + 6 * h + h**2, rel=1e-12)


@settings(max_examples=50, deadline=None)
@given(
    a=st.floats(-10, 10), b=st.floats(-10, 10), c=st.floats(-10, 10),
    x=st.floats(-10, 10), h=st.floats(1e-3, 10),
)
def test_exercise_2_central_difference_is_exact_on_quadratics(a, b, c, x, h):
    estimate = central_difference(lambda t: a * t**2 + b * t + c, x, h=h)
    # Exact up to round-off in the evaluations, which grows with the size of the terms over h.
    scale = (abs(a) * (abs(x) + h) ** 2 + abs(b) * (abs(x) + h) + abs(c)) / h
    assert estimate == pytest.approx(2 * a * x + b, abs=1e-13 * scale + 1e-13)


def test_exercise_3_tangent_approximation_of_a_square_root():
    t = tangent_line(np.sqrt, 4.0)
    assert t(4.1) == pytest.approx(2 + 0.1 / 4, rel=1e-13)
    # The error is about |f''(4)| / 2 · 0.1² = 1/64 · 0.01.
    assert t(4.1) - np.sqrt(4.1) == pytest.approx(0.01 / 64, rel=0.02)


def test_exercise_4_best_central_step_near_the_prediction():
    eps = np.finfo(float).eps
    h = np.logspace(-8, -3, 51)
    error = [abs(central_difference(np.exp, 1.0, h=step) - np.e) for step in h]
    best = h[np.argmin(error)]
    assert 1 / 3 < best / np.cbrt(3 * eps) < 3


def test_exercise_5_absolute_value():
    with pytest.raises(TypeError, match=re.escape("`f` must return a complex value for complex input")):
        complex_step(np.abs, -1.0)
    assert derivative(np.abs, -1.0) == pytest.approx(-1.0, rel=1e-13)


# Functions whose derivatives SymPy knows exactly; the first two once fooled the early stop of
# the classic Ridders table into answers off by 1e-8.
_s = sympy.symbols("s")
SYMPY_CASES = [
    sympy.sin(3 * _s**3) ** 3,
    _s**4 / (1 + (sympy.Rational(85, 32) * _s**2) ** 2),
    sympy.exp(sympy.sin(_s)) * sympy.cos(2 * _s),
    sympy.tanh(4 * _s) ** 2,
    1 / (1 + _s**2),
    sympy.sin(10 * _s),
]


@pytest.mark.parametrize("expr", SYMPY_CASES, ids=str)
def test_derivative_against_sympy_on_a_grid(expr):
    f = sympy.lambdify(_s, expr, "numpy")
    df = sympy.lambdify(_s, sympy.diff(expr, _s), "numpy")
    x = np.linspace(-2, 2, 41)
    # Relative to 1 + |f'|: an absolute error where f' is near 0, relative where it is large.
    assert np.max(np.abs(derivative(f, x) - df(x)) / (1 + np.abs(df(x)))) < 1e-12


def classic_ridders(f, x, h, shrink=1.4, steps=10, safe=2.0):
    """Ridders' method with its textbook early stop (Numerical Recipes' dfridr), scalar x."""
    table = [[(f(x + h) - f(x - h)) / (2 * h)]]
    best, error = table[0][0], math.inf
    for i in range(1, steps):
        h /= shrink
        row, factor = [(f(x + h) - f(x - h)) / (2 * h)], shrink**2
        for j in range(1, i + 1):
            row.append((factor * row[j - 1] - table[i - 1][j - 1]) / (factor - 1))
            factor *= shrink**2
            estimate = max(abs(row[j] - row[j - 1]), abs(row[j] - table[i - 1][j - 1]))
            if estimate <= error:
                best, error = row[j], estimate
        table.append(row)
        if abs(row[i] - table[i - 1][i - 1]) >= safe * error:
            break
    return best


def test_the_early_stop_the_page_warns_about():
    # The page: on sin(3x³)³ at 0 (f'(0) = 0) the early stop answers with an error near 1e-8.
    def f(s):
        return math.sin(3 * s**3) ** 3

    assert 1e-9 < abs(classic_ridders(f, 0.0, 0.1)) < 1e-7
    assert abs(derivative(f, 0.0)) < 1e-14
