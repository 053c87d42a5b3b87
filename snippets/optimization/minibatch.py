"""Batch, stochastic and mini-batch gradients of a network, and their noise.

The full-batch gradient averages the per-example gradients over all n rows; a
mini-batch gradient averages them over B rows drawn at random (B = 1:
stochastic gradient descent). Both are computed by one forward and one backward
pass of the rows they use.
"""

import numpy as np

from snippets._core.checks import (
    check_labelled_rows,
    check_network,
    check_positive_int,
    check_rng,
)
from snippets.optimization.losses import cross_entropy

__all__ = ["batch_gradient", "gradient_noise"]


def _check_data(net, X, y):
    check_network(net, "forward", "backward", "gradients")
    return check_labelled_rows(X, y)


def batch_gradient(net, X, y, rows=None):
    """The gradient of the mean cross-entropy on ``rows`` of (X, y), flattened.

    ``rows=None`` uses every row (the full-batch gradient); one index gives the
    stochastic gradient of that example; an array of B indices the mini-batch
    gradient. The vector is the arrays of ``net.gradients()`` flattened and
    joined in order.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([2, 3], rng=0)
    >>> X, y = np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([0, 2])
    >>> full = batch_gradient(net, X, y)
    >>> halves = batch_gradient(net, X, y, [0]), batch_gradient(net, X, y, [1])
    >>> full.shape, bool(np.allclose(full, (halves[0] + halves[1]) / 2))
    ((9,), True)
    """
    X, y = _check_data(net, X, y)
    if rows is not None:
        rows = np.atleast_1d(np.asarray(rows))
        if (
            rows.ndim != 1
            or rows.size == 0
            or not np.issubdtype(rows.dtype, np.integer)
        ):
            raise ValueError(
                f"`rows` must be a non-empty 1-D array of row indices, got "
                f"{rows!r}"
            )
        if rows.min() < -X.shape[0] or rows.max() >= X.shape[0]:
            raise ValueError(
                f"`rows` must index the {X.shape[0]} rows of `X`, got {rows!r}"
            )
        X, y = X[rows], y[rows]
    # dL/dZ of the mean over these rows
    _, dZ = cross_entropy(net.forward(X), y)
    net.backward(dZ)
    return np.concatenate([g.ravel() for g in net.gradients()])


def gradient_noise(net, X, y, batch_size, trials=200, rng=None):
    """Mean squared distance of a mini-batch gradient from the full gradient.

    Estimates E ||g_B - g||^2 over ``trials`` batches of ``batch_size`` rows,
    each drawn without replacement (as from one shuffled epoch). Its
    expectation is (sigma^2 / B) (n - B) / (n - 1), with sigma^2 the mean of
    ||g_i - g||^2 over the n examples: about 1/B while B is small next to n.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> rng = np.random.default_rng(0)
    >>> X, y = rng.normal(size=(50, 4)), rng.integers(0, 3, 50)
    >>> net = MLP([4, 3], rng=0)
    >>> # B = n: every batch is the whole data set, so there is no noise
    >>> gradient_noise(net, X, y, batch_size=50, trials=3, rng=0) < 1e-20
    True
    """
    X, y = _check_data(net, X, y)
    batch_size = check_positive_int(batch_size, "batch_size")
    if batch_size > X.shape[0]:
        raise ValueError(
            f"`batch_size` must be at most the number of rows {X.shape[0]}, "
            f"got {batch_size}"
        )
    trials = check_positive_int(trials, "trials")
    rng = check_rng(rng)
    g = batch_gradient(net, X, y)
    squared = [
        np.sum(
            (
                batch_gradient(
                    net,
                    X,
                    y,
                    rng.choice(X.shape[0], batch_size, replace=False),
                )
                - g
            )
            ** 2
        )
        for _ in range(trials)
    ]
    return float(np.mean(squared))
