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
    cross_entropy,
    relu_prime,
    sgd_step,
    sigmoid,
    train_xor,
    two_layer_step,
    xavier_normal,
)


def scipy_gradient(loss, p):
    """dloss/dp for every entry of the array p by scipy.differentiate.derivative, and its atol.

    SciPy evaluates at many points at once; this sets one entry of p per evaluation.
    """
    # A reference is used only where it is sound: the round-off of a loss near |L| is about
    # 1e-16 |L| / h, so asking SciPy for an absolute accuracy near 1e-12 makes it stop
    # unconverged (status -2) on some CPUs. 1e-10 (1 + |L|) is far above that floor, and an
    # entry the loss does not depend on (derivative 0, which no rtol meets) still converges.
    atol = 1e-10 * (1 + abs(loss()))
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
        res = derivative(f, flat[i], args=(i,), initial_step=1e-2, tolerances={"atol": atol})
        assert res.success, f"scipy's derivative did not converge for entry {i}: {res.status}"
        grad[i] = res.df
    return grad.reshape(p.shape), atol


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
# Gradients near 1e-5: asked for atol=1e-12, SciPy stopped unconverged here on some CPUs.
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
    analytic = [g.copy() for g in net.gradients()]

    def loss():
        return mse_loss(net.forward(X), Y)[0]

    for p, g in zip(net.parameters(), analytic):
        assert p.shape == g.shape
        reference, atol = scipy_gradient(loss, p)
        # Relative 1e-7, plus what SciPy's own estimate is worth where the gradient is tiny
        # (it stops at an error estimate of atol per entry; 3 atol leaves a margin).
        error = np.linalg.norm(g - reference)
        assert error <= 1e-7 * np.linalg.norm(reference) + 3 * atol * np.sqrt(g.size), error


@settings(max_examples=15, deadline=None)
@given(networks(activations=("relu",)), st.integers(2, 5))
def test_relu_mlp_with_cross_entropy_matches_central_differences(net_spec, k):
    sizes, _, _, seed, n = net_spec
    sizes = sizes[:-1] + [k]
    rng = np.random.default_rng(seed)
    net = MLP(sizes, "relu", "identity", rng=rng)
    X = rng.normal(size=(n, sizes[0]))
    y = rng.integers(0, k, size=n)
    Z = net.forward(X)
    # A pre-activation near 0 puts the kink of ReLU inside SciPy's stencil: keep away from it.
    assume(all(np.min(np.abs(Zl)) > 0.05 for Zl in net.Z[:-1]))
    _, dZ = cross_entropy(Z, y)
    dW, db = net.backward(dZ)
    analytic = [g.copy() for g in net.gradients()]

    def loss():
        return cross_entropy(net.forward(X), y)[0]

    for p, g in zip(net.parameters(), analytic):
        # SciPy's first step of 1e-2 moves a pre-activation by at most ~0.04 here.
        reference, atol = scipy_gradient(loss, p)
        # Relative 1e-7, plus what SciPy's own estimate is worth where the gradient is tiny
        # (it stops at an error estimate of atol per entry; 3 atol leaves a margin).
        error = np.linalg.norm(g - reference)
        assert error <= 1e-7 * np.linalg.norm(reference) + 3 * atol * np.sqrt(g.size), error


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
    batch = [g.copy() for g in net.gradients()]
    per_sample = []
    for x, y in zip(X, Y):
        net.backward(mse_loss(net.forward(x[None, :]), y[None, :])[1])
        per_sample.append([g.copy() for g in net.gradients()])
    for k, g in enumerate(batch):
        np.testing.assert_allclose(g, np.mean([s[k] for s in per_sample], axis=0), rtol=1e-12,
                                   atol=1e-15)  # the same sums in another order


def test_parameters_and_gradients_are_the_arrays_in_the_same_order():
    net = MLP([2, 3, 1], rng=0)
    assert [p is q for p, q in zip(net.parameters(), net.W + net.b)] == [True] * 4
    assert [g is q for g, q in zip(net.gradients(), net.dW + net.db)] == [True] * 4
    assert [p.shape for p in net.parameters()] == [g.shape for g in net.gradients()]


def test_sgd_step_subtracts_lr_times_gradient_in_place():
    rng = np.random.default_rng(2)
    net = MLP([2, 3, 1], rng=rng)
    net.backward(mse_loss(net.forward(rng.normal(size=(4, 2))), np.zeros((4, 1)))[1])
    before = [p.copy() for p in net.parameters()]
    arrays = net.parameters()
    assert sgd_step(arrays, net.gradients(), 0.1) is None
    for p, same, p0, g in zip(net.parameters(), arrays, before, net.gradients()):
        assert p is same  # in place: the model's own arrays changed
        np.testing.assert_array_equal(p, p0 - 0.1 * g)
    sgd_step(net.parameters(), net.gradients(), 0)  # lr = 0 is allowed, as in torch.optim.SGD
    for p, p0, g in zip(net.parameters(), before, net.gradients()):
        np.testing.assert_array_equal(p, p0 - 0.1 * g)
    assert not hasattr(MLP, "step")  # the update lives outside the model


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
    sgd_step(net.parameters(), net.gradients(), 0.3)
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


def test_two_layer_step_update_is_lr_times_the_gradient_of_the_loss_it_returns():
    """Central differences of the returned loss, per parameter, against the update it made."""
    rng = np.random.default_rng(8)
    params = [rng.normal(size=(3, 4)), rng.normal(size=4), rng.normal(size=(4, 2)),
              rng.normal(size=2)]
    X, Y = rng.normal(size=(5, 3)), rng.uniform(size=(5, 2))

    def loss():  # lr = 0 leaves the parameters alone and returns the loss
        return two_layer_step(X, Y, *params, lr=0.0)

    before = [p.copy() for p in params]
    references = [scipy_gradient(loss, p) for p in params]
    two_layer_step(X, Y, *params, lr=1.0)
    for p, p0, (g, atol) in zip(params, before, references):
        # rtol 1e-7: SciPy's own accuracy, with a margin; a broadcast target was off by 4x.
        np.testing.assert_allclose(p0 - p, g, rtol=1e-7, atol=3 * atol)


def test_seed_7_is_on_a_plateau_not_at_a_minimum(xor_runs):
    """What the XOR section says: stuck at 0.25 after 3000 epochs, out with more epochs or lr 1."""
    assert abs(xor_runs[7][1][-1] - 0.25) < 1e-3
    assert train_xor(rng=7, epochs=10000)[1][-1] < 0.01
    assert train_xor(rng=7, lr=1.0)[1][-1] < 0.02
    net = MLP([2, 4, 1], "sigmoid", "identity", init="xavier", rng=7)  # cross-entropy on logits
    for _ in range(3000):
        net.backward((sigmoid(net.forward(XOR_X)) - XOR_Y) / 4)  # dL/dZ = (y_hat - y) / n
        sgd_step(net.parameters(), net.gradients(), 0.5)
    assert np.all(np.round(sigmoid(net.forward(XOR_X))) == XOR_Y)


def test_train_xor_learns_xor(xor_runs):
    net, losses = xor_runs[2]  # train_xor's default seed
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


def test_cross_entropy_matches_scipy_log_softmax():
    rng = np.random.default_rng(4)
    Z, y = 10 * rng.normal(size=(7, 5)), rng.integers(0, 5, 7)
    L, dZ = cross_entropy(Z, y)
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


def test_clip_grad_norm_of_no_gradients_is_zero_as_in_torch():
    assert clip_grad_norm([], 1.0) == 0.0


def test_clip_grad_norm_of_zero_gradients_is_zero():
    grads = [np.zeros(3)]
    assert clip_grad_norm(grads, 1.0) == 0.0
    np.testing.assert_array_equal(grads[0], 0.0)


def test_backward_before_forward_is_an_error():
    with pytest.raises(RuntimeError, match=re.escape("call `forward` before `backward`")):
        MLP([2, 1]).backward(np.ones((1, 1)))


# The losses of snippets._core.losses, taught on this chapter: closed forms and SciPy.

def _losses():
    from snippets._core import losses
    return losses


def test_mse_and_l1_losses_match_their_closed_forms():
    losses = _losses()
    rng = np.random.default_rng(6)
    y_hat, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 3))
    L, grad = losses.mse_loss(y_hat, y)
    # mean of squares over 15 entries; rtol: a sum of 15 terms in another order
    np.testing.assert_allclose(L, sum((a - b) ** 2 for a, b in zip(y_hat.flat, y.flat)) / 15,
                               rtol=1e-14)
    np.testing.assert_allclose(grad, 2 * (y_hat - y) / 15, rtol=1e-15)
    L, grad = losses.l1_loss(y_hat, y)
    np.testing.assert_allclose(L, sum(abs(a - b) for a, b in zip(y_hat.flat, y.flat)) / 15,
                               rtol=1e-14)
    np.testing.assert_array_equal(grad, np.where(y_hat > y, 1.0, -1.0) / 15)
    # The subgradient at y_hat == y is 0, as torch's sign gives.
    assert losses.l1_loss(np.array([1.0, 2.0]), np.array([1.0, 0.0]))[1].tolist() == [0.0, 0.5]
    assert grad.shape == y_hat.shape


def test_binary_cross_entropy_matches_scipy_and_clamps_the_log_at_minus_100():
    from scipy.special import xlogy, xlog1py
    losses = _losses()
    p = np.array([0.01, 0.3, 0.5, 0.9, 0.999])
    y = np.array([0.0, 1.0, 0.25, 1.0, 0.0])  # soft targets too
    L, grad = losses.binary_cross_entropy(p, y)
    np.testing.assert_allclose(L, -np.mean(xlogy(y, p) + xlog1py(1 - y, -p)), rtol=1e-14)
    np.testing.assert_allclose(grad, (-y / p + (1 - y) / (1 - p)) / 5, rtol=1e-13)
    # log(0) = -inf clamped to -100, as torch does: a certain wrong answer costs 100.
    assert losses.binary_cross_entropy(np.array([0.0]), np.array([1.0]))[0] == 100.0
    assert losses.binary_cross_entropy(np.array([1.0]), np.array([0.0]))[0] == 100.0
    assert losses.binary_cross_entropy(np.array([0.0, 1.0]), np.array([0.0, 1.0]))[0] == 0.0


def test_binary_cross_entropy_with_logits_matches_scipy_log_expit_for_any_logit():
    from scipy.special import log_expit
    losses = _losses()
    z = np.array([-800.0, -40.0, -3.0, 0.0, 0.5, 40.0, 800.0])
    y = np.array([1.0, 0.0, 0.3, 1.0, 0.0, 1.0, 0.0])
    L, grad = losses.binary_cross_entropy_with_logits(z, y)
    # -ln sigma(z) = -log_expit(z), -ln(1 - sigma(z)) = -log_expit(-z): SciPy's stable forms
    reference = -np.mean(y * log_expit(z) + (1 - y) * log_expit(-z))
    np.testing.assert_allclose(L, reference, rtol=1e-14)
    np.testing.assert_allclose(grad, (expit(z) - y) / 7, rtol=1e-14, atol=1e-300)
    # A saturated sigmoid whose label agrees: loss e^-40 to full relative accuracy, not 0 or inf.
    L40, _ = losses.binary_cross_entropy_with_logits(np.array([40.0]), np.array([1.0]))
    np.testing.assert_allclose(L40, np.log1p(np.exp(-40.0)), rtol=1e-15)
    # Against the probability form where that one is accurate.
    z = np.linspace(-5, 5, 11)
    y = np.linspace(0, 1, 11)
    np.testing.assert_allclose(losses.binary_cross_entropy_with_logits(z, y)[0],
                               losses.binary_cross_entropy(expit(z), y)[0], rtol=1e-13)


def test_cross_entropy_is_finite_for_huge_logit_gaps():
    from scipy.special import logsumexp
    losses = _losses()
    Z = np.array([[0.0, 1e4, -1e4], [5e3, 0.0, 1.0]])
    y = np.array([0, 1])
    L, dZ = losses.cross_entropy(Z, y)
    reference = np.mean(logsumexp(Z, axis=1) - Z[[0, 1], y])  # = (1e4 + 5e3) / 2
    np.testing.assert_allclose(L, reference, rtol=1e-15)
    np.testing.assert_allclose(L, 7500.0, rtol=1e-15)
    np.testing.assert_allclose(dZ, [[-0.5, 0.5, 0.0], [0.5, -0.5, 0.0]], atol=1e-300)
    # Lists of integers are labels too
    assert losses.cross_entropy(Z.tolist(), [0, 1])[0] == L


@pytest.mark.parametrize("name, first, second", [
    ("mse_loss", lambda r: r.normal(size=(3, 2)), lambda r: r.normal(size=(3, 2))),
    # away from the kink at y_hat == y, where SciPy's stencil would straddle it
    ("l1_loss", lambda r: r.normal(size=(3, 2)), lambda r: r.normal(size=(3, 2)) + 5),
    ("binary_cross_entropy", lambda r: r.uniform(0.1, 0.9, size=5), lambda r: r.uniform(size=5)),
    ("binary_cross_entropy_with_logits", lambda r: 3 * r.normal(size=5),
     lambda r: r.uniform(size=5)),
    ("cross_entropy", lambda r: 3 * r.normal(size=(4, 3)), lambda r: np.array([0, 2, 1, 2])),
])
def test_loss_gradients_match_scipy_derivative(name, first, second):
    loss_fn = getattr(_losses(), name)
    rng = np.random.default_rng(7)
    a, b = first(rng), second(rng)
    _, grad = loss_fn(a, b)
    assert grad.shape == a.shape
    reference, atol = scipy_gradient(lambda: loss_fn(a, b)[0], a)
    np.testing.assert_allclose(grad, reference, rtol=1e-7, atol=3 * atol)


def _mp_sigmoid_prime(t):
    import mpmath
    e = mpmath.exp(-abs(mpmath.mpf(t)))
    return e / (1 + e) ** 2  # sigma(t) sigma(-t), symmetric in t


def _mp_tanh_prime(t):
    import mpmath
    return 1 / mpmath.cosh(mpmath.mpf(t)) ** 2


@pytest.mark.parametrize("g_prime, reference", [
    ("sigmoid_prime", _mp_sigmoid_prime), ("tanh_prime", _mp_tanh_prime)])
def test_activation_derivatives_are_accurate_on_minus_700_to_700(g_prime, reference):
    # Reference: mpmath at 50 digits. The textbook forms s (1 - s) and 1 - tanh^2 lose every
    # digit once sigma(z) or tanh(z) rounds to 1 (z > 36, |z| > 19): 1e-3 relative error at
    # z = 30, 0 instead of 4.2e-18 at z = 40. A few ulps (4e-16 measured) is all round-off allows.
    import mpmath
    from snippets.backprop import sigmoid_prime, tanh_prime
    g_prime = {"sigmoid_prime": sigmoid_prime, "tanh_prime": tanh_prime}[g_prime]
    z = np.concatenate([np.linspace(-700, 700, 2801), [-40.0, 30.0, 36.5, 19.5, 1e-300]])
    got = g_prime(z)
    with mpmath.workdps(50):
        expected = np.array([float(reference(t)) for t in z])
    normal = expected > np.finfo(float).tiny  # below it, values are subnormal: absolute accuracy
    np.testing.assert_allclose(got[normal], expected[normal], rtol=2e-15)
    np.testing.assert_allclose(got[~normal], expected[~normal], rtol=0, atol=1e-320)
    assert np.all(got > 0) == np.all(expected > 0)


# Recorded with torch 2.13.0+cpu, float64, mean reduction, one entry per call:
# F.binary_cross_entropy(p, y) and p.grad. Where p (1 - p) < 1e-12 torch divides by its
# EPSILON, a float32 constant, 9.999999960041972e-13: the gradients below are not 5e11, 1e12.
TORCH_BCE = [  # p, y, loss, dL/dp
    (0.0, 0.5, 50.0, -500000001997.9014),
    (1.0, 0.0, 100.0, 1000000003995.8029),
    (1e-13, 0.5, 14.966803104461347, -500000001997.80145),
    (5e-324, 1.0, 100.0, -1000000003995.8029),
]


@pytest.mark.parametrize("p, y, loss, grad", TORCH_BCE)
def test_binary_cross_entropy_at_the_clamp_matches_recorded_torch(p, y, loss, grad):
    L, g = _losses().binary_cross_entropy(np.array([p]), np.array([y]))
    np.testing.assert_allclose(L, loss, rtol=1e-15)  # same formula: a few ulps at most
    np.testing.assert_allclose(g[0], grad, rtol=1e-15)


def test_losses_match_live_torch_on_extreme_inputs():
    torch = pytest.importorskip("torch")  # the recorded cases above hold without it
    F = torch.nn.functional
    losses = _losses()
    rng = np.random.default_rng(0)

    def torch_loss(fn, a, b):
        ta = torch.tensor(a, dtype=torch.float64, requires_grad=True)
        tb = torch.tensor(b) if b.dtype.kind == "i" else torch.tensor(b, dtype=torch.float64)
        out = fn(ta, tb)
        out.backward()
        return out.item(), ta.grad.numpy()

    def check(ours, fn, a, b):
        L, g = ours(a, b)
        tL, tg = torch_loss(fn, a, b)
        # The same formulas in another order: a few ulps. An entry of the gradient that is a
        # difference near the largest one (softmax - 1 where the softmax is near 1) carries
        # round-off of the largest entry's size, hence the atol relative to it.
        np.testing.assert_allclose(L, tL, rtol=1e-13, err_msg=f"{fn.__name__} {a} {b}")
        np.testing.assert_allclose(g, tg, rtol=1e-13, atol=1e-15 * np.abs(tg).max() + 1e-300,
                                   err_msg=f"{fn.__name__}")

    p = np.concatenate([[0.0, 1.0, 0.5, 1e-300, 1 - 1e-16, 1e-12, 1e-13, 1e-7, 5e-324],
                        rng.uniform(size=20)])
    for y in (np.zeros_like(p), np.ones_like(p), rng.uniform(size=p.size)):
        for i in range(p.size):
            check(losses.binary_cross_entropy, F.binary_cross_entropy, p[i:i + 1], y[i:i + 1])
        check(losses.binary_cross_entropy, F.binary_cross_entropy, p, y)
    # Torch rounds ln(1 + e^-36) to 0 for (z, y) = (-36, 0); this package keeps it: left out.
    z = np.concatenate([[-1e4, 1e4, 0.0, 40.0, 800.0, -800.0, 1e-300, 710.0],
                        3 * rng.normal(size=20)])
    for y in (np.zeros_like(z), np.ones_like(z), rng.uniform(size=z.size)):
        check(losses.binary_cross_entropy_with_logits, F.binary_cross_entropy_with_logits, z, y)
    for a in (rng.normal(size=(4, 3)), np.array([[1e4, -1e4], [0.0, 0.0]])):
        for b in (rng.normal(size=a.shape), a.copy()):
            check(losses.mse_loss, F.mse_loss, a, b)
            check(losses.l1_loss, F.l1_loss, a, b)
    for Z in (rng.normal(size=(6, 4)), np.array([[0.0, 1e4, -1e4], [5e3, 0.0, 1.0]]),
              30 * rng.normal(size=(8, 5))):
        labels = rng.integers(0, Z.shape[1], size=Z.shape[0])
        check(losses.cross_entropy, F.cross_entropy, Z, labels)


def test_binary_cross_entropy_with_logits_keeps_the_tail_torch_rounds_to_zero():
    # ln(1 + e^-40) = 4.248354255291589e-18 (mpmath); torch 2.13 returns 0.0 here.
    L, _ = _losses().binary_cross_entropy_with_logits(np.array([-40.0]), np.array([0.0]))
    np.testing.assert_allclose(L, 4.248354255291589e-18, rtol=1e-15)


def test_pytorch_statements_on_the_mlp_page():
    torch = pytest.importorskip("torch")
    # ReLU'(0) = 0, as this package takes it
    z = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.relu(z).backward()
    assert z.grad.item() == 0.0 == relu_prime(np.array([0.0]))[0]
    # nn.Linear stores W as (out, in) and computes X W^T + b
    layer = torch.nn.Linear(3, 4, dtype=torch.float64)
    assert tuple(layer.weight.shape) == (4, 3)
    X = torch.randn(5, 3, dtype=torch.float64)
    torch.testing.assert_close(layer(X), X @ layer.weight.T + layer.bias, rtol=1e-15, atol=1e-15)
    # Plain PyTorch has no model.fit()
    assert not hasattr(torch.nn.Module, "fit")


def test_clip_grad_norm_matches_live_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    for scale in (1e-3, 1.0, 1e3):
        grads = [scale * rng.normal(size=(4, 3)), scale * rng.normal(size=3)]
        params = [torch.nn.Parameter(torch.zeros(g.shape, dtype=torch.float64)) for g in grads]
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g)
        total_torch = torch.nn.utils.clip_grad_norm_(params, 1.0).item()
        total = clip_grad_norm(grads, 1.0)
        np.testing.assert_allclose(total, total_torch, rtol=1e-14)  # same sum, another order
        for p, g in zip(params, grads):
            np.testing.assert_allclose(g, p.grad.numpy(), rtol=1e-14)
