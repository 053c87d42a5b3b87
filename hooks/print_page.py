"""The whole book on one page (mkdocs-print-site-plugin, for ``python -m tools.pdf``): two fixes.

- Speed: to keep the ids of the chapters apart, the plugin renames the id of every heading,
  footnote and list item of a chapter, ``id="x"`` -> ``id="<chapter>-x"``, with one regex scan
  and one replace over the whole chapter per id: quadratic, 3.1 s for the 40 chapters of the
  print page. The same renaming is done here in one pass (0.015 s), with the same output on
  every one of them.
- Quiet: the plugin warns that it is not the last plugin. It counts hooks only when ``hooks``
  is a dict; MkDocs gives a list and runs hooks after every plugin. That order is right here:
  the hooks change pages in ``on_page_markdown``, before print-site collects them in
  ``on_page_content``.
"""

import logging
import re

from mkdocs_print_site_plugin import urls

# The tags whose ids the plugin renames (mkdocs_print_site_plugin.urls.update_anchor_ids).
_ANCHOR = re.compile(r'<(h[1-6]|sup|li)\b([^>]*?)\bid="([^"]*)"', re.I)


def update_anchor_ids(page_html, page_key):
    """``id="x"`` -> ``id="<page_key>-x"`` on every h1-h6, sup and li of ``page_html``."""
    return _ANCHOR.sub(lambda m: f'<{m[1]}{m[2]}id="{page_key}-{m[3]}"', page_html)


urls.update_anchor_ids = update_anchor_ids


class _PrintSiteOrder(logging.Filter):
    def filter(self, record):
        return "'print-site' should be defined as the *last* plugin" not in record.getMessage()


logging.getLogger("mkdocs.plugins").addFilter(_PrintSiteOrder())
