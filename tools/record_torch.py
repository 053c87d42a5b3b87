"""Record PyTorch's losses, gradients and learning-rate schedules for the tests of the part
"Optimization".

    python -m tools.record_torch            # writes tests/optimization/data/torch_reference.json

PyTorch is no requirement of the site or its tests: the tests compare the package with the file
this script writes (which names the torch version), and compare live only where torch is
installed. Every case is defined here once; the file stores the inputs next to the outputs.
"""

import json
import pathlib
import warnings

import numpy as np

OUT = (
    pathlib.Path(__file__).resolve().parent.parent
    / "tests/optimization/data/torch_reference.json"
)

# Logits from ordinary to far past where exp overflows a double (709.8) or sigmoid rounds to 0 or 1.
EXTREME = [
    -1e4,
    -1000.0,
    -100.0,
    -40.0,
    -36.0,
    -20.0,
    -1.0,
    0.0,
    1.0,
    20.0,
    36.0,
    40.0,
    100.0,
    1000.0,
    1e4,
]


def loss_cases():
    """(name, first argument, target) for every loss case: inputs as nested lists of floats."""
    rng = np.random.default_rng(2026)
    cases = []
    for shape in [(1,), (7,), (4, 3), (2, 3, 2)]:
        a, b = rng.normal(size=shape), rng.normal(size=shape)
        cases += [("mse_loss", a, b), ("l1_loss", a, b)]
    ties = np.array([1.0, -2.0, 0.5, 3.0])
    cases.append(
        ("l1_loss", ties, np.array([1.0, 0.0, 0.5, -3.0]))
    )  # two ties: subgradient 0
    # Probabilities, including exactly 0 and 1 (the clamped logarithm) and soft targets.
    p = np.array([1e-15, 0.01, 0.2, 0.5, 0.7, 0.99, 1 - 1e-12])
    cases.append(
        (
            "binary_cross_entropy",
            p,
            np.array([1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0]),
        )
    )
    cases.append(
        (
            "binary_cross_entropy",
            p,
            np.array([0.3, 0.9, 0.5, 0.5, 0.1, 0.0, 1.0]),
        )
    )
    cases.append(
        (
            "binary_cross_entropy",
            np.array([0.0, 1.0, 0.0, 1.0]),
            np.array([0.0, 1.0, 1.0, 0.0]),
        )
    )
    cases.append(
        (
            "binary_cross_entropy",
            rng.uniform(0.05, 0.95, (3, 4)),
            rng.integers(0, 2, (3, 4)).astype(float),
        )
    )
    z = np.array(EXTREME)
    for y in (np.ones_like(z), np.zeros_like(z), np.full_like(z, 0.25)):
        cases.append(("binary_cross_entropy_with_logits", z, y))
    cases.append(
        (
            "binary_cross_entropy_with_logits",
            rng.normal(0, 3, (5, 2)),
            rng.uniform(0, 1, (5, 2)),
        )
    )
    # Cross-entropy: ordinary logits, and rows whose logits differ by thousands.
    Z = rng.normal(size=(6, 4))
    cases.append(("cross_entropy", Z, rng.integers(0, 4, 6)))
    Z = np.array(
        [
            [1e4, 0.0, -1e4],
            [0.0, 1e4, 0.0],
            [-1000.0, 1000.0, 0.0],
            [800.0, 800.0, 800.0],
            [-800.0, -800.0, -799.0],
            [1.0, 2.0, 3.0],
        ]
    )
    cases.append(("cross_entropy", Z, np.array([0, 0, 2, 1, 2, 1])))
    cases.append(("cross_entropy", rng.normal(0, 30, (10, 10)), np.arange(10)))
    return [(name, a.tolist(), b.tolist()) for name, a, b in cases]


# (name of the package's function, its keyword arguments, number of scheduler steps recorded).
SCHEDULE_CASES = [
    ("step_lr", {"lr": 0.1, "step_size": 30}, 200),
    ("step_lr", {"lr": 0.5, "step_size": 7, "gamma": 0.5}, 60),
    ("exponential_lr", {"lr": 0.1, "gamma": 0.95}, 200),
    ("exponential_lr", {"lr": 1.0, "gamma": 0.5}, 60),
    ("cosine_annealing_lr", {"lr": 0.1, "T_max": 100}, 300),
    ("cosine_annealing_lr", {"lr": 0.05, "T_max": 17, "eta_min": 0.001}, 100),
    ("linear_lr", {"lr": 0.1}, 20),
    (
        "linear_lr",
        {
            "lr": 0.2,
            "start_factor": 0.01,
            "end_factor": 0.5,
            "total_iters": 40,
        },
        100,
    ),
    ("one_cycle_lr", {"max_lr": 0.1, "total_steps": 100}, 100),
    (
        "one_cycle_lr",
        {
            "max_lr": 0.4,
            "total_steps": 1000,
            "pct_start": 0.25,
            "div_factor": 10.0,
            "final_div_factor": 100.0,
        },
        1000,
    ),
    ("one_cycle_lr", {"max_lr": 1.0, "total_steps": 7, "pct_start": 0.5}, 7),
    (
        "warmup_cosine_lr",
        {"lr": 0.1, "warmup_steps": 10, "total_steps": 100},
        100,
    ),
    (
        "warmup_cosine_lr",
        {
            "lr": 3e-4,
            "warmup_steps": 500,
            "total_steps": 5000,
            "eta_min": 3e-5,
            "start_factor": 0.001,
        },
        5000,
    ),
]


def torch_loss(name, a, b):
    """PyTorch's loss and gradient with respect to the first argument, in float64."""
    import torch
    import torch.nn.functional as F

    x = torch.tensor(a, dtype=torch.float64, requires_grad=True)
    if name == "cross_entropy":
        target = torch.tensor(b, dtype=torch.long)
    else:
        target = torch.tensor(b, dtype=torch.float64)
    loss = getattr(F, name)(x, target)
    loss.backward()
    return loss.item(), x.grad.tolist()


def torch_schedule(name, kwargs, steps):
    """The rates ``get_last_lr()`` gives after 0, 1, ..., ``steps`` scheduler steps."""
    import torch
    from torch.optim import lr_scheduler as S

    p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    lr = kwargs.get("lr", kwargs.get("max_lr"))
    opt = torch.optim.SGD([p], lr=lr, momentum=0.9)
    k = {key: value for key, value in kwargs.items() if key != "lr"}
    if name == "step_lr":
        sched = S.StepLR(opt, **k)
    elif name == "exponential_lr":
        sched = S.ExponentialLR(opt, **k)
    elif name == "cosine_annealing_lr":
        sched = S.CosineAnnealingLR(opt, **k)
    elif name == "linear_lr":
        sched = S.LinearLR(opt, **k)
    elif name == "one_cycle_lr":
        sched = S.OneCycleLR(opt, **k)
    elif name == "warmup_cosine_lr":
        warmup, total = k["warmup_steps"], k["total_steps"]
        sched = S.SequentialLR(
            opt,
            [
                S.LinearLR(
                    opt,
                    start_factor=k.get("start_factor", 1 / 3),
                    total_iters=warmup,
                ),
                S.CosineAnnealingLR(
                    opt, T_max=total - warmup, eta_min=k.get("eta_min", 0.0)
                ),
            ],
            milestones=[warmup],
        )
    else:
        raise ValueError(f"unknown schedule {name!r}")
    rates = [sched.get_last_lr()[0]]
    for _ in range(steps):
        opt.step()  # the order PyTorch asks for: optimizer, then scheduler
        sched.step()
        rates.append(sched.get_last_lr()[0])
    return [float(r) for r in rates]


def record():
    """Everything PyTorch says about the cases, as a JSON-ready dict."""
    import torch

    with warnings.catch_warnings():
        warnings.simplefilter(
            "ignore"
        )  # e.g. SequentialLR's deprecation notes
        losses = []
        for name, a, b in loss_cases():
            loss, grad = torch_loss(name, a, b)
            losses.append(
                {
                    "name": name,
                    "input": a,
                    "target": b,
                    "loss": loss,
                    "grad": grad,
                }
            )
        schedules = [
            {
                "name": name,
                "kwargs": kwargs,
                "lr": torch_schedule(name, kwargs, steps),
            }
            for name, kwargs, steps in SCHEDULE_CASES
        ]
    return {
        "torch": torch.__version__,
        "losses": losses,
        "schedules": schedules,
    }


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(record(), indent=1) + "\n")
    print(f"wrote {OUT.relative_to(OUT.parents[3])}")
