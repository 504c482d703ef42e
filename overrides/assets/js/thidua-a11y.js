/* thidua — accessibility fixes for Material's markup (classic script, no deps).
 * - task-list checkboxes get an accessible name from their list item;
 * - the search dialog gets a name;
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

  function run() {
    nameTaskCheckboxes();
    nameSearchDialog();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
