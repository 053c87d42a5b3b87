"""The ROC curve of a binary classifier and the area under it, AUC-ROC.

``roc_curve`` returns what scikit-learn's ``roc_curve(labels, scores, drop_intermediate=False)``
returns; ``roc_auc`` computes the area exactly, as the Mann–Whitney statistic: the fraction of
(positive, negative) pairs that the scores put in the right order, a tie counting one half.
"""

import numbers

import numpy as np

from snippets._core.checks import check_positive_int

__all__ = ["roc_curve", "roc_auc", "synthetic_classifier"]


def _validate(scores, labels):
    """``scores`` and ``labels`` as float and int arrays; refuse what has no ROC curve."""
    try:
        scores = np.asarray(scores, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"`scores` must be an array of real numbers, got {scores!r}"
        ) from None
    labels = np.asarray(labels)
    if scores.ndim != 1 or scores.size == 0:
        raise ValueError(
            f"`scores` must be a non-empty 1-D array, got shape {scores.shape}"
        )
    if labels.shape != scores.shape:
        raise ValueError(
            f"`labels` must have the shape of `scores` {scores.shape}, "
            f"got {labels.shape}"
        )
    if not np.all(np.isfinite(scores)):
        raise ValueError("`scores` must be finite, got NaN or inf")
    if labels.dtype == bool:
        labels = labels.astype(int)
    if labels.dtype.kind not in "iuf" or not np.isin(labels, [0, 1]).all():
        try:
            values = np.unique(labels)
        except TypeError:  # None among numbers cannot be sorted
            values = labels
        raise ValueError(f"`labels` must be 0 or 1, got the values {values!r}")
    labels = labels.astype(int)
    if labels.min() == labels.max():
        raise ValueError(
            f"`labels` must contain both classes, got only {labels[0]}: "
            "with one class, the TPR or the FPR is 0/0"
        )
    return scores, labels


def roc_curve(scores, labels):
    """The ROC curve: the false- and true-positive rates at every threshold.

    The classifier predicts 1 when score >= threshold. The thresholds are ``inf`` (nothing
    predicted positive, the point (0, 0)) followed by every distinct score in decreasing order
    (the last predicts everything positive, the point (1, 1)).

    Parameters
    ----------
    scores : array_like, 1-D
        The classifier's scores; higher means more likely positive.
    labels : array_like, 1-D
        The true classes, 0 or 1, both present.

    Returns
    -------
    fpr, tpr, thresholds : ndarray
        FPR = FP / N and TPR = TP / P at each threshold; FPR and TPR never decrease.

    Examples
    --------
    >>> fpr, tpr, thresholds = roc_curve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    >>> fpr.tolist(), tpr.tolist(), thresholds.tolist()
    ([0.0, 0.0, 0.5, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0, 1.0], [inf, 0.8, 0.4, 0.35, 0.1])
    """
    scores, labels = _validate(scores, labels)
    order = np.argsort(-scores, kind="stable")
    scores, labels = scores[order], labels[order]
    # The last index of each run of equal scores: a threshold admits
    # the whole run at once.
    last = np.flatnonzero(np.diff(scores) != 0)
    last = np.append(last, scores.size - 1)
    tp = np.cumsum(labels)[last]  # true positives with score >= threshold
    fp = (last + 1) - tp  # everything else admitted is a false positive
    tpr = np.concatenate([[0.0], tp / tp[-1]])
    fpr = np.concatenate([[0.0], fp / fp[-1]])
    return fpr, tpr, np.concatenate([[np.inf], scores[last]])


def roc_auc(scores, labels):
    """The area under the ROC curve, computed exactly from the ranks of the scores.

    AUC = (sum of the positives' ranks - P (P + 1) / 2) / (P N), ranks counted from 1 in
    increasing score order, tied scores sharing their average rank. This is the probability
    that a random positive scores above a random negative, ties counting one half, and it
    equals the trapezoid rule on the exact ROC curve.

    Parameters
    ----------
    scores : array_like, 1-D
        The classifier's scores.
    labels : array_like, 1-D
        The true classes, 0 or 1, both present.

    Returns
    -------
    float
        In [0, 1]: 1 ranks every positive above every negative, 0.5 is a coin toss.

    Examples
    --------
    >>> roc_auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    0.75
    """
    scores, labels = _validate(scores, labels)
    values, index, counts = np.unique(
        scores, return_inverse=True, return_counts=True
    )
    # Equal scores share the mean of the ranks they occupy:
    # below + (count + 1) / 2.
    below = np.cumsum(counts) - counts
    ranks = (below + (counts + 1) / 2)[index]
    P = labels.sum()
    N = labels.size - P
    U = (
        ranks[labels == 1].sum() - P * (P + 1) / 2
    )  # the Mann–Whitney U of the positives
    return float(U / (P * N))


def synthetic_classifier(seed=42, n=100):
    """Scores and labels of a made-up classifier: n Beta(5, 2) scores, noisy labels.

    The label is 1 where score + N(0, 0.3) noise exceeds 0.5, so high scores are mostly, not
    always, positive. The legacy ``RandomState`` generator is used because, seeded with 42, it
    draws the numbers of the source text this chapter checks.

    Parameters
    ----------
    seed : int, optional
        The seed of the generator.
    n : int, optional
        The number of examples.

    Returns
    -------
    scores : ndarray of float
    labels : ndarray of int

    Examples
    --------
    >>> scores, labels = synthetic_classifier()
    >>> int(labels.sum()), int((1 - labels).sum())
    (77, 23)
    """
    n = check_positive_int(n, "n")
    integer = isinstance(seed, numbers.Integral) and not isinstance(seed, bool)
    if not integer or seed < 0:
        raise ValueError(
            f"`seed` must be a non-negative integer, got {seed!r}"
        )
    rng = np.random.RandomState(seed)
    scores = rng.beta(5, 2, size=n)
    labels = (scores + rng.normal(0, 0.3, size=n) > 0.5).astype(int)
    return scores, labels
