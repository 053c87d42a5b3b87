"""Definite integrals computed numerically, from the trapezoid rule to full double precision.

- ``trapezoid``: n trapezoids, error O(h^2);
- ``simpson``: parabolas through pairs of subintervals, error O(h^4);
- ``gauss_legendre``: n nodes placed where they integrate polynomials of degree 2n - 1 exactly;
- ``integrate``: adaptive Gauss–Kronrod, for finite or infinite limits, to about 1e-12;
- ``monte_carlo``: the mean of f at uniform random points, error O(1/sqrt(n)).

``f`` is called with a 1-D array of points and must be vectorised, as NumPy's functions are (a
function returning a constant may return a scalar).
"""

import heapq
import math

import numpy as np

from snippets._core.checks import check_callable, check_positive_int, check_rng

__all__ = [
    "trapezoid",
    "simpson",
    "gauss_legendre",
    "integrate",
    "monte_carlo",
]


def _limit(value, name, *, infinite=False):
    """``value`` as a float; finite, or also +-inf when ``infinite``."""
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            f"`{name}` must be a real number, got {type(value).__name__} {value!r}"
        )
    value = float(value)
    if math.isnan(value) or (math.isinf(value) and not infinite):
        allowed = (
            "a real number or +-inf" if infinite else "a finite real number"
        )
        raise ValueError(f"`{name}` must be {allowed}, got {value!r}")
    return value


def _validate(f, a, b, n):
    check_callable(f, "f")
    return _limit(a, "a"), _limit(b, "b"), check_positive_int(n, "n")


def _values(f, x):
    """``f(x)`` as a float array shaped like ``x``; a non-finite value is refused, naming ``f``."""
    try:
        y = f(x)
    except TypeError as error:  # math.sin takes one number, not an array
        raise TypeError(
            "`f` must accept an array of points (be vectorised); on an array "
            f"it raised TypeError: {error}"
        ) from error
    if np.iscomplexobj(y):
        raise TypeError(
            f"`f` must return real numbers, got {np.asarray(y).dtype} values"
        )
    try:
        y = np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`f` must return real numbers, got {y!r}") from None
    try:
        y = np.broadcast_to(
            y, x.shape
        )  # lambda x: 5.0 returns one number for all points
    except ValueError:
        raise ValueError(
            f"`f` must return one value per point (be vectorised), got shape {y.shape} "
            f"for {x.shape[0]} points"
        ) from None
    if not np.all(np.isfinite(y)):
        i = np.flatnonzero(~np.isfinite(y))[0]
        raise ValueError(
            f"`f` returned a non-finite value {float(y[i])!r} at x = {float(x[i])!r}"
        )
    return y


def trapezoid(f, a, b, n):
    """Integrate ``f`` over [a, b] with the composite trapezoid rule on ``n`` subintervals.

    With h = (b - a) / n and x_k = a + k h: h (f(x_0)/2 + f(x_1) + ... + f(x_n)/2).
    The error is -(b - a) h^2 f''/12 for some point of [a, b]: O(h^2).

    Parameters
    ----------
    f : callable
        The integrand, vectorised.
    a, b : float
        The limits, finite; b < a gives minus the integral from b to a.
    n : int
        The number of subintervals, at least 1.

    Returns
    -------
    float

    Examples
    --------
    >>> round(trapezoid(lambda x: x**2, 0.0, 1.0, 100), 8)  # exact: 1/3
    0.33335
    """
    a, b, n = _validate(f, a, b, n)
    x = np.linspace(a, b, n + 1)
    y = _values(f, x)
    h = (b - a) / n
    return float(h * (y[0] / 2 + y[1:-1].sum() + y[-1] / 2))


def simpson(f, a, b, n):
    """Integrate ``f`` over [a, b] with the composite Simpson rule on ``n`` subintervals.

    A parabola through each pair of subintervals: h/3 (f_0 + 4 f_1 + 2 f_2 + 4 f_3 + ... + f_n).
    The error is -(b - a) h^4 f''''/180 for some point of [a, b]: O(h^4).

    Parameters
    ----------
    f : callable
        The integrand, vectorised.
    a, b : float
        The limits, finite; b < a gives minus the integral from b to a.
    n : int
        The number of subintervals, even.

    Returns
    -------
    float

    Examples
    --------
    >>> round(simpson(lambda x: x**3, 0.0, 2.0, 2), 12)  # exact on cubics: 2**4 / 4
    4.0
    """
    a, b, n = _validate(f, a, b, n)
    if n % 2:
        raise ValueError(
            f"`n` must be an even number of subintervals, got {n}"
        )
    x = np.linspace(a, b, n + 1)
    y = _values(f, x)
    h = (b - a) / n
    # weights 1, 4, 2, 4, ..., 2, 4, 1
    return float(
        h / 3 * (y[0] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum() + y[-1])
    )


def gauss_legendre(f, a, b, n):
    """Integrate ``f`` over [a, b] with the ``n``-point Gauss–Legendre rule.

    The nodes are the roots of the Legendre polynomial P_n, mapped from [-1, 1] to [a, b]; with
    their weights the rule is exact for every polynomial of degree up to 2n - 1.

    Parameters
    ----------
    f : callable
        The integrand, vectorised.
    a, b : float
        The limits, finite.
    n : int
        The number of nodes, at least 1.

    Returns
    -------
    float

    Examples
    --------
    >>> round(gauss_legendre(lambda x: x**5, 0.0, 1.0, 3), 14)  # degree 5 = 2*3 - 1: exact
    0.16666666666667
    """
    a, b, n = _validate(f, a, b, n)
    t, w = np.polynomial.legendre.leggauss(n)
    # x = mid + half * t maps [-1, 1] onto [a, b]; dx = half * dt
    mid, half = (a + b) / 2, (b - a) / 2
    return float(half * (w @ _values(f, mid + half * t)))


# Gauss–Kronrod 7/15: the 7 Gauss nodes plus 8 Kronrod nodes placed between them
# (Kronrod 1965; the values of QUADPACK). The 15 weights are those that integrate every
# polynomial up to degree 14 exactly: solved for, not copied.
_GAUSS_NODES, _GAUSS_WEIGHTS = np.polynomial.legendre.leggauss(7)
_KRONROD_ONLY = np.array(
    [
        0.991455371120812639,
        0.864864423359769073,
        0.586087235467691130,
        0.207784955007898468,
    ]
)
_NODES = np.sort(np.concatenate([_GAUSS_NODES, _KRONROD_ONLY, -_KRONROD_ONLY]))
_KRONROD_WEIGHTS = np.linalg.solve(
    np.polynomial.legendre.legvander(_NODES, 14).T,  # row j: P_j at the nodes
    np.eye(15)[0] * 2,  # the integral of P_j over [-1, 1]: 2 for j = 0, else 0
)
_GAUSS_IN_NODES = np.searchsorted(
    _NODES, _GAUSS_NODES
)  # where the Gauss nodes sit among all 15


def _kronrod(g, a, b):
    """(K15, |K15 - G7|, K15 of |g|) on [a, b]: the estimate, its error, the scale of round-off."""
    mid, half = (a + b) / 2, (b - a) / 2
    y = g(mid + half * _NODES)
    k15 = half * (_KRONROD_WEIGHTS @ y)
    g7 = half * (_GAUSS_WEIGHTS @ y[_GAUSS_IN_NODES])
    return k15, abs(k15 - g7), abs(half) * (_KRONROD_WEIGHTS @ np.abs(y))


def _pieces(f, a, b):
    """[(g, c, d), ...]: the integral of f over [a, b] is the sum of those of g over [c, d].

    A finite [a, b] is one piece. An infinite range keeps a finite piece of width at least 1 at
    each finite limit (where f may be singular), and its tail [s, inf) becomes
    x = s + (1 - t) / t, t in (0, 1] (QUADPACK's choice): dx = -dt / t^2, the infinite end
    goes to t = 0, where floating point is dense, and a tail like 1/x^2 becomes a constant.
    """

    def tail(s, sign):
        def g(t):
            y = f(s + sign * (1 - t) / t)
            # 1/t^2 overflows if the tail decays too slowly: checked below
            with np.errstate(over="ignore"):
                y = y / t / t
            if not np.all(np.isfinite(y)):
                raise RuntimeError(
                    "`f` decays too slowly at infinity: f(x) x^2 overflows; "
                    "the integral probably diverges"
                )
            return y

        return g

    if math.isinf(a) and math.isinf(b):
        return [
            (f, -1.0, 1.0),
            (tail(1.0, +1), 0.0, 1.0),
            (tail(-1.0, -1), 0.0, 1.0),
        ]
    if math.isinf(b):
        s = a + max(1.0, abs(a))
        return [(f, a, s), (tail(s, +1), 0.0, 1.0)]
    if math.isinf(a):
        s = b - max(1.0, abs(b))
        return [(f, s, b), (tail(s, -1), 0.0, 1.0)]
    return [(f, a, b)]


def integrate(f, a, b, *, tol=1e-12, max_intervals=2000, return_error=False):
    """Integrate ``f`` over [a, b] to a relative accuracy of about ``tol``; a and b may be infinite.

    Adaptive Gauss–Kronrod quadrature: start with one interval; on each, the 15-point Kronrod
    rule gives the estimate and its distance to the 7-point Gauss rule (same nodes) bounds its
    error. Bisect the interval with the largest error until the errors sum to at most
    ``tol * |integral|`` (or ``tol * 1e-2`` times the integral of |f|, for an integral that
    cancels to near 0). An infinite tail is
    mapped onto a finite interval first. The nodes never touch the ends of an interval, so a
    singularity at a limit (1/sqrt(x) at 0) is never evaluated, only approached by bisection.

    Parameters
    ----------
    f : callable
        The integrand, vectorised.
    a, b : float
        The limits; either may be ``-np.inf`` or ``np.inf``. b < a gives minus the integral
        from b to a.
    tol : float, optional
        The relative accuracy asked for, at least 1e-15.
    max_intervals : int, optional
        How many subintervals the bisection may create before it gives up.
    return_error : bool, optional
        If true, return ``(value, error_estimate)``.

    Returns
    -------
    float, or (float, float) with ``return_error``

    Raises
    ------
    TypeError
        If ``f`` is not callable or a limit is not a number.
    ValueError
        If a limit is NaN, ``tol`` or ``max_intervals`` is out of range, or ``f`` returns a
        non-finite value.
    RuntimeError
        If the error estimate is still above the tolerance after ``max_intervals``
        subintervals (a divergent integral, a singularity inside [a, b], ...): the estimate
        would not be worth returning.

    Notes
    -----
    Floating-point numbers are dense near 0 and sparse near 1: a singularity at 0 can be
    approached to 1e-300, one at 1 only to 1e-16. Write the integrand so that its singularity
    sits at 0 (substitute u = 1 - x).

    Examples
    --------
    >>> import numpy as np
    >>> print(f"{integrate(lambda x: np.exp(-x**2), -np.inf, np.inf)**2:.12f}")  # pi
    3.141592653590
    """
    check_callable(f, "f")
    a, b = _limit(a, "a", infinite=True), _limit(b, "b", infinite=True)
    if not isinstance(tol, (int, float)) or not 1e-15 <= tol < 1:
        raise ValueError(f"`tol` must be a number in [1e-15, 1), got {tol!r}")
    max_intervals = check_positive_int(max_intervals, "max_intervals")
    if not isinstance(return_error, (bool, np.bool_)):
        raise TypeError(
            f"`return_error` must be True or False, got {return_error!r}"
        )
    if a == b:
        return (0.0, 0.0) if return_error else 0.0
    if a > b:  # F116: reversing the limits changes the sign
        value, error = integrate(
            f, b, a, tol=tol, max_intervals=max_intervals, return_error=True
        )
        return (-value, error) if return_error else -value

    pieces = _pieces(lambda x: _values(f, x), a, b)
    # A heap of intervals, the largest error first:
    # (-error, left, right, estimate, scale, k), where k says which piece
    # (and so which g) the interval belongs to.
    heap = []
    for k, (g, c, d) in enumerate(pieces):
        estimate, error, scale = _kronrod(g, c, d)
        heap.append((-error, c, d, estimate, scale, k))
    heapq.heapify(heap)
    total = math.fsum(item[3] for item in heap)
    total_error = math.fsum(-item[0] for item in heap)
    while True:
        # Round-off bounds what any rule can reach: ~ 50 eps times the
        # integral of |f|. The absolute part scales with that integral too,
        # so that 1e-15 / sqrt(x) is computed as accurately as 1 / sqrt(x).
        scale = math.fsum(item[4] for item in heap)
        floor = 50 * np.finfo(float).eps * scale
        if total_error <= max(tol * abs(total), tol * 1e-2 * scale, floor):
            break
        _, left, right, _, _, k = heapq.heappop(heap)
        g, c, d = pieces[k]
        mid = (left + right) / 2
        # Stop halving where floating point cannot (near 1, at width
        # 1e-16), or where a divergent f (1/x) would overflow next (near 0,
        # at width 1e-280).
        too_narrow = not left < mid < right or right - left < 1e-280 * (d - c)
        if too_narrow or len(heap) + 2 > max_intervals:
            why = (
                "a subinterval became too narrow to halve"
                if too_narrow
                else f"{max_intervals} subintervals were not enough"
            )
            raise RuntimeError(
                f"`f` could not be integrated over [{a!r}, {b!r}] to "
                f"`tol`={tol!r}: {why}, and the estimate {total!r} may be off "
                f"by {total_error:.1e}. The integral may diverge, or `f` may "
                "have a singularity inside [a, b] or at a limit other than 0: "
                "split the interval there and substitute u = x - c to move it "
                "to 0"
            )
        for lo, hi in ((left, mid), (mid, right)):
            part, part_error, part_scale = _kronrod(g, lo, hi)
            heapq.heappush(heap, (-part_error, lo, hi, part, part_scale, k))
        total = math.fsum(item[3] for item in heap)
        total_error = math.fsum(-item[0] for item in heap)
    return (float(total), float(total_error)) if return_error else float(total)


def monte_carlo(f, a, b, n, rng=None):
    """Estimate the integral of ``f`` over [a, b] from ``n`` uniform random points.

    (b - a) times the mean of f(U), U uniform on [a, b]. The estimate is random; its standard
    error, (b - a) std(f(U)) / sqrt(n), shrinks like 1/sqrt(n) whatever the dimension.

    Parameters
    ----------
    f : callable
        The integrand, vectorised.
    a, b : float
        The limits, finite; b < a gives minus the integral from b to a.
    n : int
        The number of random points, at least 2 (the standard error needs two).
    rng : numpy.random.Generator or int, optional
        The random generator, or a seed for one.

    Returns
    -------
    (float, float)
        The estimate and its estimated standard error.

    Examples
    --------
    >>> value, se = monte_carlo(lambda x: x**2, 0.0, 1.0, 100_000, rng=0)
    >>> abs(value - 1 / 3) < 4 * se < 0.01
    True
    """
    a, b, n = _validate(f, a, b, n)
    if n < 2:
        raise ValueError(f"`n` must be at least 2, got {n}")
    rng = check_rng(rng)
    # U uniform between the limits in either order; b - a carries the sign
    y = (b - a) * _values(f, rng.uniform(min(a, b), max(a, b), size=n))
    return float(y.mean()), float(y.std(ddof=1) / math.sqrt(n))
