/* thidua — legal sources (issue 3). Classic script, no dependencies.
   Without it: the register is a plain table; a citation is a plain link whose
   description (aria-describedby) is the clause's text in the printed list of cited
   clauses; abbreviations after the first of a page carry no title.
   With it: sortable columns, filters with a live count; a citation's preview (a copy of
   that text) on hover, focus and tap, hidden by Escape; every abbreviation's title. */
(function () {
  "use strict";

  var TEXT = {
    vi: { all: "Tất cả", shown: function (n, total) { return "Đang hiển thị " + n + "/" + total + " văn bản"; } },
    en: { all: "All", shown: function (n, total) { return "Showing " + n + " of " + total + " documents"; } }
  };

  function camel(name) {
    return name.replace(/-([a-z])/g, function (_, c) { return c.toUpperCase(); });
  }

  function cellValue(row, index) {
    var cell = row.cells[index];
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  function setupRegister(wrapper) {
    var table = wrapper.querySelector("table");
    if (!table || !table.tBodies.length) return;
    var lang = wrapper.getAttribute("data-lang") === "en" ? "en" : "vi";
    var text = TEXT[lang];
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });

    var count = document.createElement("p");
    count.className = "legal-register__count";
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");

    var filters = document.createElement("div");
    filters.className = "legal-register__filters";
    var selects = [];

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          return !select.value || row.dataset[select.dataset.key] === select.value;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = text.shown(shown, rows.length);
    }

    headers.forEach(function (th, index) {
      var label = th.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "legal-sort";
      button.textContent = label;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          if (!x || !y) return x ? -1 : y ? 1 : 0; // unknown values last
          var order = collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });

      var key = th.getAttribute("data-filter");
      if (!key) return;
      key = camel(key);
      var values = [];
      rows.forEach(function (row) {
        var value = row.dataset[key];
        if (value && values.indexOf(value) === -1) values.push(value);
      });
      values.sort(function (a, b) { return key === "nam" ? collator.compare(b, a) : collator.compare(a, b); });
      var field = document.createElement("label");
      var select = document.createElement("select");
      select.dataset.key = key;
      field.appendChild(document.createTextNode(th.getAttribute("data-filter-label") || label));
      [""].concat(values).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value || text.all;
        select.appendChild(option);
      });
      select.addEventListener("change", apply);
      field.appendChild(select);
      filters.appendChild(field);
      selects.push(select);
    });

    // Material may have wrapped the table (scroll container): insert before that.
    var place = table;
    while (place.parentNode !== wrapper) place = place.parentNode;
    wrapper.insertBefore(filters, place);
    wrapper.insertBefore(count, place);
    apply();
  }

  /* A page carries each cited clause's text once, in its printed list of cited clauses
     (legal-notes, id "legal-note-<n>"), not in every citation (issue 17 item 6: page
     weight). The first hover, focus or tap on a citation copies the text into its
     tooltip, which then becomes the link's description; CSS shows it on hover and
     focus (legal.css). */
  var previews = 0;

  function addPreview(cite) {
    var link = cite.querySelector(".legal-cite__link");
    if (!link || cite.querySelector(".legal-cite__preview")) return;
    var source = document.getElementById(link.getAttribute("aria-describedby") || "");
    if (!source) return;
    var tip = document.createElement("span");
    tip.className = "legal-cite__preview";
    tip.setAttribute("role", "tooltip");
    tip.setAttribute("data-search-exclude", "");
    var holder = source.closest("[lang]");
    tip.lang = holder ? holder.lang : "vi";
    previews += 1;
    tip.id = "legal-preview-" + previews;
    Array.prototype.forEach.call(source.childNodes, function (node) {
      tip.appendChild(node.cloneNode(true));
    });
    cite.appendChild(tip);
    link.setAttribute("aria-describedby", tip.id);
  }

  /* Keep a shown preview inside the window: a citation that wraps onto a second line
     anchors its preview at the end of the line, which on a phone put half of it off
     screen. Moved left by what overflows, never past the left edge. */
  function fit(cite) {
    var tip = cite.querySelector(".legal-cite__preview");
    if (!tip) return;
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    if (!box.width) return;
    var over = box.right - (document.documentElement.clientWidth - 8);
    if (over > 0) tip.style.left = -Math.min(over, Math.max(0, box.left - 8)) + "px";
  }

  function setupPreviews() {
    function show(event) {
      var cite = event.target.closest && event.target.closest(".legal-cite");
      if (!cite) return;
      addPreview(cite);
      fit(cite);
      window.requestAnimationFrame(function () { fit(cite); });
    }
    document.addEventListener("mouseover", show);
    document.addEventListener("focusin", show);
    document.addEventListener("touchstart", show, { passive: true });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelectorAll(".legal-cite:hover, .legal-cite:focus-within");
      Array.prototype.forEach.call(open, function (cite) { cite.classList.add("legal-cite--dismissed"); });
    });
    function reset(event) {
      var cite = event.target.closest && event.target.closest(".legal-cite");
      if (cite && !cite.contains(event.relatedTarget)) cite.classList.remove("legal-cite--dismissed");
    }
    document.addEventListener("focusout", reset);
    document.addEventListener("mouseout", reset);
  }

  /* Abbreviations (the glossary, includes/abbreviations.md): the page gives the title to
     the first of each only (hooks/hook_glossary.py); the others get it back here, before
     Material turns titles into tooltips (its bundle starts on DOMContentLoaded, after
     this deferred script has run). */
  function setupAbbreviations() {
    var titles = {};
    var all = document.querySelectorAll("abbr");
    Array.prototype.forEach.call(all, function (abbr) {
      if (abbr.title && !titles.hasOwnProperty(abbr.textContent)) titles[abbr.textContent] = abbr.title;
    });
    Array.prototype.forEach.call(all, function (abbr) {
      if (!abbr.title && titles.hasOwnProperty(abbr.textContent)) abbr.title = titles[abbr.textContent];
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".legal-register"), setupRegister);
    setupPreviews();
    setupAbbreviations();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
