"""The antiderivative table row by row (SymPy and SciPy), the page's table, the rules, Phi."""

import pathlib

import numpy as np
import pytest
import sympy as sp
from scipy.integrate import quad
from scipy.special import ndtr

from snippets.calculus.rules import SYMPY_HELPERS
from snippets.integration import ANTIDERIVATIVE_TABLE, Phi, antiderivative_table_markdown

PAGE = pathlib.Path(__file__).parents[2] / "docs" / "integration" / "antiderivatives.md"
x = sp.Symbol("x", real=True)
HELPERS = {name: sp.Lambda(x, sp.sympify(expr, locals={"x": x}))
           for name, expr in SYMPY_HELPERS.items()}
IDS = [row.name for row in ANTIDERIVATIVE_TABLE]


def parse(expr, **names):
    return sp.sympify(expr, locals={"x": x, **HELPERS, **names})


def parameter_values(row):
    return [dict()] if not row.parameters else [{n: v} for n, vs in row.parameters for v in vs]


def check_symbolic(row):
    """SymPy: d/dx F_sympy equals f_sympy, for symbolic parameters (n != -1, a != 0)."""
    symbols = {name: sp.Symbol(name, nonzero=True) for name, _ in row.parameters}
    f, F = parse(row.f_sympy, **symbols), parse(row.F_sympy, **symbols)
    if row.name.startswith("Power"):  # n != -1: substitute n = m - 1 with m != 0
        m = sp.Symbol("m", nonzero=True)
        f, F = f.subs(symbols["n"], m - 1), F.subs(symbols["n"], m - 1)
    for side in ([1] if row.domain[0] > 0 else [1, -1]):
        t = sp.Symbol("t", positive=True)
        difference = (sp.diff(F, x) - f).subs(x, side * t)
        assert sp.simplify(difference) == 0, row.name


def check_numeric(row, rng):
    """NumPy: f and F equal the SymPy formulas; F(b) - F(a) equals SciPy's quad of f (FTC)."""
    points = rng.uniform(*row.domain, size=20)
    for values in parameter_values(row):
        f = sp.lambdify(x, parse(row.f_sympy, **values), modules=["numpy", "scipy"])
        F = sp.lambdify(x, parse(row.F_sympy, **values), modules=["numpy", "scipy"])
        # The SymPy formulas and the NumPy ones compute the same thing in other words (erfc
        # against erf): a few ulp apart, so rtol 1e-13.
        np.testing.assert_allclose(row.f(points, **values), f(points) + 0 * points, rtol=1e-13,
                                   err_msg=row.name)
        np.testing.assert_allclose(row.F(points, **values), F(points), rtol=1e-13, atol=1e-15,
                                   err_msg=row.name)
        for a, b in rng.uniform(*row.domain, size=(5, 2)):
            exact, error = quad(lambda t: float(row.f(np.array(t), **values)), a, b,
                                epsabs=1e-13, epsrel=1e-13)
            difference = row.F(np.array(b), **values) - row.F(np.array(a), **values)
            # quad's own error estimate is ~1e-14 here; F and f are of order 1 to 30
            assert difference == pytest.approx(exact, rel=1e-11, abs=1e-12), (row.name, a, b)


@pytest.mark.parametrize("row", ANTIDERIVATIVE_TABLE, ids=IDS)
def test_row_is_right_symbolically(row):
    check_symbolic(row)


@pytest.mark.parametrize("row", ANTIDERIVATIVE_TABLE, ids=IDS)
def test_row_is_right_numerically(row):
    check_numeric(row, np.random.default_rng(0))


WRONG = {  # plausible slips; each must be caught
    "Power ($n \\ne -1$)": dict(F_sympy="x**(n + 1)", F=lambda t, n: t ** (n + 1)),
    "Scaled exponential ($a \\ne 0$)": dict(F_sympy="a * exp(a * x)", F=lambda t, a: a * np.exp(a * t)),
    "Natural logarithm": dict(F_sympy="1 / x", F=lambda t: 1 / t),
    "Sine": dict(F_sympy="cos(x)", F=np.cos),
    "Gaussian": dict(F_sympy="Phi(x)", F=Phi),
}


@pytest.mark.parametrize("name", WRONG)
def test_a_wrong_row_fails(name):
    row = next(r for r in ANTIDERIVATIVE_TABLE if r.name == name)
    wrong = WRONG[name]
    with pytest.raises(AssertionError):
        check_symbolic(row._replace(F_sympy=wrong["F_sympy"]))
    with pytest.raises(AssertionError):
        check_numeric(row._replace(F=wrong["F"]), np.random.default_rng(0))


def test_reciprocal_row_holds_for_negative_x_too():
    # ln|x| is an antiderivative of 1/x on (-oo, 0) as well
    row = next(r for r in ANTIDERIVATIVE_TABLE if r.name == "Reciprocal")
    exact, _ = quad(lambda t: 1 / t, -4.0, -0.5)
    assert row.F(-0.5) - row.F(-4.0) == pytest.approx(exact, rel=1e-12)


def test_page_table_is_generated_from_the_data():
    page = PAGE.read_text(encoding="utf-8").splitlines()
    expected = antiderivative_table_markdown().splitlines()
    start = page.index(expected[0])
    for line, want in zip(page[start:start + len(expected)], expected, strict=True):
        assert line == want, f"the page's row\n{line}\nshould read\n{want}"


def test_phi_is_scipys_normal_cdf_in_both_tails():
    t = np.linspace(-37, 8, 1001)
    # Relative accuracy down to 1e-300 in the left tail. Both differ from a 40-digit mpmath
    # value by up to 2e-13 there (the rounding of x / sqrt(2), magnified by x^2 ~ 1400), so
    # rtol 1e-12; a 1 + erf formula would be off by 100 % below x = -8.5.
    np.testing.assert_allclose(Phi(t), ndtr(t), rtol=1e-12, atol=0)
    assert Phi(0.0) == 0.5
    assert sp.simplify(sp.diff(HELPERS["Phi"](x), x) - sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi)) == 0


# --- Worked examples and CD22-CD23, by SymPy and quad -----------------------------------------


@pytest.mark.parametrize(
    ("f", "F"),
    [
        (x**4, x**5 / 5),  # WE44
        (sp.Integer(5), 5 * x),
        (x**2 + 3, x**3 / 3 + 3 * x),
        (4 * x**3, x**4),
        (3 * x**2 - 2 * x + 1, x**3 - x**2 + x),  # WE45
        (2 * x * sp.cos(x**2), sp.sin(x**2)),  # WE47, substitution
        (x * sp.exp(x), sp.exp(x) * (x - 1)),  # WE48, by parts
        (x * sp.log(x), x**2 * sp.log(x) / 2 - x**2 / 4),  # exercise 2 (by parts)
        (x / (1 + x**2), sp.log(1 + x**2) / 2),  # exercise 3 (substitution)
    ],
)
def test_worked_antiderivatives(f, F):
    assert sp.simplify(sp.diff(F, x) - f) == 0
    # and SymPy's own antiderivative differs by a constant at most
    assert sp.simplify(sp.diff(sp.integrate(f, x) - F, x)) == 0


def test_sum_and_constant_multiple_rules():
    # F105, F106: integration is linear (checked by SymPy on general f, g)
    alpha, beta = sp.symbols("alpha beta")
    for f, g in [(x**3, sp.sin(x)), (sp.exp(2 * x), 1 / (1 + x**2)), (sp.log(x), sp.cos(x))]:
        whole = sp.integrate(alpha * f + beta * g, x)
        split = alpha * sp.integrate(f, x) + beta * sp.integrate(g, x)
        assert sp.simplify(sp.diff(whole - split, x)) == 0


@pytest.mark.parametrize(
    ("f", "a", "b", "exact"),
    [
        (lambda t: t**4, 0, 1, sp.Rational(1, 5)),
        (lambda t: t**2 + 3, 0, 2, sp.Rational(26, 3)),
        (lambda t: 1 / t, 1, np.e, 1),
        (np.exp, 0, 2, sp.exp(2) - 1),
        (np.sin, 0, np.pi, 2),
        (np.log, 1, np.e, 1),
        (lambda t: np.exp(-t**2 / 2) / np.sqrt(2 * np.pi), -np.inf, np.inf, 1),
    ],
)
def test_quad_checks_of_the_chapter(f, a, b, exact):
    # quad's own checks, against the exact values (CD22, CD23)
    value, _ = quad(f, a, b)
    assert value == pytest.approx(float(exact), rel=1e-12)


def test_the_ml_uses_the_table_claims():
    from scipy import stats

    tau = 3.0
    assert quad(lambda t: np.exp(-t / tau), 0, np.inf)[0] == pytest.approx(tau, rel=1e-10)
    lam = 2.5  # Laplace: normaliser lambda / 2, as scipy.stats.laplace(scale=1/lambda) has
    assert quad(lambda t: np.exp(-lam * abs(t)), -np.inf, np.inf)[0] == pytest.approx(2 / lam)
    assert stats.laplace(scale=1 / lam).pdf(0.0) == pytest.approx(lam / 2, rel=1e-14)
    t = np.linspace(-5, 5, 11)
    np.testing.assert_allclose(stats.cauchy.cdf(t), 0.5 + np.arctan(t) / np.pi, rtol=1e-14)
    np.testing.assert_allclose(stats.uniform(1, 3).cdf([1, 2.5, 4]), [0, 0.5, 1])  # linear
    gauss = next(r for r in ANTIDERIVATIVE_TABLE if r.name == "Gaussian")
    assert gauss.F(np.inf) - gauss.F(-np.inf) == pytest.approx(np.sqrt(2 * np.pi), rel=1e-15)
    assert Phi(1.96) == pytest.approx(0.975, abs=1e-4)
    assert Phi(-1.0) == pytest.approx(1 - Phi(1.0), rel=1e-15)


def test_gelu_is_x_phi_and_its_tanh_formula_is_within_5e_4():
    # The page: PyTorch's gelu is x Phi(x); approximate="tanh" differs by less than 5e-4.
    t = np.linspace(-10, 10, 200_001)
    tanh_formula = 0.5 * t * (1 + np.tanh(np.sqrt(2 / np.pi) * (t + 0.044715 * t**3)))
    difference = np.max(np.abs(t * ndtr(t) - tanh_formula))
    assert 4e-4 < difference < 5e-4  # 4.73e-4, near x = 2.70: the bound is not loose
    torch = pytest.importorskip("torch")  # live comparison where PyTorch is installed
    xt = torch.tensor(t, dtype=torch.float64)
    np.testing.assert_allclose(torch.nn.functional.gelu(xt).numpy(), t * Phi(t),
                               # torch's 0.5 x (1 + erf) cancels in the left tail, where
                               # GELU < 1e-15: an absolute tolerance there
                               rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(torch.nn.functional.gelu(xt, approximate="tanh").numpy(),
                               tanh_formula, rtol=1e-13, atol=1e-15)
