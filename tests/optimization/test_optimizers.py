"""SGD, RMSprop, Adam and AdamW against recorded (and, where installed, live) torch.optim steps,
and the claims of the chapter: momentum's two forms, its rates on quadratics, bias correction,
epsilon's place, AdamW against Adam with L2, Adam against SGD."""

import json
import pathlib

import numpy as np
import pytest

from snippets.backprop import MLP
from snippets.optimization import SGD, Adam, AdamW, RMSprop, digits, fit, optimizer_path
from snippets.optimization.losses import mse_loss

DATA = json.loads((pathlib.Path(__file__).parent / "data/torch_optim_steps.json").read_text())
CLASSES = {"SGD": SGD, "RMSprop": RMSprop, "Adam": Adam, "AdamW": AdamW}
# Same float64 operations in the same order as torch's single-tensor path; what can differ is
# rounding inside fused kernels (torch's vectorised lerp and add use fused multiply-adds) and an
# ulp of tanh, so each step agrees to ~1e-16 relative and 60 steps on these problems stay within
# 1e-11 (measured: <= 1e-12). A wrong order of operations or a misplaced eps is off by far more.
RTOL, ATOL = 1e-11, 1e-13


def rosenbrock_grad(p):
    x, y = p
    return np.array([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


def run_package(name, options, problem, data, steps, every):
    """The package's optimizer on the recorded problem; parameters after every ``every`` steps."""
    if problem == "rosenbrock":
        params = [np.array(data["params"][0])]
        grads = lambda: [rosenbrock_grad(params[0])]  # noqa: E731
    else:
        X, Y = np.array(data["X"]), np.array(data["Y"])
        net = MLP([3, 5, 1], activation="tanh", output="identity", rng=0)
        W1, W2, b1, b2 = (np.array(p) for p in data["params"])
        net.W[0][...], net.W[1][...], net.b[0][...], net.b[1][...] = W1, W2, b1, b2
        params = net.parameters()  # [W1, W2, b1, b2]

        def grads():
            _, dY = mse_loss(net.forward(X), Y)
            net.backward(dY)
            return net.gradients()

    options = {k: tuple(v) if k == "betas" else v for k, v in options.items()}
    opt = CLASSES[name](params, **options)
    path = []
    for t in range(1, steps + 1):
        opt.step(grads())
        if t % every == 0:
            path.append([p.copy() for p in params])
    return path


def assert_same_path(ours, theirs, label):
    assert len(ours) == len(theirs), label
    for k, (a, b) in enumerate(zip(ours, theirs)):
        for p, q in zip(a, b):
            np.testing.assert_allclose(p, np.array(q), rtol=RTOL, atol=ATOL, err_msg=f"{label}, record {k}")


RUNS = DATA["runs"]


def test_the_recording_covers_every_option_and_enough_steps():
    assert DATA["steps"] >= 50
    seen = {(r["optimizer"], key) for r in RUNS for key, value in r["options"].items() if value}
    for name, keys in {
        "SGD": ["momentum", "dampening", "nesterov", "weight_decay"],
        "RMSprop": ["alpha", "eps", "centered", "momentum", "weight_decay"],
        "Adam": ["betas", "eps", "weight_decay", "amsgrad"],
        "AdamW": ["betas", "weight_decay", "amsgrad"],
    }.items():
        for key in keys:
            assert (name, key) in seen, f"no recorded run of {name} with {key}"


@pytest.mark.parametrize("run", RUNS, ids=lambda r: f"{r['optimizer']}-{r['problem']}-{r['options']}")
def test_same_steps_as_recorded_torch_optim(run):
    every = DATA["every"][run["problem"]]
    ours = run_package(run["optimizer"], run["options"], run["problem"],
                       DATA["problems"][run["problem"]], DATA["steps"], every)
    assert_same_path(ours, run["path"], f"{run['optimizer']} {run['options']} on {run['problem']}")


def test_the_runs_move_far_from_the_start():
    # A test that passed because nothing moved would prove nothing.
    for run in RUNS:
        start = np.concatenate([np.ravel(p) for p in DATA["problems"][run["problem"]]["params"]])
        end = np.concatenate([np.ravel(p) for p in run["path"][-1]])
        assert np.max(np.abs(end - start)) > 1e-3, run


def test_same_steps_as_live_torch_optim():
    torch = pytest.importorskip("torch")
    from tools.record_torch_optim import CASES, EVERY, problems, torch_steps

    data = problems()
    for name, options in CASES:
        for problem in data:
            theirs = torch_steps(name, options, problem, data[problem], steps=60)
            ours = run_package(name, options, problem, data[problem], 60, EVERY[problem])
            assert_same_path(ours, theirs, f"live torch {torch.__version__}: {name} {options} on {problem}")


# --- The updates written out ----------------------------------------------------------------


def test_sgd_first_momentum_step_is_undamped_and_nesterov_looks_ahead():
    w = np.array([1.0])
    opt = SGD([w], lr=0.1, momentum=0.5, dampening=0.5)
    opt.step([np.array([2.0])])  # b = g = 2 (no dampening on step 1)
    assert w[0] == pytest.approx(1 - 0.1 * 2, rel=1e-15)
    opt.step([np.array([2.0])])  # b = 0.5 * 2 + 0.5 * 2 = 2
    assert w[0] == pytest.approx(0.8 - 0.1 * 2, rel=1e-15)
    w = np.array([1.0])
    opt = SGD([w], lr=0.1, momentum=0.5, nesterov=True)
    opt.step([np.array([2.0])])  # b = 2, step along g + mu b = 3
    assert w[0] == pytest.approx(1 - 0.3, rel=1e-15)


def test_heavy_ball_and_moving_average_momentum_are_the_same_path_with_lr_scaled():
    # v <- beta v + g, x <- x - lr v  equals  u <- beta u + (1 - beta) g, x <- x - lr/(1-beta) u
    # when both buffers start at 0 (u = (1 - beta) v by induction). PyTorch's first step sets
    # b = g, which is the same as starting at 0.
    rng = np.random.default_rng(1)
    A = rng.normal(size=(3, 3))
    A = A @ A.T + np.eye(3)
    lr, beta = 0.02, 0.9
    heavy = optimizer_path(SGD, lambda x: A @ x, np.ones(3), 100, lr=lr, momentum=beta)
    x, u, ema = np.ones(3), np.zeros(3), [np.ones(3)]
    for _ in range(100):
        u = beta * u + (1 - beta) * (A @ x)
        x = x - lr / (1 - beta) * u
        ema.append(x)
    np.testing.assert_allclose(heavy, np.array(ema), rtol=1e-10, atol=1e-12)


def rate(path):
    """Geometric mean of the contraction of ||x_t|| over the last half of a path to 0."""
    norms = np.linalg.norm(path, axis=1)
    t = len(norms) - 1
    return (norms[-1] / norms[t // 2]) ** (1 / (t - t // 2))


@pytest.mark.parametrize("kappa", [10.0, 100.0])
def test_tuned_heavy_ball_rate_against_gradient_descent_rate(kappa):
    # On f = (mu x^2 + L y^2) / 2: GD at lr 2/(mu+L) contracts by (k-1)/(k+1); heavy ball at
    # lr 4/(sqrt L + sqrt mu)^2, momentum ((sqrt k - 1)/(sqrt k + 1))^2 by (sqrt k - 1)/(sqrt k + 1)
    # (Polyak 1964), up to a polynomial factor (the iteration matrix has a double eigenvalue).
    mu, L = 1.0, kappa
    grad = lambda p: np.array([mu, L]) * p  # noqa: E731
    x0 = np.array([1.0, 1.0])
    gd = optimizer_path(SGD, grad, x0, 400, lr=2 / (mu + L))
    r = (np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)
    hb = optimizer_path(SGD, grad, x0, 400, lr=4 / (np.sqrt(L) + np.sqrt(mu)) ** 2, momentum=r**2)
    assert rate(gd) == pytest.approx((kappa - 1) / (kappa + 1), rel=1e-6)
    assert rate(hb) == pytest.approx(r, rel=0.02)  # the polynomial factor t r^t: within 2 %
    assert rate(hb) < rate(gd)


def test_elongated_bowl_momentum_beats_plain_descent_and_lr_above_0_1_diverges():
    grad = lambda p: np.array([2 * p[0], 20 * p[1]])  # noqa: E731  f = x^2 + 10 y^2
    f = lambda p: p[..., 0] ** 2 + 10 * p[..., 1] ** 2  # noqa: E731
    x0 = np.array([-4.0, 1.0])
    plain = optimizer_path(SGD, grad, x0, 50, lr=0.09)
    heavy = optimizer_path(SGD, grad, x0, 50, lr=0.09, momentum=0.5)
    assert f(heavy[50]) < 1e-13 and f(plain[50]) > 1e-8
    # plain descent zig-zags: y changes sign every step (factor 1 - 20 lr = -0.8)
    assert np.all(np.sign(plain[1:, 1]) == -np.sign(plain[:-1, 1]))
    # above lr = 2/20 = 0.1 plain descent multiplies y by |1 - 20 lr| > 1 each step...
    y = optimizer_path(SGD, grad, x0, 30, lr=0.105)[:, 1]
    np.testing.assert_allclose(y, (1 - 20 * 0.105) ** np.arange(31), rtol=1e-12)
    # ...while heavy ball tuned by Polyak's formula converges at lr 0.115
    tuned = optimizer_path(SGD, grad, x0, 50, lr=4 / (np.sqrt(2) + np.sqrt(20)) ** 2,
                           momentum=((np.sqrt(10) - 1) / (np.sqrt(10) + 1)) ** 2)
    assert f(tuned[50]) < 1e-20


def test_adam_first_step_is_lr_times_sign_and_without_correction_it_is_tiny():
    g = np.array([1e-3, -5.0, 40.0])
    w = np.zeros(3)
    Adam([w], lr=0.01, eps=0.0).step([g])
    np.testing.assert_allclose(w, -0.01 * np.sign(g), rtol=1e-14)
    # uncorrected: m = 0.1 g, v = 0.001 g^2, step = lr 0.1 / sqrt(0.001) = lr * 3.16
    m, v = 0.1 * g, 0.001 * g**2
    np.testing.assert_allclose(0.01 * m / np.sqrt(v), 0.01 * np.sign(g) * 0.1 / np.sqrt(0.001), rtol=1e-14)


def test_rmsprop_eps_is_outside_the_root():
    w = np.array([0.0])
    RMSprop([w], lr=1.0, alpha=0.0, eps=1e-2).step([np.array([1e-4])])
    # alpha = 0: v = g^2; step = g / (|g| + eps) = 1e-4 / 0.0101; inside the root it would be
    # g / sqrt(g^2 + eps) = 1e-4 / 0.1000...
    assert w[0] == pytest.approx(-1e-4 / (1e-4 + 1e-2), rel=1e-14)


def test_adam_with_l2_finds_the_penalised_minimum_and_adamw_does_not():
    # f = sum c_i (x_i - 1)^2 / 2 plus the L2 term wd/2 ||x||^2 has its minimum at c / (c + wd).
    c, wd = np.array([1.0, 100.0]), 0.1
    grad = lambda x: c * (x - 1)  # noqa: E731
    adam = optimizer_path(Adam, grad, np.zeros(2), 3000, lr=0.01, weight_decay=wd)[-1]
    adamw = optimizer_path(AdamW, grad, np.zeros(2), 3000, lr=0.01, weight_decay=wd)[-1]
    np.testing.assert_allclose(adam, c / (c + wd), rtol=1e-9)
    assert np.max(np.abs(adamw - c / (c + wd))) > 0.05
    assert adamw[0] == pytest.approx(adamw[1], rel=1e-6)  # the same shrink in both coordinates
    assert 0.99 < adamw[0] < 1
    # with weight_decay = 0 they are the same optimizer
    a = optimizer_path(Adam, grad, np.zeros(2), 50, lr=0.01)
    b = optimizer_path(AdamW, grad, np.zeros(2), 50, lr=0.01, weight_decay=0.0)
    np.testing.assert_array_equal(a, b)


def first_below(path, f, tol):
    below = np.nonzero(f(path) < tol)[0]
    return int(below[0]) if below.size else len(path)  # never: longer than the path


def test_adam_needs_fewer_steps_than_sgd_at_its_best_rate_on_an_ill_conditioned_quadratic():
    c = np.array([1.0, 100.0])
    f = lambda x: 0.5 * np.sum(c * x**2, axis=-1)  # noqa: E731
    grad = lambda x: c * x  # noqa: E731
    x0 = np.ones(2)
    adam = first_below(optimizer_path(Adam, grad, x0, 3000, lr=0.1), f, 1e-6)
    # plain descent at every rate below 2/L = 0.02 (the rest diverge)
    sgd = min(first_below(optimizer_path(SGD, grad, x0, 400, lr=lr), f, 1e-6)
              for lr in np.linspace(0.001, 0.0199, 40))
    assert adam == 82 and 320 < sgd < 340


def test_amsgrad_keeps_the_largest_raw_v():
    w = np.array([0.0])
    opt = Adam([w], amsgrad=True)
    opt.step([np.array([10.0])])
    opt.step([np.array([0.0])])
    assert opt.v_max[0][0] == pytest.approx(0.001 * 100, rel=1e-14)  # v after step 1
    assert opt.v[0][0] < opt.v_max[0][0]


def test_adam_trains_the_digits_mlp_lower_than_sgd_at_the_same_small_lr():
    X, y = digits()
    losses = {}
    for name, make in {"sgd": SGD, "adam": Adam}.items():
        net = MLP([64, 32, 10], rng=0)
        losses[name] = fit(net, X[:1200], y[:1200], make(net.parameters(), lr=1e-2), steps=200,
                           batch_size=64, rng=0)
    assert losses["adam"][-20:].mean() < 0.5 * losses["sgd"][-20:].mean()


def test_path_stops_where_it_stops_being_finite():
    path = optimizer_path(SGD, lambda x: 2 * x, [1.0], 5000, lr=5.0)
    assert np.all(np.isfinite(path)) and len(path) < 5001


# --- The playground's data ----------------------------------------------------------------


def test_playground_file_is_what_the_package_computes_and_small():
    from tools.optimizer_playground_data import OUT, text

    committed = OUT.read_text()
    assert committed == text(), "run `python -m tools.optimizer_playground_data`"
    assert len(committed.encode()) <= 300_000


def test_playground_paths_are_the_optimizers_paths():
    from snippets.optimization.optimizers import SURFACES

    data = json.loads((pathlib.Path(__file__).parents[2] / "docs/assets/data/optimizer-playground.json").read_text())
    assert set(data["optimizers"]) == {"SGD", "momentum", "Nesterov", "RMSprop", "Adam", "AdamW"}
    for surface, key, cls, options in [
        ("bowl", "momentum|0.1|0.9", SGD, {"lr": 0.1, "momentum": 0.9}),
        ("rosenbrock", "Adam|0.1|0.5", Adam, {"lr": 0.1, "betas": (0.5, 0.999)}),
        ("saddle", "Nesterov|0.01|0.99", SGD, {"lr": 0.01, "momentum": 0.99, "nesterov": True}),
        ("bowl", "AdamW|0.3|0.9", AdamW, {"lr": 0.3, "weight_decay": 0.1}),
        ("saddle", "RMSprop|0.03|0.5", RMSprop, {"lr": 0.03, "alpha": 0.5}),
    ]:
        s = SURFACES[surface]
        path = optimizer_path(cls, s["grad"], s["start"], data["steps"], **options)
        flat = np.array(data["paths"][surface][key]).reshape(-1, 2)
        n = len(flat)
        np.testing.assert_allclose(flat, path[:n], atol=5e-4 + 1e-12)  # rounded to 3 decimals
    # every combination is there: 6 learning rates, 3 betas (1 for SGD), 3 surfaces
    for surface in SURFACES:
        assert len(data["paths"][surface]) == 6 * (1 + 5 * 3)
    # the page's claims: SGD at lr 0.1 bounces on the bowl; diverges on Rosenbrock above 0.001
    bounce = np.array(data["paths"]["bowl"]["SGD|0.1|-"]).reshape(-1, 2)
    np.testing.assert_allclose(np.abs(bounce[:, 1]), 1.0, atol=1e-12)
    rosen = data["paths"]["rosenbrock"]
    assert len(rosen["SGD|0.003|-"]) == 2 * 61 and len(rosen["SGD|0.01|-"]) < 2 * 61
    assert len(rosen["SGD|0.001|-"]) == 2 * 61
    near = np.array(data["paths"]["saddle"]["SGD|0.01|-"][-2:])
    gone = np.array(data["paths"]["saddle"]["SGD|0.1|-"][-2:])
    assert np.linalg.norm(near) < 0.2 and gone[0] > 5 and gone[0] == pytest.approx(-gone[1])
    momentum = np.array(data["paths"]["bowl"]["momentum|0.1|0.9"][-2:])
    assert np.linalg.norm(momentum) < 0.2  # converging, from 4.1 away
