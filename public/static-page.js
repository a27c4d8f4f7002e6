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
