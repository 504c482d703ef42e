/* thidua — the search index loads after the page has been drawn (issue 17, item 6).
 *
 * Material's bundle requests search/search_index.json (several MB for the whole
 * portal in two languages) as soon as it starts, then parses it and hands it to the
 * search worker on the main thread. On a slow phone that download competes with the
 * page's own styles and delays the first paint. This classic script, deferred before
 * Material's bundle, holds that one request until the page has finished loading and
 * has been painted (two animation frames after the load event; a timer after the load
 * event if frames never come, as in a hidden tab), or until the reader reaches for
 * search (focus or click in the header's search, or Material's search keys), whichever
 * comes first. Every other request goes out unchanged.
 * From file:// Material reads search_index.js with a script element instead, which this
 * does not touch. Without this script the index simply loads at once, as in Material.
 */
(function () {
  "use strict";

  var Request = window.XMLHttpRequest;
  if (typeof Request !== "function" || Request.prototype.__thiduaLater) {
    return;
  }
  var INDEX = /(^|\/)search\/search_index\.json(\?|#|$)/;
  var LATEST_MS = 2000;
  var released = false;
  var waiting = [];
  var open = Request.prototype.open;
  var send = Request.prototype.send;

  function release() {
    if (released) {
      return;
    }
    released = true;
    waiting.splice(0).forEach(function (go) {
      go();
    });
  }

  Request.prototype.__thiduaLater = true;
  Request.prototype.open = function (method, url) {
    this.__thiduaIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  Request.prototype.send = function () {
    if (!this.__thiduaIndex || released) {
      return send.apply(this, arguments);
    }
    var request = this;
    var args = arguments;
    waiting.push(function () {
      send.apply(request, args);
    });
    return undefined;
  };

  function afterPaint() {
    var frame = window.requestAnimationFrame || function (next) { setTimeout(next, 16); };
    frame(function () {
      frame(function () {
        setTimeout(release, 0);
      });
    });
  }

  function loaded() {
    afterPaint();
    setTimeout(release, LATEST_MS);
  }

  if (document.readyState === "complete") {
    loaded();
  } else {
    window.addEventListener("load", loaded);
  }

  function wantsSearch(event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search, label[for='__search']")) {
      release();
    }
  }
  document.addEventListener("focusin", wantsSearch, true);
  document.addEventListener("pointerdown", wantsSearch, true);
  document.addEventListener("keydown", function (event) {
    // Material opens search with "/", "s" or "f" from anywhere on the page.
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      release();
    }
  }, true);
})();
