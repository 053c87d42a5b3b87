"""tools/simd_levels.py: the NumPy SIMD groups CI disables, computed for the CPU it runs on."""

import os
import subprocess
import sys

import pytest

from tools.simd_levels import groups_above
from tools.sitekit import ROOT

# NumPy 2.4's dispatch targets on x86.
DISPATCH = ["X86_V3", "X86_V4", "AVX512_ICL", "AVX512_SPR"]


@pytest.mark.parametrize(
    ("has", "level", "expected"),
    [
        # A CPU with AVX-512 (Sapphire Rapids): the settings the issue measured.
        (DISPATCH, "avx2", ["X86_V4", "AVX512_ICL", "AVX512_SPR"]),
        (DISPATCH, "sse4.2", ["X86_V3", "X86_V4", "AVX512_ICL", "AVX512_SPR"]),
        # AVX2 without AVX-512 (e.g. AMD Zen 3): nothing above AVX2; a group the CPU lacks is
        # never named.
        (["X86_V3"], "avx2", []),
        (["X86_V3"], "sse4.2", ["X86_V3"]),
    ],
)
def test_names_only_dispatched_groups_the_cpu_has_above_the_level(has, level, expected):
    features = {"SSE2": True, "AVX512F": True, **{name: name in has for name in DISPATCH}}
    # AVX512F is a feature the CPU has but NumPy 2.4 does not dispatch: never named.
    assert groups_above(level, DISPATCH, features) == expected


def test_refuses_a_cpu_that_is_not_x86():
    with pytest.raises(ValueError, match="not x86"):
        groups_above("avx2", ["ASIMDHP"], {"NEON": True, "ASIMDHP": True})


@pytest.mark.parametrize("level", ["avx2", "sse4.2"])
def test_numpy_accepts_the_groups_without_a_warning_on_this_cpu(level):
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    names = subprocess.run([sys.executable, "-m", "tools.simd_levels", level], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    # -W error: NumPy's warning about a group it cannot disable becomes an import failure.
    check = subprocess.run(
        [sys.executable, "-W", "error", "-c",
         "from numpy._core import _multiarray_umath as m; print(' '.join(n for n in m.__cpu_dispatch__ if m.__cpu_features__[n]))"],
        env={**env, "NPY_DISABLE_CPU_FEATURES": names}, capture_output=True, text=True,
    )
    assert check.returncode == 0, check.stderr
    assert not set(names.split()) & set(check.stdout.split()), "a group named is still in use"
