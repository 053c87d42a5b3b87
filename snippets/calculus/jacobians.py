"""Jacobian and Hessian by extrapolated central differences, and what the Hessian says.

Shapes follow the inputs: the Jacobian of ``f: R^n -> R^m`` is ``(m, n)``, the Hessian of
``f: R^n -> R`` is ``(n, n)``.
"""

import numpy as np

from snippets._core.checks import check_callable, check_step
from snippets._core.definiteness import classify_by_eigenvalues
from snippets._core.differences import (
    extrapolated_hessian, extrapolated_jacobian, nonempty_point,
)

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
        Largest step. Default: as in `gradient` (``0.1``, and ``0.1 |x_j|`` where that is larger
        and agrees; shrunk where `f` is not finite).

    Returns
    -------
    numpy.ndarray
        Shape ``f(x).shape + x.shape``: ``(m, n)`` for a vector function of a vector, ``(n,)``
        (the gradient) for a scalar function, ``(m,)`` for a vector function of a scalar, a
        float for a scalar function of a scalar.

    Raises
    ------
    TypeError
        If `f` is not callable or returns a non-number, or `x` or `h` is not a real number or
        array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `h` is not positive or so
        small that ``x ± h/128 == x``, or `f` returns an array of more than one dimension or a
        non-finite value.

    Warns
    -----
    AccuracyWarning
        If the estimate's own error estimate says it is poor.

    Examples
    --------
    >>> import numpy as np
    >>> polar = lambda v: np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1])])
    >>> J = jacobian(polar, [2.0, 0.0])
    >>> print(J.shape, np.round(J, 12).tolist())
    (2, 2) [[1.0, 0.0], [0.0, 2.0]]
    """
    check_callable(f)
    x = nonempty_point(x)
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
        Largest step. Default: as in `gradient` (``0.1``, and ``0.1 |x_i|`` where that is larger
        and agrees; shrunk where `f` is not finite at ``x ± 2h e_i``).

    Returns
    -------
    numpy.ndarray
        Shape ``(n, n)``, symmetric; a float (the second derivative) for a scalar `x`.

    Raises
    ------
    TypeError
        If `f` is not callable or returns a non-number, or `x` or `h` is not a real number or
        array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `h` is not positive or so
        small that ``x ± h/32 == x``, or `f` returns a non-scalar or a non-finite value.

    Warns
    -----
    AccuracyWarning
        If the estimate's own error estimate says it is poor.

    Notes
    -----
    Costs ``12 n**2 + 1`` evaluations of `f` (per step: 4 per pair ``i < j``, 2 per diagonal
    entry, and ``f(x)`` once), up to twice that where some ``|x_i| > 1``: ``O(n**2)``. The
    rounding error of a second difference is ``eps * |f| / h**2``, so the smallest step stays
    above ``h / 32``.

    Examples
    --------
    >>> import numpy as np
    >>> H = hessian(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [1.0, 1.0])
    >>> print(H.shape, np.round(H, 10).tolist())
    (2, 2) [[2.0, 3.0], [3.0, 2.0]]
    """
    check_callable(f)
    x = nonempty_point(x)
    return extrapolated_hessian(f, x, h)

def classify_hessian(H, rtol=1e-6):
    """Classify a critical point by the eigenvalues of its Hessian.

    An eigenvalue counts as zero when ``|lambda| <= rtol * max|lambda|``: the test is relative,
    so it gives the same verdict whatever the units of ``f`` and ``x``. All the others positive:
    ``"minimum"``; all negative: ``"maximum"``; some of each: ``"saddle"``; otherwise (a zero
    eigenvalue, the others of one sign, or ``H = 0``): ``"inconclusive"``.

    Parameters
    ----------
    H : array_like of shape (n, n)
        Symmetric Hessian at a critical point.
    rtol : float, optional
        Eigenvalues with ``|lambda| <= rtol * max|lambda|`` count as zero.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If `H` is not a real array or `rtol` is not a real number.
    ValueError
        If `H` is empty, not square, not symmetric or not finite, or `rtol` is not a positive
        finite number.

    Examples
    --------
    >>> classify_hessian([[2.0, 3.0], [3.0, 2.0]])  # eigenvalues 5 and -1
    'saddle'
    >>> classify_hessian([[2.0, 0.0], [0.0, 0.0]])  # x**2 + y**4 or x**2 - y**4?
    'inconclusive'
    >>> classify_hessian([[2e-9, 0.0], [0.0, 3e-9]])  # small, and positive definite
    'minimum'
    """
    H = nonempty_point(H, "H", ndim=(2,))
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"`H` must be a square matrix, got shape {H.shape}")
    # symmetric up to round-off relative to the size of H
    if not np.allclose(H, H.T, rtol=1e-8, atol=1e-12 * np.max(np.abs(H))):
        raise ValueError("`H` must be symmetric")
    rtol = check_step(rtol, "rtol")
    return classify_by_eigenvalues(H, rtol)
