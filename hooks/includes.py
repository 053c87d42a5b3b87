"""Include tested code on a page by name: ``--8<-- "snippets/calculus/derivatives.py:derivative"``.

A line of that form, inside a titled ``python`` fence, becomes the source of the named function,
class, method (``Value.backward``) or module-level assignment (``ACTIVATIONS``), with its
decorators and the comment lines right above it, and without its docstrings (the docstring is in
the API reference). The page shows exactly the code that is tested, and the modules read as
plain Python, with no marker comments.

The fence also gets the imports its code needs, taken from the module (``import numpy as np``,
``from snippets._core.checks import check_point``, and ``from <module> import <helper>`` for a
helper of the same module), so that a reader who copies the block can run it.

An unknown file or name fails the build. Includes of anything else (``includes/``) are left to
pymdownx.snippets.
"""

import ast
import builtins
import functools
import pathlib
import re
import textwrap

from mkdocs.exceptions import PluginError

FENCE = re.compile(
    r'^(?P<open>(?P<indent>[ \t]*)```python title="[^"]*"[^\n]*\n)(?P<body>.*?)^(?P=indent)```[ \t]*$',
    re.M | re.S,
)
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<-- "(?P<path>snippets/[^":]+\.py):(?P<name>[\w.]+)"[ \t]*$', re.M)
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _target_names(node):
    if isinstance(node, DEFINITIONS):
        return [node.name]
    if isinstance(node, ast.Assign):
        return [t.id for t in node.targets if isinstance(t, ast.Name)]
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return [node.target.id]
    return []


def _find(body, qualname):
    """The node of ``body`` named by ``qualname`` (``Class.method`` walks into the class)."""
    head, _, rest = qualname.partition(".")
    for node in body:
        if head in _target_names(node):
            if not rest:
                return node
            if isinstance(node, ast.ClassDef):
                return _find(node.body, rest)
    return None


def _docstring_lines(node, lines_of_file):
    """The 1-based line numbers of the docstrings of ``node`` and of the definitions inside it,
    each with the blank line that follows it."""
    lines = set()
    for inner in ast.walk(node):
        if isinstance(inner, DEFINITIONS) and inner.body:
            first = inner.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                lines.update(range(first.lineno, first.end_lineno + 1))
                after = first.end_lineno + 1
                if after <= len(lines_of_file) and not lines_of_file[after - 1].strip():
                    lines.add(after)
    return lines


@functools.lru_cache(maxsize=512)
def _parsed(path, mtime_ns, size):
    text = pathlib.Path(path).read_text()
    return text, ast.parse(text)


def _module(path):
    """The text of the module file ``path`` and its syntax tree (read-only), parsed once per
    version of the file: a page includes several names of a module, and hooks/book.py expands
    every page again for its notebook."""
    stat = pathlib.Path(path).stat()
    return _parsed(str(path), stat.st_mtime_ns, stat.st_size)


def source(path, qualname):
    """The source of ``qualname`` in the module file ``path``, dedented, docstrings left out."""
    text, tree = _module(path)
    lines = text.splitlines()
    node = _find(tree.body, qualname)
    if node is None:
        raise LookupError(f"{path} defines no function, class or name {qualname!r}")
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    # The comment lines right above belong to it (they often give the formula).
    while start > 1 and lines[start - 2].lstrip().startswith("#"):
        start -= 1
    skip = _docstring_lines(node, lines)
    kept = [lines[i - 1] for i in range(start, node.end_lineno + 1) if i not in skip]
    return textwrap.dedent("\n".join(kept)).strip("\n")


@functools.lru_cache(maxsize=2048)
def _bound_and_free(code):
    """The names ``code`` binds, and the names it reads without binding them."""
    bound, read = set(), set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, DEFINITIONS):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, ast.alias):
            bound.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return frozenset(bound), frozenset(read - bound - set(dir(builtins)))


def imports_for(path, root, code):
    """The import lines that ``code``, taken from the module file ``path``, needs to run alone."""
    module = ".".join(path.relative_to(root).with_suffix("").parts)
    _, free = _bound_and_free(code)
    plain, from_lines, own = [], {}, []
    for node in _module(path)[1].body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) in free:
                    plain.append(f"import {alias.name}" + (f" as {alias.asname}" if alias.asname else ""))
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [a for a in node.names if (a.asname or a.name) in free]
            for alias in names:
                from_lines.setdefault(node.module, []).append(
                    alias.name + (f" as {alias.asname}" if alias.asname else "")
                )
        else:  # a helper or constant of the module itself
            own += [name for name in _target_names(node) if name in free]
    if own:
        from_lines[module] = own
    lines = plain
    for m, names in from_lines.items():
        line = f"from {m} import {', '.join(names)}"
        # Wrapped as a formatter would, so that the block fits the page's column.
        lines.append(line if len(line) <= 79 else f"from {m} import (\n" + "".join(f"    {n},\n" for n in names) + ")")
    return "\n".join(lines)


def expand(markdown, root, where="page"):
    """``markdown`` with every include of the package replaced by the source it names, and the
    imports that source needs at the top of its fence."""

    def code_of(match):
        path = root / match["path"]
        if not path.is_file():
            raise PluginError(f"{where}: no file {match['path']} to include")
        try:
            return path, source(path, match["name"])
        except LookupError as error:
            raise PluginError(f"{where}: {error}") from None

    def fence(match):
        body, indent = match["body"], match["indent"]
        included = [(m, *code_of(m)) for m in INCLUDE.finditer(body)]
        if not included:
            return match.group(0)
        codes = {m.group(0): code for m, _, code in included}
        body = INCLUDE.sub(lambda m: textwrap.indent(codes[m.group(0)], m["indent"], lambda line: True), body)
        paths = {path for _, path, _ in included}
        imports = "\n".join(
            filter(None, (imports_for(path, root, "\n\n".join(codes.values())) for path in sorted(paths)))
        )
        if imports:
            body = textwrap.indent(imports, indent, lambda line: True) + "\n\n\n" + body
        return match["open"] + body + indent + "```"

    markdown = FENCE.sub(fence, markdown)
    # An include outside a titled fence is an error: pytest-codeblocks would run it.
    for match in INCLUDE.finditer(markdown):
        raise PluginError(f"{where}: {match.group(0)} must be inside a fence with a title")
    return markdown


def on_page_markdown(markdown, page, config, files):
    root = pathlib.Path(config.config_file_path).resolve().parent
    return expand(markdown, root, page.file.src_uri)
