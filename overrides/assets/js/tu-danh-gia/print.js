/* thidua — self-evaluation page: "In phiếu". Builds a printable form for the role, based
 * on NĐ 90/2020's Mẫu số 01 (cán bộ), 02 (công chức), 03 (viên chức) — labelled as not
 * checked against the official layout — or on NĐ 335/2025 for points-based years, filled
 * with the answers, plus an annex with the explanation and citations (A4, print CSS). */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var FORM_NO = { can_bo: "01", cong_chuc: "02", vien_chuc: "03" };
  var GC = ["chinh_tri_tu_tuong", "dao_duc_loi_song", "tac_phong_le_loi", "y_thuc_to_chuc_ky_luat"];

  function build(fields, ctx, res, T) {
    var h = TDG.result.h;
    var sheet = document.getElementById("tdg-print");
    sheet.textContent = "";
    var head = h("div", "tdg-print-head");
    head.appendChild(h("p", "tdg-print-unit", fields["personal.unit"] || "…………………………"));
    var nation = h("p", "tdg-print-nation");
    nation.appendChild(h("strong", null, T.printNation));
    nation.appendChild(h("br"));
    nation.appendChild(h("strong", null, T.printMotto));
    head.appendChild(nation);
    sheet.appendChild(head);
    sheet.appendChild(h("h2", "tdg-print-title", TDG.fmt(T.printTitle, { WHO: T.printWho[ctx.role] || T.printWho.cong_chuc })));
    sheet.appendChild(h("p", "tdg-print-center", TDG.fmt(T.printYear, { year: ctx.yearOk ? ctx.year : "……" })));
    var based = ctx.points ? T.printBased335 : FORM_NO[ctx.role] ? TDG.fmt(T.printBasedOn, { n: FORM_NO[ctx.role] }) : T.printNoForm;
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
      ol.appendChild(h("li", null, TDG.fmt(T.printScore, { score: fields.score_total || "……" })));
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
        lines.appendChild(h("li", null, "5a: " + answer(fields.leadership_criterion_5a)));
        lines.appendChild(h("li", null, TDG.fmt(T.printUnitLine, { total: ctx.percent ? 100 : v("unit.targets_total"), completed: v("unit.targets_completed"), on_time: v("unit.targets_on_time_quality"), exceeded: v("unit.targets_exceeded") })));
        lines.appendChild(h("li", null, TDG.fmt(T.printSubLine, { total: v("sub_units.total"), htnv: v("sub_units.htnv_or_above"), htt: v("sub_units.htt_or_above") })));
      }
      lines.appendChild(h("li", null, TDG.fmt(ctx.percent ? T.printTasksPct : T.printTasksLine, { assigned: v("tasks.assigned"), completed: v("tasks.completed"), on_time: v("tasks.on_time_with_quality"), exceeded: v("tasks.exceeded") })));
      tasks.appendChild(lines);
      ol.appendChild(tasks);
    }
    sheet.appendChild(ol);
    sheet.appendChild(h("p", null, TDG.fmt(T.printTime, { months: fields.months_worked || "……" })));
    sheet.appendChild(h("p", null, T.printStrengths));
    for (var i = 0; i < 4; i++) { sheet.appendChild(h("p", "tdg-print-line", "")); }

    sheet.appendChild(h("h3", null, T.printLevel));
    var level = res && res.classification ? TDG.form.codeLabel("level", res.classification)
      : ctx.titles && fields.classification_input ? TDG.form.codeLabel("level", fields.classification_input) : T.printLevelNone;
    sheet.appendChild(h("p", "tdg-print-level", level));
    if (res && res.eligible_titles && res.eligible_titles.length) {
      sheet.appendChild(h("p", null, TDG.fmt(T.printTitles, { titles: res.eligible_titles.map(function (c) { return TDG.form.codeLabel("title", c); }).join(", ") })));
    }
    sheet.appendChild(signature(h, T.printSigner, T));
    sheet.appendChild(h("h3", null, T.printManager));
    for (i = 0; i < 3; i++) { sheet.appendChild(h("p", "tdg-print-line", "")); }
    sheet.appendChild(signature(h, T.printManagerSign, T));

    var annex = h("section", "tdg-print-annex");
    annex.appendChild(h("h2", null, T.printAnnex));
    annex.appendChild(h("p", "tdg-print-based", T.printAnnexNote));
    var explanation = res && Array.isArray(res.explanation) ? res.explanation : [];
    var unverified = res && Array.isArray(res.unverified_basis) ? res.unverified_basis : [];
    if (!explanation.length) { annex.appendChild(h("p", null, T.printNoResult)); }
    var list = h("ol");
    explanation.forEach(function (item) {
      var li = h("li", null, (item.met ? T.met : T.notMet) + ": " + (item.criterion || ""));
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
    annex.appendChild(list);
    annex.appendChild(h("p", "tdg-print-based", T.printGenerated));
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
