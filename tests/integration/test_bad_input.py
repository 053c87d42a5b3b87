"""One table of bad calls to the public functions of snippets.integration.

Each must raise a TypeError or ValueError whose message names the argument as its signature
spells it. Valid input that looks unusual (reversed or infinite limits, a constant integrand,
bool labels) is accepted: the last test says so.
"""

import math

import numpy as np
import pytest

import snippets.integration
from snippets.integration import (
    Phi,
    gauss_legendre,
    integrate,
    monte_carlo,
    roc_auc,
    roc_curve,
    simpson,
    synthetic_classifier,
    trapezoid,
)
from tests.bad_input import Bad, covered

CASES = [
    Bad(Phi, (np.nan,), ValueError, "`x` must not be NaN, got nan"),
    Bad(trapezoid, ("sin", 0, 1, 4), TypeError, "`f` must be callable, got str 'sin'"),
    Bad(trapezoid, (np.sin, 0, np.inf, 4), ValueError, "`b` must be a finite real number, got inf"),
    Bad(trapezoid, (np.sin, "0", 1, 4), TypeError, "`a` must be a real number, got str '0'"),
    Bad(trapezoid, (np.sin, 0, 1, 0), ValueError, "`n` must be a positive integer, got 0"),
    Bad(trapezoid, (np.sin, 0, 1, 2.0), ValueError, "`n` must be a positive integer, got 2.0"),
    Bad(trapezoid, (lambda x: np.where(x > 0, x, -np.inf), 0, 1, 4), ValueError,
        "`f` returned a non-finite value -inf at x = 0.0"),
    Bad(trapezoid, (lambda x: np.ones(3), 0, 1, 4), ValueError,
        "`f` must return one value per point (be vectorised), got shape (3,) for 5 points"),
    Bad(simpson, (np.sin, 0, 1, 3), ValueError, "`n` must be an even number of subintervals, got 3"),
    Bad(simpson, (np.sin, np.nan, 1, 4), ValueError, "`a` must be a finite real number, got nan"),
    Bad(gauss_legendre, (np.sin, 0, 1, -2), ValueError, "`n` must be a positive integer, got -2"),
    Bad(integrate, (None, 0, 1), TypeError, "`f` must be callable, got NoneType None"),
    Bad(integrate, (np.sin, 0, np.nan), ValueError, "`b` must be a real number or +-inf, got nan"),
    Bad(integrate, (np.sin, 0, 1), ValueError, "`tol` must be a number in [1e-15, 1), got 1e-20",
        tol=1e-20),
    Bad(integrate, (np.sin, 0, 1), ValueError, "`max_intervals` must be a positive integer, got 0",
        max_intervals=0),
    Bad(integrate, (lambda x: np.where(x == 1, np.nan, x), 0, 2), ValueError,
        "`f` returned a non-finite value nan at x = 1.0"),  # the middle node
    Bad(integrate, (lambda x: "a", 0, 1), TypeError, "`f` must return real numbers, got 'a'"),
    Bad(integrate, (lambda x: x + 0j, 0, 1), TypeError, "`f` must return real numbers, got complex128 values"),
    Bad(integrate, (math.sin, 0, 1), TypeError,
        "`f` must accept an array of points (be vectorised); on an array it raised TypeError: "
        "only 0-dimensional arrays can be converted to Python scalars"),
    Bad(integrate, (np.sin, True, 1), TypeError, "`a` must be a real number, got bool True"),
    Bad(integrate, (np.sin, 0, 1), TypeError, "`return_error` must be True or False, got 'yes'",
        return_error="yes"),
    Bad(simpson, (lambda x: None, 0, 1, 2), ValueError, "`f` returned a non-finite value nan at x = 0.0"),
    Bad(gauss_legendre, (np.sin, 0, 1, True), ValueError, "`n` must be a positive integer, got True"),
    Bad(monte_carlo, (np.sin, 0, 1, 1), ValueError, "`n` must be at least 2, got 1"),
    Bad(monte_carlo, (np.sin, 0, 1, 10), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got str 'seed'",
        rng="seed"),
    Bad(monte_carlo, (np.sin, 0, 1, 10), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got bool True",
        rng=True),
    Bad(monte_carlo, (np.sin, 0, 1, 10), TypeError,
        "`rng` must be a numpy.random.Generator, a non-negative integer seed or None, got int -1",
        rng=-1),
    Bad(Phi, ("a",), TypeError, "`x` must be a real number or array, got 'a'"),
    Bad(Phi, (None,), TypeError, "`x` must be a real number or array, got None"),
    Bad(Phi, (True,), TypeError, "`x` must be a real number or array, got True"),
    Bad(roc_auc, ([0.2, 0.8], [None, 1]), ValueError,
        "`labels` must be 0 or 1, got the values array([None, 1], dtype=object)"),
    Bad(synthetic_classifier, (True,), ValueError, "`seed` must be a non-negative integer, got True"),
    Bad(roc_curve, ([0.2, 0.8], [0, 2]), ValueError, "`labels` must be 0 or 1, got the values array([0, 2])"),
    Bad(roc_curve, ([0.2, 0.8], [1, 1]), ValueError,
        "`labels` must contain both classes, got only 1: with one class, the TPR or the FPR is 0/0"),
    Bad(roc_curve, ([0.2, np.nan], [0, 1]), ValueError, "`scores` must be finite, got NaN or inf"),
    Bad(roc_curve, ([0.2, 0.3, 0.4], [0, 1]), ValueError,
        "`labels` must have the shape of `scores` (3,), got (2,)"),
    Bad(roc_auc, ([], []), ValueError, "`scores` must be a non-empty 1-D array, got shape (0,)"),
    Bad(roc_auc, (["a", "b"], [0, 1]), TypeError, "`scores` must be an array of real numbers, got ['a', 'b']"),
    Bad(roc_auc, ([0.2, 0.8], ["no", "yes"]), ValueError,
        "`labels` must be 0 or 1, got the values array(['no', 'yes'], dtype='<U3')"),
    Bad(roc_auc, ([0.2, 0.8], [0, 0]), ValueError,
        "`labels` must contain both classes, got only 0: with one class, the TPR or the FPR is 0/0"),
    Bad(synthetic_classifier, (-1,), ValueError, "`seed` must be a non-negative integer, got -1"),
    Bad(synthetic_classifier, (), ValueError, "`n` must be a positive integer, got 0", n=0),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_bad_input_is_refused_naming_the_argument(case):
    case.check()


def test_every_public_function_has_a_bad_input_case():
    covered(snippets.integration, CASES, exempt=(
        "AntiderivativeRow",  # a record of the table: any values are allowed
        "antiderivative_table_markdown",  # takes no argument
    ))


def test_valid_unusual_input_is_accepted():
    assert trapezoid(lambda x: 2.0, 1, 0, 1) == -2.0  # reversed limits, ints, scalar f
    assert integrate(np.exp, -np.inf, 0) == pytest.approx(1.0, rel=1e-13)
    assert integrate(np.sin, 2.0, 2.0) == 0.0
    assert roc_auc(np.array([0.1, 0.9]), np.array([0.0, 1.0])) == 1.0  # float labels 0.0 and 1.0
    assert monte_carlo(np.sin, 0, 1, 2, rng=np.random.default_rng(0))[1] >= 0
    # b < a: minus the integral from b to a, as for the other rules
    value, se = monte_carlo(np.sin, 1, 0, 10_000, rng=0)
    assert abs(value + (1 - np.cos(1))) < 5 * se  # 5 standard errors: fails 1 run in 2 million
    assert roc_auc([0.1, 0.9], [False, True]) == 1.0  # bool labels
    assert Phi(np.inf) == 1.0 and Phi([]).shape == (0,)
