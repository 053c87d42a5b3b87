"""One table-driven helper for bad-input tests.

Each part keeps one table of bad calls, ``tests/<part>/test_bad_input.py``:

    from tests.bad_input import Bad, covered

    CASES = [
        Bad(derivative, (np.sin, "one"), TypeError, "`x` must be a real number or array, got str 'one'"),
        Bad(derivative, (np.sin, 1.0), ValueError, "`h` must be a positive finite number, got -1", h=-1),
    ]

    @pytest.mark.parametrize("case", CASES, ids=str)
    def test_bad_input_is_refused_naming_the_argument(case):
        case.check()

    def test_every_public_function_has_a_bad_input_case():
        covered(snippets.calculus, CASES)

``check`` calls the function and asserts that it raises exactly that exception type with exactly
that message (the message must name the argument, in backticks, as the signature spells it).
"""

import dataclasses
import inspect
import re

import pytest


@dataclasses.dataclass(init=False)
class Bad:
    """A call ``func(*args, **kwargs)`` that must raise ``error`` with the message ``message``."""

    func: object
    args: tuple
    kwargs: dict
    error: type
    message: str

    def __init__(self, func, args, error, message, **kwargs):
        self.func, self.args, self.kwargs = func, tuple(args), kwargs
        self.error, self.message = error, message

    def __str__(self):
        return f"{getattr(self.func, '__qualname__', self.func)}-{self.message[:60]}"

    def check(self):
        assert re.search(r"`\w[\w\[\]\d.]*`", self.message), f"{self}: the message names no argument"
        with pytest.raises(self.error, match=f"^{re.escape(self.message)}$"):
            self.func(*self.args, **self.kwargs)


def covered(part, cases, exempt=()):
    """Assert that every public callable of the module or package ``part`` has a bad-input case.

    ``exempt`` names what takes no argument that could be bad (say why next to the name).
    """
    tested = {getattr(case.func, "__qualname__", None) for case in cases}
    tested |= {getattr(case.func, "__name__", None) for case in cases}
    missing = []
    for name in part.__all__:
        obj = getattr(part, name)
        if name in exempt or not callable(obj):
            continue
        if inspect.isclass(obj):
            if name not in tested and not any(t and t.startswith(f"{name}.") for t in tested):
                missing.append(name)
        elif name not in tested:
            missing.append(name)
    assert not missing, f"no bad-input case for {missing}"
