"""Guards on the sources: the book's layout, the reading order of imports, the two kinds of code
fence, the includes, the macros."""

import ast
import importlib.util
import re

import pytest
import yaml

from tools.sitekit import ROOT

PAGES = sorted((ROOT / "docs").rglob("*.md"))
INCLUDE = re.compile(r'--8<-- "([^":]+)(?::([\w.]+))?"')


def _load_include_hook():
    spec = importlib.util.spec_from_file_location("includes", ROOT / "hooks/includes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nav_pages():
    """The page paths of mkdocs.yml's nav, in reading order."""
    text = (ROOT / "mkdocs.yml").read_text()
    # The !ENV and !relative tags are MkDocs's; any loader that ignores them reads the nav.
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    pages = []

    def walk(item):
        if isinstance(item, str):
            pages.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(yaml.load(text, loader)["nav"])
    return pages


def reading_order():
    """Every chapter module as (part, chapter), in the order of the nav."""
    order = []
    for page in nav_pages():
        part, _, chapter = page.removesuffix(".md").partition("/")
        if (ROOT / "snippets" / part / f"{chapter}.py").is_file():
            order.append((part, chapter))
    return order


def chapter_modules():
    return sorted(
        p for p in (ROOT / "snippets").glob("*/*.py")
        if not p.parent.name.startswith("_") and not p.name.startswith("_")
    )


def figure_modules():
    return sorted(p for p in (ROOT / "snippets").glob("*/figures/*.py") if not p.name.startswith("_"))


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


def includes():
    """Every (page, line, fence title, path, name) included by a page."""
    for page in PAGES:
        for info, line, body in fences(page.read_text()):
            for path, name in INCLUDE.findall(body):
                title = re.match(r'python title="([^"]+)"', info)
                yield page, line, title and title.group(1), path, name


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


def test_every_include_names_code_of_the_file_its_title_shows():
    hook = _load_include_hook()
    found = list(includes())
    assert found, "no page includes code from the package"
    for page, line, title, path, name in found:
        where = f"{page.relative_to(ROOT)}:{line}"
        if not path.startswith("snippets/"):
            continue
        assert title == path, f"{where}: the fence's title {title!r} is not the included file {path}"
        assert name, f"{where}: include a function, class or name of {path}, not the whole file"
        assert (ROOT / path).is_file(), f"{where}: no file {path}"
        hook.source(ROOT / path, name)  # raises LookupError naming what is missing


# What the page's code column shows without scrolling at 1280 px (688 px of 8.7 px glyphs).
COLUMN = 79


def test_code_on_pages_fits_the_column():
    hook = _load_include_hook()
    too_wide = []
    for page in PAGES:
        expanded = hook.expand(page.read_text(), ROOT, str(page))
        for info, line, body in fences(expanded):
            if info == "python" or info.startswith("python title="):
                too_wide += [
                    f"{page.relative_to(ROOT)} (fence at line {line}): {text.strip()[:50]}... ({len(text)})"
                    for text in body.splitlines() if len(text) > COLUMN
                ]
    assert not too_wide, f"lines wider than {COLUMN} characters:\n" + "\n".join(too_wide)


def test_the_include_hook_leaves_out_docstrings_and_keeps_the_comments_above():
    hook = _load_include_hook()
    code = hook.source(ROOT / "snippets/_core/activations.py", "ACTIVATIONS")
    assert code.startswith("# name -> (g, g')") and code.rstrip().endswith("}")
    code = hook.source(ROOT / "snippets/calculus/derivatives.py", "central_difference")
    assert code.startswith("def central_difference(") and '"""' not in code
    code = hook.source(ROOT / "snippets/backprop/engine.py", "Value.backward")
    assert code.startswith("def backward(self):") and '"""' not in code
    fence = '```python title="snippets/_core/errors.py"\n--8<-- "snippets/_core/errors.py:relative_error"\n```\n'
    shown = hook.expand(fence, ROOT)
    assert "import numpy as np\n" in shown, "an included block must carry the imports it needs"
    with pytest.raises(LookupError, match="no_such_name"):
        hook.source(ROOT / "snippets/calculus/derivatives.py", "no_such_name")


def test_no_module_carries_include_markers():
    for module in (ROOT / "snippets").rglob("*.py"):
        assert "# --8<--" not in module.read_text(), f"{module}: include by name, not by marker"


def test_every_chapter_has_its_page_its_tests_and_a_place_in_the_nav():
    nav = nav_pages()
    for module in chapter_modules():
        part, chapter = module.parent.name, module.stem
        assert f"{part}/{chapter}.md" in nav, f"{module.relative_to(ROOT)}: no page {part}/{chapter}.md in the nav"
        assert (ROOT / "tests" / part / f"test_{chapter}.py").is_file(), f"{module}: no tests/{part}/test_{chapter}.py"
        assert (ROOT / "tests" / part / "__init__.py").is_file(), f"tests/{part} needs an __init__.py"
    for module in figure_modules():
        part, chapter = module.parent.parent.name, module.stem
        assert (ROOT / "snippets" / part / f"{chapter}.py").is_file() or f"{part}/{chapter}.md" in nav, (
            f"{module.relative_to(ROOT)}: figures of a chapter that does not exist"
        )
        assert (ROOT / "tests" / part / f"test_{chapter}_figures.py").is_file(), (
            f"{module.relative_to(ROOT)}: no tests/{part}/test_{chapter}_figures.py"
        )


def _imports(path):
    """(module, names) of every absolute import of ``snippets`` in the file ``path``."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports (from snippets.<part> ...)"
            if node.module.split(".")[0] == "snippets":
                yield node.module, [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "snippets":
                    yield alias.name, []


def test_imports_run_with_the_reading_order():
    order = reading_order()
    parts = list(dict.fromkeys(part for part, _ in order))
    rank = {chapter: i for i, chapter in enumerate(order)}
    for path in sorted((ROOT / "snippets").rglob("*.py")):
        relative = path.relative_to(ROOT / "snippets").with_suffix("").parts
        where = path.relative_to(ROOT)
        if len(relative) == 1:
            continue  # snippets/__init__.py
        for module, names in _imports(path):
            target = module.split(".")[1:]
            if not target:
                continue
            if relative[0] == "_core":
                assert target[0] == "_core", f"{where}: the core imports no part ({module})"
                continue
            if target[0] == "_core":
                continue
            part = relative[0]
            assert target[0] in parts, f"{where}: {module} is no part of the nav"
            assert parts.index(target[0]) <= parts.index(part), f"{where}: imports {module}, a later part"
            private = [n for n in names if n.startswith("_")]
            assert not private, f"{where}: imports the private names {private} of {module}"
            if target[0] == part and len(target) > 1 and target[1] != "figures":
                # The chapter itself, or its figures, may use the chapters before it.
                chapter = relative[-1] if relative[1] == "figures" else relative[1]
                if (part, chapter) in rank:
                    assert rank[(part, target[1])] <= rank[(part, chapter)], (
                        f"{where}: imports {module}, a later chapter"
                    )


def test_notation_page_lists_every_katex_macro():
    script = (ROOT / "docs/assets/javascripts/katex.js").read_text()
    block = re.search(r"const KATEX_MACROS = \{(.*?)\};", script, re.S).group(1)
    macros = re.findall(r'"\\\\(\w+)":', block)
    assert len(macros) >= 5
    notation = (ROOT / "docs/notation.md").read_text()
    for name in macros:
        assert f"| `\\{name}" in notation, f"macro \\{name} is not in the Notation page's table"


def chapter_pages():
    """Every chapter page of the nav: ``<part>/<chapter>.md``, not a part's overview or a lab."""
    return [p for p in nav_pages() if "/" in p and not p.endswith("/index.md") and not p.startswith("labs/")]


@pytest.mark.parametrize("page", chapter_pages())
def test_every_chapter_opens_with_before_you_start(page):
    text = (ROOT / "docs" / page).read_text()
    body = text.split("\n## ", 1)[0]  # before the first section
    assert '!!! info "Before you start"' in body, f"{page}: no 'Before you start' box before the first section"


@pytest.mark.parametrize("page", chapter_pages())
def test_every_solution_names_its_exercise(page):
    text = (ROOT / "docs" / page).read_text()
    summaries = re.findall(r'^\?\?\?\+? success "([^"]*)"', text, re.M)
    exercises = re.findall(r"^\*\*(\d+)\.", text.partition("\n## Exercises\n")[2], re.M)
    assert exercises, f"{page}: no exercises (each starts a paragraph with **N.** or **N. Title.**)"
    for summary in summaries:
        assert re.match(r"Solution to exercise \d+: \S", summary), (
            f"{page}: the summary {summary!r} must read 'Solution to exercise N: <what it asks>'"
        )
