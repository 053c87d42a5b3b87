"""The practical playbook: a training loop that records what to watch, clips, and follows a schedule.

``monitored_fit`` is ``fit`` with the three habits of the chapter built in: it records the
global gradient norm of every step next to the loss, clips the gradients at a global norm when
asked (PyTorch's ``clip_grad_norm_`` rule), and sets the optimizer's learning rate from a
schedule before each step (as a PyTorch scheduler stepped once per iteration does).
"""


import numpy as np

from snippets._core.checks import (
    check_labelled_rows,
    check_network,
    check_point,
    check_positive_int,
    check_rng,
    check_step,
)
from snippets.backprop.mlp import clip_grad_norm
from snippets.optimization.losses import cross_entropy

__all__ = ["monitored_fit"]


def monitored_fit(net, X, y, opt, steps, batch_size=None, rng=None,
                  max_norm=None, lrs=None):
    """Train like ``fit``; return ``(losses, grad_norms)``, one of each per step.

    Parameters
    ----------
    net, X, y, opt, steps, batch_size, rng
        As for :func:`fit`.
    max_norm : float or None
        Clip the gradients at this global norm before each step (None: no clipping). The norm
        recorded is the one before clipping, as ``clip_grad_norm_`` returns it.
    lrs : 1-D array or None
        The learning rate of each step (a schedule such as ``warmup_cosine_lr``), set as
        ``opt.lr`` before the step; None keeps ``opt.lr``.

    Returns
    -------
    losses, grad_norms : ndarray, shape (steps,)
        If the loss stops being finite (training diverged), both are ``inf`` from there on.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> from snippets.optimization import SGD
    >>> net = MLP([2, 2], rng=0)
    >>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
    >>> losses, norms = monitored_fit(net, X, y, SGD(net.parameters(), lr=0.5), 20, max_norm=1.0)
    >>> bool(losses[-1] < losses[0]), norms.shape
    (True, (20,))
    """
    X, y, steps, batch_size, max_norm, lrs, rng = _checked(
        net, X, y, opt, steps, batch_size, rng, max_norm, lrs)
    n = X.shape[0]
    losses, norms, batches = np.full(steps, np.inf), np.full(steps, np.inf), []
    for t in range(steps):
        if batch_size is None:
            rows = slice(None)
        else:
            if not batches:  # a new epoch: a new order of the rows
                order = rng.permutation(n)
                starts = range(0, n, batch_size)
                batches = [order[i:i + batch_size] for i in starts][::-1]
            rows = batches.pop()
        with np.errstate(over="ignore", invalid="ignore"):
            Z = net.forward(X[rows])
        if not np.all(np.isfinite(Z)):
            break  # diverged: the logits overflowed
        loss, dZ = cross_entropy(Z, y[rows])
        net.backward(dZ)
        grads = net.gradients()
        # the global L2 norm, over all arrays together
        norm = float(np.sqrt(sum(np.sum(g * g) for g in grads)))
        if not np.isfinite(norm):
            break
        losses[t], norms[t] = loss, norm
        if max_norm is not None:
            clip_grad_norm(grads, max_norm)  # g <- g min(1, max_norm / ||g||)
        if lrs is not None:
            opt.lr = float(lrs[t])  # the schedule's rate for this step
        opt.step(grads)
    return losses, norms


def _checked(net, X, y, opt, steps, batch_size, rng, max_norm, lrs):
    """The arguments of ``monitored_fit``, checked and converted."""
    check_network(net, "forward", "backward", "gradients")
    X, y = check_labelled_rows(X, y)
    if not all(hasattr(opt, a) for a in ("step", "params", "lr")):
        raise TypeError(f"`opt` must be an optimizer (SGD, RMSprop, Adam, AdamW), got {type(opt).__name__}")
    steps = check_positive_int(steps, "steps")
    n = X.shape[0]
    if batch_size is not None:
        batch_size = check_positive_int(batch_size, "batch_size")
        if batch_size > n:
            raise ValueError(
                f"`batch_size` must be at most the number of rows {n}, got {batch_size}")
    if max_norm is not None:
        max_norm = check_step(max_norm, "max_norm")
    if lrs is not None:
        lrs = check_point(lrs, "lrs", ndim=(1,))
        if lrs.shape != (steps,) or np.any(lrs < 0):
            raise ValueError(f"`lrs` must hold {steps} non-negative learning rates, one per step")
    rng = check_rng(rng)
    return X, y, steps, batch_size, max_norm, lrs, rng
