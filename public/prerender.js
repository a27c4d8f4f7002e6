// Shows a static copy of a view that the build saved in its page, so that it is on screen
// before the wasm has started: the list's first screen in index.html
// (src/static_pages/first_screen.rs), a member's page in embed.js's frame or the host's overlay
// (src/static_pages/member_pages.rs). The app removes #prerendered as soon as it has its feed.
// A classic blocking script, placed after each copy's template, so the copy is in the very
// first paint and does not wait for the templates after it; an external file so the page keeps
// working under a Content-Security-Policy without 'unsafe-inline'.
(() => {
  // An earlier run (after an earlier template) has shown the copy.
  if (document.getElementById('prerendered')) return;
  // Parameters the app does not read (utm_source, fbclid…) change nothing in its view.
  const APP_PARAMS = ['q', 'kind', 'industry', 'country', 'case', 'ann', 'sort', 'view', 'lang', 'member', 'debug', 'embed', 'theme', 'bg', 'kinds', 'facets', 'search', 'cards', 'details', 'host', 'feed', 'overlay'];
  // What embed.js takes out of a shared view: the embedding is the host page's.
  const EMBEDDING = 'embed host theme bg kinds facets search cards details feed overlay'.split(' ');
  if (goToSharedView()) return;
  const params = new URLSearchParams(location.search);
  const keys = [...params.keys()].filter((key) => APP_PARAMS.includes(key));
  if (new Set(keys).size !== keys.length) return;
  // `lang` alone (the language switch's link from a Chinese browser) is the page's own copy.
  const variant = keys.some((key) => key !== 'lang') ? 'embed-' : '';
  // The language rule of the app (app.rs `default_lang`): `lang` in the query (the host's, in
  // a frame), else a `/zh/` base, else the browser's.
  const base = new URL(document.baseURI).pathname;
  const asked = params.get('lang');
  if (asked !== null && asked !== 'en' && asked !== 'zh') return;
  const primary = (navigator.language || '').trim().split(/[-_]/)[0].toLowerCase();
  const chinese = asked ? asked === 'zh' : base.split('/').includes('zh') || primary === 'zh';
  // Only where a copy is exactly what the app will render (copy_template.rs): at the address
  // it is of, with the embedding it was made with, whatever the parameters that change nothing
  // in it, and no other parameter the app reads. Not parsed yet: a later run, after that
  // template, shows it.
  const path = location.pathname;
  const kinds = params.get('kinds');
  const fits = (template) => {
    if (path !== template.dataset.path && `${path}/` !== template.dataset.path) return false;
    const made = new URLSearchParams(template.dataset.query);
    const accepted = new URLSearchParams(`${template.dataset.query}&${template.dataset.accepts}`);
    const free = template.dataset.free.split(' ');
    if (![...made.keys()].every((key) => accepted.getAll(key).includes(params.get(key)))) return false;
    if (!keys.every((key) => key === 'lang' || made.has(key) || free.includes(key))) return false;
    // A member's page in an embedding that lists only some kinds: only a member of one of
    // them (untrimmed: at worst stricter than the app, which trims what this cannot tell
    // apart), and without showing what depends on which members are listed.
    const memberKinds = (template.dataset.kinds || '').split(' ');
    return kinds === null || kinds.split(',').some((kind) => memberKinds.includes(kind));
  };
  const template = [...document.querySelectorAll(`template[data-copy="${variant}${chinese ? 'zh' : 'en'}"]`)].find(fits);
  if (!template) return;
  const made = new URLSearchParams(template.dataset.query);
  const copy = document.createElement('div');
  copy.id = 'prerendered';
  copy.className = 'prerendered';
  copy.setAttribute('aria-busy', 'true');
  copy.append(template.content.cloneNode(true));
  // Their place is kept for the app's, which are the same size but for a related member more
  // or less.
  if (kinds !== null) for (const part of copy.querySelectorAll(template.dataset.kindsVary)) part.style.visibility = 'hidden';
  // The app draws a monogram for a logo that fails to load; until it is there, an empty box
  // is better than a broken-image icon. Hidden, not removed: the app reads which failed
  // (data-failed) and does not ask for them again (src/components/feed_image.rs).
  copy.addEventListener('error', (event) => event.target instanceof HTMLImageElement && event.target.setAttribute('data-failed', ''), true);
  // The copy's links to the app's pages carry the embedding it was made with; the app's
  // carry the frame's own (its host, language, theme, kinds…). Or they wait for the app,
  // which answers them through the host (copy_template.rs, `app_links_wait`).
  if (variant) {
    for (const link of copy.querySelectorAll('a[href^="/"]:not([href^="//"])')) {
      if (template.dataset.appLinks === 'wait') {
        link.inert = true;
        continue;
      }
      const [address, fragment] = link.getAttribute('href').split('#');
      const [to, query] = address.split('?');
      const own = [...new URLSearchParams(query)].filter(([key, value]) => made.get(key) !== value && !params.has(key));
      const carried = new URLSearchParams([...own, ...params]).toString();
      link.setAttribute('href', `${to}${carried ? `?${carried}` : ''}${fragment === undefined ? '' : `#${fragment}`}`);
    }
  }
  template.parentNode.insertBefore(copy, document.currentScript);
  showOverHostCopy();
  // In the host's overlay, whose dialog does not hear keys pressed in this frame: Escape
  // asks the host to close it, as the app does once it has taken the copy over (app.rs).
  if (template.dataset.escape === 'close') {
    const PREFIX = 'karmada-showcase:';
    const VERSION = 1;
    addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || !copy.isConnected || parent === window) return;
      try {
        // Only to the host its address names (embed.js's frameUrl sets it); another gets nothing.
        const host = new URL(params.get('host')).origin;
        if (/^https?:/.test(host)) parent.postMessage({ type: `${PREFIX}close`, version: VERSION }, host);
      } catch {}
    });
  }
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

  // A shared link to another view of a frame that the host's HTML holds (README: the Docusaurus
  // component), on the frame's first address: the frame goes there now, not when embed.js comes
  // (with the page, or after its hydration where a host loads it then), which finds it there and
  // keeps it. Only a frame on the host's origin can read the host's address; embed.js moves the
  // others.
  // `linkParam` and `checkedView` are embed.js's, word for word (a test in src/embed/config.rs).
  function goToSharedView() {
    const framed = framedByHostHtml();
    const box = framed && framed.atFirstAddress && framed.frame.closest('[data-karmada-showcase]');
    // embed.js has set it up already (its tag in the host's HTML): it goes to the view itself.
    if (!box || box.hasAttribute('data-karmada-showcase-ready')) return false;
    const host = framed.frame.ownerDocument;
    // Sent back here by a server (a view it redirects to this address): once is enough.
    if (performance.getEntriesByType('navigation')[0]?.redirectCount) return false;
    const param = linkParam(box, host);
    const view = param && checkedView(new URL(parent.location.href).searchParams.get(param));
    const home = box.getAttribute('data-view') === 'logos' ? '/logos' : '/';
    // A member that opens in the host's overlay: embed.js opens it over this view.
    if (!view || view === home || (box.getAttribute('data-details') === 'overlay' && /^\/members\//.test(view))) return false;
    const app = new URL(document.baseURI);
    const to = new URL(`.${view}`, app);
    if (to.origin !== app.origin || !to.pathname.startsWith(app.pathname)) return false;
    // As embed.js would have it (its `frameUrl`): what the app reads of the view, and this
    // frame's embedding as the host's component wrote it.
    for (const name of [...to.searchParams.keys()]) if (EMBEDDING.includes(name) || !APP_PARAMS.includes(name)) to.searchParams.delete(name);
    for (const [name, value] of new URLSearchParams(location.search)) to.searchParams.set(name, value);
    // A view that is this address again (`/?embed=1`, `/#top`) would load it for ever.
    const plain = (address) => {
      const url = new URL(address);
      url.hash = '';
      url.searchParams.sort();
      return url.href;
    };
    if (plain(to.href) === plain(location.href)) return false;
    // Where embed.js finds it, without reading the frame's own address.
    framed.frame.setAttribute('data-karmada-showcase-at', to.href);
    location.replace(to.href);
    return true;
  }

  // The host's copy of the list's first screen (README: `showcase-site fill-host`) stands over
  // its hidden frame until embed.js sees the frame answer, or goes at once when the frame is to
  // show another view. A frame that went to a shared link's view itself (above) takes its place
  // as soon as it has that view to show, as embed.js would (its `dropCopy`).
  function showOverHostCopy() {
    const framed = framedByHostHtml();
    if (!framed || framed.atFirstAddress) return;
    const { frame } = framed;
    const hostCopy = frame.closest('[data-karmada-showcase]')?.querySelector('[data-karmada-showcase-copy]');
    // Not once embed.js has shown the frame; a copy that the host's copy script hid (a shared
    // link to another view) still leaves its frame hidden.
    if (!hostCopy || frame.style.visibility !== 'hidden') return;
    frame.style.visibility = '';
    if (parent.document.activeElement === hostCopy) frame.focus();
    hostCopy.style.display = 'none';
  }

  // The frame that the host's HTML holds, when this document may read its host (same origin),
  // and whether it is still at the address the host gave it; else null.
  function framedByHostHtml() {
    try {
      const frame = frameElement;
      if (!frame || !frame.hasAttribute('data-karmada-showcase-frame')) return null;
      return { frame, atFirstAddress: new URL(frame.getAttribute('src'), parent.document.baseURI).href === location.href };
    } catch {
      return null;
    }
  }

  function linkParam(box, doc) {
    var unnamed = [].filter.call(doc.querySelectorAll("[data-karmada-showcase]"), function (el) {
      return !el.getAttribute("data-link");
    }).indexOf(box);
    var name = box.getAttribute("data-link") || "showcase" + (unnamed > 0 ? unnamed + 1 : "");
    return /^[A-Za-z][\w-]{0,30}$/.test(name) && name !== "off" ? name : null;
  }

  function checkedView(view) {
    return typeof view === "string" && view.length < 2000 && /^\/(?!\/)[^\\]*$/.test(view) ? view : null;
  }
})();
