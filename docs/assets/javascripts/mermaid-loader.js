// Material for MkDocs renders ```mermaid fences with whatever `window.mermaid` is defined, and
// fetches Mermaid from a CDN only when none is. This stand-in keeps the site offline and light:
// it imports the vendored ES-module build on the first diagram, which then loads only the chunks
// that kind of diagram needs, so a page without a diagram downloads none of it.
//
// It also keeps diagram text legible. Material scales a diagram down to the column, so a long
// left-to-right chain drawn on a phone ends up with text a few pixels high. When a flowchart's
// text would be drawn smaller than READABLE_PX, it is laid out in the other direction
// (left-to-right <-> top-to-bottom) and the layout with the larger text is kept.
(() => {
  const bundle = new URL("../vendor/mermaid/mermaid.esm.min.mjs", document.currentScript.src).href;
  // Mermaid's default font size, in the SVG's own units.
  const FONT_PX = 16;
  let config = {};
  let loaded = null;

  function load() {
    loaded ??= import(bundle).then(({ default: mermaid }) => {
      mermaid.initialize(config);
      return mermaid;
    });
    return loaded;
  }

  // Smallest text a reader should get: 8 px on a phone, 11 px on a larger screen.
  function readablePx() {
    return window.innerWidth < 600 ? 8 : 11;
  }

  function columnWidth() {
    const column = document.querySelector(".md-content__inner") || document.body;
    const style = getComputedStyle(column);
    return column.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  }

  // The size its text is drawn at once the SVG is scaled to the column.
  function textPx(svg) {
    const match = svg.match(/viewBox="[-\d.e]+ [-\d.e]+ ([\d.e]+) [\d.e]+"/);
    if (!match) return FONT_PX;
    return FONT_PX * Math.min(1, columnWidth() / parseFloat(match[1]));
  }

  // Still too small either way: draw it at the readable size, wider than the column.
  function legible(svg) {
    const px = textPx(svg);
    if (px >= readablePx()) return svg;
    const width = Math.ceil(columnWidth() * readablePx() / px);
    return svg.replace(/<svg\b[^>]*>/, (tag) =>
      tag.replace(/\swidth="[^"]*"/, ` width="${width}"`).replace(/max-width:\s*[\d.]+px;?/, "max-width: none; display: block;"));
  }

  // The same flowchart laid out in the other direction, or null if it is not a flowchart.
  function turned(text) {
    const header = /^(\s*(?:flowchart|graph)\s+)(LR|RL|TB|TD|BT)\b/m;
    const match = text.match(header);
    if (!match) return null;
    const other = { LR: "TB", RL: "TB", TB: "LR", TD: "LR", BT: "LR" }[match[2]];
    return text.replace(header, `$1${other}`);
  }

  window.mermaid = {
    initialize(options) {
      config = options;
    },
    async render(id, text) {
      const mermaid = await load();
      let drawn = await mermaid.render(id, text);
      const other = turned(text);
      if (other && textPx(drawn.svg) < readablePx()) {
        const redrawn = await mermaid.render(id, other);
        if (textPx(redrawn.svg) > textPx(drawn.svg)) drawn = redrawn;
      }
      return { svg: legible(drawn.svg), fn: (shadow) => {
        drawn.bindFunctions?.(shadow);
        // A diagram drawn wider than the column scrolls in its own box, reachable by keyboard.
        if (textPx(drawn.svg) < readablePx()) shadow.host.tabIndex = 0;
      } };
    },
  };
})();
