"""Second derivatives, critical points and their classification.

``second_difference`` is the plain estimate of f''; ``critical_points`` finds every critical
point of a polynomial exactly, in rational arithmetic; ``classify_critical_point`` says what
kind a critical point is, in one variable (second derivative, then the sign of f' around the
point) or in several (eigenvalues of the Hessian).
"""

from fractions import Fraction

import numpy as np

from snippets._core.checks import check_callable, check_point, check_step
from snippets._core.definiteness import classify_by_eigenvalues
from snippets._core.differences import (
    check_step_moves_x, extrapolated_hessian_and_error, extrapolated_jacobian, function_value,
    nonempty_point,
)

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
        If `f` is not callable or returns a non-number, or `x` or `h` is not a real number or
        array.
    ValueError
        If `x` is empty or not finite, `h` is not positive or so small that ``x ± h == x``, or
        `f` returns a value of the wrong shape or a non-finite value.

    Examples
    --------
    >>> print(f"{second_difference(lambda x: x**3 - 3 * x, 1.0):.6f}")
    6.000000
    """
    check_callable(f)
    x = nonempty_point(x)
    x = float(x) if x.ndim == 0 else x
    if h is None:  # round-off eps |f| / h² against truncation h²: eps^(1/4)
        h = np.finfo(float).eps ** 0.25 * np.maximum(1.0, np.abs(x))
    else:
        h = check_step(h)
        check_step_moves_x(x, h)
    values = [
        function_value(f(at), where, shape=np.shape(x))
        for at, where in ((x + h, "x + h"), (x, "x"), (x - h, "x - h"))
    ]
    # f(x ± h) = f ± h f' + h²/2 f'' ± h³/6 f''' + ...:
    # in the sum, f' and f''' cancel.
    d2 = (values[0] - 2 * values[1] + values[2]) / h**2
    return float(d2) if np.ndim(d2) == 0 else np.asarray(d2, dtype=float)


def _horner(p, x):
    """p(x), exactly: ``p`` holds Fractions, highest power first."""
    value = Fraction(0)
    for c in p:
        value = value * x + c
    return value


def _divmod(a, b):
    """Quotient and remainder of the polynomials ``a / b``, exactly (no leading zeros)."""
    a, q = list(a), []
    while len(a) >= len(b):
        factor = a[0] / b[0]
        q.append(factor)
        # subtract factor * b * x^k; the leading term cancels exactly
        a = [ai - factor * bi for ai, bi in zip(a, b + [0] * (len(a) - len(b)))][1:]
    while a and a[0] == 0:
        a.pop(0)
    return q, a


def _sturm(p):
    """The Sturm sequence p, p', -rem(p, p'), ...: its sign changes count real roots."""
    d = len(p) - 1
    sequence = [p, [c * (d - k) for k, c in enumerate(p[:-1])]]
    while len(sequence[-1]) > 1:
        _, r = _divmod(sequence[-2], sequence[-1])
        if not r:
            break
        sequence.append([-c for c in r])
    return sequence


def _sign_changes(sequence, x):
    signs = [v for v in (_horner(p, x) for p in sequence) if v != 0]
    return sum((a > 0) != (b > 0) for a, b in zip(signs, signs[1:]))


def _bisect(p, lo, hi):
    """The one root of the square-free ``p`` in ``(lo, hi)``, to the nearest double."""
    positive_at_lo = _horner(p, lo) > 0
    while True:
        mid = (lo + hi) / 2
        if _horner(p, Fraction(float(mid))) == 0:  # a root that is a double: exactly it
            return float(mid)
        if (_horner(p, mid) > 0) == positive_at_lo:
            lo = mid
        else:
            hi = mid
        if np.nextafter(float(lo), np.inf) >= float(hi):  # neighbours: as close as doubles go
            return float((lo + hi) / 2)


def _real_roots(p):
    """The distinct real roots of the polynomial ``p`` (Fractions, highest power first)."""
    roots = []
    while p[-1] == 0:  # a root at 0: divide by x
        p = p[:-1]
        roots = [0.0]
    if len(p) == 1:
        return roots
    # The square-free part p / gcd(p, p') has the same roots, each simple.
    sturm = _sturm(p)
    p, _ = _divmod(p, sturm[-1]) if len(sturm[-1]) > 1 else (p, None)
    sturm = _sturm(p)
    # Every root lies in (-B, B) (Cauchy's bound); a power of two keeps the
    # fractions short.
    bound = 1 + max(abs(c / p[0]) for c in p[1:])
    B = Fraction(2) ** max(1, int(bound).bit_length())
    intervals = [(-B, B)]
    while intervals:
        lo, hi = intervals.pop()
        count = _sign_changes(sturm, lo) - _sign_changes(sturm, hi)  # roots in (lo, hi)
        if count == 1:
            roots.append(_bisect(p, lo, hi))
        elif count > 1:
            mid = (lo + hi) / 2
            while _horner(p, mid) == 0:  # split where p != 0: counts stay right
                mid = (mid + hi) / 2
            intervals += [(lo, mid), (mid, hi)]
    return roots


def critical_points(coefficients):
    """Every real critical point of a polynomial, each once, in increasing order.

    Exact: each float coefficient is a rational number, so the derivative and a Sturm sequence
    (whose sign changes count the real roots in an interval) are computed in rational
    arithmetic; every distinct real root of the derivative is isolated and bisected to the
    nearest double. A multiple root comes back once, and roots 1e-12 apart stay apart, where
    the eigenvalues of a companion matrix (``numpy.roots``) blur both.

    Parameters
    ----------
    coefficients : array_like of shape (d + 1,)
        Coefficients, highest power first (as in ``numpy.polyval``): ``[1, 0, -3, 0]`` is
        ``x**3 - 3x``. Leading zeros are ignored; the polynomial must not be constant.

    Returns
    -------
    numpy.ndarray
        Shape ``(k,)``, sorted; empty for a line or a polynomial whose derivative has no real
        root.

    Raises
    ------
    TypeError
        If `coefficients` is not a real array.
    ValueError
        If `coefficients` is not a 1-D array, is empty, is not finite, or describes a constant
        polynomial (every point of which is critical).

    Examples
    --------
    >>> critical_points([1, -4, 4, 0, 1]).tolist()  # x**4 - 4x**3 + 4x**2 + 1
    [0.0, 1.0, 2.0]
    >>> critical_points([1, 0, 0, 0, 0]).tolist()  # x**4: the triple root of 4x**3, once
    [0.0]
    """
    c = check_point(coefficients, "coefficients", ndim=(1,))
    if c.size == 0:
        raise ValueError("`coefficients` must not be empty")
    c = np.trim_zeros(c, "f")
    if c.size <= 1:
        raise ValueError(
            "`coefficients` must describe a non-constant polynomial (every "
            "point of a constant is critical), got "
            f"{np.asarray(coefficients).tolist()!r}"
        )
    p = [Fraction(float(ci)) for ci in c]  # exact: a double is a fraction
    d = len(p) - 1
    derivative = [ci * (d - k) for k, ci in enumerate(p[:-1])]
    if len(derivative) == 1:  # a line: f' is a non-zero constant
        return np.array([])
    roots = np.array(sorted(_real_roots(derivative)))
    return roots + 0.0  # + 0.0 turns -0.0 into 0.0


def _slope_scale(f, x):
    """How steep ``f`` is around ``x``: the largest one-sided slope ``|f(x ± h e_j) - f(x)| / h``
    over the first step ``h = 0.1 max(1, |x_j|)``. A gradient that is tiny next to it is zero."""
    xf = x.ravel()
    h = 0.1 * np.maximum(1.0, np.abs(xf))
    f0 = function_value(f(x), f"x = {x.tolist()!r}", shape=())
    slopes = [
        abs(function_value(f((xf + s * hj * e).reshape(x.shape)), "x ± h", shape=()) - f0) / hj
        for hj, e in zip(h, np.eye(x.size)) for s in (1, -1)
    ]
    return max(slopes)


def _sign_of_slope(f, x):
    """The sign of f' on each side of ``x`` as close to ``x`` as the slope can be told from its
    error: ``(left, right)``, each -1, 1, or 0 when no distance up to 0.1 max(1, |x|) shows it."""
    for delta in 0.1 * max(1.0, abs(x)) * 10.0 ** -np.arange(7.0, -1.0, -1.0):
        signs = []
        for side in (x - delta, x + delta):
            slope, error = extrapolated_jacobian(
                f, np.asarray(side), out_ndim=0, with_error=True)
            signs.append(np.sign(slope) if abs(slope) > 10 * error else 0.0)
        if 0.0 not in signs:
            return signs
    return signs


def classify_critical_point(f, x, rtol=1e-6):
    """Say whether the critical point `x` of `f` is a minimum, a maximum, or neither.

    One variable (scalar `x`): the second-derivative test, ``f''(x) > 0`` gives ``"minimum"``,
    ``f''(x) < 0`` ``"maximum"``, where "zero" means within ten times the uncertainty of the
    extrapolated ``f''`` (its error estimate, or the round-off of its smallest step if larger),
    not below an absolute number. When ``f''(x)`` is zero that test says
    nothing, and the sign of ``f'`` just left and right of `x` decides, at the smallest distance
    at which that sign stands out of the error: ``-`` then ``+`` is a minimum, ``+`` then ``-``
    a maximum, one sign on both sides an ``"inflection"`` point (flat, like ``x**3`` at 0);
    ``f' = 0`` on a side leaves it ``"inconclusive"``.

    Several variables (1-D `x`): the eigenvalues of the Hessian, as ``classify_hessian`` reads
    them: ``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"inconclusive"``.

    Parameters
    ----------
    f : callable
        Scalar function of one point, shaped like `x`.
    x : float or array_like of shape (n,)
        A critical point: the norm of the gradient at `x` is at most `rtol` times the slope of
        `f` over a step of ``0.1 max(1, |x_i|)``.
    rtol : float, optional
        Relative tolerance, free of units: for the gradient as above, and for the eigenvalues of
        the Hessian, which count as zero below `rtol` times the largest one in absolute value.

    Returns
    -------
    str

    Raises
    ------
    TypeError
        If `f` is not callable or returns a non-number, or `x` or `rtol` is not a real number
        or array.
    ValueError
        If `x` is empty, not a scalar or 1-D array or not finite, `rtol` is not a positive
        finite number, `f` returns a non-scalar or non-finite value, or `x` is not a critical
        point of `f`.

    Examples
    --------
    >>> classify_critical_point(lambda x: x**3 - 3 * x, -1.0)
    'maximum'
    >>> classify_critical_point(lambda x: x**4, 0.0)  # f''(0) = 0, yet a minimum
    'minimum'
    >>> classify_critical_point(lambda x: x**4 - 1e-7 * x**2, 0.0)  # f''(0) = -2e-7
    'maximum'
    >>> classify_critical_point(lambda v: v[0] ** 2 + 3 * v[0] * v[1] + v[1] ** 2, [0.0, 0.0])
    'saddle'
    """
    check_callable(f)
    x = nonempty_point(x)
    rtol = check_step(rtol, "rtol")
    # |f'(x)| or |grad f(x)|, against the slopes of f over a step
    slope = np.linalg.norm(extrapolated_jacobian(f, x, out_ndim=0))
    scale = _slope_scale(f, x)
    if slope > rtol * scale:
        raise ValueError(
            "`x` must be a critical point of `f`, but the gradient at "
            f"{x.tolist()!r} has norm {slope:.3g}, more than `rtol` = "
            f"{rtol!r} times the slope of `f` around it, {scale:.3g}"
        )
    H, error = extrapolated_hessian_and_error(f, x)
    if x.ndim == 1:
        return classify_by_eigenvalues(H, rtol, error)
    if abs(H) > 10 * error:  # f''(x) is not 0 within its uncertainty
        return "minimum" if H > 0 else "maximum"
    left, right = _sign_of_slope(f, float(x))
    if left == 0 or right == 0:
        return "inconclusive"
    if left != right:
        return "minimum" if left < 0 else "maximum"
    return "inflection"
