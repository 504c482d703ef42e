/* thidua — accessibility fixes for Material's markup (classic script, no deps).
 * - task-list checkboxes get an accessible name from their list item;
 * - the search dialog gets a name;
 * - a navigation section whose <nav> is labelled by an icon-only toggle (Material,
 *   with navigation.indexes) is named with the section title itself (aria-label on
 *   the <nav>), so the landmarks are named and distinct (axe landmark-unique). The
 *   toggle is a <label>: ARIA prohibits naming it with aria-label (axe
 *   aria-prohibited-attr, as Lighthouse 12's axe reports it);
 * - a table or diagram box that scrolls sideways (phones, thidua.css) can be reached
 *   with the keyboard to scroll it (axe scrollable-region-focusable);
 * Runs after DOM load; harmless when the elements are absent. */
(function () {
  "use strict";

  function nameTaskCheckboxes() {
    var boxes = document.querySelectorAll(".task-list-item input[type=checkbox]");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.hasAttribute("aria-label") || box.labels && box.labels.length && box.labels[0].textContent.trim()) {
        return;
      }
      var item = box.closest(".task-list-item");
      var text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
      if (text) {
        box.setAttribute("aria-label", text);
      }
    });
  }

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search");
    if (dialog && !dialog.hasAttribute("aria-label")) {
      var lang = document.documentElement.lang || "vi";
      dialog.setAttribute("aria-label", lang.indexOf("en") === 0 ? "Search" : "Tìm kiếm");
    }
  }

  function nameNavigationSections() {
    var navs = document.querySelectorAll("nav.md-nav[aria-labelledby]");
    Array.prototype.forEach.call(navs, function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      if (!label || nav.hasAttribute("aria-label") || label.textContent.trim()) {
        return;
      }
      var link = label.parentNode && label.parentNode.querySelector("a.md-nav__link");
      var text = link ? link.textContent.replace(/\s+/g, " ").trim() : "";
      if (text) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", text);
      }
    });
  }

  var SCROLL_BOXES = ".md-typeset__scrollwrap, figure.checklist-ladder, figure.diem-moi-luoc-do";

  function focusScrollBoxes() {
    var boxes = document.querySelectorAll(SCROLL_BOXES);
    Array.prototype.forEach.call(boxes, function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("data-thidua-scroll", "");
      } else if (!scrolls && box.hasAttribute("data-thidua-scroll")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("data-thidua-scroll");
      }
    });
  }

  function run() {
    nameTaskCheckboxes();
    nameSearchDialog();
    nameNavigationSections();
    focusScrollBoxes();
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(focusScrollBoxes, 200);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
