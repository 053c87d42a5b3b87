"""Gradient descent against closed forms, and the convergence claims of the chapter checked by
experiment on random quadratics."""

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets.backprop import MLP
from snippets.optimization import cross_entropy, gradient_descent, lr_slider_data, train
from tools.lr_slider_data import OUT as SLIDER_FILE
from tools.lr_slider_data import text as slider_text


def test_path_has_t_plus_one_iterates_of_the_input_shape():
    assert gradient_descent(lambda x: 2 * x, 5.0, 0.1, 20).shape == (21,)
    assert gradient_descent(lambda x: 2 * x, np.ones(3), 0.1, 4).shape == (5, 3)
    np.testing.assert_array_equal(gradient_descent(lambda x: 2 * x, 5.0, 0.1, 0), [5.0])


def test_worked_examples_of_the_page():
    # WE41/WE42: x_t = 5 * 0.8^t on x^2 at lr 0.1.
    path = gradient_descent(lambda x: 2 * x, 5.0, 0.1, 20)
    np.testing.assert_allclose(path, 5 * 0.8 ** np.arange(21), rtol=1e-13)
    assert round(path[10] ** 2, 4) == 0.2882 and round(path[20], 6) == 0.057646
    # WE43: x_t = 3 - 5 * 0.8^t on (x - 3)^2 from -2.
    path = gradient_descent(lambda x: 2 * (x - 3), -2.0, 0.1, 50)
    np.testing.assert_allclose(path, 3 - 5 * 0.8 ** np.arange(51), rtol=1e-13, atol=1e-15)
    assert round(path[50], 6) == 2.999929 and 5.0e-9 < (path[50] - 3) ** 2 < 5.2e-9


@settings(max_examples=50, deadline=None)
@given(lr=st.floats(0.01, 1.2), x0=st.floats(-10, 10))
def test_closed_form_on_x_squared(lr, x0):
    # E6: x_t = (1 - 2 lr)^t x0; rounding grows by an ulp or so a step.
    path = gradient_descent(lambda x: 2 * x, x0, lr, 30)
    np.testing.assert_allclose(path, (1 - 2 * lr) ** np.arange(31) * x0, rtol=1e-12, atol=1e-300)


def test_x_squared_converges_exactly_for_lr_in_0_1_and_best_at_one_half():
    lrs = np.linspace(0.02, 1.5, 75)
    final = np.array([abs(gradient_descent(lambda x: 2 * x, 5.0, lr, 200)[-1]) for lr in lrs])
    assert np.all(final[lrs < 0.98] < 1e-1) and np.all(final[lrs >= 1] >= 5.0 - 1e-9)
    assert lrs[np.argmin(final)] == pytest.approx(0.5, abs=0.02)
    assert gradient_descent(lambda x: 2 * x, 5.0, 0.5, 1)[1] == 0.0  # one step: Newton's


def random_quadratic(rng, n, mu, L):
    """A = Q diag(mu, ..., L) Q^T with a random rotation Q, the extremes included."""
    Q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    eigenvalues = np.concatenate([[mu, L], rng.uniform(mu, L, n - 2)])
    return Q @ np.diag(eigenvalues) @ Q.T


@pytest.mark.parametrize("seed", range(10))
def test_step_one_over_L_decreases_every_step_by_the_descent_lemma(seed):
    rng = np.random.default_rng(seed)
    A = random_quadratic(rng, 6, rng.uniform(0.01, 1), rng.uniform(2, 50))
    L = np.linalg.eigvalsh(A).max()
    path = gradient_descent(lambda x: A @ x, rng.normal(size=6), 1 / L, 100)
    f = 0.5 * np.einsum("ti,ij,tj->t", path, A, path)
    grad_sq = np.sum((path @ A) ** 2, axis=1)
    # f(x_{t+1}) <= f(x_t) - lr/2 |grad f(x_t)|^2, up to round-off relative to f.
    assert np.all(f[1:] <= f[:-1] - 0.5 / L * grad_sq[:-1] + 1e-12 * f[:-1])


@pytest.mark.parametrize("seed", range(5))
def test_step_one_over_L_decreases_a_non_quadratic_smooth_loss(seed):
    # Logistic regression's mean loss is L-smooth with L = lambda_max(X^T X) / (4 n).
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(40, 3)), rng.integers(0, 2, 40).astype(float)

    def loss(w):
        z = X @ w
        return np.mean(np.logaddexp(0, z) - y * z)

    def grad(w):
        return X.T @ (1 / (1 + np.exp(-X @ w)) - y) / len(y)

    L = np.linalg.eigvalsh(X.T @ X).max() / (4 * len(y))
    path = gradient_descent(grad, rng.normal(size=3) * 3, 1 / L, 200)
    values = np.array([loss(w) for w in path])
    assert np.all(np.diff(values) <= 1e-13)
    assert values[-1] < values[0]


@pytest.mark.parametrize("seed", range(10))
def test_converges_below_two_over_L_and_diverges_above(seed):
    rng = np.random.default_rng(seed)
    A = random_quadratic(rng, 5, rng.uniform(0.5, 1), rng.uniform(5, 20))
    L = np.linalg.eigvalsh(A).max()
    x0 = rng.normal(size=5)
    below = gradient_descent(lambda x: A @ x, x0, 1.95 / L, 2000)[-1]
    above = gradient_descent(lambda x: A @ x, x0, 2.05 / L, 400)[-1]
    assert np.linalg.norm(below) < 1e-6 * np.linalg.norm(x0)
    assert np.linalg.norm(above) > 1e3 * np.linalg.norm(x0)


@pytest.mark.parametrize("seed", range(5))
def test_best_fixed_step_is_two_over_mu_plus_L_with_rate_kappa_minus_one_over_kappa_plus_one(seed):
    rng = np.random.default_rng(seed)
    mu, L = rng.uniform(0.5, 2), rng.uniform(10, 40)
    A = random_quadratic(rng, 5, mu, L)
    x0 = rng.normal(size=5)

    def rate(lr, steps=300):
        path = gradient_descent(lambda x: A @ x, x0, lr, steps)
        return (np.linalg.norm(path[-1]) / np.linalg.norm(path[-101])) ** (1 / 100)

    lrs = np.linspace(0.5, 1.5, 201) * 2 / (mu + L)
    rates = np.array([rate(lr) for lr in lrs])
    best = lrs[np.argmin(rates)]
    # The grid steps by 0.5 % of 2/(mu + L); the minimum is a kink, so the argmin is within one step.
    assert best == pytest.approx(2 / (mu + L), rel=0.006)
    kappa = L / mu
    assert rate(2 / (mu + L)) == pytest.approx((kappa - 1) / (kappa + 1), rel=1e-6)


def test_diverging_iterates_raise_instead_of_returning_inf():
    with pytest.raises(ValueError, match="diverged"):
        gradient_descent(lambda x: 2 * x, 1.0, 1.5, 5000)


# --- train -----------------------------------------------------------------------------------


def data(seed=0, n=30):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 4))
    return X, (X[:, 0] > 0).astype(int) + (X[:, 1] > 0)


def test_train_is_the_gradient_descent_update_on_every_parameter():
    X, y = data()
    net, copy = MLP([4, 5, 3], rng=1), MLP([4, 5, 3], rng=1)
    losses = train(net, X, y, 0.3, 3)
    # The same three steps written out, with the loss before each update.
    for t in range(3):
        L, dZ = cross_entropy(copy.forward(X), y)
        assert losses[t] == L
        copy.backward(dZ)
        for p, g in zip(copy.parameters(), copy.gradients()):
            p -= 0.3 * g
    for p, q in zip(net.parameters(), copy.parameters()):
        np.testing.assert_array_equal(p, q)


def test_train_with_a_schedule_uses_one_rate_per_step():
    X, y = data()
    a, b = MLP([4, 3], rng=0), MLP([4, 3], rng=0)
    train(a, X, y, np.array([0.5, 0.1, 0.01]), 3)
    for lr in [0.5, 0.1, 0.01]:
        train(b, X, y, lr, 1)
    for p, q in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(p, q)


def test_minibatches_cover_every_row_once_an_epoch():
    X, y = data(n=10)
    seen = []

    class Spy(MLP):
        def forward(self, X):
            seen.append(X.copy())
            return super().forward(X)

    train(Spy([4, 3], rng=0), X, y, 0.1, 8, batch_size=3, rng=0)
    sizes = [len(b) for b in seen]
    assert sizes == [3, 3, 3, 1, 3, 3, 3, 1]
    for epoch in (seen[:4], seen[4:]):
        rows = np.concatenate(epoch)
        assert sorted(map(tuple, rows)) == sorted(map(tuple, X))


def test_train_stops_with_inf_when_the_logits_overflow():
    X, y = data()
    losses = train(MLP([4, 50, 3], rng=0), X * 1e3, y, 1e150, 5)
    assert np.isfinite(losses[0]) and np.isinf(losses[-1])


def test_train_lowers_the_loss_on_the_digits():
    from snippets.optimization import digits

    X, y = digits()
    losses = train(MLP([64, 16, 10], rng=0), X, y, 0.1, 300, batch_size=64, rng=0)
    assert losses[-10:].mean() < 0.25 * losses[:5].mean()  # seen: 0.30 against 2.31


# --- the slider's data -----------------------------------------------------------------------


def test_slider_file_is_what_the_package_computes_now():
    # Regenerated in memory: the committed JSON cannot drift from the tested function.
    assert SLIDER_FILE.read_text() == slider_text()


def test_slider_frames_follow_the_closed_form():
    data = lr_slider_data()
    assert len(data["frames"]) == 55 and data["frames"][0]["lr"] == 0.02 and data["frames"][-1]["lr"] == 1.1
    for frame in data["frames"]:
        t = np.arange(data["steps"] + 1)
        np.testing.assert_allclose(frame["x"], (1 - 2 * frame["lr"]) ** t * 5.0, rtol=1e-12, atol=1e-15)
        np.testing.assert_array_equal(np.array(frame["f"]), np.array(frame["x"]) ** 2)
    assert json.loads(json.dumps(data)) == data  # plain JSON types only
