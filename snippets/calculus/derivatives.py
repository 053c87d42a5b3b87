"""Numerical derivatives of a function of one variable.

Four estimators of f'(x), from the textbook formula to one accurate to about 1e-13:

- ``forward_difference``: (f(x + h) - f(x)) / h, error O(h);
- ``central_difference``: (f(x + h) - f(x - h)) / (2h), error O(h^2);
- ``complex_step``: Im f(x + ih) / h, no subtraction, so no cancellation;
- ``derivative``: central differences extrapolated to h -> 0 (Ridders' method).

Each takes a scalar ``x`` (and then returns a float) or a 1-D array of points (and then calls
``f`` once with the whole array, so ``f`` must be vectorised, as NumPy's functions are).
"""

import numpy as np

from snippets._core.checks import check_callable, check_point, check_step
from snippets._core.differences import (
    EPS, best_of, check_step_moves_x, exact, first_steps, function_value, inside_domain,
    is_finite, nonempty_point, warn_if_poor,
)
from snippets._core.extrapolation import AccuracyWarning, extrapolate

__all__ = [
    "forward_difference", "central_difference", "complex_step", "derivative", "tangent_line",
    "AccuracyWarning",
]


def _point(x, name="x", ndim=(0, 1)):
    """``x`` checked: a float, or a non-empty 1-D float array."""
    x = nonempty_point(x, name, ndim)
    return float(x) if x.ndim == 0 else x


def _validate(f, x, h, moves=True):
    """Check the three arguments every estimator takes; return ``x`` as float or array."""
    check_callable(f, "f")
    x = _point(x)
    h = check_step(h, "h")
    if moves:  # x + h == x would make the difference 0 / h
        check_step_moves_x(x, h)
    return x, h


def _evaluate(f, at, where, shape, complex_ok=False):
    """``f(at)``: one finite real value per point, or a ``ValueError``/``TypeError`` naming ``f``."""
    return function_value(f(at), where, shape=shape, complex_ok=complex_ok)


def _result(slope):
    return float(slope) if np.ndim(slope) == 0 else np.asarray(slope, dtype=float)


def forward_difference(f, x, h=1.5e-8):
    """Estimate f'(x) by the forward difference (f(x + h) - f(x)) / h.

    The error is O(h): halving ``h`` halves it, until round-off takes over. The default ``h``
    is about the square root of the machine epsilon, the best step for this formula when x
    and f are of order one.

    Parameters
    ----------
    f : callable
        The function, ``f(x) -> float`` (vectorised if ``x`` is an array).
    x : float or 1-D array
        The point(s).
    h : float, optional
        The step, a positive finite number.

    Returns
    -------
    float or ndarray
        The estimate, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or returns a non-number, or ``x`` or ``h`` is not a real
        number (or array).
    ValueError
        If ``x`` is empty or not finite, ``h <= 0``, ``h`` is so small that ``x + h == x`` or
        ``x - h == x``, or ``f`` returns a value of the wrong shape or a non-finite value.

    Examples
    --------
    >>> round(forward_difference(lambda x: x**2, 2.0, h=1e-5), 10)
    4.00001
    """
    x, h = _validate(f, x, h)
    # f(x + h) = f(x) + h f'(x) + h²/2 f''(x) + ...
    # so the slope is off by about h/2 f''(x): O(h).
    f_plus = _evaluate(f, x + h, "x + h", np.shape(x))
    f_x = _evaluate(f, x, "x", np.shape(x))
    return _result((f_plus - f_x) / h)


def central_difference(f, x, h=6e-6):
    """Estimate f'(x) by the central difference (f(x + h) - f(x - h)) / (2h).

    The error is O(h^2): the h^2 terms of the two Taylor series cancel. The default ``h`` is
    about the cube root of the machine epsilon, the best step for this formula when x and f
    are of order one.

    Parameters
    ----------
    f : callable
        The function, ``f(x) -> float`` (vectorised if ``x`` is an array).
    x : float or 1-D array
        The point(s).
    h : float, optional
        The step, a positive finite number.

    Returns
    -------
    float or ndarray
        The estimate, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or returns a non-number, or ``x`` or ``h`` is not a real
        number (or array).
    ValueError
        If ``x`` is empty or not finite, ``h <= 0``, ``h`` is so small that ``x + h == x`` or
        ``x - h == x``, or ``f`` returns a value of the wrong shape or a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> round(central_difference(np.sin, 0.0), 10)
    1.0
    """
    x, h = _validate(f, x, h)
    # In f(x ± h) = f(x) ± h f'(x) + h²/2 f''(x) ± h³/6 f'''(x) + ...
    # the even terms cancel: the slope is off by about h²/6 f'''(x), O(h²).
    f_plus = _evaluate(f, x + h, "x + h", np.shape(x))
    f_minus = _evaluate(f, x - h, "x - h", np.shape(x))
    return _result((f_plus - f_minus) / (2 * h))


def complex_step(f, x, h=1e-20):
    """Estimate f'(x) by the complex step Im f(x + ih) / h.

    With f real on the real line, f(x + ih) = f(x) - h^2/2 f''(x) + i (h f'(x) - ...): the
    imaginary part holds h f'(x) with no subtraction, so ``h`` can be tiny and the estimate is
    exact to machine precision. ``f`` must accept complex input (NumPy's functions do; ``abs``
    and ``math`` functions do not).

    Parameters
    ----------
    f : callable
        The function, analytic near ``x`` and real on the real line.
    x : float or 1-D array
        The point(s).
    h : float, optional
        The (imaginary) step, a positive finite number.

    Returns
    -------
    float or ndarray
        The estimate, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or does not return a complex value, or ``x`` or ``h`` is not
        a real number (or array).
    ValueError
        If ``x`` is empty or not finite, ``h <= 0``, or ``f`` returns a value of the wrong
        shape or a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> complex_step(np.exp, 0.0)
    1.0
    """
    # x + ih differs from x for every h > 0: no check that h moves x
    x, h = _validate(f, x, h, moves=False)
    raw = f(x + 1j * h)
    value = function_value(raw, "x + ih", shape=np.shape(x), complex_ok=True)
    if not np.iscomplexobj(value):
        # Im of a real value is 0: the slope would silently be 0.
        raise TypeError(
            "`f` must return a complex value for complex input, got "
            f"{type(raw).__name__}; use NumPy functions (np.sin, np.exp, "
            "...), not math or abs"
        )
    return _result(np.imag(value) / h)


def derivative(f, x, h=None):
    """Estimate f'(x) to about 1e-13 by extrapolating central differences to h = 0.

    Ridders' method: the central difference D(h) = f'(x) + c1 h^2 + c2 h^4 + ... is computed
    for h, h/1.6, h/1.6^2, ..., and each new value is combined with the previous ones to
    cancel the next power of h (Richardson extrapolation). Of all the extrapolated values, the
    one that moved least from its neighbours wins. Two such tables, from h and from h/2, guard
    against a lucky agreement in one of them.

    Parameters
    ----------
    f : callable
        The function, ``f(x) -> float`` (vectorised if ``x`` is an array, one value per point).
        It must be finite on [x - h, x + h].
    x : float or 1-D array
        The point(s).
    h : float, optional
        The first, largest step. By default ``0.2``, and where ``|x| > 1`` also ``0.2 |x|``:
        both tables are computed and the larger step is kept only where it agrees with the
        smaller one and reports a smaller error (a polynomial at 1e6 likes the large step,
        ``sin`` at 1000 cannot use it). A default step that leaves the domain of ``f`` (``f``
        not finite at ``x ± h``, as ``np.log`` near 0) shrinks until it fits; a given ``h``
        is used as it is.

    Returns
    -------
    float or ndarray
        The estimate, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable or returns a non-number, or ``x`` or ``h`` is not a real
        number (or array).
    ValueError
        If ``x`` is empty or not finite, ``h <= 0``, ``h`` is so small that ``x ± h/137 == x``,
        or ``f`` returns a value of the wrong shape or a non-finite value.

    Warns
    -----
    AccuracyWarning
        If the estimate's own error estimate says it is poor: ``f`` is not smooth, or varies
        faster than the steps can follow.

    Notes
    -----
    Each step is the distance ``(x + h) - x`` between two doubles, so the difference divides by
    the step it really took. Where f'(x) is tiny next to f(x) (``np.tanh`` at 5: f = 1,
    f' = 2e-4), no difference quotient can reach a small *relative* error: the round-off in
    f(x + h) - f(x - h), about 1e-16 |f|, is divided by 2h and compared with |f'|.

    Examples
    --------
    >>> import numpy as np
    >>> print(f"{derivative(np.sin, 1.0):.12f}  {np.cos(1.0):.12f}")
    0.540302305868  0.540302305868
    """
    check_callable(f, "f")
    x = _point(x)
    candidates = first_steps(np.asarray(x), h, 0.2)
    if h is None:
        def finite_at(h):  # shrink a default step that leaves the domain of f
            h = exact(x, h)
            return is_finite(f, x + h) & is_finite(f, x - h)

        candidates = [inside_domain(finite_at, h0) for h0 in candidates]
    else:
        check_step_moves_x(x, candidates[0] / 2 / 1.6**9)  # the smallest step

    def D(h):  # the central difference at the step the computer really takes
        h = exact(x, h)
        f_plus = _evaluate(f, x + h, "x + h", np.shape(x))
        f_minus = _evaluate(f, x - h, "x - h", np.shape(x))
        size = np.maximum(abs(f_plus), abs(f_minus))  # sets the round-off
        return (f_plus - f_minus) / (2 * h), size

    # Two whole tableaus per first step, from h and from h/2, without the
    # classic early stop: a chance agreement of two columns can stop it
    # with an estimate off by 1e-8.
    results = []
    for h0 in candidates:
        for start in (h0 / 2, h0):  # smallest first: best_of's reference
            table = [D(start / 1.6**k) for k in range(10)]
            best, error = extrapolate([d for d, _ in table], 1.6)
            # round-off of the smallest difference: eps |f| / h
            noise = EPS * table[0][1] / exact(x, start / 1.6**9)
            results.append((best, error, noise))
    best, error, noise = best_of(results)
    warn_if_poor(best, error, noise, "derivative", stacklevel=3)
    return _result(best)


def tangent_line(f, x0):
    """Return the tangent of ``f`` at ``x0``: the function t(x) = f(x0) + f'(x0) (x - x0).

    The slope f'(x0) comes from ``derivative``.

    Examples
    --------
    >>> t = tangent_line(lambda x: x**2, 1.5)
    >>> round(t(1.5), 12), round(t(2.5), 12)
    (2.25, 5.25)
    """
    check_callable(f, "f")
    x0 = _point(x0, "x0", ndim=(0,))
    y0 = float(_evaluate(f, x0, "x0", ()))
    slope = derivative(f, x0)

    def t(x):
        x = check_point(x, "x", ndim=(0, 1, 2))
        return _result(y0 + slope * (x - x0))

    return t
