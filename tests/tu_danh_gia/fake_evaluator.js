/* TEST-ONLY fake evaluator (tests/tu_danh_gia): never shipped. It implements the interface
 * the page calls — window.ThiduaEvaluator.evaluate(profile, lang) and
 * validateProfile(profile) — and returns a fixed contract result, so that rendering can be
 * tested before the real evaluator exists. window.__FAKE_RESULT overrides the result. */
window.ThiduaEvaluator = {
  calls: [],
  validateProfile: function () { return []; },
  evaluate: function (profile, lang) {
    window.ThiduaEvaluator.calls.push({ profile: profile, lang: lang });
    if (window.__FAKE_RESULT) { return window.__FAKE_RESULT; }
    return {
      evaluation_year: profile.evaluation_year,
      rules: { thi_dua: "luat-06-2022+nd-98-2023+tt-01-2024", danh_gia: "nd-90-2020+nd-48-2023" },
      subject: "individual",
      classification: profile.classification_input || "HTT",
      eligible_titles: ["LDTT"],
      not_eligible: {
        CSTDCS: { reason: "chưa có sáng kiến được công nhận <b>không in đậm</b>", legal_basis: ["Luật 06/2022/QH15 Điều 23"] }
      },
      not_reached: {
        HTXS: { reason: "chưa có 50 % nhiệm vụ vượt mức", legal_basis: ["Nghị định 90/2020/NĐ-CP Điều 12 khoản 1"] }
      },
      manual_review: true,
      manual_review_reasons: ["Thời gian nghỉ điều trị: cần cấp có thẩm quyền xác định"],
      max_cstdcs: null,
      max_htxs: null,
      flags_used: { cstdcs_htxs_alternative: true },
      unverified_basis: ["Thông tư 01/2024/TT-BNV"],
      explanation: [
        { criterion: "fake-1", text: "Hoàn thành 100 % nhiệm vụ đúng tiến độ", met: true, legal_basis: ["Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"] },
        { criterion: "fake-2", text: "Không bị kỷ luật trong năm", met: true, legal_basis: ["Thông tư 01/2024/TT-BNV"] },
        { criterion: "fake-3", text: "Ít nhất 50 % nhiệm vụ vượt mức", met: false, legal_basis: ["Nghị định 90/2020/NĐ-CP Điều 12 khoản 1"] }
      ]
    };
  }
};
