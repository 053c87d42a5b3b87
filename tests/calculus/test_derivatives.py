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
    AccuracyWarning,
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
    # Round-off eps·|f|/h against truncation: the page's model puts the best steps for e^x at
    # √(2 eps) and ∛(3 eps / 2); the defaults, √eps and ∛eps, are within a decade of them.
    eps = np.finfo(float).eps
    h = np.logspace(-12, -2, 201)
    for estimate, expected in [(forward_difference, np.sqrt(2 * eps)), (central_difference, np.cbrt(1.5 * eps))]:
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
def test_derivative_as_accurate_as_scipy(name):
    # Both reach round-off at these points; neither is reliably ahead of the other by more than
    # a few units of 1e-14 (on a grid over [-4, 4] SciPy is slightly ahead for sin and exp).
    f, df = SMOOTH[name]
    x = POINTS[name]
    ours = relative_error(derivative(f, x), df(x)).max()
    theirs = relative_error(scipy_derivative(f, x).df, df(x)).max()
    assert ours <= max(2 * theirs, 5e-14)


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


# --- The default steps: large |x|, the edge of the domain, poor estimates -----------------------
# (bad input, with its messages, is in test_bad_input.py)


def test_default_step_does_not_grow_with_x():
    # It once did (0.2 |x|): derivative(np.sin, 1000) returned -0.003 where cos 1000 = 0.562.
    x = np.array([50.0, 200.0, 1000.0, 1e6])
    np.testing.assert_allclose(derivative(np.sin, x), np.cos(x), rtol=0, atol=1e-12)
    assert derivative(np.sin, 1000.0) == pytest.approx(math.cos(1000.0), abs=1e-12)


def test_default_step_still_suits_polynomials_at_large_x():
    # A step that grows with |x| keeps the round-off eps |f| / h small: (x^3)' = 3e12 at 1e6.
    assert derivative(lambda t: t**3, 1e6) == pytest.approx(3e12, rel=1e-9)
    assert derivative(np.square, 1e6) == pytest.approx(2e6, rel=1e-12)


@pytest.mark.parametrize("x", [0.05, 1e-3, 1e-8])
def test_default_step_stays_inside_the_domain(x):
    # A first step of 0.2 leaves (0, oo); it shrinks instead: (ln x)' = 1/x, (sqrt x)' = 1/(2 sqrt x)
    assert derivative(np.log, x) == pytest.approx(1 / x, rel=1e-12)
    assert derivative(np.sqrt, x) == pytest.approx(0.5 / math.sqrt(x), rel=1e-12)
    assert derivative(math.log, x) == pytest.approx(1 / x, rel=1e-12)  # math.log raises instead


def test_an_explicit_step_is_kept_even_near_the_edge():
    # With h given the user decides: h = 0.01 stays inside ln's domain at x = 0.05.
    assert derivative(np.log, 0.05, h=0.01) == pytest.approx(20.0, rel=1e-12)


@pytest.mark.parametrize(
    ("f", "x"),
    [(np.abs, 1e-5), (lambda t: np.sin(1e4 * t), 1.0)],
    ids=["kink within the steps", "oscillation faster than the steps"],
)
def test_a_poor_estimate_warns(f, x):
    # |x| has a kink at 0, 1e-5 away; sin(1e4 x) turns 300 times within the first step. The
    # estimate's own error estimate says it is poor, so the reader is told.
    with pytest.warns(AccuracyWarning, match="derivative may be inaccurate"):
        derivative(f, x)


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
    # the page's model: h²/6 |f'''| + eps |f| / (2h) is least at ∛(3 eps / 2) for e^x
    assert 1 / 3 < best / np.cbrt(1.5 * eps) < 3


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
    # The page: on sin(3x³)³ at 0 (f'(0) = 0), from h = 0.1 with ratio 1.4, the early stop
    # answers with an error of 2e-8 (measured 1.65e-8).
    def f(s):
        return math.sin(3 * s**3) ** 3

    assert 1e-8 < abs(classic_ridders(f, 0.0, 0.1, shrink=1.4)) < 3e-8
    assert abs(derivative(f, 0.0)) < 1e-14


def test_the_gradient_check_example_error_is_half_truncation_half_round_off():
    # The page: central_difference of sin(x^2) at 1.5 is off by about 3e-11, of which the
    # truncation (the exact central difference at the same step, in 40-digit arithmetic) is 1.8e-11.
    import mpmath

    mpmath.mp.dps = 40
    x, h = mpmath.mpf(1.5), mpmath.mpf(central_difference.__defaults__[0])
    exact = 2 * x * mpmath.cos(x**2)
    truncation = (mpmath.sin((x + h) ** 2) - mpmath.sin((x - h) ** 2)) / (2 * h) - exact
    assert 1.6e-11 < abs(truncation) < 2.0e-11
    total = abs(mpmath.mpf(central_difference(lambda t: np.sin(t**2), 1.5)) - exact)
    # round-off adds up to eps |f| / (2h) ~ 2e-11 to the truncation
    assert 1e-11 < total < 5e-11


def test_complex_step_pitfalls_named_on_the_page():
    # np.sign(z) = z / |z|: the complex step reports slope 1 at x = 1, where sign' = 0.
    assert complex_step(np.sign, 1.0) == pytest.approx(1.0, rel=1e-12)
    for f in (np.floor, expit):  # refuse complex input
        with pytest.raises(TypeError):
            f(1.0 + 1e-20j)
    with pytest.raises(TypeError):
        math.sin(1.0 + 1e-20j)


def test_the_comparison_with_scipy_on_a_grid():
    # The page: on 801 points over [-4, 4], SciPy is slightly more accurate for sin, exp and the
    # sigmoid (measured: by up to a factor of 3; 5 leaves room for round-off on another CPU),
    # derivative for tanh; both stay within 1e-14..1e-10. The median error of derivative is
    # smaller than SciPy's on all four (measured: by factors of 5 to 230; 2 leaves room).
    x = np.linspace(-4, 4, 801)
    for name in ["sin", "exp", "tanh", "sigmoid"]:
        f, df = SMOOTH[name]
        ours_all = relative_error(derivative(f, x), df(x))
        theirs_all = relative_error(scipy_derivative(f, x).df, df(x))
        assert 2 * np.median(ours_all) < np.median(theirs_all), name
        ours, theirs = ours_all.max(), theirs_all.max()
        assert 1e-14 < ours < 1e-10 and 1e-14 < theirs < 1e-10, name
        if name == "tanh":
            assert ours < theirs
        else:
            assert theirs < ours < 5 * theirs, name


def test_the_comparison_with_scipy_at_the_five_points():
    # The page: at its five points derivative is ahead of SciPy on sin, tanh and the sigmoid
    # (measured factors 9, 4,500 and 23; a factor of 3 leaves room for another CPU's round-off).
    for name in ["sin", "tanh", "sigmoid"]:
        f, df = SMOOTH[name]
        x = POINTS[name]
        ours = relative_error(derivative(f, x), df(x)).max()
        theirs = relative_error(scipy_derivative(f, x).df, df(x)).max()
        assert ours < 1e-13 and 3 * ours < theirs, name


def test_relative_accuracy_is_lost_where_the_derivative_is_tiny_next_to_f():
    # The page's pitfall: at tanh(5), f = 1 and f' = 1.8e-4. Measured relative errors:
    # derivative 5.8e-13 (4.7e-12 with NumPy's AVX2 tanh; sin at 1: 1.6e-15), central
    # difference 5.6e-9; the bounds leave a factor of about three for other round-off.
    import mpmath

    mpmath.mp.dps = 30
    exact_tanh = float(1 / mpmath.cosh(5) ** 2)
    exact_sin = float(mpmath.cos(1))
    ours = abs(derivative(np.tanh, 5.0) - exact_tanh) / exact_tanh
    central = abs(central_difference(np.tanh, 5.0) - exact_tanh) / exact_tanh
    sin_error = abs(derivative(np.sin, 1.0) - exact_sin) / exact_sin
    assert 2e-13 < ours < 2e-11
    assert 2e-9 < central < 2e-8
    assert sin_error < 6e-15 and 30 * sin_error < ours
