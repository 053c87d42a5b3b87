"""A multilayer perceptron with its backward pass written out: no autodiff inside.

Batch-row convention throughout: ``X`` has shape ``(n_samples, n_features)`` and a layer computes
``Z = A_prev @ W + b`` with ``W`` of shape ``(n_in, n_out)``.
"""

import numpy as np

from snippets._core.activations import (
    ACTIVATIONS,
    check_activation,
    identity,
    identity_prime,
    relu,
    relu_prime,
    sigmoid,
    sigmoid_prime,
    tanh_prime,
)
from snippets._core.checks import (
    check_arrays,
    check_lr,
    check_pairs,
    check_positive_int,
    check_rng,
    check_step,
)
from snippets._core.losses import cross_entropy, mse_loss

__all__ = [
    # The activations and losses live in the package's core; this chapter teaches them.
    "ACTIVATIONS", "sigmoid", "sigmoid_prime", "tanh_prime", "relu", "relu_prime",
    "identity", "identity_prime",
    "xavier_normal", "he_normal", "MLP", "mse_loss", "cross_entropy",
    "sgd_step", "clip_grad_norm", "two_layer_step", "XOR_X", "XOR_Y", "train_xor",
]


def xavier_normal(n_in, n_out, rng=None):
    """Glorot/Xavier weights: N(0, 2 / (n_in + n_out)), shape ``(n_in, n_out)``.

    Keeps the variance of activations and of gradients roughly constant through
    layers whose activation has slope 1 at 0, such as tanh: the derivation treats the
    activation as the identity near 0. It does not suit the sigmoid, whose slope is at
    most 1/4 (PyTorch's ``xavier_normal_`` with gain 1).

    Parameters
    ----------
    n_in, n_out : int
        Fan-in and fan-out of the layer.
    rng : numpy.random.Generator, int or None
        Generator, or seed for a new one.

    Examples
    --------
    >>> xavier_normal(784, 128, rng=0).shape
    (784, 128)
    """
    n_in = check_positive_int(n_in, "n_in")
    n_out = check_positive_int(n_out, "n_out")
    std = np.sqrt(2.0 / (n_in + n_out))
    return check_rng(rng).normal(0.0, std, size=(n_in, n_out))


def he_normal(n_in, n_out, rng=None):
    """He/Kaiming weights: N(0, 2 / n_in), shape ``(n_in, n_out)``.

    ReLU zeroes half of its inputs, so the factor 2 keeps the variance of the
    activations constant through ReLU layers (PyTorch's ``kaiming_normal_`` with
    ``nonlinearity="relu"``).

    Examples
    --------
    >>> W = he_normal(1000, 1000, rng=0)
    >>> print(f"{W.std():.3f} {np.sqrt(2 / 1000):.3f}")
    0.045 0.045
    """
    n_in = check_positive_int(n_in, "n_in")
    n_out = check_positive_int(n_out, "n_out")
    std = np.sqrt(2.0 / n_in)
    return check_rng(rng).normal(0.0, std, size=(n_in, n_out))


INITIALISERS = {"xavier": xavier_normal, "he": he_normal}


def _check_2d(a, name, n_cols):
    if a is None or isinstance(a, (str, bytes)):
        raise TypeError(f"`{name}` must be a real array, got {type(a).__name__}")
    try:
        a = np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"`{name}` must be a real array, got {type(a).__name__}") from None
    if a.ndim != 2 or a.shape[1] != n_cols:
        raise ValueError(f"`{name}` must have shape (n_samples, {n_cols}), got {a.shape}")
    if not np.all(np.isfinite(a)):
        raise ValueError(f"`{name}` must be finite")
    return a


class MLP:
    """Fully connected network: Z_l = A_(l-1) W_l + b_l, A_l = g(Z_l), A_0 = X.

    Parameters
    ----------
    sizes : sequence of int
        Layer widths ``[n_features, n_hidden..., n_outputs]``, so
        ``len(sizes) - 1`` weight layers.
    activation : {"relu", "tanh", "sigmoid", "identity"}
        Activation g of the hidden layers.
    output : {"identity", "sigmoid", "relu", "tanh"}
        Activation of the last layer; "identity" gives logits for a fused loss.
    init : {"he", "xavier"}
        Weight initialiser; biases start at zero.
    rng : numpy.random.Generator, int or None
        Generator, or seed for a new one.

    Examples
    --------
    >>> net = MLP([3, 5, 2], rng=0)
    >>> [W.shape for W in net.W], [b.shape for b in net.b]
    ([(3, 5), (5, 2)], [(5,), (2,)])
    >>> net.forward(np.ones((4, 3))).shape
    (4, 2)
    """

    def __init__(self, sizes, activation="relu", output="identity", *,
                 init="he", rng=None):
        if not isinstance(sizes, (list, tuple, np.ndarray)):
            raise TypeError("`sizes` must be a list of layer widths, "
                            f"got {type(sizes).__name__} {sizes!r}")
        if len(sizes) < 2:
            raise ValueError(
                "`sizes` must list at least 2 layer widths, "
                f"got {list(sizes)!r}"
            )
        sizes = [check_positive_int(n, "sizes") for n in sizes]
        self.g, self.g_prime = check_activation(activation, "activation")
        self.g_out, self.g_out_prime = check_activation(output, "output")
        if init not in INITIALISERS:
            raise ValueError(
                f"`init` must be one of {sorted(INITIALISERS)}, got {init!r}")
        rng = check_rng(rng)
        shapes = list(zip(sizes[:-1], sizes[1:]))  # (n_in, n_out) per layer
        self.W = [INITIALISERS[init](m, n, rng) for m, n in shapes]
        self.b = [np.zeros(n) for n in sizes[1:]]
        # The gradient arrays are allocated once; backward overwrites them.
        self.dW = [np.zeros_like(W) for W in self.W]
        self.db = [np.zeros_like(b) for b in self.b]

    def activations(self, l):
        """(g, g') of layer ``l`` (0-based); the last layer has the output's."""
        if l == len(self.W) - 1:
            return self.g_out, self.g_out_prime
        return self.g, self.g_prime

    def forward(self, X):
        """Return the output A_L for a batch ``X`` (n_samples, n_features).

        Keeps every Z_l and A_l: the backward pass needs them.
        """
        X = _check_2d(X, "X", self.W[0].shape[0])
        self.A, self.Z = [X], []
        for l, (W, b) in enumerate(zip(self.W, self.b)):
            g, _ = self.activations(l)
            Z = self.A[-1] @ W  # (n, n_in) @ (n_in, n_out) -> (n, n_out)
            Z += b  # b (n_out,) is added to every row, in place: no new array
            self.Z.append(Z)
            self.A.append(g(Z))
        return self.A[-1]

    def backward(self, dA):
        """Fill ``self.dW``, ``self.db`` with dL/dW_l, dL/db_l from ``dA``.

        ``dA`` is dL/dA_L, the gradient at the output. Returns the lists
        ``(dW, db)``. Call after ``forward`` on the same batch.
        """
        if not hasattr(self, "A"):
            raise RuntimeError("call `forward` before `backward`")
        dA = _check_2d(dA, "dA", self.W[-1].shape[1])
        if dA.shape != self.A[-1].shape:
            shape = self.A[-1].shape
            raise ValueError(
                f"`dA` must have the output shape {shape}, got {dA.shape}")
        for l in reversed(range(len(self.W))):
            _, g_prime = self.activations(l)
            dZ = dA * g_prime(self.Z[l])  # dL/dZ_l = dL/dA_l ⊙ g'(Z_l)
            # dL/dW_l = A_(l-1)^T dZ_l, written into the stored array
            np.matmul(self.A[l].T, dZ, out=self.dW[l])
            np.sum(dZ, axis=0, out=self.db[l])  # dL/db_l: b_l is in every row
            if l > 0:  # dL/dX is never needed: skip it
                dA = dZ @ self.W[l].T  # dL/dA_(l-1) = dZ_l W_l^T
        return self.dW, self.db

    def parameters(self):
        """The parameter arrays ``[W_1, ..., W_L, b_1, ..., b_L]``, updated in place by optimizers."""
        return self.W + self.b

    def gradients(self):
        """dL/dp for each array of ``parameters()``, in the same order (filled by ``backward``)."""
        return self.dW + self.db


def sgd_step(params, grads, lr):
    """One step of gradient descent, in place: p <- p - lr dL/dp for each array.

    Any model that lists its parameters and their gradients in the same order (the MLP's
    ``parameters()`` and ``gradients()``) trains with it.

    Parameters
    ----------
    params, grads : list or tuple of float arrays
        The parameters, changed in place, and their gradients, of the same shapes, in order.
    lr : float
        The learning rate, >= 0 (PyTorch's ``torch.optim.SGD`` also allows 0).

    Raises
    ------
    TypeError
        If ``params`` or ``grads`` is not a list or tuple of float NumPy arrays (None, a
        generator or a bare float cannot be updated in place), or ``lr`` is not a number.
    ValueError
        If the lists differ in length or an array in shape, or ``lr`` is negative or not finite.

    Examples
    --------
    >>> w, g = np.array([1.0, 2.0]), np.array([0.5, -1.0])
    >>> sgd_step([w], [g], lr=0.1)
    >>> w.tolist()
    [0.95, 2.1]
    """
    params, grads = check_pairs(params, grads)  # float arrays, shapes matching
    lr = check_lr(lr)
    for p, g in zip(params, grads):
        p -= lr * g


def clip_grad_norm(grads, max_norm):
    """Scale ``grads`` in place so that their global norm is at most ``max_norm``.

    PyTorch's ``clip_grad_norm_`` rule: the L2 norm is taken over all arrays
    together, every array is multiplied by ``min(1, max_norm / (norm + 1e-6))``, and
    the norm before clipping is returned. Unlike PyTorch's default, a non-finite
    norm raises.

    Examples
    --------
    >>> g = [np.array([3.0]), np.array([4.0])]
    >>> total = clip_grad_norm(g, 1.0)
    >>> print(f"{total:.1f}", np.round(np.concatenate(g), 6).tolist())
    5.0 [0.6, 0.8]
    """
    grads = check_arrays(grads, "grads")  # a float cannot be scaled in place
    max_norm = check_step(max_norm, "max_norm")
    total = float(np.sqrt(sum(np.sum(np.square(g)) for g in grads)))
    if not np.isfinite(total):
        raise ValueError(
            f"`grads` must be finite, got a global norm of {total}")
    scale = min(1.0, max_norm / (total + 1e-6))  # 1e-6 guards a zero norm
    for g in grads:
        g *= scale
    return total


def _check_two_layer(X, Y, W1, b1, W2, b2):
    """``X, Y`` as float arrays; raise naming the first argument whose shape does not fit.

    Without it, a (1, 1) target broadcasts against (n, 1) predictions: the update is then
    n times the gradient of the loss returned.
    """
    for name, p in (("W1", W1), ("b1", b1), ("W2", W2), ("b2", b2)):
        if not (isinstance(p, np.ndarray) and np.issubdtype(p.dtype, np.floating)):
            kind = p.dtype if isinstance(p, np.ndarray) else type(p).__name__
            raise TypeError(
                f"`{name}` must be a float NumPy array (it is updated in place), got {kind}")
    if W1.ndim != 2:
        raise ValueError(f"`W1` must have shape (d, h), got {W1.shape}")
    d, h = W1.shape
    if W2.ndim != 2 or W2.shape[0] != h:
        raise ValueError(f"`W2` must have shape ({h}, k), got {W2.shape}")
    k = W2.shape[1]
    for name, p, shape in (("b1", b1, (h,)), ("b2", b2, (k,))):
        if p.shape != shape:
            raise ValueError(f"`{name}` must have shape {shape}, got {p.shape}")
    X = _check_2d(X, "X", d)
    Y = np.asarray(Y, dtype=float)
    if Y.shape != (X.shape[0], k):
        raise ValueError(
            f"`Y` must have the shape of the predictions {(X.shape[0], k)}, got {Y.shape}")
    if not np.all(np.isfinite(Y)):
        raise ValueError("`Y` must be finite")
    return X, Y


def two_layer_step(X, Y, W1, b1, W2, b2, lr):
    """One training step of a 2-layer sigmoid MLP on the MSE; returns the loss.

    The MLP class's loop, unrolled for two layers with every shape written down:
    ``X`` is (n, d), ``W1`` (d, h), ``b1`` (h,), ``W2`` (h, k), ``b2`` (k,),
    ``Y`` (n, k). The parameters are updated in place.
    """
    X, Y = _check_two_layer(X, Y, W1, b1, W2, b2)  # shapes fit: no broadcast
    lr = check_lr(lr)
    # Forward pass; each bias is added to every row
    Z1 = X @ W1 + b1  # (n, d) @ (d, h) + (h,) -> (n, h)
    A1 = sigmoid(Z1)  # (n, h)
    Z2 = A1 @ W2 + b2  # (n, h) @ (h, k) + (k,) -> (n, k)
    A2 = sigmoid(Z2)  # (n, k): the predictions Y_hat
    # Loss: mean over all n k entries
    L = np.mean((A2 - Y) ** 2)
    # Backward pass: each line is dL/d(something) from the line below it
    dA2 = 2 * (A2 - Y) / Y.size  # (n, k)
    dZ2 = dA2 * A2 * (1 - A2)  # (n, k); sigma'(Z2) = A2 (1 - A2)
    dW2 = A1.T @ dZ2  # (h, n) @ (n, k) -> (h, k), the shape of W2
    db2 = dZ2.sum(axis=0)  # (k,): sum over the rows b2 was added to
    dA1 = dZ2 @ W2.T  # (n, k) @ (k, h) -> (n, h)
    dZ1 = dA1 * A1 * (1 - A1)  # (n, h)
    dW1 = X.T @ dZ1  # (d, n) @ (n, h) -> (d, h), the shape of W1
    db1 = dZ1.sum(axis=0)  # (h,)
    # Update, in place: p <- p - lr dL/dp
    for p, dp in ((W1, dW1), (b1, db1), (W2, dW2), (b2, db2)):
        p -= lr * dp
    return float(L)


# The inputs (x1, x2), shape (4, 2), and the targets x1 XOR x2, shape (4, 1)
XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([[0], [1], [1], [0]], dtype=float)


def train_xor(rng=2, lr=0.5, epochs=3000):
    """Train a 2-4-1 sigmoid MLP (one hidden layer, two weight layers) on XOR.

    Full-batch gradient descent on the mean squared error. Returns the network and
    the loss before each of the ``epochs`` updates.
    """
    rng, lr = check_rng(rng), check_lr(lr)
    epochs = check_positive_int(epochs, "epochs")
    net = MLP([2, 4, 1], "sigmoid", output="sigmoid", init="xavier", rng=rng)
    losses = np.empty(epochs)
    for epoch in range(epochs):
        Y_hat = net.forward(XOR_X)  # forward: (4, 2) -> (4, 4) -> (4, 1)
        losses[epoch], dY_hat = mse_loss(Y_hat, XOR_Y)  # dL/dY_hat: (4, 1)
        net.backward(dY_hat)  # backward: fills net.dW and net.db
        sgd_step(net.parameters(), net.gradients(), lr)  # update
    return net, losses
