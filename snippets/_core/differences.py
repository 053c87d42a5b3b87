"""Extrapolated central differences: the one engine behind ``derivative``, ``gradient``,
``jacobian`` and ``hessian``.

Every derivative is taken at the steps h, h/r, h/r**2, ... and extrapolated to a zero step by
``extrapolate``. This module chooses the steps and checks the values:

- ``first_steps``: the first (largest) step is ``scale``, and where ``|x_i| > 1`` also
  ``scale * |x_i|``. Both tables are computed and, entry by entry, the one with the smaller
  error estimate wins: a step that grows with ``|x|`` suits a polynomial at ``x = 1e6`` and ruins
  ``sin`` at ``x = 1000``, a fixed one the other way round.
- ``inside_domain``: a default first step shrinks where ``f`` is not finite at ``x ± h``
  (``np.log`` near 0).
- ``exact``: each step is the distance between the floating-point numbers ``x + h`` and ``x``.
- ``warn_if_poor``: a result whose own error estimate is poor comes with an ``AccuracyWarning``.
"""

import warnings

import numpy as np

from snippets._core.checks import check_finite_value, check_point, check_step
from snippets._core.extrapolation import AccuracyWarning, extrapolate

__all__ = [
    "EPS", "LEVELS", "nonempty_point", "steps", "first_steps", "exact", "check_step_moves_x",
    "function_value", "values", "inside_domain", "is_finite", "finite_along_axes", "memoized",
    "best_of", "warn_if_poor", "as_result", "jacobian_table", "extrapolated_jacobian",
    "hessian_table", "extrapolated_hessian", "extrapolated_hessian_and_error",
]

EPS = np.finfo(float).eps
LEVELS = 8  # steps h, h/2, ..., h/2**7 (the Hessian uses the first six)
RTOL = 1e-7  # an error estimate above RTOL |result| ...
NOISE = 1e4  # ... and above NOISE times the round-off of the smallest step is poor


def nonempty_point(x, name="x", ndim=(0, 1)):
    """``check_point(x, name, ndim=ndim)`` that also refuses an empty array."""
    x = check_point(x, name, ndim=ndim)
    if x.size == 0:
        raise ValueError(f"`{name}` must not be empty")
    return x


def steps(x, h, scale):
    """One step per coordinate for a plain difference: `h` if given, else
    ``scale * max(1, |x_i|)``."""
    if h is not None:
        return np.full(x.size, check_step(h))
    return scale * np.maximum(1.0, np.abs(x.ravel()))


def first_steps(x, h, scale):
    """The candidate first steps, arrays shaped like ``x``: ``[h]`` if given, else ``scale``
    (at least ``sqrt(eps) |x|``, so that round-off in ``x ± h`` stays small) and, where some
    ``|x_i| > 1``, also ``scale * |x_i|``."""
    if h is not None:
        return [np.full(x.shape, check_step(h))]
    fixed = scale * np.maximum(1.0, np.sqrt(EPS) * np.abs(x))
    if np.all(np.abs(x) <= 1):
        return [fixed]
    return [fixed, scale * np.maximum(1.0, np.abs(x))]


def exact(x, h):
    """The steps the computer really takes: ``(x + h) - x``, so a difference divides by the
    true distance between its points."""
    return (x + h) - x


def check_step_moves_x(x, h):
    """Raise naming ``h`` if ``x + h == x`` or ``x - h == x`` for some entry (``h`` broadcasts)."""
    x, h = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(h, dtype=float))
    stuck = (x + h == x) | (x - h == x)
    if stuck.any():
        k = np.flatnonzero(stuck)[0]
        raise ValueError(
            f"`h` is too small for `x`: the step {float(h.flat[k]):.3g} leaves "
            f"x = {float(x.flat[k])!r} unchanged in floating point"
        )


def function_value(value, where, shape=None, max_ndim=None, complex_ok=False, name="f"):
    """``value``, returned by ``f`` at ``where``, as an array; raise naming ``f`` unless it is a
    real (or, with ``complex_ok``, complex) finite number or array of ``shape`` (or of at most
    ``max_ndim`` dimensions)."""
    a = np.asarray(value)
    if a.dtype.kind not in ("iufc" if complex_ok else "iuf"):
        kind = "number" if complex_ok else "real number"
        raise TypeError(
            f"`{name}` must return a {kind} or array, got {type(value).__name__} {value!r}"
        )
    if shape == () or max_ndim == 0:
        if a.ndim != 0:
            raise ValueError(f"`{name}` must return a scalar, got an array of shape {a.shape}")
    elif shape is not None and a.shape != shape:
        raise ValueError(
            f"`{name}` must return one value per point of `x`, shape {shape}, "
            f"got an array of shape {a.shape}"
        )
    elif max_ndim is not None and a.ndim > max_ndim:
        raise ValueError(
            f"`{name}` must return a scalar or a 1-D array, got an array of shape {a.shape}"
        )
    if not np.all(np.isfinite(a)):
        check_finite_value(a.tolist(), where, name)  # raises, naming `f` and the point
    return a if a.dtype.kind in "fc" else a.astype(float)


def values(f, points, shape, out_ndim=0):
    """``f`` at each row of ``points`` (reshaped to ``shape``), as an array.

    A loop: ``f`` takes one point, so any Python function of a vector can be differentiated.
    """
    out = []
    for p in points:
        p = p.reshape(shape)
        where = f"x = {p.tolist()!r}"
        out.append(function_value(f(p), where, max_ndim=out_ndim))
    return np.array(out)


def inside_domain(finite_at, h):
    """Shrink each default first step by 4 until ``finite_at(h)`` (``f`` finite at ``x ± h``,
    a boolean array like ``h``) holds, then once more, so that the steps stay well inside the
    domain. After 40 shrinks (a factor 1e24) it gives up: the evaluation then reports the
    non-finite value."""
    shrunk = np.zeros(h.shape, dtype=bool)
    for _ in range(40):
        with np.errstate(all="ignore"):  # np.log(-0.1) is a value we test, not an accident
            outside = ~finite_at(h)
        if not outside.any():
            break
        h, shrunk = np.where(outside, h / 4, h), shrunk | outside
    return np.where(shrunk, h / 4, h)


def is_finite(f, point):
    """Whether ``f(point)`` is finite, for probing a step; a ``ValueError`` (``math.log(-1)``)
    or ``ArithmeticError`` counts as not finite. Other kinds of value are left to the real
    evaluation to report."""
    try:
        value = np.asarray(f(point))
    except (ValueError, ArithmeticError):
        return np.zeros(np.shape(point), dtype=bool)
    if value.dtype.kind not in "iufc":
        return np.ones(np.shape(point), dtype=bool)
    return np.isfinite(value)


def finite_along_axes(f, x, h, reach=1):
    """For each coordinate ``j``, whether ``f`` is finite at ``x ± reach h_j e_j``, the points
    that the first level of the table evaluates (``f`` is memoized: they cost nothing more)."""
    xf = x.ravel()
    e = np.diag(exact(xf, h))
    finite = []
    for ej in e:
        for s in (1, -1):
            point = xf
            for _ in range(reach):  # one step at a time, as the table adds them
                point = point + s * ej
            finite.append(bool(np.all(is_finite(f, point.reshape(x.shape)))))
    return np.array(finite).reshape(x.size, 2).all(axis=1)


def memoized(f):
    """``f`` remembering its values by point, so that probing the first step costs nothing."""
    seen = {}

    def f_memo(p):
        key = (p.shape, p.tobytes())
        if key not in seen:
            seen[key] = f(p)
        return seen[key]

    return f_memo


def best_of(results):
    """Entry by entry, the ``(best, error, noise)`` of ``results`` to keep.

    ``results[0]``, the table with the smallest steps, is the reference: steps far larger than
    the scale on which ``f`` varies (``sin`` at 1000 with a step of 100) can agree with one
    another by chance and report a tiny error. Another table wins an entry only where its error
    estimate is smaller *and* its value agrees with the reference within 100 times the two
    estimates.
    """
    best, error, noise = reference, reference_error, _ = results[0]
    for b, e, n in results[1:]:
        agrees = np.abs(b - reference) <= 100 * (reference_error + e)
        better = (e < error) & agrees
        best = np.where(better, b, best)
        error = np.where(better, e, error)
        noise = np.where(better, n, noise)
    return best, error, noise


def warn_if_poor(best, error, noise, what, stacklevel=4):
    """Warn (``AccuracyWarning``) where the error estimate is above ``RTOL |best|`` and above
    ``NOISE`` times the round-off ``noise`` of the smallest step: the estimate is then neither
    accurate relative to the result nor explained by the floating-point limit."""
    poor = error > np.maximum(RTOL * np.abs(best), NOISE * noise)
    if np.any(poor):
        k = np.flatnonzero(poor)[0]
        warnings.warn(
            f"{what} may be inaccurate: its error estimate {np.ravel(error)[k]:.1e} is large "
            f"next to the value {np.ravel(best)[k]:.6g}; `f` may not be smooth on the steps "
            "taken, or the first step `h` is too large",
            AccuracyWarning,
            stacklevel=stacklevel,
        )


def as_result(array, shape):
    """``array`` reshaped to ``shape``; a plain float when ``shape`` is ``()``."""
    array = np.reshape(array, shape)
    return float(array) if array.ndim == 0 else array


def jacobian_table(f, x, h0, out_ndim):
    """Best entry, error estimate and round-off level of the Jacobian, first step ``h0``."""
    xf = x.ravel()
    D = []
    for k in range(LEVELS):
        hk = exact(xf, h0 / 2.0**k)
        e = np.diag(hk)
        up = values(f, xf + e, x.shape, out_ndim)  # row j is f(x + h_j e_j)
        down = values(f, xf - e, x.shape, out_ndim)
        # h_j down axis 0, broadcast across f's outputs
        step = hk.reshape((-1,) + (1,) * (up.ndim - 1))
        # column j of J: move axis 0 last, shape f(x).shape + (n,)
        D.append(np.moveaxis((up - down) / (2 * step), 0, -1))
        if k == 0:  # |f| near x, entry by entry: the scale of round-off
            size = np.moveaxis(np.maximum(abs(up), abs(down)), 0, -1)
    best, error = extrapolate(D, 2.0)
    return best, error, EPS * size / hk


def extrapolated_jacobian(f, x, h=None, out_ndim=1, with_error=False):
    """``J[i, j] = df_i/dx_j`` of ``f`` at the checked point ``x``, shape ``f(x).shape + x.shape``.

    Column ``j`` is ``(f(x + h_j e_j) - f(x - h_j e_j)) / (2 h_j)`` at the steps
    ``h, h/2, ..., h/2**7``, extrapolated to a zero step. ``out_ndim=0`` asks for a scalar ``f``
    (the Jacobian is then the gradient). ``with_error=True`` returns ``(J, uncertainty)``, the
    uncertainty being the larger of the error estimate and the round-off of the smallest step.
    """
    xf = x.ravel()
    f = memoized(f)  # probing a first step evaluates the first level's points
    candidates = first_steps(xf, h, 0.1)
    if h is None:  # shrink a step at which f is not finite: x ± h_j e_j
        candidates = [
            inside_domain(lambda h: finite_along_axes(f, x, h), h0)
            for h0 in candidates
        ]
    else:
        check_step_moves_x(xf, candidates[0] / 2.0 ** (LEVELS - 1))
    tables = [jacobian_table(f, x, h0, out_ndim) for h0 in candidates]
    best, error, noise = best_of(tables)
    warn_if_poor(best, error, noise, "the derivative")
    shape = best.shape[:-1] + x.shape
    if with_error:  # the uncertainty: error estimate or round-off
        uncertainty = np.maximum(error, noise)
        return as_result(best, shape), as_result(uncertainty, shape)
    return as_result(best, shape)


def hessian_table(f, x, h0):
    """Best entries ``i <= j``, error estimates and round-off levels, first step ``h0``."""
    n, xf = x.size, x.ravel()
    i, j = np.triu_indices(n)  # the pairs i <= j; H is symmetric
    D = []
    for k in range(LEVELS - 2):
        hk = exact(xf, h0 / 2.0**k)
        e = np.diag(hk)
        ei, ej = e[i], e[j]  # shape (pairs, n)
        # f at x ± h_i e_i ± h_j e_j: ++, +-, -+, --
        pp, pm, mp, mm = [
            values(f, xf + si * ei + sj * ej, x.shape)
            for si, sj in ((1, 1), (1, -1), (-1, 1), (-1, -1))
        ]
        D.append((pp - pm - mp + mm) / (4 * hk[i] * hk[j]))
        if k == 0:
            size = np.max(np.abs([pp, pm, mp, mm]), axis=0)
    best, error = extrapolate(D, 2.0)
    return best, error, EPS * size / (hk[i] * hk[j])


def extrapolated_hessian(f, x, h=None):
    """``H[i, j] = d2f/dx_i dx_j`` of a scalar ``f`` at the checked point ``x``.

    ``H[i, j] ~ (f(x+h_i e_i+h_j e_j) - f(x+h_i e_i-h_j e_j) - f(x-h_i e_i+h_j e_j)
    + f(x-h_i e_i-h_j e_j)) / (4 h_i h_j)``, error O(h**2) with an even error series,
    extrapolated over the steps ``h, h/2, ..., h/2**5``.
    """
    H, _ = extrapolated_hessian_and_error(f, x, h)
    return H


def extrapolated_hessian_and_error(f, x, h=None):
    """The Hessian (as ``extrapolated_hessian``) and the Frobenius norm of its uncertainty: entry
    by entry, the larger of the error estimate and the round-off of the smallest step (two
    columns of the tableau can agree by chance far below the round-off, as for ``(x - 3)**4 + 5``
    at 3, whose f''(3) = 0 came out as -7e-15 with an error estimate of 4e-16 and a round-off
    level of 1e-11)."""
    n, xf = x.size, x.ravel()
    f = memoized(f)  # f(x) = f(x + h e_i - h e_i) comes back for every i
    candidates = first_steps(xf, h, 0.1)
    if h is None:  # shrink a step at which f is not finite: x ± 2 h_i e_i
        candidates = [
            inside_domain(lambda h: finite_along_axes(f, x, h, reach=2), h0)
            for h0 in candidates
        ]
    else:
        check_step_moves_x(xf, candidates[0] / 2.0 ** (LEVELS - 3))
    tables = [hessian_table(f, x, h0) for h0 in candidates]
    best, error, noise = best_of(tables)
    warn_if_poor(best, error, noise, "the Hessian")
    i, j = np.triu_indices(n)
    H, E = np.zeros((n, n)), np.zeros((n, n))
    H[i, j] = H[j, i] = best
    E[i, j] = E[j, i] = np.maximum(error, noise)
    return as_result(H, x.shape + x.shape), float(np.linalg.norm(E))
