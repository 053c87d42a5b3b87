"""The derivative table row by row (SymPy and NumPy), the page's table, and the rules."""

import pathlib

import numpy as np
import pytest
import sympy as sp
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.differentiate import derivative as scipy_derivative
from scipy.differentiate import jacobian as scipy_jacobian

from snippets.calculus import DERIVATIVE_TABLE, derivative, derivative_table_markdown, gradient
from snippets.calculus.rules import SYMPY_HELPERS

PAGE = pathlib.Path(__file__).parents[2] / "docs" / "calculus" / "rules.md"
x = sp.Symbol("x", real=True)
z = sp.Matrix(sp.symbols("z1:4", real=True))  # softmax is checked on three inputs
HELPERS = {name: sp.Lambda(x, sp.sympify(expr, locals={"x": x}))
           for name, expr in SYMPY_HELPERS.items()}


def parse(expr, **names):
    return sp.sympify(expr, locals={"x": x, "z": z, **HELPERS, **names})


def check_symbolic(row):
    """SymPy: d/dx f_sympy equals df_sympy (for softmax: the Jacobian equals diag(p) - p p^T)."""
    if row.name == "Softmax":
        p = parse(row.f_sympy)
        difference = p.jacobian(z) - parse(row.df_sympy, p=p)
        assert difference.applyfunc(sp.simplify) == sp.zeros(3, 3), row.name
        return
    symbols = {name: sp.Symbol(name, positive=True) for name, _ in row.parameters}
    f, df = parse(row.f_sympy, **symbols), parse(row.df_sympy, **symbols)
    # On each half-line of the domain separately: ReLU has no derivative at 0.
    for side in ([1] if row.domain[0] > 0 else [1, -1]):
        t = sp.Symbol("t", positive=True)
        difference = (sp.diff(f, x) - df).subs(x, side * t)
        assert sp.simplify(difference.rewrite(sp.exp)) == 0, row.name


def check_numeric(row, rng):
    """NumPy: f and df equal the SymPy formulas, and df is the numerical slope of f."""
    if row.name == "Softmax":
        for v in rng.normal(size=(5, 3)):
            p = np.array(parse(row.f_sympy).subs(dict(zip(z, v))), dtype=float).ravel()
            np.testing.assert_allclose(row.f(v), p, rtol=1e-13, err_msg=row.name)
            exact = np.array(p.reshape(-1, 1) * (np.eye(3) - p), dtype=float)
            np.testing.assert_allclose(row.df(v), exact, atol=1e-15, err_msg=row.name)
            reference = scipy_jacobian(lambda w: np.apply_along_axis(row.f, 0, w), v).df
            np.testing.assert_allclose(row.df(v), reference, atol=1e-12, err_msg=row.name)
        return
    points = rng.uniform(*row.domain, size=20)
    points = points[np.abs(points) > 1e-3]  # keep away from ReLU's kink
    for values in ([dict()] if not row.parameters else
                   [{name: v} for name, vs in row.parameters for v in vs]):
        f = sp.lambdify(x, parse(row.f_sympy, **values), modules=["numpy", "scipy"])
        df = sp.lambdify(x, parse(row.df_sympy, **values), modules=["numpy", "scipy"])
        # GELU's erf is computed by math.erf here and by scipy.special.erf in the lambdified
        # formula: both are within a few ulp, so rtol 1e-13.
        np.testing.assert_allclose(row.f(points, **values), f(points), rtol=1e-13, err_msg=row.name)
        np.testing.assert_allclose(row.df(points, **values), df(points), rtol=1e-13,
                                   err_msg=row.name)
        # SciPy's default first step, 0.5, would leave ln's domain (0, oo): start below 0.1
        step = row.domain[0] / 10 if row.domain[0] > 0 else 0.5
        slope = scipy_derivative(lambda t: row.f(t, **values), points, initial_step=step).df
        np.testing.assert_allclose(row.df(points, **values), slope, rtol=1e-9, atol=1e-12,
                                   err_msg=row.name)


@pytest.mark.parametrize("row", DERIVATIVE_TABLE, ids=[row.name for row in DERIVATIVE_TABLE])
def test_row_is_right_symbolically(row):
    check_symbolic(row)


@pytest.mark.parametrize("row", DERIVATIVE_TABLE, ids=[row.name for row in DERIVATIVE_TABLE])
def test_row_is_right_numerically(row):
    check_numeric(row, np.random.default_rng(0))


WRONG = {  # plausible slips; each must be caught
    "Sigmoid": dict(df_sympy="sigma(x) * (1 + sigma(x))", df=lambda t: 0.5 * np.ones_like(t)),
    "Hyperbolic tangent": dict(df_sympy="1 + tanh(x)**2", df=lambda t: 1 + np.tanh(t) ** 2),
    "Logarithm, base $b$": dict(df_sympy="1 / x", df=lambda t, b: 1 / t),
    "GELU": dict(df_sympy="Phi(x)", df=lambda t: 0.5 * (1 + np.tanh(t))),
    "Softmax": dict(df_sympy="diag(*p)", df=lambda v: np.eye(3)),
}


@pytest.mark.parametrize("name", WRONG)
def test_a_wrong_row_fails(name):
    row = next(r for r in DERIVATIVE_TABLE if r.name == name)
    wrong = WRONG[name]
    with pytest.raises(AssertionError):
        check_symbolic(row._replace(df_sympy=wrong["df_sympy"]))
    with pytest.raises(AssertionError):
        check_numeric(row._replace(df=wrong["df"]), np.random.default_rng(0))


def test_helpers_are_the_sigmoid_and_the_normal_distribution():
    assert sp.simplify(sp.diff(HELPERS["Phi"](x), x) - HELPERS["phi"](x)) == 0
    assert sp.integrate(HELPERS["phi"](x), (x, -sp.oo, sp.oo)) == 1
    assert sp.simplify(HELPERS["sigma"](x) + HELPERS["sigma"](-x)) == 1


def test_relu_derivative_at_zero_is_zero():
    relu = next(r for r in DERIVATIVE_TABLE if r.name == "ReLU")
    assert relu.df(0.0) == 0.0
    assert sp.Heaviside(0, 0) == 0  # the SymPy formula of the row says the same


def test_sigmoid_and_tanh_slopes():
    # max sigma' = 1/4 at 0; tanh' = 1 - tanh^2 lies in (0, 1], with 1 at 0 (B4)
    sigma_prime = sp.diff(HELPERS["sigma"](x), x)
    assert sp.solve(sp.diff(sigma_prime, x), x) == [0]
    assert sigma_prime.subs(x, 0) == sp.Rational(1, 4)
    tanh_prime = sp.diff(sp.tanh(x), x)
    assert sp.simplify(tanh_prime - (1 - sp.tanh(x) ** 2)) == 0 and tanh_prime.subs(x, 0) == 1
    assert sp.limit(tanh_prime, x, sp.oo) == 0


# --- The page's table is the data's table ---------------------------------------------------------


def test_page_table_is_generated_from_the_data():
    page = PAGE.read_text(encoding="utf-8").splitlines()
    start = page.index("| Function | $f$ | $f'$ | Where ML uses it |")
    table = page[start:start + len(DERIVATIVE_TABLE) + 2]
    expected = derivative_table_markdown().splitlines()
    for line, want in zip(table, expected, strict=True):
        assert line == want, f"the page's row\n{line}\nshould read\n{want}"


# --- The worked examples and exercises, by SymPy --------------------------------------------------


@pytest.mark.parametrize(
    ("f", "df"),
    [
        (x**3, 3 * x**2),
        (sp.sqrt(x), 1 / (2 * sp.sqrt(x))),
        (1 / x, -1 / x**2),
        (sp.Integer(5), 0),
        (x**2 * sp.sin(x), 2 * x * sp.sin(x) + x**2 * sp.cos(x)),  # product rule
        (sp.tan(x), 1 / sp.cos(x) ** 2),  # quotient rule
        ((2 * x + 3) ** 2, 8 * x + 12),  # chain rule
        ((3 * x + 2) ** 5, 15 * (3 * x + 2) ** 4),
        (sp.sin(x**2), 2 * x * sp.cos(x**2)),
        (3 * x**3 - 2 * x**2 + x - 5, 9 * x**2 - 4 * x + 1),  # E1
        (sp.exp(x**2), 2 * x * sp.exp(x**2)),  # E2
        (sp.log(1 + x**2, 2), 2 * x / ((1 + x**2) * sp.log(2))),  # exercise 3: base 2
    ],
)
def test_worked_examples(f, df):
    assert sp.simplify(sp.diff(f, x) - df) == 0


def test_neuron_chain_rule():
    # y = sigma(w x + b): dy/dw = sigma'(z) x, at w = 0.5, b = 0.1, x = 2
    w, b, xx = sp.symbols("w b xx")
    y = HELPERS["sigma"](w * xx + b)
    exact = float(sp.diff(y, w).subs({w: 0.5, b: 0.1, xx: 2}))
    sigmoid = next(r for r in DERIVATIVE_TABLE if r.name == "Sigmoid")
    assert sigmoid.df(1.1) * 2 == pytest.approx(exact, rel=1e-14)
    assert derivative(lambda t: sigmoid.f(t * 2 + 0.1), 0.5) == pytest.approx(exact, rel=1e-12)


# --- The rules on random polynomials (Hypothesis) -------------------------------------------------

# `gradient` of a function of one variable is its derivative, extrapolated over 8 fixed steps.
polynomials = st.lists(st.floats(-3, 3), min_size=1, max_size=6).map(np.polynomial.Polynomial)
points = st.floats(-1.5, 1.5)


def close(a, b):
    # |p|, |p'| <= 6 * 3 * 1.5^5 * 5 ~ 700: an absolute 1e-8 is ~1e-11 relative
    assert a == pytest.approx(b, rel=1e-9, abs=1e-8)


@settings(max_examples=25, deadline=None)
@given(polynomials, points)
def test_power_rule_termwise(p, t):
    close(gradient(p, t), p.deriv()(t))  # NumPy differentiates by n x^(n-1), term by term


@settings(max_examples=25, deadline=None)
@given(polynomials, polynomials, st.floats(-2, 2), points)
def test_sum_and_constant_multiple(p, q, c, t):
    close(gradient(lambda s: c * p(s) + q(s), t), c * p.deriv()(t) + q.deriv()(t))


@settings(max_examples=25, deadline=None)
@given(polynomials, polynomials, points)
def test_product_rule(p, q, t):
    close(gradient(lambda s: p(s) * q(s), t), p.deriv()(t) * q(t) + p(t) * q.deriv()(t))


@settings(max_examples=25, deadline=None)
@given(polynomials, polynomials, points)
def test_quotient_rule(p, q, t):
    v = 1 + q**2  # a denominator that is never below 1
    rule = (p.deriv()(t) * v(t) - p(t) * v.deriv()(t)) / v(t) ** 2
    close(gradient(lambda s: p(s) / v(s), t), rule)


@settings(max_examples=25, deadline=None)
@given(polynomials, polynomials, points)
def test_chain_rule(p, q, t):
    close(gradient(lambda s: p(np.sin(q(s))), t),
          p.deriv()(np.sin(q(t))) * np.cos(q(t)) * q.deriv()(t))


def test_sigmoid_row_keeps_its_relative_accuracy_in_both_tails():
    # 1 / (1 + e^-x) written as (1 + tanh(x/2)) / 2 lost every digit below x ~ -37 (1 + tanh
    # cancels); the row now uses the book's one sigmoid. Reference: mpmath at 50 digits.
    import mpmath

    mpmath.mp.dps = 50
    row = next(r for r in DERIVATIVE_TABLE if r.name == "Sigmoid")
    points = [-700.0, -100.0, -40.0, -37.5, -1.0, 0.0, 2.0, 40.0, 700.0]
    sigma = [float(1 / (1 + mpmath.exp(-mpmath.mpf(t)))) for t in points]
    slope = [float(mpmath.exp(-mpmath.mpf(t)) / (1 + mpmath.exp(-mpmath.mpf(t))) ** 2) for t in points]
    # a few ulp: exp and the division each round once
    np.testing.assert_allclose(row.f(np.array(points)), sigma, rtol=1e-14, atol=0)
    np.testing.assert_allclose(row.df(np.array(points)), slope, rtol=1e-14, atol=0)


def test_the_gates_of_lstms_use_the_sigmoid():
    # LSTM and GRU gates are sigmoids; tanh makes the candidate values and the cell-state output.
    rows = {r.name: r.ml_use for r in DERIVATIVE_TABLE}
    assert "gates of LSTMs" in rows["Sigmoid"]
    assert "Gates" not in rows["Hyperbolic tangent"] and "gates use the sigmoid" in rows["Hyperbolic tangent"]
