/* thidua — self-evaluation page: export and import of the contract profile (JSON).
 * Import checks the file against the profile format before touching any answer:
 * size, JSON, known fields only, types and codes, no "<" or ">" in any string.
 * Nothing read from a file is ever inserted as HTML (messages use textContent). */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var MAX_BYTES = 100 * 1024;
  function obj(fields, required) { return { t: "obj", fields: fields, required: required || [] }; }
  function list(item, max) { return { t: "list", item: item, max: max }; }
  /* Texts and numbers the form itself checks, with a message at the field (an odd
   * period, a score out of range, a level that is not one): imported as they are. */
  var TEXT = { t: "text" };
  var NUMBER = { t: "num", min: -Infinity, max: Infinity };
  var OWN = { score_general: NUMBER, score_tasks: NUMBER, "period_scores.score": NUMBER, unit_classification: TEXT };
  /* The answers by which the form writes a row (form.js toProfile): a row of the file must
   * give them; the row's other fields the form then asks for. */
  var ROW_KEYS = { leave: ["kind", "months"], discipline: ["form"], initiatives: ["kind"], period_scores: ["period", "score"] };

  /* The individual profile's format, read from the contract (THIDUA_DATA.contract, loaded
   * before this script): its fields, codes, limits and patterns, never a copy; the rows
   * the page holds (form.js, calc.js). Without the data, none: import then says the tool
   * is not ready. */
  var C = window.THIDUA_DATA && window.THIDUA_DATA.contract;
  function fields(declared, path) {
    var out = {};
    Object.keys(declared).forEach(function (name) {
      var d = declared[name];
      out[name] = spec(typeof d.kind === "object" ? d.kind : d, path + name);
    });
    return out;
  }
  function spec(k, name) {
    if (OWN[name]) { return OWN[name]; }
    switch (k.kind) {
      case "code": return { t: "code", codes: k.values };
      /* A count without an upper limit: any whole number from 0, as the form exports it (one
       * that must be at least 1 is left to the evaluator's problem, form.js fault). */
      case "int": return typeof k.high === "number" ? { t: "int", min: k.low, max: k.high } : { t: "int", min: 0, max: Infinity };
      case "number": return { t: "num", min: k.low, max: k.high };
      case "ratio": return { t: "num", min: k.low, max: k.high };
      case "map": return obj(fields(k.fields, name + "."));
      case "list":
        var item = spec(k.item, name);
        item.required = ROW_KEYS[name] || [];
        return list(item, name === "period_scores" ? TDG.calc.ROWS : TDG.form.ROWS[name]);
      case "flags": return obj(fields(C.flags, name + "."));
      case "prior_titles": return { t: "prior", item: list({ t: "code", codes: C.codes.individual_titles }, C.codes.individual_titles.length) };
      case "period": return TEXT;
      default: return { t: k.kind }; // bool, date
    }
  }
  var PROFILE = C && obj(fields(C.common, ""), Object.keys(C.common).filter(function (n) { return C.common[n].required; }));
  if (PROFILE) {
    var individual = fields(C.subjects.individual, "");
    Object.keys(individual).forEach(function (name) { PROFILE.fields[name] = individual[name]; });
  }

  function short(text) {
    text = String(text);
    return text.length > 60 ? text.slice(0, 57) + "…" : text;
  }

  /* A text matching the whole of a contract pattern (date, year). */
  function whole(pattern, text) { return new RegExp("^(?:" + C.patterns[pattern] + ")$").test(text); }

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
    if (t === "date") { if (typeof value !== "string" || !whole("date", value) || isNaN(Date.parse(value))) { bad(); } return; }
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
        if (!whole("year", year)) { out.push({ key: /[<>]/.test(year) ? "importHtml" : "importType", path: p }); return; }
        check(value[year], spec.item, p, out);
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
    if (!PROFILE) { return { problems: [T.unavailable] }; }
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
    if (!PROFILE) { return; }
    Object.keys(declared).forEach(function (name) {
      var kind = declared[name].kind;
      var parts = {};
      Object.keys(declared[name].parts || {}).forEach(function (k) { parts[k] = NUMBER; });
      PROFILE.fields[name] = kind === "so_dem" ? NUMBER : kind === "diem_thanh_phan" ? obj(parts) : TEXT;
    });
  }

  TDG.io = { MAX_BYTES: MAX_BYTES, parse: parse, download: download, readFile: readFile, addFields: addFields };
})();
