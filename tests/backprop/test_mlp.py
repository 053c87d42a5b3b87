"""The MLP's hand-written backward pass against SciPy's derivatives, SymPy and closed forms."""

import re

import numpy as np
import pytest
import sympy as sp
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from scipy.differentiate import derivative
from scipy.special import expit, log_softmax

from snippets.backprop import (
    ACTIVATIONS,
    MLP,
    XOR_X,
    XOR_Y,
    clip_grad_norm,
    he_normal,
    mse_loss,
    relu_prime,
    sigmoid,
    softmax_cross_entropy,
    train_xor,
    two_layer_step,
    xavier_normal,
)


def scipy_gradient(loss, p):
    """dloss/dp for every entry of the array p, by scipy.differentiate.derivative.

    SciPy evaluates at many points at once; this sets one entry of p per evaluation.
    """
    flat = p.reshape(-1)  # a view: writing to it changes p

    def f(t, i):
        out = np.empty(t.shape)
        old = flat[i]
        for k in np.ndindex(t.shape):
            flat[i] = t[k]
            out[k] = loss()
        flat[i] = old
        return out

    grad = np.empty(flat.size)
    for i in range(flat.size):
        # atol: an entry the loss does not depend on has derivative 0, which no rtol meets.
        res = derivative(f, flat[i], args=(i,), initial_step=1e-2,
                         tolerances={"atol": 1e-12})
        assert res.success, f"scipy's derivative did not converge for entry {i}"
        grad[i] = res.df
    return grad.reshape(p.shape)


@st.composite
def networks(draw, activations=("tanh", "sigmoid", "identity")):
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))  # 1 to 3 weight layers
    activation = draw(st.sampled_from(activations))
    output = draw(st.sampled_from(["identity", "sigmoid", "tanh"]))
    seed = draw(st.integers(0, 2**32 - 1))
    n = draw(st.integers(1, 5))
    return sizes, activation, output, seed, n


@settings(max_examples=25, deadline=None)
@given(networks())
# Gradients near 1e-5, where SciPy's estimate is worth only about 1e-11 per entry.
@example(([2, 3, 2, 1], "tanh", "tanh", 262, 2))
def test_mlp_gradients_match_central_differences_to_1e_7(net_spec):
    sizes, activation, output, seed, n = net_spec
    rng = np.random.default_rng(seed)
    net = MLP(sizes, activation, output, rng=rng)
    for b in net.b:
        b[:] = rng.normal(size=b.shape)  # non-zero biases, so they are tested too
    X = rng.normal(size=(n, sizes[0]))
    Y = rng.normal(size=(n, sizes[-1]))
    _, dY_hat = mse_loss(net.forward(X), Y)
    dW, db = net.backward(dY_hat)
    analytic = [g.copy() for g in dW + db]

    def loss():
        return mse_loss(net.forward(X), Y)[0]

    for p, g in zip(net.W + net.b, analytic):
        assert p.shape == g.shape
        reference = scipy_gradient(loss, p)
        # Relative 1e-7, plus what SciPy's own estimate is worth where the gradient is tiny
        # (it stops at an error estimate of atol = 1e-12 per entry).
        error = np.linalg.norm(g - reference)
        assert error <= 1e-7 * np.linalg.norm(reference) + 1e-10 * np.sqrt(g.size), error


@settings(max_examples=15, deadline=None)
@given(networks(activations=("relu",)), st.integers(2, 5))
def test_relu_mlp_with_softmax_cross_entropy_matches_central_differences(net_spec, k):
    sizes, _, _, seed, n = net_spec
    sizes = sizes[:-1] + [k]
    rng = np.random.default_rng(seed)
    net = MLP(sizes, "relu", "identity", rng=rng)
    X = rng.normal(size=(n, sizes[0]))
    y = rng.integers(0, k, size=n)
    Z = net.forward(X)
    # A pre-activation near 0 puts the kink of ReLU inside SciPy's stencil: keep away from it.
    assume(all(np.min(np.abs(Zl)) > 0.05 for Zl in net.Z[:-1]))
    _, dZ = softmax_cross_entropy(Z, y)
    dW, db = net.backward(dZ)
    analytic = [g.copy() for g in dW + db]

    def loss():
        return softmax_cross_entropy(net.forward(X), y)[0]

    for p, g in zip(net.W + net.b, analytic):
        # SciPy's first step of 1e-2 moves a pre-activation by at most ~0.04 here.
        reference = scipy_gradient(loss, p)
        # Relative 1e-7, plus what SciPy's own estimate is worth where the gradient is tiny
        # (it stops at an error estimate of atol = 1e-12 per entry).
        error = np.linalg.norm(g - reference)
        assert error <= 1e-7 * np.linalg.norm(reference) + 1e-10 * np.sqrt(g.size), error


@settings(max_examples=20, deadline=None)
@given(networks())
def test_shapes_of_every_array(net_spec):
    sizes, activation, output, seed, n = net_spec
    net = MLP(sizes, activation, output, rng=seed)
    out = net.forward(np.ones((n, sizes[0])))
    assert out.shape == (n, sizes[-1])
    assert [Z.shape for Z in net.Z] == [(n, m) for m in sizes[1:]]
    assert [A.shape for A in net.A] == [(n, m) for m in sizes]
    dW, db = net.backward(np.ones_like(out))
    assert [g.shape for g in dW] == [(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    assert [g.shape for g in db] == [(m,) for m in sizes[1:]]


def test_batch_gradient_is_the_mean_of_per_sample_gradients():
    """The vectorised backward pass against a loop over samples, one at a time."""
    rng = np.random.default_rng(1)
    net = MLP([3, 5, 4, 2], "tanh", "sigmoid", rng=rng)
    X, Y = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))
    net.backward(mse_loss(net.forward(X), Y)[1])
    batch = [g.copy() for g in net.dW + net.db]
    per_sample = []
    for x, y in zip(X, Y):
        net.backward(mse_loss(net.forward(x[None, :]), y[None, :])[1])
        per_sample.append([g.copy() for g in net.dW + net.db])
    for k, g in enumerate(batch):
        np.testing.assert_allclose(g, np.mean([s[k] for s in per_sample], axis=0), rtol=1e-12,
                                   atol=1e-15)  # the same sums in another order


def test_step_subtracts_lr_times_gradient():
    rng = np.random.default_rng(2)
    net = MLP([2, 3, 1], rng=rng)
    net.backward(mse_loss(net.forward(rng.normal(size=(4, 2))), np.zeros((4, 1)))[1])
    before = [p.copy() for p in net.W + net.b]
    net.step(0.1)
    for p, p0, g in zip(net.W + net.b, before, net.dW + net.db):
        np.testing.assert_array_equal(p, p0 - 0.1 * g)


def test_two_layer_step_is_one_step_of_the_mlp():
    rng = np.random.default_rng(3)
    net = MLP([3, 4, 2], "sigmoid", "sigmoid", rng=rng)
    for b in net.b:
        b[:] = rng.normal(size=b.shape)
    W1, W2 = (W.copy() for W in net.W)
    b1, b2 = (b.copy() for b in net.b)
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))
    L = two_layer_step(X, Y, W1, b1, W2, b2, lr=0.3)
    L_net, dY_hat = mse_loss(net.forward(X), Y)
    net.backward(dY_hat)
    net.step(0.3)
    assert L == L_net
    for mine, theirs in zip([W1, b1, W2, b2], [net.W[0], net.b[0], net.W[1], net.b[1]]):
        np.testing.assert_allclose(mine, theirs, rtol=1e-14, atol=1e-16)


def test_xor_with_the_legacy_generator_reproduces_the_curriculum_numbers():
    """WE39: weights 0.5 N(0, 1) from NumPy's legacy generator seeded 0 (B47), lr 0.5, MSE."""
    legacy = np.random.RandomState(0)
    W1, W2 = 0.5 * legacy.randn(2, 4), 0.5 * legacy.randn(4, 1)
    b1, b2 = np.zeros(4), np.zeros(1)
    losses = [two_layer_step(XOR_X, XOR_Y, W1, b1, W2, b2, lr=0.5) for _ in range(3000)]
    np.testing.assert_allclose([losses[0], losses[500], losses[2999]],
                               [0.269103, 0.246948, 0.005439], atol=5e-7)  # printed to 6 places
    predictions = sigmoid(sigmoid(XOR_X @ W1 + b1) @ W2 + b2).ravel()
    np.testing.assert_allclose(predictions, [0.074, 0.931, 0.926, 0.078], atol=1e-3)


def test_seed_7_is_on_a_plateau_not_at_a_minimum():
    """What the XOR section says: stuck at 0.25 after 3000 epochs, out with more epochs or lr 1."""
    assert abs(train_xor(rng=7)[1][-1] - 0.25) < 1e-3
    assert train_xor(rng=7, epochs=10000)[1][-1] < 0.01
    assert train_xor(rng=7, lr=1.0)[1][-1] < 0.02
    net = MLP([2, 4, 1], "sigmoid", "identity", init="xavier", rng=7)  # cross-entropy on logits
    for _ in range(3000):
        net.backward((sigmoid(net.forward(XOR_X)) - XOR_Y) / 4)  # dL/dZ = (y_hat - y) / n
        net.step(0.5)
    assert np.all(np.round(sigmoid(net.forward(XOR_X))) == XOR_Y)


def test_train_xor_learns_xor():
    net, losses = train_xor()
    assert losses.shape == (3000,)
    assert losses[-1] < 0.01 < losses[0]
    assert np.all(np.round(net.forward(XOR_X)) == XOR_Y)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_derivatives_match_sympy(name):
    z = sp.Symbol("z", real=True)
    exprs = {"identity": z, "sigmoid": 1 / (1 + sp.exp(-z)), "tanh": sp.tanh(z),
             "relu": sp.Max(z, 0)}
    g, g_prime = ACTIVATIONS[name]
    points = np.array([-3.0, -0.5, 0.25, 2.0])  # away from ReLU's kink
    f = sp.lambdify(z, exprs[name], "numpy")
    df = sp.lambdify(z, sp.diff(exprs[name], z), "numpy")
    np.testing.assert_allclose(g(points), f(points) + 0 * points, rtol=1e-14)
    np.testing.assert_allclose(g_prime(points), df(points) + 0 * points, rtol=1e-14)


def test_relu_prime_at_zero_is_zero():
    assert relu_prime(np.array([0.0]))[0] == 0.0


def test_sigmoid_matches_scipy_and_never_overflows():
    z = np.array([-1000.0, -30.0, -1.0, 0.0, 1.0, 30.0, 1000.0])
    # filterwarnings=error: an overflow in exp would fail the test.
    np.testing.assert_allclose(sigmoid(z), expit(z), rtol=1e-15)


@pytest.mark.parametrize("init, std", [(xavier_normal, lambda m, n: np.sqrt(2 / (m + n))),
                                       (he_normal, lambda m, n: np.sqrt(2 / m))])
def test_initialisers_have_the_documented_spread(init, std):
    W = init(400, 600, rng=0)
    assert W.shape == (400, 600)
    # 240000 draws: the sample std is within ~0.3% of the true one (1 / sqrt(2 N) relative).
    np.testing.assert_allclose(W.std(), std(400, 600), rtol=1e-2)
    np.testing.assert_allclose(W.mean(), 0.0, atol=5e-3 * std(400, 600))
    np.testing.assert_array_equal(init(3, 2, rng=5), init(3, 2, rng=np.random.default_rng(5)))


def test_he_keeps_the_variance_of_relu_activations():
    """The reason for He's factor 2: E[relu(z)^2] = Var(z) / 2 for symmetric z."""
    rng = np.random.default_rng(0)
    A = rng.normal(size=(2000, 256))
    for _ in range(10):
        A = np.maximum(A @ he_normal(256, 256, rng), 0)
    np.testing.assert_allclose(np.mean(A**2), 1.0, rtol=0.25)  # 10 layers, 2000 samples


def test_softmax_cross_entropy_matches_scipy_log_softmax():
    rng = np.random.default_rng(4)
    Z, y = 10 * rng.normal(size=(7, 5)), rng.integers(0, 5, 7)
    L, dZ = softmax_cross_entropy(Z, y)
    np.testing.assert_allclose(L, -np.mean(log_softmax(Z, axis=1)[np.arange(7), y]), rtol=1e-14)
    onehot = np.eye(5)[y]
    np.testing.assert_allclose(dZ, (np.exp(log_softmax(Z, axis=1)) - onehot) / 7, atol=1e-16)
    assert dZ.shape == Z.shape


def test_mse_loss_gradient_matches_sympy():
    y_hat, y = sp.symbols("y_hat y")
    L = ((y_hat - y) ** 2 + (2 - 1) ** 2) / 2  # two entries: (y_hat - y) and (2 - 1)
    value, grad = mse_loss(np.array([[0.3], [2.0]]), np.array([[-0.2], [1.0]]))
    np.testing.assert_allclose(value, float(L.subs({y_hat: 0.3, y: -0.2})), rtol=1e-15)
    np.testing.assert_allclose(grad[0, 0], float(sp.diff(L, y_hat).subs({y_hat: 0.3, y: -0.2})),
                               rtol=1e-15)


def test_clip_grad_norm_follows_pytorchs_rule():
    rng = np.random.default_rng(5)
    grads = [rng.normal(size=(3, 4)), rng.normal(size=4)]
    original = [g.copy() for g in grads]
    total = np.linalg.norm(np.concatenate([g.ravel() for g in original]))
    returned = clip_grad_norm(grads, 0.5)
    assert returned == pytest.approx(total, rel=1e-14)
    for g, g0 in zip(grads, original):
        np.testing.assert_allclose(g, g0 * 0.5 / (total + 1e-6), rtol=1e-14)  # same direction
    # Below the threshold nothing changes.
    small = [np.array([0.1, 0.2])]
    clip_grad_norm(small, 1.0)
    np.testing.assert_array_equal(small[0], [0.1, 0.2])


def test_clip_grad_norm_of_zero_gradients_is_zero():
    grads = [np.zeros(3)]
    assert clip_grad_norm(grads, 1.0) == 0.0
    np.testing.assert_array_equal(grads[0], 0.0)


def test_backward_before_forward_is_an_error():
    with pytest.raises(RuntimeError, match=re.escape("call `forward` before `backward`")):
        MLP([2, 1]).backward(np.ones((1, 1)))


@pytest.mark.parametrize(
    "make, error, msg",
    [
        (lambda: MLP([3]), ValueError, "`sizes` must list at least 2 layer widths, got [3]"),
        (lambda: MLP([3, 0]), ValueError, "`sizes` must be a positive integer, got 0"),
        (lambda: MLP([3, 2.5]), ValueError, "`sizes` must be a positive integer, got 2.5"),
        (lambda: MLP([3, 2], "softplus"), ValueError,
         "`activation` must be one of ['identity', 'relu', 'sigmoid', 'tanh'], got 'softplus'"),
        (lambda: MLP([3, 2], output="softmax"), ValueError,
         "`output` must be one of ['identity', 'relu', 'sigmoid', 'tanh'], got 'softmax'"),
        (lambda: MLP([3, 2], init="zeros"), ValueError,
         "`init` must be one of ['he', 'xavier'], got 'zeros'"),
        (lambda: MLP([3, 2]).forward(np.ones((4, 2))), ValueError,
         "`X` must have shape (n_samples, 3), got (4, 2)"),
        (lambda: MLP([3, 2]).forward(np.ones(3)), ValueError,
         "`X` must have shape (n_samples, 3), got (3,)"),
        (lambda: MLP([3, 2]).forward(np.full((1, 3), np.nan)), ValueError, "`X` must be finite"),
        (lambda: MLP([2, 1]).step(-0.1), ValueError,
         "`lr` must be a positive finite number, got -0.1"),
        (lambda: xavier_normal(0, 3), ValueError, "`n_in` must be a positive integer, got 0"),
        (lambda: he_normal(3, -1), ValueError, "`n_out` must be a positive integer, got -1"),
        (lambda: mse_loss(np.ones((2, 1)), np.ones(2)), ValueError,
         "`Y` must have the shape of `Y_hat` (2, 1), got (2,)"),
        (lambda: softmax_cross_entropy(np.ones((2, 3)), np.array([0, 1, 2])), ValueError,
         "`y` must have shape (2,) for `Z` of shape (2, 3), got (3,)"),
        (lambda: softmax_cross_entropy(np.ones((2, 3)), np.array([0, 3])), ValueError,
         "`y` must hold integer class labels in [0, 3)"),
        (lambda: softmax_cross_entropy(np.ones((2, 3)), np.array([0.0, 1.0])), ValueError,
         "`y` must hold integer class labels in [0, 3)"),
        (lambda: clip_grad_norm([np.ones(2)], 0.0), ValueError,
         "`max_norm` must be a positive finite number, got 0.0"),
        (lambda: clip_grad_norm([np.array([1.0, np.inf])], 1.0), ValueError,
         "`grads` must be finite, got a global norm of inf"),
    ],
)
def test_errors_name_the_argument(make, error, msg):
    with pytest.raises(error, match=re.escape(msg)):
        make()


@pytest.mark.parametrize(
    "dA, msg",
    [
        (np.ones((2, 3)), "`dA` must have shape (n_samples, 1), got (2, 3)"),
        (np.ones((3, 1)), "`dA` must have the output shape (2, 1), got (3, 1)"),
        (np.full((2, 1), np.nan), "`dA` must be finite"),
    ],
)
def test_backward_checks_dA(dA, msg):
    net = MLP([2, 1])
    net.forward(np.ones((2, 2)))
    with pytest.raises(ValueError, match=re.escape(msg)):
        net.backward(dA)
