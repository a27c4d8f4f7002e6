/* Karmada members showcase: the first thing in the host page's copy of the list's first screen
 * (`showcase-site fill-host` writes it, minified, into the copy's declarative shadow root), run
 * as the host's HTML is parsed, before any of the copy is. A shared link to another view of
 * the list (`?showcase=/?kind=vendor`) would show the plain list's copy, the wrong view, until
 * embed.js comes: it is hidden at once, and the frame takes its place when it shows the view
 * (prerender.js on the host's origin, else embed.js). And where the host's embed.js fails to
 * load (blocked, offline), the frame takes the copy's place anyway: the copy's controls work
 * only in the frame. Where this does not run (a host's policy refuses inline scripts), embed.js
 * hides the copy as before. */
(function () {
  "use strict";
  // A script in a shadow root has no `currentScript`: the element whose shadow root is being
  // parsed is the last copy in the page so far.
  var copies = document.querySelectorAll("[data-karmada-showcase-copy]");
  var copy = copies[copies.length - 1];
  var box = copy && copy.closest("[data-karmada-showcase]");
  if (!box) return;
  var param = linkParam(box, document);
  var view = param && checkedView(new URL(location.href).searchParams.get(param));
  // Not `visibility`, which a part of the copy may set back for itself (a logo's letters); the
  // frame, hidden too, is shown by prerender.js or embed.js.
  if (view && view !== "/") copy.style.display = "none";
  // Which of its links a visitor was on when the frame took its place (embed.js moves focus
  // to the frame): the app there goes on from the same one (src/embed/host_copy.rs).
  var FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";
  var root = copy.shadowRoot;
  if (root)
    root.addEventListener("focusout", function (event) {
      if (event.relatedTarget && event.relatedTarget === box.querySelector("iframe[data-karmada-showcase-frame]"))
        copy.setAttribute("data-karmada-showcase-focused", [].indexOf.call(root.querySelectorAll(FOCUSABLE), event.target));
    });
  // Its tag (README: the component renders it last in the element) is not parsed yet: the
  // failure is heard where it bubbles to, as it happens.
  addEventListener(
    "error",
    function (event) {
      // Only a script's failure (a script's error in the page has the window as its target).
      var failed = event.target;
      if (!(failed instanceof HTMLScriptElement) || !box.contains(failed) || box.getAttribute("data-karmada-showcase-ready")) return;
      var frame = box.querySelector("iframe[data-karmada-showcase-frame]");
      if (frame) frame.style.visibility = "";
      copy.style.display = "none";
    },
    true
  );

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
