"""Second derivatives, critical points and their classification.

``second_difference`` is the plain estimate of f''; ``critical_points`` finds every critical
point of a polynomial exactly; ``classify_critical_point`` says what kind a critical point is,
in one variable (second derivative, then the sign of f' around the point) or in several
(eigenvalues of the Hessian).
"""

import numpy as np

from snippets._core.checks import check_callable, check_finite_value, check_point, check_step
from snippets._core.definiteness import classify_by_eigenvalues
from snippets._core.differences import extrapolated_hessian, extrapolated_jacobian

__all__ = ["second_difference", "critical_points", "classify_critical_point"]


def second_difference(f, x, h=None):
    """Estimate f''(x) by the second central difference (f(x+h) - 2 f(x) + f(x-h)) / h**2.

    The error is O(h**2): the odd terms of the Taylor series of f(x + h) and f(x - h) cancel,
    and so does f'(x). The rounding error, about ``eps * |f| / h**2``, is larger than for a
    first derivative, so the best step is larger: the default ``h`` is ``eps**(1/4) *
    max(1, |x|)``, about 1.2e-4 near 1.

    Parameters
    ----------
    f : callable
        The function, ``f(x) -> float`` (vectorised if `x` is an array).
    x : float or 1-D array
        The point(s).
    h : float, optional
        The step, a positive finite number.

    Returns
    -------
    float or numpy.ndarray
        The estimate, shaped like `x`.

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `h` is not a real number or array.
    ValueError
        If `x` or `h` is not finite, `h` is not positive, or `f` returns a non-finite value.

    Examples
    --------
    >>> print(f"{second_difference(lambda x: x**3 - 3 * x, 1.0):.6f}")
    6.000000
    """
    check_callable(f)
    x = check_point(x)
    if h is None:  # round-off eps |f| / h² against truncation h²: h ~ eps^(1/4)
        h = np.finfo(float).eps ** 0.25 * np.maximum(1.0, np.abs(x))
    else:
        h = check_step(h)
    values = [f(x + h), f(x), f(x - h)]
    for value, where in zip(values, ("x + h", "x", "x - h")):
        check_finite_value(value, where)
    # f(x ± h) = f ± h f' + h²/2 f'' ± h³/6 f''' + ...:
    # in the sum, f' and f''' cancel.
    d2 = (values[0] - 2 * values[1] + values[2]) / h**2
    return float(d2) if np.ndim(d2) == 0 else np.asarray(d2, dtype=float)


def critical_points(coefficients):
    """Every real critical point of a polynomial, each once, in increasing order.

    The critical points are the real roots of the derivative; ``numpy.roots`` finds all of them
    at once (the eigenvalues of the companion matrix), where a root finder started from guesses
    can return one root twice and miss another.

    Parameters
    ----------
    coefficients : array_like of shape (d + 1,)
        Coefficients, highest power first (as in ``numpy.polyval``): ``[1, 0, -3, 0]`` is
        ``x**3 - 3x``.

    Returns
    -------
    numpy.ndarray
        Shape ``(k,)``, sorted. A root of multiplicity ``m`` is found to about ``eps**(1/m)``
        and counted once.

    Raises
    ------
    TypeError
        If `coefficients` is not a real array.
    ValueError
        If `coefficients` is not a 1-D array or not finite.

    Examples
    --------
    >>> critical_points([1, -4, 4, 0, 1]).tolist()  # x**4 - 4x**3 + 4x**2 + 1
    [0.0, 1.0, 2.0]
    """
    c = check_point(coefficients, "coefficients", ndim=(1,))
    c = np.trim_zeros(c, "f")
    roots = np.roots(np.polyder(c)) if c.size > 2 else np.array([])
    # Keep the real roots: the complex ones have no x.
    scale = np.maximum(1.0, np.abs(roots))
    real = np.sort(roots[np.abs(roots.imag) <= 1e-6 * scale].real)
    # A multiple root comes back as a cluster of nearby roots:
    # keep the first of each cluster.
    apart = np.diff(real) > 1e-6 * np.maximum(1.0, np.abs(real[1:]))
    keep = np.concatenate(([True], apart))
    return real[keep[: real.size]] + 0.0  # + 0.0 turns -0.0 into 0.0


def classify_critical_point(f, x, tol=1e-6):
    """Say whether the critical point `x` of `f` is a minimum, a maximum, or neither.

    One variable (scalar `x`): the second-derivative test, ``f''(x) > tol`` gives
    ``"minimum"``, ``f''(x) < -tol`` ``"maximum"``. When ``|f''(x)| <= tol`` that test says
    nothing, and the sign of ``f'`` just left and right of `x` decides: ``-`` then ``+`` is a
    minimum, ``+`` then ``-`` a maximum, one sign on both sides an ``"inflection"`` point
    (flat, like ``x**3`` at 0); ``f' = 0`` on a side leaves it ``"inconclusive"``.

    Several variables (1-D `x`): the eigenvalues of the Hessian, as ``classify_hessian`` reads
    them: ``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"inconclusive"``.

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    x : float or array_like of shape (n,)
        A critical point: ``|gradient(f, x)| <= tol``.
    tol : float, optional
        Derivatives and eigenvalues smaller than `tol` in absolute value count as zero.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If `f` is not callable, or `x` or `tol` is not a real number or array.
    ValueError
        If `x` is not a scalar or 1-D array or not finite, `tol` is not a positive finite
        number, or `x` is not a critical point of `f`.

    Examples
    --------
    >>> classify_critical_point(lambda x: x**3 - 3 * x, -1.0)
    'maximum'
    >>> classify_critical_point(lambda x: x**4, 0.0)  # f''(0) = 0, yet a minimum
    'minimum'
    >>> classify_critical_point(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [0.0, 0.0])
    'saddle'
    """
    check_callable(f)
    x = check_point(x)
    tol = check_step(tol, "tol")
    slope = np.linalg.norm(extrapolated_jacobian(f, x, out_ndim=0))  # |f'(x)| or |grad f(x)|
    if slope > tol:
        raise ValueError(
            "`x` must be a critical point of `f`, "
            f"but the gradient at {x.tolist()!r} "
            f"has norm {slope:.3g} > `tol` = {tol!r}"
        )
    if x.ndim == 1:
        return classify_by_eigenvalues(extrapolated_hessian(f, x), tol)
    x = float(x)
    d2 = extrapolated_hessian(f, np.asarray(x))  # f''(x), extrapolated
    if abs(d2) > tol:
        return "minimum" if d2 > 0 else "maximum"
    # close enough that no other critical point lies between
    delta = 1e-3 * max(1.0, abs(x))
    left = np.sign(extrapolated_jacobian(f, np.asarray(x - delta), out_ndim=0))
    right = np.sign(extrapolated_jacobian(f, np.asarray(x + delta), out_ndim=0))
    if left == 0 or right == 0:
        return "inconclusive"
    if left != right:
        return "minimum" if left < 0 else "maximum"
    return "inflection"
