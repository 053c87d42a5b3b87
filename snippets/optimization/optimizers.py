"""Momentum and adaptive optimizers, step for step as ``torch.optim`` takes them.

``SGD`` (with momentum, dampening, Nesterov), ``RMSprop`` (centered, momentum), ``Adam`` (AMSGrad)
and ``AdamW`` keep PyTorch's arguments, defaults and order of operations (its single-tensor code
path, ``foreach=False``), so that in float64 they take the same steps as ``torch.optim`` up to
round-off. Each holds a list of parameter arrays and changes them in place: ``opt.step(grads)``
with one gradient array per parameter, as the MLP's ``parameters()`` and ``gradients()`` give them.
"""

import numbers

import numpy as np

from snippets._core.checks import (
    check_arrays,
    check_callable,
    check_labelled_rows,
    check_lr,
    check_network,
    check_point,
    check_positive_int,
    check_rng,
)
from snippets.optimization.losses import cross_entropy

__all__ = ["SGD", "RMSprop", "Adam", "AdamW", "optimizer_path", "fit", "playground_data"]


def _real(x, name, low=0.0, below=None):
    """``x`` as a float; raise unless it is a finite real number >= ``low`` (and < ``below``)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"`{name}` must be a real number, got {type(x).__name__} {x!r}")
    if not np.isfinite(x) or (low is not None and x < low) or (below is not None and x >= below):
        if below is not None:
            rule = f" in [{low:g}, {below:g})"
        else:
            rule = "" if low is None else f" >= {low:g}"
        raise ValueError(f"`{name}` must be a finite number{rule}, got {x!r}")
    return float(x)


def _flag(x, name):
    if not isinstance(x, (bool, np.bool_)):
        raise TypeError(f"`{name}` must be True or False, got {type(x).__name__} {x!r}")
    return bool(x)


def _lerp(a, b, w):
    """a <- a + w (b - a) in place, as torch's ``lerp_`` computes it (two forms, by the size of w)."""
    if abs(w) < 0.5:
        a += w * (b - a)
    else:
        a[...] = b - (b - a) * (1 - w)


class _Optimizer:
    """What every optimizer shares: the parameter list, its checks, and the check of ``grads``."""

    def __init__(self, params):
        self.params = check_arrays(params, "params")
        if not self.params:
            raise ValueError("`params` must hold at least one array, got an empty list")

    def _grads(self, grads):
        grads = check_arrays(grads, "grads")
        if len(grads) != len(self.params):
            raise ValueError(
                f"`grads` must have one array per parameter ({len(self.params)}), got {len(grads)}")
        for i, (p, g) in enumerate(zip(self.params, grads)):
            if g.shape != p.shape:
                raise ValueError(
                    f"`grads[{i}]` must have the shape of `params[{i}]` {p.shape}, got {g.shape}")
            if not np.all(np.isfinite(g)):
                raise ValueError(f"`grads[{i}]` must be finite")
        return grads


class SGD(_Optimizer):
    """Stochastic gradient descent with heavy-ball momentum, dampening and Nesterov.

    PyTorch's ``torch.optim.SGD``: for each parameter p with gradient g,
    ``g <- g + weight_decay p``; ``b <- momentum b + (1 - dampening) g`` (b = g on the first
    step); ``g <- g + momentum b`` (Nesterov) or ``g <- b``; ``p <- p - lr g``.

    Parameters
    ----------
    params : list of float arrays
        Changed in place by :meth:`step`.
    lr : float
        Learning rate, >= 0.
    momentum : float
        Momentum factor mu, >= 0 (0: plain gradient descent).
    dampening : float
        The gradient enters the buffer with weight 1 - dampening (not on the first step).
    weight_decay : float
        L2 penalty coefficient, >= 0, added to the gradient.
    nesterov : bool
        Nesterov momentum; needs ``momentum > 0`` and ``dampening == 0``.

    Examples
    --------
    >>> w = np.array([1.0])
    >>> opt = SGD([w], lr=0.1, momentum=0.9)
    >>> for _ in range(2):
    ...     opt.step([2 * w])  # f(w) = w^2
    >>> print(f"{w[0]:.4f}")  # 1 - 0.2 = 0.8, then buffer 0.9 * 2 + 1.6 = 3.4
    0.4600
    """

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False):
        super().__init__(params)
        self.lr = check_lr(lr)
        self.momentum = _real(momentum, "momentum")
        self.dampening = _real(dampening, "dampening", low=None)
        self.weight_decay = _real(weight_decay, "weight_decay")
        self.nesterov = _flag(nesterov, "nesterov")
        if self.nesterov and (self.momentum <= 0 or self.dampening != 0):
            raise ValueError(
                "`nesterov` requires `momentum` > 0 and `dampening` = 0, "
                f"got momentum={momentum!r}, dampening={dampening!r}")
        self.buffers = [None] * len(self.params)  # the momentum buffers b, one per parameter

    def step(self, grads):
        """Update every parameter in place from its gradient."""
        grads = self._grads(grads)
        mu, lr = self.momentum, self.lr
        for i, (p, g) in enumerate(zip(self.params, grads)):
            if self.weight_decay != 0:
                g = g + self.weight_decay * p  # L2: the gradient of wd/2 ||p||^2
            if mu != 0:
                b = self.buffers[i]
                if b is None:  # first step: b = g, no dampening
                    b = self.buffers[i] = g.copy()
                else:  # b <- mu b + (1 - dampening) g
                    b *= mu
                    b += (1 - self.dampening) * g
                g = g + mu * b if self.nesterov else b
            p -= lr * g


class RMSprop(_Optimizer):
    """RMSprop: divide each gradient by a running root mean square of its past values.

    PyTorch's ``torch.optim.RMSprop``: ``v <- alpha v + (1 - alpha) g^2``; the denominator is
    ``sqrt(v) + eps`` (eps outside the root), or ``sqrt(v - gbar^2) + eps`` when ``centered``
    (gbar a running mean of g); ``p <- p - lr g / denominator``, or through a momentum buffer
    ``b <- momentum b + g / denominator``, ``p <- p - lr b``.

    Examples
    --------
    >>> w = np.array([3.0])
    >>> opt = RMSprop([w], lr=0.01)
    >>> opt.step([np.array([5.0])])  # v = 0.01 * 25, step = 0.01 * 5 / sqrt(0.25) = 0.1
    >>> print(f"{w[0]:.6f}")
    2.900000
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
                 centered=False):
        super().__init__(params)
        self.lr = check_lr(lr)
        self.alpha = _real(alpha, "alpha")
        if self.alpha > 1:  # 1 - alpha < 0 would make v negative, and its root NaN
            raise ValueError(f"`alpha` must be a finite number in [0, 1], got {alpha!r}")
        self.eps = _real(eps, "eps")
        self.weight_decay = _real(weight_decay, "weight_decay")
        self.momentum = _real(momentum, "momentum")
        self.centered = _flag(centered, "centered")
        self.v = [np.zeros_like(p) for p in self.params]  # running mean of g^2
        self.gbar = [np.zeros_like(p) for p in self.params]  # running mean of g (centered)
        self.buffers = [np.zeros_like(p) for p in self.params]  # momentum buffers

    def step(self, grads):
        """Update every parameter in place from its gradient."""
        grads = self._grads(grads)
        a, lr = self.alpha, self.lr
        for i, (p, g) in enumerate(zip(self.params, grads)):
            if self.weight_decay != 0:
                g = g + self.weight_decay * p
            v = self.v[i]
            v *= a
            v += (1 - a) * g * g  # v <- alpha v + (1 - alpha) g^2
            if self.centered:  # subtract the squared mean: a variance
                _lerp(self.gbar[i], g, 1 - a)  # gbar <- alpha gbar + (1 - alpha) g
                denom = np.sqrt(v - self.gbar[i] * self.gbar[i])
            else:
                denom = np.sqrt(v)
            denom += self.eps  # outside the root: sqrt(v) + eps
            if self.momentum > 0:
                b = self.buffers[i]
                b *= self.momentum
                b += g / denom
                p -= lr * b
            else:
                p -= lr * g / denom


class Adam(_Optimizer):
    """Adam: momentum on the gradient, RMSprop's scaling, and both bias-corrected.

    PyTorch's ``torch.optim.Adam``: with t the step count,
    ``m <- beta1 m + (1 - beta1) g``, ``v <- beta2 v + (1 - beta2) g^2``,
    ``p <- p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)``.
    ``weight_decay`` adds ``weight_decay p`` to g (L2); AdamW decouples it instead.
    ``amsgrad`` divides by the largest v so far rather than the current one.

    Examples
    --------
    >>> w = np.array([1.0, -1.0])
    >>> opt = Adam([w], lr=0.1)
    >>> opt.step([np.array([0.01, 50.0])])  # the first step is about lr * sign(g), whatever |g|
    >>> print(np.round(w, 4).tolist())
    [0.9, -1.1]
    """

    decoupled = False  # AdamW: True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 amsgrad=False):
        super().__init__(params)
        self.lr = check_lr(lr)
        if not isinstance(betas, (tuple, list)) or len(betas) != 2:
            raise TypeError(
                f"`betas` must be a pair (beta1, beta2), got {type(betas).__name__} {betas!r}")
        self.beta1 = _real(betas[0], "betas[0]", below=1.0)
        self.beta2 = _real(betas[1], "betas[1]", below=1.0)
        self.eps = _real(eps, "eps")
        self.weight_decay = _real(weight_decay, "weight_decay")
        self.amsgrad = _flag(amsgrad, "amsgrad")
        self.t = 0  # steps taken
        self.m = [np.zeros_like(p) for p in self.params]  # first moment
        self.v = [np.zeros_like(p) for p in self.params]  # second moment
        self.v_max = [np.zeros_like(p) for p in self.params]  # AMSGrad: max of v so far

    def step(self, grads):
        """Update every parameter in place from its gradient."""
        grads = self._grads(grads)
        self.t += 1
        lr, beta1, beta2, t = self.lr, self.beta1, self.beta2, self.t
        for i, (p, g) in enumerate(zip(self.params, grads)):
            if self.weight_decay != 0:
                if self.decoupled:  # AdamW: shrink p, outside the gradient
                    p *= 1 - lr * self.weight_decay
                else:  # Adam: L2 added to the gradient
                    g = g + self.weight_decay * p
            m, v = self.m[i], self.v[i]
            _lerp(m, g, 1 - beta1)  # m <- beta1 m + (1 - beta1) g
            v *= beta2
            v += (1 - beta2) * g * g  # v <- beta2 v + (1 - beta2) g^2
            bias_correction1 = 1 - beta1**t
            bias_correction2 = 1 - beta2**t
            step_size = lr / bias_correction1
            if self.amsgrad:  # the largest raw v so far
                np.maximum(self.v_max[i], v, out=self.v_max[i])
                v = self.v_max[i]
            # sqrt(v_hat) + eps, with v_hat = v / bias_correction2
            denom = np.sqrt(v) / bias_correction2**0.5 + self.eps
            p -= step_size * m / denom


class AdamW(Adam):
    """Adam with decoupled weight decay: p <- p (1 - lr weight_decay), then Adam's step.

    PyTorch's ``torch.optim.AdamW`` (default ``weight_decay=1e-2``). The decay never passes
    through m and v, so it is not rescaled by 1 / sqrt(v) as an L2 term in Adam's gradient is.

    Examples
    --------
    >>> w = np.array([2.0])
    >>> AdamW([w], lr=0.1, weight_decay=0.5).step([np.array([0.0])])
    >>> print(f"{w[0]:.4f}")  # 2 (1 - 0.05); a zero gradient moves nothing else
    1.9000
    """

    decoupled = True

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8,
                 weight_decay=1e-2, amsgrad=False):
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad)


OPTIMIZERS = (SGD, RMSprop, Adam, AdamW)


def optimizer_path(optimizer, grad, x0, steps, **options):
    """The iterates x_0, ..., x_T of ``optimizer(**options)`` on a function given by its gradient.

    Parameters
    ----------
    optimizer : SGD, RMSprop, Adam or AdamW
        The optimizer class.
    grad : callable
        ``grad(x)``, the gradient at the 1-D point ``x``, shaped like it.
    x0 : 1-D array
        The start.
    steps : int
        The number of steps T.
    **options
        The optimizer's hyperparameters (``lr``, ``momentum``, ``betas``...).

    Returns
    -------
    ndarray, shape (steps + 1, n)
        The path; if an iterate stops being finite, the path ends before it.

    Examples
    --------
    >>> path = optimizer_path(SGD, lambda x: 2 * x, [1.0], 3, lr=0.25)
    >>> path.ravel().tolist()
    [1.0, 0.5, 0.25, 0.125]
    """
    if optimizer not in OPTIMIZERS:
        raise TypeError(
            f"`optimizer` must be one of SGD, RMSprop, Adam, AdamW, got {optimizer!r}")
    check_callable(grad, "grad")
    x = check_point(x0, "x0", ndim=(1,)).copy()
    steps = check_positive_int(steps, "steps")
    opt = optimizer([x], **options)
    path = [x.copy()]
    for _ in range(steps):
        with np.errstate(over="ignore", invalid="ignore"):  # far out, f may overflow: stop
            g = np.asarray(grad(x.copy()), dtype=float)
        if g.shape != x.shape:
            raise ValueError(f"`grad` must return an array of shape {x.shape}, got {g.shape}")
        if not np.all(np.isfinite(g)):
            break  # the path left every finite region: stop it there
        with np.errstate(over="ignore", invalid="ignore"):
            opt.step([g])
        if not np.all(np.isfinite(x)):
            break
        path.append(x.copy())
    return np.array(path)


def fit(net, X, y, opt, steps, batch_size=None, rng=None):
    """Train the classifier ``net`` with the optimizer ``opt`` on the mean cross-entropy.

    ``opt`` must hold ``net.parameters()`` (build it as ``Adam(net.parameters(), lr=...)``).
    Each step takes a batch (all rows, or ``batch_size`` rows of a fresh shuffle each epoch),
    runs forward and backward, and calls ``opt.step(net.gradients())``. Returns the loss of each
    step's batch, before its update.

    Examples
    --------
    >>> from snippets.backprop import MLP
    >>> net = MLP([2, 2], rng=0)
    >>> X, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0, 1])
    >>> losses = fit(net, X, y, Adam(net.parameters(), lr=0.1), steps=50)
    >>> bool(losses[-1] < losses[0] / 10)
    True
    """
    check_network(net, "forward", "backward", "gradients")
    X, y = check_labelled_rows(X, y)
    if not isinstance(opt, _Optimizer):
        raise TypeError(f"`opt` must be an optimizer (SGD, RMSprop, Adam, AdamW), got {type(opt).__name__}")
    if not all(any(p is q for q in opt.params) for p in net.parameters()):
        raise ValueError("`opt` must hold the arrays of `net.parameters()`")
    steps = check_positive_int(steps, "steps")
    n = X.shape[0]
    if batch_size is not None:
        batch_size = check_positive_int(batch_size, "batch_size")
        if batch_size > n:
            raise ValueError(
                f"`batch_size` must be at most the number of rows {n}, got {batch_size}")
    rng = check_rng(rng)
    losses, batches = np.empty(steps), []
    for t in range(steps):
        if batch_size is None:
            rows = slice(None)
        else:
            if not batches:  # a new epoch: a new order of the rows
                order = rng.permutation(n)
                batches = [order[i:i + batch_size] for i in range(0, n, batch_size)][::-1]
            rows = batches.pop()
        losses[t], dZ = cross_entropy(net.forward(X[rows]), y[rows])
        net.backward(dZ)
        opt.step(net.gradients())
    return losses


# The playground's surfaces: f, its gradient, a start and the box drawn, [xmin, xmax, ymin, ymax].
SURFACES = {
    "bowl": {
        "label": "elongated bowl f = x² + 10y²",
        "f": lambda x, y: x**2 + 10 * y**2,
        "grad": lambda p: np.array([2 * p[0], 20 * p[1]]),
        "start": [-4.0, 1.0], "box": [-5.0, 5.0, -2.0, 2.0], "levels": [0.5, 2, 5, 10, 20, 35],
    },
    "rosenbrock": {
        "label": "Rosenbrock f = (1 − x)² + 100(y − x²)²",
        "f": lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        "grad": lambda p: np.array([-2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] ** 2),
                                    200 * (p[1] - p[0] ** 2)]),
        "start": [-1.2, 1.0], "box": [-2.0, 2.0, -1.0, 3.0], "levels": [0.5, 2, 8, 30, 100, 300],
    },
    "saddle": {
        "label": "saddle f = x² + 3xy + y²",
        "f": lambda x, y: x**2 + 3 * x * y + y**2,
        "grad": lambda p: np.array([2 * p[0] + 3 * p[1], 3 * p[0] + 2 * p[1]]),
        "start": [1.5, 1.45], "box": [-2.0, 2.0, -2.0, 2.0], "levels": [-4, -2, -0.5, 0.5, 2, 5, 10],
    },
}

# The playground's optimizers: (class, fixed options, the option its beta slider sets).
PLAYGROUND = {
    "SGD": (SGD, {}, None),
    "momentum": (SGD, {}, "momentum"),
    "Nesterov": (SGD, {"nesterov": True}, "momentum"),
    "RMSprop": (RMSprop, {}, "alpha"),
    "Adam": (Adam, {}, "betas"),
    "AdamW": (AdamW, {"weight_decay": 0.1}, "betas"),
}
PLAYGROUND_LRS = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
PLAYGROUND_BETAS = [0.5, 0.9, 0.99]


def playground_data(steps=60, digits=3):
    """The optimizer playground's data: for each surface, its contours and every path.

    Each path is ``optimizer_path`` of one optimizer at one learning rate and one beta (the
    momentum factor, RMSprop's alpha, or Adam's beta1 with beta2 = 0.999), from the surface's
    start, rounded to ``digits`` decimals and cut where it leaves five times the drawn box, as
    one flat list ``[x0, y0, x1, y1, ...]``. Keys of ``paths`` are ``"<optimizer>|<lr>|<beta>"``
    (beta ``-`` for plain SGD).

    Examples
    --------
    >>> data = playground_data(steps=3)
    >>> sorted(data["surfaces"]), data["paths"]["bowl"]["SGD|0.1|-"]
    (['bowl', 'rosenbrock', 'saddle'], [-4.0, 1.0, -3.2, -1.0, -2.56, 1.0, -2.048, -1.0])
    """
    import contourpy

    steps = check_positive_int(steps, "steps")
    digits = check_positive_int(digits, "digits")
    data = {"steps": steps, "lrs": PLAYGROUND_LRS, "betas": PLAYGROUND_BETAS,
            "optimizers": list(PLAYGROUND), "surfaces": {}, "paths": {}}
    for name, s in SURFACES.items():
        x0, x1, y0, y1 = s["box"]
        X, Y = np.meshgrid(np.linspace(x0, x1, 121), np.linspace(y0, y1, 121))
        contours = contourpy.contour_generator(X, Y, s["f"](X, Y))
        data["surfaces"][name] = {
            "label": s["label"], "start": s["start"], "box": s["box"],
            "contours": [{"level": level, "lines": [np.round(line[::2], 3).tolist()
                                                   for line in contours.lines(level)]}
                         for level in s["levels"]],
        }
        far = 5 * max(x1 - x0, y1 - y0)
        paths = data["paths"][name] = {}
        for opt_name, (cls, fixed, knob) in PLAYGROUND.items():
            for lr in PLAYGROUND_LRS:
                for beta in (PLAYGROUND_BETAS if knob else ["-"]):
                    options = dict(fixed, lr=lr)
                    if knob:
                        options[knob] = (beta, 0.999) if knob == "betas" else beta
                    path = optimizer_path(cls, s["grad"], s["start"], steps, **options)
                    inside = np.all(np.abs(path) < far, axis=1)
                    end = len(path) if inside.all() else int(np.argmin(inside))
                    paths[f"{opt_name}|{lr}|{beta}"] = np.round(path[:end], digits).ravel().tolist()
    return data
