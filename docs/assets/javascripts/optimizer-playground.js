// The optimizer playground of the page "Momentum and adaptive optimizers": draws precomputed
// paths, computes nothing.
//
// Markup: <figure class="optimizer-playground" data-src="…/optimizer-playground.json"> holding
// two <select> (surface, optimizer), two <input type="range"> (index into the data's learning
// rates and betas), each inside its <label>, an <output> after each range showing its value, an
// <svg> and a <p aria-live>. Controls are found by class: the print page renames inputs' names. The JSON is written by
// tools/optimizer_playground_data.py from snippets.optimization.playground_data: for each surface
// its contour lines, and for each optimizer, learning rate and beta the iterates as one flat list
// [x0, y0, x1, y1, …]. Paths are written in data coordinates inside a scaled group, so each path's
// points are the data's numbers exactly (the browser test compares them).
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const W = 640, H = 400, LEFT = 48, RIGHT = 12, TOP = 10, BOTTOM = 46;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  // "M x0 y0 L x1 y1 …" from a flat list, with JavaScript's shortest round-trip number strings.
  function line(flat) {
    const parts = [];
    for (let i = 0; i < flat.length; i += 2) parts.push(`${i ? "L" : "M"}${flat[i]} ${flat[i + 1]}`);
    return parts.join(" ");
  }
  const linePairs = (pairs) => line(pairs.flat());

  function draw(svg, surface) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const [x0, x1, y0, y1] = surface.box;
    const sx = (W - LEFT - RIGHT) / (x1 - x0), sy = (H - TOP - BOTTOM) / (y1 - y0);
    const px = (x) => LEFT + (x - x0) * sx, py = (y) => H - BOTTOM - (y - y0) * sy;
    // 18 units: at least 9 px on a 390 px phone, where the figure is drawn ~340 px wide
    const axes = el("g", { fill: "currentColor", "font-size": 18 }, svg);
    el("rect", { x: LEFT, y: TOP, width: W - LEFT - RIGHT, height: H - TOP - BOTTOM, fill: "none",
                 stroke: "currentColor", "stroke-opacity": 0.4 }, axes);
    for (const [v, anchor] of [[x0, "start"], [(x0 + x1) / 2, "middle"], [x1, "end"]]) {
      el("text", { x: px(v), y: H - BOTTOM + 20, "text-anchor": anchor }, axes).textContent = v;
    }
    for (const v of [y0, (y0 + y1) / 2, y1]) {
      el("text", { x: LEFT - 6, y: py(v) + 6, "text-anchor": "end" }, axes).textContent = v;
    }
    el("text", { x: (LEFT + W - RIGHT) / 2, y: H - 4, "text-anchor": "middle" }, axes).textContent = "x";
    el("text", { x: 10, y: (TOP + H - BOTTOM) / 2, "text-anchor": "middle" }, axes).textContent = "y";
    const clip = `pg-clip-${Math.random().toString(36).slice(2)}`;
    el("rect", { x: x0, y: y0, width: x1 - x0, height: y1 - y0 },
       el("clipPath", { id: clip }, el("defs", {}, svg)));
    // Data coordinates: x to the right, y up.
    const plot = el("g", { transform: `matrix(${sx} 0 0 ${-sy} ${px(0)} ${py(0)})`,
                           "clip-path": `url(#${clip})` }, svg);
    const common = { fill: "none", "vector-effect": "non-scaling-stroke" };
    for (const contour of surface.contours) {
      // the text colour, half opaque: grey on white and on the dark palette alike (a fixed blue
      // all but vanished on the dark background)
      el("path", { ...common, class: "pg-contour", stroke: "currentColor", "stroke-opacity": 0.5,
                   "stroke-width": 1, d: contour.lines.map(linePairs).join(" ") }, plot);
    }
    const start = surface.start;
    el("path", { ...common, stroke: "#2ca02c", "stroke-width": 10, "stroke-linecap": "round",
                 d: `M${start[0]} ${start[1]} h0` }, plot);
    const path = el("path", { ...common, class: "pg-path", stroke: "#d62728", "stroke-width": 1.6 }, plot);
    const dots = el("path", { ...common, class: "pg-dots", stroke: "#d62728", "stroke-width": 4,
                              "stroke-linecap": "round" }, plot);
    return { path, dots };
  }

  function describe(data, surfaceName, opt, lr, beta, flat) {
    const surface = data.surfaces[surfaceName], n = flat.length / 2 - 1;
    const [x0, x1, y0, y1] = surface.box;
    const x = flat[flat.length - 2], y = flat[flat.length - 1];
    const inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
    const knob = opt === "SGD" ? "" : `, β = ${beta}`;
    const end = n < data.steps ? `it diverged: step ${n + 1} went beyond five times the drawn region`
      : `after ${n} steps it is at (${x}, ${y})${inside ? "" : ", outside the drawn region"}`;
    return `${opt}, η = ${lr}${knob}, on the ${surface.label}, from (${surface.start.join(", ")}): ${end}.`;
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "loading";
    const text = root.querySelector(".pg-text");
    fetch(root.dataset.src)
      .then((response) => response.json())
      .then((data) => {
        const surfaceSelect = root.querySelector("select.pg-surface");
        const optSelect = root.querySelector("select.pg-optimizer");
        const lrInput = root.querySelector("input.pg-lr");
        const betaInput = root.querySelector("input.pg-beta");
        const lrOut = root.querySelector("output.pg-lr-value");
        const betaOut = root.querySelector("output.pg-beta-value");
        const svg = root.querySelector("svg");
        svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
        for (const [key, surface] of Object.entries(data.surfaces)) {
          surfaceSelect.add(new Option(surface.label, key));
        }
        for (const name of data.optimizers) optSelect.add(new Option(name, name));
        lrInput.max = data.lrs.length - 1;
        betaInput.max = data.betas.length - 1;
        let drawn = null, drawnSurface = null;
        function show() {
          const surfaceName = surfaceSelect.value, opt = optSelect.value;
          if (surfaceName !== drawnSurface) {
            drawn = draw(svg, data.surfaces[surfaceName]);
            drawnSurface = surfaceName;
          }
          const lr = data.lrs[Number(lrInput.value)];
          const beta = opt === "SGD" ? "-" : data.betas[Number(betaInput.value)];
          betaInput.disabled = opt === "SGD";
          const key = `${opt}|${lr}|${beta}`;
          const flat = data.paths[surfaceName][key];
          drawn.path.setAttribute("d", line(flat));
          let marks = "";
          for (let i = 0; i < flat.length; i += 2) marks += `M${flat[i]} ${flat[i + 1]} h0 `;
          drawn.dots.setAttribute("d", marks.trim());
          lrOut.textContent = lr;
          betaOut.textContent = opt === "SGD" ? "not used" : beta;
          lrInput.setAttribute("aria-valuetext", `η = ${lr}`);
          betaInput.setAttribute("aria-valuetext", opt === "SGD" ? "not used" : `β = ${beta}`);
          text.textContent = describe(data, surfaceName, opt, lr, beta, flat);
          root.dataset.key = `${surfaceName}|${key}`;
        }
        for (const control of [surfaceSelect, optSelect, lrInput, betaInput]) {
          control.addEventListener("input", show);
          control.addEventListener("change", show);
        }
        surfaceSelect.value = root.dataset.surface || "bowl";
        optSelect.value = root.dataset.optimizer || "momentum";
        show();
        root.dataset.ready = "drawn";
      })
      .catch((error) => {
        root.dataset.ready = "failed";
        text.textContent = `The figure's data could not be loaded (${error}).`;
      });
  }

  function init() {
    document.querySelectorAll("figure.optimizer-playground").forEach(setup);
  }
  // Material's instant navigation swaps the page without reloading scripts: it announces
  // every new page on document$.
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
