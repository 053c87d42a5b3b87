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

from snippets._core.checks import check_callable, check_finite_value, check_point, check_step
from snippets._core.extrapolation import extrapolate

__all__ = ["forward_difference", "central_difference", "complex_step", "derivative", "tangent_line"]


def _validate(f, x, h):
    """Check the three arguments every estimator takes; return ``x`` as float or array."""
    check_callable(f, "f")
    x = check_point(x, "x")
    h = check_step(h, "h")
    return (float(x) if x.ndim == 0 else x), h


def _evaluate(f, at, where):
    """``f(at)``, refusing a non-finite value: a NaN must never pass silently into a slope."""
    value = f(at)
    check_finite_value(value, where, "f")
    return value


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
        If ``f`` is not callable.
    ValueError
        If ``x`` or ``h`` is not finite, ``h <= 0``, or ``f`` returns a non-finite value.

    Examples
    --------
    >>> round(forward_difference(lambda x: x**2, 2.0, h=1e-5), 10)
    4.00001
    """
    x, h = _validate(f, x, h)
    # f(x + h) = f(x) + h f'(x) + h²/2 f''(x) + ...
    # so the slope is off by about h/2 f''(x): O(h).
    f_plus, f_x = _evaluate(f, x + h, "x + h"), _evaluate(f, x, "x")
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
        If ``f`` is not callable.
    ValueError
        If ``x`` or ``h`` is not finite, ``h <= 0``, or ``f`` returns a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> round(central_difference(np.sin, 0.0), 10)
    1.0
    """
    x, h = _validate(f, x, h)
    # In f(x ± h) = f(x) ± h f'(x) + h²/2 f''(x) ± h³/6 f'''(x) + ...
    # the even terms cancel: the slope is off by about h²/6 f'''(x), O(h²).
    f_plus = _evaluate(f, x + h, "x + h")
    f_minus = _evaluate(f, x - h, "x - h")
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
        If ``f`` is not callable or does not return a complex value.
    ValueError
        If ``x`` or ``h`` is not finite, ``h <= 0``, or ``f`` returns a non-finite value.

    Examples
    --------
    >>> import numpy as np
    >>> complex_step(np.exp, 0.0)
    1.0
    """
    x, h = _validate(f, x, h)
    value = _evaluate(f, x + 1j * h, "x + ih")
    if not np.iscomplexobj(value):
        # Im of a real value is 0: the slope would silently be 0.
        raise TypeError(
            "`f` must return a complex value for complex input, got "
            f"{type(value).__name__}; use NumPy functions (np.sin, np.exp, "
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
        The function, ``f(x) -> float`` (vectorised if ``x`` is an array). It must be finite
        on [x - h, x + h].
    x : float or 1-D array
        The point(s).
    h : float, optional
        The first, largest step. By default ``0.2 * max(1, |x|)``; near the edge of the
        domain of ``f`` (``np.log`` near 0), pass a smaller one.

    Returns
    -------
    float or ndarray
        The estimate, shaped like ``x``.

    Raises
    ------
    TypeError
        If ``f`` is not callable.
    ValueError
        If ``x`` or ``h`` is not finite, ``h <= 0``, or ``f`` returns a non-finite value.

    Notes
    -----
    Where f'(x) is tiny next to f(x) (``np.tanh`` at 5: f = 1, f' = 2e-4), no difference
    quotient can reach a small *relative* error: the round-off in f(x + h) - f(x - h), about
    1e-16 |f|, is divided by 2h and compared with |f'|.

    Examples
    --------
    >>> import numpy as np
    >>> print(f"{derivative(np.sin, 1.0):.13f}  {np.cos(1.0):.13f}")
    0.5403023058681  0.5403023058681
    """
    check_callable(f, "f")
    x = check_point(x, "x")
    if h is None:
        h = 0.2 * np.maximum(1.0, np.abs(x))
    else:
        h = check_step(h, "h")

    def D(h):  # the central difference
        f_plus = _evaluate(f, x + h, "x + h")
        f_minus = _evaluate(f, x - h, "x - h")
        return (f_plus - f_minus) / (2 * h)

    # Two whole tableaus, from h and from h/2, without the classic early stop:
    # a chance agreement of two columns can stop it with an estimate off by 1e-8.
    best, error = extrapolate([D(h / 1.6**k) for k in range(10)], 1.6)
    best_half, error_half = extrapolate([D(h / 2 / 1.6**k) for k in range(10)], 1.6)
    return _result(np.where(error_half < error, best_half, best))


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
    x0 = float(check_point(x0, "x0", ndim=(0,)))
    y0 = float(_evaluate(f, x0, "x0"))
    slope = derivative(f, x0)

    def t(x):
        return _result(y0 + slope * (np.asarray(x, dtype=float) - x0))

    return t
