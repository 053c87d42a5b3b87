"""Guards on the Markdown sources: the two kinds of code fence, the includes, the macros."""

import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))
INCLUDE = re.compile(r'--8<-- "([^":]+)(?::([\w-]+))?"')
SECTION = re.compile(r"# --8<-- \[(start|end):([\w-]+)\]")


def fences(text):
    """Yield (info string, first line number, body) of every fenced block of ``text``."""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)(`{3,}|~{3,})(.*)$", lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.groups()
        start, body = i + 1, []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][len(indent):])
            i += 1
        yield info.strip(), start, "\n".join(body)
        i += 1


def sections(path):
    """The named sections of a package module, checked to open and close in pairs."""
    names, open_ = [], set()
    for kind, name in SECTION.findall(path.read_text()):
        if kind == "start":
            assert name not in open_, f"{path}: section {name} opened twice"
            open_.add(name)
            names.append(name)
        else:
            assert name in open_, f"{path}: section {name} closed before it opened"
            open_.remove(name)
    assert not open_, f"{path}: sections never closed: {sorted(open_)}"
    return names


def includes():
    """Every (page, line, path, section) included by a page."""
    for page in PAGES:
        for info, line, body in fences(page.read_text()):
            for path, section in INCLUDE.findall(body):
                yield page, line, path, section


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_runnable_fences_hold_no_include_and_included_source_has_a_title(page):
    for info, line, body in fences(page.read_text()):
        where = f"{page.relative_to(ROOT)}:{line}"
        if "--8<--" in body:
            assert info.startswith("python title=") or info.startswith("py title="), (
                f"{where}: an include needs a fence with a title, or pytest-codeblocks runs it"
            )
        assert info not in ("bash", "sh"), f"{where}: pytest-codeblocks executes {info} fences; use console"
        assert info not in ("py", "python3"), f"{where}: runnable examples use exactly ```python"


def test_every_include_resolves():
    found = list(includes())
    assert found, "no page includes code from the package"
    for page, line, path, section in found:
        target = ROOT / path
        assert target.is_file(), f"{page.relative_to(ROOT)}:{line}: no file {path}"
        if section:
            assert section in sections(target), f"{page.relative_to(ROOT)}:{line}: no section {section} in {path}"


def test_every_section_of_the_package_is_included_by_a_page():
    included = {(path, section) for _, _, path, section in includes()}
    for module in sorted((ROOT / "snippets").rglob("*.py")):
        path = module.relative_to(ROOT).as_posix()
        for name in sections(module):
            assert (path, name) in included, f"{path}: section {name} is on no page"


def test_notation_page_lists_every_katex_macro():
    script = (ROOT / "docs/assets/javascripts/katex.js").read_text()
    block = re.search(r"const KATEX_MACROS = \{(.*?)\};", script, re.S).group(1)
    macros = re.findall(r'"\\\\(\w+)":', block)
    assert len(macros) >= 5
    notation = (ROOT / "docs/notation.md").read_text()
    for name in macros:
        assert f"| `\\{name}" in notation, f"macro \\{name} is not in the Notation page's table"
