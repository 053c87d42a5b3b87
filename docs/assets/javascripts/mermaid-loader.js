// Material for MkDocs renders ```mermaid fences with whatever `window.mermaid` is defined, and
// fetches Mermaid from a CDN only when none is. This stand-in keeps the site offline: it loads
// the vendored bundle on the first diagram, so a page without a diagram never downloads it.
(() => {
  const bundle = new URL("../vendor/mermaid/mermaid.min.js", document.currentScript.src).href;
  let config = {};
  let loaded = null;

  function load() {
    loaded ??= new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = bundle;
      // The bundle replaces window.mermaid with the real library.
      script.onload = () => {
        window.mermaid.initialize(config);
        resolve(window.mermaid);
      };
      script.onerror = () => reject(new Error(`Mermaid: could not load ${bundle}`));
      document.head.appendChild(script);
    });
    return loaded;
  }

  window.mermaid = {
    initialize(options) {
      config = options;
    },
    async render(id, text) {
      const mermaid = await load();
      return mermaid.render(id, text);
    },
  };
})();
