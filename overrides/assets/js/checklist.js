/* thidua — checklists (issue 6). Classic script, no dependencies, no inline handlers.
 *
 * Every list <ol class="checklist__lines" data-store="page:rule-set"> gets a checkbox per
 * line; the ticks are kept in localStorage under "thidua-checklist:v1:<data-store>"
 * (per page and rule set; the same key in both languages). Lists sharing a store get
 * one counter and one "clear" button, before the first of them. Without JavaScript the
 * lines stay a plain numbered list.
 *
 * On the index page, <div class="checklist-picker" hidden> becomes a small picker
 * (year, staff group, subject) built from the links of the no-JS list
 * (a[data-year][data-what]).
 */
(function () {
  "use strict";

  var PREFIX = "thidua-checklist:v1:";

  function load(store) {
    try {
      var raw = window.localStorage.getItem(PREFIX + store);
      var list = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function save(store, ids) {
    try {
      if (ids.length) {
        window.localStorage.setItem(PREFIX + store, JSON.stringify(ids));
      } else {
        window.localStorage.removeItem(PREFIX + store);
      }
    } catch (error) {
      /* storage disabled: ticks last until the page is left */
    }
  }

  function each(nodes, fn) {
    Array.prototype.forEach.call(nodes, fn);
  }

  function setupChecklists() {
    var lists = document.querySelectorAll("ol.checklist__lines[data-store]");
    var groups = {};
    var order = [];
    each(lists, function (list) {
      var store = list.getAttribute("data-store");
      if (!groups[store]) {
        groups[store] = { lists: [], boxes: [], first: list };
        order.push(store);
      }
      groups[store].lists.push(list);
    });
    order.forEach(function (store) {
      var group = groups[store];
      var saved = load(store);
      group.lists.forEach(function (list) {
        each(list.querySelectorAll("li.checklist__line"), function (item) {
          var id = item.getAttribute("data-line");
          var text = item.querySelector(".checklist__text");
          if (!id || !text || text.tagName === "LABEL") {
            return;
          }
          var box = document.createElement("input");
          box.type = "checkbox";
          box.className = "checklist__box";
          box.id = id + "-box";
          box.setAttribute("data-line", id);
          box.checked = saved.indexOf(id) !== -1;
          var label = document.createElement("label");
          label.className = text.className;
          label.id = text.id;
          label.htmlFor = box.id;
          while (text.firstChild) {
            label.appendChild(text.firstChild);
          }
          text.parentNode.replaceChild(label, text);
          item.insertBefore(box, item.firstChild);
          item.classList.toggle("checklist__line--ticked", box.checked);
          group.boxes.push(box);
        });
        list.classList.add("checklist__lines--js");
      });
      var first = group.first;
      var bar = document.createElement("div");
      bar.className = "checklist__toolbar";
      var count = document.createElement("span");
      count.className = "checklist__count";
      count.setAttribute("aria-live", "polite");
      var clear = document.createElement("button");
      clear.type = "button";
      clear.className = "md-button checklist__clear";
      clear.textContent = first.getAttribute("data-word-clear") || "Clear";
      bar.appendChild(count);
      bar.appendChild(clear);
      first.parentNode.insertBefore(bar, first);

      function update() {
        var ids = [];
        group.boxes.forEach(function (box) {
          var item = box.parentNode;
          item.classList.toggle("checklist__line--ticked", box.checked);
          if (box.checked) {
            ids.push(box.getAttribute("data-line"));
          }
        });
        count.textContent =
          (first.getAttribute("data-word-checked") || "Ticked") + ": " + ids.length + " " +
          (first.getAttribute("data-word-of") || "of") + " " + group.boxes.length;
        return ids;
      }

      group.boxes.forEach(function (box) {
        box.addEventListener("change", function () {
          save(store, update());
        });
      });
      clear.addEventListener("click", function () {
        group.boxes.forEach(function (box) {
          box.checked = false;
        });
        save(store, update());
      });
      update();
    });
  }

  function option(select, value, text) {
    var item = document.createElement("option");
    item.value = value;
    item.textContent = text;
    select.appendChild(item);
  }

  function field(picker, name, label) {
    var wrap = document.createElement("p");
    wrap.className = "checklist-picker__field";
    var select = document.createElement("select");
    select.id = "checklist-pick-" + name;
    select.className = "checklist-picker__select";
    var caption = document.createElement("label");
    caption.htmlFor = select.id;
    caption.textContent = label;
    wrap.appendChild(caption);
    wrap.appendChild(select);
    picker.appendChild(wrap);
    return select;
  }

  function setupPicker() {
    var picker = document.querySelector(".checklist-picker");
    if (!picker) {
      return;
    }
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-year][data-what]"));
    if (!links.length) {
      return;
    }
    var years = [];
    var roles = [];
    var roleNames = {};
    var whats = [];
    var whatNames = {};
    links.forEach(function (link) {
      var year = link.getAttribute("data-year");
      var role = link.getAttribute("data-role");
      var what = link.getAttribute("data-what");
      if (years.indexOf(year) === -1) {
        years.push(year);
      }
      if (role && role !== "all" && roles.indexOf(role) === -1) {
        roles.push(role);
        roleNames[role] = link.getAttribute("data-role-name") || role;
      }
      if (whats.indexOf(what) === -1) {
        whats.push(what);
        whatNames[what] = link.getAttribute("data-what-name") || what;
      }
    });
    var heading = document.createElement("p");
    heading.className = "checklist-picker__heading";
    heading.textContent = picker.getAttribute("data-label-heading") || "";
    picker.appendChild(heading);
    var yearSelect = field(picker, "year", picker.getAttribute("data-label-year"));
    years.forEach(function (year) {
      option(yearSelect, year, year);
    });
    var roleSelect = field(picker, "role", picker.getAttribute("data-label-role"));
    roles.forEach(function (role) {
      option(roleSelect, role, roleNames[role]);
    });
    var whatSelect = field(picker, "what", picker.getAttribute("data-label-what"));
    whats.forEach(function (what) {
      option(whatSelect, what, whatNames[what]);
    });
    var result = document.createElement("p");
    result.className = "checklist-picker__result";
    result.setAttribute("aria-live", "polite");
    picker.appendChild(result);

    function choose() {
      var year = yearSelect.value;
      var role = roleSelect.value;
      var what = whatSelect.value;
      var found = null;
      links.forEach(function (link) {
        var linkRole = link.getAttribute("data-role");
        if (
          !found &&
          link.getAttribute("data-year") === year &&
          link.getAttribute("data-what") === what &&
          (linkRole === "all" || linkRole === role)
        ) {
          found = link;
        }
      });
      result.textContent = "";
      if (found) {
        var go = document.createElement("a");
        go.className = "md-button md-button--primary checklist-picker__go";
        go.href = found.getAttribute("href");
        go.textContent = (picker.getAttribute("data-label-go") || "Open") + ": " +
          whatNames[what] + (found.getAttribute("data-role") === "all" ? "" : " — " + roleNames[role]) +
          " (" + year + ")";
        result.appendChild(go);
      } else {
        result.textContent = picker.getAttribute("data-label-none") || "";
      }
    }

    [yearSelect, roleSelect, whatSelect].forEach(function (select) {
      select.addEventListener("change", choose);
    });
    picker.hidden = false;
    choose();
  }

  function run() {
    setupChecklists();
    setupPicker();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
