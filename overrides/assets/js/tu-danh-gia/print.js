/* thidua — self-evaluation page: "In phiếu". Builds a printable form for the role, based
 * on NĐ 90/2020's Mẫu số 01 (cán bộ), 02 (công chức), 03 (viên chức) — labelled as not
 * checked against the official layout — or on NĐ 335/2025 for points-based years, filled
 * with the answers, plus an annex with the explanation and citations (A4, print CSS).
 * The institution comes from <meta name="thidua-co-quan"> and "thidua-co-quan-cap-tren"
 * (the portal's settings) when the page carries them; else lines to fill in by hand.
 * Numbers are written as the page's language writes them (91,25). */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var FORM_NO = { can_bo: "01", cong_chuc: "02", vien_chuc: "03" };
  var GC = ["chinh_tri_tu_tuong", "dao_duc_loi_song", "tac_phong_le_loi", "y_thuc_to_chuc_ky_luat"];

  function meta(name) {
    var node = document.querySelector('meta[name="' + name + '"]');
    var text = node ? String(node.getAttribute("content") || "").trim() : "";
    return text.length > 200 ? text.slice(0, 200) : text;
  }

  /* A number typed by the user, in the page's format; the text as typed when not a number. */
  function shownNumber(text) {
    var v = TDG.form.num(text);
    return typeof v === "number" && !isNaN(v) ? TDG.calc.fmt(v).replace("≈ ", "") : text || "……";
  }

  function scoreLines(fields, ctx, T, h) {
    var items = [];
    if (ctx.split) {
      items.push(h("li", null, TDG.fmt(T.printSplit, { general: shownNumber(fields.score_general), tasks: shownNumber(fields.score_tasks), total: shownNumber(fields.score_total) })));
    } else if (ctx.periods) {
      var li = h("li", null, T.printPeriods + ":");
      var table = h("ul", "tdg-print-periods");
      TDG.calc.periodRows(fields).forEach(function (row) {
        var name = row.kind === "month" || row.kind === "quarter" ? TDG.form.periodName(row.period, T) : row.period || "……";
        table.appendChild(h("li", null, name + ": " + shownNumber(row.text)));
      });
      li.appendChild(table);
      items.push(li);
      var mean = TDG.calc.periodMean(fields);
      items.push(h("li", null, TDG.fmt(T.printMean, { n: mean.n, score: mean.mean === null ? "……" : TDG.calc.fmt(mean.mean) })));
    } else {
      items.push(h("li", null, TDG.fmt(T.printScore, { score: shownNumber(fields.score_total) })));
    }
    if (ctx.unit_level) {
      var level = TDG.form.LEVELS.indexOf(fields.unit_classification) >= 0 ? TDG.form.codeLabel("level", fields.unit_classification) : "……";
      items.push(h("li", null, TDG.fmt(T.printUnitLevel, { level: level })));
    }
    return items;
  }

  function build(fields, ctx, res, T) {
    var h = TDG.result.h;
    var sheet = document.getElementById("tdg-print");
    sheet.textContent = "";
    var head = h("div", "tdg-print-head");
    var bodies = h("div", "tdg-print-unit");
    bodies.appendChild(h("p", null, meta("thidua-co-quan-cap-tren") || "…………………………"));
    bodies.appendChild(h("p", "tdg-print-unit-name", meta("thidua-co-quan") || fields["personal.unit"] || "…………………………"));
    head.appendChild(bodies);
    var nation = h("p", "tdg-print-nation");
    nation.appendChild(h("strong", null, T.printNation));
    nation.appendChild(h("br"));
    nation.appendChild(h("strong", null, T.printMotto));
    head.appendChild(nation);
    sheet.appendChild(head);
    sheet.appendChild(h("h2", "tdg-print-title", TDG.fmt(T.printTitle, { WHO: T.printWho[ctx.role] || T.printWho.cong_chuc })));
    sheet.appendChild(h("p", "tdg-print-center", TDG.fmt(T.printYear, { year: ctx.yearOk ? ctx.year : "……" })));
    var scheme = ctx.scheme ? TDG.calc.scheme(ctx.scheme) : null;
    var based = ctx.points ? TDG.fmt(T.printBasedPoints, { doc: scheme ? scheme.document : "Nghị định 335/2025/NĐ-CP" }) : FORM_NO[ctx.role] ? TDG.fmt(T.printBasedOn, { n: FORM_NO[ctx.role] }) : T.printNoForm;
    sheet.appendChild(h("p", "tdg-print-center tdg-print-based", based));

    var dl = h("dl", "tdg-print-personal");
    [[T.printName, "personal.name"], [T.printPosition, "personal.position"], [T.printUnit, "personal.unit"]].forEach(function (row) {
      dl.appendChild(h("dt", null, row[0] + ":"));
      dl.appendChild(h("dd", null, fields[row[1]] || "……………………………………………………"));
    });
    sheet.appendChild(dl);

    sheet.appendChild(h("h3", null, T.printSelf));
    var ol = h("ol", "tdg-print-criteria");
    var answer = function (value) { return value ? TDG.form.codeLabel("value", value) : "……………"; };
    if (ctx.points) {
      scoreLines(fields, ctx, T, h).forEach(function (li) { ol.appendChild(li); });
    } else {
      GC.forEach(function (key, i) {
        var label = document.getElementById("fs-general_criteria-" + key).querySelector("legend").textContent.replace(/^\d+\.\s*/, "");
        var li = h("li", null, label + ": ");
        li.appendChild(h("strong", null, ctx.titles ? "……………" : answer(fields["general_criteria." + key])));
        ol.appendChild(li);
      });
      var tasks = h("li", null, T.printTasks + ":");
      var lines = h("ul");
      var v = function (name) { return fields[name] || "…"; };
      if (ctx.leader && !ctx.titles) {
        // The form's own name of criterion 5a (its legend up to the colon), not "5a" alone.
        var lead = document.getElementById("fs-leadership_criterion_5a").querySelector("legend").textContent.split(":")[0].trim();
        lines.appendChild(h("li", null, lead + ": " + answer(fields.leadership_criterion_5a)));
        lines.appendChild(h("li", null, TDG.fmt(T.printUnitLine, { total: ctx.percent ? 100 : v("unit.targets_total"), completed: v("unit.targets_completed"), on_time: v("unit.targets_on_time_quality"), exceeded: v("unit.targets_exceeded") })));
        lines.appendChild(h("li", null, TDG.fmt(T.printSubLine, { total: v("sub_units.total"), htnv: v("sub_units.htnv_or_above"), htt: v("sub_units.htt_or_above") })));
      }
      lines.appendChild(h("li", null, TDG.fmt(ctx.percent ? T.printTasksPct : T.printTasksLine, { assigned: v("tasks.assigned"), completed: v("tasks.completed"), on_time: v("tasks.on_time_with_quality"), exceeded: v("tasks.exceeded") })));
      tasks.appendChild(lines);
      ol.appendChild(tasks);
    }
    sheet.appendChild(ol);
    if (ctx.transition) {
      var answer = ctx.ownRules === true ? T.yes : ctx.ownRules === false ? T.no : T.printUnknown;
      sheet.appendChild(h("p", null, TDG.fmt(T.printOwnRules, { answer: answer })));
    }
    if (TDG.layerPrint) { TDG.layerPrint(fields, ctx, T, h).forEach(function (p) { sheet.appendChild(p); }); }
    sheet.appendChild(h("p", null, TDG.fmt(T.printTime, { months: shownNumber(fields.months_worked) })));
    sheet.appendChild(h("p", null, T.printStrengths));
    for (var i = 0; i < 4; i++) { sheet.appendChild(h("p", "tdg-print-line", "")); }

    // Sections II and III each stay on one page with their signature (print CSS).
    var own = h("div", "tdg-print-keep");
    own.appendChild(h("h3", null, T.printLevel));
    var level = res && res.classification ? TDG.form.codeLabel("level", res.classification)
      : ctx.titles && fields.classification_input ? TDG.form.codeLabel("level", fields.classification_input) : T.printLevelNone;
    own.appendChild(h("p", "tdg-print-level", level));
    if (res && res.eligible_titles && res.eligible_titles.length) {
      own.appendChild(h("p", null, TDG.fmt(T.printTitles, { titles: res.eligible_titles.map(function (c) { return TDG.form.codeLabel("title", c); }).join(", ") })));
    }
    own.appendChild(signature(h, T.printSigner, T));
    sheet.appendChild(own);
    var manager = h("div", "tdg-print-keep");
    manager.appendChild(h("h3", null, T.printManager));
    for (i = 0; i < 3; i++) { manager.appendChild(h("p", "tdg-print-line", "")); }
    manager.appendChild(signature(h, T.printManagerSign, T));
    sheet.appendChild(manager);

    var annex = h("section", "tdg-print-annex");
    annex.appendChild(h("h2", null, T.printAnnex));
    annex.appendChild(h("p", "tdg-print-based", T.printAnnexNote));
    var explanation = res && Array.isArray(res.explanation) ? res.explanation : [];
    var unverified = res && Array.isArray(res.unverified_basis) ? res.unverified_basis : [];
    if (!explanation.length) { annex.appendChild(h("p", null, T.printNoResult)); }
    // Headed by what the lines were checked for, as on the page; numbered on across heads.
    var list = null;
    var scope = null;
    explanation.forEach(function (item, n) {
      var heading = item.scope !== scope && typeof item.scope === "string" ? TDG.result.scopeLabel(item.scope) : "";
      if (heading || !list) {
        if (heading) { annex.appendChild(h("h3", "tdg-scope", heading)); }
        list = annex.appendChild(h("ol"));
        list.start = n + 1;
      }
      scope = item.scope;
      var li = h("li", null, (item.met ? T.met : T.notMet) + ": " + TDG.result.lineText(item));
      if (item.legal_basis && item.legal_basis.length) {
        var p = h("p", "tdg-basis", T.basis);
        item.legal_basis.forEach(function (basis, j) {
          if (j) { p.appendChild(document.createTextNode("; ")); }
          p.appendChild(document.createTextNode(basis));
          if (unverified.indexOf(basis) >= 0) { p.appendChild(h("span", "tdg-unverified", " (" + T.unverified + ")")); }
        });
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    var unit = meta("thidua-co-quan");
    annex.appendChild(h("p", "tdg-print-based", unit ? TDG.fmt(T.printClosing, { unit: unit }) : T.printClosingBlank));
    sheet.appendChild(annex);
    document.getElementById("tdg").classList.add("tdg--print-ready");
  }

  function signature(h, who, T) {
    var block = h("div", "tdg-print-sign");
    block.appendChild(h("p", null, T.printPlaceDate));
    block.appendChild(h("p", null, who));
    block.appendChild(h("p", "tdg-hint", T.printSign));
    return block;
  }

  TDG.print = { build: build };
})();
