// Shows the static copy of the list's first screen that the build saved in index.html
// (src/static_pages/first_screen.rs), so the cards are on screen before the wasm has started. The app
// removes #prerendered as soon as it has its feed. A classic blocking script, placed after
// each copy's template, so the copy is in the very first paint and does not wait for the
// templates after it; an external file so the page keeps working under a
// Content-Security-Policy without 'unsafe-inline'.
(() => {
  // An earlier run (after an earlier template) has shown the copy.
  if (document.getElementById('prerendered')) return;
  // Only where the copy is exactly what the app will render: the list at the app's base, on
  // its own page (empty query) or in embed.js's iframe with nothing but `embed=1`, the host's
  // origin and its theme. Filters, other routes and other embed options show the app alone.
  const base = new URL(document.baseURI).pathname;
  const path = location.pathname;
  if (path !== base && `${path}/` !== base) return;
  const params = new URLSearchParams(location.search);
  // Parameters the app does not read (utm_source, fbclid…) change nothing in its view.
  const APP_PARAMS = ['q', 'kind', 'industry', 'country', 'case', 'ann', 'sort', 'view', 'lang', 'member', 'debug', 'embed', 'theme', 'bg', 'kinds', 'facets', 'search', 'cards', 'details', 'host', 'feed', 'overlay'];
  const keys = [...params.keys()].filter((key) => APP_PARAMS.includes(key));
  let variant = '';
  // `lang` alone (the language switch's link from a Chinese browser) is a copy too.
  if (new Set(keys).size !== keys.length) return;
  if (keys.some((key) => key !== 'lang')) {
    const frameOnly = keys.every((key) => key === 'embed' || key === 'host' || key === 'theme' || key === 'lang');
    if (!frameOnly || params.get('embed') !== '1') return;
    variant = 'embed-';
  }
  // The language rule of the app (app.rs `default_lang`): `lang` in the query (the host's, in
  // a frame), else a `/zh/` base, else the browser's.
  const asked = params.get('lang');
  if (asked !== null && asked !== 'en' && asked !== 'zh') return;
  const primary = (navigator.language || '').trim().split(/[-_]/)[0].toLowerCase();
  const chinese = asked ? asked === 'zh' : base.split('/').includes('zh') || primary === 'zh';
  const template = document.getElementById(`prerendered-${variant}${chinese ? 'zh' : 'en'}`);
  // Not parsed yet: a later run, after that template, shows it.
  if (!template) return;
  const copy = document.createElement('div');
  copy.id = 'prerendered';
  copy.className = 'prerendered';
  copy.setAttribute('aria-busy', 'true');
  copy.append(template.content.cloneNode(true));
  // The app draws a monogram for a logo that fails to load; until it is there, an empty box
  // is better than a broken-image icon. Hidden, not removed: the app reads which failed
  // (data-failed) and does not ask for them again (src/components/feed_image.rs).
  copy.addEventListener('error', (event) => event.target instanceof HTMLImageElement && event.target.setAttribute('data-failed', ''), true);
  // A card links to its member with the list's query, which in a frame is this frame's own
  // (its host, language, theme), not the one the copy was made with.
  if (variant) {
    for (const link of copy.querySelectorAll('a.card-link')) {
      link.setAttribute('href', link.getAttribute('href').split('?')[0] + location.search);
    }
  }
  template.parentNode.insertBefore(copy, document.currentScript);
  const root = document.documentElement;
  if (template.dataset.lang) root.lang = template.dataset.lang;
  if (template.dataset.title) document.title = template.dataset.title;
  for (const name of (template.dataset.rootClass || '').split(' ').filter(Boolean)) root.classList.add(name);
  // As the app's `install` will: the theme asked for; for "auto" in a frame, the host page's
  // own when the frame may read it (same origin); else the visitor's preference.
  let theme = params.get('theme');
  if (variant && (theme === null || theme === 'auto')) {
    try {
      theme = parent !== window ? parent.document.documentElement.getAttribute('data-theme') : null;
    } catch {
      theme = null;
    }
  }
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  // And, as the app will, the font where the frame stands in the host page, when it only names
  // fonts (src/embed/config.rs, `host_font_stack`, whose rule this copies), once the host's
  // stylesheets are there (before, it would be the browser's default).
  const FONT_NAME = /^[\p{Alphabetic}\p{N} ._-]+$/u;
  const CSS_WIDE_KEYWORDS = ['inherit', 'initial', 'unset', 'revert', 'revert-layer', 'default'];
  const FONT_STACK_MAX_CHARS = 400;
  const CSS_SPACE = /^[ \t\n\r\f]+|[ \t\n\r\f]+$/g;
  const family = (name) => {
    name = name.replace(CSS_SPACE, '');
    const quote = name[0] === '"' || name[0] === "'" ? name[0] : '';
    if (!quote) return FONT_NAME.test(name) && !CSS_WIDE_KEYWORDS.includes(name.toLowerCase());
    return name.length > 2 && name.endsWith(quote) && FONT_NAME.test(name.slice(1, -1));
  };
  if (variant) {
    let font = '';
    try {
      const styled = [...parent.document.querySelectorAll('link[rel~="stylesheet"]')].every((link) => link.sheet);
      font = parent !== window && frameElement && styled ? parent.getComputedStyle(frameElement).fontFamily.replace(CSS_SPACE, '') : '';
    } catch {
      font = '';
    }
    if (font && [...font].length <= FONT_STACK_MAX_CHARS && font.split(',').every(family)) root.style.setProperty('--font', font);
  }
})();
