/* thidua — self-evaluation page: the form. Reads and writes answers ("fields": control
 * name → value), hides questions that do not apply, validates (inline messages and the
 * GOV.UK-style error summary) and converts answers to and from the contract profile. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  /* The rows the page renders (form.html.j2) are the form's own limits, which the contract
   * does not set: counted here, so that the template is their one home. */
  function rendered(selector) { return document.querySelectorAll("#tdg-form " + selector).length; }
  var ROWS = {};
  ["leave", "discipline", "initiatives"].forEach(function (g) { ROWS[g] = rendered('.tdg-row[data-when="' + g + '"]'); });
  var PRIOR = rendered(".tdg-prior");
  // The form's own limits (not the contract's fields): percentages, the calculator.
  var PERCENT = { kind: "int", low: 0, high: 100 };
  var RESEARCH = { de_tai: 1, de_an: 1, cong_trinh: 1 };
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function el(id) { return document.getElementById(id); }
  function fid(name) { return "f-" + name.replace(/\./g, "-"); }
  function theForm() { return el("tdg-form"); }
  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }

  /* The contract published with the rules (THIDUA_DATA.contract): fields, kinds, limits,
   * codes, patterns, never copied here. Without the data the form checks only that numbers
   * are numbers and reads its lists off its controls (rendered from the same contract). */
  function contract() {
    var data = window.THIDUA_DATA;
    return (data && data.contract) || null;
  }

  /* The titles the armed forces are given in place of others in a year's rules (LDTT →
   * CSTT; reversed: CSTT → LDTT), published with the rules: the form offers one choice for
   * both. The evaluated year's table stands in for a year the rules do not model. */
  function armedTitles(year, evaluated, reversed) {
    var years = (window.THIDUA_DATA || {}).years || {};
    var entry = years[String(year)] || years[String(evaluated)];
    var table = (entry && entry.lookups && entry.lookups.armed_forces_titles) || {};
    var out = {};
    Object.keys(table).forEach(function (k) { if (reversed) { out[table[k]] = k; } else { out[k] = table[k]; } });
    return out;
  }

  /* The contract's kind of a control ("discipline.0.violation_year" → a year), or null. */
  function kindOf(name) {
    var c = contract();
    var kind = c && { fields: c.subjects.individual };
    name.split(".").forEach(function (part) {
      kind = kind && (/^\d+$/.test(part) ? kind.item : kind.fields && has(kind.fields, part) ? kind.fields[part].kind : null);
    });
    return kind || null;
  }

  /* The fields (of one kind, or all) of a group: general_criteria, tasks, a discipline row … */
  function keys(group, kind) {
    var k = kindOf(group);
    k = k && (k.item || k);
    if (k && k.fields) {
      return Object.keys(k.fields).filter(function (n) { return !kind || k.fields[n].kind.kind === kind; });
    }
    var found = [];
    each(theForm().elements, function (c) {
      var m = new RegExp("^" + group + "\\.(?:0\\.)?([^.]+)$").exec(c.name);
      if (m && found.indexOf(m[1]) < 0 && (!kind || (kind === "int") === (c.type === "text"))) { found.push(m[1]); }
    });
    return found;
  }

  /* A text matching the whole of a contract pattern (date, period). */
  function matches(pattern, text) {
    var c = contract();
    return c ? new RegExp("^(?:" + c.patterns[pattern] + ")$").exec(text) : null;
  }

  /* What is wrong with the number v for a kind: a words key, or "". A count with no upper
   * limit that must be at least 1 is left to the evaluator's problem. */
  function fault(v, k) {
    if (isNaN(v)) { return k.kind === "int" ? "notInteger" : "notNumber"; }
    if (k.kind === "int" && (v % 1 !== 0 || v < 0)) { return "notInteger"; }
    return typeof k.high === "number" && (v < k.low || v > k.high) ? "range" : "";
  }

  /* The number of a control if its kind accepts it, else null (not sent). */
  function ok(name, text, own) {
    var v = num(text);
    return v === null || fault(v, own || kindOf(name) || {}) ? null : v;
  }

  /* The levels a unit can have: the codes of the contract, else those the page's own list
   * offers (rendered from the same labels); never a copy of the list. */
  function levels() {
    var c = contract();
    if (c) { return c.codes.level_codes; }
    var select = el("f-unit_classification");
    return Array.prototype.filter.call(select ? select.options : [], function (o) {
      return o.value && !o.hasAttribute("data-unknown");
    }).map(function (o) { return o.value; });
  }

  function read() {
    var fields = {};
    each(theForm().elements, function (c) {
      if (!c.name) { return; }
      if (c.type === "radio") {
        if (c.checked) { fields[c.name] = c.value; } else if (!has(fields, c.name)) { fields[c.name] = ""; }
      } else if (c.type === "checkbox") {
        if (c.name.indexOf("prior_titles.") === 0) {
          fields[c.name] = fields[c.name] || [];
          if (c.checked) { fields[c.name].push(c.value); }
        } else {
          fields[c.name] = c.checked ? "true" : "";
        }
      } else {
        fields[c.name] = c.value;
      }
    });
    return fields;
  }

  /* Set every control from fields; controls not named keep (or return to) their default. */
  function write(fields) {
    each(theForm().elements, function (c) {
      if (!c.name) { return; }
      var known = has(fields, c.name);
      var v = fields[c.name];
      if (c.type === "radio") {
        c.checked = known ? String(v) === c.value : c.defaultChecked;
      } else if (c.type === "checkbox") {
        c.checked = Array.isArray(v) ? v.indexOf(c.value) >= 0 : known ? v === "true" : c.defaultChecked;
      } else if (c.tagName === "SELECT") {
        each(c.querySelectorAll("option[data-unknown]"), function (o) { o.parentNode.removeChild(o); });
        c.value = known && typeof v === "string" ? v : "";
        if (c.selectedIndex < 0 || c.value !== (known && typeof v === "string" ? v : "")) {
          // A value the list does not offer (an import, an old entry): kept and shown, so
          // that the inline message can name it and nothing entered is lost.
          var keep = document.createElement("option");
          keep.value = String(v);
          keep.textContent = "“" + String(v).slice(0, 40) + "”";
          keep.setAttribute("data-unknown", "");
          c.appendChild(keep);
          c.value = String(v);
        }
      } else {
        c.value = known && (typeof v === "string" || typeof v === "number") ? String(v) : c.defaultValue;
      }
    });
  }

  function num(text) {
    text = String(text === undefined || text === null ? "" : text).trim().replace(",", ".");
    if (text === "") { return null; }
    return /^-?\d+(\.\d+)?$/.test(text) ? parseFloat(text) : NaN;
  }

  function context(fields, rules, lang) {
    var text = String(fields.evaluation_year || "").trim();
    var year = /^\d{4}$/.test(text) ? parseInt(text, 10) : null;
    var yearOk = year !== null && rules.years.indexOf(year) >= 0;
    var role = fields.role || "";
    var listed = function (map) {
      var roles = yearOk && role && map ? map[String(year)] : null;
      return !!(roles && roles.indexOf(role) >= 0);
    };
    var needsLevel = listed(rules.needs_level);
    var titles = fields.mode === "titles" || needsLevel;
    var scheme = yearOk ? TDG.calc.schemeFor(year, role) : null;
    // NĐ 233 Điều 20 khoản 1: in the transition year a unit without its own rules rates
    // its viên chức under NĐ 90/2020 (criteria); the answer is the field unit_has_own_rules.
    var transition = !!(scheme && scheme.transition && scheme.transition.year === year);
    var ownRules = fields.unit_has_own_rules === "true" ? true : fields.unit_has_own_rules === "false" ? false : null;
    var points = !titles && listed(rules.points) && !(transition && ownRules === false);
    var input = points ? fields.score_input || "total" : "";
    var leader = fields.leader === "true";
    var ctx = {
      lang: lang, rules: rules, year: year, yearOk: yearOk, role: role, leader: leader,
      titles: titles, full: !titles, points: points, criteria: !titles && !points, needsLevel: needsLevel,
      count: fields.tasks_unit !== "percent", percent: fields.tasks_unit === "percent",
      leave: fields.has_leave === "true",
      discipline: fields.has_discipline === "true", initiatives: fields.has_initiatives === "true",
      armed: fields.armed_forces === "true",
      scheme: points && scheme ? scheme.id : null, transition: transition, ownRules: ownRules,
      unit_level: !!(points && leader && scheme && scheme.unit_level),
      score_total: input === "total" || input === "split", split: input === "split", periods: input === "periods"
    };
    if (ctx.scheme) { ctx["scheme-" + ctx.scheme] = true; }
    return ctx;
  }

  function applyVisibility(ctx, T) {
    var root = el("tdg");
    each(root.querySelectorAll("[data-when]"), function (node) {
      var show = node.getAttribute("data-when").split(" ").every(function (c) { return !!ctx[c]; });
      if (node.hidden === show) { node.hidden = !show; }
    });
    var step = 0;
    each(root.querySelectorAll(".tdg-step-no"), function (span) {
      if (!span.closest("[hidden]")) {
        step += 1;
        var text = T.step + " " + step + ".";
        if (span.textContent !== text) { span.textContent = text; }
      }
    });
    var modeField = el("fs-mode").parentNode;
    modeField.hidden = ctx.needsLevel;
    var note = el("tdg-needs-level");
    note.hidden = !ctx.needsLevel;
    if (ctx.needsLevel) {
      note.textContent = TDG.fmt(T.needsLevel, { year: ctx.year, role: TDG.form.codeLabel("role", ctx.role) });
    }
    if (ctx.yearOk) {
      each(root.querySelectorAll(".tdg-prior"), function (fs) {
        var text = String(ctx.year - parseInt(fs.getAttribute("data-offset"), 10));
        var span = fs.querySelector(".tdg-prior-year");
        if (span.textContent !== text) { span.textContent = text; }
      });
    }
    // Period rows: those filled, and one more to fill.
    var rows = TDG.calc.periodRows(read());
    var last = rows.length ? rows[rows.length - 1].i : -1;
    each(root.querySelectorAll(".tdg-period"), function (row) {
      var hide = parseInt(row.getAttribute("data-index"), 10) > last + 1;
      if (row.hidden !== hide) { row.hidden = hide; }
    });
  }

  function applies(name) {
    var c = el(fid(name));
    return !!c && !c.closest("[hidden]");
  }

  function labelOf(name) {
    var c = el(fid(name));
    if (!c) { return name; }
    var text;
    if (c.type === "radio") {
      text = c.closest("fieldset").querySelector("legend").textContent;
    } else {
      var label = theForm().querySelector('label[for="' + c.id + '"]');
      text = label ? label.firstChild.textContent : name;
    }
    var row = c.closest(".tdg-row");
    if (row && c.type !== "radio") {
      text = row.querySelector("legend").textContent.trim() + " — " + text.trim();
    }
    return text.trim();
  }

  /* Label of a code in the page's language: from the published data (labels.titles …)
   * when present, else from the form's own options and choices. */
  var CHOICES = { role: "role", value: "general_criteria.chinh_tri_tu_tuong", title: "prior_titles.0" };
  var DATA_LABELS = { role: "roles", level: "levels", title: "titles" };
  function codeLabel(kind, code) {
    var data = window.THIDUA_DATA;
    var labels = data && data.labels && data.labels[DATA_LABELS[kind]];
    var own = labels && Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : null;
    var lang = el("tdg").getAttribute("data-lang");
    if (own && typeof own[lang] === "string") { return own[lang]; }
    if (CHOICES[kind]) {
      var input = theForm().querySelector('input[name="' + CHOICES[kind] + '"][value="' + String(code).replace(/[^\w]/g, "") + '"]');
      return input ? theForm().querySelector('label[for="' + input.id + '"]').textContent : String(code);
    }
    var options = el("f-classification_input").options;
    for (var i = 0; i < options.length; i++) {
      if (options[i].value === code) { return options[i].textContent; }
    }
    return String(code);
  }

  /* Period rows: a score within the contract's limits, a period named, each period once,
   * months or quarters only. */
  function validatePeriods(fields, ctx, T, add, number) {
    var seen = {};
    var rows = TDG.calc.periodRows(fields);
    var months = rows.filter(function (r) { return r.kind === "month"; }).length;
    var quarters = rows.filter(function (r) { return r.kind === "quarter"; }).length;
    var minority = months && quarters ? (months >= quarters ? "quarter" : "month") : "";
    rows.forEach(function (row) {
      var p = "period_scores." + row.i + ".";
      number(p + "score");
      var label = labelOf(p + "period");
      if (!row.period) {
        add(p + "period", TDG.fmt(T.periodMissing, { label: label }));
      } else if (row.kind === "bad") {
        add(p + "period", TDG.fmt(T.periodBad, { label: label, found: row.period, year: ctx.yearOk ? ctx.year : "…" }));
      } else if (seen[row.period] !== undefined) {
        add(p + "period", TDG.fmt(T.periodTwice, { label: label, period: periodName(row.period, T), row: seen[row.period] + 1 }));
      } else if (row.kind === minority) {
        add(p + "period", TDG.fmt(minority === "quarter" ? T.periodMixedQuarter : T.periodMixedMonth, { label: label }));
      }
      if (row.period && seen[row.period] === undefined) { seen[row.period] = row.i; }
    });
  }

  /* "Tháng 3", "Quý 2": a period's number is its place in the contract's list of its kind. */
  function periodName(code, T) {
    var q = TDG.calc.periodCodes("quarter").indexOf(code);
    return q < 0 ? T.month + " " + (TDG.calc.periodCodes("month").indexOf(code) + 1) : T.quarter + " " + (q + 1);
  }

  function validate(fields, ctx, T) {
    var errors = [];
    var seen = {};
    function add(name, message) {
      if (!seen[name]) { seen[name] = true; errors.push({ name: name, message: message }); }
    }
    function number(name, own) {
      if (!applies(name)) { return null; }
      var v = num(fields[name]);
      if (v === null) { return null; }
      var k = own || kindOf(name) || {};
      var bad = fault(v, k);
      if (bad) { add(name, TDG.fmt(T[bad], { label: labelOf(name), min: k.low, max: k.high })); return undefined; }
      return v;
    }
    function notMore(names) {
      var a = number(names[0]);
      var b = number(names[1]);
      if (typeof a === "number" && typeof b === "number" && a > b) {
        add(names[0], TDG.fmt(T.moreThan, { label: labelOf(names[0]), other: labelOf(names[1]) }));
      }
    }
    function notMoreNum(names) {
      var a = num(fields[names[0]]);
      var b = num(fields[names[1]]);
      if (applies(names[0]) && typeof a === "number" && typeof b === "number" && !isNaN(a) && !isNaN(b) && a > b) {
        add(names[0], TDG.fmt(T.moreThan, { label: labelOf(names[0]), other: labelOf(names[1]) }));
      }
    }
    function date(name) {
      if (!applies(name) || !fields[name]) { return null; }
      if (!okDate(fields[name])) {
        add(name, TDG.fmt(T.notDate, { label: labelOf(name) }));
        return undefined;
      }
      return fields[name];
    }
    var yearText = String(fields.evaluation_year || "").trim();
    if (yearText && !ctx.yearOk) {
      add("evaluation_year", TDG.fmt(T.yearUnknown, { years: ctx.rules.years.join(", ") }));
    }
    ["personal.name", "personal.position", "personal.unit"].forEach(function (name) {
      if (String(fields[name] || "").length > 200) { add(name, TDG.fmt(T.tooLong, { label: labelOf(name) })); }
    });
    number("months_worked");
    var recruited = date("recruited_on");
    if (recruited && ctx.yearOk && parseInt(recruited.slice(0, 4), 10) !== ctx.year) {
      add("recruited_on", TDG.fmt(T.recruitedYear, { year: ctx.year }));
    }
    var total = 0;
    for (var i = 0; i < ROWS.leave; i++) {
      var m = number("leave." + i + ".months");
      var from = date("leave." + i + ".from");
      var to = date("leave." + i + ".to");
      if (from && to && to < from) { add("leave." + i + ".to", TDG.fmt(T.dateOrder, { label: labelOf("leave." + i + ".to") })); }
      if (typeof m === "number") {
        total += m;
        if (applies("leave." + i + ".kind") && !fields["leave." + i + ".kind"]) {
          add("leave." + i + ".kind", TDG.fmt(T.rowIncomplete, { label: labelOf("leave." + i + ".kind") }));
        }
      }
    }
    if (total > 12) { add("leave.0.months", TDG.fmt(T.leaveTotal, { total: total })); }
    for (i = 0; i < ROWS.discipline; i++) {
      var p = "discipline." + i + ".";
      number(p + "violation_year");
      number(p + "already_used_for_rating_year");
      date(p + "decided_on");
      var filled = fields[p + "system"] || fields[p + "decided_on"] || fields[p + "violation_year"];
      if (applies(p + "form") && filled && !fields[p + "form"]) {
        add(p + "form", TDG.fmt(T.rowIncomplete, { label: labelOf(p + "form") }));
      }
    }
    var own = ctx.percent ? PERCENT : null;
    ["tasks", "unit", "sub_units"].forEach(function (group) {
      keys(group, "int").forEach(function (k) { number(group + "." + k, group === "sub_units" ? null : own); });
    });
    // The contract's consistency checks (a count the percentages hide is not compared).
    (contract() ? contract().consistency.individual : []).forEach(function (check) {
      if (check[0] === "at_most") { notMore(check.slice(1)); }
    });
    var scoreTotal = number("score_total");
    var general = number("score_general");
    var tasksScore = number("score_tasks");
    if (typeof scoreTotal === "number" && typeof general === "number" && typeof tasksScore === "number" &&
        Math.abs(scoreTotal - (general + tasksScore)) > 0.01 + 1e-9) {
      add("score_total", TDG.fmt(T.splitSum, { label: labelOf("score_total"), total: TDG.calc.fmt(scoreTotal),
        general: TDG.calc.fmt(general), tasks: TDG.calc.fmt(tasksScore), sum: TDG.calc.fmt(general + tasksScore) }));
    }
    if (ctx.periods) { validatePeriods(fields, ctx, T, add, number); }
    if (applies("unit_classification") && fields.unit_classification && levels().indexOf(fields.unit_classification) < 0) {
      add("unit_classification", TDG.fmt(T.notLevel, { label: labelOf("unit_classification"), found: fields.unit_classification,
        levels: levels().map(function (c) { return codeLabel("level", c); }).join(", ") }));
    }
    if (ctx.scheme && ctx.split) {
      var c = "calc." + ctx.scheme + ".";
      number(c + "assigned", { kind: "number", low: 0, high: 1e6 });
      number(c + "completed", { kind: "number", low: 0, high: 1e6 });
      notMoreNum([c + "completed", c + "assigned"]);
      ["failed_review", "delay"].forEach(function (k) { number(c + k, { kind: "int", low: 0, high: 1e4 }); });
      (TDG.calc.scheme(ctx.scheme).leader_components || []).forEach(function (part) {
        if (part.input === "percent") { number(c + part.id, { kind: "number", low: 0, high: 100 }); }
      });
    }
    for (i = 0; i < ROWS.initiatives; i++) {
      var q = "initiatives." + i + ".";
      number(q + "year");
      if (applies(q + "kind") && !fields[q + "kind"] && (fields[q + "year"] || fields[q + "recognised_at"])) {
        add(q + "kind", TDG.fmt(T.rowIncomplete, { label: labelOf(q + "kind") }));
      }
    }
    return errors;
  }

  /* Required answers still empty (not errors: the result says what to answer next). */
  function missing(fields, ctx) {
    var names = ["evaluation_year", "role"];
    if (ctx.titles) {
      names.push("classification_input");
    } else if (ctx.points) {
      if (ctx.split) {
        names.push("score_general", "score_tasks");
      } else if (ctx.periods) {
        if (!TDG.calc.periodMean(fields).n) { names.push("period_scores.0.score"); }
      } else {
        names.push("score_total");
      }
    } else {
      var ask = function (group, kind) { keys(group, kind).forEach(function (k) { names.push(group + "." + k); }); };
      ask("general_criteria");
      if (ctx.leader) {
        names.push("leadership_criterion_5a");
        ask("unit", "int");
        ask("sub_units", "int");
      } else {
        ask("tasks", "int");
      }
    }
    return names.filter(function (name) {
      return applies(name) && String(fields[name] || "").trim() === "";
    }).map(function (name) { return { name: name, label: labelOf(name) }; });
  }

  var shown = "";
  function showErrors(errors, T) {
    var signature = JSON.stringify(errors);
    if (signature === shown) { return; }
    shown = signature;
    var root = el("tdg");
    each(root.querySelectorAll(".tdg-field--error"), function (node) { node.classList.remove("tdg-field--error"); });
    each(root.querySelectorAll(".tdg-error:not([hidden])"), function (node) { node.hidden = true; node.textContent = ""; });
    each(root.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
      var ids = (node.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id.indexOf("e-") !== 0; });
      if (ids.length) { node.setAttribute("aria-describedby", ids.join(" ")); } else { node.removeAttribute("aria-describedby"); }
    });
    var summary = el("tdg-error-summary");
    var list = el("tdg-error-list");
    list.textContent = "";
    errors.forEach(function (error) {
      var id = error.name.replace(/\./g, "-");
      var message = el("e-" + id);
      var control = el(fid(error.name));
      if (message) {
        message.textContent = error.message;
        message.hidden = false;
        message.closest(".tdg-field").classList.add("tdg-field--error");
      }
      if (control) {
        var target = control.type === "radio" ? control.closest("fieldset") : control;
        target.setAttribute("aria-invalid", "true");
        target.setAttribute("aria-describedby", ((target.getAttribute("aria-describedby") || "") + " e-" + id).trim());
      }
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = "#" + fid(error.name);
      link.textContent = error.message;
      item.appendChild(link);
      list.appendChild(item);
    });
    el("tdg-error-summary-title").textContent = T.errorsTitle;
    summary.hidden = errors.length === 0;
  }

  function put(obj, key, value) { if (value !== null && value !== undefined && !(typeof value === "number" && isNaN(value))) { obj[key] = value; } }
  function okDate(text) { return text && (matches("date", text) || !contract()) && !isNaN(Date.parse(text)) ? text : null; }

  /* The contract profile (evaluation-contract.md) from the answers that apply and are valid. */
  function toProfile(fields, ctx) {
    var p = { evaluation_year: ctx.year, subject: "individual" };
    if (fields.flags) {
      try { var flags = JSON.parse(fields.flags); if (flags && typeof flags === "object" && !Array.isArray(flags)) { p.flags = flags; } } catch (e) { /* ignored */ }
    }
    if (ctx.role) { p.role = ctx.role; }
    if (ctx.transition && ctx.ownRules !== null) { p.unit_has_own_rules = ctx.ownRules; }
    p.leader = ctx.leader;
    p.armed_forces = ctx.armed;
    put(p, "months_worked", ok("months_worked", fields.months_worked));
    if (ctx.yearOk && okDate(fields.recruited_on) && fields.recruited_on.slice(0, 4) === String(ctx.year)) { p.recruited_on = fields.recruited_on; }
    p.leave = [];
    p.discipline = [];
    for (var i = 0; ctx.leave && i < ROWS.leave; i++) {
      var kind = fields["leave." + i + ".kind"];
      var months = ok("leave.0.months", fields["leave." + i + ".months"]);
      if (kind && months !== null) {
        var leave = { kind: kind, months: months };
        put(leave, "certified_by", fields["leave." + i + ".certified_by"] || null);
        put(leave, "from", okDate(fields["leave." + i + ".from"]));
        put(leave, "to", okDate(fields["leave." + i + ".to"]));
        p.leave.push(leave);
      }
    }
    for (i = 0; ctx.discipline && i < ROWS.discipline; i++) {
      var d = "discipline." + i + ".";
      if (fields[d + "form"]) {
        var item = { system: fields[d + "system"] || "hanh_chinh", form: fields[d + "form"] };
        put(item, "decided_on", okDate(fields[d + "decided_on"]));
        put(item, "violation_year", ok(d + "violation_year", fields[d + "violation_year"]));
        put(item, "already_used_for_rating_year", ok(d + "already_used_for_rating_year", fields[d + "already_used_for_rating_year"]));
        p.discipline.push(item);
      }
    }
    if (ctx.titles) {
      put(p, "classification_input", fields.classification_input || null);
    } else {
      p.degradation_concluded = fields.degradation_concluded === "true";
      if (ctx.leader) { p.unit_corruption_or_waste = fields.unit_corruption_or_waste === "true"; }
      if (ctx.points) {
        if (ctx.periods) {
          p.period_scores = [];
          TDG.calc.periodRows(fields).forEach(function (row) {
            var score = ok("period_scores.0.score", row.text);
            if (row.kind !== "bad" && row.kind && score !== null) {
              p.period_scores.push({ period: ctx.year + "-" + row.period, score: score });
            }
          });
        } else {
          put(p, "score_total", ok("score_total", fields.score_total));
        }
        if (ctx.split) {
          put(p, "score_general", ok("score_general", fields.score_general));
          put(p, "score_tasks", ok("score_tasks", fields.score_tasks));
        }
        if (ctx.unit_level && levels().indexOf(fields.unit_classification) >= 0) { p.unit_classification = fields.unit_classification; }
      } else {
        var gc = {};
        keys("general_criteria").forEach(function (k) { put(gc, k, fields["general_criteria." + k] || null); });
        p.general_criteria = gc;
        if (ctx.leader) { put(p, "leadership_criterion_5a", fields.leadership_criterion_5a || null); }
        var group = function (name, first) {
          var out = {};
          keys(name, "int").forEach(function (k) {
            put(out, k, ok(name + "." + k, fields[name + "." + k], ctx.percent && first ? PERCENT : null));
          });
          if (ctx.percent && first) { out[first] = 100; }
          return out;
        };
        var tasks = group("tasks", "assigned");
        put(tasks, "efficiency", fields["tasks.efficiency"] || null);
        if (Object.keys(tasks).length > (ctx.percent ? 1 : 0)) { p.tasks = tasks; }
        if (ctx.leader) {
          p.unit = group("unit", "targets_total");
          p.sub_units = group("sub_units", null);
        }
      }
    }
    p.emulation_spirit = fields.emulation_spirit !== "false";
    p.initiatives = [];
    for (i = 0; ctx.initiatives && i < ROWS.initiatives; i++) {
      var q = "initiatives." + i + ".";
      if (fields[q + "kind"]) {
        var ini = { kind: fields[q + "kind"] };
        put(ini, "year", ok(q + "year", fields[q + "year"]));
        put(ini, "recognised_at", fields[q + "recognised_at"] || null);
        put(ini, "effect", fields[q + "effect"] || null);
        put(ini, "recognised_by", fields[q + "recognised_by"] || null);
        if (RESEARCH[ini.kind]) { ini.accepted = fields[q + "accepted"] === "true"; }
        ini.applied = fields[q + "applied"] === "true";
        p.initiatives.push(ini);
      }
    }
    p.prior_titles = {};
    for (i = 0; ctx.yearOk && i < PRIOR; i++) {
      var codes = fields["prior_titles." + i] || [];
      if (codes.length) {
        var armed = ctx.armed ? armedTitles(ctx.year - i, ctx.year, false) : {};
        p.prior_titles[String(ctx.year - i)] = codes.map(function (c) { return armed[c] || c; });
      }
    }
    return p;
  }

  function str(v) { return v === undefined || v === null ? "" : String(v); }
  /* A number in the page's format (91,25 on the Vietnamese page). */
  function number(v) { return typeof v === "number" ? TDG.calc.fmt(v, 6).replace("≈ ", "") : str(v); }
  /* An answer from a profile's value: a number in the page's format, a ticked box for true. */
  function answer(v) { return typeof v === "boolean" ? (v ? "true" : "") : number(v); }

  /* The answers from a contract profile (import, and stored v0 entries). */
  function fieldsFromProfile(p) {
    var f = {};
    var year = typeof p.evaluation_year === "number" ? p.evaluation_year : parseInt(p.evaluation_year, 10);
    if (!isNaN(year)) { f.evaluation_year = String(year); }
    if (p.flags && typeof p.flags === "object") { f.flags = JSON.stringify(p.flags); }
    f.mode = p.classification_input ? "titles" : "full";
    f.classification_input = str(p.classification_input);
    f.role = str(p.role);
    f.leader = p.leader === true ? "true" : "false";
    f.armed_forces = p.armed_forces === true ? "true" : "";
    f.months_worked = p.months_worked === undefined ? "12" : number(p.months_worked);
    f.recruited_on = str(p.recruited_on);
    // Rows (leave, discipline, initiatives) and groups: every field the contract gives them.
    Object.keys(ROWS).forEach(function (group) {
      var rows = Array.isArray(p[group]) ? p[group] : [];
      f["has_" + group] = rows.length ? "true" : "false";
      rows.slice(0, ROWS[group]).forEach(function (row, i) {
        keys(group).forEach(function (k) { f[group + "." + i + "." + k] = answer(row[k]); });
      });
    });
    f.degradation_concluded = p.degradation_concluded === true ? "true" : "";
    f.unit_corruption_or_waste = p.unit_corruption_or_waste === true ? "true" : "";
    ["general_criteria", "tasks", "unit", "sub_units"].forEach(function (group) {
      var values = p[group] || {};
      keys(group).forEach(function (k) { f[group + "." + k] = answer(values[k]); });
    });
    f.leadership_criterion_5a = str(p.leadership_criterion_5a);
    f.tasks_unit = "count";
    f.score_total = number(p.score_total);
    f.score_general = number(p.score_general);
    f.score_tasks = number(p.score_tasks);
    var periods = Array.isArray(p.period_scores) ? p.period_scores : [];
    f.score_input = periods.length ? "periods" : p.score_general !== undefined || p.score_tasks !== undefined ? "split" : "total";
    periods.slice(0, TDG.calc.ROWS).forEach(function (row, i) {
      var text = str(row && row.period);
      var m = matches("period", text);
      // The evaluated year's period: its code, what follows "YYYY-" (as the lists offer it).
      f["period_scores." + i + ".period"] = m && parseInt(m[1], 10) === year ? text.slice(m[1].length + 1) : text;
      f["period_scores." + i + ".score"] = number(row && row.score);
    });
    f.unit_has_own_rules = p.unit_has_own_rules === true ? "true" : p.unit_has_own_rules === false ? "false" : "unknown";
    f.unit_classification = str(p.unit_classification);
    f.emulation_spirit = p.emulation_spirit === false ? "false" : "true";
    var prior = p.prior_titles && typeof p.prior_titles === "object" ? p.prior_titles : {};
    for (var k = 0; k < PRIOR; k++) { f["prior_titles." + k] = []; }
    Object.keys(prior).forEach(function (y) {
      var offset = year - parseInt(y, 10);
      if (offset >= 0 && offset < PRIOR && Array.isArray(prior[y])) {
        var back = armedTitles(parseInt(y, 10), year, true);
        f["prior_titles." + offset] = prior[y].map(function (c) { return back[c] || String(c); });
      }
    });
    return f;
  }

  /* Fill "{name}" placeholders; values are plain text (written with textContent). */
  TDG.fmt = function (template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, key) {
      return values && values[key] !== undefined && values[key] !== null ? String(values[key]) : all;
    });
  };

  TDG.form = {
    ROWS: ROWS, PRIOR: PRIOR, fid: fid, kindOf: kindOf, keys: keys, read: read, write: write, num: num, context: context,
    applyVisibility: applyVisibility, applies: applies, labelOf: labelOf, codeLabel: codeLabel,
    validate: validate, missing: missing, showErrors: showErrors, toProfile: toProfile,
    fieldsFromProfile: fieldsFromProfile, periodName: periodName
  };
  // print.js reads TDG.form.LEVELS: the same codes, read when asked (the data may load later).
  Object.defineProperty(TDG.form, "LEVELS", { get: levels, enumerable: true });
})();
