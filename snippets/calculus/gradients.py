"""Partial derivatives and gradients by finite differences, and the gradient check.

The plain estimate (`central_gradient`) differences each coordinate once; the accurate one
(`gradient`) differences each coordinate at several steps and extrapolates to a zero step.
"""

import numpy as np

from snippets._core.checks import check_callable
from snippets._core.differences import (
    as_result, check_step_moves_x, extrapolated_jacobian, function_value, nonempty_point, steps,
    values,
)



__all__ = ["central_gradient", "gradient", "check_gradient"]


def central_gradient(f, x, h=None):
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
        If `f` is not callable or returns a non-number, or `x` or `h` is not a real number or
        array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `h` is not positive or so
        small that ``x ± h == x``, or `f` returns a non-scalar or a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> g = central_gradient(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [1.0, 1.0])
    >>> print(np.round(g, 6))
    [5. 5.]
    """
    check_callable(f)
    x = nonempty_point(x)
    h = steps(x, h, np.finfo(float).eps ** (1 / 3))
    check_step_moves_x(x.ravel(), h)
    e = np.eye(x.size) * h  # row i is the step h_i along coordinate i
    xf = x.ravel()
    # df/dx_i ~ (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i), error O(h**2)
    up = values(f, xf + e, x.shape)
    down = values(f, xf - e, x.shape)
    return as_result((up - down) / (2 * h), x.shape)


def gradient(f, x, h=None):
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
        Largest step. Default: ``0.1``, and where ``|x_i| > 1`` also ``0.1 |x_i|``, the larger
        kept only where it agrees with the smaller and reports a smaller error; a default step
        that leaves the domain of `f` (a non-finite value at ``x ± h e_i``) shrinks until it
        fits. A given `h` is used as it is.

    Returns
    -------
    numpy.ndarray
        Shape of `x`: ``(n,)``; a float for a scalar `x`.

    Raises
    ------
    TypeError
        If `f` is not callable or returns a non-number, or `x` or `h` is not a real number or
        array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `h` is not positive or so
        small that ``x ± h/128 == x``, or `f` returns a non-scalar or a non-finite value.

    Warns
    -----
    AccuracyWarning
        If the estimate's own error estimate says it is poor.

    Notes
    -----
    Costs ``2 * 8 * n`` evaluations of `f` (up to twice that where some ``|x_i| > 1``). The large
    first step keeps the rounding error ``eps * |f| / h`` small; the extrapolation removes
    the truncation error that a large step brings.

    Examples
    --------
    >>> import numpy as np
    >>> g = gradient(lambda v: np.exp(v[0]) * np.sin(v[1]), [0.0, np.pi / 2])
    >>> print(np.round(g, 12) + 0.0)  # + 0.0 turns a rounded -0.0 into 0.0
    [1. 0.]
    """
    check_callable(f)
    x = nonempty_point(x)
    # The gradient of a scalar function is its Jacobian.
    return extrapolated_jacobian(f, x, h, out_ndim=0)


def check_gradient(f, grad_f, x):
    """Relative error between an analytic gradient and the numerical `gradient`.

    ``|g - g_num| / max(|g|, |g_num|, 1e10 u)`` in the Euclidean norm, where ``u`` is the
    numerical gradient's own uncertainty (its error estimate, or the round-off of its smallest
    step). Near a stationary point both gradients are tiny and their plain relative error is
    noise, up to 1; with the floor, a difference no larger than ``u`` comes out below 1e-10.
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
        If `f` or `grad_f` is not callable or returns a non-number, or `x` is not a real number
        or array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `grad_f` returns an array of
        the wrong shape or a non-finite value, or `f` returns a non-scalar or non-finite value.

    Examples
    --------
    >>> f = lambda v: v[0] ** 2 + v[1] ** 2
    >>> print(check_gradient(f, lambda v: 2 * v, [3.0, 4.0]) < 1e-12)
    True
    >>> print(f"{check_gradient(f, lambda v: v, [3.0, 4.0]):.2f}")
    0.50
    >>> print(check_gradient(f, lambda v: 2 * v, [0.0, 0.0]) < 1e-10)  # a stationary point
    True
    """
    check_callable(f)
    check_callable(grad_f, "grad_f")
    x = nonempty_point(x)
    g = function_value(grad_f(x), f"x = {x.tolist()!r}", name="grad_f")
    if g.shape != x.shape:
        raise ValueError(
            "`grad_f` must return an array of the shape of `x`, "
            f"{x.shape}, got {g.shape}"
        )
    g_num, u = extrapolated_jacobian(f, x, out_ndim=0, with_error=True)
    # |g - g_num| / max(|g|, |g_num|, 1e10 u): differences within the
    # uncertainty u of g_num are not errors
    scale = max(np.linalg.norm(g), np.linalg.norm(g_num),
                1e10 * np.linalg.norm(u))
    return 0.0 if scale == 0 else float(np.linalg.norm(g - g_num) / scale)
