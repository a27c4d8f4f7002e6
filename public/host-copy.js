/* Karmada members showcase: the last thing in the host page's copy of the list's first screen
 * (`showcase-site fill-host` writes it, minified, into the copy's declarative shadow root), run
 * as the host's HTML is parsed, before its first paint. A shared link to another view of the
 * list (`?showcase=/?kind=vendor`) would show the plain list's copy, the wrong view, until
 * embed.js comes: it is hidden at once, and the frame takes its place when it shows the view
 * (prerender.js on the host's origin, else embed.js). Where this does not run (a host's policy
 * refuses inline scripts), embed.js hides it as before. */
(function () {
  "use strict";
  // A script in a shadow root has no `currentScript`: its copy is the last one parsed so far.
  var copies = document.querySelectorAll("[data-karmada-showcase-copy]");
  var copy = copies[copies.length - 1];
  var box = copy && copy.closest("[data-karmada-showcase]");
  var param = box && linkParam(box, document);
  var view = param && checkedView(new URL(location.href).searchParams.get(param));
  // Not `display: none`: the frame's prerender.js and embed.js take a copy still displayed away.
  if (view && view !== "/") copy.style.visibility = "hidden";

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
