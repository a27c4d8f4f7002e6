// Starts the showcase. An external module rather than trunk's inline script, so the page
// runs under a Content-Security-Policy without 'unsafe-inline'.
// A heading the app focuses after a navigation (for screen readers) shows its ring only to
// visitors who move by keyboard (style/main.css, data-keyboard).
const root = document.documentElement;
addEventListener("keydown", (event) => event.ctrlKey || event.metaKey || root.setAttribute("data-keyboard", ""), true);
addEventListener("pointerdown", () => root.removeAttribute("data-keyboard"), true);
const tag = document.querySelector("script[data-karmada-start]");
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
// Read by the benchmark (memory after loading a large feed); harmless to anyone else.
window.karmadaShowcase = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
