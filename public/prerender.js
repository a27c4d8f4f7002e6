// Shows the static copy of the list's first screen that the build saved in index.html
// (xtask/prerender.mjs), so the cards are on screen before the wasm has started. The app
// removes #prerendered as soon as it has its feed. A classic blocking script, placed right
// after the copies, so the copy is in the very first paint; an external file so the page keeps
// working under a Content-Security-Policy without 'unsafe-inline'.
(() => {
  // Only the plain list at the app's base, with nothing in the query, looks like the copy:
  // filters, other routes and embedding show the app alone.
  const base = new URL(document.baseURI).pathname;
  const path = location.pathname;
  if (location.search.length > 1 || (path !== base && `${path}/` !== base)) return;
  // The language rule of the app (app.rs `default_lang`): a `/zh/` base, else the browser's.
  const primary = (navigator.language || '').trim().split(/[-_]/)[0].toLowerCase();
  const chinese = base.split('/').includes('zh') || primary === 'zh';
  const template = document.getElementById(chinese ? 'prerendered-zh' : 'prerendered-en');
  if (!template) return;
  const copy = document.createElement('div');
  copy.id = 'prerendered';
  copy.className = 'prerendered';
  copy.setAttribute('aria-busy', 'true');
  copy.append(template.content.cloneNode(true));
  // The app draws a monogram for a logo that fails to load; until it is there, an empty box
  // is better than a broken-image icon.
  copy.addEventListener('error', (event) => event.target instanceof HTMLImageElement && event.target.remove(), true);
  template.parentNode.insertBefore(copy, document.currentScript);
  if (template.dataset.lang) document.documentElement.lang = template.dataset.lang;
  if (template.dataset.title) document.title = template.dataset.title;
})();
