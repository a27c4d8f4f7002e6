// A static page (src/static_pages/) is the app's view of its own address with no query. A
// parameter the app reads (filters, a language, an embedding) asks for another view, which the
// app draws itself: drop the static one at once rather than show the wrong one until the app
// starts. Others (utm_source, fbclid…) change nothing in the view, which stays.
const APP_PARAMS = ['q', 'kind', 'industry', 'country', 'case', 'ann', 'sort', 'lang', 'member', 'debug', 'embed', 'theme', 'bg', 'kinds', 'facets', 'search', 'cards', 'details', 'host', 'feed', 'overlay'];
// A view that works only with JavaScript (the join form) comes inert in a template, which
// names the parameters that ask for another view of that page (another program's form).
const template = document.getElementById('prerendered-page');
const keys = [...new URLSearchParams(location.search).keys()];
if (template && !keys.some((key) => template.dataset.otherViews.split(' ').includes(key))) {
  const copy = document.createElement('div');
  copy.id = 'prerendered';
  copy.className = 'prerendered';
  copy.dataset.lang = template.dataset.lang;
  copy.append(template.content.cloneNode(true));
  template.replaceWith(copy);
}
if (keys.some((key) => APP_PARAMS.includes(key))) document.getElementById('prerendered')?.remove();
