"""Loss landscapes of networks: 2-D slices, sharpness, ReLU rescaling and SAM's gradient.

``filter_normalized_direction`` and ``loss_slice`` draw a trained network's loss on a plane
through its weights (Li et al., 2018); ``top_hessian_eigenvalue`` measures sharpness by power
iteration on Hessian-vector products; ``rescale_relu_layer`` changes the weights, and the
sharpness, of a ReLU network without changing the function it computes; ``sam_gradient`` is
the gradient that sharpness-aware minimization steps along.
"""

import numbers

import numpy as np

from snippets._core.checks import check_callable, check_point, check_positive_int, check_rng, check_step
from snippets.optimization.losses import cross_entropy

__all__ = [
    "filter_normalized_direction", "loss_slice", "top_hessian_eigenvalue", "rescale_relu_layer",
    "sam_gradient", "flat_gradient",
]


def _check_net(net):
    if not (hasattr(net, "W") and hasattr(net, "b") and hasattr(net, "forward")):
        raise TypeError(f"`net` must be an MLP (with W, b and forward), got {type(net).__name__}")


def filter_normalized_direction(net, rng=None):
    """A random direction in ``net``'s weights, scaled filter by filter to the weights' size.

    For each weight matrix W (n_in, n_out) a Gaussian matrix D is drawn and each column (the
    weights into one unit: a "filter") is rescaled to the norm of W's column; the biases get a
    zero direction. Returns ``(dW, db)``, lists shaped like ``net.W`` and ``net.b``.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([3, 4, 2], rng=0)
    >>> dW, db = filter_normalized_direction(net, rng=1)
    >>> bool(np.allclose(np.linalg.norm(dW[0], axis=0), np.linalg.norm(net.W[0], axis=0)))
    True
    """
    _check_net(net)
    rng = check_rng(rng)
    dW = []
    for W in net.W:
        D = rng.normal(size=W.shape)
        # column by column: |D[:, j]| = |W[:, j]|
        D *= np.linalg.norm(W, axis=0) / np.linalg.norm(D, axis=0)
        dW.append(D)
    return dW, [np.zeros_like(b) for b in net.b]


def loss_slice(net, X, y, d1, d2, alphas, betas):
    """Mean cross-entropy of ``net`` at theta + a d1 + b d2 for every a in ``alphas``, b in ``betas``.

    ``d1``, ``d2`` are directions as ``filter_normalized_direction`` returns them. Returns an
    array of shape (len(betas), len(alphas)); the network's weights are restored afterwards.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([2, 3], rng=0)
    >>> X, y = np.eye(2), np.array([0, 1])
    >>> d = filter_normalized_direction(net, rng=0)
    >>> L = loss_slice(net, X, y, d, d, [0.0], [0.0])
    >>> bool(L[0, 0] == cross_entropy(net.forward(X), y)[0])
    True
    """
    _check_net(net)
    X = check_point(X, "X", ndim=(2,))
    alphas = check_point(alphas, "alphas", ndim=(1,))
    betas = check_point(betas, "betas", ndim=(1,))
    for name, d in (("d1", d1), ("d2", d2)):
        if not (isinstance(d, tuple) and len(d) == 2 and len(d[0]) == len(net.W)
                and all(a.shape == W.shape for a, W in zip(d[0], net.W))
                and all(a.shape == b.shape for a, b in zip(d[1], net.b))):
            raise ValueError(f"`{name}` must be a direction (dW, db) shaped like the network's weights")
    W0, b0 = [W.copy() for W in net.W], [b.copy() for b in net.b]
    L = np.empty((len(betas), len(alphas)))
    try:
        for i, b in enumerate(betas):
            for j, a in enumerate(alphas):
                for l in range(len(net.W)):
                    net.W[l][...] = W0[l] + a * d1[0][l] + b * d2[0][l]
                    net.b[l][...] = b0[l] + a * d1[1][l] + b * d2[1][l]
                L[i, j] = cross_entropy(net.forward(X), y)[0]
    finally:  # put the trained weights back, whatever happened
        for l in range(len(net.W)):
            net.W[l][...], net.b[l][...] = W0[l], b0[l]
    return L


def top_hessian_eigenvalue(grad, w, iters=100, h=1e-5, rng=None):
    """The largest-magnitude eigenvalue of the Hessian at ``w``: the loss's sharpness there.

    Power iteration v <- H v / ||H v||, each product H v from the gradient alone by a central
    difference, (grad(w + h v) - grad(w - h v)) / (2h): the Hessian is never formed. For a
    ReLU network the difference is right only if no unit changes sign within +-h of ``w``;
    where the weights feeding a layer are small, take a smaller ``h``.

    Examples
    --------
    >>> A = np.diag([1.0, 5.0, 2.0])
    >>> print(f"{top_hessian_eigenvalue(lambda w: A @ w, np.zeros(3), rng=0):.6f}")
    5.000000
    """
    check_callable(grad, "grad")
    w = check_point(w, "w", ndim=(1,))
    iters = check_positive_int(iters, "iters")
    h = check_step(h, "h")
    v = check_rng(rng).normal(size=w.shape)
    v /= np.linalg.norm(v)
    lam = 0.0
    for _ in range(iters):
        g_plus = np.asarray(grad(w + h * v), dtype=float)
        g_minus = np.asarray(grad(w - h * v), dtype=float)
        if g_plus.shape != w.shape:
            raise ValueError("`grad` must return an array of shape "
                             f"{w.shape}, got {g_plus.shape}")
        Hv = (g_plus - g_minus) / (2 * h)  # H v to O(h^2)
        lam = float(v @ Hv)  # Rayleigh quotient
        norm = np.linalg.norm(Hv)
        if norm == 0:
            return 0.0
        v = Hv / norm
    return lam


def rescale_relu_layer(net, l, alpha):
    """Multiply layer ``l``'s weights and bias by ``alpha`` > 0 and divide layer l + 1's weights by it.

    relu(alpha z) = alpha relu(z) for alpha > 0, so a ReLU network computes exactly the same
    function afterwards (up to round-off), though its weights, and the sharpness of its loss,
    have changed. Changes ``net`` in place.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([2, 3, 1], rng=0)
    >>> X = np.array([[1.0, -2.0], [0.5, 0.5]])
    >>> before = net.forward(X)
    >>> rescale_relu_layer(net, 0, 100.0)
    >>> bool(np.allclose(net.forward(X), before, rtol=1e-12))
    True
    """
    alpha = _check_rescale(net, l, alpha)
    net.W[l] *= alpha
    net.b[l] *= alpha
    net.W[l + 1] /= alpha


def _check_rescale(net, l, alpha):
    _check_net(net)
    hidden = len(net.W) - 1
    if isinstance(l, bool) or not isinstance(l, numbers.Integral) or not 0 <= l < hidden:
        raise ValueError(f"`l` must be a hidden layer index in [0, {hidden}), got {l!r}")
    alpha = check_step(alpha, "alpha")
    name = net.activations(l)[0].__name__
    if name != "relu":
        raise ValueError(f"layer `l` = {l} must have the ReLU activation (it is {name})")
    return alpha


def sam_gradient(grad, w, rho=0.05):
    """The gradient SAM steps along: grad at w + rho g / ||g||, with g = grad(w).

    Sharpness-aware minimization (Foret et al., 2021) approximately minimizes the worst loss
    within distance rho of w; to first order the worst point is w + rho g / ||g||, and SAM
    updates w <- w - lr * grad(w + rho g / ||g||).

    Examples
    --------
    >>> g = sam_gradient(lambda w: 2 * w, np.array([3.0, 4.0]), rho=0.5)
    >>> g.tolist()  # 2 (w + 0.5 w / 5)
    [6.6, 8.8]
    """
    check_callable(grad, "grad")
    w = check_point(w, "w", ndim=(1,))
    rho = check_step(rho, "rho")
    g = np.asarray(grad(w), dtype=float)
    if g.shape != w.shape:
        raise ValueError(
            f"`grad` must return an array of shape {w.shape}, got {g.shape}")
    norm = np.linalg.norm(g)
    if norm == 0:  # a critical point: no ascent direction to perturb along
        return g
    return np.asarray(grad(w + rho * g / norm), dtype=float)


def flat_gradient(net, X, y):
    """``(w, grad)``: the network's weights as one vector, and the cross-entropy's gradient as a
    function of such a vector.

    ``grad(v)`` loads ``v`` into the network, runs forward and backward on ``(X, y)``, puts the
    network's own weights back, and returns dL/dv as one vector: the form that
    ``top_hessian_eigenvalue`` and ``sam_gradient`` take.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([2, 2], rng=0)
    >>> w, grad = flat_gradient(net, np.eye(2), np.array([0, 1]))
    >>> w.shape, grad(w).shape
    ((6,), (6,))
    """
    _check_net(net)
    X = check_point(X, "X", ndim=(2,))
    if np.shape(y) != (X.shape[0],):
        raise ValueError(f"`y` must have shape ({X.shape[0]},), one label per row of `X`, got {np.shape(y)}")
    params = net.parameters()
    shapes = [p.shape for p in params]
    w0 = np.concatenate([p.ravel() for p in params])

    def grad(v):
        v = check_point(v, "v", ndim=(1,))
        if v.shape != w0.shape:
            raise ValueError(f"`v` must have shape {w0.shape}, got {v.shape}")
        saved = [p.copy() for p in params]
        try:
            start = 0
            for p, shape in zip(params, shapes):
                p[...] = v[start:start + p.size].reshape(shape)
                start += p.size
            _, dZ = cross_entropy(net.forward(X), y)
            net.backward(dZ)
            return np.concatenate([g.ravel() for g in net.gradients()])
        finally:
            for p, s in zip(params, saved):
                p[...] = s

    return w0.copy(), grad
