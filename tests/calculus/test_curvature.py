"""Second derivatives and critical points against SymPy and SciPy."""

import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import fsolve

from snippets.calculus import classify_critical_point, critical_points, second_difference

x = sp.symbols("x")
CUBIC = x**3 - 3 * x  # the worked example of the page
QUARTIC = x**4 - 4 * x**3 + 4 * x**2 + 1  # = x^2 (x - 2)^2 + 1


# --- Second difference ----------------------------------------------------------------------------


@pytest.mark.parametrize("expr", [x**2, CUBIC, QUARTIC, sp.sin(x), sp.exp(x)])
def test_second_difference_matches_sympy(expr):
    f, d2 = sp.lambdify(x, expr), sp.lambdify(x, sp.diff(expr, x, 2))
    points = np.linspace(-2, 2, 9)
    # default h ~ 1.2e-4: truncation h^2 f''''/12 ~ 1e-8 and rounding eps |f| / h^2 ~ 1e-8
    np.testing.assert_allclose(second_difference(f, points), d2(points), rtol=1e-6, atol=1e-6)


def test_second_difference_is_second_order():
    h = np.logspace(-3, -1, 5)
    errors = [abs(second_difference(np.exp, 0.0, h=s) - 1.0) for s in h]
    assert np.polyfit(np.log(h), np.log(errors), 1)[0] == pytest.approx(2, abs=0.02)


def test_second_difference_of_an_array_is_a_loop_of_scalars():
    points = np.linspace(-1, 1, 5)
    loop = [second_difference(np.sin, p) for p in points]
    assert type(loop[0]) is float
    np.testing.assert_allclose(second_difference(np.sin, points), loop, rtol=1e-12)


# --- Critical points of polynomials ---------------------------------------------------------------


def sympy_critical_points(expr):
    return sorted(float(r) for r in sp.solve(sp.diff(expr, x), x) if r.is_real)


@pytest.mark.parametrize("expr", [CUBIC, QUARTIC, x**3, x**2 - 2 * x, (x - 1) ** 2 * (x + 2) ** 3])
def test_critical_points_match_sympy(expr):
    coefficients = [float(c) for c in sp.Poly(expr, x).all_coeffs()]
    # a double root of f' is found to ~sqrt(eps) = 1.5e-8
    np.testing.assert_allclose(critical_points(coefficients), sympy_critical_points(expr),
                               atol=1e-7)


def test_the_quartic_has_three_critical_points_where_fsolve_finds_two():
    # B2: Newton-like fsolve from 0.5 lands on 2, so the minimum at 0 is lost and 2 comes twice.
    df = sp.lambdify(x, sp.diff(QUARTIC, x))
    found = fsolve(df, [0.5, 1.0, 2.0])
    assert len(np.unique(np.round(found, 6))) == 2
    np.testing.assert_allclose(critical_points([1, -4, 4, 0, 1]), sympy_critical_points(QUARTIC),
                               atol=1e-12)


def test_no_critical_points():
    assert critical_points([2.0, 1.0]).size == 0  # a line
    assert critical_points([1.0, 0.0, 1.0, 0.0]).size == 0  # x^3 + x: f' = 3x^2 + 1 > 0
    assert critical_points([0.0, 0.0, 3.0]).size == 0  # leading zeros: a constant


# --- Classification -------------------------------------------------------------------------------


def sympy_kind(expr, point):
    """The higher-derivative test: the first non-zero derivative at the point decides."""
    for order in range(2, 10):
        value = sp.diff(expr, x, order).subs(x, point)
        if value != 0:
            if order % 2:
                return "inflection"
            return "minimum" if value > 0 else "maximum"
    raise AssertionError("all derivatives up to order 9 vanish")


@pytest.mark.parametrize(
    ("expr", "coefficients"),
    [(CUBIC, [1, 0, -3, 0]), (QUARTIC, [1, -4, 4, 0, 1]), (x**4, [1, 0, 0, 0, 0]),
     (-(x**4), [-1, 0, 0, 0, 0]), (x**3, [1, 0, 0, 0]), (x**5 - 5 * x, [1, 0, 0, 0, -5, 0])],
)
def test_classification_matches_the_higher_derivative_test(expr, coefficients):
    f = sp.lambdify(x, expr)
    for point in critical_points(coefficients):
        exact = sp.nsimplify(point)
        assert classify_critical_point(f, point) == sympy_kind(expr, exact), point


@pytest.mark.parametrize("expr", [x**6, x**5, -(x**6)])
def test_exercise_2_higher_derivatives(expr):
    assert sp.diff(expr, x, 2).subs(x, 0) == 0
    assert classify_critical_point(sp.lambdify(x, expr), 0.0) == sympy_kind(expr, 0)


def test_the_second_derivative_test_is_inconclusive_for_x4_minus_x4_and_x3():
    # f''(0) = 0 for all three, yet 0 is a minimum, a maximum and an inflection point.
    for expr in (x**4, -(x**4), x**3):
        assert sp.diff(expr, x, 2).subs(x, 0) == 0
        assert abs(second_difference(sp.lambdify(x, expr), 0.0)) < 1e-7


@pytest.mark.parametrize(
    ("f", "point", "kind"),
    [
        (lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [0.0, 0.0], "saddle"),
        (lambda v: v[0] ** 2 + v[1] ** 2, [0.0, 0.0], "minimum"),
        (lambda v: -(v[0] ** 2) - v[1] ** 2, [0.0, 0.0], "maximum"),
        (lambda v: v[0] ** 2 + v[1] ** 4, [0.0, 0.0], "inconclusive"),
        (lambda v: (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2, [1.0, 1.0], "minimum"),
        (lambda t: 5.0, 1.0, "inconclusive"),  # constant: f' = 0 on both sides
    ],
)
def test_classify_several_variables(f, point, kind):
    assert classify_critical_point(f, point) == kind


@settings(max_examples=20, deadline=None)
@given(st.floats(-3, 3), st.floats(0.5, 3), st.sampled_from([2, 3, 4, 5]), st.sampled_from([-1, 1]))
def test_classify_shifted_powers(c, a, k, sign):
    # f = sign * a (x - c)^k at x = c: k even, a minimum (sign +) or maximum; k odd, an inflection
    kind = "inflection" if k % 2 else ("minimum" if sign > 0 else "maximum")
    assert classify_critical_point(lambda t: sign * a * (t - c) ** k, c) == kind


# --- Bad input: every message pinned --------------------------------------------------------------

BAD = [
    (lambda: second_difference("sin", 1.0), TypeError, "`f` must be callable, got str 'sin'"),
    (lambda: second_difference(np.sin, np.inf), ValueError, "`x` must be finite, got inf"),
    (lambda: second_difference(np.sin, 1.0, h=np.nan), ValueError,
     "`h` must be a positive finite number, got nan"),
    (lambda: second_difference(lambda t: np.nan, 1.0), ValueError,
     "`f` returned a non-finite value nan at x + h"),
    (lambda: critical_points(3.0), ValueError,
     "`coefficients` must be a 1-D array, got an array of shape ()"),
    (lambda: critical_points(["a"]), TypeError,
     "`coefficients` must be a real number or array, got list ['a']"),
    (lambda: critical_points([1.0, np.nan]), ValueError,
     "`coefficients` must be finite, got [1.0, nan]"),
    (lambda: classify_critical_point(lambda t: t**2, 1.0), ValueError,
     "`x` must be a critical point of `f`, but the gradient at 1.0 has norm 2 > `tol` = 1e-06"),
    (lambda: classify_critical_point(lambda t: t**2, 0.0, tol=0), ValueError,
     "`tol` must be a positive finite number, got 0"),
    (lambda: classify_critical_point(np.sum, [[0.0]]), ValueError,
     "`x` must be a scalar or a 1-D array, got an array of shape (1, 1)"),
]


@pytest.mark.parametrize(("call", "error", "message"), BAD)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=re.escape(message)):
        call()
