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
      list.appendChild(el("li", { "data-row": String(p.row), "data-column": p.column, "data-reason": p.reason,
        text: BX.lang() === "en" && p.message_en ? p.message_en : p.message }));
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
      cap.manual_review_reasons.forEach(function (r) { notes.appendChild(el("p", { class: "bx-review", text: t("review") + ": " + r })); });
      (cap.layer_text || []).forEach(function (r) { notes.appendChild(el("p", { "data-testid": "bx-cap-layer", text: r })); });
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
    var q = result.cstdcs, layer = result.settings.layer;
    var box = el("section", { "data-testid": "bx-cstdcs" }, [el("h3", { id: "bx-h-cstdcs", text: t("h_cstdcs") })]);
    box.appendChild(el("p", { text: t("cstdcs_candidates", { n: q.candidates }) }));
    if (q.source === "layer") {
      var quota = layer.quota, en = BX.lang() === "en";
      var exact = Math.round(Number(quota.ratio) * q.ldtt * 100) / 100;
      var whole = exact === Math.floor(exact);
      box.appendChild(el("p", { "data-testid": "bx-cstdcs-rule", text: (en ? quota.source_en : quota.source) + ": " + (en ? quota.text_en : quota.text) + "." }));
      box.appendChild(el("p", { "data-testid": "bx-cstdcs-max", text: t("cstdcs_layer", { pct: BX.percent(Number(quota.ratio)), ldtt: q.ldtt,
        exact: BX.number(exact), rounding: whole ? "" : t("rounded_" + quota.rounding), cap: q.cap }) }));
    } else {
      box.appendChild(el("p", { "data-testid": "bx-cstdcs-rule", text: q.none_applies ? t("no_quota") : t("cstdcs_max", { max: q.max, year: result.evaluation_year }) }));
      q.manual_review_reasons.forEach(function (r) { box.appendChild(el("p", { class: "bx-review", text: t("review") + ": " + r })); });
    }
    return box;
  }

  function collective(result) {
    var c = result.collective, n = c.counts;
    var box = el("section", { "data-testid": "bx-collective" }, [el("h3", { id: "bx-h-collective", text: t("h_collective") })]);
    box.appendChild(el("p", { text: t("collective_counts", { members: n.members, htnv: n.members_htnv_or_above, ldtt: n.members_ldtt, cstdcs: n.members_cstdcs, disc: n.members_disciplined, cc: n.members_disciplined_canh_cao_or_above }) }));
    var s = result.settings;
    if (s.unit_kind && c.level_needed.length) {
      box.appendChild(el("p", { class: "bx-warn", "data-testid": "bx-collective-level", text: t("unit_level_needed") }));
    } else if (s.unit_kind && c.level_unavailable) {
      box.appendChild(el("p", { class: "bx-warn", "data-testid": "bx-collective-level", text: t("unit_level_unavailable", { year: result.evaluation_year }) }));
    } else if (s.unit_kind && c.classification) {
      box.appendChild(el("p", { class: "bx-strong", "data-testid": "bx-collective-level", text: t("unit_classification", {
        kind: t("kind_" + s.unit_kind).toLowerCase(), score: BX.number(s.unit_score), level: BX.levelName(c.classification) }) }));
      var missed = el("ul");
      Object.keys(c.level_not_reached).forEach(function (code) {
        missed.appendChild(el("li", { text: t("level_not_reached", { level: BX.levelName(code), reason: BX.notMet(c.level_not_reached[code]) }) }));
      });
      if (missed.childNodes.length) { box.appendChild(missed); }
    }
    var list = el("ul");
    if (c.needed.length) {
      box.appendChild(el("p", { class: "bx-warn", text: t("collective_needed") }));
    } else {
      box.appendChild(el("p", { "data-testid": "bx-collective-titles", text: t("collective_titles", { titles: BX.titleList(c.eligible_titles) }) }));
      Object.keys(c.not_eligible).forEach(function (code) { list.appendChild(el("li", { text: BX.titleName(code) + ": " + c.not_eligible[code] })); });
    }
    c.manual_review_reasons.forEach(function (r) { list.appendChild(el("li", { class: "bx-review", text: t("review") + ": " + r })); });
    if (list.childNodes.length) { box.appendChild(list); }
    return box;
  }

  /* The members table. 500 rows must lay out in well under a second: one prototype row
   * is cloned per member and filled through textContent (no per-cell createElement), the
   * rows go in through one DocumentFragment, nothing reads layout in between, and a reason
   * shared by many people is written once in a numbered list above the table (the row
   * says "note 1, 2"), as the printed table does: the rows stay short. */
  var HEADS = ["c_row", "c_name", "c_group", "c_role", "c_level", "c_titles", "c_rank", "c_votes", "c_status", "c_notes"];
  var WIDTHS = [6, 11, 10, 8, 10, 12, 6, 6, 9, 22];

  function prototypeRow() {
    var cells = HEADS.map(function (k) { return el(k === "c_name" ? "th" : "td", k === "c_name" ? { scope: "row" } : {}); });
    cells[4].setAttribute("data-testid", "bx-level");
    cells[5].setAttribute("data-testid", "bx-titles");
    cells[8].setAttribute("data-testid", "bx-status");
    cells[9].className = "bx-notes";
    [6, 7].forEach(function (i) {
      cells[i].appendChild(el("input", { type: "text", inputmode: "numeric", class: "bx-num", "data-kind": i === 6 ? "rank" : "votes", size: "4" }));
    });
    return el("tr", { "data-testid": "bx-member" }, cells);
  }

  /* " · Giảng viên" when the local layer puts the member in one of its staff groups. */
  function staffGroup(m, result) {
    var groups = (result.settings.layer && result.settings.layer.groups) || {}, en = BX.lang() === "en";
    var names = Object.keys(m.layer_fields || {}).map(function (k) { return m.layer_fields[k]; })
      .filter(function (v) { return typeof v === "string" && Object.prototype.hasOwnProperty.call(groups, v); })
      .map(function (v) { return en ? groups[v].en || groups[v].vi : groups[v].vi; });
    return names.length ? " · " + names.join(", ") : "";
  }

  function fillInput(node, kind, m) {
    node.id = "bx-" + kind + "-" + m.row;
    node.setAttribute("data-row", String(m.row));
    node.setAttribute("aria-label", t(kind === "rank" ? "rank_of" : "votes_of", { name: m.name }));
    node.setAttribute("value", m[kind] === null ? "" : String(m[kind]));
  }

  function notes(cell, m, refs) {
    // What the local layer decided (a title withheld, with its Quy chế clause): always shown.
    (m.layer_reasons || []).forEach(function (r) { cell.appendChild(el("p", { class: "bx-layer-reason", "data-testid": "bx-layer-reason", text: r })); });
    if (m.titles_if_htt) { cell.appendChild(el("p", { text: t("if_htt", { titles: BX.titleList(m.titles_if_htt) }) })); }
    if (m.missing.length) {
      // A disclosure button and a list hidden until opened (or found by the browser's
      // find-in-page): no layout cost until opened, half the cost of 300 <details>.
      var id = "bx-missing-" + m.row, list = el("ul", { id: id, class: "bx-missing", hidden: "until-found" });
      m.missing.forEach(function (item) { list.appendChild(el("li", { text: BX.missingText(item, BX.levelName, BX.titleName) })); });
      cell.appendChild(el("button", { type: "button", class: "bx-more", "aria-expanded": "false", "aria-controls": id,
        text: t("missing") + " (" + m.missing.length + ")" }));
      cell.appendChild(list);
    }
    if (refs.length) { cell.appendChild(el("p", { class: "bx-review", text: t("review_refs", { refs: refs.join(", ") }) })); }
  }

  /* The members' own reasons (not the shared ones), numbered once: {texts, refs[i]}. */
  function reviewNotes(members, shared) {
    var texts = [], index = {};
    var refs = members.map(function (m) {
      return BX.ownReasons(m, shared).map(function (text) {
        if (!Object.prototype.hasOwnProperty.call(index, text)) { texts.push(text); index[text] = texts.length; }
        return index[text];
      });
    });
    return { texts: texts, refs: refs };
  }

  function members(result) {
    var box = el("section", {}, [el("h3", { id: "bx-h-members", text: t("h_members") })]);
    var shared = BX.sharedReasons(result.members);
    if (shared.length) {
      var common = el("ul", { "data-testid": "bx-shared-review" });
      shared.forEach(function (r) { common.appendChild(el("li", { class: "bx-review", text: r })); });
      box.appendChild(el("p", { text: t("shared_review") }));
      box.appendChild(common);
    }
    var own = reviewNotes(result.members, shared);
    if (own.texts.length) {
      var numbered = el("ol", { class: "bx-review-notes", "data-testid": "bx-review-notes" });
      own.texts.forEach(function (text, i) { numbered.appendChild(el("li", { id: "bx-note-" + (i + 1), class: "bx-review", text: text })); });
      box.appendChild(el("p", { text: t("review_notes") }));
      box.appendChild(numbered);
    }
    var proto = prototypeRow(), frag = document.createDocumentFragment();
    result.members.forEach(function (m, i) {
      var parts = [];
      if (m.htxs_status) { parts.push(t("status_htxs", { status: statusText(m.htxs_status) })); }
      if (m.cstdcs_status && !result.cstdcs.none_applies) { parts.push(t("status_cstdcs", { status: statusText(m.cstdcs_status) })); }
      var status = m.htxs_status || (result.cstdcs.none_applies ? null : m.cstdcs_status);
      var row = proto.cloneNode(true), cells = row.cells;
      row.setAttribute("data-row", String(m.row));
      cells[0].textContent = String(m.row);
      cells[1].textContent = m.name;
      cells[2].textContent = m.group || "";
      cells[3].textContent = BX.roleName(m.role) + staffGroup(m, result);
      cells[4].textContent = BX.levelName(m.level);
      cells[5].textContent = BX.titleList(m.eligible_titles);
      fillInput(cells[6].firstChild, "rank", m);
      fillInput(cells[7].firstChild, "votes", m);
      cells[8].setAttribute("data-status", status || "");
      cells[8].textContent = parts.length > 1 ? parts.join("; ") : statusText(status);
      notes(cells[9], m, own.refs[i]);
      frag.appendChild(row);
    });
    box.appendChild(el("div", { class: "bx-scroll", tabindex: "0", role: "region", "aria-labelledby": "bx-h-members" }, [
      el("table", { class: "bx-table bx-members", "data-testid": "bx-members" }, [
        el("caption", { text: t("members_caption") }),
        el("colgroup", {}, WIDTHS.map(function (w) { return el("col", { class: "bx-w" + w }); })),
        el("thead", {}, [el("tr", {}, HEADS.map(function (k) { return el("th", { scope: "col", text: t(k) }); }))]),
        el("tbody", {}, [frag])])
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

  function setOpen(button, list, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) { list.removeAttribute("hidden"); } else { list.setAttribute("hidden", "until-found"); }
  }

  /* One listener for every "Còn thiếu" button; find-in-page opens a list by itself. */
  function wire(box) {
    if (box.bxWired) { return; }
    box.bxWired = true;
    box.addEventListener("click", function (e) {
      var button = e.target.closest ? e.target.closest("button.bx-more") : null;
      var list = button && document.getElementById(button.getAttribute("aria-controls"));
      if (list) { setOpen(button, list, button.getAttribute("aria-expanded") !== "true"); }
    });
    box.addEventListener("beforematch", function (e) {
      var button = e.target.previousElementSibling;
      if (button && button.classList.contains("bx-more")) { setOpen(button, e.target, true); }
    }, true);
  }

  function render(box, result) {
    wire(box);
    box.textContent = "";
    if (!result) { box.appendChild(el("p", { "data-testid": "bx-empty", text: t("empty") })); return; }
    box.appendChild(el("p", { "data-testid": "bx-summary", text: t("summary", { n: result.members.length, m: result.invalid_rows.length, year: result.evaluation_year }) }));
    var layer = result.settings.layer;
    if (layer) {
      var en = BX.lang() === "en";
      box.appendChild(el("p", { "data-testid": "bx-layer", text: t("layer_active", { name: en ? layer.name_en : layer.name, regulation: en ? layer.regulation_en : layer.regulation }) }));
    }
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
