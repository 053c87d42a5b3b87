"""Random variables, their distributions and their expected values.

- ``two_dice``: the distribution of the sum of two fair dice, counted from the 36 outcomes;
- ``expectation``: E[g(X)] = sum_i g(x_i) P(X = x_i) for a discrete X;
- ``expectation_density``: E[g(X)] = integral of g(x) p(x) dx for a continuous X.
"""

import itertools
import math
import numbers

import numpy as np

from snippets._core.checks import check_callable, check_positive_int
from snippets.integration.definite import integrate

__all__ = ["two_dice", "expectation", "expectation_density"]


def two_dice(sides=6):
    """The distribution of the sum of two fair dice with ``sides`` faces each.

    Every one of the sides**2 ordered outcomes (first die, second die) is equally likely;
    P(X = s) is the number of outcomes that add up to s, divided by sides**2.

    Parameters
    ----------
    sides : int, optional
        The number of faces of each die, at least 1.

    Returns
    -------
    values, probabilities : ndarray
        The sums 2, ..., 2 * sides and their probabilities, which add up to 1.

    Examples
    --------
    >>> values, p = two_dice()
    >>> print(values[0], round(p[0] * 36), values[5], round(p[5] * 36))
    2 1 7 6
    """
    sides = check_positive_int(sides, "sides")
    values = np.arange(2, 2 * sides + 1)
    counts = np.zeros(values.size)
    for first, second in itertools.product(range(1, sides + 1), repeat=2):
        counts[first + second - 2] += 1
    return values, counts / sides**2


def _real_array(x, name):
    a = np.asarray(x)
    # bools are allowed: the mean of an indicator is a probability
    if a.dtype.kind not in "biuf":
        raise TypeError(f"`{name}` must be an array of real numbers, got {x!r}")
    return a.astype(float)


def _probabilities(p, name="probabilities"):
    p = _real_array(p, name)
    if p.ndim != 1 or p.size == 0:
        raise ValueError(
            f"`{name}` must be a non-empty 1-D array, got shape {p.shape}"
        )
    if not np.all(np.isfinite(p)) or np.any(p < 0):
        raise ValueError(
            f"`{name}` must be finite and non-negative, got {p!r}"
        )
    if not math.isclose(math.fsum(p), 1.0, rel_tol=1e-9):
        raise ValueError(
            f"`{name}` must add up to 1, got a sum of {math.fsum(p)!r}"
        )
    return p


def expectation(values, probabilities):
    r"""The expected value $\mathbb E[X] = \sum_i x_i\,P(X = x_i)$ of a discrete random variable.

    Parameters
    ----------
    values : array_like, 1-D
        The values x_i that X takes (or g(x_i), for E[g(X)]).
    probabilities : array_like, 1-D
        P(X = x_i): non-negative, adding up to 1.

    Returns
    -------
    float

    Examples
    --------
    >>> expectation([1, 2, 3, 4, 5, 6], [1 / 6] * 6)  # a fair die
    3.5
    """
    p = _probabilities(probabilities)
    x = _real_array(values, "values")
    if x.shape != p.shape:
        raise ValueError(
            f"`values` must have the shape of `probabilities` {p.shape}, "
            f"got {x.shape}"
        )
    if not np.all(np.isfinite(x)):
        raise ValueError(f"`values` must be finite, got {x!r}")
    return math.fsum(x * p)


def expectation_density(p, g=None, a=-np.inf, b=np.inf):
    r"""The expected value $\mathbb E[g(X)] = \int_a^b g(x)\,p(x)\,dx$ of a continuous X.

    Parameters
    ----------
    p : callable
        The density of X, vectorised; zero outside [a, b].
    g : callable, optional
        The function whose mean is wanted; by default g(x) = x, the mean of X.
    a, b : float, optional
        The support of the density; infinite by default.

    Returns
    -------
    float
        Computed by `integrate`, to about 1e-12.

    Examples
    --------
    >>> import numpy as np
    >>> round(expectation_density(lambda x: np.exp(-x), a=0.0), 12)  # Exp(1): mean 1
    1.0
    """
    check_callable(p, "p")
    # integrate checks that a and b are numbers; here the order matters too
    numbers_given = all(
        isinstance(v, numbers.Real) and not isinstance(v, bool) for v in (a, b)
    )
    if numbers_given and not a < b:
        raise ValueError(
            f"`b` must be greater than `a`, got a = {a!r}, b = {b!r}"
        )
    if g is None:
        return integrate(lambda x: x * p(x), a, b)
    check_callable(g, "g")
    return integrate(lambda x: g(x) * p(x), a, b)
