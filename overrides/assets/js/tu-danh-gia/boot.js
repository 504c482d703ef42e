/* thidua — self-evaluation page: wiring. Loads saved answers, then on every change:
 * visibility → save → validate → (if valid and complete) ThiduaEvaluator.evaluate → render.
 * Works without the evaluator or the data: the form, saving, export and print still do. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var root = document.getElementById("tdg");
  if (!root || !TDG.form || !TDG.state || !TDG.texts) { return; }
  var lang = root.getAttribute("data-lang") === "en" ? "en" : "vi";
  var T = (TDG.texts || {})[lang] || (TDG.texts || {}).vi;
  var rules;
  try { rules = JSON.parse(root.getAttribute("data-rules")); } catch (e) { rules = { years: [] }; }
  var form = document.getElementById("tdg-form");
  var ioMessage = document.getElementById("tdg-io-message");
  var last = { fields: null, ctx: null, result: null };

  function evaluator() {
    var ev = window.ThiduaEvaluator;
    return window.THIDUA_DATA && ev && typeof ev.evaluate === "function" ? ev : null;
  }

  function say(lines, isError) {
    var h = TDG.result.h;
    ioMessage.textContent = "";
    ioMessage.className = "tdg-io-message" + (isError ? " tdg-warning" : "");
    ioMessage.appendChild(h("p", null, lines[0]));
    if (lines.length > 1) {
      var ul = h("ul");
      lines.slice(1).forEach(function (line) { ul.appendChild(h("li", null, line)); });
      ioMessage.appendChild(ul);
    }
  }

  var PROGRAM_TEXT = /\b[a-z]+_[a-z0-9_]+\b|\b(found|allowed|unknown|null|undefined|NaN|None|True|False)\b|\w\.\w/;

  /* Problems from validateProfile: strings "field.path: found …; allowed: …" or objects
   * {path|field, message}; each is shown at its field (or the nearest one that applies). */
  function evaluatorErrors(problems) {
    return problems.map(function (p) {
      var object = p && typeof p === "object";
      var message = object ? String(p.message || p.path || "") : String(p);
      var path = object ? String(p.path || p.field || "") : (/^([\w.\[\]]+):\s/.exec(message) || ["", ""])[1];
      var name = path.replace(/\[(\d+)\]/g, ".$1");
      if (!document.getElementById(TDG.form.fid(name)) || !TDG.form.applies(name)) {
        var near = Array.prototype.filter.call(form.elements, function (c) {
          return c.name && c.name.indexOf(name + ".") === 0 && TDG.form.applies(c.name);
        })[0];
        name = near ? near.name : "evaluation_year";
      }
      // The evaluator's own wording may name fields or codes: then say it in plain words.
      if (PROGRAM_TEXT.test(message)) { message = TDG.fmt(T.evaluatorProblem, { label: TDG.form.labelOf(name) }); }
      return { name: name, message: message };
    });
  }

  /* force: evaluate even when no answer changed (an input event is followed by a change
   * event with the same answers: re-rendering then would swap elements under the pointer). */
  function update(force) {
    var started = window.performance ? performance.now() : 0;
    var fields = TDG.form.read();
    var signature = JSON.stringify(fields);
    if (force !== true && signature === last.signature) { return; }
    last.signature = signature;
    var ctx = TDG.form.context(fields, rules, lang);
    if (autoTotal(fields, ctx)) {
      fields = TDG.form.read();
      last.signature = JSON.stringify(fields);
    }
    TDG.form.applyVisibility(ctx, T);
    showNumbers(fields, ctx);
    TDG.state.save(fields);
    last.fields = fields;
    last.ctx = ctx;
    last.result = null;
    var errors = TDG.form.validate(fields, ctx, T);
    TDG.form.showErrors(errors, T);
    if (errors.length) {
      TDG.result.invalid(ctx, T);
    } else {
      var ev = evaluator();
      var missing = TDG.form.missing(fields, ctx);
      if (!ev) {
        TDG.result.unavailable(ctx, T);
      } else if (missing.length) {
        TDG.result.incomplete(missing, ctx, T);
      } else {
        var profile = TDG.form.toProfile(fields, ctx);
        try {
          var problems = typeof ev.validateProfile === "function" ? ev.validateProfile(profile) || [] : [];
          if (problems.length) {
            TDG.form.showErrors(evaluatorErrors(problems), T);
            TDG.result.invalid(ctx, T);
          } else {
            last.result = ev.evaluate(profile, lang);
            TDG.result.render(last.result, ctx, T);
          }
        } catch (error) {
          TDG.result.failed(ctx, T);
        }
      }
    }
    TDG.lastDuration = window.performance ? performance.now() - started : 0;
  }

  function focusField(id) {
    var control = document.getElementById(id);
    if (!control) { return; }
    var fieldset = control.closest("fieldset");
    var label = form.querySelector('label[for="' + id + '"]');
    var target = control.type === "radio" && fieldset ? fieldset.querySelector("legend") : label || control;
    control.focus({ preventScroll: true });
    target.scrollIntoView({ block: "center" });
  }

  function onLinkToField(event) {
    var link = event.target.closest("a[href^='#f-']");
    if (!link) { return; }
    event.preventDefault();
    focusField(link.getAttribute("href").slice(1));
  }

  function exportData() {
    var fields = TDG.form.read();
    var ctx = TDG.form.context(fields, rules, lang);
    var profile = TDG.form.toProfile(fields, ctx);
    var name = "tu-danh-gia-" + (ctx.year || "nam") + ".json";
    TDG.io.download(profile, name);
    var partial = TDG.form.validate(fields, ctx, T).length > 0;
    say([TDG.fmt(partial ? T.exportedPartial : T.exported, { file: name })], false);
  }

  /* Titles of years the form does not hold (more than PRIOR − 1 years back, or after
   * the evaluation year) are said, not dropped silently: no chain reaches that far. */
  function unusedYears(profile) {
    var year = profile.evaluation_year;
    var years = Object.keys(profile.prior_titles || {}).filter(function (y) {
      var offset = year - parseInt(y, 10);
      return !(offset >= 0 && offset < TDG.form.PRIOR);
    });
    return years.length ? [TDG.fmt(T.importUnusedYears, { years: years.sort().join(", ") })] : [];
  }

  function importData(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) { return; }
    var name = file.name.length > 80 ? file.name.slice(0, 77) + "…" : file.name;
    TDG.io.readFile(file, T, function (text, problem) {
      input.value = "";
      var parsed = problem ? { problems: [problem] } : TDG.io.parse(text, T);
      if (parsed.problems) {
        say([TDG.fmt(T.importFailed, { file: name })].concat(parsed.problems), true);
        return;
      }
      var current = TDG.form.read();
      var fields = TDG.form.fieldsFromProfile(parsed.profile);
      ["personal.name", "personal.position", "personal.unit"].forEach(function (k) { fields[k] = current[k]; });
      TDG.form.write(fields);
      update(true);
      say([TDG.fmt(T.imported, { file: name })].concat(unusedYears(parsed.profile)), false);
    });
  }

  function setConfirm(open) {
    document.getElementById("tdg-confirm").hidden = !open;
    var button = document.getElementById("tdg-clear");
    button.setAttribute("aria-expanded", open ? "true" : "false");
    (open ? document.getElementById("tdg-clear-no") : button).focus();
  }

  function clearData() {
    TDG.state.clear();
    TDG.form.write({});
    setConfirm(false);
    update(true);
    say([T.cleared], false);
  }

  /* Split: the total follows the two parts while the user has not typed another one. */
  var autoSum = null;
  function autoTotal(fields, ctx) {
    if (!ctx.split) { return false; }
    var g = TDG.form.num(fields.score_general);
    var t = TDG.form.num(fields.score_tasks);
    var total = document.getElementById(TDG.form.fid("score_total"));
    if (typeof g !== "number" || typeof t !== "number" || isNaN(g) || isNaN(t)) { return false; }
    var sum = TDG.calc.plain(Math.round((g + t) * 1e9) / 1e9);
    if ((total.value.trim() === "" || total.value === autoSum) && total.value !== sum) {
      total.value = sum;
      autoSum = sum;
      return true;
    }
    return false;
  }

  /* The live mean of the periods and the calculator's parts and score. */
  function showNumbers(fields, ctx) {
    var mean = TDG.calc.periodMean(fields);
    var out = document.getElementById("tdg-period-mean");
    var text = !ctx.periods ? "" : mean.mean === null ? T.periodMeanNone
      : TDG.fmt(mean.kind === "month" ? T.periodMeanMonths : mean.kind === "quarter" ? T.periodMeanQuarters : T.periodMeanPeriods, { n: mean.n, score: TDG.calc.fmt(mean.mean) });
    if (out.textContent !== text) { out.textContent = text; }
    if (!ctx.scheme || !ctx.split) { return; }
    var result = TDG.calc.tasks(fields, ctx.scheme, ctx.leader);
    Object.keys(result.parts).forEach(function (id) {
      var node = document.getElementById("calc-" + ctx.scheme + "-" + id);
      var value = result.parts[id];
      if (node) { node.textContent = typeof value === "number" ? TDG.calc.fmt(value) + " %" : ""; }
    });
    var score = document.getElementById("calc-" + ctx.scheme + "-out");
    if (score) { score.textContent = result.score === null ? T.calcNone : TDG.fmt(T.calcScore, { score: TDG.calc.fmt(result.score) }); }
  }

  function fillTasks(event) {
    var button = event.target.closest(".tdg-calc-fill");
    if (!button || !last.ctx) { return; }
    var result = TDG.calc.tasks(TDG.form.read(), button.getAttribute("data-scheme"), last.ctx.leader);
    if (result.score === null) { return; }
    var input = document.getElementById(TDG.form.fid("score_tasks"));
    input.value = TDG.calc.plain(result.score);
    update(true);
    input.focus();
  }

  /* Prefill the period column of empty rows with the contract's months or quarters. */
  function fillPeriods(quarters) {
    var fields = TDG.form.read();
    var used = {};
    TDG.calc.periodRows(fields).forEach(function (row) { used[row.period] = true; });
    var free = TDG.calc.periodCodes(quarters ? "quarter" : "month").filter(function (code) { return !used[code]; });
    for (var r = 0; r < TDG.calc.ROWS && free.length; r++) {
      var select = document.getElementById("f-period_scores-" + r + "-period");
      if (!select.value && !fields["period_scores." + r + ".score"]) { select.value = free.shift(); }
    }
    update(true);
  }

  function printForm() {
    if (!last.fields) { update(true); }
    TDG.print.build(last.fields, last.ctx, last.result, T);
    window.print();
  }

  root.classList.add("tdg--js");
  var saved = TDG.state.load();
  if (saved) { TDG.form.write(saved.fields); }
  if (!TDG.state.available()) { say([T.storageOff], true); }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  root.addEventListener("click", onLinkToField);
  document.getElementById("tdg-export").addEventListener("click", exportData);
  document.getElementById("tdg-import").addEventListener("change", importData);
  document.getElementById("tdg-clear").addEventListener("click", function () { setConfirm(true); });
  document.getElementById("tdg-clear-no").addEventListener("click", function () { setConfirm(false); });
  document.getElementById("tdg-clear-yes").addEventListener("click", clearData);
  root.addEventListener("click", fillTasks);
  document.getElementById("tdg-fill-months").addEventListener("click", function () { fillPeriods(false); });
  document.getElementById("tdg-fill-quarters").addEventListener("click", function () { fillPeriods(true); });
  document.getElementById("tdg-print-button").addEventListener("click", printForm);
  window.addEventListener("beforeprint", function () {
    if (last.fields) { TDG.print.build(last.fields, last.ctx, last.result, T); }
  });
  update(true);
  TDG.update = function () { update(true); };
  TDG.last = last;
})();
