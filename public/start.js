// Starts the showcase. An external module rather than trunk's inline script, so the page
// runs under a Content-Security-Policy without 'unsafe-inline'.
// A heading the app focuses after a navigation (for screen readers) shows its ring only to
// visitors who move by keyboard (style/main.css, data-keyboard).
const root = document.documentElement;
addEventListener("keydown", (event) => event.ctrlKey || event.metaKey || root.setAttribute("data-keyboard", ""), true);
addEventListener("pointerdown", () => root.removeAttribute("data-keyboard"), true);
// A panic in the release build is a trap (`panic = immediate-abort`): the app is dead from
// then on, so say so and offer a reload, rather than leave a page that no longer answers.
const STOPPED = { en: ["This page stopped working.", "Reload"], zh: ["此页面已停止响应。", "重新加载"] };
const stopped = (event) => {
  const error = event.error ?? event.reason;
  if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById("app-stopped")) return;
  const [message, reload] = STOPPED[root.lang.startsWith("zh") ? "zh" : "en"];
  for (const child of document.body.children) child.inert = true;
  const notice = document.createElement("div");
  notice.id = "app-stopped";
  notice.className = "app-stopped";
  notice.setAttribute("role", "alert");
  notice.dataset.testid = "app-stopped";
  const text = document.createElement("p");
  text.textContent = message;
  // A button: the dead app's router would still take a link's click.
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button primary";
  button.textContent = reload;
  button.addEventListener("click", () => location.reload());
  notice.append(text, button);
  document.body.prepend(notice);
};
addEventListener("error", stopped);
addEventListener("unhandledrejection", stopped);
const tag = document.querySelector("script[data-karmada-start]");
const { default: init } = await import(tag.dataset.js);
const wasm = await init({ module_or_path: tag.dataset.wasm });
// Read by the benchmark (memory after loading a large feed); harmless to anyone else.
window.karmadaShowcase = { wasmMemoryBytes: () => wasm.memory.buffer.byteLength };
