/* thidua — Bình xét: the printed documents (A4) and the CSV export. The documents are
 * administrative papers, so they are in Vietnamese on both language pages:
 *   table    "Bảng tổng hợp kết quả bình xét"
 *   minutes  draft "Biên bản họp Hội đồng Thi đua – Khen thưởng" (blanks for the meeting)
 *   proposal draft "Tờ trình" listing the proposals
 * Their words are the words files' (group binh_xet_js, keys doc_…, published by texts.js),
 * always the Vietnamese ones. The institution's names come from <meta name="thidua-co-quan">
 * and <meta name="thidua-co-quan-cap-tren"> when the portal's settings set them. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var el = function () { return BX.el.apply(null, arguments); };
  var BLANK = "………………………………";
  var reasonsLang = "vi"; // the language of the reasons of the result being rendered

  /* A word of the papers, in Vietnamese on both pages; the values fill its {placeholders}
   * in one pass (a name is written as it was typed, even one like "{n}"). */
  function paper(key, values) {
    return BX.both(key).vi.replace(/\{(\w+)\}/g, function (all, k) {
      return values && values[k] !== undefined && values[k] !== null ? String(values[k]) : all;
    });
  }
  function status(code) { return code ? paper("status_" + code) : ""; }

  function vi(group, code) {
    var d = window.THIDUA_DATA && window.THIDUA_DATA.labels;
    return d && d[group] && d[group][code] ? d[group][code].vi : "";
  }

  function header(title, subtitle) {
    var agency = BX.meta("thidua-co-quan") || BLANK, parent = BX.meta("thidua-co-quan-cap-tren") || BLANK;
    return el("div", { class: "bx-doc-head" }, [
      el("div", { class: "bx-doc-head-row" }, [
        el("div", { class: "bx-doc-left" }, [el("p", { "data-testid": "bx-doc-parent", text: parent.toUpperCase() }), el("p", { class: "bx-strong", "data-testid": "bx-doc-agency", text: agency.toUpperCase() })]),
        el("div", { class: "bx-doc-right" }, [el("p", { class: "bx-strong", text: paper("doc_nation") }), el("p", { class: "bx-strong", text: paper("doc_motto") }),
          el("p", { class: "bx-italic", text: paper("doc_place_date") })])
      ]),
      el("p", { class: "bx-doc-title", text: title }),
      subtitle ? el("p", { class: "bx-doc-subtitle", text: subtitle }) : null
    ]);
  }

  function signatures(left, right) {
    return el("div", { class: "bx-signatures" }, [
      el("div", {}, [el("p", { class: "bx-strong", text: paper(left) }), el("p", { class: "bx-italic", text: paper("doc_sign") })]),
      el("div", {}, [el("p", { class: "bx-strong", text: paper(right) }), el("p", { class: "bx-italic", text: paper("doc_sign") })])
    ]);
  }

  function names(list) { return list.length ? list.map(function (m) { return m.name; }).join("; ") : paper("none"); }
  function proposable(m) { return BX.unit.proposable(m); }
  function titled(result, code) {
    return result.members.filter(function (m) {
      if (proposable(m).indexOf(code) < 0) { return false; }
      return code !== "CSTDCS" || result.cstdcs.none_applies || m.cstdcs_status !== "over";
    });
  }
  /* Whom a cap is for: "group, role" (the role only without a group). */
  function who(cap) { return (cap.group ? cap.group + ", " : "") + vi("roles", cap.role); }
  /* Who is within and over a quota, then those tied at its limit or not ranked yet;
   * by(status) lists the members of a status. */
  function split(key, by) {
    return paper(key, { within: names(by("within")), over: names(by("over")) }) +
      (by("tie").length ? paper("doc_split_tie", { names: names(by("tie")), blank: BLANK }) : "") +
      (by("unranked").length ? paper("doc_split_unranked", { names: names(by("unranked")), blank: BLANK }) : "");
  }
  function reviewNotes(m) { return m.manual_review_reasons.join(" "); }

  /* What the local layer decided for each member, in Vietnamese like the rest of the
   * document: [{member, reasons}], only members with a reason. The result's reasons are
   * in the page's language; on the English page they are asked again in Vietnamese. */
  function layerDecisions(result) {
    var withReasons = result.members.filter(function (m) { return m.layer_reasons && m.layer_reasons.length; });
    var vi = null, state = BX.state;
    if (withReasons.length && reasonsLang !== "vi" && state && state.read) {
      vi = BX.unit.layerReasons(state.read, withReasons.map(function (m) { return m.row; }), result.evaluation_year, result.settings, "vi");
    }
    return withReasons.map(function (m) {
      return { member: m, reasons: (vi && vi[m.row] && vi[m.row].length ? vi[m.row] : m.layer_reasons) };
    });
  }

  function table(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "table", "data-testid": "bx-doc-table" });
    doc.appendChild(header(paper("doc_table_title"), paper("doc_year", { year: result.evaluation_year })));
    var body = el("tbody"), notes = [];
    function noteRefs(m) {
      return m.manual_review_reasons.map(function (r) {
        var at = notes.indexOf(r);
        if (at < 0) { notes.push(r); at = notes.length - 1; }
        return "(" + (at + 1) + ")";
      }).join(" ");
    }
    result.members.forEach(function (m, i) {
      body.appendChild(el("tr", {}, [
        el("td", { text: String(i + 1) }), el("td", { text: m.name }), el("td", { text: m.group || "" }), el("td", { text: vi("roles", m.role) }),
        el("td", { text: vi("levels", m.level) }), el("td", { text: proposable(m).map(function (c) { return vi("titles", c); }).join("; ") }),
        el("td", { text: [m.rank !== null ? paper("doc_rank", { rank: m.rank }) : "", m.votes !== null ? paper("doc_votes", { votes: m.votes }) : ""].filter(Boolean).join("; ") }),
        el("td", { text: status(m.htxs_status) }), el("td", { text: noteRefs(m) })
      ]));
    });
    doc.appendChild(el("table", { class: "bx-print-table" }, [
      el("thead", {}, [el("tr", {}, ["doc_col_no", "doc_col_name", "doc_col_group", "doc_col_role", "doc_col_level", "doc_col_titles", "doc_col_rank", "doc_col_status", "doc_col_review"].map(function (h) { return el("th", { text: paper(h) }); }))]),
      body
    ]));
    var totals = el("ul");
    Object.keys(result.levels).forEach(function (c) { if (result.levels[c]) { totals.appendChild(el("li", { text: paper("doc_level_count", { level: vi("levels", c), n: result.levels[c] }) })); } });
    ["LDTT", "CSTT", "CSTDCS"].forEach(function (c) { var n = titled(result, c).length; if (n) { totals.appendChild(el("li", { text: paper("doc_title_count", { title: vi("titles", c), n: n }) })); } });
    result.htxs_caps.forEach(function (cap) {
      totals.appendChild(el("li", { text: paper("doc_table_cap", { who: who(cap), n: cap.candidates, max: cap.max === null ? paper("doc_no_cap") : cap.max }) +
        ((cap.layer_text || []).length ? ". " + cap.layer_text.join(" ") : "") }));
    });
    var decided = layerDecisions(result);
    if (decided.length) {
      var layerList = el("ul", { class: "bx-notes-list", "data-testid": "bx-doc-layer-reasons" });
      decided.forEach(function (d) {
        layerList.appendChild(el("li", { text: paper("doc_layer_row", { name: d.member.name, row: d.member.row, reasons: d.reasons.join(" ") }) }));
      });
      doc.appendChild(el("p", { class: "bx-strong", text: paper("doc_layer_heading") }));
      doc.appendChild(layerList);
    }
    if (notes.length) {
      var noteList = el("ol", { class: "bx-notes-list" });
      notes.forEach(function (n) { noteList.appendChild(el("li", { text: n })); });
      doc.appendChild(el("p", { class: "bx-strong", text: paper("doc_review_notes") }));
      doc.appendChild(noteList);
    }
    doc.appendChild(el("p", { class: "bx-strong", text: paper("doc_totals") }));
    doc.appendChild(totals);
    if (result.invalid_rows.length) {
      doc.appendChild(el("p", { class: "bx-strong", text: paper("doc_invalid", { n: result.invalid_rows.length }) }));
      var bad = el("ul");
      result.problems.forEach(function (p) { bad.appendChild(el("li", { text: p.message })); });
      doc.appendChild(bad);
    }
    doc.appendChild(signatures("doc_sign_table", "doc_sign_chair"));
    return doc;
  }

  function minutes(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "minutes", "data-testid": "bx-doc-minutes" });
    doc.appendChild(header(paper("doc_minutes_title"), paper("doc_minutes_subtitle", { year: result.evaluation_year })));
    var p = function (text, cls) { doc.appendChild(el("p", { class: cls || null, text: text })); };
    p(paper("doc_minutes_time", { blank: BLANK }));
    p(paper("doc_minutes_chair", { blank: BLANK }));
    p(paper("doc_minutes_present", { blank: BLANK }));
    p(paper("doc_minutes_h1"), "bx-strong");
    p(paper("doc_minutes_scope", { year: result.evaluation_year, n: result.members.length + result.invalid_rows.length,
      invalid: result.invalid_rows.length ? paper("doc_minutes_invalid", { n: result.invalid_rows.length }) : "" }));
    p(paper("doc_minutes_h2"), "bx-strong");
    Object.keys(result.levels).forEach(function (c) {
      var list = result.members.filter(function (m) { return m.level === c; });
      if (list.length) { p(paper(c === "HTXS" ? "doc_minutes_level_names" : "doc_minutes_level", { level: vi("levels", c), n: list.length, names: names(list) })); }
    });
    result.htxs_caps.forEach(function (cap) {
      var group = result.members.filter(function (m) { return m.htxs_status && (m.group || "") === cap.group && m.role === cap.role; });
      var by = function (s) { return group.filter(function (m) { return m.htxs_status === s; }); };
      p(paper("doc_minutes_cap", { who: who(cap), max: cap.max === null ? paper("doc_minutes_no_cap") : cap.max, split: split("doc_split", by) }));
      (cap.layer_text || []).forEach(function (text) { p("    " + text); });
    });
    p(paper("doc_minutes_h3"), "bx-strong");
    ["LDTT", "CSTT"].forEach(function (c) { var l = titled(result, c); if (l.length) { p(paper("doc_minutes_titled", { title: vi("titles", c), n: l.length, names: names(l) })); } });
    var cs = titled(result, "CSTDCS");
    var layerQuota = result.cstdcs.source === "layer" ? result.settings.layer.quota : null;
    p(paper("doc_minutes_cstdcs", { title: vi("titles", "CSTDCS"), n: cs.length, quota: result.cstdcs.none_applies ? paper("doc_minutes_cstdcs_none") :
      paper("doc_minutes_cstdcs_max", { max: result.cstdcs.max }) + (layerQuota ? " (" + layerQuota.source + ")" : "") }));
    if (layerQuota) {
      var eligible = result.members.filter(function (m) { return proposable(m).indexOf("CSTDCS") >= 0; });
      var inQuota = function (s) { return eligible.filter(function (m) { return m.cstdcs_status === s; }); };
      p("    " + split("doc_split_layer", inQuota) + ".");
    }
    cs.forEach(function (m) { p("    " + paper("doc_minutes_votes", { name: m.name, votes: m.votes !== null ? m.votes : "……" })); });
    var decided = layerDecisions(result);
    if (decided.length) {
      p("– " + paper("doc_layer_heading") + ":");
      decided.forEach(function (d) {
        doc.appendChild(el("p", { class: "bx-doc-layer-reason", "data-testid": "bx-doc-layer-reason", text: "    " + d.member.name + ": " + d.reasons.join(" ") }));
      });
    }
    var col = result.collective;
    if (result.settings.unit_kind && col.classification) {
      p(paper("doc_minutes_unit_level", { score: String(result.settings.unit_score).replace(".", ","), level: vi("levels", col.classification) }));
    }
    p(paper("doc_minutes_collective", { titles: col.needed.length ? BLANK : col.eligible_titles.map(function (c) { return vi("titles", c); }).join("; ") || paper("doc_not_eligible") }));
    var reviews = [];
    result.members.forEach(function (m) { if (m.manual_review_reasons.length) { reviews.push(m.name); } });
    if (reviews.length) { p(paper("doc_minutes_h4"), "bx-strong"); p(reviews.join("; ") + "."); }
    p(paper("doc_minutes_other", { blank: BLANK + BLANK }));
    p(paper("doc_minutes_vote"));
    doc.appendChild(signatures("doc_sign_secretary", "doc_sign_chaired"));
    return doc;
  }

  function proposal(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "proposal", "data-testid": "bx-doc-proposal" });
    doc.appendChild(header(paper("doc_proposal_title"), paper("doc_proposal_subtitle", { year: result.evaluation_year })));
    var p = function (text, cls) { doc.appendChild(el("p", { class: cls || null, text: text })); };
    p(paper("doc_proposal_to", { agency: BX.meta("thidua-co-quan") || BLANK }));
    p(paper("doc_proposal_basis", { year: result.evaluation_year }));
    p(paper("doc_proposal_h1"), "bx-strong");
    var n = 0;
    ["CSTDCS", "LDTT", "CSTT"].forEach(function (c) {
      var l = titled(result, c);
      if (!l.length) { return; }
      n += 1;
      p(paper("doc_proposal_titled", { n: n, title: vi("titles", c), count: l.length }));
      var list = el("ol");
      l.forEach(function (m) { list.appendChild(el("li", { text: m.name + (m.group ? " — " + m.group : "") })); });
      doc.appendChild(list);
    });
    if (!n) { p(paper("doc_proposal_nobody")); }
    p(paper("doc_proposal_h2"), "bx-strong");
    p(result.collective.needed.length ? BLANK : (result.collective.eligible_titles.map(function (c) { return vi("titles", c); }).join("; ") || paper("doc_proposal_no_collective")));
    var higher = result.members.filter(function (m) { return proposable(m).indexOf("CSTD_BO") >= 0; });
    if (higher.length) {
      p(paper("doc_proposal_h3"), "bx-strong");
      p(vi("titles", "CSTD_BO") + ": " + names(higher) + ".");
    }
    p(paper("doc_proposal_attached"), "bx-italic");
    doc.appendChild(signatures("doc_sign_drafter", "doc_sign_council"));
    return doc;
  }

  /* lang: the language of the result's reasons (default: the page's). */
  function render(box, result, lang) {
    reasonsLang = lang || BX.lang();
    box.textContent = "";
    if (!result) { return; }
    box.appendChild(table(result));
    box.appendChild(minutes(result));
    box.appendChild(proposal(result));
  }

  /* Print one document. On the English page the documents are made again from figures
   * whose reasons are in Vietnamese, like the rest of the paper (only now: it costs one
   * more evaluation of the list). */
  function print(kind) {
    if (BX.lang() !== "vi" && BX.resultIn) {
      var box = document.getElementById("bx-docs"), vi = null;
      try { vi = BX.resultIn("vi"); } catch (e) { vi = null; }
      if (box && vi) { render(box, vi, "vi"); }
    }
    document.body.setAttribute("data-bx-print", kind);
    var done = function () { document.body.removeAttribute("data-bx-print"); window.removeEventListener("afterprint", done); };
    window.addEventListener("afterprint", done);
    window.print();
  }

  /* The local layer's columns (staff group, counts) as they were read, after the others,
   * in the words of the template (the group's name, never its code). */
  function layerCells(result, m) {
    var layer = result.settings.layer, fields = m ? m.layer_fields || {} : {};
    return ((layer && layer.columns) || []).map(function (c) {
      if (!m) { return c.header; }
      var v = Object.prototype.hasOwnProperty.call(fields, c.field) ? fields[c.field] : null;
      if (v === null) { return ""; }
      return c.kind === "layer_group" && layer.groups[v] ? layer.groups[v].vi : String(v);
    });
  }

  function csv(result) {
    var rows = [["doc_csv_row", "doc_csv_name", "doc_csv_id", "doc_csv_group", "doc_csv_role", "doc_csv_level", "doc_csv_titles", "doc_csv_rank", "doc_csv_votes",
      "doc_csv_htxs", "doc_csv_cstdcs", "doc_csv_missing", "doc_csv_review", "doc_csv_errors"].map(function (k) { return paper(k); }).concat(layerCells(result, null))];
    result.members.forEach(function (m) {
      rows.push([m.row, m.name, m.id || "", m.group || "", vi("roles", m.role), vi("levels", m.level), proposable(m).map(function (c) { return vi("titles", c); }).join("; "),
        m.rank === null ? "" : m.rank, m.votes === null ? "" : m.votes, status(m.htxs_status),
        result.cstdcs.none_applies ? "" : status(m.cstdcs_status), m.missing.map(function (item) {
          return BX.missingText(item, function (c) { return vi("levels", c); }, function (c) { return vi("titles", c); });
        }).join(" "), reviewNotes(m), ""].concat(layerCells(result, m)));
    });
    result.invalid_rows.forEach(function (r) {
      rows.push([r.row, r.name, "", "", "", "", "", "", "", "", "", "", "", r.problems.map(function (p) { return p.message; }).join(" ")].concat(layerCells(result, {})));
    });
    return "\ufeff" + window.Papa.unparse(rows, { newline: "\r\n" });
  }

  function exportCsv(result) {
    if (!result) { return; }
    var blob = new Blob([csv(result)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: paper("doc_csv_file", { year: result.evaluation_year }), hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }

  BX.docs = { render: render, print: print, csv: csv, exportCsv: exportCsv };
})();
