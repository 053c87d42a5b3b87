"""The playbook's loop: the recorded norm is the global norm before clipping, clipping follows
PyTorch's rule, the schedule sets each step's rate; and the page's claims about the digits runs."""

import copy

import numpy as np
import pytest

from snippets.backprop import MLP
from snippets.optimization import SGD, Adam, cross_entropy, digits, fit, monitored_fit


@pytest.fixture(scope="module")
def data():
    X, y = digits()
    return X[:600], y[:600]


def test_without_clipping_or_schedule_it_takes_fits_steps(data):
    X, y = data
    a, b = MLP([64, 16, 10], rng=0), MLP([64, 16, 10], rng=0)
    la = fit(a, X, y, Adam(a.parameters(), lr=1e-2), 30, batch_size=50, rng=3)
    lb, norms = monitored_fit(b, X, y, Adam(b.parameters(), lr=1e-2), 30, batch_size=50, rng=3)
    np.testing.assert_array_equal(la, lb)  # same batches, same updates
    for Wa, Wb in zip(a.parameters(), b.parameters()):
        np.testing.assert_array_equal(Wa, Wb)
    assert np.all(norms > 0)


def test_recorded_norm_is_the_global_norm_before_clipping_and_the_step_is_clipped(data):
    X, y = data
    net = MLP([64, 16, 10], rng=0)
    before = copy.deepcopy(net)
    _, norms = monitored_fit(net, 16 * X, y, SGD(net.parameters(), lr=0.1), 1, max_norm=1.0)
    Z = before.forward(16 * X)
    before.backward(cross_entropy(Z, y)[1])
    g = np.concatenate([p.ravel() for p in before.gradients()])
    assert norms[0] == pytest.approx(np.linalg.norm(g), rel=1e-12)
    step = np.concatenate([(p - q).ravel() for p, q in zip(before.parameters(), net.parameters())])
    # clip_grad_norm_: g * max_norm / (norm + 1e-6), so the step's length is lr * 1 (to 1e-6)
    assert np.linalg.norm(step) == pytest.approx(0.1, rel=1e-6)
    np.testing.assert_allclose(step / np.linalg.norm(step), g / np.linalg.norm(g), rtol=1e-9, atol=1e-12)


def test_schedule_sets_each_steps_rate(data):
    X, y = data
    net = MLP([64, 16, 10], rng=0)
    opt = SGD(net.parameters(), lr=123.0)
    monitored_fit(net, X, y, opt, 3, lrs=[0.1, 0.2, 0.05])
    assert opt.lr == 0.05
    # lr = 0 everywhere: nothing moves
    net = MLP([64, 16, 10], rng=0)
    W0 = net.W[0].copy()
    monitored_fit(net, X, y, SGD(net.parameters(), lr=1.0), 3, lrs=np.zeros(3))
    np.testing.assert_array_equal(net.W[0], W0)


def test_the_pages_claims_about_the_sweep_and_the_raw_pixel_bug(data):
    X, y = data
    final = {}
    for lr in [3.0, 1.0, 0.3, 0.01]:
        net = MLP([64, 32, 10], rng=0)
        losses, _ = monitored_fit(net, X, y, SGD(net.parameters(), lr=lr), 100, batch_size=64, rng=0)
        final[lr] = np.mean(losses[-10:])
    assert abs(final[3.0] - np.log(10)) < 0.05  # broken: the loss of a uniform guess
    assert final[1.0] < final[0.3] < final[0.01]
    runs = {}
    for scale in (1, 16):
        for max_norm in (None, 1.0):
            net = MLP([64, 32, 10], rng=0)
            runs[scale, max_norm] = monitored_fit(net, scale * X, y, SGD(net.parameters(), lr=0.3), 100,
                                                  batch_size=64, rng=0, max_norm=max_norm)
    assert runs[16, None][1][0] / runs[1, None][1][0] > 30  # the bug shows at step 0
    assert abs(np.mean(runs[16, None][0][-10:]) - np.log(10)) < 0.05  # breaks without clipping
    assert np.mean(runs[16, 1.0][0][-10:]) < 0.15  # trains with clipping
    assert np.max(runs[1, None][1]) < 2  # healthy: the norm stays around 1


def test_float16_facts_of_the_page():
    f16 = np.finfo(np.float16)
    assert float(f16.eps) == 2.0**-10 and float(f16.max) == 65504.0
    assert float(f16.smallest_subnormal) == 2.0**-24
    assert np.float16(1) + np.float16(1e-4) == 1
    # bfloat16: 8 exponent bits, 7 mantissa bits; largest (2 - 2^-7) 2^127
    assert (2 - 2**-7) * 2.0**127 == pytest.approx(3.39e38, rel=1e-3)
