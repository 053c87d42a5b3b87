"""Partial derivatives and gradients by finite differences, and the gradient check.

The plain estimate (`central_gradient`) differences each coordinate once; the accurate one
(`gradient`) differences each coordinate at several steps and extrapolates to a zero step.
"""

import numpy as np

from ._checks import check_callable, check_finite_value, check_point, check_step

__all__ = ["central_gradient", "gradient", "check_gradient"]


# --8<-- [start:central_gradient]
def central_gradient(f, x, h=None):
# --8<-- [end:central_gradient]
    """Gradient of a scalar function by central differences, one coordinate at a time.

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    x : float or array_like of shape (n,)
        Point at which to differentiate.
    h : float, optional
        Step. Default: ``eps**(1/3) * max(1, |x_i|)`` for coordinate ``i`` (about 6e-6 near 1),
        which balances the truncation error ``h**2`` against the rounding error ``eps / h``.

    Returns
    -------
    numpy.ndarray
        Shape of `x`: ``(n,)``; a float for a scalar `x`.

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `h` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array, `x` or `h` is not finite, `h` is not positive,
        or `f` returns a non-scalar or a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> g = central_gradient(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [1.0, 1.0])
    >>> print(np.round(g, 6))
    [5. 5.]
    """
# --8<-- [start:central_gradient_body]
    check_callable(f)
    x = check_point(x)
    h = _steps(x, h, np.finfo(float).eps ** (1 / 3))
    e = np.eye(x.size) * h  # row i is the step h_i along coordinate i
    xf = x.ravel()
    # df/dx_i ~ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), error O(h**2)
    up = _values(f, xf + e, x.shape)
    down = _values(f, xf - e, x.shape)
    return _result((up - down) / (2 * h), x.shape)
# --8<-- [end:central_gradient_body]


# --8<-- [start:helpers]
def _steps(x, h, scale):
    """One step per coordinate: `h` if given, else ``scale * max(1, |x_i|)``.
    """
    if h is not None:
        return np.full(x.size, check_step(h))
    return scale * np.maximum(1.0, np.abs(x.ravel()))


def _values(f, points, shape, out_ndim=0):
    """``f`` at each row of ``points`` (reshaped to ``shape``), as an array.

    A loop: ``f`` takes one point, so any Python function of a vector can be
    differentiated.
    """
    values = []
    for p in points:
        p = p.reshape(shape)
        value = np.asarray(f(p), dtype=float)
        if out_ndim == 0 and value.ndim != 0:
            raise ValueError(
                "`f` must return a scalar, "
                f"got an array of shape {value.shape}"
            )
        if value.ndim > out_ndim:
            raise ValueError(
                "`f` must return a scalar or a 1-D array, "
                f"got an array of shape {value.shape}"
            )
        check_finite_value(value.tolist(), f"x = {p.tolist()!r}")
        values.append(value)
    return np.array(values)


def _result(array, shape):
    """``array`` reshaped to ``shape``; a plain float when ``shape`` is ``()``.
    """
    array = np.reshape(array, shape)
    return float(array) if array.ndim == 0 else array
# --8<-- [end:helpers]


# --8<-- [start:richardson]
LEVELS = 8  # steps h, h/2, ..., h/2**7


def _richardson(D):
# --8<-- [end:richardson]
    """Extrapolate ``D[k] = d + c_1 h_k**2 + c_2 h_k**4 + ...``, ``h_k = h / 2**k``, to ``h = 0``.

    Neville's tableau (Ridders' method): entry ``m`` of row ``k`` removes the ``h**(2m)`` term by
    ``T[k, m] = T[k, m-1] + (T[k, m-1] - T[k-1, m-1]) / (4**m - 1)``. Each entry's error is
    estimated by its distance to its two parents; the entry with the smallest estimate is
    returned, element by element, so rounding at small steps never wins over a clean entry.
    """
# --8<-- [start:richardson_body]
    D = np.asarray(D, dtype=float)
    best, error = D[0], np.full(D.shape[1:], np.inf)
    previous = [D[0]]  # row k - 1 of the tableau
    for k in range(1, len(D)):
        row = [D[k]]
        for m in range(1, k + 1):
            # T[k, m] = T[k, m-1] + (T[k, m-1] - T[k-1, m-1]) / (4**m - 1)
            row.append(
                row[m - 1] + (row[m - 1] - previous[m - 1]) / (4**m - 1)
            )
            # Error estimate: the distance to its two parents.
            estimate = np.maximum(
                abs(row[m] - row[m - 1]),
                abs(row[m] - previous[m - 1]),
            )
            better = estimate < error
            best = np.where(better, row[m], best)
            error = np.where(better, estimate, error)
        previous = row
    return best
# --8<-- [end:richardson_body]


# --8<-- [start:gradient]
def gradient(f, x, h=None):
# --8<-- [end:gradient]
    """Gradient of a scalar function, accurate to about 1e-13: extrapolated central differences.

    Each partial derivative is estimated by central differences at the steps
    ``h, h/2, ..., h/2**7`` and the estimates are extrapolated to a zero step (Richardson).

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    x : float or array_like of shape (n,)
        Point at which to differentiate.
    h : float, optional
        Largest step. Default: ``0.1 * max(1, |x_i|)`` for coordinate ``i``. `f` must be
        defined within that distance of `x`.

    Returns
    -------
    numpy.ndarray
        Shape of `x`: ``(n,)``; a float for a scalar `x`.

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `h` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array, `x` or `h` is not finite, `h` is not positive,
        or `f` returns a non-scalar or a non-finite value.

    Notes
    -----
    Costs ``2 * 8 * n`` evaluations of `f`. The large first step keeps the rounding error
    ``eps * |f| / h`` small; the extrapolation removes the truncation error that a large step
    brings.

    Examples
    --------
    >>> import numpy as np
    >>> g = gradient(lambda v: np.exp(v[0]) * np.sin(v[1]), [0.0, np.pi / 2])
    >>> print(np.round(g, 12))
    [1. 0.]
    """
# --8<-- [start:gradient_body]
    check_callable(f)
    x = check_point(x)
    # Row k holds the steps h_i / 2**k: shape (LEVELS, n).
    h = _steps(x, h, 0.1) / 2.0 ** np.arange(LEVELS)[:, None]
    xf = x.ravel()
    D = []
    for hk in h:
        e = np.eye(x.size) * hk
        up, down = _values(f, xf + e, x.shape), _values(f, xf - e, x.shape)
        D.append((up - down) / (2 * hk))
    return _result(_richardson(D), x.shape)
# --8<-- [end:gradient_body]


# --8<-- [start:check_gradient]
def check_gradient(f, grad_f, x):
# --8<-- [end:check_gradient]
    """Relative error between an analytic gradient and the numerical `gradient`.

    ``|g - g_num| / max(|g|, |g_num|)`` in the Euclidean norm, ``0`` when both are zero.
    Below about 1e-8 the analytic gradient is right; above 1e-4 it almost surely has a bug.

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    grad_f : callable
        Its claimed gradient: returns an array shaped like `x`.
    x : float or array_like of shape (n,)
        Point at which to compare.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If `f` or `grad_f` is not callable, or `x` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array or not finite, `grad_f` returns an array of the
        wrong shape or a non-finite value, or `f` returns a non-scalar or non-finite value.

    Examples
    --------
    >>> f = lambda v: v[0] ** 2 + v[1] ** 2
    >>> print(check_gradient(f, lambda v: 2 * v, [3.0, 4.0]) < 1e-12)
    True
    >>> print(f"{check_gradient(f, lambda v: v, [3.0, 4.0]):.2f}")
    0.50
    """
# --8<-- [start:check_gradient_body]
    check_callable(f)
    check_callable(grad_f, "grad_f")
    x = check_point(x)
    g = np.asarray(grad_f(x), dtype=float)
    if g.shape != x.shape:
        raise ValueError(
            "`grad_f` must return an array of the shape of `x`, "
            f"{x.shape}, got {g.shape}"
        )
    check_finite_value(g.tolist(), f"x = {x.tolist()!r}", "grad_f")
    g_num = gradient(f, x)
    # |g - g_num| / max(|g|, |g_num|)
    scale = max(np.linalg.norm(g), np.linalg.norm(g_num))
    return 0.0 if scale == 0 else float(np.linalg.norm(g - g_num) / scale)
# --8<-- [end:check_gradient_body]
