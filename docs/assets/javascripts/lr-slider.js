// The learning-rate slider of the page "Gradient descent": draws precomputed frames, computes nothing.
//
// Markup: <figure class="lr-slider" data-src="…/lr-slider.json"> holding an
// <input type="range"> (the frame index) inside its <label>, an <output> after the label showing
// the learning rate, an <svg> and a <p aria-live>. The JSON
// is written by tools/lr_slider_data.py from snippets.optimization.lr_slider_data: for each
// learning rate, the iterates x_t of gradient descent on f(x) = x² and their values f(x_t).
// Paths are written in data coordinates inside a scaled group, so each path's points are the
// data's numbers exactly (the browser test compares them).
(function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const W = 640, H = 340, LEFT = 50, RIGHT = 12, TOP = 14, BOTTOM = 46;
  const X_RANGE = [-8, 8], Y_RANGE = [0, 66];
  const sx = (W - LEFT - RIGHT) / (X_RANGE[1] - X_RANGE[0]);
  const sy = (H - TOP - BOTTOM) / (Y_RANGE[1] - Y_RANGE[0]);
  const px = (x) => LEFT + (x - X_RANGE[0]) * sx;
  const py = (y) => H - BOTTOM - (y - Y_RANGE[0]) * sy;

  function el(name, attrs, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (parent) parent.appendChild(node);
    return node;
  }

  // "M x0 f0 L x1 f1 …" with JavaScript's shortest round-trip number strings.
  const line = (xs, ys) => xs.map((x, i) => `${i ? "L" : "M"}${x} ${ys[i]}`).join(" ");
  const dots = (xs, ys) => xs.map((x, i) => `M${x} ${ys[i]} h0`).join(" ");

  function axes(svg) {
    const g = el("g", { class: "lr-slider-axes", fill: "currentColor", "font-size": 15 }, svg);  // 15 of 640 units: 8 px or more on a 390 px phone
    el("rect", { x: LEFT, y: TOP, width: W - LEFT - RIGHT, height: H - TOP - BOTTOM, fill: "none",
                 stroke: "currentColor", "stroke-opacity": 0.4 }, g);
    for (let x = -8; x <= 8; x += 2) {
      el("text", { x: px(x), y: H - BOTTOM + 19, "text-anchor": "middle" }, g).textContent = x;
    }
    for (let y = 0; y <= 60; y += 20) {
      el("text", { x: LEFT - 6, y: py(y) + 4, "text-anchor": "end" }, g).textContent = y;
    }
    el("text", { x: (LEFT + W - RIGHT) / 2, y: H - 6, "text-anchor": "middle" }, g).textContent = "x";
    el("text", { x: 12, y: TOP + 12, "text-anchor": "start" }, g).textContent = "f(x)";
  }

  function describe(frame) {
    const x = frame.x, last = x[x.length - 1], factor = 1 - 2 * frame.lr;
    const r = Math.abs(factor);
    const verdict = r < 1e-12 ? "reaches the minimum 0 in one step"
      : r < 1 ? (factor < 0 ? "converges, jumping from side to side" : "converges")
      : r === 1 ? "bounces between 5 and −5 for ever" : "diverges";
    const shown = x.slice(0, 4).map((v) => +v.toPrecision(4)).join(", ");
    return `η = ${frame.lr.toFixed(2)}: each step multiplies x by 1 − 2η = ${factor.toFixed(2)}. ` +
      `x goes ${shown}, … and after ${x.length - 1} steps x = ${+last.toPrecision(4)}: it ${verdict}.`;
  }

  function setup(root) {
    if (root.dataset.ready) return;
    root.dataset.ready = "loading";
    fetch(root.dataset.src)
      .then((response) => response.json())
      .then((data) => {
        const input = root.querySelector("input[type=range]");
        const output = root.querySelector("output");
        const text = root.querySelector(".lr-slider-text");
        const svg = root.querySelector("svg");
        svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
        axes(svg);
        const clip = `lr-slider-clip-${Math.random().toString(36).slice(2)}`;
        const defs = el("defs", {}, svg);
        el("rect", { x: X_RANGE[0], y: Y_RANGE[0], width: X_RANGE[1] - X_RANGE[0],
                     height: Y_RANGE[1] - Y_RANGE[0] }, el("clipPath", { id: clip }, defs));
        // Data coordinates: x to the right, f(x) up.
        const plot = el("g", { transform: `matrix(${sx} 0 0 ${-sy} ${px(0)} ${py(0)})`,
                               "clip-path": `url(#${clip})` }, svg);
        const common = { fill: "none", "vector-effect": "non-scaling-stroke" };
        el("path", { ...common, class: "lr-slider-curve", stroke: "#1f77b4", "stroke-width": 2,
                     d: line(data.curve.x, data.curve.f) }, plot);
        const path = el("path", { ...common, class: "lr-slider-path", stroke: "#d62728",
                                  "stroke-width": 1.5 }, plot);
        const marks = el("path", { ...common, class: "lr-slider-dots", stroke: "#d62728",
                                   "stroke-width": 7, "stroke-linecap": "round" }, plot);
        input.max = data.frames.length - 1;
        function show() {
          const frame = data.frames[Number(input.value)];
          path.setAttribute("d", line(frame.x, frame.f));
          marks.setAttribute("d", dots(frame.x, frame.f));
          output.textContent = frame.lr.toFixed(2);
          input.setAttribute("aria-valuetext", `η = ${frame.lr.toFixed(2)}`);
          text.textContent = describe(frame);
          root.dataset.frame = input.value;
        }
        input.addEventListener("input", show);
        show();
        root.dataset.ready = "drawn";
      })
      .catch((error) => {
        root.dataset.ready = "failed";
        root.querySelector(".lr-slider-text").textContent = `The figure's data could not be loaded (${error}).`;
      });
  }

  function init() {
    document.querySelectorAll("figure.lr-slider").forEach(setup);
  }
  // Material's instant navigation swaps the page without reloading scripts: it announces
  // every new page on document$.
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
