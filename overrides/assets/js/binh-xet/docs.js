/* thidua — Bình xét: the printed documents (A4) and the CSV export. The documents are
 * administrative papers, so they are in Vietnamese on both language pages:
 *   table    "Bảng tổng hợp kết quả bình xét"
 *   minutes  draft "Biên bản họp Hội đồng Thi đua – Khen thưởng" (blanks for the meeting)
 *   proposal draft "Tờ trình" listing the proposals
 * The institution's names come from <meta name="thidua-co-quan"> and
 * <meta name="thidua-co-quan-cap-tren"> when the portal's settings set them. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var el = function () { return BX.el.apply(null, arguments); };
  var BLANK = "………………………………";
  var reasonsLang = "vi"; // the language of the reasons of the result being rendered
  var STATUS = { within: "Trong tỷ lệ", over: "Vượt tỷ lệ", tie: "Bằng nhau ở ranh giới — Hội đồng quyết định", unranked: "Cần thứ tự hoặc số phiếu" };

  function vi(group, code) {
    var d = window.THIDUA_DATA && window.THIDUA_DATA.labels;
    return d && d[group] && d[group][code] ? d[group][code].vi : "";
  }

  function header(title, subtitle) {
    var agency = BX.meta("thidua-co-quan") || BLANK, parent = BX.meta("thidua-co-quan-cap-tren") || BLANK;
    return el("div", { class: "bx-doc-head" }, [
      el("div", { class: "bx-doc-head-row" }, [
        el("div", { class: "bx-doc-left" }, [el("p", { "data-testid": "bx-doc-parent", text: parent.toUpperCase() }), el("p", { class: "bx-strong", "data-testid": "bx-doc-agency", text: agency.toUpperCase() })]),
        el("div", { class: "bx-doc-right" }, [el("p", { class: "bx-strong", text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" }), el("p", { class: "bx-strong", text: "Độc lập – Tự do – Hạnh phúc" }),
          el("p", { class: "bx-italic", text: "……………, ngày …… tháng …… năm ……" })])
      ]),
      el("p", { class: "bx-doc-title", text: title }),
      subtitle ? el("p", { class: "bx-doc-subtitle", text: subtitle }) : null
    ]);
  }

  function signatures(left, right) {
    return el("div", { class: "bx-signatures" }, [
      el("div", {}, [el("p", { class: "bx-strong", text: left }), el("p", { class: "bx-italic", text: "(Ký, ghi rõ họ tên)" })]),
      el("div", {}, [el("p", { class: "bx-strong", text: right }), el("p", { class: "bx-italic", text: "(Ký, ghi rõ họ tên)" })])
    ]);
  }

  function names(list) { return list.length ? list.map(function (m) { return m.name; }).join("; ") : "không có"; }
  function proposable(m) { return BX.unit.proposable(m); }
  function titled(result, code) {
    return result.members.filter(function (m) {
      if (proposable(m).indexOf(code) < 0) { return false; }
      return code !== "CSTDCS" || result.cstdcs.none_applies || m.cstdcs_status !== "over";
    });
  }
  function reviewNotes(m) { return m.manual_review_reasons.map(BX.clean).join(" "); }

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
      return { member: m, reasons: (vi && vi[m.row] && vi[m.row].length ? vi[m.row] : m.layer_reasons).map(BX.clean) };
    });
  }
  /* The heading of that list (each reason names the Quy chế and its clause). */
  var LAYER_HEADING = "Danh hiệu chưa đề nghị theo quy chế riêng của đơn vị";

  function table(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "table", "data-testid": "bx-doc-table" });
    doc.appendChild(header("BẢNG TỔNG HỢP KẾT QUẢ BÌNH XÉT", "Năm " + result.evaluation_year));
    var body = el("tbody"), notes = [];
    function noteRefs(m) {
      return m.manual_review_reasons.map(function (r) {
        var text = BX.clean(r), at = notes.indexOf(text);
        if (at < 0) { notes.push(text); at = notes.length - 1; }
        return "(" + (at + 1) + ")";
      }).join(" ");
    }
    result.members.forEach(function (m, i) {
      var status = m.htxs_status ? STATUS[m.htxs_status] : "";
      body.appendChild(el("tr", {}, [
        el("td", { text: String(i + 1) }), el("td", { text: m.name }), el("td", { text: m.group || "" }), el("td", { text: vi("roles", m.role) }),
        el("td", { text: vi("levels", m.level) }), el("td", { text: proposable(m).map(function (c) { return vi("titles", c); }).join("; ") }),
        el("td", { text: (m.rank !== null ? "Thứ tự " + m.rank : "") + (m.votes !== null ? (m.rank !== null ? "; " : "") + m.votes + " phiếu" : "") }),
        el("td", { text: status }), el("td", { text: noteRefs(m) })
      ]));
    });
    doc.appendChild(el("table", { class: "bx-print-table" }, [
      el("thead", {}, [el("tr", {}, ["STT", "Họ và tên", "Phòng/Nhóm", "Đối tượng", "Xếp loại", "Danh hiệu có thể đề nghị", "Thứ tự / phiếu", "Tỷ lệ xuất sắc", "Cần xem xét"].map(function (h) { return el("th", { text: h }); }))]),
      body
    ]));
    var totals = el("ul");
    Object.keys(result.levels).forEach(function (c) { if (result.levels[c]) { totals.appendChild(el("li", { text: vi("levels", c) + ": " + result.levels[c] + " người" })); } });
    ["LDTT", "CSTT", "CSTDCS"].forEach(function (c) { var n = titled(result, c).length; if (n) { totals.appendChild(el("li", { text: vi("titles", c) + " (đủ điều kiện đề nghị): " + n + " người" })); } });
    result.htxs_caps.forEach(function (cap) {
      totals.appendChild(el("li", { text: "Trần hoàn thành xuất sắc nhiệm vụ — " + (cap.group ? cap.group + ", " : "") + vi("roles", cap.role) + ": " + cap.candidates + " đề nghị, tối đa " + (cap.max === null ? "không có trần trong dữ liệu" : cap.max) +
        ((cap.layer_text || []).length ? ". " + cap.layer_text.map(BX.clean).join(" ") : "") }));
    });
    var decided = layerDecisions(result);
    if (decided.length) {
      var layerList = el("ul", { class: "bx-notes-list", "data-testid": "bx-doc-layer-reasons" });
      decided.forEach(function (d) {
        layerList.appendChild(el("li", { text: d.member.name + " (dòng " + d.member.row + "): " + d.reasons.join(" ") }));
      });
      doc.appendChild(el("p", { class: "bx-strong", text: LAYER_HEADING }));
      doc.appendChild(layerList);
    }
    if (notes.length) {
      var noteList = el("ol", { class: "bx-notes-list" });
      notes.forEach(function (n) { noteList.appendChild(el("li", { text: n })); });
      doc.appendChild(el("p", { class: "bx-strong", text: "Cần xem xét (số trong cột cuối)" }));
      doc.appendChild(noteList);
    }
    doc.appendChild(el("p", { class: "bx-strong", text: "Tổng hợp" }));
    doc.appendChild(totals);
    if (result.invalid_rows.length) {
      doc.appendChild(el("p", { class: "bx-strong", text: "Dòng có lỗi, chưa tính (" + result.invalid_rows.length + ")" }));
      var bad = el("ul");
      result.problems.forEach(function (p) { bad.appendChild(el("li", { text: p.message })); });
      doc.appendChild(bad);
    }
    doc.appendChild(signatures("NGƯỜI LẬP BẢNG", "CHỦ TỊCH HỘI ĐỒNG"));
    return doc;
  }

  function minutes(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "minutes", "data-testid": "bx-doc-minutes" });
    doc.appendChild(header("BIÊN BẢN HỌP HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", "Bình xét thi đua năm " + result.evaluation_year + " (dự thảo)"));
    var p = function (text, cls) { doc.appendChild(el("p", { class: cls || null, text: text })); };
    p("Thời gian: …… giờ …… phút, ngày …… tháng …… năm ……   Địa điểm: " + BLANK);
    p("Chủ trì: " + BLANK + "   Thư ký: " + BLANK);
    p("Thành viên Hội đồng có mặt: ……/…… người; vắng: …… (lý do: " + BLANK + ").");
    p("1. Nội dung", "bx-strong");
    p("Hội đồng xem xét kết quả đánh giá, xếp loại chất lượng năm " + result.evaluation_year + " của " + (result.members.length + result.invalid_rows.length) + " người trong danh sách" +
      (result.invalid_rows.length ? " (" + result.invalid_rows.length + " trường hợp còn thiếu thông tin, xem xét riêng)" : "") + ", và đề nghị danh hiệu thi đua cho cá nhân và tập thể.");
    p("2. Kết quả xếp loại", "bx-strong");
    Object.keys(result.levels).forEach(function (c) {
      var list = result.members.filter(function (m) { return m.level === c; });
      if (list.length) { p("– " + vi("levels", c) + ": " + list.length + " người" + (c === "HTXS" ? " (" + names(list) + ")" : "") + "."); }
    });
    result.htxs_caps.forEach(function (cap) {
      var group = result.members.filter(function (m) { return m.htxs_status && (m.group || "") === cap.group && m.role === cap.role; });
      var by = function (s) { return group.filter(function (m) { return m.htxs_status === s; }); };
      p("– Tỷ lệ hoàn thành xuất sắc nhiệm vụ, " + (cap.group ? cap.group + ", " : "") + vi("roles", cap.role) + ": tối đa " + (cap.max === null ? "(không có trần trong dữ liệu)" : cap.max) +
        " người; trong tỷ lệ: " + names(by("within")) + "; vượt tỷ lệ: " + names(by("over")) +
        (by("tie").length ? "; bằng nhau ở ranh giới, Hội đồng quyết định: " + names(by("tie")) + " → " + BLANK : "") +
        (by("unranked").length ? "; cần xếp thứ tự: " + names(by("unranked")) + " → " + BLANK : "") + ".");
      (cap.layer_text || []).forEach(function (text) { p("    " + BX.clean(text)); });
    });
    p("3. Danh hiệu thi đua", "bx-strong");
    ["LDTT", "CSTT"].forEach(function (c) { var l = titled(result, c); if (l.length) { p("– " + vi("titles", c) + ": " + l.length + " người đủ điều kiện (" + names(l) + ")."); } });
    var cs = titled(result, "CSTDCS");
    var layerQuota = result.cstdcs.source === "layer" ? result.settings.layer.quota : null;
    p("– " + vi("titles", "CSTDCS") + ": " + cs.length + " người đủ điều kiện" + (result.cstdcs.none_applies ? " (không áp dụng tỷ lệ chung từ năm 2024)" :
      ", tối đa " + result.cstdcs.max + " người" + (layerQuota ? " (" + layerQuota.source + ")" : "")) + ".");
    if (layerQuota) {
      var eligible = result.members.filter(function (m) { return proposable(m).indexOf("CSTDCS") >= 0; });
      var inQuota = function (s) { return eligible.filter(function (m) { return m.cstdcs_status === s; }); };
      p("    Trong tỷ lệ: " + names(inQuota("within")) + "; vượt tỷ lệ: " + names(inQuota("over")) +
        (inQuota("tie").length ? "; bằng nhau ở ranh giới, Hội đồng quyết định: " + names(inQuota("tie")) + " → " + BLANK : "") +
        (inQuota("unranked").length ? "; cần xếp thứ tự: " + names(inQuota("unranked")) + " → " + BLANK : "") + ".");
    }
    cs.forEach(function (m) { p("    " + m.name + ": số phiếu đồng ý " + (m.votes !== null ? m.votes : "……") + "/……"); });
    var decided = layerDecisions(result);
    if (decided.length) {
      p("– " + LAYER_HEADING + ":");
      decided.forEach(function (d) {
        doc.appendChild(el("p", { class: "bx-doc-layer-reason", "data-testid": "bx-doc-layer-reason", text: "    " + d.member.name + ": " + d.reasons.join(" ") }));
      });
    }
    var col = result.collective;
    if (result.settings.unit_kind && col.classification) {
      p("– Xếp loại của tập thể theo thang 100 điểm (" + String(result.settings.unit_score).replace(".", ",") + " điểm): " + vi("levels", col.classification) + ".");
    }
    p("– Danh hiệu tập thể: " + (col.needed.length ? BLANK : col.eligible_titles.map(function (c) { return vi("titles", c); }).join("; ") || "không đủ điều kiện") + ".");
    var reviews = [];
    result.members.forEach(function (m) { if (m.manual_review_reasons.length) { reviews.push(m.name); } });
    if (reviews.length) { p("4. Trường hợp cần xem xét thêm", "bx-strong"); p(reviews.join("; ") + "."); }
    p("Ý kiến khác: " + BLANK + BLANK);
    p("Biểu quyết: …… / …… thành viên đồng ý. Cuộc họp kết thúc lúc …… giờ …… cùng ngày.");
    doc.appendChild(signatures("THƯ KÝ", "CHỦ TRÌ"));
    return doc;
  }

  function proposal(result) {
    var doc = el("section", { class: "bx-doc", "data-doc": "proposal", "data-testid": "bx-doc-proposal" });
    doc.appendChild(header("TỜ TRÌNH", "Về việc đề nghị công nhận danh hiệu thi đua năm " + result.evaluation_year + " (dự thảo)"));
    var p = function (text, cls) { doc.appendChild(el("p", { class: cls || null, text: text })); };
    p("Kính gửi: Thủ trưởng " + (BX.meta("thidua-co-quan") || BLANK));
    p("Căn cứ Luật Thi đua, khen thưởng và các văn bản hướng dẫn; căn cứ kết quả đánh giá, xếp loại chất lượng năm " + result.evaluation_year +
      " và biên bản họp Hội đồng Thi đua – Khen thưởng ngày …… tháng …… năm ……, Thường trực Hội đồng kính trình xem xét, công nhận:");
    p("I. Danh hiệu cá nhân", "bx-strong");
    var n = 0;
    ["CSTDCS", "LDTT", "CSTT"].forEach(function (c) {
      var l = titled(result, c);
      if (!l.length) { return; }
      n += 1;
      p(n + ". " + vi("titles", c) + ": " + l.length + " người.");
      var list = el("ol");
      l.forEach(function (m) { list.appendChild(el("li", { text: m.name + (m.group ? " — " + m.group : "") })); });
      doc.appendChild(list);
    });
    if (!n) { p("Không có cá nhân đủ điều kiện."); }
    p("II. Danh hiệu tập thể", "bx-strong");
    p(result.collective.needed.length ? BLANK : (result.collective.eligible_titles.map(function (c) { return vi("titles", c); }).join("; ") || "Không đề nghị."));
    var higher = result.members.filter(function (m) { return proposable(m).indexOf("CSTD_BO") >= 0; });
    if (higher.length) {
      p("III. Đề nghị cấp trên xét", "bx-strong");
      p(vi("titles", "CSTD_BO") + ": " + names(higher) + ".");
    }
    p("(Kèm theo: biên bản họp Hội đồng, bảng tổng hợp kết quả bình xét và hồ sơ liên quan.)", "bx-italic");
    doc.appendChild(signatures("NGƯỜI LẬP", "TM. HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG"));
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
    var rows = [["Dòng", "Họ và tên", "Mã", "Phòng/Nhóm", "Nhóm đối tượng", "Xếp loại", "Danh hiệu có thể đề nghị", "Thứ tự xếp hạng", "Số phiếu đồng ý", "Tỷ lệ HTXS", "Tỷ lệ CSTĐCS", "Còn thiếu", "Cần xem xét", "Lỗi"].concat(layerCells(result, null))];
    result.members.forEach(function (m) {
      rows.push([m.row, m.name, m.id || "", m.group || "", vi("roles", m.role), vi("levels", m.level), proposable(m).map(function (c) { return vi("titles", c); }).join("; "),
        m.rank === null ? "" : m.rank, m.votes === null ? "" : m.votes, m.htxs_status ? STATUS[m.htxs_status] : "",
        m.cstdcs_status && !result.cstdcs.none_applies ? STATUS[m.cstdcs_status] : "", m.missing.map(BX.clean).join(" "), reviewNotes(m), ""].concat(layerCells(result, m)));
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
    var link = el("a", { href: url, download: "ket-qua-binh-xet-" + result.evaluation_year + ".csv", hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }

  BX.docs = { render: render, print: print, csv: csv, exportCsv: exportCsv };
})();
