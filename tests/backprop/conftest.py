"""Fixtures of the backpropagation tests: the XOR training runs, trained once per test run."""

import pytest

from snippets.backprop import train_xor


@pytest.fixture(scope="session")
def xor_runs():
    """``{seed: (net, losses)}`` of ``train_xor`` with its defaults, for the seeds 2 and 7.

    Training takes most of these tests' time: every test that needs a default run shares these.
    Tests must not change the networks.
    """
    return {seed: train_xor(rng=seed) for seed in (2, 7)}
