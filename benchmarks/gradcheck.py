"""Print the gradient-check table: the MLP's backward pass against central differences.

Random networks of one to three weight layers, every hidden activation, with the mean squared
error and the softmax cross-entropy. Each entry is the largest relative error over the
network's parameter arrays (``snippets.backprop.gradcheck``: central differences, h = 1e-6,
float64).
Target: every entry below 1e-7.

    python benchmarks/gradcheck.py
"""

import numpy as np

from snippets.backprop import MLP, cross_entropy, gradcheck, mse_loss

TARGET = 1e-7
ARCHITECTURES = [[5, 3], [5, 8, 3], [5, 8, 6, 3]]  # 1, 2 and 3 weight layers
ACTIVATIONS = ["identity", "sigmoid", "tanh", "relu"]


def worst_error(sizes, activation, loss_name, seed):
    rng = np.random.default_rng(seed)
    output = "sigmoid" if loss_name == "mse" else "identity"
    net = MLP(sizes, activation, output, rng=rng)
    for b in net.b:
        b[:] = 0.1 * rng.normal(size=b.shape)  # non-zero biases, so their gradients count
    X = rng.normal(size=(16, sizes[0]))
    if loss_name == "mse":
        Y = rng.uniform(size=(16, sizes[-1]))

        def loss_and_grad():
            return mse_loss(net.forward(X), Y)
    else:
        y = rng.integers(0, sizes[-1], size=16)

        def loss_and_grad():
            return cross_entropy(net.forward(X), y)

    net.backward(loss_and_grad()[1])
    # gradcheck only evaluates the loss: net.gradients() keeps the backward pass's values
    return max(gradcheck(lambda: loss_and_grad()[0], net.parameters(), net.gradients()))


def main():
    print(f"{'layers':>6}  {'sizes':<10} {'loss':<14}" + "".join(f"{a:>10}" for a in ACTIVATIONS))
    worst = 0.0
    for seed, sizes in enumerate(ARCHITECTURES):
        for loss_name in ("mse", "cross-entropy"):
            errors = [worst_error(sizes, a, loss_name, seed) for a in ACTIVATIONS]
            worst = max(worst, *errors)
            print(f"{len(sizes) - 1:>6}  {'-'.join(map(str, sizes)):<10} {loss_name:<14}"
                  + "".join(f"{e:>10.1e}" for e in errors))
    print(f"largest relative error {worst:.1e}: "
          f"{'below' if worst < TARGET else 'ABOVE'} the target {TARGET:.0e}")


if __name__ == "__main__":
    main()
