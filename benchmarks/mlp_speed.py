"""Time one training step of a 784-128-10 MLP on a batch of 256 in float64: ours against PyTorch.

One step = forward, softmax cross-entropy, backward, SGD update, with the same initial weights,
data and learning rate in both. Both use the same number of threads (``BENCH_THREADS``, default:
all cores), set for NumPy's BLAS through the environment before NumPy is imported, and for
PyTorch with ``torch.set_num_threads``. Prints the median time per step of each and the ratio.

    pip install -r benchmarks/requirements.txt
    python benchmarks/mlp_speed.py

PyTorch is needed here; the package and the site never import it, and the tests compare
with it only when it is installed (recorded PyTorch values stand in otherwise).
"""

import os

THREADS = int(os.environ.get("BENCH_THREADS", os.cpu_count()))
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = str(THREADS)  # before NumPy and PyTorch load their BLAS

import time  # noqa: E402

import numpy as np  # noqa: E402
import torch  # noqa: E402

from snippets.backprop import MLP, cross_entropy, sgd_step  # noqa: E402

N_SAMPLES, SIZES, LR = 256, [784, 128, 10], 0.01
STEPS, ROUNDS, WARMUP = 50, 15, 50


def ours(net, X, y):
    def step():
        L, dZ = cross_entropy(net.forward(X), y)
        net.backward(dZ)
        sgd_step(net.parameters(), net.gradients(), LR)
        return L
    return step


def pytorch(net, X, y):
    model = torch.nn.Sequential(
        torch.nn.Linear(SIZES[0], SIZES[1], dtype=torch.float64),
        torch.nn.ReLU(),
        torch.nn.Linear(SIZES[1], SIZES[2], dtype=torch.float64),
    )
    with torch.no_grad():  # the same initial weights; torch stores W transposed, (out, in)
        for layer, W, b in zip(model[::2], net.W, net.b):
            layer.weight.copy_(torch.from_numpy(W.T))
            layer.bias.copy_(torch.from_numpy(b))
    optimizer = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    tX, ty = torch.from_numpy(X), torch.from_numpy(y)

    def step():
        optimizer.zero_grad()
        loss = loss_fn(model(tX), ty)
        loss.backward()
        optimizer.step()
        return loss
    return step, model


def per_step_times(step):
    start = time.perf_counter()
    for _ in range(STEPS):
        step()
    return (time.perf_counter() - start) / STEPS


def main():
    torch.set_num_threads(THREADS)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(N_SAMPLES, SIZES[0]))
    y = rng.integers(0, SIZES[-1], size=N_SAMPLES)

    # The same step? Three steps from the same start must give the same weights.
    net = MLP(SIZES, activation="relu", rng=1)
    step_torch, model = pytorch(net, X, y)
    step_ours = ours(net, X, y)
    for _ in range(3):
        L_ours, L_torch = step_ours(), step_torch().item()
        np.testing.assert_allclose(L_ours, L_torch, rtol=1e-12)
    for layer, W in zip(model[::2], net.W):
        np.testing.assert_allclose(W, layer.weight.detach().numpy().T, rtol=1e-10, atol=1e-13)

    for _ in range(WARMUP):
        step_ours()
        step_torch()
    times = {"ours": [], "PyTorch": []}
    for _ in range(ROUNDS):  # interleaved, so that both see the same machine load
        times["ours"].append(per_step_times(step_ours))
        times["PyTorch"].append(per_step_times(step_torch))
    median = {name: float(np.median(t)) for name, t in times.items()}

    print(f"one step of a {'-'.join(map(str, SIZES))} MLP, batch {N_SAMPLES}, float64, "
          f"{THREADS} thread(s) for both")
    print(f"NumPy {np.__version__}, PyTorch {torch.__version__}; median of {ROUNDS} rounds "
          f"of {STEPS} steps")
    for name, t in median.items():
        print(f"  {name:8} {t * 1e3:7.3f} ms per step")
    print(f"  ratio ours / PyTorch: {median['ours'] / median['PyTorch']:.2f} (target: at most 1)")


if __name__ == "__main__":
    main()
