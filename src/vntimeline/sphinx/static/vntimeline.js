// vntimeline: make feed links work for whatever host serves the docs.
//
// Without html_baseurl the extension can only write feed links relative to
// the page. Served over http(s), the webcal link becomes webcal://<this host>/…
// (calendar apps subscribe to it), and a link that shows the feed's address
// shows the full https address, ready to copy. From a local file nothing
// changes: the links still download the feed.
(function () {
  "use strict";
  function upgrade() {
    if (location.protocol !== "http:" && location.protocol !== "https:") {
      return;
    }
    document.querySelectorAll("a.vntimeline-feed").forEach(function (link) {
      var url = new URL(link.getAttribute("href"), location.href);
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        return;
      }
      if (link.classList.contains("vntimeline-webcal")) {
        link.href = "webcal:" + url.href.slice(url.protocol.length);
      }
      if (link.classList.contains("vntimeline-feed-url")) {
        var shown = link.querySelector("code, span") || link;
        shown.textContent = link.href;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", upgrade);
  } else {
    upgrade();
  }
})();
