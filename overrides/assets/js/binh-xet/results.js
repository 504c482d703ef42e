/* thidua — Bình xét: the results on screen (summary, caps, CSTĐCS, collective, each
 * person with rank and votes inputs, rows with problems). Data from BX.unit.compute. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var el = function () { return BX.el.apply(null, arguments); };
  var t = function (k, v) { return BX.t(k, v); };

  function problemList(problems, testid) {
    var list = el("ul", { class: "bx-problems", "data-testid": testid });
    problems.forEach(function (p) {
      list.appendChild(el("li", { "data-row": String(p.row), "data-column": p.column, text: p.message }));
    });
    return list;
  }

  function statusText(status) { return status ? t("status_" + status) : ""; }

  function capSentence(cap) {
    if (cap.max === null) { return t("cap_unlimited"); }
    if (cap.ratio === null || cap.ratio === undefined) { return String(cap.max); }
    return t("cap_sentence", { ratio: BX.percent(cap.ratio), base: t("base_" + (cap.base_kind || "htt_or_above")), max: cap.max });
  }

  function caps(result) {
    var box = el("section", { "data-testid": "bx-caps" }, [el("h3", { id: "bx-h-caps", text: t("h_caps") })]);
    if (!result.htxs_caps.length) { box.appendChild(el("p", { text: t("no_htxs") })); return box; }
    var body = el("tbody");
    result.htxs_caps.forEach(function (cap) {
      var notes = el("td", {}, [el("p", { text: capSentence(cap) })]);
      cap.manual_review_reasons.forEach(function (r) { notes.appendChild(el("p", { class: "bx-review", text: t("review") + ": " + BX.clean(r) })); });
      body.appendChild(el("tr", { "data-testid": "bx-cap" }, [
        el("td", { text: cap.group }), el("td", { text: BX.roleName(cap.role) }),
        el("td", { text: String(cap.rated_htt_or_above) }), el("td", { text: String(cap.candidates) }),
        el("td", { "data-testid": "bx-cap-max", text: cap.max === null ? t("cap_unlimited") : String(cap.max) }), notes
      ]));
    });
    box.appendChild(el("div", { class: "bx-scroll", tabindex: "0", role: "region", "aria-labelledby": "bx-h-caps" }, [el("table", { class: "bx-table" }, [
      el("thead", {}, [el("tr", {}, ["cap_group", "cap_role", "cap_rated", "cap_candidates", "cap_max", "cap_notes"].map(function (k) { return el("th", { scope: "col", text: t(k) }); }))]),
      body
    ])]));
    return box;
  }

  function cstdcs(result) {
    var q = result.cstdcs;
    var box = el("section", { "data-testid": "bx-cstdcs" }, [el("h3", { id: "bx-h-cstdcs", text: t("h_cstdcs") })]);
    box.appendChild(el("p", { text: t("cstdcs_candidates", { n: q.candidates }) }));
    box.appendChild(el("p", { "data-testid": "bx-cstdcs-rule", text: q.none_applies ? t("no_quota") : t("cstdcs_max", { max: q.max, year: result.evaluation_year }) }));
    q.manual_review_reasons.forEach(function (r) { box.appendChild(el("p", { class: "bx-review", text: t("review") + ": " + BX.clean(r) })); });
    return box;
  }

  function collective(result) {
    var c = result.collective, n = c.counts;
    var box = el("section", { "data-testid": "bx-collective" }, [el("h3", { id: "bx-h-collective", text: t("h_collective") })]);
    box.appendChild(el("p", { text: t("collective_counts", { members: n.members, htnv: n.members_htnv_or_above, ldtt: n.members_ldtt, cstdcs: n.members_cstdcs, disc: n.members_disciplined, cc: n.members_disciplined_canh_cao_or_above }) }));
    if (c.needed.length) { box.appendChild(el("p", { class: "bx-warn", text: t("collective_needed") })); return box; }
    if (c.classification) { box.appendChild(el("p", { "data-testid": "bx-collective-level", text: t("unit_classification", { level: BX.levelName(c.classification) }) })); }
    box.appendChild(el("p", { "data-testid": "bx-collective-titles", text: t("collective_titles", { titles: BX.titleList(c.eligible_titles) }) }));
    var list = el("ul");
    Object.keys(c.not_eligible).forEach(function (code) { list.appendChild(el("li", { text: BX.titleName(code) + ": " + BX.clean(c.not_eligible[code]) })); });
    c.manual_review_reasons.forEach(function (r) { list.appendChild(el("li", { class: "bx-review", text: t("review") + ": " + BX.clean(r) })); });
    box.appendChild(list);
    return box;
  }

  function input(kind, m) {
    var id = "bx-" + kind + "-" + m.row;
    return el("input", { type: "text", inputmode: "numeric", id: id, class: "bx-num", "data-row": String(m.row), "data-kind": kind,
      "aria-label": t(kind === "rank" ? "rank_of" : "votes_of", { name: m.name }), value: m[kind] === null ? "" : String(m[kind]), size: "4" });
  }

  function notes(m, shared) {
    var cell = el("td", { class: "bx-notes" });
    if (m.titles_if_htt) { cell.appendChild(el("p", { text: t("if_htt", { titles: BX.titleList(m.titles_if_htt) }) })); }
    if (m.missing.length) {
      // Closed <details>: the reasons cost no layout until opened (500 rows stay fast).
      var list = el("ul");
      m.missing.forEach(function (r) { list.appendChild(el("li", { text: BX.clean(r) })); });
      cell.appendChild(el("details", {}, [el("summary", { text: t("missing") + " (" + m.missing.length + ")" }), list]));
    }
    BX.ownReasons(m, shared).forEach(function (r) { cell.appendChild(el("p", { class: "bx-review", text: t("review") + ": " + BX.clean(r) })); });
    return cell;
  }

  function members(result) {
    var box = el("section", {}, [el("h3", { id: "bx-h-members", text: t("h_members") })]);
    var shared = BX.sharedReasons(result.members);
    if (shared.length) {
      var common = el("ul", { "data-testid": "bx-shared-review" });
      shared.forEach(function (r) { common.appendChild(el("li", { class: "bx-review", text: BX.clean(r) })); });
      box.appendChild(el("p", { text: t("shared_review") }));
      box.appendChild(common);
    }
    var body = el("tbody");
    var frag = document.createDocumentFragment();
    result.members.forEach(function (m) {
      var status = m.htxs_status || (result.cstdcs.none_applies ? null : m.cstdcs_status);
      frag.appendChild(el("tr", { "data-testid": "bx-member", "data-row": String(m.row) }, [
        el("td", { text: String(m.row) }), el("th", { scope: "row", text: m.name }), el("td", { text: m.group || "" }),
        el("td", { text: BX.roleName(m.role) }), el("td", { "data-testid": "bx-level", text: BX.levelName(m.level) }),
        el("td", { "data-testid": "bx-titles", text: BX.titleList(m.eligible_titles) }),
        el("td", {}, [input("rank", m)]), el("td", {}, [input("votes", m)]),
        el("td", { "data-testid": "bx-status", "data-status": status || "", text: statusText(status) }), notes(m, shared)
      ]));
    });
    body.appendChild(frag);
    var heads = ["c_row", "c_name", "c_group", "c_role", "c_level", "c_titles", "c_rank", "c_votes", "c_status", "c_notes"];
    box.appendChild(el("div", { class: "bx-scroll", tabindex: "0", role: "region", "aria-labelledby": "bx-h-members" }, [
      el("table", { class: "bx-table bx-members", "data-testid": "bx-members" }, [
        el("caption", { text: t("members_caption") }),
        el("colgroup", {}, [3, 11, 8, 7, 9, 11, 6, 6, 9, 30].map(function (w) { return el("col", { class: "bx-w" + w }); })),
        el("thead", {}, [el("tr", {}, heads.map(function (k) { return el("th", { scope: "col", text: t(k) }); }))]), body])
    ]));
    return box;
  }

  function levels(result) {
    var list = el("ul", { "data-testid": "bx-levels" });
    Object.keys(result.levels).forEach(function (code) {
      if (result.levels[code]) { list.appendChild(el("li", { text: BX.levelName(code) + ": " + result.levels[code] })); }
    });
    return el("section", {}, [el("h3", { id: "bx-h-levels", text: t("h_levels") }), list]);
  }

  function render(box, result) {
    box.textContent = "";
    if (!result) { box.appendChild(el("p", { "data-testid": "bx-empty", text: t("empty") })); return; }
    box.appendChild(el("p", { "data-testid": "bx-summary", text: t("summary", { n: result.members.length, m: result.invalid_rows.length, year: result.evaluation_year }) }));
    box.appendChild(levels(result));
    box.appendChild(caps(result));
    box.appendChild(cstdcs(result));
    box.appendChild(collective(result));
    box.appendChild(members(result));
    var invalid = el("section", {}, [el("h3", { id: "bx-h-invalid", text: t("h_invalid") })]);
    invalid.appendChild(result.problems.length ? problemList(result.problems, "bx-invalid") : el("p", { "data-testid": "bx-invalid", text: t("no_invalid") }));
    box.appendChild(invalid);
  }

  BX.results = { render: render, problemList: problemList, statusText: statusText, capSentence: capSentence };
})();
