"""What a reader meets in the HTML: figure captions, copy buttons, search snippets, lab pages.

- Figures: an image of a drawn figure with a title, ``![alt text](../figures/x.svg "Caption.")``,
  becomes ``<figure>`` with the image (its alt text kept) and a ``<figcaption>`` under it.
- Copy buttons: Material puts one on every code block; output (```` ```text ````) blocks and
  the API reference's signature lines get none (``no-copy``), since pasting them runs nothing.
- Search: Material's index holds the page text with its TeX (``\\(f''\\)``), which result
  snippets would show raw; the formulas are written there as plain text instead (``f''``).
- Labs: mkdocs-jupyter puts ~590 KB of Jupyter CSS, a clipboard script and MathJax and Mermaid
  loaders in front of each notebook; they are dropped, and the notebook's cells are given the
  site's own code-block markup, so a lab looks like a chapter (extra.css lays it out); its plot
  gets alt text that describes it.
"""

import json
import pathlib
import re

# ---- Figures ----------------------------------------------------------------------------

_FIGURE = re.compile(r'<p>\s*(<img\b(?=[^>]*\bsrc="[^"]*figures/[^"]+\.svg")[^>]*>)\s*</p>')
_TITLE = re.compile(r'\s+title="([^"]*)"')


def _figure(match):
    img = match.group(1)
    title = _TITLE.search(img)
    if not title:
        return match.group(0)
    img = _TITLE.sub("", img, count=1)
    return f'<figure class="figure">{img}<figcaption>{title.group(1)}</figcaption></figure>'


# ---- Copy buttons -----------------------------------------------------------------------

_NO_COPY = re.compile(r'<div class="((?:language-text|[^"]*\bdoc-signature)\b[^"]*\bhighlight)"')


def on_page_content(html_text, page, config, files):
    html_text = _FIGURE.sub(_figure, html_text)
    return _NO_COPY.sub(r'<div class="\1 no-copy"', html_text)


# ---- Labs -------------------------------------------------------------------------------

# mkdocs-jupyter's header: a clipboard script, Pygments and Jupyter CSS, MathJax and Mermaid.
_LAB_HEAD = re.compile(
    r"<script>\s*\(function \(global, factory\).*?<!-- End of mermaid configuration -->", re.S
)
# Its copy buttons (a custom element, and a hidden copy of each cell's code for it to copy).
_LAB_COPY = re.compile(
    r'<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>'
    r'|<div class="clipboard-copy-txt" id="cell-\d+">.*?</div>',
    re.S,
)
_LAB_CODE = re.compile(r'<div class="highlight-ipynb hl-(\w+)"><pre>(.*?)</pre>', re.S)


# nbconvert writes the same empty-of-meaning alt text for every plot; each lab's plot is
# described here, by the lab's URL.
_LAB_PLOT_ALT = {
    "labs/step_size/": "Log-log plot of the relative error of the forward difference, the central "
    "difference and the complex step against the step h, as the lab's code computes them",
}

# The URLs of the lab pages of this build: their math is written $…$ (see on_post_build).
_LABS = set()


def on_post_page(output, page, config):
    if 'class="jupyter-wrapper"' not in output:
        return output
    _LABS.add(page.url)
    output = _LAB_HEAD.sub("", output, count=1)
    output = _LAB_COPY.sub("", output)
    # Headings' permalinks as Material draws them (shown on hover and focus).
    output = output.replace('<a class="anchor-link" href=', '<a class="headerlink" title="Permanent link" href=')
    if page.url in _LAB_PLOT_ALT:
        output = output.replace('alt="No description has been provided for this image"',
                                f'alt="{_LAB_PLOT_ALT[page.url]}"')
    # The code of a cell in Material's markup, so it gets the chapters' colours and copy button.
    return _LAB_CODE.sub(r'<div class="language-\1 highlight"><pre><code>\2</code></pre>', output)


# ---- Search -----------------------------------------------------------------------------

_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
    "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ",
    "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
    "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω", "partial": "∂", "nabla": "∇",
    "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠",
    "neq": "≠", "approx": "≈", "to": "→", "rightarrow": "→", "mapsto": "↦", "infty": "∞",
    "in": "∈", "sum": "Σ", "prod": "Π", "int": "∫", "top": "ᵀ", "ldots": "…", "dots": "…",
    "cdots": "⋯", "pm": "±", "mid": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖", "R": "ℝ",
    "circ": "∘", "odot": "⊙", "otimes": "⊗", "sqrt": "√", "dd": "d", "lim": "lim",
    "log": "log", "ln": "ln", "exp": "exp", "sin": "sin", "cos": "cos", "tanh": "tanh",
    "max": "max", "min": "min", "argmin": "argmin", "diag": "diag", "ell": "ℓ",
}
_OPERATORS = set("≤≥≠≈→↦∈×±")
_COMMAND = re.compile(r"\\([A-Za-z]+)\s*|\\(.)")


def _plain(tex):
    """A TeX formula as plain text a search snippet can show: ``\\frac{a}{b}`` -> ``a/b``."""
    tex = re.sub(r"\\(?:left|right|big|Big|bigg|Bigg)\b\s*", "", tex)
    # The book's macros with arguments (docs/assets/javascripts/katex.js), then fractions.
    tex = re.sub(r"\\norm\s*\{([^{}]*)\}", r"‖\1‖", tex)
    tex = re.sub(r"\\bigO\s*\{([^{}]*)\}", r"O(\1)", tex)
    tex = re.sub(r"\\dv\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"d\1/d\2", tex)
    tex = re.sub(r"\\pdv\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"∂\1/∂\2", tex)
    tex = re.sub(r"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}", r"\1/\2", tex)

    def command(match):
        name, other = match.groups()
        if other is not None:  # \, \; \  \{ \}
            return other if other in "{}|" else " "
        if name in ("quad", "qquad"):
            return " "
        symbol = _SYMBOLS.get(name, "")  # \mathbf, \text, \operatorname, ...: keep the argument
        return f" {symbol} " if symbol in _OPERATORS else symbol

    tex = _COMMAND.sub(command, tex)
    return re.sub(r"\s+", " ", tex.replace("{", "").replace("}", "")).strip()


# Math as arithmatex writes it, \( \) and \[ \]; on lab pages also $ $ and $$ $$.
_MATH = re.compile(r"\\\((.*?)\\\)|\\\[(.*?)\\\]", re.S)
_DOLLARS = re.compile(r"\$\$(.+?)\$\$|\$([^$\s][^$]*?)\$", re.S)


def plain_math(text, dollars=False):
    """``text`` with each formula written as plain text (code spans left alone)."""
    def formulas(part):
        part = _MATH.sub(lambda m: _plain(next(g for g in m.groups() if g is not None)), part)
        if dollars:
            part = _DOLLARS.sub(lambda m: _plain(next(g for g in m.groups() if g is not None)), part)
        return part

    pieces = re.split(r"(<code>.*?</code>)", text, flags=re.S)
    return "".join(p if p.startswith("<code>") else formulas(p) for p in pieces)


def on_post_build(config):
    index = pathlib.Path(config["site_dir"]) / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    for doc in data["docs"]:
        lab = doc["location"].split("#")[0] in _LABS
        for key in ("title", "text"):
            if key in doc:
                doc[key] = plain_math(doc[key], dollars=lab)
    index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
