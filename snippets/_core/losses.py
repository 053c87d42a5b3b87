"""Loss functions and their gradients: one home for the whole book.

Names and mean reduction are those of ``torch.nn.functional``. Each loss returns
``(loss, grad)``: the loss as a Python float and ``grad`` = dL/d(first argument), an array
of the first argument's shape. The shapes of the two arguments must match exactly (no
broadcasting: a (4, 1) prediction against a (4,) target would silently build a (4, 4) loss).
"""

import numpy as np

from snippets._core.activations import sigmoid

__all__ = [
    "mse_loss", "l1_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits",
    "cross_entropy",
]


_TORCH_BCE_EPSILON = float(np.float32(1e-12))  # 9.999999960041972e-13


def _as_array(a, name):
    """``a`` as a non-empty finite float array; raise naming ``name`` otherwise."""
    if a is None or isinstance(a, (str, bytes)):
        raise TypeError(f"`{name}` must be a real number or array, got {type(a).__name__} {a!r}")
    try:
        a = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"`{name}` must be a real number or array, got {type(a).__name__}") from None
    if a.size == 0:
        raise ValueError(f"`{name}` must not be empty, got shape {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"`{name}` must be finite")
    return a


def _pair(a, b, names):
    """Both arguments as float arrays of exactly the same shape."""
    a, b = _as_array(a, names[0]), _as_array(b, names[1])
    if a.shape != b.shape:
        raise ValueError(
            f"`{names[1]}` must have the shape of `{names[0]}` {a.shape}, got {b.shape}")
    return a, b


def _check_unit_interval(a, name):
    if np.any((a < 0) | (a > 1)):
        raise ValueError(f"`{name}` must lie in [0, 1], got values from {a.min()} to {a.max()}")


def _logits_and_labels(Z, y):
    Z = _as_array(Z, "Z")
    if Z.ndim != 2:
        raise ValueError(f"`Z` must be a 2-D array (n, k) of logits, got shape {Z.shape}")
    n, k = Z.shape
    if y is None or isinstance(y, (str, bytes)):
        raise TypeError(f"`y` must be an array of integer class labels, got {type(y).__name__}")
    labels = np.asarray(y)
    if labels.shape != (n,):
        raise ValueError(
            f"`y` must have shape ({n},) for `Z` of shape {Z.shape}, got {labels.shape}")
    # Integers only: float targets are class probabilities in torch; bools are not labels
    if not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"`y` must hold integer class labels, got {y!r}")
    if labels.min() < 0 or labels.max() >= k:
        raise ValueError(f"`y` must hold class labels in [0, {k}), got {y!r}")
    return Z, labels.astype(np.intp)


def mse_loss(y_hat, y):
    """Mean squared error mean((y_hat - y)^2) and its gradient 2 (y_hat - y) / n.

    ``n`` is the number of entries. Torch's ``F.mse_loss(y_hat, y)``.

    Examples
    --------
    >>> L, grad = mse_loss(np.array([[1.0], [3.0]]), np.array([[0.0], [0.0]]))
    >>> print(f"{L:.1f}", grad.ravel().tolist())
    5.0 [1.0, 3.0]
    """
    y_hat, y = _pair(y_hat, y, ("y_hat", "y"))
    e = y_hat - y
    return float(np.mean(e**2)), 2 * e / e.size


def l1_loss(y_hat, y):
    """Mean absolute error mean(|y_hat - y|) and its subgradient sign(y_hat - y) / n.

    At y_hat == y the subgradient is 0, as in torch's ``F.l1_loss``.

    Examples
    --------
    >>> L, grad = l1_loss(np.array([1.0, 2.0, -3.0, 5.0]), np.array([0.0, 2.0, 0.0, 0.0]))
    >>> print(f"{L:.2f}", grad.tolist())
    2.25 [0.25, 0.0, -0.25, 0.25]
    """
    y_hat, y = _pair(y_hat, y, ("y_hat", "y"))
    e = y_hat - y
    return float(np.mean(np.abs(e))), np.sign(e) / e.size


def binary_cross_entropy(p, y):
    """Mean of -(y ln p + (1 - y) ln(1 - p)) for probabilities ``p``, and dL/dp.

    Like torch's ``F.binary_cross_entropy``, each logarithm is clamped to >= -100, so
    p = 0 or p = 1 gives a finite loss, and the gradient is
    (p - y) / max(p (1 - p), eps) / n with torch's eps, the float32 number nearest 1e-12
    (9.99999996e-13): the exact derivative wherever p (1 - p) >= eps.
    Prefer :func:`binary_cross_entropy_with_logits`, which never needs the clamp.

    Examples
    --------
    >>> L, grad = binary_cross_entropy(np.array([0.5, 0.8]), np.array([1.0, 1.0]))
    >>> print(f"{L:.6f} {-(np.log(0.5) + np.log(0.8)) / 2:.6f}", grad.tolist())
    0.458145 0.458145 [-1.0, -0.625]
    >>> print(f"{binary_cross_entropy(np.array([0.0]), np.array([1.0]))[0]:.1f}")
    100.0
    """
    p, y = _pair(p, y, ("p", "y"))
    _check_unit_interval(p, "p")
    _check_unit_interval(y, "y")
    # log(0) = -inf, then clamped at -100 as torch does
    with np.errstate(divide="ignore"):
        log_p = np.maximum(np.log(p), -100.0)
        log_1mp = np.maximum(np.log1p(-p), -100.0)
    loss = -np.mean(y * log_p + (1 - y) * log_1mp)
    # torch's backward clamps the denominator at its EPSILON, a float32
    # constant 1e-12: the float32 number nearest 1e-12, not the float64 one
    grad = (p - y) / np.maximum(p * (1 - p), _TORCH_BCE_EPSILON) / p.size
    return float(loss), grad


def binary_cross_entropy_with_logits(z, y):
    """Binary cross-entropy of sigmoid(z) against ``y``, computed from the logits ``z``.

    Stable form of -(y ln sigma(z) + (1 - y) ln(1 - sigma(z))):
    max(z, 0) - z y + ln(1 + e^(-|z|)), finite for every finite z; the gradient is
    (sigma(z) - y) / n. Torch's ``F.binary_cross_entropy_with_logits``, except that torch
    (2.13, float64) returns 0 for z = -40, y = 0, where this returns ln(1 + e^-40) ~ 4.2e-18.

    Examples
    --------
    >>> L, grad = binary_cross_entropy_with_logits(np.array([0.0, 0.0]), np.array([1.0, 0.0]))
    >>> print(f"{L:.6f} {np.log(2):.6f}", grad.tolist())
    0.693147 0.693147 [-0.25, 0.25]
    >>> L, _ = binary_cross_entropy_with_logits(np.array([40.0]), np.array([1.0]))
    >>> print(f"{L / np.exp(-40):.6f}")
    1.000000
    """
    z, y = _pair(z, y, ("z", "y"))
    _check_unit_interval(y, "y")
    loss = np.maximum(z, 0) - z * y + np.log1p(np.exp(-np.abs(z)))
    return float(np.mean(loss)), (sigmoid(z) - y) / z.size


def cross_entropy(Z, y):
    """Mean cross-entropy of softmax(Z) against integer labels ``y``, and dL/dZ.

    ``Z`` holds logits, shape (n, k); ``y`` the classes, shape (n,), integers in [0, k).
    Per row, -ln softmax(Z)_y = logsumexp(Z) - Z_y, with the row's max taken out of the
    exponentials so that nothing overflows: finite for any finite logits. The gradient
    through softmax and log collapses to (softmax(Z) - onehot(y)) / n. Torch's
    ``F.cross_entropy(Z, y)``.

    Examples
    --------
    >>> L, dZ = cross_entropy(np.zeros((2, 4)), np.array([0, 3]))
    >>> print(f"{L:.6f} {np.log(4):.6f}", dZ.shape)
    1.386294 1.386294 (2, 4)
    >>> print(f"{cross_entropy(np.array([[0.0, 1e4]]), np.array([0]))[0]:.1f}")
    10000.0
    """
    Z, y = _logits_and_labels(Z, y)  # (n, k) floats; (n,) integers in [0, k)
    rows = np.arange(Z.shape[0])
    shifted = Z - Z.max(axis=1, keepdims=True)  # <= 0: exp cannot overflow
    lse = np.log(np.sum(np.exp(shifted), axis=1))  # logsumexp(Z) - max(Z)
    loss = np.mean(lse - shifted[rows, y])
    P = np.exp(shifted - lse[:, None])  # softmax(Z)
    P[rows, y] -= 1  # softmax(Z) - onehot(y), in place
    return float(loss), P / Z.shape[0]
