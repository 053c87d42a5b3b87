"""Trigonometry as machine learning uses it.

- ``positional_encoding``: the sinusoidal position codes of the Transformer;
- ``rotation_matrix``: R(theta), which turns a vector counter-clockwise by theta;
- ``fourier_series`` and ``square_wave_coefficients``: rebuild a periodic signal from waves.
"""

import numbers

import numpy as np

from snippets._core.checks import check_positive_int

__all__ = [
    "positional_encoding", "rotation_matrix", "fourier_series",
    "square_wave_coefficients",
]


def _finite(value, name):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"`{name}` must be a real number, "
                        f"got {type(value).__name__} {value!r}")
    if not np.isfinite(value):
        raise ValueError(
            f"`{name}` must be a finite real number, got {value!r}")
    return float(value)


def positional_encoding(n_positions, d_model, base=10000.0):
    """The sinusoidal positional encoding, one row per position, shape (n_positions, d_model).

    PE[pos, 2i] = sin(pos / base^(2i/d)) and PE[pos, 2i+1] = cos(pos / base^(2i/d)), with
    d = ``d_model``: column pair i is a wave whose wavelength grows from 2 pi (i = 0) towards
    2 pi base (the last pairs). An odd ``d_model`` ends with a sine column.

    Parameters
    ----------
    n_positions : int
        The number of positions, 0 to n_positions - 1.
    d_model : int
        The size of each code.
    base : float, optional
        The base of the wavelengths, 10000 in "Attention Is All You Need".

    Returns
    -------
    ndarray of shape (n_positions, d_model)

    Raises
    ------
    ValueError
        If ``n_positions`` or ``d_model`` is not a positive integer, or ``base`` is not a
        finite number greater than 1.

    Examples
    --------
    >>> np.round(positional_encoding(2, 4), 3)  # position 1 starts with sin 1, cos 1
    array([[0.   , 1.   , 0.   , 1.   ],
           [0.841, 0.54 , 0.01 , 1.   ]])
    """
    n_positions = check_positive_int(n_positions, "n_positions")
    d_model = check_positive_int(d_model, "d_model")
    base = _finite(base, "base")
    if base <= 1:
        raise ValueError(f"`base` must be greater than 1, got {base!r}")
    pos = np.arange(n_positions)[:, None]  # a column of positions
    two_i = np.arange(0, d_model, 2)  # 0, 2, 4, ...: the even columns
    angle = pos / base ** (two_i / d_model)  # (n_positions, ceil(d/2))
    pe = np.empty((n_positions, d_model))
    pe[:, 0::2] = np.sin(angle)
    pe[:, 1::2] = np.cos(angle[:, : d_model // 2])
    return pe


def rotation_matrix(theta):
    """R(theta) = [[cos theta, -sin theta], [sin theta, cos theta]]: a counter-clockwise turn.

    Examples
    --------
    >>> np.round(rotation_matrix(np.pi / 2) @ [1.0, 0.0], 12) + 0.0  # x-axis to y-axis
    array([0., 1.])
    """
    theta = _finite(theta, "theta")
    c, s = np.cos(theta), np.sin(theta)
    return np.array([[c, -s], [s, c]])


def fourier_series(t, a0, a, b, period=2 * np.pi):
    """The partial sum a0/2 + sum_{n=1}^N (a_n cos(n omega t) + b_n sin(n omega t)), omega = 2 pi / period.

    Parameters
    ----------
    t : float or array_like
        Times.
    a0 : float
        The constant coefficient; the series starts with its half, the signal's mean.
    a, b : array_like of length N
        Cosine and sine coefficients a_1..a_N and b_1..b_N.
    period : float, optional
        The period of the signal.

    Returns
    -------
    float or ndarray
        The partial sum at ``t``, shaped like ``t``.

    Raises
    ------
    TypeError
        If an argument is not a real number or array of them.
    ValueError
        If a number is not finite, ``t`` is empty, ``a`` and ``b`` differ in length, or
        ``period`` <= 0.

    Examples
    --------
    >>> round(fourier_series(0.0, 2.0, [1.0], [5.0]), 12)  # 2/2 + 1 cos 0 + 5 sin 0
    2.0
    """
    a0, period = _finite(a0, "a0"), _finite(period, "period")
    if period <= 0:
        raise ValueError(f"`period` must be positive, got {period!r}")
    arrays = {}
    for value, name in [(t, "t"), (a, "a"), (b, "b")]:
        try:
            array = np.asarray(value)
            # Numbers only: None, bools, complex numbers, strings are refused.
            if array.dtype.kind not in "iuf":
                raise TypeError
        except (TypeError, ValueError):
            raise TypeError(f"`{name}` must be a real number or array, "
                            f"got {type(value).__name__}") from None
        arrays[name] = array.astype(float)
        if not np.all(np.isfinite(arrays[name])):
            raise ValueError(f"`{name}` must be finite")
    t, a, b = arrays["t"], arrays["a"], arrays["b"]
    if t.size == 0:
        raise ValueError(
            f"`t` must hold at least one time, got shape {t.shape}"
        )
    if a.ndim != 1 or a.shape != b.shape:
        raise ValueError("`a` and `b` must be 1-D of the same length, "
                         f"got shapes {a.shape} and {b.shape}")
    n = np.arange(1, a.size + 1)
    # n omega t for every t and n, shape (..., N)
    omega_t = 2 * np.pi / period * n * t[..., None]
    total = a0 / 2 + np.cos(omega_t) @ a + np.sin(omega_t) @ b
    return float(total) if total.ndim == 0 else total


def square_wave_coefficients(n_terms):
    """Fourier coefficients (a0, a, b) of the 0/1 square wave of period 2 pi.

    The wave is 1 on (0, pi) and 0 on (pi, 2 pi): its mean a0/2 is 1/2, every a_n is 0, and
    b_n = 2 / (n pi) for odd n, 0 for even n.

    Examples
    --------
    >>> a0, a, b = square_wave_coefficients(3)
    >>> a0, a.tolist(), np.round(b * np.pi, 6).tolist()
    (1.0, [0.0, 0.0, 0.0], [2.0, 0.0, 0.666667])
    """
    n_terms = check_positive_int(n_terms, "n_terms")
    n = np.arange(1, n_terms + 1)
    b = np.where(n % 2 == 1, 2 / (n * np.pi), 0.0)
    return 1.0, np.zeros(n_terms), b
