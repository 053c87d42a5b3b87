"""Second derivatives and critical points against SymPy and SciPy."""

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
    # exact arithmetic: each root to the nearest double, a multiple root once
    np.testing.assert_allclose(critical_points(coefficients), sympy_critical_points(expr),
                               rtol=1e-15, atol=0)


def test_the_quartic_has_three_critical_points_where_fsolve_finds_two():
    # B2: Newton-like fsolve from 0.5 lands on 2, so the minimum at 0 is lost and 2 comes twice.
    df = sp.lambdify(x, sp.diff(QUARTIC, x))
    found = fsolve(df, [0.5, 1.0, 2.0])
    assert len(np.unique(np.round(found, 6))) == 2
    np.testing.assert_allclose(critical_points([1, -4, 4, 0, 1]), sympy_critical_points(QUARTIC),
                               atol=1e-12)


def test_no_critical_points():
    assert critical_points([2.0, 1.0]).size == 0  # a line
    assert critical_points([0.0, 2.0, 1.0]).size == 0  # a line with a leading zero
    assert critical_points([1.0, 0.0, 1.0, 0.0]).size == 0  # x^3 + x: f' = 3x^2 + 1 > 0


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
@given(st.floats(-3, 3), st.floats(0.5, 3), st.sampled_from([2, 3, 4, 5]), st.sampled_from([-1, 1]),
       st.floats(-10, 10))
def test_classify_shifted_powers(c, a, k, sign, d):
    # f = sign * a (x - c)^k + d at x = c: k even, a minimum (sign +) or maximum; k odd, an
    # inflection. The constant d puts round-off into f(x ± h) without changing any derivative.
    kind = "inflection" if k % 2 else ("minimum" if sign > 0 else "maximum")
    assert classify_critical_point(lambda t: sign * a * (t - c) ** k + d, c) == kind


@pytest.mark.parametrize(
    ("f", "kind"),
    [
        # Found in review: two columns of the tableau agreed by chance far below the round-off,
        # f''(3) came out as -7e-15 with an error estimate of 4e-16, and the point was called a
        # maximum. The round-off of the smallest step (1e-11) now bounds the uncertainty.
        (lambda t: (t - 3) ** 4 + 5, "minimum"),
        (lambda t: -((t - 3) ** 4) + 5, "maximum"),
        (lambda t: (t - 3) ** 3 + 5, "inflection"),
    ],
)
def test_classify_where_f_is_large_next_to_its_changes(f, kind):
    assert classify_critical_point(f, 3.0) == kind


# --- Verdicts that do not depend on units, or on an absolute tolerance ------------------------
# (bad input, with its messages, is in test_bad_input.py)


def test_a_small_negative_curvature_is_a_maximum():
    # x^4 - 1e-7 x^2 at 0: f''(0) = -2e-7, a strict local maximum (the sign test at 1e-3 used to
    # jump over the minima at ±sqrt(5e-8) ≈ ±2.2e-4 and answer "minimum").
    expr = x**4 - sp.Rational(1, 10**7) * x**2
    assert sympy_kind(expr, 0) == "maximum"
    assert classify_critical_point(sp.lambdify(x, expr), 0.0) == "maximum"


@pytest.mark.parametrize("scale", [1e-12, 1e-6, 1.0, 1e6])
def test_verdicts_do_not_depend_on_the_units_of_f(scale):
    # Multiplying f by a constant changes its units, not its critical points' kinds.
    f = lambda t: scale * (t**3 - 3 * t)  # noqa: E731
    assert [classify_critical_point(f, p) for p in (-1.0, 1.0)] == ["maximum", "minimum"]
    assert classify_critical_point(lambda t: scale * t**4, 0.0) == "minimum"
    assert classify_critical_point(lambda v: scale * (v[0] ** 2 - v[1] ** 2), [0.0, 0.0]) == "saddle"


@pytest.mark.parametrize("scale", [1e-3, 1e3])
def test_verdicts_do_not_depend_on_the_units_of_x(scale):
    # f(x / s) has its critical points at s times those of f, of the same kinds.
    f = lambda t: (t / scale) ** 3 - 3 * (t / scale)  # noqa: E731
    assert [classify_critical_point(f, p * scale) for p in (-1.0, 1.0)] == ["maximum", "minimum"]


def test_critical_points_close_together_stay_apart():
    # f = x^3 - 3/2 (1 + r) x^2 + 3 r x, f' = 3 (x - 1)(x - r): two simple roots 9.3e-10 apart
    # (r = 1 + 2^-30; every coefficient is a double, so the roots are exactly 1 and r).
    r = 1 + 2.0**-30
    coefficients = [1.0, -1.5 * (1 + r), 3 * r, 0.0]
    found = critical_points(coefficients)
    assert found.size == 2
    np.testing.assert_allclose(found, [1.0, r], rtol=1e-15)


def test_a_multiple_root_comes_back_once():
    # (x - 2)^5 with exact integer coefficients: f' = 5 (x - 2)^4, a quadruple root
    coefficients = [float(c) for c in sp.Poly((x - 2) ** 5, x).all_coeffs()]
    assert critical_points(coefficients).tolist() == [2.0]
    # x^4 - 4x^3 + 6x^2 - 4x = (x - 1)^4 - 1: f' = 4 (x - 1)^3, a triple root
    assert critical_points([1, -4, 6, -4, 0]).tolist() == [1.0]


def test_critical_points_are_exact_for_the_coefficients_given():
    # Roots that are doubles come back exactly; others to the nearest double (SymPy's values).
    expr = 3 * x**4 - 4 * x**3 - 12 * x**2 + 5  # f' = 12 x (x - 2)(x + 1)
    coefficients = [float(c) for c in sp.Poly(expr, x).all_coeffs()]
    assert critical_points(coefficients).tolist() == [-1.0, 0.0, 2.0]
    expr = x**3 - 2 * x  # f' = 3x^2 - 2: roots ±sqrt(2/3)
    assert critical_points([1, 0, -2, 0]).tolist() == [float(-sp.sqrt(sp.Rational(2, 3))),
                                                       float(sp.sqrt(sp.Rational(2, 3)))]


def test_numpy_roots_splits_a_multiple_root():
    # The page: in floating point a root of multiplicity m comes back as m roots about
    # eps^(1/m) apart. f' = 5 (x - 2)^4: four roots within ~1e-4 of 2, not one.
    roots = np.roots(np.polyder([1, -10, 40, -80, 80, -32]))
    assert len(roots) == 4
    assert 1e-6 < np.max(np.abs(roots - 2)) < 1e-2
