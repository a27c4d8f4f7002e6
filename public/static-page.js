// A static page (src/static_pages.rs) is the app's view of its own address with no query.
// Any query (filters, a language, an embedding) asks for another view, which the app draws
// itself: drop the static one at once rather than show the wrong one until the app starts.
if (location.search) document.getElementById('prerendered')?.remove();
