"""Bayes' theorem for an event A and an observation B.

- ``total_probability``: P(B) = P(B | A) P(A) + P(B | not A) P(not A);
- ``posterior``: P(A | B) = P(B | A) P(A) / P(B).
"""

import numbers

__all__ = ["total_probability", "posterior"]


def _probability(p, name):
    if isinstance(p, bool) or not isinstance(p, numbers.Real):
        raise TypeError(
            f"`{name}` must be a probability, a real number, got {type(p).__name__} {p!r}"
        )
    if not 0 <= p <= 1:  # also refuses NaN
        raise ValueError(
            f"`{name}` must be a probability in [0, 1], got {p!r}"
        )
    return float(p)


def total_probability(likelihood, prior, likelihood_if_not):
    """The evidence P(B) = P(B | A) P(A) + P(B | not A) (1 - P(A)).

    Parameters
    ----------
    likelihood : float
        P(B | A).
    prior : float
        P(A).
    likelihood_if_not : float
        P(B | not A).

    Returns
    -------
    float

    Examples
    --------
    >>> round(total_probability(0.8, 0.3, 0.1), 12)  # P("free") in a spam filter
    0.31
    """
    likelihood = _probability(likelihood, "likelihood")
    prior = _probability(prior, "prior")
    likelihood_if_not = _probability(likelihood_if_not, "likelihood_if_not")
    # A and not A split every outcome in two: add the two ways B can happen.
    return likelihood * prior + likelihood_if_not * (1 - prior)


def posterior(likelihood, prior, likelihood_if_not):
    """P(A | B) = P(B | A) P(A) / P(B): the prior updated by the observation B.

    Parameters
    ----------
    likelihood : float
        P(B | A).
    prior : float
        P(A).
    likelihood_if_not : float
        P(B | not A).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If an argument is not in [0, 1], or P(B) = 0: B cannot happen, and conditioning on it
        has no meaning.

    Examples
    --------
    >>> round(posterior(0.8, 0.3, 0.1), 4)  # P(spam | "free")
    0.7742
    """
    evidence = total_probability(likelihood, prior, likelihood_if_not)
    if evidence == 0:
        raise ValueError(
            "`likelihood`, `prior` and `likelihood_if_not` give P(B) = 0: "
            "B never happens, so P(A | B) is undefined"
        )
    return float(likelihood) * float(prior) / evidence
