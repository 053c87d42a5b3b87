"""Record the steps ``torch.optim``'s SGD, RMSprop, Adam and AdamW take, for the tests of the
chapter "Momentum and adaptive optimizers".

    python -m tools.record_torch_optim   # writes tests/optimization/data/torch_optim_steps.json

Two problems that are not quadratic: the Rosenbrock function from (-1.2, 1), and the mean squared
error of a 3-5-1 tanh network on 8 fixed points (parameters [W1, W2, b1, b2], as the package's
MLP lists them, batch-row convention Z = X W + b). Each optimizer runs with every option for
STEPS steps in float64 with ``foreach=False`` (PyTorch's single-tensor code path); the file keeps
the inputs, the options and the parameters after every step, with the torch version. PyTorch is
no requirement of the site or its tests: the tests read this file, and compare live only where
torch is installed.
"""

import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests/optimization/data/torch_optim_steps.json"
STEPS = 60
EVERY = {"rosenbrock": 1, "mlp": 10}  # keep the network's parameters after every 10th step only

# (optimizer, options): every option of every optimizer, alone and combined.
CASES = [
    ("SGD", {"lr": 1e-3}),
    ("SGD", {"lr": 1e-3, "momentum": 0.9}),
    ("SGD", {"lr": 1e-3, "momentum": 0.9, "dampening": 0.5}),
    ("SGD", {"lr": 1e-3, "momentum": 0.9, "nesterov": True}),
    ("SGD", {"lr": 1e-3, "momentum": 0.5, "weight_decay": 0.1}),
    ("SGD", {"lr": 1e-3, "momentum": 0.9, "weight_decay": 0.1, "nesterov": True}),
    ("RMSprop", {"lr": 1e-3}),
    ("RMSprop", {"lr": 1e-3, "alpha": 0.3, "eps": 1e-3}),  # 1 - alpha >= 0.5: lerp's other form
    ("RMSprop", {"lr": 1e-3, "centered": True}),
    # A short average (alpha = 0.3) makes v - gbar^2 cancel to near 0, where sqrt amplifies an ulp
    # of round-off without bound: eps = 1e-2 keeps the comparison well conditioned.
    ("RMSprop", {"lr": 1e-3, "centered": True, "alpha": 0.3, "eps": 1e-2}),
    ("RMSprop", {"lr": 1e-3, "momentum": 0.9}),
    ("RMSprop", {"lr": 1e-3, "momentum": 0.5, "centered": True, "weight_decay": 0.1}),
    ("Adam", {"lr": 1e-2}),
    ("Adam", {"lr": 1e-2, "betas": (0.3, 0.5), "eps": 1e-4}),
    ("Adam", {"lr": 1e-2, "weight_decay": 0.1}),
    ("Adam", {"lr": 1e-2, "amsgrad": True}),
    ("Adam", {"lr": 1e-2, "amsgrad": True, "weight_decay": 0.1, "betas": (0.8, 0.9)}),
    ("AdamW", {"lr": 1e-2}),
    ("AdamW", {"lr": 1e-2, "weight_decay": 0.5, "betas": (0.5, 0.99)}),
    ("AdamW", {"lr": 1e-2, "weight_decay": 0.1, "amsgrad": True}),
]


def problems():
    """The two problems' starting parameters (and the network's data), as nested lists."""
    rng = np.random.default_rng(2026)
    X, Y = rng.normal(size=(8, 3)), rng.normal(size=(8, 1))
    W1, W2 = rng.normal(size=(3, 5)) / np.sqrt(3), rng.normal(size=(5, 1)) / np.sqrt(5)
    b1, b2 = rng.normal(size=5) * 0.1, rng.normal(size=1) * 0.1
    return {
        "rosenbrock": {"params": [[-1.2, 1.0]]},
        "mlp": {"X": X.tolist(), "Y": Y.tolist(), "params": [a.tolist() for a in (W1, W2, b1, b2)]},
    }


def torch_loss(problem, data, params):
    """The problem's loss of the torch tensors ``params``."""
    import torch

    if problem == "rosenbrock":
        x, y = params[0]
        return (1 - x) ** 2 + 100 * (y - x**2) ** 2
    W1, W2, b1, b2 = params
    X = torch.tensor(data["X"], dtype=torch.float64)
    Y = torch.tensor(data["Y"], dtype=torch.float64)
    out = torch.tanh(X @ W1 + b1) @ W2 + b2
    return torch.mean((out - Y) ** 2)


def torch_steps(name, options, problem, data, steps=STEPS):
    """The parameters after steps EVERY, 2 EVERY, ... of ``torch.optim.<name>``, as nested lists."""
    import torch

    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in data["params"]]
    opt = getattr(torch.optim, name)(params, foreach=False, **options)
    path = []
    for t in range(1, steps + 1):
        opt.zero_grad()
        torch_loss(problem, data, params).backward()
        opt.step()
        if t % EVERY[problem] == 0:
            path.append([p.detach().tolist() for p in params])
    return path


def record():
    """Every case on both problems, as a JSON-ready dict."""
    import torch

    data = problems()
    runs = [
        {"optimizer": name, "options": options, "problem": problem,
         "path": torch_steps(name, options, problem, data[problem])}
        for name, options in CASES for problem in data
    ]
    return {"torch": torch.__version__, "steps": STEPS, "every": EVERY, "problems": data, "runs": runs}


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(record()) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size // 1000} KB)")
