"""The schedules equal PyTorch's schedulers stepped once per iteration (recorded, and live when
torch is installed), and have the shapes their formulas promise."""

import json
import pathlib

import numpy as np
import pytest

from snippets.optimization import (
    cosine_annealing_lr,
    exponential_lr,
    linear_lr,
    one_cycle_lr,
    step_lr,
    warmup_cosine_lr,
)

DATA = json.loads((pathlib.Path(__file__).parent / "data/torch_reference.json").read_text())
SCHEDULES = {f.__name__: f for f in (step_lr, exponential_lr, cosine_annealing_lr, linear_lr,
                                     one_cycle_lr, warmup_cosine_lr)}


def check_against(name, kwargs, rates):
    rates = np.asarray(rates)
    ours = SCHEDULES[name](np.arange(rates.size), **kwargs)
    # PyTorch computes CosineAnnealingLR and LinearLR recursively (each rate from the previous
    # one), the package in closed form: equal on paper, apart by rounding that accumulates over
    # the steps (seen: 4e-14 relative after 5,000 steps). Near a rate of 0 the relative error
    # means nothing, so the absolute tolerance is 1e-12 of the peak.
    np.testing.assert_allclose(ours, rates, rtol=1e-12, atol=1e-12 * rates.max(), err_msg=f"{name} {kwargs}")


def test_the_recording_covers_every_schedule_over_many_steps():
    assert {case["name"] for case in DATA["schedules"]} == set(SCHEDULES)
    assert all(len(case["lr"]) > 7 for case in DATA["schedules"])
    assert max(len(case["lr"]) for case in DATA["schedules"]) > 1000


@pytest.mark.parametrize("case", DATA["schedules"], ids=lambda c: f"{c['name']}-{len(c['lr'])}")
def test_schedule_equals_recorded_torch_scheduler(case):
    check_against(case["name"], case["kwargs"], case["lr"])


def test_schedule_equals_live_torch_scheduler():
    pytest.importorskip("torch")
    from tools.record_torch import SCHEDULE_CASES, torch_schedule

    for name, kwargs, steps in SCHEDULE_CASES:
        check_against(name, kwargs, torch_schedule(name, kwargs, steps))


@pytest.mark.parametrize("name", sorted(SCHEDULES))
def test_scalar_in_float_out_and_array_in_array_out(name):
    f = SCHEDULES[name]
    args = {"one_cycle_lr": (0.1, 50), "warmup_cosine_lr": (0.1, 5, 50), "step_lr": (0.1, 7),
            "exponential_lr": (0.1, 0.9), "cosine_annealing_lr": (0.1, 50), "linear_lr": (0.1,)}[name]
    assert type(f(3, *args)) is float
    t = np.arange(12).reshape(3, 4)
    result = f(t, *args)
    assert result.shape == (3, 4)
    # A vectorised call equals a loop of scalar calls.
    np.testing.assert_array_equal(result, [[f(int(s), *args) for s in row] for row in t])


def test_step_decay_is_a_staircase_with_a_floor():
    # B19: constant for step_size steps, then a factor gamma; without the floor it would be
    # the smooth 0.1 ** (t / s).
    t = np.arange(90)
    lrs = step_lr(t, 1.0, step_size=30)
    for k in range(3):
        np.testing.assert_allclose(lrs[30 * k:30 * (k + 1)], 0.1**k, rtol=1e-15)
    assert not np.allclose(lrs, 0.1 ** (t / 30))


def test_exponential_is_e_to_the_minus_lambda_t():
    lam = 0.05
    t = np.arange(200)
    np.testing.assert_allclose(exponential_lr(t, 0.3, np.exp(-lam)), 0.3 * np.exp(-lam * t), rtol=1e-12)


def test_cosine_reaches_eta_min_at_t_max_and_half_way_in_the_middle():
    assert cosine_annealing_lr(100, 0.1, 100, eta_min=0.01) == pytest.approx(0.01, rel=1e-14)
    assert cosine_annealing_lr(50, 0.1, 100, eta_min=0.01) == pytest.approx(0.055, rel=1e-14)


def test_one_cycle_goes_up_to_max_lr_then_far_below_its_start():
    # B27: two cosine phases, ending at max_lr / (div_factor * final_div_factor).
    lrs = one_cycle_lr(np.arange(101), 0.1, total_steps=100)
    peak = int(np.argmax(lrs))
    assert peak == 29 and lrs[peak] == pytest.approx(0.1, rel=1e-15)
    assert np.all(np.diff(lrs[:peak + 1]) > 0) and np.all(np.diff(lrs[peak:100]) < 0)
    assert lrs[0] == pytest.approx(0.1 / 25, rel=1e-15)
    assert lrs[99] == pytest.approx(0.1 / 25 / 1e4, rel=1e-12)
    # Not linear: the midpoint of the way down is the mean of the two ends only for a cosine
    # evaluated at its centre; a quarter of the way down it is above the linear interpolation.
    quarter = peak + (99 - peak) // 4
    linear = 0.1 + (lrs[99] - 0.1) * (quarter - peak) / (99 - peak)
    assert lrs[quarter] > linear


def test_warmup_then_cosine_is_linear_lr_then_cosine_annealing_lr():
    t = np.arange(120)
    lrs = warmup_cosine_lr(t, 0.2, warmup_steps=20, total_steps=120, eta_min=0.02, start_factor=0.1)
    np.testing.assert_array_equal(lrs[:20], linear_lr(t[:20], 0.2, start_factor=0.1, total_iters=20))
    np.testing.assert_array_equal(lrs[20:], cosine_annealing_lr(t[20:] - 20, 0.2, 100, eta_min=0.02))
