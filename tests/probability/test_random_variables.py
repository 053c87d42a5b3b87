"""Two dice by enumeration with exact fractions, expectations against SciPy and closed forms,
and the training loss as a Monte Carlo estimate of the expected loss."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest
from scipy import stats

from snippets.probability import expectation, expectation_density, two_dice


def test_two_dice_by_exact_counting():
    counts = {}
    for a, b in itertools.product(range(1, 7), repeat=2):
        counts[a + b] = counts.get(a + b, 0) + Fraction(1, 36)
    values, p = two_dice()
    assert values.tolist() == sorted(counts)
    # k/36 computed in floating point is the double nearest to the fraction
    assert p.tolist() == [float(counts[s]) for s in values]
    assert counts[2] == Fraction(1, 36) and counts[7] == Fraction(6, 36)
    assert sum(counts.values()) == 1
    assert values[np.argmax(p)] == 7 and round(p.max(), 2) == 0.17


def test_two_dice_with_other_dice_is_scipys_convolution():
    for sides in (1, 4, 20):
        values, p = two_dice(sides)
        single = np.full(sides, 1 / sides)
        np.testing.assert_allclose(p, np.convolve(single, single), rtol=1e-14)
        assert values[0] == 2 and values[-1] == 2 * sides


def test_expectation_of_a_die_and_of_two_dice():
    assert expectation(range(1, 7), [1 / 6] * 6) == pytest.approx(3.5, rel=1e-15)
    assert float(sum(Fraction(k, 6) for k in range(1, 7))) == 3.5
    values, p = two_dice()
    assert expectation(values, p) == pytest.approx(7.0, rel=1e-15)
    die = stats.randint(1, 7)
    assert die.mean() == 3.5 and die.var() == pytest.approx(35 / 12)
    # E[X^2] - E[X]^2 = variance, with values g(x_i) = x_i^2
    assert expectation(np.arange(1, 7) ** 2, [1 / 6] * 6) - 3.5**2 == pytest.approx(35 / 12)


@pytest.mark.parametrize(
    ("name", "density", "a", "b", "reference"),
    [
        ("N(0, 1)", stats.norm.pdf, -np.inf, np.inf, stats.norm()),
        ("N(2, 0.5^2)", lambda x: stats.norm.pdf(x, 2, 0.5), -np.inf, np.inf, stats.norm(2, 0.5)),
        ("Exp(1)", lambda x: np.exp(-x), 0, np.inf, stats.expon()),
        ("Exp(3)", lambda x: 3 * np.exp(-3 * x), 0, np.inf, stats.expon(scale=1 / 3)),
        ("U(1, 4)", lambda x: np.full_like(x, 1 / 3), 1, 4, stats.uniform(1, 3)),
    ],
)
def test_expectation_density_against_scipy_stats(name, density, a, b, reference):
    assert expectation_density(density, a=a, b=b) == pytest.approx(reference.mean(), abs=1e-12)
    second = expectation_density(density, g=lambda x: x**2, a=a, b=b)
    assert second == pytest.approx(reference.moment(2), rel=1e-11)
    assert expectation_density(density, g=lambda x: np.ones_like(x), a=a, b=b) == pytest.approx(1.0, rel=1e-12)


def test_expected_loss_of_the_page_and_its_monte_carlo_estimate():
    # model y_hat = 1.8 x; data y = 2 x + N(0, 0.5^2), x ~ N(0, 1):
    # E[(y - y_hat)^2] = E[(0.2 x + e)^2] = 0.04 + 0.25
    w, sigma = 1.8, 0.5
    exact = expectation_density(stats.norm.pdf, g=lambda x: (2 - w) ** 2 * x**2 + sigma**2)
    assert exact == pytest.approx(0.29, rel=1e-12)
    rng = np.random.default_rng(0)
    x = rng.normal(size=100_000)
    y = 2 * x + rng.normal(0, sigma, size=x.size)
    losses = (y - w * x) ** 2
    # Var of the loss: E[L^2] - E[L]^2 with L = s^2 Z^2, s^2 = 0.29: 2 s^4
    se = math.sqrt(2 * 0.29**2 / x.size)
    assert losses.std() == pytest.approx(math.sqrt(2) * 0.29, rel=0.02)
    assert abs(losses.mean() - exact) < 4 * se


def test_training_loss_of_fitted_parameters_is_optimistic():
    # The page's claim: once w is fitted to the training examples, their mean loss tends to be
    # below the expected loss of that w. Least squares y_hat = w x on n = 10 examples:
    # the expected loss of w is (2 - w)^2 + 0.25 >= 0.25.
    rng = np.random.default_rng(1)
    train, expected = [], []
    for _ in range(2000):
        x = rng.normal(size=10)
        y = 2 * x + rng.normal(0, 0.5, size=10)
        w = (x @ y) / (x @ x)
        train.append(np.mean((y - w * x) ** 2))
        expected.append((2 - w) ** 2 + 0.25)
    # E[train] = 0.25 (n - 1) / n = 0.225 and E[expected] > 0.25; 2000 runs estimate both to ~0.002
    assert np.mean(train) < 0.235 < 0.25 < np.mean(expected)
