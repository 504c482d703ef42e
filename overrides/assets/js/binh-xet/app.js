/* thidua — Bình xét: the page. Builds the tool inside #bx-app, imports a members list
 * (file, paste, JSON profiles) without touching the list in use until it is read without
 * problems or the user confirms, computes with BX.unit and renders the results.
 * State: BX.state = {year, settings, read, overrides {row: {rank, votes}}, result}. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var el = function () { return BX.el.apply(null, arguments); };
  var t = function (k, v) { return BX.t(k, v); };
  var MAX_BYTES = 2 * 1024 * 1024;
  var state = (BX.state = { year: null, settings: {}, read: null, overrides: {}, result: null });

  function ready() {
    return !!(window.THIDUA_DATA && window.ThiduaEvaluator && window.Papa && window.BINH_XET_COLUMNS && BX.members && BX.unit);
  }

  function years() {
    var table = (window.THIDUA_DATA && window.THIDUA_DATA.years) || {};
    return Object.keys(table).filter(function (y) { return /^[0-9]{4}$/.test(y); }).map(Number).sort();
  }

  function option(value, label, selected) {
    return el("option", { value: value, selected: selected ? true : null, text: label });
  }

  function select(id, label, options, testid) {
    var s = el("select", { id: id, class: "bx-select", "data-testid": testid }, options);
    return el("div", { class: "bx-field" }, [el("label", { for: id, text: label }), s]);
  }

  function yesNo(id, label, testid) {
    return select(id, label, [option("", t("not_entered")), option("true", t("yes")), option("false", t("no"))], testid);
  }

  function textField(id, label, testid) {
    return el("div", { class: "bx-field" }, [
      el("label", { for: id, text: label }),
      el("input", { type: "text", inputmode: "decimal", id: id, class: "bx-num", size: "6", "data-testid": testid,
        "aria-describedby": "bx-points-help" })
    ]);
  }

  /* The collective's own level on 100 points (2026): kind, score, task shares. */
  function pointsFields() {
    var kinds = ["don_vi_su_nghiep", "co_quan_hanh_chinh"].map(function (k) { return option(k, t("kind_" + k)); });
    return el("fieldset", { class: "bx-points", "data-testid": "bx-points" }, [
      el("legend", { text: t("h_unit_points") }),
      el("p", { id: "bx-points-help", class: "bx-help", text: t("unit_points_help") }),
      select("bx-unit-kind", t("unit_kind"), [option("", t("not_entered"))].concat(kinds), "bx-unit-kind"),
      textField("bx-unit-score", t("unit_score"), "bx-unit-score"),
      textField("bx-tasks-completed", t("tasks_completed"), "bx-tasks-completed"),
      textField("bx-tasks-late", t("tasks_late"), "bx-tasks-late"),
      textField("bx-tasks-exceeded", t("tasks_exceeded"), "bx-tasks-exceeded"),
      textField("bx-units-khtnv", t("units_khtnv"), "bx-units-khtnv"),
      yesNo("bx-remedied", t("remedied"), "bx-remedied"),
      yesNo("bx-violation", t("violation"), "bx-violation")
    ]);
  }

  function build(app) {
    var ys = years();
    state.year = ys[ys.length - 1];
    app.appendChild(el("h2", { id: "bx-h-import", text: t("h_import") }));
    app.appendChild(select("bx-year", t("year"), ys.map(function (y) { return option(String(y), String(y), y === state.year); }), "bx-year"));
    app.appendChild(el("div", { class: "bx-field" }, [
      el("label", { for: "bx-file", text: t("file") }),
      el("input", { type: "file", id: "bx-file", accept: ".csv,.txt,.tsv,.json,text/csv,application/json", multiple: true, "data-testid": "bx-file" })
    ]));
    app.appendChild(el("div", { class: "bx-field" }, [
      el("label", { for: "bx-paste", text: t("paste") }),
      el("textarea", { id: "bx-paste", rows: "4", class: "bx-paste", spellcheck: "false", "data-testid": "bx-paste" }),
      el("button", { type: "button", class: "md-button", id: "bx-paste-read", "data-testid": "bx-paste-read", text: t("paste_read") })
    ]));
    app.appendChild(el("div", { id: "bx-preview", class: "bx-preview", role: "status", "aria-live": "polite", "data-testid": "bx-preview" }));
    app.appendChild(el("h2", { id: "bx-h-unit", text: t("h_unit") }));
    var levels = ["HTXS", "HTT", "HTNV", "KHTNV"].map(function (c) { return option(c, BX.levelName(c)); });
    app.appendChild(select("bx-unit-level", t("unit_level"), [option("", t("not_entered"))].concat(levels), "bx-unit-level"));
    app.appendChild(pointsFields());
    app.appendChild(yesNo("bx-movement", t("movement"), "bx-movement"));
    app.appendChild(yesNo("bx-unity", t("unity"), "bx-unity"));
    app.appendChild(select("bx-rounding", t("rounding"), ["floor", "round_half_up", "ceil"].map(function (r) {
      return option(r, t("rounding_" + r));
    }), "bx-rounding"));
    app.appendChild(el("div", { class: "bx-field bx-check" }, [
      el("input", { type: "checkbox", id: "bx-exception", "data-testid": "bx-exception" }),
      el("label", { for: "bx-exception", text: t("exception") })
    ]));
    app.appendChild(el("h2", { id: "bx-h-results", text: t("h_results") }));
    app.appendChild(el("div", { id: "bx-results", "data-testid": "bx-results" }));
    app.appendChild(el("h2", { id: "bx-h-outputs", text: t("h_outputs") }));
    app.appendChild(el("div", { class: "bx-buttons" }, [
      el("button", { type: "button", class: "md-button", "data-print": "table", "data-testid": "bx-print-table", text: t("print_table") }),
      el("button", { type: "button", class: "md-button", "data-print": "minutes", "data-testid": "bx-print-minutes", text: t("print_minutes") }),
      el("button", { type: "button", class: "md-button", "data-print": "proposal", "data-testid": "bx-print-proposal", text: t("print_proposal") }),
      el("button", { type: "button", class: "md-button", id: "bx-export", "data-testid": "bx-export", text: t("export_csv") })
    ]));
    app.appendChild(el("h2", { id: "bx-h-privacy", text: t("h_privacy") }));
    app.appendChild(el("div", { class: "bx-field bx-check" }, [
      el("input", { type: "checkbox", id: "bx-autosave", "data-testid": "bx-autosave" }),
      el("label", { for: "bx-autosave", text: t("autosave") })
    ]));
    app.appendChild(el("button", { type: "button", class: "md-button", id: "bx-erase", "data-testid": "bx-erase", text: t("erase") }));
    app.appendChild(el("div", { id: "bx-erase-confirm", class: "bx-confirm", hidden: true, role: "group", "aria-label": t("erase") }, [
      el("p", { text: t("erase_confirm") }),
      el("button", { type: "button", class: "md-button md-button--primary", id: "bx-erase-yes", "data-testid": "bx-erase-yes", text: t("erase_yes") }),
      el("button", { type: "button", class: "md-button", id: "bx-erase-no", text: t("erase_no") })
    ]));
    app.appendChild(el("p", { id: "bx-status", class: "bx-status", role: "status", "aria-live": "polite", "data-testid": "bx-status" }));
    app.appendChild(el("div", { id: "bx-docs", class: "bx-docs", "data-testid": "bx-docs" }));
  }

  var NUMBER = /^[0-9]{1,3}(?:[.,][0-9]{1,2})?$/;
  var NUMBER_FIELDS = { unit_score: "bx-unit-score", tasks_completed: "bx-tasks-completed", tasks_late: "bx-tasks-late",
    tasks_exceeded: "bx-tasks-exceeded" };

  /* A number 0–100 (2 decimals, "," or ".") from a text input, or null; marks it invalid. */
  function numberFrom(id) {
    var node = document.getElementById(id), text = node.value.trim();
    var value = NUMBER.test(text) ? Number(text.replace(",", ".")) : null;
    if (value !== null && value > 100) { value = null; }
    node.setAttribute("aria-invalid", text !== "" && value === null ? "true" : "false");
    return value;
  }

  function countFrom(id) {
    var node = document.getElementById(id), text = node.value.trim();
    var value = /^[0-9]{1,4}$/.test(text) ? Number(text) : null;
    node.setAttribute("aria-invalid", text !== "" && value === null ? "true" : "false");
    return value;
  }

  function settingsFromPage() {
    function yn(id) { var v = document.getElementById(id).value; return v === "" ? null : v === "true"; }
    var level = document.getElementById("bx-unit-level").value;
    var kind = document.getElementById("bx-unit-kind").value;
    var s = {
      rounding: document.getElementById("bx-rounding").value,
      exception: document.getElementById("bx-exception").checked,
      unit_level: level || null, movement: yn("bx-movement"), unity: yn("bx-unity"),
      unit_kind: kind || null, units_khtnv: countFrom("bx-units-khtnv"),
      remedied: yn("bx-remedied"), violation: yn("bx-violation"),
      layer: window.BINH_XET_LAYER || null
    };
    Object.keys(NUMBER_FIELDS).forEach(function (k) { s[k] = numberFrom(NUMBER_FIELDS[k]); });
    return s;
  }

  function settingsToPage(s) {
    function set(id, v) {
      var text = v === null || v === undefined ? "" : String(v);
      document.getElementById(id).value = typeof v === "number" && BX.lang() === "vi" ? text.replace(".", ",") : text;
    }
    set("bx-rounding", s.rounding || "floor");
    document.getElementById("bx-exception").checked = !!s.exception;
    set("bx-unit-level", s.unit_level); set("bx-movement", s.movement); set("bx-unity", s.unity);
    set("bx-unit-kind", s.unit_kind); set("bx-units-khtnv", s.units_khtnv);
    set("bx-remedied", s.remedied); set("bx-violation", s.violation);
    Object.keys(NUMBER_FIELDS).forEach(function (k) { set(NUMBER_FIELDS[k], s[k]); });
  }

  /* The members with the ranks and votes entered on the page. */
  function withOverrides(read) {
    var copy = { encoding: read.encoding, problems: read.problems, invalid_rows: read.invalid_rows };
    copy.members = read.members.map(function (m) {
      var o = state.overrides[m.row];
      if (!o) { return m; }
      var c = {};
      Object.keys(m).forEach(function (k) { c[k] = m[k]; });
      if (o.rank !== undefined) { c.rank = o.rank; }
      if (o.votes !== undefined) { c.votes = o.votes; }
      return c;
    });
    return copy;
  }

  /* computed: a result the caller just made from state.read with the page's settings and
   * no overrides (an import read without problems), not computed a second time. */
  function recompute(message, computed) {
    state.settings = settingsFromPage();
    try {
      state.result = computed || (state.read ? BX.unit.compute(withOverrides(state.read), state.year, state.settings) : null);
    } catch (e) {
      state.result = null;
      document.getElementById("bx-status").textContent = t("failed");
      return;
    }
    BX.results.render(document.getElementById("bx-results"), state.result);
    BX.docs.render(document.getElementById("bx-docs"), state.result);
    BX.store.save(state);
    if (message) { document.getElementById("bx-status").textContent = message; }
  }
  BX.recompute = recompute;
  /* The current figures with the reasons in `lang` (the printed documents are Vietnamese
   * on both pages), or null without a list. */
  BX.resultIn = function (lang) {
    return state.read ? BX.unit.compute(withOverrides(state.read), state.year, state.settings, lang) : null;
  };

  function showPreview(read) {
    var box = document.getElementById("bx-preview");
    box.textContent = "";
    var trial;
    try {
      trial = BX.unit.compute(read, state.year, settingsFromPage());
    } catch (e) {
      box.appendChild(el("p", { class: "bx-warn", "data-testid": "bx-failed", text: t("failed") }));
      return;
    }
    var fatal = trial.problems.some(function (p) { return p.reason === "header_missing" || p.reason === "no_rows" || p.reason === "too_big"; });
    if (!trial.problems.length) {
      state.read = read;
      state.overrides = {};
      recompute(t("preview_ok", { n: read.members.length }), trial);
      box.appendChild(el("p", { class: "bx-ok", text: t("preview_ok", { n: read.members.length }) }));
      return;
    }
    box.appendChild(el("p", { class: "bx-warn", text: fatal ? t("preview_fatal") : t("preview_bad", { n: trial.members.length, m: trial.invalid_rows.length }) }));
    box.appendChild(BX.results.problemList(trial.problems, "bx-preview-problems"));
    if (!fatal) {
      var yes = el("button", { type: "button", class: "md-button md-button--primary", "data-testid": "bx-confirm", text: t("confirm") });
      var no = el("button", { type: "button", class: "md-button", "data-testid": "bx-cancel", text: t("cancel") });
      yes.addEventListener("click", function () {
        state.read = read; state.overrides = {};
        box.textContent = "";
        recompute(t("done"));
      });
      no.addEventListener("click", function () { box.textContent = ""; });
      box.appendChild(el("div", { class: "bx-buttons" }, [yes, no]));
    }
  }

  function readBytes(file) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(new Uint8Array(reader.result)); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsArrayBuffer(file);
    });
  }

  function tooBig(name) {
    return { encoding: "utf-8", members: [], invalid_rows: [],
      problems: [BX.members.problem(1, name, "", BX.both("file_too_big"), "too_big")] };
  }

  function onFiles(files) {
    var list = Array.prototype.slice.call(files);
    if (!list.length) { return; }
    if (list.some(function (f) { return f.size > MAX_BYTES; })) { showPreview(tooBig(list[0].name)); return; }
    var json = list.some(function (f) { return /\.json$/i.test(f.name); });
    Promise.all(list.map(readBytes)).then(function (all) {
      if (json) {
        showPreview(BX.profiles.read(list.map(function (f, i) { return { name: f.name, bytes: all[i] }; }), state.year));
      } else {
        showPreview(BX.members.read(all[0]));
      }
    });
  }

  function wire() {
    document.getElementById("bx-file").addEventListener("change", function (e) { onFiles(e.target.files); e.target.value = ""; });
    document.getElementById("bx-paste-read").addEventListener("click", function () {
      showPreview(BX.members.readText(document.getElementById("bx-paste").value, "utf-8"));
    });
    document.getElementById("bx-year").addEventListener("change", function (e) { state.year = Number(e.target.value); recompute(t("done")); });
    ["bx-unit-level", "bx-movement", "bx-unity", "bx-rounding", "bx-exception", "bx-unit-kind", "bx-unit-score",
      "bx-tasks-completed", "bx-tasks-late", "bx-tasks-exceeded", "bx-units-khtnv", "bx-remedied", "bx-violation"].forEach(function (id) {
      var node = document.getElementById(id);
      if (node) { node.addEventListener("change", function () { recompute(t("done")); }); }
    });
    document.getElementById("bx-results").addEventListener("change", function (e) {
      var input = e.target, row = input.getAttribute("data-row"), kind = input.getAttribute("data-kind");
      if (!row || !kind) { return; }
      var text = input.value.trim();
      var ok = text === "" || (/^[0-9]{1,6}$/.test(text) && (kind === "votes" || Number(text) >= 1));
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (!ok) { return; }
      state.overrides[row] = state.overrides[row] || {};
      state.overrides[row][kind] = text === "" ? null : Number(text);
      var focusId = input.id;
      recompute(t("done"));
      var again = document.getElementById(focusId);
      if (again) { again.focus(); }
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () { BX.docs.print(button.getAttribute("data-print")); });
    });
    document.getElementById("bx-export").addEventListener("click", function () { BX.docs.exportCsv(state.result); });
    document.getElementById("bx-autosave").addEventListener("change", function (e) { BX.store.setAutosave(e.target.checked, state); });
    document.getElementById("bx-erase").addEventListener("click", function () {
      document.getElementById("bx-erase-confirm").hidden = false;
      document.getElementById("bx-erase-yes").focus();
    });
    document.getElementById("bx-erase-no").addEventListener("click", function () {
      document.getElementById("bx-erase-confirm").hidden = true;
      document.getElementById("bx-erase").focus();
    });
    document.getElementById("bx-erase-yes").addEventListener("click", function () {
      BX.store.erase();
      state.read = null; state.overrides = {};
      document.getElementById("bx-autosave").checked = false;
      document.getElementById("bx-paste").value = "";
      document.getElementById("bx-preview").textContent = "";
      settingsToPage({});
      document.getElementById("bx-erase-confirm").hidden = true;
      recompute(t("erased"));
      document.getElementById("bx-erase").focus();
    });
  }

  function start() {
    var root = document.getElementById("bx"), app = document.getElementById("bx-app");
    if (!root || !app) { return; }
    root.classList.add("bx-js");
    app.hidden = false;
    if (!ready()) {
      app.appendChild(el("p", { class: "bx-warn", "data-testid": "bx-unavailable", text: t("unavailable") }));
      return;
    }
    build(app);
    wire();
    var saved = BX.store.load();
    if (saved) {
      document.getElementById("bx-autosave").checked = true;
      if (years().indexOf(saved.year) >= 0) { state.year = saved.year; document.getElementById("bx-year").value = String(saved.year); }
      settingsToPage(saved.settings || {});
      state.read = saved.read || null;
      state.overrides = saved.overrides || {};
    }
    recompute("");
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
