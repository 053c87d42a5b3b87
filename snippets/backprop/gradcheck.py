"""Gradient checking: compare a backward pass with central differences of the loss."""

import numbers

import numpy as np

from snippets._core.checks import check_callable, check_finite_value, check_step
from snippets._core.errors import relative_error

# relative_error lives in the package's core (the calculus part uses it too); this chapter teaches it.
__all__ = ["numerical_grad", "relative_error", "gradcheck"]


def numerical_grad(f, x, h=1e-6):
    """Central-difference estimate of the gradient of ``f()`` with respect to ``x``.

    ``f`` takes no argument and reads the array ``x`` (for a network: a weight
    matrix it uses), so ``x`` is changed in place, one entry at a time, and restored.

    Parameters
    ----------
    f : callable
        ``f() -> float``, the loss.
    x : numpy.ndarray of float64, any shape
        The parameter; double precision, as the differences are of nearby numbers.
    h : float, optional
        The step.

    Returns
    -------
    numpy.ndarray
        The estimate, shaped like ``x``.

    Examples
    --------
    >>> x = np.array([1.0, 2.0])
    >>> np.round(numerical_grad(lambda: np.sum(x**3), x), 6)  # 3 x^2
    array([ 3., 12.])
    """
    check_callable(f, "f")
    h = check_step(h, "h")
    if not (isinstance(x, np.ndarray) and x.dtype == np.float64):
        raise TypeError(
            "`x` must be a float64 NumPy array (it is changed in place), "
            f"got {x!r}"
        )
    grad = np.empty_like(x)
    # A loop, not vectorised: every entry needs two evaluations of its own.
    for i in np.ndindex(x.shape):
        old = x[i]
        try:
            x[i] = old + h
            f_plus = _scalar(f(), i)
            x[i] = old - h
            f_minus = _scalar(f(), i)
        finally:
            x[i] = old  # restored even when f raises
        grad[i] = (f_plus - f_minus) / (2 * h)  # error O(h^2)
    return grad


def _scalar(value, i):
    """The loss ``value`` as a float; raise naming ``f`` unless it is a finite real number."""
    if isinstance(value, bool) or not isinstance(value, (numbers.Real, np.ndarray)) \
            or np.ndim(value) != 0:
        raise TypeError(f"`f` must return a real number, got {type(value).__name__} {value!r}")
    check_finite_value(value, f"entry {i} of x", "f")
    return float(value)


def gradcheck(f, params, grads, h=1e-6):
    """Relative error of each gradient in ``grads`` against central differences.

    Parameters
    ----------
    f : callable
        ``f() -> float``, the loss, reading the arrays in ``params``.
    params, grads : sequences of float64 arrays
        Parameters, and the gradients a backward pass computed for them, in order.
    h : float, optional
        The step of the central differences.

    Returns
    -------
    list of float
        One relative error per parameter array. In double precision, below about
        1e-7 means the backward pass is right; a bug gives 1e-2 to 1.

    Examples
    --------
    >>> w = np.array([0.5, -1.0])
    >>> errors = gradcheck(lambda: np.sum(np.sin(w)), [w], [np.cos(w)])
    >>> errors[0] < 1e-9
    True
    """
    check_callable(f, "f")
    grads = _check_lists(params, grads)  # a NaN gradient raises: it would pass
    # numerical_grad changes each p in place, then restores it
    return [relative_error(g, numerical_grad(f, p, h))
            for p, g in zip(params, grads)]


def _check_lists(params, grads):
    """``grads`` as finite float arrays, one per float64 array of ``params``, same shapes."""
    for name, arrays in (("params", params), ("grads", grads)):
        if not isinstance(arrays, (list, tuple)):
            raise TypeError(f"`{name}` must be a list or tuple of arrays, "
                            f"got {type(arrays).__name__}")
    if len(params) != len(grads):
        raise ValueError(f"`grads` must have one array per parameter "
                         f"({len(params)}), got {len(grads)}")
    checked = []
    for i, (p, g) in enumerate(zip(params, grads)):
        if not isinstance(p, np.ndarray) or p.dtype != np.float64:
            raise TypeError(f"`params[{i}]` must be a float64 NumPy array (it is changed in "
                            f"place), got {type(p).__name__}")
        g = _gradient(g, i)
        if g.shape != p.shape:
            raise ValueError(f"`grads[{i}]` must have the shape of `params[{i}]` "
                             f"{p.shape}, got {g.shape}")
        checked.append(g)
    return checked


def _gradient(g, i):
    """``grads[i]`` as a finite float array: a NaN gradient must never pass a check."""
    if g is None or isinstance(g, (str, bytes)):
        raise TypeError(f"`grads[{i}]` must be an array, got {type(g).__name__}")
    try:
        g = np.asarray(g, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`grads[{i}]` must be an array, got {type(g).__name__}") from None
    if not np.all(np.isfinite(g)):
        raise ValueError(f"`grads[{i}]` must be finite (no NaN or infinity)")
    return g
