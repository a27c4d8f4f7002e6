// The demo host: a Docusaurus-like theme switch (it sets <html data-theme>, as Docusaurus does)
// and the embed, pointed at the app given by ?app= (default: the test server's /adopters/).
(function () {
  var root = document.documentElement;
  var saved = localStorage.getItem("theme");
  if (saved === "dark" || saved === "light") root.setAttribute("data-theme", saved);
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".theme-toggle")) return;
    var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", next);
    localStorage.setItem("theme", next);
  });
  var app = new URLSearchParams(location.search).get("app") || "http://127.0.0.1:4173/adopters/";
  var boxes = document.querySelectorAll("[data-karmada-showcase]");
  for (var i = 0; i < boxes.length; i++) boxes[i].setAttribute("data-src", app);
  var script = document.createElement("script");
  script.src = new URL("embed.js", app).href;
  document.head.appendChild(script);
})();
