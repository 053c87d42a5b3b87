"""Include tested code on a page by name: ``--8<-- "snippets/calculus/derivatives.py:derivative"``.

A line of that form, inside a titled ``python`` fence, becomes the source of the named function,
class, method (``Value.backward``) or module-level assignment (``ACTIVATIONS``), with its
decorators and the comment lines right above it, and without its docstrings (the docstring is in
the API reference). The page shows exactly the code that is tested, and the modules read as
plain Python, with no marker comments.

An unknown file or name fails the build. Includes of anything else (``includes/``) are left to
pymdownx.snippets.
"""

import ast
import pathlib
import re
import textwrap

from mkdocs.exceptions import PluginError

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


def source(path, qualname):
    """The source of ``qualname`` in the module file ``path``, dedented, docstrings left out."""
    text = pathlib.Path(path).read_text()
    lines = text.splitlines()
    node = _find(ast.parse(text).body, qualname)
    if node is None:
        raise LookupError(f"{path} defines no function, class or name {qualname!r}")
    start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
    # The comment lines right above belong to it (they often give the formula).
    while start > 1 and lines[start - 2].lstrip().startswith("#"):
        start -= 1
    skip = _docstring_lines(node, lines)
    kept = [lines[i - 1] for i in range(start, node.end_lineno + 1) if i not in skip]
    return textwrap.dedent("\n".join(kept)).strip("\n")


def expand(markdown, root, where="page"):
    """``markdown`` with every include of the package replaced by the source it names."""

    def replace(match):
        path = root / match["path"]
        if not path.is_file():
            raise PluginError(f"{where}: no file {match['path']} to include")
        try:
            code = source(path, match["name"])
        except LookupError as error:
            raise PluginError(f"{where}: {error}") from None
        return textwrap.indent(code, match["indent"], lambda line: True)

    return INCLUDE.sub(replace, markdown)


def on_page_markdown(markdown, page, config, files):
    root = pathlib.Path(config.config_file_path).resolve().parent
    return expand(markdown, root, page.file.src_uri)
