// Render every formula written with pymdownx.arithmatex (generic mode) with the vendored KaTeX.
// document$ emits on the first load and after every instant navigation.

// Macros for recurring notation. The Notation page lists each one (a test keeps them in step).
const KATEX_MACROS = {
  "\\R": "\\mathbb{R}",
  "\\dd": "\\mathrm{d}",
  "\\dv": "\\frac{\\mathrm{d}#1}{\\mathrm{d}#2}",
  "\\pdv": "\\frac{\\partial #1}{\\partial #2}",
  "\\norm": "\\left\\lVert #1 \\right\\rVert",
  "\\bigO": "\\mathcal{O}\\left(#1\\right)",
  "\\vb": "\\mathbf{#1}",
  "\\argmin": "\\operatorname*{arg\\,min}",
  "\\diag": "\\operatorname{diag}",
};

// arithmatex wraps inline math in \( \) and display math in \[ \].
const DELIMITERS = [["\\(", "\\)", false], ["\\[", "\\]", true]];

// Where text is set smaller than the body's.
const SMALL_TEXT = "table, details, .admonition";

function renderArithmatex(root) {
  for (const el of root.querySelectorAll(".arithmatex")) {
    if (el.querySelector(".katex")) continue;
    const text = el.textContent.trim();
    const found = DELIMITERS.find(([open, close]) => text.startsWith(open) && text.endsWith(close));
    if (!found) {
      console.error(`KaTeX: no math delimiters around ${JSON.stringify(text)}`);
      el.classList.add("katex-failed");
      continue;
    }
    const [open, close, displayMode] = found;
    let tex = text.slice(open.length, -close.length);
    // Tables, admonitions and solutions are set in a smaller font: an inline fraction there
    // would draw its indices at 6-7 px. Display style keeps every glyph at 9 px or more.
    if (!displayMode && el.closest(SMALL_TEXT)) tex = `\\displaystyle ${tex}`;
    try {
      // throwOnError: an unknown macro or a syntax error is an error, reported and marked,
      // never a silently red formula.
      katex.render(tex, el, {
        displayMode,
        macros: KATEX_MACROS,
        throwOnError: true,
      });
    } catch (error) {
      console.error(`KaTeX: ${error.message}`);
      el.classList.add("katex-failed");
      el.title = error.message;
    }
  }
}

// Notebook (lab) pages carry their math as raw $…$ text in rendered Markdown cells.
function renderNotebookMath(root) {
  for (const cell of root.querySelectorAll(".jp-RenderedMarkdown")) {
    renderMathInElement(cell, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "$", right: "$", display: false },
      ],
      macros: KATEX_MACROS,
      throwOnError: true,
      errorCallback: (message, error) => console.error(`KaTeX: ${message} ${error}`),
    });
  }
}

document$.subscribe(({ body }) => {
  renderArithmatex(body);
  renderNotebookMath(body);
});
