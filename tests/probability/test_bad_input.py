"""One table of bad calls to the public functions of snippets.probability.

Each must raise a TypeError or ValueError whose message names the argument as its signature
spells it. Valid input that looks unusual (probabilities 0 and 1, a huge logit) is accepted:
the last test says so.
"""

import numpy as np
import pytest

import snippets.probability
from snippets.probability import (
    bernoulli_log_pmf,
    bernoulli_pmf,
    categorical_pmf,
    expectation,
    expectation_density,
    exponential_cdf,
    exponential_pdf,
    normal_cdf,
    normal_pdf,
    posterior,
    total_probability,
    two_dice,
    within_sigmas,
)
from tests.bad_input import Bad, covered

CASES = [
    Bad(two_dice, (0,), ValueError, "`sides` must be a positive integer, got 0"),
    Bad(two_dice, (6.0,), ValueError, "`sides` must be a positive integer, got 6.0"),
    Bad(expectation, ([1, 2], [0.5, 0.6]), ValueError, "`probabilities` must add up to 1, got a sum of 1.1"),
    Bad(expectation, ([1, 2], [1.5, -0.5]), ValueError,
        "`probabilities` must be finite and non-negative, got array([ 1.5, -0.5])"),
    Bad(expectation, ([1, 2, 3], [0.5, 0.5]), ValueError,
        "`values` must have the shape of `probabilities` (2,), got (3,)"),
    Bad(expectation, ([1, np.nan], [0.5, 0.5]), ValueError, "`values` must be finite, got array([ 1., nan])"),
    Bad(expectation_density, ("pdf",), TypeError, "`p` must be callable, got str 'pdf'"),
    Bad(expectation_density, (np.exp,), TypeError, "`g` must be callable, got int 2", g=2),
    Bad(total_probability, (1.2, 0.3, 0.1), ValueError, "`likelihood` must be a probability in [0, 1], got 1.2"),
    Bad(total_probability, (0.8, np.nan, 0.1), ValueError, "`prior` must be a probability in [0, 1], got nan"),
    Bad(posterior, (0.8, 0.3, "0.1"), TypeError,
        "`likelihood_if_not` must be a probability, a real number, got str '0.1'"),
    Bad(posterior, (0.0, 0.3, 0.0), ValueError,
        "`likelihood`, `prior` and `likelihood_if_not` give P(B) = 0: B never happens, "
        "so P(A | B) is undefined"),
    Bad(bernoulli_pmf, (1, 1.5), ValueError, "`p` must be a probability in [0, 1], got 1.5"),
    Bad(bernoulli_pmf, (2, 0.5), ValueError, "`k` must be in [0, 1], got array(2)"),
    Bad(bernoulli_log_pmf, (1, np.inf), ValueError, "`logit` must be finite, got inf"),
    Bad(bernoulli_log_pmf, (0.5, 1.0), ValueError, "`k` must be in [0, 1], got array(0.5)"),
    Bad(categorical_pmf, (3, [0.2, 0.3, 0.5]), ValueError, "`k` must be in [0, 1, 2], got array(3)"),
    Bad(categorical_pmf, (0, [0.2, 0.3]), ValueError, "`p` must add up to 1, got a sum of 0.5"),
    Bad(normal_pdf, (0.0,), ValueError, "`sigma` must be a positive finite number, got 0", sigma=0),
    Bad(normal_pdf, (np.nan,), ValueError, "`x` must not be NaN, got nan"),
    Bad(normal_cdf, ("a",), TypeError, "`x` must be a real number or array, got 'a'"),
    Bad(normal_cdf, (0.0,), ValueError, "`mu` must be a finite real number, got nan", mu=np.nan),
    Bad(within_sigmas, (-1,), ValueError, "`k` must be non-negative, got -1"),
    Bad(exponential_pdf, (1.0,), ValueError, "`lam` must be a positive finite number, got -2", lam=-2),
    Bad(exponential_cdf, (1.0,), TypeError, "`lam` must be a real number, got '2'", lam="2"),
    Bad(within_sigmas, ("1",), TypeError, "`k` must be a real number or array, got '1'"),
    Bad(within_sigmas, (True,), TypeError, "`k` must be a real number or array, got True"),
    Bad(normal_pdf, (None,), TypeError, "`x` must be a real number or array, got None"),
    Bad(normal_pdf, (0.0,), ValueError, "`mu` must be a finite real number, got inf", mu=np.inf),
    Bad(normal_pdf, (0.0,), TypeError, "`mu` must be a real number, got [0.0, 1.0]", mu=[0.0, 1.0]),
    Bad(normal_cdf, (0.0,), TypeError, "`mu` must be a real number, got True", mu=True),
    Bad(bernoulli_pmf, (1, True), TypeError, "`p` must be a probability, a real number, got True"),
    Bad(bernoulli_pmf, (1, None), TypeError, "`p` must be a probability, a real number, got None"),
    Bad(bernoulli_log_pmf, ([0, 1, 1], [1.0, 2.0]), ValueError,
        "`k` and `logit` must have the same (or broadcastable) shapes, got (3,) and (2,)"),
    Bad(categorical_pmf, (0, "ab"), TypeError, "`p` must be an array of probabilities, got 'ab'"),
    Bad(expectation, (["a"], [1.0]), TypeError, "`values` must be an array of real numbers, got ['a']"),
    Bad(expectation, ([1], ["a"]), TypeError, "`probabilities` must be an array of real numbers, got ['a']"),
    Bad(expectation_density, (np.exp,), ValueError, "`b` must be greater than `a`, got a = 1, b = 0",
        a=1, b=0),
    Bad(expectation_density, (np.exp,), TypeError, "`a` must be a real number, got NoneType None",
        a=None),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


def test_every_public_function_has_a_bad_input_case():
    covered(snippets.probability, CASES)


def test_valid_unusual_input_is_accepted():
    assert posterior(1.0, 0.0, 0.5) == 0.0  # a prior of 0 stays 0
    assert bernoulli_pmf(0, 1.0) == 0.0
    assert bernoulli_log_pmf(1, 1e6) == 0.0
    assert exponential_pdf(-1e308) == 0.0  # no overflow at a huge negative x
    assert normal_cdf(np.inf) == 1.0 and normal_cdf(-np.inf) == 0.0
    assert within_sigmas(0) == 0.0
    assert two_dice(1)[1].tolist() == [1.0]
    assert bernoulli_pmf(True, 0.3) == 0.3  # a bool label is 1
    assert expectation([True, False], [0.25, 0.75]) == 0.25  # the mean of an indicator
    assert type(posterior(np.float64(0.8), 0.3, 0.1)) is float
