"""Learning-rate schedules: the rate used at step t, as a formula of t.

Each function gives what ``torch.optim.lr_scheduler``'s scheduler of the same
name returns from ``get_last_lr()`` after ``t`` calls of ``scheduler.step()``,
one call per iteration: the rate of iteration ``t`` (0-based). ``t`` is an
integer or an array of integers; the result is a float or an array of ``t``'s
shape.
"""

import numbers

import numpy as np

from snippets._core.checks import check_positive_int, check_step

__all__ = [
    "step_lr",
    "exponential_lr",
    "cosine_annealing_lr",
    "linear_lr",
    "one_cycle_lr",
    "warmup_cosine_lr",
]


def _steps(t):
    """``t`` as an array of whole steps >= 0; raise naming ``t`` otherwise."""
    if isinstance(t, (bool, str, bytes)) or t is None:
        raise TypeError(
            f"`t` must be an integer or an array of integers, got "
            f"{type(t).__name__} {t!r}"
        )
    try:
        a = np.asarray(t)
        if a.dtype == bool:  # numpy would take True as step 1
            raise TypeError
        a = a.astype(float)
    except (TypeError, ValueError, OverflowError):
        raise TypeError(
            f"`t` must be an integer or an array of integers, got "
            f"{type(t).__name__} {t!r}"
        ) from None
    if (
        a.size == 0
        or not np.all(np.isfinite(a))
        or np.any(a != np.round(a))
        or np.any(a < 0)
    ):
        raise ValueError(f"`t` must hold whole numbers >= 0, got {t!r}")
    return a


def _result(a):
    return float(a) if a.ndim == 0 else a


def _factor(x, name, low, high, low_open=False):
    """A real number in [low, high] (or (low, high] when ``low_open``)."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(
            f"`{name}` must be a real number, got {type(x).__name__} {x!r}"
        )
    if not (
        np.isfinite(x) and (x > low if low_open else x >= low) and x <= high
    ):
        interval = f"({low}, {high}]" if low_open else f"[{low}, {high}]"
        raise ValueError(f"`{name}` must lie in {interval}, got {x!r}")
    return float(x)


def _eta_min(eta_min):
    if isinstance(eta_min, bool) or not isinstance(eta_min, numbers.Real):
        raise TypeError(
            f"`eta_min` must be a real number, got {type(eta_min).__name__} "
            f"{eta_min!r}"
        )
    if not (np.isfinite(eta_min) and eta_min >= 0):
        raise ValueError(
            f"`eta_min` must be a finite number >= 0, got {eta_min!r}"
        )
    return float(eta_min)


def step_lr(t, lr, step_size, gamma=0.1):
    """Step decay: lr * gamma^floor(t / step_size), PyTorch's ``StepLR``.

    Examples
    --------
    >>> step_lr(np.arange(7), 1.0, step_size=3).tolist()
    [1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.010000000000000002]
    """
    t, lr = _steps(t), check_step(lr, "lr")
    step_size = check_positive_int(step_size, "step_size")
    gamma = check_step(gamma, "gamma")
    # The floor makes it a staircase; without it, it would be a smooth
    # exponential decay.
    return _result(lr * gamma ** np.floor(t / step_size))


def exponential_lr(t, lr, gamma):
    """Exponential decay: lr * gamma^t, PyTorch's ``ExponentialLR``.

    Examples
    --------
    >>> exponential_lr(np.arange(3), 0.1, gamma=0.5).tolist()
    [0.1, 0.05, 0.025]
    """
    t, lr, gamma = _steps(t), check_step(lr, "lr"), check_step(gamma, "gamma")
    return _result(lr * gamma**t)


def cosine_annealing_lr(t, lr, T_max, eta_min=0.0):
    """Cosine annealing from lr down to eta_min in T_max steps.

    eta_min + (lr - eta_min) (1 + cos(pi t / T_max)) / 2. Past ``T_max`` the
    cosine rises again, as PyTorch's scheduler does when it is stepped on.

    Examples
    --------
    >>> lrs = cosine_annealing_lr(np.array([0, 5, 10]), 1.0, T_max=10)
    >>> np.round(lrs, 12).tolist()
    [1.0, 0.5, 0.0]
    """
    t, lr = _steps(t), check_step(lr, "lr")
    T_max, eta_min = check_positive_int(T_max, "T_max"), _eta_min(eta_min)
    return _result(
        eta_min + (lr - eta_min) * (1 + np.cos(np.pi * t / T_max)) / 2
    )


def linear_lr(t, lr, start_factor=1 / 3, end_factor=1.0, total_iters=5):
    """A linear ramp of lr's factor, PyTorch's ``LinearLR``: a warm-up.

    lr * (start_factor + (end_factor - start_factor) min(t, total_iters) /
    total_iters), PyTorch's ``LinearLR``: a linear warm-up with its defaults.

    Examples
    --------
    >>> np.round(linear_lr(np.arange(7), 0.3), 12).tolist()
    [0.1, 0.14, 0.18, 0.22, 0.26, 0.3, 0.3]
    """
    t, lr = _steps(t), check_step(lr, "lr")
    start_factor = _factor(start_factor, "start_factor", 0, 1, low_open=True)
    end_factor = _factor(end_factor, "end_factor", 0, 1)
    total_iters = check_positive_int(total_iters, "total_iters")
    fraction = np.minimum(t, total_iters) / total_iters
    return _result(
        lr * (start_factor + (end_factor - start_factor) * fraction)
    )


def _anneal_cos(start, end, pct):
    """Cosine from ``start`` (pct = 0) to ``end`` (pct = 1)."""
    return end + (start - end) * (1 + np.cos(np.pi * pct)) / 2


def one_cycle_lr(
    t,
    max_lr,
    total_steps,
    pct_start=0.3,
    div_factor=25.0,
    final_div_factor=1e4,
):
    """The one-cycle policy as PyTorch's ``OneCycleLR`` runs it.

    Up from max_lr / div_factor to max_lr over the first pct_start *
    total_steps - 1 steps, then down to max_lr / (div_factor *
    final_div_factor) at step total_steps - 1, both along a half cosine. Steps
    0 to total_steps are defined (PyTorch raises past that).

    Examples
    --------
    >>> lrs = one_cycle_lr(np.arange(100), 0.1, total_steps=100)
    >>> print(f"{lrs[0]:.4f} {lrs.max():.4f} {lrs.argmax()} {lrs[-1]:.1e}")
    0.0040 0.1000 29 4.0e-07
    """
    t, max_lr = _steps(t), check_step(max_lr, "max_lr")
    total_steps = check_positive_int(total_steps, "total_steps")
    pct_start = _factor(pct_start, "pct_start", 0, 1)
    div_factor = check_step(div_factor, "div_factor")
    final_div_factor = check_step(final_div_factor, "final_div_factor")
    # The phase boundary, a float as in PyTorch; both phases must last more
    # than 0 steps.
    peak = pct_start * total_steps - 1
    if not 0 < peak < total_steps - 1:
        raise ValueError(
            f"`pct_start` must put the peak strictly inside the cycle, 0 < "
            f"pct_start * total_steps - 1"
            f" < total_steps - 1, got pct_start * total_steps - 1 = {peak!r}"
        )
    if np.any(t > total_steps):
        raise ValueError(
            f"`t` must be at most `total_steps` = {total_steps}, got "
            f"{t.max():.0f}"
        )
    initial_lr = max_lr / div_factor
    min_lr = initial_lr / final_div_factor
    up = _anneal_cos(initial_lr, max_lr, t / peak)
    down = _anneal_cos(max_lr, min_lr, (t - peak) / (total_steps - 1 - peak))
    return _result(np.where(t <= peak, up, down))


def warmup_cosine_lr(
    t, lr, warmup_steps, total_steps, eta_min=0.0, start_factor=1 / 3
):
    """Linear warm-up, then cosine annealing: ``SequentialLR`` of the two.

    ``LinearLR(start_factor, total_iters=warmup_steps)`` for the steps t <
    warmup_steps, then ``CosineAnnealingLR(T_max=total_steps - warmup_steps,
    eta_min)`` started afresh at t = warmup_steps (the milestone).

    Examples
    --------
    >>> t = np.arange(12)
    >>> lrs = warmup_cosine_lr(t, 0.3, warmup_steps=2, total_steps=12)
    >>> np.round(lrs[:3], 12).tolist(), round(float(lrs[7]), 12)
    ([0.1, 0.2, 0.3], 0.15)
    """
    t, lr = _steps(t), check_step(lr, "lr")
    warmup_steps = check_positive_int(warmup_steps, "warmup_steps")
    total_steps = check_positive_int(total_steps, "total_steps")
    if total_steps <= warmup_steps:
        raise ValueError(
            f"`total_steps` must be greater than `warmup_steps` = "
            f"{warmup_steps}, got {total_steps}"
        )
    start_factor = _factor(start_factor, "start_factor", 0, 1, low_open=True)
    warm = linear_lr(
        np.minimum(t, warmup_steps), lr, start_factor, 1.0, warmup_steps
    )
    cool = cosine_annealing_lr(
        np.maximum(t - warmup_steps, 0),
        lr,
        total_steps - warmup_steps,
        _eta_min(eta_min),
    )
    return _result(np.where(t < warmup_steps, warm, cool))
