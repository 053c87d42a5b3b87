"""Jacobian and Hessian by extrapolated central differences, and what the Hessian says.

Shapes follow the inputs: the Jacobian of ``f: R^n -> R^m`` is ``(m, n)``, the Hessian of
``f: R^n -> R`` is ``(n, n)``.
"""

import numpy as np

from snippets._core.checks import check_callable, check_point, check_step
from snippets._core.definiteness import classify_by_eigenvalues
from snippets._core.differences import extrapolated_hessian, extrapolated_jacobian

__all__ = ["jacobian", "hessian", "classify_hessian"]


def jacobian(f, x, h=None):
    """Jacobian ``J[i, j] = df_i/dx_j`` by extrapolated central differences.

    Column ``j`` is ``(f(x + h e_j) - f(x - h e_j)) / (2h)`` at the steps ``h, h/2, ...,
    h/2**7``, extrapolated to a zero step as in `gradient`.

    Parameters
    ----------
    f : callable
        Function of one point, shaped like `x`, returning a scalar or an array of shape (m,).
    x : float or array_like of shape (n,)
        Point at which to differentiate.
    h : float, optional
        Largest step. Default: ``0.1 * max(1, |x_j|)`` for coordinate ``j``.

    Returns
    -------
    numpy.ndarray
        Shape ``f(x).shape + x.shape``: ``(m, n)`` for a vector function of a vector, ``(n,)``
        (the gradient) for a scalar function, ``(m,)`` for a vector function of a scalar, a
        float for a scalar function of a scalar.

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `h` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array, `x` or `h` is not finite, `h` is not positive, or
        `f` returns an array of more than one dimension or a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> polar = lambda v: np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1])])
    >>> J = jacobian(polar, [2.0, 0.0])
    >>> print(J.shape, np.round(J, 12).tolist())
    (2, 2) [[1.0, 0.0], [0.0, 2.0]]
    """
    check_callable(f)
    x = check_point(x)
    return extrapolated_jacobian(f, x, h)

def hessian(f, x, h=None):
    """Hessian ``H[i, j] = d2f/dx_i dx_j`` of a scalar function by extrapolated differences.

    ``H[i, j] ~ (f(x+h_i e_i+h_j e_j) - f(x+h_i e_i-h_j e_j) - f(x-h_i e_i+h_j e_j)
    + f(x-h_i e_i-h_j e_j)) / (4 h_i h_j)``, with error O(h**2) and an even error series, so it
    is extrapolated over the steps ``h, h/2, ..., h/2**5`` like `gradient`. For ``i = j`` the
    formula is the second central difference with step ``2 h_i``.

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    x : float or array_like of shape (n,)
        Point at which to differentiate.
    h : float, optional
        Largest step. Default: ``0.1 * max(1, |x_i|)`` for coordinate ``i``.

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)``, symmetric; a float (the second derivative) for a scalar `x`.

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `h` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array, `x` or `h` is not finite, `h` is not positive, or
        `f` returns a non-scalar or a non-finite value.

    Notes
    -----
    Costs ``4 * 6 * n (n + 1) / 2`` evaluations of `f`: ``O(n**2)``. The rounding error of a
    second difference is ``eps * |f| / h**2``, so the smallest step stays above ``h / 32``.

    Examples
    --------
    >>> import numpy as np
    >>> H = hessian(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [1.0, 1.0])
    >>> print(H.shape, np.round(H, 10).tolist())
    (2, 2) [[2.0, 3.0], [3.0, 2.0]]
    """
    check_callable(f)
    x = check_point(x)
    return extrapolated_hessian(f, x, h)

def classify_hessian(H, tol=1e-6):
    """Classify a critical point by the eigenvalues of its Hessian.

    All eigenvalues ``> tol``: ``"minimum"``; all ``< -tol``: ``"maximum"``; some ``> tol`` and
    some ``< -tol``: ``"saddle"``; otherwise (an eigenvalue within `tol` of 0, the others of one
    sign): ``"inconclusive"``.

    Parameters
    ----------
    H : array_like of shape (n, n)
        Symmetric Hessian at a critical point.
    tol : float, optional
        Eigenvalues with ``|lambda| <= tol`` count as zero.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If `H` is not a real array or `tol` is not a real number.
    ValueError
        If `H` is not square, not symmetric or not finite, or `tol` is not a positive finite
        number.

    Examples
    --------
    >>> classify_hessian([[2.0, 3.0], [3.0, 2.0]])  # eigenvalues 5 and -1
    'saddle'
    >>> classify_hessian([[2.0, 0.0], [0.0, 0.0]])  # x**2 + y**4 or x**2 - y**4?
    'inconclusive'
    """
    H = check_point(H, "H", ndim=(2,))
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"`H` must be a square matrix, got shape {H.shape}")
    if not np.allclose(H, H.T, rtol=1e-8, atol=1e-12):
        raise ValueError("`H` must be symmetric")
    tol = check_step(tol, "tol")
    return classify_by_eigenvalues(H, tol)
