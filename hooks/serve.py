"""``mkdocs serve --dirty``: after an edit, render again the pages it changes, not the whole book.

MkDocs' dirty mode renders a page again only when its Markdown is newer than its HTML. This hook
adds what the Markdown does not show, so that what is served stays what a full build makes:

- a page is rendered again when a package module it includes changed (the API reference and the
  labs: when any module changed), when the next page in the nav changed (hooks/book.py closes a
  chapter with the next page's description), and the index of exercises when any page changed;
- every page, when the configuration, the build glue, the templates or the appended includes
  changed (the nav, the look or every page's text may have changed);
- every figure is copied again (hooks/figures.py has already redrawn what changed; its cache may
  hand back an older drawing after an edit is undone).

A prose edit then costs one page, whatever the size of the book (``python -m benchmarks.site``
measures it). Adding or renaming a page changes the nav in mkdocs.yml, which rebuilds everything.

Also, when serving:

- the theme's compiled templates are kept between rebuilds (MkDocs makes a new Jinja environment
  for each build, and compiling Material's templates again took about a second);
- MkDocs warns that a dirty build may leave other pages stale: with ``strict: true`` that warning
  would abort every rebuild, and the cases it warns about are handled above, so this one warning
  is dropped;
- a dirty rebuild keeps the labs' cached executions of the pages it did not render
  (mkdocs-jupyter would evict them, and the next ``mkdocs build`` would run them again).
"""

import logging
import pathlib
import re

import jinja2
from mkdocs.plugins import event_priority

INCLUDE = re.compile(r'--8<-- "(snippets/[^":]+\.py):')
_dirty = False


class _Templates(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each against its source's checksum."""

    def __init__(self):
        self.code = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket):
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _Templates()


class _DropDirtyWarning(logging.Filter):
    def filter(self, record):
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command, dirty):
    global _dirty
    _dirty = command == "serve" and dirty
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_DropDirtyWarning())


def _newest(paths):
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


def _always(file):
    file.is_modified = lambda: True


def _nav_order(nav):
    """The Markdown paths of the nav (mkdocs.yml), in reading order."""
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    return [path for item in items for path in _nav_order(item)]


def on_files(files, config):
    if not _dirty:
        return files
    root = pathlib.Path(config.config_file_path).resolve().parent
    docs = pathlib.Path(config.docs_dir)
    everything = _newest(
        [pathlib.Path(config.config_file_path)]
        + [p for folder in ("hooks", "includes", "overrides") for p in (root / folder).rglob("*")]
    )
    package = _newest((root / "snippets").rglob("*.py"))
    book = _newest(docs.rglob("*.md"))
    order = _nav_order(config.nav or [])
    for file in files:
        if file.src_uri.startswith("figures/"):
            _always(file)
        if not file.is_documentation_page():  # a lab (notebook) page is one too
            continue
        dest = pathlib.Path(file.abs_dest_path)
        if not dest.is_file():
            continue  # never built: MkDocs renders it
        text = pathlib.Path(file.abs_src_path).read_text()
        if not file.src_uri.endswith(".md") or "<!-- api-reference -->" in text:
            sources = package
        else:
            sources = _newest(root / path for path in INCLUDE.findall(text))
        if "<!-- exercise-index -->" in text:  # hooks/book.py lists every page's exercises
            sources = max(sources, book)
        if file.src_uri in order[:-1]:  # hooks/book.py closes a chapter with the next page's description
            sources = max(sources, _newest([docs / order[order.index(file.src_uri) + 1]]))
        if max(everything, sources) > dest.stat().st_mtime:
            _always(file)
    return files


def on_env(env, config, files):
    env.bytecode_cache = _TEMPLATES
    return env


@event_priority(50)  # before mkdocs-jupyter's own on_post_build, which evicts
def on_post_build(config):
    if _dirty:
        labs = config.plugins["mkdocs-jupyter"]
        labs._used_cache_paths.update(pathlib.Path(labs.config["cache_dir"]).glob("*.json"))
