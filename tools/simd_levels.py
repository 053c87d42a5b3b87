"""The NumPy SIMD groups to disable so that NumPy runs at an older CPU's level, for this CPU.

    python -m tools.simd_levels avx2     # e.g. X86_V4 AVX512_ICL AVX512_SPR
    python -m tools.simd_levels sse4.2   # e.g. X86_V3 X86_V4 AVX512_ICL AVX512_SPR

Prints the value for ``NPY_DISABLE_CPU_FEATURES``: every group that NumPy dispatches at run time
(``__cpu_dispatch__``), that this CPU has (``__cpu_features__``), and that lies above the level.
Only those: NumPy warns about any other name (an ``ImportWarning``, a failure under
``filterwarnings = error``). The line is empty when there is nothing to disable (at the AVX2
level on a CPU without AVX-512); a note on stderr says so. CI runs the pages' code blocks and the
doctests once per level (``.ci/run``), so that a printed round-off digit that differs between
SIMD paths fails here rather than on a reader's machine.
"""

import platform
import sys

# The x86 features each level includes (NumPy's names): x86-64-v2 is SSE4.2 and POPCNT,
# x86-64-v3 adds AVX2, FMA3, F16C, BMI1/2, LZCNT and MOVBE. A group outside the set is above it.
SSE42 = {"MMX", "SSE", "SSE2", "SSE3", "SSSE3", "SSE41", "SSE42", "POPCNT", "LAHF", "CX16", "X86_V2"}
AVX2 = SSE42 | {"AVX", "F16C", "FMA3", "AVX2", "BMI", "BMI2", "LZCNT", "MOVBE", "X86_V3"}
LEVELS = {"sse4.2": SSE42, "avx2": AVX2}


def groups_above(level, dispatch, features):
    """The groups of ``dispatch`` (NumPy's dispatch targets) that ``features`` (name -> bool, this
    CPU) has and that ``level`` does not include, in NumPy's order."""
    if not features.get("SSE2"):
        raise ValueError(f"the levels are x86 levels; this CPU ({platform.machine()}) is not x86")
    return [name for name in dispatch if features.get(name) and name not in LEVELS[level]]


def main(argv):
    if len(argv) != 1 or argv[0] not in LEVELS:
        sys.exit(f"usage: python -m tools.simd_levels {{{','.join(LEVELS)}}}")
    from numpy._core import _multiarray_umath as umath

    names = groups_above(argv[0], umath.__cpu_dispatch__, umath.__cpu_features__)
    if not names:
        print(f"simd_levels: this CPU has no dispatched group above {argv[0]}: nothing to disable",
              file=sys.stderr)
    print(" ".join(names))


if __name__ == "__main__":
    main(sys.argv[1:])
