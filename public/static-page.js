// A static page (src/static_pages/) is the app's view of its own address with no query. A
// parameter the app reads (filters, a language, an embedding) asks for another view, which the
// app draws itself: drop the static one at once rather than show the wrong one until the app
// starts. Others (utm_source, fbclid…) change nothing in the view, which stays, and so does a
// parameter that asks for what the page shows already (its own language; the join page's
// first program).
const APP_PARAMS = ['q', 'kind', 'industry', 'country', 'case', 'ann', 'sort', 'view', 'lang', 'member', 'debug', 'embed', 'theme', 'bg', 'kinds', 'facets', 'search', 'cards', 'details', 'host', 'feed', 'overlay'];
// A view that works only with JavaScript (the join form) comes inert in a template, which
// names the parameters that choose another view of that page, with the value it was made for.
const template = document.getElementById('prerendered-page');
const views = new URLSearchParams(template ? template.dataset.views : '');
const pageLang = (template || document.getElementById('prerendered') || document.documentElement).dataset.lang || '';
const asked = [...new URLSearchParams(location.search)]
  .filter(([key, value]) => !(key === 'lang' && value === pageLang.split('-')[0]) && views.get(key) !== value)
  .map(([key]) => key);
if (template && !asked.some((key) => views.has(key))) {
  const copy = document.createElement('div');
  copy.id = 'prerendered';
  copy.className = 'prerendered';
  copy.dataset.lang = template.dataset.lang;
  copy.append(template.content.cloneNode(true));
  template.replaceWith(copy);
}
if (asked.some((key) => APP_PARAMS.includes(key))) document.getElementById('prerendered')?.remove();
// The not-found page, which the host gives an address with no page, at a member's address: a
// member of a feed newer than the build, which the app shows (or says is not there). Nothing
// until then rather than "Page not found".
const notFound = document.querySelector('#prerendered [data-prerendered="not-found"]');
if (notFound && /\/members\/[^/]+\/?$/.test(location.pathname)) document.getElementById('prerendered').remove();
// As in prerender.js: an image that does not load is hidden, and marked for the app, which
// then draws its monogram without asking again (src/components/feed_image.rs). One may have
// failed while this script was on its way: `decode` tells a failure from an image without a
// natural size (an SVG without one).
const shown = document.getElementById('prerendered');
shown?.addEventListener('error', (event) => event.target instanceof HTMLImageElement && event.target.setAttribute('data-failed', ''), true);
for (const image of shown?.querySelectorAll('img') ?? []) if (image.complete && !image.naturalWidth) image.decode().catch(() => image.setAttribute('data-failed', ''));
