/* Karmada members showcase: host-page script, plain JS. Options (data-mode, data-details,
 * data-link, ...) and messages: README "Embedding on karmada.io". */
(function () {
  "use strict";
  var PREFIX = "karmada-showcase:";
  var VERSION = 1;
  // What marks a host history entry as an overlay's (pushed by this script).
  var MARK = "karmadaShowcaseOverlay";
  var MARKED = {};
  MARKED[MARK] = 1;
  var OPTIONS = ["kinds", "facets", "search", "cards", "lang", "theme", "bg", "details"];
  // Named once: the minified script is held to 3 KB gzip.
  var doc = document;
  var script = doc.currentScript;

  function hostTheme() {
    var theme = doc.documentElement.getAttribute("data-theme");
    return theme === "dark" || theme === "light" ? theme : "auto";
  }

  var own = script && script.src ? new URL("./", script.src) : new URL(location.href);
  // Host markup may carry data-src (sanitisers keep data attributes): an app is loaded only from
  // this script's origin, or from one its own tag lists in data-allow-origins.
  var allowed = (((script && script.getAttribute("data-allow-origins")) || "") + " " + own.origin).split(/\s+/);

  function appUrl(box) {
    var url = new URL(box.getAttribute("data-src") || own.href, location.href);
    return allowed.indexOf(url.origin) >= 0 ? url : null;
  }

  // The query parameter of this page that holds the frame's view, or null. A second frame with
  // no name of its own gets "showcase2", so that two frames never share one; counted among the
  // elements on the page now, so that one a single-page host renders anew keeps its name.
  function linkParam(box, doc) {
    var unnamed = [].filter.call(doc.querySelectorAll("[data-karmada-showcase]"), function (el) {
      return !el.getAttribute("data-link");
    }).indexOf(box);
    var name = box.getAttribute("data-link") || "showcase" + (unnamed > 0 ? unnamed + 1 : "");
    return /^[A-Za-z][\w-]{0,30}$/.test(name) && name !== "off" ? name : null;
  }

  // An app view as the app reports it ("/members/x?kind=adopter"), or null when it is not one.
  function checkedView(view) {
    return typeof view === "string" && view.length < 2000 && /^\/(?!\/)[^\\]*$/.test(view) ? view : null;
  }

  function frameUrl(app, path, box, overlay) {
    var url = new URL(path, app);
    // A shared view stays in the app; the embedding is this page's.
    if (url.origin !== app.origin || url.pathname.indexOf(app.pathname) !== 0) url = new URL("./", app);
    "embed host theme bg kinds facets search cards details feed overlay".split(" ").forEach(function (name) {
      url.searchParams.delete(name);
    });
    url.searchParams.set("embed", "1");
    url.searchParams.set("host", location.origin);
    OPTIONS.forEach(function (name) {
      var value = box.getAttribute("data-" + name);
      if (value) url.searchParams.set(name, value);
    });
    if (!box.getAttribute("data-theme")) url.searchParams.set("theme", hostTheme());
    // The overlay says what it stands over: the list ("/") or a logo wall ("/logos").
    if (overlay) url.searchParams.set("overlay", overlay);
    return url.href;
  }

  // Whether the host's frame address `a` shows the view and embedding of `b`. The theme is
  // sent as a message, and so is the host's origin to a frame without one (its "hello").
  function sameFrame(a, b) {
    var x = new URL(a, location.href);
    var y = new URL(b, location.href);
    x.searchParams.delete("theme");
    y.searchParams.delete("theme");
    if (!x.searchParams.has("host")) y.searchParams.delete("host");
    x.searchParams.sort();
    y.searchParams.sort();
    return x.href === y.href;
  }

  function makeFrame(src, title) {
    var frame = doc.createElement("iframe");
    frame.src = src;
    frame.title = title;
    frame.style.cssText = "display:block;width:100%;border:0;height:640px;color-scheme:normal";
    return frame;
  }

  function setupFrame(box, app) {
    var title = box.getAttribute("data-title") || "Karmada adopters and partners";
    var param = linkParam(box, doc);
    // The view the host's address names, and the member in it when members open in the overlay.
    function addressed() {
      return param && checkedView(new URL(location.href).searchParams.get(param));
    }
    function memberIn(view) {
      return view && box.getAttribute("data-details") === "overlay" && /^\/members\/[^?]*/.exec(view);
    }
    var linked = addressed();
    // The page the frame opens at (data-view="logos": the logo wall; else the list), which the
    // host's address need not name.
    var home = box.getAttribute("data-view") === "logos" ? "/logos" : "/";
    // A shared member opens as it was shared: over the list, in the overlay.
    var member = memberIn(linked);
    var listView = member ? home + linked.slice(member[0].length) : linked || home;
    var wanted = frameUrl(app, "." + listView, box);
    // The host may render the frame itself, in its static HTML (README: the Docusaurus
    // component), so that it loads and paints with the page: keep that frame and its load,
    // unless it shows another view or embedding than this page asks for. Its theme is not a
    // reason to reload: the theme message below sets it.
    var frame = box.querySelector("iframe[data-karmada-showcase-frame]");
    if (frame) {
      // Where it is now: on the host's origin, prerender.js may have moved it to a shared view,
      // and says so on the element. Not read from the frame: while it is still its initial
      // empty document, reading its address made Chromium reuse that document's window for the
      // page that came next (so, for one, per-document test scripts never ran there).
      var at = frame.getAttribute("data-karmada-showcase-at") || frame.src;
      if (sameFrame(at, wanted)) wanted = null;
      // Replaced, not navigated: a view the host's address asked for from the start is no step
      // of the host's history (Back would show the frame's default view before leaving).
      else frame.contentWindow.location.replace(wanted);
      frame.title = frame.title || title;
    } else {
      frame = makeFrame(wanted, title);
      box.appendChild(frame);
    }
    // The host sizes it to its content: no scrollbar inside (the overlay's frame scrolls).
    frame.setAttribute("scrolling", "no");
    // The host's theme, and the font where the frame stands (a frame on another origin cannot
    // read it; the host's copy inherits it).
    function sendTheme(target) {
      if (target) target.postMessage({ type: PREFIX + "theme", version: VERSION, theme: hostTheme(), font: getComputedStyle(frame).fontFamily }, app.origin);
    }
    var overlay = null;
    // The overlay's frame, while it is there.
    var detail = null;
    var hostTitle = null;
    var ourTitle = null;
    var answered = false;
    // The host page's own copy of the first screen (README: `showcase-site fill-host`) stands
    // over the hidden frame until the frame answers. Empty (the host's scripts drew this
    // page), over a frame that is to show another view, or beside options (it is the plain
    // list's), it goes at once.
    var copy = box.querySelector("[data-karmada-showcase-copy]");
    var plain = OPTIONS.every(function (name) { return name === "lang" || !box.hasAttribute("data-" + name); });
    function dropCopy() {
      if (!copy) return;
      frame.style.visibility = "";
      if (doc.activeElement === copy) frame.focus();
      copy.style.display = "none";
      copy = null;
    }
    if (copy && (!copy.shadowRoot || wanted || !plain || listView !== home)) dropCopy();

    function showView(view) {
      // What this element sets itself (data-lang="en") need not be in the link.
      var url = new URL(view, app);
      var own = OPTIONS.filter(function (name) {
        return box.hasAttribute("data-" + name) && url.searchParams.get(name) === box.getAttribute("data-" + name);
      });
      if (own.length) {
        own.forEach(function (name) { url.searchParams.delete(name); });
        view = view.split("?")[0] + (url.search.length > 1 ? url.search : "");
      }
      var here = new URL(location.href);
      if (view === home) here.searchParams.delete(param);
      else here.searchParams.set(param, view);
      if (here.href !== location.href) history.replaceState(history.state, "", here.href);
    }

    function closeOverlay() {
      if (overlay) overlay.close();
    }
    // The overlay is an entry of the host's history (pushed when a visitor opens it; the app
    // inside it replaces its own moves), so that Back, a phone's above all, closes it instead
    // of leaving the host page; the entry it lands on still names the list's view. Closed
    // otherwise, it takes its entry back with it; what the list's frame shows next (`goTo`)
    // waits until then, or that history step would undo it. One opened by the page's own
    // address (a shared link) pushes nothing: that entry names the member already.
    var popped = false;
    var pushed = false;
    var leaving = false;
    var goTo = null;
    var reopen = null;
    function afterClose() {
      leaving = false;
      // On another page of a single-page host: nothing of this element's to restore.
      if (!box.isConnected) return (goTo = reopen = null);
      if (param) showView(listView);
      // The list's own view again (the member's "Back to all members"): it is there already.
      if (goTo && goTo !== listView) {
        frame.src = frameUrl(app, "." + goTo, box);
        // The new view starts at the frame's top, which may be far above where the visitor is;
        // after the browser has put back the scroll position of the step it came back to.
        setTimeout(function () {
          if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
        });
      }
      goTo = null;
      // A member opened while the step back was under way.
      var again = reopen;
      reopen = null;
      if (again) openOverlay(again);
    }
    addEventListener("popstate", function () {
      // Closed also when a single-page host took this element away (another page).
      if (overlay) {
        popped = true;
        return overlay.close();
      }
      // A new element answers for one the host took away.
      if (!box.isConnected) return;
      if (leaving) afterClose();
      // Forward again onto an overlay's entry: the member it names opens again on that entry,
      // which closing takes back as it would have before.
      // An entry the host made itself (its own link to a member) is not ours to take back.
      else if (memberIn(addressed())) openHere(addressed());
    });
    // A member named by this entry's address: an entry this script pushed (Forward onto it, or
    // a reload) is taken back when the overlay closes, as when it was opened.
    function openHere(view) {
      openOverlay(view, true);
      pushed = !!(history.state && history.state[MARK]);
    }
    function openOverlay(view, atLoad) {
      if (leaving) return (reopen = view);
      var url = frameUrl(app, "." + view, box, home);
      // A second `open` (a double click) while one is open: the same overlay, the same entry.
      if (overlay && overlay.open) return detail.contentWindow.location.replace(url);
      var dialog = (overlay = doc.createElement("dialog"));
      dialog.setAttribute("data-karmada-showcase-overlay", "");
      // A click beside it closes it too (light dismiss, where the browser has it).
      dialog.closedBy = "any";
      // Named as it opens (the member's own title replaces this once its app has started).
      dialog.ariaLabel = title;
      // A grey edge: on a dark host the browser's backdrop hardly dims the page behind.
      dialog.style.cssText = "width:min(960px,94vw);height:min(900px,90vh);padding:0;border:1px solid #8888;border-radius:12px;box-shadow:0 8px 40px #0009";
      // Its close button is drawn in the host's theme (its text colour), not always light.
      var theme = hostTheme();
      dialog.style.colorScheme = theme === "auto" ? "light dark" : theme;
      var close = doc.createElement("button");
      close.textContent = "\u00d7";
      close.ariaLabel = "Close";
      // 44 px square: a finger's target on a phone.
      close.style.cssText = "position:absolute;top:6px;right:8px;width:44px;height:44px;padding:0;font-size:24px;border:0;border-radius:8px;background:#8883";
      close.addEventListener("click", closeOverlay);
      detail = makeFrame(url, title);
      detail.style.height = "100%";
      // After the member in the order of keys (it is drawn at the top): every round of Tab
      // reaches it before leaving the page; first in the dialog, Chromium skipped it on the first
      // round back into the page.
      dialog.append(detail, close);
      dialog.addEventListener("close", function () {
        dialog.remove();
        if (overlay !== dialog) return;
        overlay = null;
        // Not over a title the host has set since (a single-page host on another page).
        if (doc.title === ourTitle) doc.title = hostTitle;
        hostTitle = ourTitle = null;
        frame.focus();
        if (popped) return;
        if (!pushed) return afterClose();
        leaving = true;
        history.back();
        // A step back the page never hears of must not leave the list waiting for it; long
        // enough for a slow device's step, which would close an overlay opened meanwhile.
        setTimeout(function () {
          if (leaving) afterClose();
        }, 3000);
      });
      doc.body.appendChild(dialog);
      dialog.showModal();
      close.focus();
      popped = pushed = false;
      // A browser that limits how often a page may push (Safari) may refuse: then no entry.
      if (!atLoad) {
        try {
          // The host's own state, marked as the overlay's (a host router's keys stay as they were).
          var state = history.state;
          history.pushState(state == null || Object.getPrototypeOf(state) == Object.prototype ? Object.assign({}, state, MARKED) : state, "");
          pushed = true;
          // The entry names its member at once, before the overlay's app says so: Back and
          // Forward again, however quick, find it there.
          if (param) showView(view);
        } catch (e) {}
      }
    }

    addEventListener("message", function (event) {
      var data = event.data;
      if (event.origin !== app.origin || !data || data.version !== VERSION || typeof data.type !== "string" || data.type.indexOf(PREFIX)) return;
      var fromList = event.source === frame.contentWindow;
      if (fromList) {
        answered = true;
        // Gone once the frame has painted what it said.
        if (copy) requestAnimationFrame(function () { requestAnimationFrame(dropCopy); });
      }
      // Not once it is closing (closed, its `close` event still to come): a member view it
      // reports then would name the member in the list's history entry, which Back went to.
      var fromOverlay = overlay && overlay.open && event.source === detail.contentWindow;
      if (!fromList && !fromOverlay) return;
      var type = data.type.slice(PREFIX.length);
      if (type === "resize" && fromList && Number.isFinite(data.height) && data.height > 0) {
        // Even the app's own origin cannot make the host page absurdly long: 100,000 px at most.
        frame.style.height = Math.ceil(Math.min(data.height, 1e5)) + "px";
      } else if (type === "ready") {
        sendTheme(event.source);
      } else if (type === "open" && fromList && typeof data.id === "string" && /^[a-z0-9-]{1,80}$/.test(data.id)) {
        openOverlay("/members/" + data.id);
      } else if (type === "close" && fromOverlay) {
        // A link in the member to another page (its industry's members): the list's frame shows it.
        goTo = checkedView(data.path);
        closeOverlay();
      } else if (type === "title" && fromOverlay && typeof data.title === "string" && data.title.length < 300) {
        // While a member is open over the page, the page's title names it.
        if (doc.title !== ourTitle) hostTitle = doc.title;
        // And the dialog.
        doc.title = ourTitle = overlay.ariaLabel = data.title;
      } else if (type === "view" && param && checkedView(data.path)) {
        // An open overlay's member is the view; closing it restores the list's.
        if (fromList) listView = data.path;
        if (fromOverlay || !overlay) showView(data.path);
      }
    });

    if (member) openHere(linked);
    // A frame that started before this script may have sent its first messages (size, view)
    // to nobody, and one given no `host` may not know where to send them: say hello until it
    // answers, and again after each load of its own.
    function greet() {
      var tries = 0;
      answered = false;
      var timer = setInterval(function () {
        if (answered) clearInterval(timer);
        // A frame that never answers is shown anyway: the copy is only its first screen.
        else if (++tries > 60) clearInterval(timer), dropCopy();
        else frame.contentWindow.postMessage({ type: PREFIX + "hello", version: VERSION }, app.origin);
      }, 250);
    }
    if (!wanted) {
      greet();
      frame.addEventListener("load", greet);
    }

    // The host's theme, to both frames; and the overlay's title kept while it is open, over the
    // one a host sets as it starts (a Docusaurus page's head, after its hydration).
    var watch = new MutationObserver(function () {
      sendTheme(frame.contentWindow);
      if (overlay) sendTheme(detail.contentWindow);
      if (ourTitle && doc.title !== ourTitle) doc.title = ourTitle;
    });
    watch.observe(doc.documentElement, { attributeFilter: ["data-theme"] });
    watch.observe(doc.head, { childList: true, subtree: true });
  }

  function setupInline(box, app) {
    var shadow = box.shadowRoot || box.attachShadow({ mode: "open" });
    var style = doc.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("main.css", app).href;
    var mount = doc.createElement("div");
    mount.className = "karmada-showcase-root";
    shadow.append(style, mount);
    // A feed from where the app may come from, like the app (data-feed is markup too).
    var feed = new URL(box.getAttribute("data-feed") || "members.json", app);
    if (allowed.indexOf(feed.origin) < 0) feed = new URL("members.json", app);
    var config = { mount: mount, app: app.href, feed: feed.href, base: box.getAttribute("data-base") || location.pathname };
    OPTIONS.forEach(function (name) {
      var value = box.getAttribute("data-" + name);
      if (value) config[name] = value;
    });
    window.__karmadaShowcase = config;
    import(new URL("karmada-showcase.js", app).href).then(function (bindings) {
      return bindings.default({ module_or_path: new URL("karmada-showcase_bg.wasm", app).href });
    }).catch(function (error) {
      // Blocked (the host's policy), offline, or a browser without WebAssembly: the showcase's
      // own page is one link away, rather than an empty box.
      var link = doc.createElement("a");
      link.href = app.href;
      link.textContent = box.getAttribute("data-title") || "Karmada adopters and partners";
      mount.replaceChildren(link);
      console.error("Karmada showcase:", error);
    });
  }

  function setup(only) {
    (only ? [only] : doc.querySelectorAll("[data-karmada-showcase]")).forEach(function (box) {
      if (box.getAttribute("data-karmada-showcase-ready")) return;
      box.setAttribute("data-karmada-showcase-ready", "1");
      var app = null;
      try {
        app = appUrl(box);
      } catch (e) {}
      // A refused data-src is said on the element, where a host's developer looks first.
      if (!app) box.setAttribute("data-karmada-showcase-ready", "refused");
      else if (box.getAttribute("data-mode") === "inline") setupInline(box, app);
      else setupFrame(box, app);
    });
  }

  // Single-page hosts (Docusaurus) add the element after this script ran: they call scan().
  window.karmadaShowcaseEmbed = { scan: function () { setup(); }, version: VERSION };

  // A tag inside its element (README: the Docusaurus component) sets that element up as it runs,
  // before the host's deferred scripts (a Docusaurus page's hydration); the others once parsed.
  var mine = script && script.closest("[data-karmada-showcase]");
  if (mine) setup(mine);
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", function () { setup(); });
  else setup();
})();
