"""Every distribution against scipy.stats; the 68-95-99.7 rule from the normal CDF; ln 0."""

import math

import numpy as np
import pytest
from scipy import stats
from scipy.special import log_expit

from snippets.integration import integrate
from snippets.probability import (
    bernoulli_log_pmf,
    bernoulli_pmf,
    categorical_pmf,
    exponential_cdf,
    exponential_pdf,
    normal_cdf,
    normal_pdf,
    within_sigmas,
)

x = np.linspace(-6, 6, 97)


def test_bernoulli_and_categorical_against_scipy():
    for p in (0.0, 0.3, 1.0):
        np.testing.assert_allclose(bernoulli_pmf(np.array([0, 1]), p), stats.bernoulli(p).pmf([0, 1]),
                                   rtol=1e-15)
    probs = np.array([0.2, 0.3, 0.5])
    np.testing.assert_allclose(categorical_pmf(np.arange(3), probs),
                               stats.multinomial(1, probs).pmf(np.eye(3)), rtol=1e-14)
    assert categorical_pmf(1, [0.25] * 4) == 0.25


def test_bernoulli_log_pmf_is_scipys_log_sigmoid_even_where_p_rounds_to_1():
    z = np.array([-800.0, -30.0, -1.0, 0.0, 2.0, 40.0, 800.0])
    # ln sigma(z) and ln(1 - sigma(z)) = ln sigma(-z); log_expit is accurate everywhere
    np.testing.assert_allclose(bernoulli_log_pmf(np.ones(7, dtype=int), z), log_expit(z), rtol=1e-14)
    np.testing.assert_allclose(bernoulli_log_pmf(np.zeros(7, dtype=int), z), log_expit(-z), rtol=1e-14)
    assert bernoulli_log_pmf(0, 800.0) == -800.0


def test_ln_zero_is_not_a_number_but_a_limit():
    # B15: np.log(0.0) returns -inf with a divide-by-zero warning; ln x -> -oo as x -> 0+
    with pytest.warns(RuntimeWarning, match="divide by zero"):
        assert np.log(np.float64(0.0)) == -np.inf
    with pytest.raises(ValueError, match="math domain error"):
        math.log(0.0)
    values = [math.log(10.0**-k) for k in (1, 10, 100, 300)]
    assert values == sorted(values, reverse=True) and values[-1] < -690
    # sigma(40) rounds to 1 in float64, so ln(1 - sigma(40)) would be ln 0
    assert 1 - 1 / (1 + math.exp(-40.0)) == 0.0
    assert bernoulli_log_pmf(0, 40.0) == pytest.approx(-40.0, rel=1e-15)


@pytest.mark.parametrize(("mu", "sigma"), [(0.0, 1.0), (2.0, 0.5), (-1.0, 3.0)])
def test_normal_against_scipy(mu, sigma):
    reference = stats.norm(mu, sigma)
    np.testing.assert_allclose(normal_pdf(x, mu, sigma), reference.pdf(x), rtol=1e-14)
    # erfc and SciPy's ndtr differ by up to a few 1e-13 relative deep in the left tail
    np.testing.assert_allclose(normal_cdf(x, mu, sigma), reference.cdf(x), rtol=1e-12)
    assert integrate(lambda t: normal_pdf(t, mu, sigma), -np.inf, np.inf) == pytest.approx(1.0, rel=1e-12)


@pytest.mark.parametrize("lam", [0.5, 1.0, 4.0])
def test_exponential_against_scipy(lam):
    reference = stats.expon(scale=1 / lam)  # SciPy's scale is 1/lambda
    t = np.linspace(-2, 20, 111)
    np.testing.assert_allclose(exponential_pdf(t, lam), reference.pdf(t), rtol=1e-14)
    np.testing.assert_allclose(exponential_cdf(t, lam), reference.cdf(t), rtol=1e-14)
    assert integrate(lambda s: exponential_pdf(s, lam), 0, np.inf) == pytest.approx(1.0, rel=1e-12)
    mean = integrate(lambda s: s * exponential_pdf(s, lam), 0, np.inf)
    assert mean == pytest.approx(1 / lam, rel=1e-12)


def test_empirical_rule():
    np.testing.assert_allclose(within_sigmas(np.array([1, 2, 3])),
                               [stats.norm.cdf(k) - stats.norm.cdf(-k) for k in (1, 2, 3)],
                               rtol=1e-14)
    assert [f"{100 * within_sigmas(k):.1f}" for k in (1, 2, 3)] == ["68.3", "95.4", "99.7"]
    # the same for any mu and sigma
    for mu, sigma in [(5.0, 2.0), (-1.0, 0.1)]:
        inside = normal_cdf(mu + 2 * sigma, mu, sigma) - normal_cdf(mu - 2 * sigma, mu, sigma)
        assert inside == pytest.approx(within_sigmas(2), rel=1e-13)
    # 1.96 sigma holds 95 %
    assert within_sigmas(1.959964) == pytest.approx(0.95, abs=1e-6)


def test_exponential_distribution_is_not_exponential_lr_decay():
    # B16: a schedule lr0 * gamma^t is an exponential *function* of the step; it is no
    # density: its values do not add up to 1, and it has no randomness at all.
    lr0, gamma = 0.1, 0.9
    schedule = lr0 * gamma ** np.arange(1000)
    assert math.fsum(schedule) == pytest.approx(lr0 / (1 - gamma), rel=1e-12)  # 1.0, by chance
    lr0 = 0.01
    assert math.fsum(lr0 * gamma ** np.arange(1000)) == pytest.approx(0.1, rel=1e-12)
    # the exponential density with the same decay rate lambda = -ln gamma integrates to 1
    lam = -math.log(gamma)
    assert integrate(lambda t: exponential_pdf(t, lam), 0, np.inf) == pytest.approx(1.0, rel=1e-12)


def test_claims_of_the_page():
    import sympy as sp

    # least squares is maximum likelihood under normal noise, and an L2 penalty a normal prior:
    # -ln N(y; m, s^2) = (y - m)^2 / (2 s^2) + ln(s sqrt(2 pi))
    y, m, s = sp.symbols("y m s", positive=True)
    density = sp.exp(-(y - m) ** 2 / (2 * s**2)) / sp.sqrt(2 * sp.pi * s**2)
    assert sp.simplify(-sp.log(density) - ((y - m) ** 2 / (2 * s**2) + sp.log(s * sp.sqrt(2 * sp.pi)))) == 0
    # sigma(40) = 1 - 4.2e-18 rounds to 1.0
    assert stats.logistic.sf(40.0) == pytest.approx(4.248e-18, rel=1e-3)
    # 0.27 % beyond 3 sigma: about 2 700 in a million
    assert round(1e6 * (1 - within_sigmas(3)), -2) == 2700
    # Cauchy beyond +-3: 20 %
    assert 2 * stats.cauchy.sf(3) == pytest.approx(1 - 2 / np.pi * np.arctan(3), rel=1e-14)
    assert round(2 * stats.cauchy.sf(3), 2) == 0.20
