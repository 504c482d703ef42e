/* thidua — the evaluator in the browser: a port of hooks/thidua/evaluator (Python) that
 * interprets the SAME criteria data, published as window.THIDUA_DATA (export_data()).
 * No rule, threshold or result text is written here: they all come from the data. What
 * is written here is the contract's profile schema (field names, codes, ranges: profile.py)
 * and the generic operations (ops.py, engine.py), in the same order, so that the result
 * object is identical to `thidua evaluate PROFILE --json` (tests/evaluator_js compare them).
 *
 *   ThiduaEvaluator.validateProfile(profile) → ["field: found …; allowed: …", …] ([] if valid)
 *   ThiduaEvaluator.problems(profile)        → [{path, field, found, allowed, message}, …]
 *   ThiduaEvaluator.evaluate(profile, lang)  → the contract result (throws when invalid)
 *
 * Numbers are exact: profile numbers have at most 2 decimals and ratios 4, so they are
 * held as reduced fractions of integers (Frac) and compared by cross-multiplication.
 * Dates are "YYYY-MM-DD" strings. Classic script, no dependencies, works from file://.
 * Known differences in messages only: a JS object lists integer-like keys (prior_titles
 * years) in ascending order, so their problems come in that order; 3.0 is 3 in JS. */
(function () {
  "use strict";

  var MISSING = { missing: true };
  var hasOwn = Object.prototype.hasOwnProperty;

  function has(obj, key) { return obj !== null && typeof obj === "object" && hasOwn.call(obj, key); }

  // ---- exact numbers --------------------------------------------------------------------

  function gcd(a, b) {
    a = Math.abs(a); b = Math.abs(b);
    while (b) { var t = a % b; a = b; b = t; }
    return a;
  }

  /** A reduced fraction n/d (d > 0), like Python's Fraction. */
  function Frac(n, d) {
    if (d === undefined) { d = 1; }
    if (d < 0) { n = -n; d = -d; }
    var g = gcd(n, d) || 1;
    this.n = n / g;
    this.d = d / g;
  }
  function frac(value) { return value instanceof Frac ? value : new Frac(Number(value), 1); }
  function fadd(a, b) { return new Frac(a.n * b.d + b.n * a.d, a.d * b.d); }
  function fmul(a, b) { return new Frac(a.n * b.n, a.d * b.d); }
  function fdiv(a, b) { return new Frac(a.n * b.d, a.d * b.n); }
  function fcmp(a, b) {
    var left = a.n * b.d;
    var right = b.n * a.d;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  /** Python's a // b for integers (floor division). */
  function floorDiv(a, b) {
    var q = Math.floor(a / b);
    while (q * b > a) { q -= 1; }
    while ((q + 1) * b <= a) { q += 1; }
    return q;
  }

  var FRACTION_FORMAT = /^\s*([-+]?)(?=\d|\.\d)(\d*|\d+(?:_\d+)*)(?:(?:\/(\d+(?:_\d+)*))?|(?:\.(d*|\d+(?:_\d+)*))?(?:[eE]([-+]?\d+(?:_\d+)*))?)\s*$/i;

  /** Python's Fraction(str) for a numeric text, then kept only when value·10^places is a
   *  whole number (else null). Exact for every value in range; huge values are only
   *  approximated (they fail the range checks anyway). */
  function parseExact(text, places) {
    var m = FRACTION_FORMAT.exec(text);
    if (!m) { return null; }
    var neg = m[1] === "-";
    var num = (m[2] || "0").replace(/_/g, "");
    var n;
    if (m[3] !== undefined) {
      var den = Number(m[3].replace(/_/g, ""));
      if (den === 0) { return null; }
      var value = new Frac(Number(num) * (neg ? -1 : 1), den);
      return Math.pow(10, places) % value.d === 0 ? value : null;
    }
    var decimal = m[4] || "";
    if (decimal && !/^\d+(?:_\d+)*$/.test(decimal)) { return null; } // int("d…") fails
    decimal = decimal.replace(/_/g, "");
    var exp = m[5] ? Number(m[5].replace(/_/g, "")) : 0;
    var digits = (num + decimal).replace(/^0+/, "");
    exp -= decimal.length;
    if (!digits) { return new Frac(0, 1); }
    while (digits.charAt(digits.length - 1) === "0") { digits = digits.slice(0, -1); exp += 1; }
    if (exp < -places) { return null; }
    if (digits.length + exp > 20) { return new Frac(neg ? -1e300 : 1e300, 1); }
    n = Number(digits) * Math.pow(10, exp + places);
    return new Frac(neg ? -n : n, Math.pow(10, places));
  }

  /** A number as Python's str(float|int) writes it (for messages only). */
  function pyNumber(value) {
    if (Number.isInteger(value) && Math.abs(value) < 1e16) { return String(value); }
    if (!isFinite(value)) { return value > 0 ? "inf" : value < 0 ? "-inf" : "nan"; }
    var parts = value.toExponential().split("e");
    var exp = Number(parts[1]);
    var mantissa = parts[0];
    if (exp < -4 || exp >= 16) {
      return mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    return String(value);
  }

  /** Python's to_fraction: an int/float/decimal text with at most 2 decimals, else null. */
  function toFraction(value) {
    if (typeof value === "number") {
      return isFinite(value) ? parseExact(String(value), 2) : null;
    }
    if (typeof value === "string") { return parseExact(value, 2); }
    return null;
  }

  /** Python's ratio_value: a ratio 0–1 with at most 4 decimals (number or text), else null. */
  function ratioValue(value) {
    var exact;
    if (typeof value === "number") {
      exact = isFinite(value) ? parseExact(String(value), 4) : null;
    } else if (typeof value === "string") {
      exact = parseExact(value.trim(), 4);
    } else {
      return null;
    }
    if (exact === null || exact.n < 0 || exact.n > exact.d) { return null; }
    return exact;
  }

  /** Numbers as people write them (ops.fmt). */
  function fmt(value) {
    if (value instanceof Frac) {
      if (value.d === 1) { return String(value.n); }
      if (100 % value.d === 0) {
        var hundredths = value.n * (100 / value.d);
        var whole = floorDiv(hundredths, 100);
        var part = hundredths - whole * 100;
        return (whole + "." + (part < 10 ? "0" : "") + part).replace(/0+$/, "");
      }
      return value.n + "/" + value.d;
    }
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    if (typeof value === "number") { return pyNumber(value); }
    return String(value);
  }

  /** Python's == for the scalars profiles and data hold (True == 1, Fraction == int). */
  function pyEq(a, b) {
    var numeric = function (v) { return typeof v === "number" || typeof v === "boolean" || v instanceof Frac; };
    if (numeric(a) && numeric(b)) {
      var x = a instanceof Frac ? a : new Frac(Number(a), 1);
      var y = b instanceof Frac ? b : new Frac(Number(b), 1);
      return fcmp(x, y) === 0;
    }
    return a === b;
  }
  function pyIn(value, list) {
    for (var i = 0; i < list.length; i++) { if (pyEq(value, list[i])) { return true; } }
    return false;
  }

  function compare(left, cmp, right) {
    var c = fcmp(left, right);
    switch (cmp) {
      case "ge": return c >= 0;
      case "gt": return c > 0;
      case "le": return c <= 0;
      case "lt": return c < 0;
      case "eq": return c === 0;
    }
    throw new Error("unknown cmp " + cmp);
  }
  var CMP_SIGN = { ge: "≥", gt: ">", le: "≤", lt: "<", eq: "=" };

  /** A number written in the data (e.g. 50, 0.5) as an exact fraction. */
  function dataNumber(value) {
    var exact = parseExact(String(value), 6);
    return exact === null ? new Frac(Math.round(Number(value) * 1e6), 1e6) : exact;
  }

  /* A message template split once into [text, key, text, key, …, text] (a page may format
   * the same few templates thousands of times: the Bình xét page's 500 members). */
  var TEMPLATE_PARTS = {};
  function format(template, values) {
    var parts = hasOwn.call(TEMPLATE_PARTS, template) ? TEMPLATE_PARTS[template]
      : (TEMPLATE_PARTS[template] = template.split(/\{(\w+)\}/));
    var out = parts[0];
    for (var i = 1; i < parts.length; i += 2) {
      out += (has(values, parts[i]) ? String(values[parts[i]]) : "{" + parts[i] + "}") + parts[i + 1];
    }
    return out;
  }

  function unique(items) {
    var seen = [];
    for (var i = 0; i < items.length; i++) { if (seen.indexOf(items[i]) < 0) { seen.push(items[i]); } }
    return seen;
  }

  function isMap(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Frac);
  }

  // ---- the profile of the contract (profile.py) ----------------------------------------

  var ROLES = ["can_bo", "cong_chuc", "vien_chuc", "nguoi_lao_dong"];
  var SUBJECTS = ["individual", "collective", "unit_quota"];
  var CLASSIFICATIONS = ["HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED"];
  var LEVEL_CODES = ["HTXS", "HTT", "HTNV", "KHTNV"];
  var UNIT_KINDS = ["don_vi_su_nghiep", "co_quan_hanh_chinh"];
  var INDIVIDUAL_TITLES = ["LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ"];
  var COLLECTIVE_TITLES = ["TTLDTT", "TTLDXS", "CO_THI_DUA_BO", "CO_THI_DUA_CP"];
  var CRITERION_VALUES = ["tot", "dap_ung", "khong_dap_ung"];
  var LEAVE_KINDS = ["thai_san", "om_dau", "khong_luong", "dieu_tri_thuong_tich_cuu_nguoi",
    "dieu_tri_thuong_tich_chien_dau", "hoc_tap", "khac"];
  var DISCIPLINE_SYSTEMS = ["dang", "hanh_chinh"];
  var DISCIPLINE_FORMS = ["khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc",
    "buoc_thoi_viec", "khai_tru"];
  var INITIATIVE_KINDS = ["sang_kien", "de_tai", "de_an", "cong_trinh", "muu_tri_chien_dau"];
  var RECOGNISED_AT = ["co_so", "bo_tinh", "toan_quoc"];
  var EFFECTS = ["applied", "applied_and_replicable_in_bo_tinh", "applied_and_replicable_nationwide"];
  var RECOGNISED_BY = ["co_so", "nguoi_dung_dau_bo_tinh", "bo_truong_quoc_phong_cong_an", "khac"];
  var CERTIFIED_BY = ["co_so_y_te_cap_huyen_tro_len", "khac"];
  var EFFICIENCY = ["high", "normal", "low"];
  var GENERAL_CRITERIA = ["chinh_tri_tu_tuong", "dao_duc_loi_song", "tac_phong_le_loi",
    "y_thuc_to_chuc_ky_luat"];
  var FLAG_NAMES = ["cstdcs_htxs_alternative", "quota_rounding", "htxs_ratio_base", "htxs_ratio",
    "cstdcs_ratio"];
  var LEVEL_ORDER = ["HTXS", "HTT", "HTNV"];

  function code(values) { return { kind: "code", values: values }; }
  function integer(low, high) {
    return { kind: "int", low: low === undefined ? 0 : low, high: high === undefined ? null : high };
  }
  function number(low, high) { return { kind: "number", low: low, high: high }; }
  function mapping(fields) { return { kind: "map", fields: fields }; }
  function listing(item) { return { kind: "list", item: item }; }
  function field(kind, required, dflt) {
    return { kind: kind, required: !!required, dflt: dflt === undefined ? null : dflt };
  }
  var BOOL = { kind: "bool" };
  var DATE = { kind: "date" };
  var SHARE = { kind: "share" };
  var PERIOD = { kind: "period" };
  var YEAR = integer(1945, 2100);

  var LEAVE = mapping({
    kind: field(code(LEAVE_KINDS), true),
    months: field(number(0, 12), true),
    from: field(DATE),
    to: field(DATE),
    certified_by: field(code(CERTIFIED_BY))
  });
  var DISCIPLINE = mapping({
    system: field(code(DISCIPLINE_SYSTEMS), true),
    form: field(code(DISCIPLINE_FORMS), true),
    decided_on: field(DATE, true),
    violation_year: field(YEAR, true),
    already_used_for_rating_year: field(YEAR)
  });
  var INITIATIVE = mapping({
    kind: field(code(INITIATIVE_KINDS), true),
    year: field(YEAR, true),
    recognised_at: field(code(RECOGNISED_AT)),
    accepted: field(BOOL),
    applied: field(BOOL),
    effect: field(code(EFFECTS)),
    recognised_by: field(code(RECOGNISED_BY))
  });
  var PERIOD_SCORE = mapping({
    period: field(PERIOD, true),
    score: field(number(0, 100), true)
  });
  var GENERAL = {};
  GENERAL_CRITERIA.forEach(function (k) { GENERAL[k] = field(code(CRITERION_VALUES), true); });

  var COMMON = {
    evaluation_year: field(integer(1900, 2100), true),
    subject: field(code(SUBJECTS), true),
    flags: field({ kind: "flags" })
  };
  var INDIVIDUAL = {
    role: field(code(ROLES), true),
    leader: field(BOOL, false, false),
    armed_forces: field(BOOL, false, false),
    months_worked: field(number(0, 12)), // default: defaultMonthsWorked
    recruited_on: field(DATE),
    leave: field(listing(LEAVE), false, []),
    discipline: field(listing(DISCIPLINE), false, []),
    general_criteria: field(mapping(GENERAL)),
    leadership_criterion_5a: field(code(CRITERION_VALUES)),
    tasks: field(mapping({
      assigned: field(integer(1), true),
      completed: field(integer(), true),
      on_time_with_quality: field(integer(), true),
      exceeded: field(integer(), true),
      efficiency: field(code(EFFICIENCY))
    })),
    unit: field(mapping({
      targets_total: field(integer(1), true),
      targets_completed: field(integer(), true),
      targets_on_time_quality: field(integer(), true),
      targets_exceeded: field(integer(), true)
    })),
    sub_units: field(mapping({
      total: field(integer(), true),
      htnv_or_above: field(integer(), true),
      htt_or_above: field(integer(), true)
    })),
    score_total: field(number(0, 100)),
    score_general: field(number(0, 30)),
    score_tasks: field(number(0, 70)),
    period_scores: field(listing(PERIOD_SCORE)),
    unit_has_own_rules: field(BOOL),
    unit_classification: field(code(LEVEL_CODES)),
    degradation_concluded: field(BOOL, false, false),
    unit_corruption_or_waste: field(BOOL, false, false),
    classification_input: field(code(CLASSIFICATIONS)),
    emulation_spirit: field(BOOL, false, true),
    initiatives: field(listing(INITIATIVE), false, []),
    prior_titles: field({ kind: "prior_titles" }, false, {})
  };
  var COLLECTIVE = {
    members: field(integer(1), true),
    unit_result: field(code(CLASSIFICATIONS), true),
    movement_regular_effective: field(BOOL, true),
    internal_unity: field(BOOL, true),
    members_htnv_or_above: field(integer(), true),
    members_ldtt: field(integer(), true),
    members_cstdcs: field(integer(), true),
    members_disciplined: field(integer()),
    members_disciplined_canh_cao_or_above: field(integer(), false, 0),
    leads_emulation_cluster: field(BOOL, false, false),
    exceeded_all_targets: field(BOOL, false, false),
    // Version 3: the level of a collective on 100 points (2026).
    unit_kind: field(code(UNIT_KINDS)),
    score_total: field(number(0, 100)),
    tasks_completed_share: field(SHARE),
    tasks_exceeded_share: field(SHARE),
    tasks_late_share: field(SHARE),
    constituent_units_khtnv: field(integer()),
    deficiencies_remedied: field(BOOL),
    violation_concluded: field(BOOL)
  };
  // With unit_kind and without members, a collective profile asks for its level only.
  var TITLE_FIELDS = ["members", "unit_result", "movement_regular_effective", "internal_unity",
    "members_htnv_or_above", "members_ldtt", "members_cstdcs"];
  var UNIT_QUOTA = {
    unit_ldtt_count: field(integer()),
    cstdcs_eligible_candidates: field(integer()),
    group_size_htt_or_above: field(integer()),
    individuals_meeting_htxs_criteria: field(integer()),
    unit_outstanding_exception_granted: field(BOOL, false, false),
    role: field(code(ROLES)),
    unit_kind: field(code(UNIT_KINDS)),
    units_total: field(integer())
  };
  var FIELDS_BY_SUBJECT = { individual: INDIVIDUAL, collective: COLLECTIVE, unit_quota: UNIT_QUOTA };

  function Problem(path, found, allowed) {
    var f = dotted(path);
    return { path: path, field: f, found: found, allowed: allowed, message: f + ": " + found + "; allowed: " + allowed };
  }

  function dotted(path) {
    var text = "";
    path.forEach(function (part) {
      if (typeof part === "number") { text += "[" + part + "]"; } else { text += text ? "." + part : String(part); }
    });
    return text || "(profile)";
  }

  function pyRepr(text) {
    var quote = text.indexOf("'") >= 0 && text.indexOf('"') < 0 ? '"' : "'";
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      var c = text.charCodeAt(i);
      if (ch === "\\" || ch === quote) { out += "\\" + ch; }
      else if (ch === "\n") { out += "\\n"; }
      else if (ch === "\r") { out += "\\r"; }
      else if (ch === "\t") { out += "\\t"; }
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) { out += "\\x" + (c < 16 ? "0" : "") + c.toString(16); }
      else { out += ch; }
    }
    return quote + out + quote;
  }

  /** A found value as shown in messages (profile.show). */
  function show(value) {
    if (typeof value === "string") { return pyRepr(value); }
    if (Array.isArray(value)) { return "a list"; }
    if (value === null || value === undefined) { return "nothing (null)"; }
    if (typeof value === "object") { return "a mapping"; }
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    if (typeof value === "number") { return pyNumber(value); }
    return String(value);
  }

  function keys(obj) { return Object.keys(obj); }

  function describe(kind) {
    switch (kind.kind) {
      case "code": return "one of " + kind.values.join(", ");
      case "int":
        return kind.high !== null ? "a whole number from " + kind.low + " to " + kind.high
          : "a whole number ≥ " + kind.low;
      case "number": return "a number from " + kind.low + " to " + kind.high + " (at most 2 decimals)";
      case "bool": return "true or false";
      case "date": return "a date YYYY-MM-DD";
      case "map": return "a mapping with " + keys(kind.fields).join(", ");
      case "list": return "a list";
      case "share": return "a share from 0 to 1 (at most 4 decimals, e.g. 0.25)";
      case "period": return "a month YYYY-MM or a quarter YYYY-Qn (n = 1–4)";
    }
    return kind.kind;
  }

  var DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  var PERIOD_RE = /^([0-9]{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

  /** An ISO date "YYYY-MM-DD" that exists, else null (the contract's date format). */
  function parseDate(value) {
    if (typeof value !== "string") { return null; }
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) { return null; }
    var y = Number(m[1]);
    var mo = Number(m[2]);
    var d = Number(m[3]);
    if (y < 1 || mo < 1 || mo > 12 || d < 1) { return null; }
    var leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    var last = mo === 2 && leap ? 29 : DAYS[mo - 1];
    return d <= last ? value : null;
  }

  function checkValue(kind, value, path, out) {
    var allowed = describe(kind);
    switch (kind.kind) {
      case "code":
        if (typeof value !== "string" || kind.values.indexOf(value) < 0) { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      case "int": {
        var ok = typeof value === "number" && Number.isInteger(value);
        if (ok && kind.low !== null && value < kind.low) { ok = false; }
        if (ok && kind.high !== null && value > kind.high) { ok = false; }
        if (!ok) { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      }
      case "number": {
        var exact = typeof value === "number" ? toFraction(value) : null;
        if (exact === null || fcmp(exact, frac(kind.low)) < 0 || fcmp(exact, frac(kind.high)) > 0) {
          out.push(Problem(path, "found " + show(value), allowed));
        }
        break;
      }
      case "bool":
        if (typeof value !== "boolean") { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      case "date":
        if (parseDate(value) === null) { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      case "map":
        checkMap(kind.fields, value, path, out);
        break;
      case "list":
        if (!Array.isArray(value)) { out.push(Problem(path, "found " + show(value), allowed)); return; }
        value.forEach(function (item, index) { checkValue(kind.item, item, path.concat([index]), out); });
        break;
      case "share":
        if (typeof value !== "number" || ratioValue(value) === null) { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      case "period":
        if (typeof value !== "string" || !PERIOD_RE.test(value)) { out.push(Problem(path, "found " + show(value), allowed)); }
        break;
      case "flags":
        checkFlags(value, path, out);
        break;
      case "prior_titles":
        checkPriorTitles(value, path, out);
        break;
    }
  }

  function checkMap(fields, value, path, out) {
    if (!isMap(value)) {
      out.push(Problem(path, "found " + show(value), "a mapping with " + keys(fields).join(", ")));
      return;
    }
    keys(value).forEach(function (key) {
      if (!hasOwn.call(fields, key)) { out.push(Problem(path.concat([String(key)]), "unknown field", "one of " + keys(fields).join(", "))); }
    });
    keys(fields).forEach(function (name) {
      var spec = fields[name];
      if (!hasOwn.call(value, name)) {
        if (spec.required) { out.push(Problem(path.concat([name]), "missing", describe(spec.kind))); }
        return;
      }
      checkValue(spec.kind, value[name], path.concat([name]), out);
    });
  }

  function checkFlags(value, path, out) {
    if (!isMap(value)) {
      out.push(Problem(path, "found " + show(value), "a mapping of interpretation flags"));
      return;
    }
    keys(value).forEach(function (name) {
      var where = path.concat([String(name)]);
      var v = value[name];
      if (FLAG_NAMES.indexOf(name) < 0) {
        out.push(Problem(where, "unknown flag", "one of " + FLAG_NAMES.join(", ")));
      } else if (name === "cstdcs_htxs_alternative") {
        if (typeof v !== "boolean") { out.push(Problem(where, "found " + show(v), "true or false")); }
      } else if (name === "quota_rounding") {
        if (["floor", "round_half_up", "ceil"].indexOf(v) < 0) { out.push(Problem(where, "found " + show(v), "floor, round_half_up or ceil")); }
      } else if (name === "htxs_ratio_base") {
        if (["htt_or_above", "htt_only"].indexOf(v) < 0) { out.push(Problem(where, "found " + show(v), "htt_or_above or htt_only")); }
      } else if (ratioValue(v) === null) {
        out.push(Problem(where, "found " + show(v), "a ratio from 0 to 1 (e.g. 0.15)"));
      }
    });
  }

  /** A prior_titles key ("2023") as a year, else null. */
  function yearKey(key) { return /^[0-9]{4}$/.test(key) ? Number(key) : null; }

  function checkPriorTitles(value, path, out) {
    if (!isMap(value)) {
      out.push(Problem(path, "found " + show(value), "a mapping year → list of title codes"));
      return;
    }
    keys(value).forEach(function (year) {
      var where = path.concat([String(year)]);
      var titles = value[year];
      if (yearKey(year) === null) { out.push(Problem(where, "found year " + show(year), "a year such as 2023")); return; }
      if (!Array.isArray(titles)) { out.push(Problem(where, "found " + show(titles), "a list of title codes")); return; }
      titles.forEach(function (title, index) {
        if (INDIVIDUAL_TITLES.indexOf(title) < 0) {
          out.push(Problem(where.concat([index]), "found " + show(title), INDIVIDUAL_TITLES.join(", ")));
        }
      });
    });
  }

  function consistency(profile, out) {
    function le(small, big, base) {
      var a = base[small[small.length - 1]];
      var b = base[big[big.length - 1]];
      if (typeof a === "number" && typeof b === "number" && a > b) {
        out.push(Problem(small, "found " + a, "at most " + dotted(big) + " (" + b + ")"));
      }
    }
    var subject = profile.subject;
    if (subject === "individual") {
      checkScores(profile, out);
      var tasks = profile.tasks;
      if (isMap(tasks)) {
        le(["tasks", "completed"], ["tasks", "assigned"], tasks);
        le(["tasks", "on_time_with_quality"], ["tasks", "completed"], tasks);
        le(["tasks", "exceeded"], ["tasks", "completed"], tasks);
      }
      var unit = profile.unit;
      if (isMap(unit)) {
        le(["unit", "targets_completed"], ["unit", "targets_total"], unit);
        le(["unit", "targets_on_time_quality"], ["unit", "targets_completed"], unit);
        le(["unit", "targets_exceeded"], ["unit", "targets_completed"], unit);
      }
      var subs = profile.sub_units;
      if (isMap(subs)) {
        le(["sub_units", "htnv_or_above"], ["sub_units", "total"], subs);
        le(["sub_units", "htt_or_above"], ["sub_units", "htnv_or_above"], subs);
      }
    } else if (subject === "collective") {
      ["members_htnv_or_above", "members_ldtt", "members_cstdcs"].forEach(function (name) { le([name], ["members"], profile); });
      le(["members_disciplined"], ["members"], profile);
      le(["members_disciplined_canh_cao_or_above"], ["members_disciplined"], profile);
    } else if (subject === "unit_quota") {
      var pairs = [["unit_ldtt_count", "cstdcs_eligible_candidates"],
        ["group_size_htt_or_above", "individuals_meeting_htxs_criteria"]];
      var present = pairs.map(function (p) { return has(profile, p[0]) || has(profile, p[1]); });
      pairs.forEach(function (p, i) {
        if (!present[i]) { return; }
        p.forEach(function (name) {
          if (!has(profile, name)) { out.push(Problem([name], "missing", "given together with " + p[0] + "/" + p[1])); }
        });
      });
      if (!present[0] && !present[1]) {
        out.push(Problem(["unit_ldtt_count"], "missing",
          "at least one group: unit_ldtt_count + cstdcs_eligible_candidates, " +
          "or group_size_htt_or_above + individuals_meeting_htxs_criteria"));
      }
      le(["cstdcs_eligible_candidates"], ["unit_ldtt_count"], profile);
      le(["individuals_meeting_htxs_criteria"], ["group_size_htt_or_above"], profile);
      if (has(profile, "role") && has(profile, "unit_kind")) {
        out.push(Problem(["unit_kind"], "found together with role",
          "role (a group of staff) or unit_kind (a group of units), not both"));
      }
      if (has(profile, "units_total") && !has(profile, "unit_kind")) {
        out.push(Problem(["units_total"], "found without unit_kind", "given with unit_kind"));
      }
      le(["group_size_htt_or_above"], ["units_total"], profile);
    }
  }

  /** Two scores agree to 0.01 (|a − b| ≤ 0.01). */
  function agree(a, b) {
    var d = fadd(a, new Frac(-b.n, b.d));
    return fcmp(fmul(new Frac(100, 1), new Frac(Math.abs(d.n), d.d)), new Frac(1, 1)) <= 0;
  }

  /** A score for messages: exact with 2 decimals, else ≈ rounded to 4 decimals (profile.show_score). */
  function showScore(value) {
    if (100 % value.d === 0) {
      var hundredths = value.n * (100 / value.d);
      var whole = floorDiv(hundredths, 100);
      var part = hundredths - whole * 100;
      return part === 0 ? String(whole) : (whole + "." + (part < 10 ? "0" : "") + part).replace(/0+$/, "");
    }
    var scaled = fmul(value, new Frac(10000, 1));
    var n = floorDiv(2 * scaled.n + scaled.d, 2 * scaled.d);
    var w = floorDiv(n, 10000);
    var f = String(n - w * 10000);
    while (f.length < 4) { f = "0" + f; }
    return ("≈ " + w + "." + f).replace(/0+$/, "").replace(/\.$/, "");
  }

  /** The year's score: the mean of the period scores (exact). */
  function periodMean(items) {
    var total = new Frac(0, 1);
    items.forEach(function (item) {
      total = fadd(total, item.score instanceof Frac ? item.score : toFraction(item.score));
    });
    return fdiv(total, new Frac(items.length, 1));
  }

  /** score_general + score_tasks, period_scores and score_total must agree (contract v3). */
  function checkScores(profile, out) {
    var year = profile.evaluation_year;
    var split = null;
    var hasGeneral = has(profile, "score_general");
    var hasTasks = has(profile, "score_tasks");
    if (hasGeneral !== hasTasks) {
      var have = hasGeneral ? "score_general" : "score_tasks";
      var need = hasGeneral ? "score_tasks" : "score_general";
      out.push(Problem([need], "missing", "given together with " + have + " (their sum is the year's score)"));
    } else if (hasGeneral) {
      var general = toFraction(profile.score_general);
      var tasks = toFraction(profile.score_tasks);
      split = fadd(general, tasks);
      if (has(profile, "score_total") && !agree(split, toFraction(profile.score_total))) {
        out.push(Problem(["score_total"], "found " + show(profile.score_total) +
          ", but score_general + score_tasks = " + showScore(general) + " + " + showScore(tasks) +
          " = " + showScore(split), "a total that agrees with score_general + score_tasks to 0.01"));
      }
    }
    if (!has(profile, "period_scores")) { return; }
    var items = profile.period_scores;
    if (!items.length) {
      out.push(Problem(["period_scores"], "found an empty list", "one score per month or quarter worked"));
      return;
    }
    var seen = {};
    var first = null;
    var ok = true;
    items.forEach(function (item, index) {
      var period = item.period;
      var where = ["period_scores", index, "period"];
      var m = PERIOD_RE.exec(period);
      var kind = m[2] ? "month" : "quarter";
      if (Number(m[1]) !== year) {
        ok = false;
        out.push(Problem(where, "found " + show(period) + ", a period of " + m[1],
          "a month or quarter of the evaluation year " + year));
      }
      if (hasOwn.call(seen, period)) {
        ok = false;
        out.push(Problem(where, "found " + show(period) + " twice (also period_scores[" + seen[period] + "])",
          "each month or quarter once"));
      } else {
        seen[period] = index;
      }
      if (first === null) {
        first = [index, kind];
      } else if (kind !== first[1]) {
        ok = false;
        out.push(Problem(where, "found the " + kind + " " + show(period) + " with the " + first[1] + " " +
          show(items[first[0]].period) + " (period_scores[" + first[0] + "])",
          "all months (YYYY-MM) or all quarters (YYYY-Qn), not both"));
      }
    });
    if (!ok) { return; }
    var mean = periodMean(items);
    var count = items.length + " " + (first ? first[1] : "") + (items.length > 1 ? "s" : "");
    if (has(profile, "score_total") && !agree(mean, toFraction(profile.score_total))) {
      out.push(Problem(["score_total"], "found " + show(profile.score_total) + ", but the mean of period_scores (" +
        count + ") is " + showScore(mean), "a total that agrees with the mean of period_scores to 0.01"));
    }
    if (split !== null && !agree(mean, split)) {
      out.push(Problem(["score_general"], "found score_general + score_tasks = " + showScore(split) +
        ", but the mean of period_scores (" + count + ") is " + showScore(mean),
        "a split whose sum agrees with the mean of period_scores to 0.01"));
    }
  }

  function merged(a, b) {
    var out = {};
    keys(a).forEach(function (k) { out[k] = a[k]; });
    keys(b).forEach(function (k) { out[k] = b[k]; });
    return out;
  }

  /** Every structural problem (profile.check). */
  function check(profile) {
    var out = [];
    if (!isMap(profile)) { return [Problem([], "found " + show(profile), "a mapping (YAML or JSON object)")]; }
    var subject = profile.subject;
    if (typeof subject === "string" && hasOwn.call(FIELDS_BY_SUBJECT, subject)) {
      var fields = FIELDS_BY_SUBJECT[subject];
      if (subject === "collective" && hasOwn.call(profile, "unit_kind")) {
        // The level is computed: unit_result is optional; without members, no titles.
        var optional = hasOwn.call(profile, "members") ? ["unit_result"] : TITLE_FIELDS;
        var relaxed = {};
        keys(fields).forEach(function (name) {
          var spec = fields[name];
          relaxed[name] = optional.indexOf(name) >= 0 ? { kind: spec.kind, required: false, dflt: spec.dflt } : spec;
        });
        fields = relaxed;
      }
      checkMap(merged(COMMON, fields), profile, [], out);
    } else {
      var common = {};
      keys(profile).forEach(function (k) { if (hasOwn.call(COMMON, k)) { common[k] = profile[k]; } });
      checkMap(COMMON, common, [], out);
    }
    if (!out.length) { consistency(profile, out); }
    return out;
  }

  function norm(kind, value) {
    switch (kind.kind) {
      case "number": return toFraction(value);
      case "share": return ratioValue(value);
      case "date": return parseDate(value);
      case "map": {
        var out = {};
        keys(value).forEach(function (k) { out[k] = norm(kind.fields[k].kind, value[k]); });
        return out;
      }
      case "list": return value.map(function (v) { return norm(kind.item, v); });
      case "prior_titles": {
        var years = {};
        keys(value).forEach(function (k) { years[String(yearKey(k))] = value[k].slice(); });
        return years;
      }
    }
    return value;
  }

  /** A valid profile with defaults filled, dates ISO, numbers exact (profile.normalise). */
  function normalise(profile) {
    var subject = profile.subject;
    var flags = {};
    if (isMap(profile.flags)) { keys(profile.flags).forEach(function (k) { flags[k] = profile.flags[k]; }); }
    var result = { evaluation_year: profile.evaluation_year, subject: subject, flags: flags };
    var fields = FIELDS_BY_SUBJECT[subject];
    keys(fields).forEach(function (name) {
      var spec = fields[name];
      if (hasOwn.call(profile, name)) { result[name] = norm(spec.kind, profile[name]); }
      else if (spec.dflt !== null) { result[name] = norm(spec.kind, spec.dflt); }
    });
    if (subject === "individual" && !hasOwn.call(result, "months_worked")) {
      result.months_worked = defaultMonthsWorked(result);
    }
    if (subject === "individual") {
      // The unrounded year score decides the level (contract v3).
      if (hasOwn.call(result, "period_scores")) {
        result.score_total = periodMean(result.period_scores);
      } else if (hasOwn.call(result, "score_general")) {
        result.score_total = fadd(result.score_general, result.score_tasks);
      }
    }
    return result;
  }

  /** 12 months, or whole months from recruitment in the year, minus the leave taken. */
  function defaultMonthsWorked(profile) {
    var months = new Frac(12, 1);
    var recruited = profile.recruited_on;
    if (recruited && Number(recruited.slice(0, 4)) === profile.evaluation_year) {
      var month = Number(recruited.slice(5, 7));
      var day = Number(recruited.slice(8, 10));
      months = new Frac(day === 1 ? 13 - month : 12 - month, 1);
    }
    (profile.leave || []).forEach(function (item) {
      months = fadd(months, new Frac(-item.months.n, item.months.d));
    });
    return fcmp(months, new Frac(0, 1)) < 0 ? new Frac(0, 1) : months;
  }

  // ---- the data -------------------------------------------------------------------------

  function data() {
    var d = window.THIDUA_DATA;
    if (!d || typeof d !== "object" || !d.criteria || !d.years) {
      throw new Error("ThiduaEvaluator: window.THIDUA_DATA (criteria data) is not available");
    }
    return d;
  }

  function modelledYears(rules) {
    return keys(rules.years).map(Number).sort(function (a, b) { return a - b; });
  }

  /** Problems that need the data: year and role modelled, inputs the rules need. */
  function semantic(profile, rules) {
    var out = [];
    var year = profile.evaluation_year;
    var modelled = modelledYears(rules).join(", ");
    if (!has(rules.years, String(year))) {
      return [Problem(["evaluation_year"], "found " + year + ", a year the criteria data does not model",
        "one of the modelled years " + modelled)];
    }
    var entry = rules.years[String(year)];
    if (profile.subject === "collective") { return semanticCollective(profile, rules, entry); }
    if (profile.subject === "unit_quota") { return semanticQuota(profile, entry); }
    var role = profile.role;
    if (!has(entry.danh_gia, role)) {
      return [Problem(["role"], "found " + role + ", not modelled for " + year,
        "one of " + keys(entry.danh_gia).join(", ") + " (modelled years: " + modelled + ")")];
    }
    var recruited = profile.recruited_on;
    if (recruited && Number(recruited.slice(0, 4)) > year) {
      out.push(Problem(["recruited_on"], "found " + recruited + ", after the evaluation year",
        "a date on or before 31/12/" + year));
    }
    if (has(profile, "classification_input")) { return out; }
    var ruleSet = rules.danh_gia[danhGiaChoice(rules, profile)[0]];
    if (ruleSet.kind === "text_only") {
      out.push(Problem(["classification_input"],
        "missing: the evaluation rules for " + role + " in " + year + " (" + ruleSet.id + ") are held as " +
        "text only (no thresholds), so the level cannot be computed",
        "the level already decided by the competent authority: HTXS, HTT, HTNV, KHTNV or NOT_CLASSIFIED"));
      return out;
    }
    var branch = profile.leader ? "leader" : "non_leader";
    ruleSet.requires[branch].forEach(function (name) {
      if (!has(profile, name)) {
        var who = branch === "leader" ? "a leader" : "a non-leader";
        out.push(Problem([name], "missing: required by " + ruleSet.id + " to classify " + who + " (" + role + ", " + year + ")",
          name + " as in the contract, or classification_input"));
      }
    });
    return out;
  }

  function yearsWith(rules, key) {
    var years = modelledYears(rules).filter(function (y) {
      var v = rules.years[String(y)][key];
      return v && (!isMap(v) || keys(v).length > 0) && (!Array.isArray(v) || v.length > 0);
    });
    return years.join(", ") || "none";
  }

  /** A collective on 100 points: the year models it, and the inputs its rules need. */
  function semanticCollective(profile, rules, entry) {
    if (!has(profile, "unit_kind")) { return []; }
    var kinds = entry.collective_rules || {};
    var year = profile.evaluation_year;
    if (!has(kinds, profile.unit_kind)) {
      return [Problem(["unit_kind"], "found " + profile.unit_kind + ", not modelled for " + year,
        "a year with collectives on 100 points (" + yearsWith(rules, "collective_rules") + ")")];
    }
    var ruleSet = rules.danh_gia[kinds[profile.unit_kind]];
    var out = [];
    ruleSet.requires.non_leader.forEach(function (name) {
      if (!has(profile, name)) {
        out.push(Problem([name], "missing: required by " + ruleSet.id + " to classify the collective (" + year + ")",
          name + " as in the contract"));
      }
    });
    return out;
  }

  function semanticQuota(profile, entry) {
    var year = profile.evaluation_year;
    if (has(profile, "unit_kind") && !has(entry.collective_rules || {}, profile.unit_kind)) {
      return [Problem(["unit_kind"], "found " + profile.unit_kind + ", not modelled for " + year,
        "a year with collectives on 100 points, or no unit_kind")];
    }
    if (has(profile, "role") && !has(entry.danh_gia, profile.role)) {
      return [Problem(["role"], "found " + profile.role + ", not modelled for " + year, "a role")];
    }
    return [];
  }

  /** The danh-gia rule set whose HTXS cap a unit_quota profile uses (engine.quota_rules_id). */
  function quotaRulesId(rules, profile) {
    var entry = rules.years[String(profile.evaluation_year)];
    if (has(profile, "role") && has(entry.danh_gia, profile.role)) { return entry.danh_gia[profile.role]; }
    if (has(profile, "unit_kind") && has(entry.collective_rules || {}, profile.unit_kind)) {
      return entry.collective_rules[profile.unit_kind];
    }
    return entry.quota_rules;
  }

  /** [rule set id, null | "applied" | "not_applied" | "review"] (engine.danh_gia_choice). */
  function danhGiaChoice(rules, profile) {
    var entry = rules.years[String(profile.evaluation_year)];
    var role = profile.role;
    var primary = entry.danh_gia[role];
    var transition = has(entry.role_transitions || {}, role) ? entry.role_transitions[role] : null;
    if (!transition) { return [primary, null]; }
    var own = has(profile, transition.field) ? profile[transition.field] : null;
    if (own === true) { return [primary, "not_applied"]; }
    if (own === false) { return [transition.rule_set, "applied"]; }
    var points = ["score_total", "score_general", "score_tasks", "period_scores"];
    var hasPoints = points.some(function (name) { return has(profile, name); });
    var hasInputs = transition.inputs.some(function (name) { return has(profile, name); });
    if (!hasPoints && hasInputs) { return [transition.rule_set, "review"]; }
    return [primary, "review"];
  }

  function problems(profile) {
    var found = check(profile);
    if (found.length) { return found; }
    return semantic(normalise(profile), data());
  }

  // ---- the engine (engine.py, ops.py) ----------------------------------------------------

  function Ctx(rules, profile, flags, lang) {
    this.rules = rules;
    this.profile = profile;
    this.year = profile.evaluation_year;
    this.lang = lang;
    this.flags = flags;
    this.yearEntry = rules.years[String(this.year)];
    this.thiDua = rules.thi_dua[this.yearEntry.thi_dua];
    this.classification = null;
    this.titleEligible = {};
    this.memo = {};
    this.explanation = [];
    this.sources = [];
    this.manual = [];
    this.flagsConsulted = {};
    this.quotaFlags = {};
    this.chainYears = [];
  }

  Ctx.prototype.get = function (path) {
    var value = this.profile;
    var parts = path.split(".");
    for (var i = 0; i < parts.length; i++) {
      if (!isMap(value) || !hasOwn.call(value, parts[i])) { return MISSING; }
      value = value[parts[i]];
    }
    return value;
  };
  Ctx.prototype.holds = function (title, year) {
    var prior = this.profile.prior_titles || {};
    var list = has(prior, String(year)) ? prior[String(year)] : [];
    if (list.indexOf(title) >= 0) { return true; }
    return year === this.year && !!this.titleEligible[title];
  };
  Ctx.prototype.msg = function (key, values) {
    return format(this.rules.labels.messages[key][this.lang], values || {});
  };
  Ctx.prototype.text = function (pair) { return pair ? pair[this.lang] : ""; };
  Ctx.prototype.review = function (text) {
    if (text && this.manual.indexOf(text) < 0) { this.manual.push(text); }
  };

  Ctx.prototype.outcome = function (cid) {
    if (hasOwn.call(this.memo, cid)) { return this.memo[cid]; }
    var crit = this.rules.criteria[cid];
    var op = OPS[crit.op];
    if (!op) { throw new Error("ThiduaEvaluator: unknown operation " + crit.op + " in " + cid); }
    var pair = op(this, crit);
    var raw = pair[0];
    var detail = pair[1];
    var met;
    if (raw === null) {
      met = (crit.missing || "not_met") === "met";
      var fieldsText = crit.field || (crit.num || []).concat(crit.fields || []).map(function (t) {
        return t.replace(/^-+/, "");
      }).join(", ");
      detail = this.msg("missing", { field: fieldsText });
    } else {
      met = raw !== !!crit.not;
    }
    var flag = crit.enabled_by_flag;
    if (flag) {
      this.flagsConsulted[flag] = true;
      if (!this.flags[flag]) {
        met = false;
        var off = this.msg("flag_off", { flag: flag });
        detail = detail ? detail + "; " + off : off;
      }
    }
    this.memo[cid] = [met, detail];
    return this.memo[cid];
  };

  Ctx.prototype.record = function (cid, basis, scope, usedBy, ruleSet) {
    var result = this.outcome(cid);
    var crit = this.rules.criteria[cid];
    var text = this.text(crit.text);
    if (result[1]) { text = text + " — " + result[1]; }
    var entry = { criterion: cid, met: result[0], legal_basis: basis.slice(), text: text, scope: scope };
    this.explanation.push(entry);
    for (var i = 0; i < basis.length; i++) { this.sources.push([basis[i], usedBy, ruleSet]); }
    return entry;
  };

  Ctx.prototype.recordBinding = function (binding, base, scope, ruleSet, bound) {
    var basis = unique(base.concat(binding.legal_basis || []));
    var crit = this.rules.criteria[binding.criterion];
    if (crit.op === "any_of") {
      for (var i = 0; i < crit.criteria.length; i++) {
        var sub = crit.criteria[i];
        if (!hasOwn.call(bound, sub)) { this.record(sub, basis, scope, sub, ruleSet); }
      }
    }
    return this.record(binding.criterion, basis, scope, binding.criterion, ruleSet);
  };

  Ctx.prototype.info = function (cid, basis, text, usedBy, ruleSet) {
    this.explanation.push({ criterion: cid, met: true, legal_basis: basis.slice(), text: text, scope: "rules" });
    for (var i = 0; i < basis.length; i++) { this.sources.push([basis[i], usedBy, ruleSet]); }
  };

  // -- operations ------------------------------------------------------------------------

  function opRatio(ctx, crit) {
    function total(terms) {
      var result = new Frac(0, 1);
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var sign = term.charAt(0) === "-" ? -1 : 1;
        var value = ctx.get(term.replace(/^-+/, ""));
        if (value === MISSING) { return null; }
        var v = frac(value);
        result = fadd(result, new Frac(sign * v.n, v.d));
      }
      return result;
    }
    var num = total(crit.num);
    var den = total(crit.den);
    if (num === null || den === null) { return [null, ""]; }
    var met = compare(fmul(new Frac(100, 1), num), crit.cmp, fmul(dataNumber(crit.percent), den));
    var need = ctx.msg("needs", { cond: CMP_SIGN[crit.cmp] + " " + fmt(crit.percent) + " %" });
    return [met, fmt(num) + "/" + fmt(den) + " (" + need + ")"];
  }

  function opCompare(ctx, crit) {
    var value = ctx.get(crit.field);
    if (value === MISSING) { return [null, ""]; }
    var met = compare(frac(value), crit.cmp, dataNumber(crit.value));
    var need = ctx.msg("needs", { cond: CMP_SIGN[crit.cmp] + " " + fmt(crit.value) });
    return [met, crit.field + " = " + fmt(value) + " (" + need + ")"];
  }

  function opValuesAtLeast(ctx, crit) {
    var scale = crit.scale;
    var minimum = scale.indexOf(crit.min);
    var values = crit.fields.map(function (name) { return ctx.get(name); });
    if (values.some(function (v) { return v === MISSING; })) { return [null, ""]; }
    var met = values.every(function (v) { return scale.indexOf(v) >= minimum; });
    return [met, values.join(", ")];
  }

  function opIs(ctx, crit) {
    var value = ctx.get(crit.field);
    if (value === MISSING) { return [null, ""]; }
    return [pyEq(value, crit.value), crit.field + " = " + fmt(value)];
  }

  function opIn(ctx, crit) {
    var value = ctx.get(crit.field);
    if (value === MISSING) { return [null, ""]; }
    return [pyIn(value, crit.values), crit.field + " = " + fmt(value)];
  }

  function leaveSum(ctx, crit) {
    var total = new Frac(0, 1);
    (ctx.profile.leave || []).forEach(function (item) {
      if (has(crit, "kinds") && crit.kinds.indexOf(item.kind) < 0) { return; }
      if ((crit.exclude_kinds || []).indexOf(item.kind) >= 0) { return; }
      total = fadd(total, item.months);
    });
    return total;
  }

  function opLeaveMonths(ctx, crit) {
    var total = leaveSum(ctx, crit);
    var met = true;
    if (has(crit, "at_least") && fcmp(total, dataNumber(crit.at_least)) < 0) { met = false; }
    if (has(crit, "below") && fcmp(total, dataNumber(crit.below)) >= 0) { met = false; }
    return [met, ctx.msg("leave_sum", { months: fmt(total) })];
  }

  function opHasLeave(ctx, crit) {
    var kinds = (ctx.profile.leave || []).map(function (item) { return item.kind; })
      .filter(function (kind) { return crit.kinds.indexOf(kind) >= 0; });
    return [kinds.length > 0, crit.kinds.join(", ") + ": " + (kinds.join(", ") || ctx.msg("none"))];
  }

  function recruitedMonths(date, year) {
    var parts = date.split("-").map(Number);
    if (parts[0] !== year) { return null; }
    return parts[2] === 1 ? 13 - parts[1] : 12 - parts[1];
  }

  function opRecruitedMonths(ctx, crit) {
    var date = ctx.profile.recruited_on;
    var months = date ? recruitedMonths(date, ctx.year) : null;
    if (months === null) { return [true, ctx.msg("not_recruited_in_year")]; }
    return [months >= crit.at_least, ctx.msg("recruited", { date: date, months: months })];
  }

  function decidedYear(item) { return Number(item.decided_on.slice(0, 4)); }

  function disciplineCounted(items, year, exceptions) {
    var counted = [];
    var skipped = [];
    items.forEach(function (item, index) {
      if (decidedYear(item) !== year) { return; }
      if (exceptions) {
        var used = has(item, "already_used_for_rating_year") ? item.already_used_for_rating_year : null;
        if (used !== null && used !== year) {
          skipped.push([index, "already_used_for_rating_year " + used]);
          return;
        }
        var earlier = items.some(function (other, j) {
          return j !== index && other.system !== item.system &&
            other.violation_year === item.violation_year && decidedYear(other) < year;
        });
        if (earlier) {
          skipped.push([index, "same violation " + item.violation_year + " counted earlier"]);
          return;
        }
      }
      counted.push([index, item.system + " " + item.form + " " + item.decided_on]);
    });
    return [counted, skipped];
  }

  function listItems(prefix, pairs) {
    return pairs.map(function (p) { return prefix + "[" + p[0] + "] " + p[1]; }).join("; ");
  }

  function opNoDisciplineInYear(ctx, crit) {
    var split = disciplineCounted(ctx.profile.discipline || [], ctx.year, crit.exceptions);
    var counted = split[0];
    var skipped = split[1];
    var detail = counted.length
      ? ctx.msg("discipline_counted", { year: ctx.year, items: listItems("discipline", counted) })
      : ctx.msg("discipline_none", { year: ctx.year });
    if (skipped.length) {
      detail += "; " + ctx.msg("discipline_skipped", { items: listItems("discipline", skipped) });
    }
    return [counted.length === 0, detail];
  }

  function opNoDisciplineException(ctx, crit) {
    var skipped = disciplineCounted(ctx.profile.discipline || [], ctx.year, true)[1];
    if (skipped.length) { return [false, ctx.msg("discipline_skipped", { items: listItems("discipline", skipped) })]; }
    return [true, ctx.msg("none")];
  }

  var RANK = ["HTXS", "HTT", "HTNV", "KHTNV"];

  function opLevelNotAbove(ctx, crit) {
    var value = ctx.get(crit.field);
    if (value === MISSING) { return [null, ""]; }
    var level = ctx.classification;
    var met = RANK.indexOf(level) >= RANK.indexOf(value);
    return [met, crit.field + " = " + value + "; " + ctx.msg("classification_is", { level: level })];
  }

  function opClassificationIn(ctx, crit) {
    var value = ctx.classification;
    return [crit.values.indexOf(value) >= 0, ctx.msg("classification_is", { level: value || "—" })];
  }

  function opTitleEligible(ctx, crit) {
    var eligible = crit.titles.filter(function (t) { return !!ctx.titleEligible[t]; });
    return [eligible.length > 0, eligible.join(", ") || ctx.msg("none")];
  }

  function matches(item, alt) {
    if (alt.kinds.indexOf(item.kind) < 0) { return false; }
    if (has(alt, "recognised_at_min")) {
      var at = has(item, "recognised_at") ? item.recognised_at : null;
      if (at === null || RECOGNISED_AT.indexOf(at) < RECOGNISED_AT.indexOf(alt.recognised_at_min)) { return false; }
    }
    if (has(alt, "effect_min")) {
      var effect = has(item, "effect") ? item.effect : null;
      if (effect === null || EFFECTS.indexOf(effect) < EFFECTS.indexOf(alt.effect_min)) { return false; }
    }
    if (alt.accepted && item.accepted !== true) { return false; }
    if (alt.applied_not_false && item.applied === false) { return false; }
    return !(has(alt, "recognised_by_in") && alt.recognised_by_in.indexOf(has(item, "recognised_by") ? item.recognised_by : null) < 0);
  }

  function opInitiative(ctx, crit) {
    var first = ctx.year - crit.within_years + 1;
    var found = [];
    (ctx.profile.initiatives || []).forEach(function (item, index) {
      if (!(first <= item.year && item.year <= ctx.year)) { return; }
      if (crit.alternatives.some(function (alt) { return matches(item, alt); })) {
        found.push("initiatives[" + index + "] " + item.kind + " " + item.year);
      }
    });
    if (found.length) { return [true, ctx.msg("initiative_found", { items: found.join("; ") })]; }
    return [false, ctx.msg("initiative_none")];
  }

  function run(ctx, title) {
    var years = [];
    var year = ctx.year;
    while (ctx.holds(title, year)) { years.push(year); year -= 1; }
    return years;
  }

  function chainDetail(ctx, years) {
    if (!years.length) { return ctx.msg("chain_none"); }
    var shown = years.slice().sort(function (a, b) { return a - b; }).join(", ");
    return ctx.msg("chain_years", { count: years.length, years: shown });
  }

  function opChain(ctx, crit) {
    var years = run(ctx, crit.title);
    var met = years.length >= crit.count;
    if (met) { ctx.chainYears = ctx.chainYears.concat(years.slice(0, crit.count)); }
    return [met, crit.title + ": " + chainDetail(ctx, years)];
  }

  function opChainInRun(ctx, crit) {
    var runYears = run(ctx, crit.run_of);
    var awards = runYears.filter(function (year) { return ctx.holds(crit.title, year); });
    var met = awards.length >= crit.count;
    if (met) {
      ctx.chainYears = ctx.chainYears.concat(runYears.slice(0, runYears.indexOf(awards[crit.count - 1]) + 1));
    }
    return [met, crit.title + ": " + chainDetail(ctx, awards) + "; " + crit.run_of + ": " + chainDetail(ctx, runYears)];
  }

  function opAnyOf(ctx, crit) {
    var results = crit.criteria.map(function (sub) { return ctx.outcome(sub); });
    var details = results.map(function (r) { return (r[0] ? "✓" : "✗") + " " + r[1]; });
    return [results.some(function (r) { return r[0]; }), details.join("; ")];
  }

  var OPS = {
    ratio: opRatio,
    compare: opCompare,
    values_at_least: opValuesAtLeast,
    is: opIs,
    in: opIn,
    leave_months: opLeaveMonths,
    has_leave: opHasLeave,
    recruited_months: opRecruitedMonths,
    no_discipline_in_year: opNoDisciplineInYear,
    no_discipline_exception: opNoDisciplineException,
    level_not_above: opLevelNotAbove,
    classification_in: opClassificationIn,
    title_eligible: opTitleEligible,
    initiative: opInitiative,
    chain: opChain,
    chain_in_run: opChainInRun,
    any_of: opAnyOf
  };

  // -- flags -----------------------------------------------------------------------------

  function effectiveFlags(rules, year, given, quotaRules) {
    var entry = rules.years[String(year)];
    var context = { thi_dua: rules.thi_dua[entry.thi_dua], quota: rules.danh_gia[quotaRules || entry.quota_rules] };
    var values = {};
    var yearDefaults = entry.flag_defaults || {};
    keys(rules.flags).forEach(function (name) {
      var spec = rules.flags[name];
      var value;
      if (hasOwn.call(given, name)) {
        value = given[name];
      } else if (has(yearDefaults, name)) {
        value = yearDefaults[name];
      } else if (has(spec, "default")) {
        value = spec["default"];
      } else {
        value = context;
        spec.default_from.split(".").forEach(function (part) {
          value = isMap(value) && hasOwn.call(value, part) ? value[part] : null;
        });
      }
      if (value === undefined) { value = null; }
      if (spec.type === "ratio" && value !== null) { value = ratioValue(value); }
      values[name] = value;
    });
    return values;
  }

  // -- classification --------------------------------------------------------------------

  function basisFor(sectionBasis, role, branch) {
    var pick = function (key) {
      var v = has(sectionBasis, key) ? sectionBasis[key] : null;
      return isMap(v) && keys(v).length ? v : null;
    };
    var entry = pick(role) || pick("all") || {};
    return (has(entry, branch) ? entry[branch] : []).slice();
  }

  function classify(ctx, ruleSet, role, leader) {
    var rid = ruleSet.id;
    var branch = leader ? "leader" : "non_leader";
    var blockers = [];
    var notClassified = false;
    var cap = null;
    (ruleSet.gates || []).forEach(function (gate) {
      var entry = ctx.recordBinding(gate, [], "gate", rid, {});
      if (entry.met) { return; }
      if (gate.effect === "not_classified") {
        notClassified = true;
        blockers.push(["not_classified", entry]);
      } else if (gate.effect === "cap") {
        if (cap === null || LEVEL_ORDER.indexOf(gate.cap) > LEVEL_ORDER.indexOf(cap)) { cap = gate.cap; }
        blockers.push(["cap:" + gate.cap, entry]);
      } else {
        ctx.review(ctx.text(gate.reason));
      }
    });
    var khtnv = ruleSet.khtnv;
    var khtnvBasis = basisFor(khtnv.basis, role, branch);
    var triggers = [];
    khtnv[branch].forEach(function (binding) {
      var entry = ctx.recordBinding(binding, khtnvBasis, "KHTNV", rid, {});
      if (!entry.met) {
        triggers.push(entry);
        blockers.push(["khtnv", entry]);
        if (binding.review) { ctx.review(ctx.text(binding.review)); }
      }
    });
    var levelFailures = {};
    var levelMet = {};
    var levelBasis = {};
    ruleSet.levels.forEach(function (level) {
      var codeName = level.level;
      var base = basisFor(level.basis, role, branch);
      levelBasis[codeName] = base;
      var entries = level[branch].map(function (b) { return ctx.recordBinding(b, base, codeName, rid, {}); });
      levelFailures[codeName] = entries.filter(function (e) { return !e.met; });
      levelMet[codeName] = levelFailures[codeName].length === 0;
    });
    var result;
    if (notClassified) {
      result = "NOT_CLASSIFIED";
    } else if (triggers.length) {
      result = "KHTNV";
    } else {
      result = null;
      for (var i = 0; i < LEVEL_ORDER.length; i++) {
        var c = LEVEL_ORDER[i];
        if (cap && i < LEVEL_ORDER.indexOf(cap)) { continue; }
        if (levelMet[c]) { result = c; break; }
      }
      if (result === null) {
        result = ruleSet.fallback.level;
        var anyMet = keys(levelMet).some(function (k) { return levelMet[k]; });
        if (!anyMet && ruleSet.fallback.reason) { ctx.review(ctx.text(ruleSet.fallback.reason)); }
      }
      bandReview(ctx, ruleSet, result);
      ruleSet.levels.forEach(function (level) {
        if (level.level === result && level.review) { ctx.review(ctx.text(level.review)); }
      });
    }
    ctx.classification = result;
    var lead = ruleSet.leader_cap;
    if (lead && leader && RANK.indexOf(result) >= 0) {
      var leadEntry = ctx.recordBinding({ criterion: lead.criterion, legal_basis: lead.legal_basis }, [], "gate", rid, {});
      var unitLevel = ctx.get(lead.field);
      if (unitLevel === MISSING) {
        if (lead.review_levels.indexOf(result) >= 0) { ctx.review(ctx.text(lead.reason)); }
      } else if (!leadEntry.met) {
        result = unitLevel;
        ctx.classification = result;
        blockers.push(["lead:" + unitLevel, leadEntry]);
      }
    }
    var notReached = {};
    for (var j = 0; j < LEVEL_ORDER.length; j++) {
      var codeJ = LEVEL_ORDER[j];
      if (LEVEL_ORDER.indexOf(result) >= 0 && j >= LEVEL_ORDER.indexOf(result)) { break; }
      var parts = [];
      var basis = (levelBasis[codeJ] || []).slice();
      (levelFailures[codeJ] || []).forEach(function (entry) {
        parts.push(entry.text);
        basis = basis.concat(entry.legal_basis);
      });
      blockers.forEach(function (blocker) {
        var kind = blocker[0];
        var entry = blocker[1];
        if (kind.indexOf("lead:") === 0) {
          parts.push(ctx.msg("gate_cap", { level: kind.slice(5), text: entry.text }));
        } else if (kind.indexOf("cap:") === 0) {
          if (j >= LEVEL_ORDER.indexOf(kind.slice(4))) { return; }
          parts.push(ctx.msg("gate_cap", { level: kind.slice(4), text: entry.text }));
        } else if (kind === "khtnv") {
          parts.push(ctx.msg("khtnv_trigger", { text: entry.text }));
        } else {
          parts.push(ctx.msg("gate_not_classified", { text: entry.text }));
        }
        basis = basis.concat(entry.legal_basis);
      });
      notReached[codeJ] = {
        reason: parts.length ? ctx.msg("not_met") + ": " + parts.join("; ") : "",
        legal_basis: unique(basis)
      };
    }
    return notReached;
  }

  /** A score in the band of a level above the result whose other conditions failed. */
  function bandReview(ctx, ruleSet, result) {
    var review = ruleSet.band_review;
    if (!review) { return; }
    for (var i = 0; i < ruleSet.levels.length; i++) {
      var level = ruleSet.levels[i];
      if (level.level === result || !has(level, "band")) { return; }
      if (ctx.outcome(level.band)[0]) {
        var text = ctx.text(review.reason);
        ctx.info("quy-tac.khung-diem", review.legal_basis, text, "band_review", ruleSet.id);
        ctx.review(text);
        return;
      }
    }
  }

  // -- titles ----------------------------------------------------------------------------

  function evaluateTitles(ctx, titles, order) {
    var rid = ctx.thiDua.id;
    var eligible = [];
    var notEligible = {};
    var byCode = {};
    titles.forEach(function (t) { byCode[t.title] = t; });
    order.forEach(function (codeName) {
      var title = has(byCode, codeName) ? byCode[codeName] : null;
      if (title === null) { return; }
      var cond = title.applies_if;
      if (cond && !pyEq(ctx.get(cond.field), cond.value)) { return; }
      var bound = {};
      var alternatives = {};
      title.criteria.forEach(function (b) {
        bound[b.criterion] = true;
        var crit = ctx.rules.criteria[b.criterion];
        if (crit.op === "any_of") { crit.criteria.forEach(function (sub) { alternatives[sub] = true; }); }
      });
      var failed = [];
      title.criteria.forEach(function (binding) {
        var entry = ctx.recordBinding(binding, [], codeName, rid, bound);
        if (!hasOwn.call(alternatives, binding.criterion) && !entry.met) { failed.push(entry); }
      });
      if (title.review) {
        var label = ctx.rules.labels.titles[codeName][ctx.lang];
        ctx.review(ctx.msg("title_review", { title: label, text: ctx.text(title.review) }));
      }
      (ctx.yearEntry.title_reviews || []).forEach(function (review) {
        if (review.titles.indexOf(codeName) < 0) { return; }
        if (has(review, "if_met") && !ctx.outcome(review.if_met)[0]) { return; }
        var reason = ctx.text(review.reason);
        if (reason && ctx.manual.indexOf(reason) < 0) {
          ctx.info("quy-tac.xem-xet-danh-hieu", review.legal_basis, reason, "title_reviews", rid);
        }
        ctx.review(reason);
      });
      var ok = failed.length === 0;
      ctx.titleEligible[codeName] = ok;
      if (ok) {
        eligible.push(codeName);
      } else {
        var basis = [];
        failed.forEach(function (e) { basis = basis.concat(e.legal_basis); });
        notEligible[codeName] = {
          reason: ctx.msg("not_met") + ": " + failed.map(function (e) { return e.text; }).join("; "),
          legal_basis: unique(basis)
        };
      }
    });
    var review = ctx.thiDua.chain_review;
    if (review && ctx.chainYears.some(function (y) { return y < review.before_year; })) {
      ctx.review(ctx.text(review.reason));
    }
    return [eligible, notEligible];
  }

  // -- quotas ----------------------------------------------------------------------------

  function rounded(value, how) {
    var n = value.n;
    var d = value.d;
    if (how === "ceil") { return -floorDiv(-n, d); }
    if (how === "round_half_up") { return floorDiv(2 * n + d, 2 * d); }
    return floorDiv(n, d);
  }

  function quotaEntry(ctx, cid, met, basis, text, rid) {
    ctx.explanation.push({ criterion: cid, met: met, legal_basis: basis.slice(), text: text, scope: "quota" });
    basis.forEach(function (item) { ctx.sources.push([item, cid, rid]); });
  }

  function quotas(ctx) {
    var profile = ctx.profile;
    var flags = ctx.flags;
    var rounding = flags.quota_rounding;
    var maxCstdcs = null;
    var maxHtxs = null;
    var ratio, exact, cap, candidates, text, met;
    var quota;
    if (has(profile, "unit_ldtt_count") && flags.cstdcs_ratio === null) {
      quota = ctx.thiDua.quotas.cstdcs;
      text = ctx.msg("quota_cstdcs_none", { text: ctx.text(quota.note) });
      ctx.review(text);
      quotaEntry(ctx, "quota.cstdcs", true, quota.legal_basis, text, ctx.thiDua.id);
    } else if (has(profile, "unit_ldtt_count")) {
      quota = ctx.thiDua.quotas.cstdcs;
      ratio = flags.cstdcs_ratio;
      var base = profile.unit_ldtt_count;
      exact = fmul(ratio, new Frac(base, 1));
      cap = rounded(exact, rounding);
      candidates = profile.cstdcs_eligible_candidates;
      maxCstdcs = Math.min(cap, candidates);
      ctx.quotaFlags.cstdcs_ratio = ratio.n / ratio.d;
      if (exact.d !== 1) { ctx.quotaFlags.quota_rounding = rounding; }
      text = ctx.msg("quota_cstdcs", {
        max: maxCstdcs, ratio: fmt(ratio), base: base, exact: fmt(exact), rounding: rounding,
        cap: cap, candidates: candidates
      });
      text += " — " + ctx.text(quota.note);
      quotaEntry(ctx, "quota.cstdcs", candidates <= cap, quota.legal_basis, text, ctx.thiDua.id);
    }
    if (has(profile, "group_size_htt_or_above")) {
      var ruleSet = ctx.rules.danh_gia[quotaRulesId(ctx.rules, profile)];
      var capRule = ruleSet.htxs_cap;
      var group = profile.group_size_htt_or_above;
      candidates = profile.individuals_meeting_htxs_criteria;
      ratio = flags.htxs_ratio;
      var note = ctx.text(capRule.note);
      var basis = capRule.legal_basis.slice();
      var exception = profile.unit_outstanding_exception_granted;
      var small = capRule.small_group;
      var baseKind;
      if (small && (has(profile, "units_total") ? profile.units_total : small.below) < small.below) {
        maxHtxs = Math.min(small.max, candidates);
        text = ctx.msg("quota_small_group", {
          units: profile.units_total, below: small.below, cap: small.max, max: maxHtxs, candidates: candidates
        });
        met = candidates <= small.max;
        basis = small.legal_basis.slice();
      } else if (exception && capRule.exception_ratio) {
        ratio = ratioValue(capRule.exception_ratio);
        baseKind = flags.htxs_ratio_base || "htt_or_above";
        exact = baseKind === "htt_or_above"
          ? fmul(ratio, new Frac(group, 1))
          : fdiv(fmul(ratio, new Frac(group, 1)), fadd(new Frac(1, 1), ratio));
        cap = rounded(exact, rounding);
        maxHtxs = Math.min(cap, candidates);
        ctx.quotaFlags.htxs_ratio_base = baseKind;
        if (exact.d !== 1) { ctx.quotaFlags.quota_rounding = rounding; }
        text = ctx.msg("quota_htxs_exception", {
          max: maxHtxs, ratio: fmt(ratio), base_kind: baseKind, base: group, exact: fmt(exact),
          rounding: rounding, cap: cap, candidates: candidates
        });
        met = candidates <= cap;
        basis = capRule.exception_basis.slice();
        if (capRule.exception_review) { ctx.review(ctx.text(capRule.exception_review)); }
      } else if (exception) {
        maxHtxs = candidates;
        ctx.review(ctx.msg("quota_exception"));
        text = ctx.msg("quota_exception");
        met = true;
      } else if (ratio === null) {
        maxHtxs = candidates;
        ctx.review(ctx.msg("quota_htxs_none", { text: note }));
        text = ctx.msg("quota_htxs_none", { text: note });
        met = true;
      } else {
        baseKind = flags.htxs_ratio_base || "htt_or_above";
        exact = baseKind === "htt_or_above"
          ? fmul(ratio, new Frac(group, 1))
          : fdiv(fmul(ratio, new Frac(group, 1)), fadd(new Frac(1, 1), ratio));
        cap = rounded(exact, rounding);
        maxHtxs = Math.min(cap, candidates);
        ctx.quotaFlags.htxs_ratio = ratio.n / ratio.d;
        ctx.quotaFlags.htxs_ratio_base = baseKind;
        if (exact.d !== 1) { ctx.quotaFlags.quota_rounding = rounding; }
        text = ctx.msg("quota_htxs", {
          max: maxHtxs, ratio: fmt(ratio), base_kind: baseKind, base: group, exact: fmt(exact),
          rounding: rounding, cap: cap, candidates: candidates
        }) + " — " + note;
        met = candidates <= cap;
      }
      quotaEntry(ctx, "quota.htxs", met, basis, text, ruleSet.id);
      var notes = ctx.yearEntry.notes || {};
      var yearNote;
      if (has(profile, "role")) {
        yearNote = has(notes, profile.role) ? notes[profile.role] : null;
      } else {
        yearNote = has(profile, "unit_kind") ? null : (notes.unit_quota || null);
      }
      if (yearNote) { ctx.review(ctx.text(yearNote)); }
    }
    return [maxCstdcs, maxHtxs];
  }

  // -- the whole evaluation ----------------------------------------------------------------

  function unverified(rules, sources) {
    var found = [];
    sources.forEach(function (source) {
      var basis = source[0];
      if (found.indexOf(basis) >= 0) { return; }
      for (var i = 0; i < rules.unverified.length; i++) {
        var entry = rules.unverified[i];
        if (entry.handling !== "unverified_basis" || (entry.legal_basis || []).indexOf(basis) < 0) { continue; }
        if (has(entry, "used_by") && entry.used_by.indexOf(source[1]) < 0) { continue; }
        if (has(entry, "rule_sets") && entry.rule_sets.indexOf(source[2]) < 0) { continue; }
        found.push(basis);
        break;
      }
    });
    return found;
  }

  function runOnce(rules, profile, flags, lang, lean) {
    var ctx = new Ctx(rules, profile, flags, lang);
    var subject = profile.subject;
    var entry = ctx.yearEntry;
    var td = ctx.thiDua;
    ctx.info("quy-tac.thi-dua", td.documents,
      ctx.msg("rules_thi_dua", { year: ctx.year, name: ctx.text(td.name) }), "rules", td.id);
    if (entry.transition) {
      ctx.info("quy-tac.chuyen-tiep", [], ctx.msg("transition", { text: ctx.text(entry.transition) }), "rules", td.id);
    }
    var result = {
      evaluation_year: ctx.year,
      rules: { thi_dua: td.id, danh_gia: null },
      subject: subject,
      classification: null,
      eligible_titles: [],
      not_eligible: {},
      not_reached: {},
      manual_review: false,
      manual_review_reasons: [],
      max_cstdcs: null,
      max_htxs: null,
      flags_used: {},
      unverified_basis: [],
      explanation: []
    };
    var titles;
    if (subject === "individual") {
      var role = profile.role;
      var choice = danhGiaChoice(rules, profile);
      var dg = rules.danh_gia[choice[0]];
      result.rules.danh_gia = dg.id;
      ctx.info("quy-tac.danh-gia", dg.documents,
        ctx.msg("rules_danh_gia", { year: ctx.year, name: ctx.text(dg.name) }), "rules", dg.id);
      if (choice[1]) {
        var transition = entry.role_transitions[role];
        var transitionText = ctx.text(transition[choice[1]]);
        ctx.info("quy-tac.chuyen-tiep-vien-chuc", transition.legal_basis, transitionText, "rules", dg.id);
        if (choice[1] === "review") { ctx.review(transitionText); }
      }
      var note = (entry.notes || {})[role];
      if (note) { ctx.review(ctx.text(note)); }
      if (has(profile, "classification_input")) {
        var level = profile.classification_input;
        ctx.classification = level;
        ctx.info("xep-loai.da-quyet-dinh", [], ctx.msg("classification_input", {
          level: level + " (" + rules.labels.levels[level][lang] + ")"
        }), "rules", dg.id);
      } else {
        result.not_reached = classify(ctx, dg, role, profile.leader);
      }
      result.classification = ctx.classification;
      titles = evaluateTitles(ctx, td.individual_titles, INDIVIDUAL_TITLES);
      result.eligible_titles = titles[0];
      result.not_eligible = titles[1];
    } else if (subject === "collective") {
      if (has(profile, "unit_kind")) {
        var unitRules = rules.danh_gia[entry.collective_rules[profile.unit_kind]];
        result.rules.danh_gia = unitRules.id;
        ctx.info("quy-tac.danh-gia", unitRules.documents,
          ctx.msg("rules_danh_gia", { year: ctx.year, name: ctx.text(unitRules.name) }), "rules", unitRules.id);
        result.not_reached = classify(ctx, unitRules, "collective", false);
        result.classification = ctx.classification;
        if (!has(profile, "unit_result")) { ctx.profile = merged(profile, { unit_result: ctx.classification }); }
      }
      if (has(profile, "members")) {
        titles = evaluateTitles(ctx, td.collective_titles, COLLECTIVE_TITLES);
        result.eligible_titles = titles[0];
        result.not_eligible = titles[1];
      }
    } else {
      result.rules.danh_gia = quotaRulesId(rules, profile);
      var maxima = quotas(ctx);
      result.max_cstdcs = maxima[0];
      result.max_htxs = maxima[1];
    }
    result.manual_review_reasons = ctx.manual.slice();
    result.manual_review = ctx.manual.length > 0;
    result.unverified_basis = lean ? null : unverified(rules, ctx.sources);
    result.explanation = ctx.explanation;
    return { result: result, consulted: keys(ctx.flagsConsulted).sort(), quotaFlags: ctx.quotaFlags };
  }

  function sameList(a, b) {
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) { if (a[i] !== b[i]) { return false; } }
    return true;
  }

  /** The contract result for a valid profile; throws (with .problems) when invalid.
   * options.lean (for a caller that evaluates many people and reads only the outcome:
   * level, titles, not_reached, not_eligible, manual_review_reasons, explanation):
   * skips the re-runs that find which yes/no flags changed the titles and the unverified
   * bases, so flags_used and unverified_basis are null. Without it: the full contract. */
  function evaluate(profile, lang, options) {
    var lean = !!(options && options.lean);
    if (lang === undefined) { lang = "vi"; }
    if (lang !== "vi" && lang !== "en") { throw new Error("lang: found " + pyRepr(String(lang)) + "; allowed: vi or en"); }
    var found = problems(profile);
    if (found.length) {
      var error = new Error(found.map(function (p) { return p.message; }).join("\n"));
      error.problems = found;
      throw error;
    }
    var rules = data();
    var normal = normalise(profile);
    var quotaRules = normal.subject === "unit_quota" ? quotaRulesId(rules, normal) : null;
    var flags = effectiveFlags(rules, normal.evaluation_year, normal.flags, quotaRules);
    var first = runOnce(rules, normal, flags, lang, lean);
    var result = first.result;
    if (lean) {
      result.flags_used = null;
      return result;
    }
    var used = {};
    keys(first.quotaFlags).forEach(function (k) { used[k] = first.quotaFlags[k]; });
    first.consulted.forEach(function (name) {
      if (rules.flags[name].type !== "bool") { return; }
      var flipped = merged(flags, {});
      flipped[name] = !flags[name];
      var other = runOnce(rules, normal, flipped, lang).result;
      if (!sameList(other.eligible_titles, result.eligible_titles)) { used[name] = flags[name]; }
    });
    var flagsUsed = {};
    keys(rules.flags).forEach(function (name) { if (hasOwn.call(used, name)) { flagsUsed[name] = used[name]; } });
    result.flags_used = flagsUsed;
    return result;
  }

  function validateProfile(profile) {
    return problems(profile).map(function (p) { return p.message; });
  }

  /** What this file writes itself (the contract's schema, fixed orders, operation names),
   *  for the test that compares it with the Python package. */
  function schema() {
    function kindOf(k) {
      var out = { kind: k.kind };
      if (k.kind === "code") { out.values = k.values.slice(); }
      if (k.kind === "int" || k.kind === "number") { out.low = k.low; out.high = k.high; }
      if (k.kind === "map") { out.fields = fieldsOf(k.fields); }
      if (k.kind === "list") { out.item = kindOf(k.item); }
      return out;
    }
    function fieldsOf(fields) {
      var out = {};
      keys(fields).forEach(function (name) {
        var f = fields[name];
        out[name] = { kind: kindOf(f.kind), required: f.required, "default": f.dflt };
      });
      return out;
    }
    return {
      common: fieldsOf(COMMON),
      individual: fieldsOf(INDIVIDUAL),
      collective: fieldsOf(COLLECTIVE),
      unit_quota: fieldsOf(UNIT_QUOTA),
      flag_names: FLAG_NAMES.slice(),
      individual_titles: INDIVIDUAL_TITLES.slice(),
      collective_titles: COLLECTIVE_TITLES.slice(),
      level_order: LEVEL_ORDER.slice(),
      recognised_at: RECOGNISED_AT.slice(),
      effects: EFFECTS.slice(),
      ops: keys(OPS).sort(),
      level_codes: LEVEL_CODES.slice(),
      unit_kinds: UNIT_KINDS.slice()
    };
  }

  window.ThiduaEvaluator = {
    evaluate: evaluate,
    validateProfile: validateProfile,
    problems: problems,
    schema: schema
  };
})();
