/* thidua — self-evaluation page: export and import of the contract profile (JSON).
 * Import checks the file against the profile format before touching any answer:
 * size, JSON, known fields only, types and codes, no "<" or ">" in any string.
 * Nothing read from a file is ever inserted as HTML (messages use textContent). */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var MAX_BYTES = 100 * 1024;
  var BOOL = { t: "bool" };
  /* Whole numbers as the contract bounds them (THIDUA_DATA.contract, loaded before this
   * script): what the form may export, import takes back. Without the data, any whole
   * number: the page then evaluates nothing anyway. */
  var CONTRACT = window.THIDUA_DATA && window.THIDUA_DATA.contract;
  function whole(field) {
    var f = CONTRACT && field(CONTRACT);
    var k = f && f.kind;
    var low = k && typeof k.low === "number" ? k.low : -Infinity;
    return { t: "int", min: low, max: k && typeof k.high === "number" ? k.high : Infinity };
  }
  var INT = whole(function (c) { return c.subjects.individual.tasks.kind.fields.completed; });
  var YEAR = whole(function (c) { return c.subjects.individual.discipline.kind.item.fields.violation_year; });
  var EVALUATION_YEAR = whole(function (c) { return c.common.evaluation_year; });
  var DATE = { t: "date" };
  function codes(list) { return { t: "code", codes: list.split(" ") }; }
  function num(min, max) { return { t: "num", min: min, max: max }; }
  function obj(fields, required) { return { t: "obj", fields: fields, required: required || [] }; }
  function list(item, max) { return { t: "list", item: item, max: max }; }
  /* Texts and numbers the form itself checks, with a message at the field (an odd
   * period, a score out of range, a level that is not one): imported as they are. */
  var TEXT = { t: "text" };
  var NUMBER = { t: "num", min: -Infinity, max: Infinity };
  var VALUE = codes("tot dap_ung khong_dap_ung");
  var LEVEL = codes("HTXS HTT HTNV KHTNV NOT_CLASSIFIED");
  var TITLE = codes("LDTT CSTT CSTDCS CSTD_BO CSTDTQ");
  var ROWS = TDG.form.ROWS;
  /* The individual profile of evaluation-contract.md. */
  var PROFILE = obj({
    evaluation_year: EVALUATION_YEAR,
    subject: codes("individual"),
    flags: obj({
      cstdcs_htxs_alternative: BOOL, quota_rounding: codes("floor round_half_up ceil"),
      htxs_ratio_base: codes("htt_or_above htt_only"), htxs_ratio: num(0, 1), cstdcs_ratio: num(0, 1)
    }),
    role: codes("can_bo cong_chuc vien_chuc nguoi_lao_dong"),
    leader: BOOL, armed_forces: BOOL,
    months_worked: num(0, 12),
    recruited_on: DATE,
    leave: list(obj({
      kind: codes("thai_san om_dau khong_luong dieu_tri_thuong_tich_cuu_nguoi dieu_tri_thuong_tich_chien_dau hoc_tap khac"),
      months: num(0, 12), from: DATE, to: DATE, certified_by: codes("co_so_y_te_cap_huyen_tro_len khac")
    }, ["kind", "months"]), ROWS.leave),
    discipline: list(obj({
      system: codes("dang hanh_chinh"),
      form: codes("khien_trach canh_cao ha_bac_luong giang_chuc cach_chuc buoc_thoi_viec khai_tru"),
      decided_on: DATE, violation_year: YEAR, already_used_for_rating_year: YEAR
    }, ["form"]), ROWS.discipline),
    general_criteria: obj({ chinh_tri_tu_tuong: VALUE, dao_duc_loi_song: VALUE, tac_phong_le_loi: VALUE, y_thuc_to_chuc_ky_luat: VALUE }),
    leadership_criterion_5a: VALUE,
    tasks: obj({ assigned: INT, completed: INT, on_time_with_quality: INT, exceeded: INT, efficiency: codes("high normal low") }),
    unit: obj({ targets_total: INT, targets_completed: INT, targets_on_time_quality: INT, targets_exceeded: INT }),
    sub_units: obj({ total: INT, htnv_or_above: INT, htt_or_above: INT }),
    score_total: num(0, 100),
    score_general: NUMBER, score_tasks: NUMBER,
    period_scores: list(obj({ period: TEXT, score: NUMBER }, ["period", "score"]), 12),
    unit_has_own_rules: BOOL, unit_classification: TEXT,
    degradation_concluded: BOOL, unit_corruption_or_waste: BOOL,
    classification_input: LEVEL,
    emulation_spirit: BOOL,
    initiatives: list(obj({
      kind: codes("sang_kien de_tai de_an cong_trinh muu_tri_chien_dau"), year: YEAR,
      recognised_at: codes("co_so bo_tinh toan_quoc"), accepted: BOOL, applied: BOOL,
      effect: codes("applied applied_and_replicable_in_bo_tinh applied_and_replicable_nationwide"),
      recognised_by: codes("co_so nguoi_dung_dau_bo_tinh bo_truong_quoc_phong_cong_an khac")
    }, ["kind"]), ROWS.initiatives),
    prior_titles: { t: "prior" }
  }, ["evaluation_year", "subject"]);

  function short(text) {
    text = String(text);
    return text.length > 60 ? text.slice(0, 57) + "…" : text;
  }

  /* Problems of a parsed value against the profile format: [{key, path, ...}]. */
  function check(value, spec, path, out) {
    var t = spec.t;
    var bad = function () { out.push({ key: "importType", path: path }); };
    if (typeof value === "string" && /[<>]/.test(value)) { out.push({ key: "importHtml", path: path }); return; }
    if (t === "bool") { if (typeof value !== "boolean") { bad(); } return; }
    if (t === "int" || t === "num") {
      if (typeof value !== "number" || !isFinite(value) || (t === "int" && value % 1 !== 0) || value < spec.min || value > spec.max) { bad(); }
      return;
    }
    if (t === "text") { if (typeof value !== "string" || value.length > 40) { bad(); } return; }
    if (t === "code") { if (typeof value !== "string" || spec.codes.indexOf(value) < 0) { bad(); } return; }
    if (t === "date") { if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isNaN(Date.parse(value))) { bad(); } return; }
    if (t === "list") {
      if (!Array.isArray(value)) { bad(); return; }
      if (value.length > spec.max) { out.push({ key: "importRows", path: path, max: spec.max }); return; }
      value.forEach(function (item, i) { check(item, spec.item, path + "[" + i + "]", out); });
      return;
    }
    if (t === "prior") {
      if (!value || typeof value !== "object" || Array.isArray(value)) { bad(); return; }
      Object.keys(value).forEach(function (year) {
        var p = path + "." + short(year);
        if (!/^\d{4}$/.test(year)) { out.push({ key: /[<>]/.test(year) ? "importHtml" : "importType", path: p }); return; }
        check(value[year], list(TITLE, 5), p, out);
      });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) { bad(); return; }
    Object.keys(value).forEach(function (key) {
      var p = path ? path + "." + short(key) : short(key);
      if (!Object.prototype.hasOwnProperty.call(spec.fields, key)) { out.push({ key: /[<>]/.test(key) ? "importHtml" : "importUnknown", path: p }); return; }
      check(value[key], spec.fields[key], p, out);
    });
    spec.required.forEach(function (key) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) { out.push({ key: "importMissing", path: path ? path + "." + key : key }); }
    });
  }

  /* Where a problem is, said as the form says it: the field's label ("Số nhiệm vụ được
   * giao"), else the label of the nearest part the form has followed by the file's own key
   * in quotes (a key the page does not know, e.g. misspelt), never a program path. */
  function where(path, T) {
    var name = String(path).replace(/\[(\d+)\]/g, ".$1");
    var parts = name ? name.split(".") : [];
    for (var n = parts.length; n > 0; n--) {
      var head = parts.slice(0, n).join(".");
      var label = head === "flags" ? T.flags : labelFor(head);
      if (label) {
        var rest = parts.slice(n).join(".");
        return rest ? label + " — “" + rest + "”" : label;
      }
    }
    return "“" + (name || "…") + "”";
  }
  function labelFor(name) {
    var form = document.getElementById("tdg-form");
    var c = document.getElementById(TDG.form.fid(name));
    if (c && c.name && c.type !== "hidden") { return TDG.form.labelOf(c.name); }
    var row = form.querySelector('[name^="' + name.replace(/["\\]/g, "") + '."]:not([type="hidden"])');
    var box = row ? row.closest(".tdg-row, fieldset") : null;
    var legend = box ? box.querySelector("legend") : null;
    return legend ? legend.textContent.replace(/\s+/g, " ").trim() : null;
  }

  /* Parse and check a file's text; {profile} or {problems: [plain-text messages]}. */
  function parse(text, T) {
    if (text.length > MAX_BYTES) { return { problems: [T.importTooBig] }; }
    var value;
    try { value = JSON.parse(text); } catch (e) { return { problems: [T.importNotJson] }; }
    if (!value || typeof value !== "object" || Array.isArray(value)) { return { problems: [T.importNotObject] }; }
    if (value.subject !== undefined && value.subject !== "individual") { return { problems: [T.importSubject] }; }
    var found = [];
    check(value, PROFILE, "", found);
    if (found.length) {
      var problems = found.slice(0, 8).map(function (p) { return TDG.fmt(T[p.key], { path: where(p.path, T), max: p.max }); });
      if (found.length > 8) { problems.push(TDG.fmt(T.importMore, { n: found.length - 8 })); }
      return { problems: problems };
    }
    return { profile: value };
  }

  function download(profile, fileName) {
    var blob = new Blob([JSON.stringify(profile, null, 2) + "\n"], { type: "application/json" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /* Read a File; calls done(text) or done(null, problem) — never touches the answers. */
  function readFile(file, T, done) {
    if (file.size > MAX_BYTES) { done(null, T.importTooBig); return; }
    var reader = new FileReader();
    reader.onload = function () { done(String(reader.result)); };
    reader.onerror = function () { done(null, T.importNotJson); };
    reader.readAsText(file);
  }

  /* More fields of the profile (a local layer's, from layer.js): name → {kind, parts}. */
  function addFields(declared) {
    Object.keys(declared).forEach(function (name) {
      var kind = declared[name].kind;
      var parts = {};
      Object.keys(declared[name].parts || {}).forEach(function (k) { parts[k] = NUMBER; });
      PROFILE.fields[name] = kind === "so_dem" ? NUMBER : kind === "diem_thanh_phan" ? obj(parts) : TEXT;
    });
  }

  TDG.io = { MAX_BYTES: MAX_BYTES, parse: parse, download: download, readFile: readFile, addFields: addFields };
})();
