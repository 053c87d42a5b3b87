"""The book as a whole: a notebook for every chapter, and the index of exercises.

- Notebooks: every chapter page (``docs/<part>/<chapter>.md``, not a part's index) is turned
  into ``<part>/<chapter>.ipynb`` at build time, from the page itself: runnable blocks and
  included source become code cells (the printed output each block shows becomes that cell's
  output), prose becomes Markdown cells, figures are attached to the notebook, and links point at
  the site. The page gets a download link under its title. Nothing is written by hand, so the
  notebook cannot drift from the page; the tests execute every notebook in a fresh kernel.
- Exercises: in a page's "Exercises" section, each exercise ``**N.** ...`` gets the anchor
  ``exercise-N``; the line ``<!-- exercise-index -->`` of a page becomes the list of every
  exercise of the book, chapter by chapter, linked.
"""

import base64
import json
import os
import pathlib
import posixpath
import re

import yaml
from mkdocs.structure.files import File

_includes = None  # hooks/includes.py, loaded by MkDocs as its own module

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^\n`]*)$")
ADMONITION = re.compile(r'^(?P<indent>[ \t]*)(?:\?\?\?\+?|!!!) *[\w-]+(?: +"(?P<title>[^"]*)")?[ \t]*$')
EXERCISE = re.compile(r"^\*\*(\d+)\.", re.M)  # **N.** or **N. A title.**
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?P<title> \"[^\"]*\")?\)")
LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\((?P<href>[^)\s#]*\.md)(?P<anchor>#[^)\s]*)?\)")


def _root(config):
    return pathlib.Path(config.config_file_path).resolve().parent


def _nav(config):
    """(title, path) of every Markdown page of the nav, in order; a part's index has no title."""
    pages = []

    def walk(item, title=None):
        if isinstance(item, str):
            if item.endswith(".md"):
                pages.append((title, item))
        elif isinstance(item, dict):
            for key, value in item.items():
                walk(value, key)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(config["nav"])
    return pages


def chapter_pages(config):
    """The chapter pages of the nav, in order: ``<part>/<chapter>.md`` with a part folder."""
    return [
        path for _, path in _nav(config)
        if "/" in path and not path.endswith("/index.md") and not path.startswith("labs/")
    ]


def _description(path):
    """The ``description`` of a page's front matter."""
    text = path.read_text()
    if not text.startswith("---\n"):
        return ""
    meta = yaml.safe_load(text[4:text.index("\n---\n", 4)]) or {}
    return " ".join(str(meta.get("description", "")).split())


def _what_comes_next(config, src):
    """The closing box of a chapter: the next page of the book, linked, and what it teaches."""
    root = _root(config)
    pages = [(title, path) for title, path in _nav(config) if "/" in path and not path.startswith("labs/")]
    paths = [path for _, path in pages]
    here = posixpath.dirname(src)
    if paths.index(src) + 1 < len(paths):
        title, nxt = pages[paths.index(src) + 1]
        if title is None:  # a part's overview page: its own title
            title = re.search(r"^# (.+)$", (root / "docs" / nxt).read_text(), re.M).group(1)
        text = f"**[{title}]({posixpath.relpath(nxt, here)})**. {_description(root / 'docs' / nxt)}"
    else:
        text = f"That was the last chapter: the [exercises]({posixpath.relpath('exercises.md', here)}) of the whole book wait for you."
    return f'\n\n!!! abstract "What comes next"\n    {text}\n'


def _body(path):
    """The page's Markdown without its front matter."""
    text = path.read_text()
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 4) + 5:]
    return text


def _katex_macros(root):
    """``\\newcommand`` lines for the site's KaTeX macros, for the notebook's MathJax."""
    script = (root / "docs/assets/javascripts/katex.js").read_text()
    block = re.search(r"const KATEX_MACROS = \{(.*?)\};", script, re.S).group(1)
    macros = []
    for name, body in re.findall(r'"\\\\(\w+)":\s*"((?:[^"\\]|\\.)*)"', block):
        body = body.encode().decode("unicode_escape")
        arity = max((int(n) for n in re.findall(r"#(\d)", body)), default=0)
        macros.append(f"\\newcommand{{\\{name}}}" + (f"[{arity}]" if arity else "") + f"{{{body}}}")
    return "$$\n" + "\n".join(macros) + "\n$$"


def _dedent_admonitions(lines):
    """Admonitions (``??? success "Title"`` and its indented body) as a bold title and the body."""
    out, i = [], 0
    while i < len(lines):
        match = ADMONITION.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match["indent"]
        out.append(f"{indent}**{match['title'] or 'Note'}**")
        out.append("")
        i += 1
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith(indent + "    ")):
            out.append(lines[i][len(indent) + 4:] if lines[i].strip() else "")
            i += 1
    return out


def _cells(markdown):
    """Split the page's Markdown into notebook cells (dicts in nbformat 4)."""
    cells, prose = [], []

    def flush():
        text = "\n".join(prose).strip("\n")
        # pytest-codeblocks markers and other comments are for the tests, not the reader.
        text = re.sub(r"<!--.*?-->\n?", "", text, flags=re.S).strip("\n")
        if text:
            cells.append({"cell_type": "markdown", "metadata": {}, "source": text})
        prose.clear()

    lines = _dedent_admonitions(markdown.splitlines())
    i, expect_output = 0, False
    while i < len(lines):
        line = lines[i]
        match = FENCE.match(line)
        if "<!--pytest-codeblocks:expected-output-->" in line:
            expect_output = True
            i += 1
            continue
        if not match:
            prose.append(line)
            i += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        body, i = [], i + 1
        while i < len(lines) and lines[i].strip() != fence:
            body.append(lines[i][len(indent):])
            i += 1
        i += 1
        code = "\n".join(body)
        if info == "python" or info.startswith("python title="):
            flush()
            title = re.match(r'python title="([^"]+)"', info)
            source = (f"# {title.group(1)}\n" if title else "") + code
            cells.append({"cell_type": "code", "metadata": {}, "source": source,
                          "outputs": [], "execution_count": None})
            expect_output = False
        elif expect_output and cells and cells[-1]["cell_type"] == "code":
            flush()
            cells[-1]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": code + "\n"}]
            expect_output = False
        else:
            prose.extend([f"{indent}{fence}{info}", *body, f"{indent}{fence}"])
    flush()
    return cells


def notebook(page_path, markdown, files, site_url, macros):
    """The notebook of the chapter page ``page_path`` (``calculus/derivatives.md``)."""
    here = posixpath.dirname(page_path)
    attachments = {}

    def absolute(href):
        return posixpath.normpath(posixpath.join(here, href))

    def image(match):
        target = files.get_file_from_path(absolute(match["src"]))
        if target is None:
            return match.group(0)
        name = posixpath.basename(match["src"])
        data = pathlib.Path(target.abs_src_path).read_bytes() if target.abs_src_path else target.content_bytes
        attachments[name] = {"image/svg+xml": base64.b64encode(data).decode()}
        caption = f"\n\n*{match['title'].strip()[1:-1]}*" if match["title"] else ""
        return f"![{match['alt']}](attachment:{name}){caption}"

    def link(match):
        target = files.get_file_from_path(absolute(match["href"]))
        url = site_url + target.url if target is not None else match["href"]
        return f"[{match['text']}]({url}{match['anchor'] or ''})"

    cells = [{"cell_type": "markdown", "metadata": {}, "source": macros}]
    for cell in _cells(markdown):
        if cell["cell_type"] == "markdown":
            source = LINK.sub(link, IMAGE.sub(image, cell["source"]))
            used = {n: attachments[n] for n in re.findall(r"\(attachment:([^)]+)\)", source)}
            cell = {**cell, "source": source, **({"attachments": used} if used else {})}
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i}"  # nbformat 4.5 asks for cell ids
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _load_includes(root):
    global _includes
    if _includes is None:
        import importlib.util

        spec = importlib.util.spec_from_file_location("book_includes", root / "hooks/includes.py")
        _includes = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_includes)
    return _includes


# The notebooks of this build: chapter page -> the file its notebook is written to.
_notebooks = {}


def on_files(files, config):
    """Name the notebooks now; write them in ``on_env``, once the figures they hold are drawn
    (hooks/figures.py draws them while MkDocs renders the pages)."""
    folder = _root(config) / ".cache" / "notebooks"
    _notebooks.clear()
    for page in chapter_pages(config):
        uri = page.removesuffix(".md") + ".ipynb"
        _notebooks[page] = folder / uri
        files.append(File.generated(config, uri, abs_src_path=str(folder / uri)))
    return files


def on_env(env, config, files):
    root = _root(config)
    includes = _load_includes(root)
    macros = _katex_macros(root)
    site_url = config["site_url"] or "/"
    for page, path in _notebooks.items():
        markdown = includes.expand(_body(root / "docs" / page), root, page)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all, for a build running beside this one.
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_text(json.dumps(notebook(page, markdown, files, site_url, macros), indent=1))
        part.replace(path)
    return env


def _exercise_anchors(markdown):
    """``**N.**`` at the start of a paragraph of the Exercises section gets the id exercise-N."""
    head, found, rest = markdown.partition("\n## Exercises\n")
    if not found:
        return markdown
    return head + found + EXERCISE.sub(r'<span id="exercise-\1"></span>**\1.', rest)


def _exercise_index(config):
    """Markdown listing every exercise of the book, chapter by chapter, linked."""
    root, lines = _root(config), []
    for page in chapter_pages(config):
        text = _body(root / "docs" / page)
        _, found, section = text.partition("\n## Exercises\n")
        if not found:
            continue
        title = re.search(r"^# (.+)$", text, re.M).group(1)
        lines.append(f"\n## [{title}]({page})\n")
        for n, title, statement in re.findall(
            r"^\*\*(\d+)\.(?: ([^*]+?))?\*\* (.+?)(?:\n\n|\Z)", section, re.M | re.S
        ):
            # The exercise's own title, or else the first sentence of its statement.
            first = title.rstrip(".") if title else re.split(
                r"(?<=[.?!])\s", " ".join(statement.split()), maxsplit=1)[0]
            lines.append(f"{n}. [{first}]({page}#exercise-{n})")
    return "\n".join(lines)


WORDS_PER_MINUTE = 150


def _reading_times(config):
    """A table of each part of the nav: its chapters, its words of prose, its reading time."""
    root = _root(config)
    rows = ["| Part | Chapters | Words of prose | Reading time |", "|---|---:|---:|---:|"]
    for item in config["nav"]:
        (title, pages), = item.items() if isinstance(item, dict) else ((None, None),)
        if not isinstance(pages, list):
            continue
        paths = [next(iter(p.values())) if isinstance(p, dict) else p for p in pages]
        paths = [p for p in paths if p.endswith(".md")]
        if not paths or paths[0].startswith("labs/"):
            continue
        # Prose only: code blocks are run, not read word by word.
        words = sum(len(re.sub(r"```.*?```", "", _body(root / "docs" / p), flags=re.S).split()) for p in paths)
        chapters = sum(not p.endswith("/index.md") for p in paths)
        minutes = 5 * round(words / WORDS_PER_MINUTE / 5)
        link = posixpath.relpath(paths[0], "")
        rows.append(f"| [{title}]({link}) | {chapters} | {words:,} | about {minutes} min |")
    return "\n".join(rows)


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    if src in chapter_pages(config):
        notebook_name = posixpath.basename(src).removesuffix(".md") + ".ipynb"
        link = (f"[Download this chapter as a Jupyter notebook]({notebook_name})"
                f'{{ .md-button download="{notebook_name}" }}')
        markdown = re.sub(r"^(# .+)$", lambda m: f"{m.group(1)}\n\n{link}\n", markdown, count=1, flags=re.M)
        markdown = _exercise_anchors(markdown) + _what_comes_next(config, src)
    if "<!-- reading-times -->" in markdown:
        markdown = markdown.replace("<!-- reading-times -->", _reading_times(config))
    if "<!-- exercise-index -->" in markdown:
        markdown = markdown.replace("<!-- exercise-index -->", _exercise_index(config))
    return markdown

