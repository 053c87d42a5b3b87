"""The distributions machine learning uses most: Bernoulli, categorical, normal, exponential.

Each is a probability mass function (pmf, discrete) or a density (pdf, continuous), with the
CDF where the chapter uses it. Parameters are named as in the formulas: ``p``, ``mu``,
``sigma``, ``lam`` (lambda, the rate, is a Python keyword).
"""

import math

import numpy as np

from snippets.integration.antiderivatives import Phi

__all__ = [
    "bernoulli_pmf",
    "bernoulli_log_pmf",
    "categorical_pmf",
    "normal_pdf",
    "normal_cdf",
    "within_sigmas",
    "exponential_pdf",
    "exponential_cdf",
]


def _real(x, name):
    """``x`` as a float array (or float); refuse NaN and non-numbers, naming the argument."""
    a = np.asarray(x)
    if a.dtype.kind not in "iuf":  # None, strings, bools, complex numbers
        raise TypeError(f"`{name}` must be a real number or array, got {x!r}")
    a = a.astype(float)
    if np.any(np.isnan(a)):
        raise ValueError(f"`{name}` must not be NaN, got {x!r}")
    return a


def _out(value):
    return float(value) if np.ndim(value) == 0 else value


def _finite(value, name):
    """``value`` as a float; refuse non-numbers, NaN and +-inf, naming the argument."""
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"`{name}` must be a real number, got {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"`{name}` must be a finite real number, got {value!r}")
    return float(value)


def _positive(value, name):
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(f"`{name}` must be a real number, got {value!r}")
    if not (math.isfinite(value) and value > 0):
        raise ValueError(
            f"`{name}` must be a positive finite number, got {value!r}"
        )
    return float(value)


def _outcomes(k, allowed, name="k"):
    k = np.asarray(k)
    if k.dtype.kind not in "iub" or not np.isin(k, allowed).all():
        raise ValueError(f"`{name}` must be in {allowed}, got {k!r}")
    return k.astype(int)


def bernoulli_pmf(k, p):
    """P(X = k) for X ~ Bernoulli(p): p for k = 1, 1 - p for k = 0.

    Examples
    --------
    >>> print(bernoulli_pmf(1, 0.3), bernoulli_pmf(0, 0.3))
    0.3 0.7
    """
    real = (int, float, np.integer, np.floating)
    if isinstance(p, bool) or not isinstance(p, real):
        raise TypeError(
            f"`p` must be a probability, a real number, got {p!r}"
        )
    if not 0 <= p <= 1:  # also refuses NaN
        raise ValueError(f"`p` must be a probability in [0, 1], got {p!r}")
    k = _outcomes(k, [0, 1])
    return _out(np.where(k == 1, p, 1 - p))


def bernoulli_log_pmf(k, logit):
    r"""ln P(X = k) for X ~ Bernoulli(sigma(logit)), computed from the logit, never from p.

    ln sigma(z) = -ln(1 + e^{-z}) and ln(1 - sigma(z)) = -ln(1 + e^{z}), written with
    ``np.logaddexp``: no ln 0 and no overflow, however large |z|. Minus this is the binary
    cross-entropy of a classifier whose output layer produces the logit z.

    Examples
    --------
    >>> print(f"{bernoulli_log_pmf(0, 800.0):.1f}")  # ln(1 - sigma(800)): p rounds to 1
    -800.0
    """
    k = _outcomes(k, [0, 1])
    z = _real(logit, "logit")
    if np.any(np.isinf(z)):
        raise ValueError(f"`logit` must be finite, got {logit!r}")
    try:
        np.broadcast_shapes(k.shape, z.shape)
    except ValueError:
        raise ValueError(
            f"`k` and `logit` must have the same (or broadcastable) shapes, "
            f"got {k.shape} and {z.shape}"
        ) from None
    # k = 1: -ln(1 + e^-z);  k = 0: -ln(1 + e^z)
    return _out(-np.logaddexp(0.0, np.where(k == 1, -z, z)))


def categorical_pmf(k, p):
    """P(X = k) for X ~ Categorical(p): the k-th probability, k = 0, ..., K - 1.

    Examples
    --------
    >>> categorical_pmf(2, [0.2, 0.3, 0.5])
    0.5
    """
    given = p
    p = np.asarray(p)
    if p.dtype.kind not in "iuf":
        raise TypeError(
            f"`p` must be an array of probabilities, got {given!r}"
        )
    p = p.astype(float)
    # NaN fails p >= 0; an inf passes it, and then fails the sum below
    if p.ndim != 1 or p.size == 0 or not np.all(p >= 0):
        raise ValueError(
            f"`p` must be a 1-D array of non-negative probabilities, got {p!r}"
        )
    if not math.isclose(math.fsum(p), 1.0, rel_tol=1e-9):
        raise ValueError(
            f"`p` must add up to 1, got a sum of {math.fsum(p)!r}"
        )
    k = _outcomes(k, list(range(p.size)))
    return _out(p[k])


def normal_pdf(x, mu=0.0, sigma=1.0):
    r"""The normal density $\frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x-\mu)^2 / (2\sigma^2)}$.

    Examples
    --------
    >>> print(f"{normal_pdf(0.0):.6f}")  # 1 / sqrt(2 pi)
    0.398942
    """
    x = _real(x, "x")
    mu = _finite(mu, "mu")
    sigma = _positive(sigma, "sigma")
    z = (x - mu) / sigma
    return _out(np.exp(-0.5 * z**2) / (sigma * math.sqrt(2 * math.pi)))


def normal_cdf(x, mu=0.0, sigma=1.0):
    r"""P(X <= x) for X ~ N(mu, sigma^2): $\Phi((x - \mu) / \sigma)$.

    Examples
    --------
    >>> print(f"{normal_cdf(1.0) - normal_cdf(-1.0):.4f}")  # within one sigma
    0.6827
    """
    x = _real(x, "x")
    mu = _finite(mu, "mu")
    sigma = _positive(sigma, "sigma")
    return Phi((x - mu) / sigma)


def within_sigmas(k):
    r"""P(|X - mu| < k sigma) for any normal X: $\Phi(k) - \Phi(-k)$, the same for every mu, sigma.

    Examples
    --------
    >>> print([round(within_sigmas(k), 4) for k in (1, 2, 3)])
    [0.6827, 0.9545, 0.9973]
    """
    given, k = k, _real(k, "k")
    if np.any(k < 0):
        raise ValueError(f"`k` must be non-negative, got {given!r}")
    # Phi(k) - Phi(-k) = 1 - 2 Phi(-k): the small tail is accurate,
    # the big one is not
    return _out(1 - 2 * Phi(-k))


def exponential_pdf(x, lam=1.0):
    r"""The exponential density $\lambda e^{-\lambda x}$ for $x \ge 0$, and 0 for $x < 0$.

    Examples
    --------
    >>> print(exponential_pdf(0.0, lam=2.0), exponential_pdf(-1.0, lam=2.0))
    2.0 0.0
    """
    x = _real(x, "x")
    lam = _positive(lam, "lam")
    # np.maximum keeps exp from overflowing at large negative x, where the
    # density is 0 anyway
    return _out(np.where(x >= 0, lam * np.exp(-lam * np.maximum(x, 0.0)), 0.0))


def exponential_cdf(x, lam=1.0):
    r"""P(X <= x) for X ~ Exp(lam): $1 - e^{-\lambda x}$ for $x \ge 0$, and 0 for $x < 0$.

    Examples
    --------
    >>> print(f"{exponential_cdf(1.0):.6f}")  # 1 - 1/e
    0.632121
    """
    x = _real(x, "x")
    lam = _positive(lam, "lam")
    return _out(np.where(x >= 0, -np.expm1(-lam * np.maximum(x, 0.0)), 0.0))
