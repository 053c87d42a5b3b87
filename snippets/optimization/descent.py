"""Gradient descent: on a function given by its gradient, and on a network.

``gradient_descent`` returns the whole path x_0, ..., x_T, so that a page can
print it and a figure can draw it; ``train`` runs the same update on an MLP's
parameters, with a full batch or mini-batches, and a fixed learning rate or one
per step (a schedule).
"""

import numbers

import numpy as np

from snippets._core.checks import (
    check_callable,
    check_labelled_rows,
    check_network,
    check_point,
    check_positive_int,
    check_rng,
    check_step,
)
from snippets.optimization.losses import cross_entropy

__all__ = ["gradient_descent", "train", "lr_slider_data"]


def gradient_descent(grad, x0, lr, steps):
    """Run x_(t+1) = x_t - lr grad(x_t) for ``steps`` steps; return x_0 .. x_T.

    Parameters
    ----------
    grad : callable
        The gradient, ``grad(x)``, shaped like ``x``.
    x0 : float or 1-D array
        The starting point.
    lr : float
        The learning rate, a positive finite number.
    steps : int
        The number of steps T, 0 or more.

    Returns
    -------
    ndarray
        The iterates, shape ``(steps + 1,)`` for a scalar ``x0``, ``(steps + 1,
        n)`` for ``n`` coordinates.

    Raises
    ------
    ValueError
        If an iterate is no longer finite (the steps diverged: lower ``lr``).

    Examples
    --------
    >>> path = gradient_descent(lambda x: 2 * x, 5.0, lr=0.1, steps=3)
    >>> path.round(6).tolist()
    [5.0, 4.0, 3.2, 2.56]
    """
    check_callable(grad, "grad")
    x = check_point(x0, "x0")
    if x.size == 0:
        raise ValueError(f"`x0` must not be empty, got shape {x.shape}")
    lr = check_step(lr, "lr")
    if (
        isinstance(steps, bool)
        or not isinstance(steps, numbers.Integral)
        or steps < 0
    ):
        raise ValueError(f"`steps` must be an integer >= 0, got {steps!r}")
    path = np.empty((steps + 1,) + x.shape)
    path[0] = x
    for t in range(steps):
        # A diverging run overflows: let it, and say so below.
        with np.errstate(over="ignore", invalid="ignore"):
            g = _as_gradient(grad(path[t]))
            if g.shape != x.shape:
                raise ValueError(
                    f"`grad` must return an array of shape {x.shape}, got "
                    f"{g.shape}"
                )
            # step against the gradient: downhill
            path[t + 1] = path[t] - lr * g
        if not np.all(np.isfinite(path[t + 1])):
            raise ValueError(
                f"the iterates diverged: x_{t + 1} is not finite; lower `lr` "
                f"(got {lr!r})"
            )
    return path


def _as_gradient(g):
    """What ``grad`` returned, as a float array; raise naming ``grad``."""
    message = "`grad` must return a real number or array, got "
    if g is None or isinstance(g, (bool, str, bytes)):
        raise TypeError(message + type(g).__name__)
    try:
        return np.asarray(g, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(message + type(g).__name__) from None


def _learning_rates(lr, steps):
    """One rate per step: ``lr`` repeated, or the schedule ``lr``, an array."""
    if isinstance(lr, numbers.Real) and not isinstance(lr, bool):
        return np.full(steps, check_step(lr, "lr"))
    lrs = check_point(lr, "lr", ndim=(1,))
    if lrs.shape != (steps,) or np.any(lrs <= 0):
        raise ValueError(
            f"`lr` must be a positive number or {steps} positive numbers, one "
            f"per step"
        )
    return lrs


def train(net, X, y, lr, steps, batch_size=None, rng=None):
    """Train the classifier ``net`` by (mini-batch) gradient descent.

    Each step takes a batch, computes the mean cross-entropy of ``net``'s
    logits on it, its gradient by backpropagation, and updates every parameter
    p <- p - lr_t dL/dp in place. With ``batch_size=None`` the batch is all of
    ``X`` (gradient descent); otherwise the rows are shuffled once an epoch and
    cut into batches of ``batch_size`` (the last one may be smaller), as
    PyTorch's ``DataLoader(shuffle=True)`` does.

    Parameters
    ----------
    net : MLP
        Its ``forward(X)`` gives logits of shape ``(n, k)``; trained in place.
    X : ndarray, shape (n, d)
    y : ndarray of int, shape (n,)
        Class labels in [0, k).
    lr : float or 1-D array
        The learning rate, or one rate per step (a schedule, e.g.
        ``cosine_annealing_lr``).
    steps : int
        Number of updates.
    batch_size : int or None
        Rows per batch; None for the whole data set.
    rng : numpy.random.Generator, int or None
        Shuffles the batches.

    Returns
    -------
    ndarray, shape (steps,)
        The loss of the batch of each step, before its update. If the loss
        stops being finite (the learning rate is too large: training diverged),
        the remaining entries are ``inf``.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
    >>> losses = train(MLP([2, 2], rng=0), X, y, lr=0.5, steps=50)
    >>> bool(losses[-1] < losses[0] / 4)
    True
    """
    check_network(net, "forward", "backward", "parameters")
    X, y = check_labelled_rows(X, y)
    steps = check_positive_int(steps, "steps")
    lrs = _learning_rates(lr, steps)
    n = X.shape[0]
    if batch_size is not None:
        batch_size = check_positive_int(batch_size, "batch_size")
        if batch_size > n:
            raise ValueError(
                f"`batch_size` must be at most the number of rows {n}, got "
                f"{batch_size}"
            )
    rng = check_rng(rng)
    losses = np.full(steps, np.inf)
    batches = []
    for t in range(steps):
        if batch_size is None:
            rows = slice(None)
        else:
            if not batches:  # a new epoch: a new order of the rows
                order = rng.permutation(n)
                batches = [
                    order[i : i + batch_size] for i in range(0, n, batch_size)
                ][::-1]
            rows = batches.pop()
        # A diverging run overflows: let it, and stop at the first loss that
        # is not finite.
        with np.errstate(over="ignore", invalid="ignore"):
            Z = net.forward(X[rows])
            if not np.all(np.isfinite(Z)):
                break
            loss, dZ = cross_entropy(Z, y[rows])
            if not np.isfinite(loss):
                break
            losses[t] = loss
            net.backward(dZ)
            for p, g in zip(net.parameters(), net.gradients()):
                p -= lrs[t] * g
    return losses


def lr_slider_data(x0=5.0, steps=12, lrs=None):
    """The frames of the learning-rate slider: gradient descent on x^2.

    Returns a dict that ``json.dumps`` writes as the figure's data: the curve
    of f on [-8, 8], and for each learning rate its iterates ``x`` and their
    values ``f`` (``gradient_descent`` with grad f = 2x). The default rates run
    from 0.02 to 1.1 in steps of 0.02: convergence, the one-step minimum at
    0.5, oscillation, and divergence past 1.

    Examples
    --------
    >>> data = lr_slider_data(steps=2, lrs=[0.25, 0.5])
    >>> [frame["x"] for frame in data["frames"]]
    [[5.0, 2.5, 1.25], [5.0, 0.0, 0.0]]
    """
    x0 = float(check_point(x0, "x0", ndim=(0,)))
    steps = check_positive_int(steps, "steps")
    if lrs is None:
        lrs = np.round(np.arange(1, 56) * 0.02, 2)  # 0.02, 0.04, ..., 1.10
    lrs = [
        check_step(float(lr), "lrs")
        for lr in check_point(lrs, "lrs", ndim=(1,))
    ]
    if not lrs:
        raise ValueError(
            "`lrs` must hold at least one learning rate, got none"
        )
    curve = np.linspace(-8, 8, 161)
    frames = []
    for lr in lrs:
        x = gradient_descent(lambda x: 2 * x, x0, lr, steps)
        frames.append({"lr": float(lr), "x": x.tolist(), "f": (x**2).tolist()})
    return {
        "function": "f(x) = x^2",
        "x0": float(x0),
        "steps": steps,
        "curve": {"x": curve.tolist(), "f": (curve**2).tolist()},
        "frames": frames,
    }
