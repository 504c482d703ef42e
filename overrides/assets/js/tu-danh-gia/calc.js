/* thidua — self-evaluation page: numbers of the points-based years (NĐ 335/2025, NĐ 233/2026).
 * - fmt: a number as the page's language writes it (91,25 in Vietnamese, 91.25 in English);
 * - periods: the rows of monthly or quarterly scores and their mean (the year's score);
 * - tasks: the task-score calculator, read from window.THIDUA_CHAM_DIEM (data/cham-diem/*.yaml):
 *   components as percentages, the deductions and the combining formula are all data. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  /* The period rows the page renders (form.html.j2): the form's own limit, which the
   * contract does not set (its list of period scores has no length). */
  var ROWS = document.querySelectorAll("#tdg-form .tdg-period").length;

  function lang() {
    var root = document.getElementById("tdg");
    return root && root.getAttribute("data-lang") === "en" ? "en" : "vi";
  }

  /* Up to `places` decimals (default 2), trailing zeros dropped; "≈" when that rounds. */
  function fmt(value, places) {
    if (typeof value !== "number" || !isFinite(value)) { return ""; }
    var p = places === undefined ? 2 : places;
    var factor = Math.pow(10, p);
    var rounded = Math.round(value * factor) / factor;
    var text = rounded.toFixed(p).replace(/\.?0+$/, "");
    if (lang() === "vi") { text = text.replace(".", ","); }
    return (Math.abs(rounded - value) > 1e-9 ? "≈ " : "") + text;
  }

  /* A value to put back in an input (no "≈": the rounded number the user will see). */
  function plain(value) {
    return fmt(Math.round(value * 100) / 100);
  }

  function scheme(id) {
    var all = window.THIDUA_CHAM_DIEM;
    return all && typeof all === "object" && all[id] ? all[id] : null;
  }

  /* The scoring scheme of (year, role): the latest whose applies.from_year ≤ year. */
  function schemeFor(year, role) {
    var all = window.THIDUA_CHAM_DIEM || {};
    var best = null;
    Object.keys(all).forEach(function (id) {
      var a = all[id] && all[id].applies;
      if (a && a.role === role && typeof year === "number" && year >= a.from_year && (!best || a.from_year > best.applies.from_year)) { best = all[id]; }
    });
    return best;
  }

  /* A period control's kind ("01" … "12", "Q1" … "Q4": what follows the year) by the
   * contract's period pattern (THIDUA_DATA.contract.patterns.period, YYYY-MM or YYYY-Qn):
   * "month", "quarter" or "bad"; without the data "" (neither counted nor reported). */
  function periodKind(period) {
    var c = window.THIDUA_DATA && window.THIDUA_DATA.contract;
    var m = c && new RegExp("^(?:" + c.patterns.period + ")$").exec("2000-" + period);
    return !c ? "" : m && m[2] ? "month" : m && m[3] ? "quarter" : "bad";
  }

  /* The period codes of a kind ("month" or "quarter") in the contract's order, as it
   * publishes them (THIDUA_DATA.contract.periods); none without the data. */
  function periodCodes(kind) {
    var c = window.THIDUA_DATA && window.THIDUA_DATA.contract;
    return ((c && c.periods) || {})[kind] || [];
  }

  /* Period rows: [{i, period, score, kind}] where kind is "month", "quarter" or "bad". */
  function periodRows(fields) {
    var rows = [];
    for (var i = 0; i < ROWS; i++) {
      var period = String(fields["period_scores." + i + ".period"] || "");
      var text = String(fields["period_scores." + i + ".score"] || "").trim();
      if (!period && !text) { continue; }
      rows.push({ i: i, period: period, text: text, score: TDG.form.num(text), kind: period ? periodKind(period) : "" });
    }
    return rows;
  }

  /* The mean of the valid rows: {n, mean, kind} (mean null when no row counts). */
  function periodMean(fields) {
    var sum = 0;
    var n = 0;
    var kinds = {};
    periodRows(fields).forEach(function (row) {
      if ((row.kind === "month" || row.kind === "quarter") && typeof row.score === "number" && row.score >= 0 && row.score <= 100) {
        sum += row.score;
        n += 1;
        kinds[row.kind] = true;
      }
    });
    var mean = n ? Math.round((sum / n) * 1e9) / 1e9 : null;
    return { n: n, mean: mean, kind: kinds.month && kinds.quarter ? "mixed" : kinds.month ? "month" : "quarter" };
  }

  function count(fields, name) {
    var v = TDG.form.num(fields[name]);
    return typeof v === "number" && !isNaN(v) && v >= 0 ? v : null;
  }

  /* The calculator of scheme `id`: {parts: {component id: percent or null}, score: points or null}. */
  function tasks(fields, id, leader) {
    var data = scheme(id);
    var out = { parts: {}, score: null };
    if (!data || !data.formula || data.formula.combine !== "mean") { return out; }
    var p = "calc." + id + ".";
    var assigned = count(fields, p + "assigned");
    var completed = count(fields, p + "completed");
    var ok = assigned !== null && assigned > 0 && completed !== null && completed <= assigned;
    data.components.forEach(function (c) {
      var done = completed;
      if (ok && c.deduction) {
        var times = fields[p + c.deduction.per] === undefined || String(fields[p + c.deduction.per]).trim() === "" ? 0 : count(fields, p + c.deduction.per);
        done = times === null ? null : Math.max(0, completed - c.deduction.share * times);
      }
      out.parts[c.id] = ok && done !== null ? (done / assigned) * 100 : null;
    });
    (data.leader_components || []).forEach(function (c) {
      var value = null;
      if (c.input === "choice") {
        (c.choices || []).forEach(function (choice) { if (choice.id === fields[p + c.id]) { value = choice.percent; } });
      } else {
        var v = count(fields, p + c.id);
        value = v !== null && v <= 100 ? v : null;
      }
      out.parts[c.id] = value;
    });
    var list = leader ? data.formula.leader : data.formula.non_leader;
    var sum = 0;
    for (var i = 0; i < list.length; i++) {
      if (typeof out.parts[list[i]] !== "number") { return out; }
      sum += out.parts[list[i]];
    }
    out.score = Math.round((sum / list.length) * data.formula.factor * 1e9) / 1e9;
    return out;
  }

  TDG.calc = { ROWS: ROWS, fmt: fmt, plain: plain, scheme: scheme, schemeFor: schemeFor, periodCodes: periodCodes, periodRows: periodRows, periodMean: periodMean, tasks: tasks };
})();
