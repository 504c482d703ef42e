/* thidua — the profile in the browser, checked against the published contract
 * (hooks/thidua/evaluator/profile.py): its fields, kinds and limits, flags, prior titles
 * and the consistency table (window.THIDUA_DATA.contract), worded by the contract's problem
 * templates; a valid profile normalised (defaults filled, numbers exact). Also the small
 * helpers the evaluator shares: maps, exact numbers (Frac), how values and templates are
 * written. It runs before evaluator.js, which interprets the rules (engine.py, ops.py).
 *
 *   ThiduaProfile.check(profile)     → [{path, field, found, allowed, message}, …] ([] if valid)
 *   ThiduaProfile.normalise(profile) → the valid profile with defaults, numbers exact
 *
 * Not a separate page API: window.ThiduaEvaluator stays the page's only entry (a page
 * that sees ThiduaProfile alone has no evaluator). Classic script, file://. */
(function () {
  "use strict";

  var hasOwn = Object.prototype.hasOwnProperty;
  var C = null; // data.contract
  var RE = {}; // the contract's patterns, whole text

  function has(obj, key) { return obj !== null && typeof obj === "object" && hasOwn.call(obj, key); }
  function keys(obj) { return Object.keys(obj); }
  function isMap(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Frac);
  }
  function merged(a, b) {
    var out = {};
    keys(a).forEach(function (k) { out[k] = a[k]; });
    keys(b).forEach(function (k) { out[k] = b[k]; });
    return out;
  }

  // ---- exact numbers: reduced fractions n/d ------------------------------------------------

  function gcd(a, b) { return b ? gcd(b, a % b) : Math.abs(a); }
  /** A reduced fraction n/d (d > 0). */
  function Frac(n, d) {
    if (d === undefined) { d = 1; }
    if (d < 0) {
      n = -n;
      d = -d;
    }
    var g = gcd(n, d) || 1;
    this.n = n / g;
    this.d = d / g;
  }
  function frac(value) { return value instanceof Frac ? value : new Frac(Number(value), 1); }
  function fadd(a, b, sign) { return new Frac(a.n * b.d + (sign || 1) * b.n * a.d, a.d * b.d); }
  function fmul(a, b) { return new Frac(a.n * b.n, a.d * b.d); }
  function fdiv(a, b) { return new Frac(a.n * b.d, a.d * b.n); }
  function fcmp(a, b) {
    var l = a.n * b.d, r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  /** A number, or a text of the contract's number grammar (patterns.number: a decimal or
   *  n/d), exactly, when it has at most `places` decimals; else null. The value times
   *  10^places is then a whole number, which a double holds exactly (|n| < 2^53). */
  function exact(value, places) {
    var scale = Math.pow(10, places);
    if (typeof value === "string") {
      var m = RE.number.exec(value.trim());
      if (m && m[1] !== undefined) {
        return scale % new Frac(+m[1], +m[2]).d ? null : new Frac(+m[1], +m[2]);
      }
      value = m ? Number(value) : NaN;
    }
    var n = typeof value === "number" ? Math.round(value * scale) : NaN;
    return Math.abs(n) <= Number.MAX_SAFE_INTEGER && n / scale === value ? new Frac(n, scale) : null;
  }
  function toFraction(value) { return exact(value, C.places.number); }
  /** A ratio 0–1 with at most contract.places.ratio decimals (number or text), else null. */
  function ratioValue(value) {
    var x = exact(value, C.places.ratio);
    return x !== null && x.n >= 0 && x.n <= x.d ? x : null;
  }

  /** x written with the contract's decimals `places` (contract.places), trailing zeros dropped ("89.5"). */
  function decimals(x, places) { return x.toFixed(C.places[places]).replace(/\.?0+$/, ""); }
  /** Whether v has at most the decimals of a profile's number (contract.places.number). */
  function hasPlaces(v) { return Math.pow(10, C.places.number) % v.d === 0; }
  /** A score in a problem: exact, else ≈ rounded half up to places.approx (numbers.show_score). */
  function showScore(v) {
    if (hasPlaces(v)) { return decimals(v.n / v.d, "number"); }
    var scale = Math.pow(10, C.places.approx);
    return "≈ " + decimals(Math.floor((2 * scale * v.n + v.d) / (2 * v.d)) / scale, "approx");
  }
  /** A value found in a profile, as problems write it (problem.show): a text quoted,
   *  a float in its shortest form with an exponent from 1e16 or below 1e-4. */
  function show(value) {
    if (typeof value === "string") {
      var q = value.indexOf("'") >= 0 && value.indexOf('"') < 0 ? '"' : "'";
      return q + value.replace(/[\\\n\r\t]|[\x00-\x1f\x7f-\x9f]/g, function (ch) {
        var named = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" }[ch];
        return named || "\\x" + ("0" + ch.charCodeAt(0).toString(16)).slice(-2);
      }).split(q).join("\\" + q) + q;
    }
    if (Array.isArray(value)) { return "a list"; }
    if (value === null || value === undefined) { return "nothing (null)"; }
    if (typeof value === "object") { return "a mapping"; }
    if (typeof value !== "number" || (Number.isInteger(value) && Math.abs(value) < 1e16)) {
      return String(value);
    }
    var parts = value.toExponential().split("e");
    var e = Number(parts[1]);
    if (e >= -4 && e < 16) { return String(value); }
    return parts[0] + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
  }

  /* A template split once into [text, key, text, …] (the Bình xét page formats the same
   * few templates thousands of times). */
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

  // ---- the profile: checked against the published contract --------------------------------

  /** One problem at `path` (["leave", 1, "months"] → "leave[1].months"), worded by the
   *  contract's template `key`. */
  function problem(path, key, values) {
    var field = path.map(function (part, i) {
      return typeof part === "number" ? "[" + part + "]" : (i ? "." : "") + part;
    });
    field = field.join("") || "(profile)";
    var found = format(C.problems[key][0], values || {}), allowed = format(C.problems[key][1], values || {});
    var message = field + ": " + found + "; allowed: " + allowed;
    return { path: path, field: field, found: found, allowed: allowed, message: message };
  }
  function whole(name, value) { return typeof value === "string" && RE[name].test(value); }
  /** A date "YYYY-MM-DD" that exists, else null. */
  function parseDate(value) {
    if (!whole("date", value) || Number(value.slice(0, 4)) < 1) { return null; }
    var date = new Date(value + "T00:00:00Z");
    return !isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
  }
  /** Whether a value is of a scalar kind (a field's, or a flag's: a ratio may be a text). */
  var CHECKS = {
    code: function (k, v) { return typeof v === "string" && k.values.indexOf(v) >= 0; },
    int: function (k, v) {
      return Number.isInteger(v) && (k.low === null || v >= k.low) && (k.high === null || v <= k.high);
    },
    number: function (k, v) {
      var x = typeof v === "number" ? toFraction(v) : null;
      return x !== null && fcmp(x, frac(k.low)) >= 0 && fcmp(x, frac(k.high)) <= 0;
    },
    bool: function (k, v) { return typeof v === "boolean"; },
    date: function (k, v) { return parseDate(v) !== null; },
    share: function (k, v) { return typeof v === "number" && ratioValue(v) !== null; },
    ratio: function (k, v) { return ratioValue(v) !== null; },
    period: function (k, v) { return whole("period", v); }
  };

  function checkValue(kind, value, path, out) {
    if (kind.kind === "map") { return checkMap(kind.fields, value, path, out, kind.allowed); }
    if (kind.kind === "flags") { return checkFlags(value, path, out); }
    if (kind.kind === "prior_titles") { return checkPriorTitles(value, path, out); }
    if (kind.kind === "list" && Array.isArray(value)) {
      return value.forEach(function (item, i) { checkValue(kind.item, item, path.concat([i]), out); });
    }
    if (kind.kind === "list" || !CHECKS[kind.kind](kind, value)) {
      out.push(problem(path, "value", { value: show(value), allowed: kind.allowed }));
    }
  }

  function checkMap(fields, value, path, out, allowed) {
    if (!isMap(value)) { return out.push(problem(path, "value", { value: show(value), allowed: allowed })); }
    var names = keys(fields).join(", ");
    keys(value).forEach(function (key) {
      if (!hasOwn.call(fields, key)) {
        out.push(problem(path.concat([String(key)]), "unknown_field", { fields: names }));
      }
    });
    keys(fields).forEach(function (name) {
      var spec = fields[name];
      if (hasOwn.call(value, name)) {
        checkValue(spec.kind, value[name], path.concat([name]), out);
      } else if (spec.required) {
        out.push(problem(path.concat([name]), "missing", { allowed: spec.kind.allowed }));
      }
    });
  }

  function checkFlags(value, path, out) {
    if (!isMap(value)) { return out.push(problem(path, "flags_not_mapping", { value: show(value) })); }
    keys(value).forEach(function (name) {
      var where = path.concat([String(name)]);
      var flag = has(C.flags, name) ? C.flags[name] : null;
      var v = value[name];
      if (!flag) {
        out.push(problem(where, "unknown_flag", { flags: C.codes.flag_names.join(", ") }));
      } else if (!CHECKS[flag.kind](flag, v)) {
        out.push(problem(where, "value", { value: show(v), allowed: flag.allowed }));
      }
    });
  }

  function checkPriorTitles(value, path, out) {
    if (!isMap(value)) { return out.push(problem(path, "titles_not_mapping", { value: show(value) })); }
    var titles = C.codes.individual_titles;
    keys(value).forEach(function (year) {
      var where = path.concat([String(year)]);
      var list = value[year];
      if (!whole("year", year)) { return out.push(problem(where, "title_year", { value: show(year) })); }
      if (!Array.isArray(list)) { return out.push(problem(where, "titles_not_list", { value: show(list) })); }
      list.forEach(function (title, i) {
        if (titles.indexOf(title) < 0) {
          out.push(problem(where.concat([i]), "title", { value: show(title), titles: titles.join(", ") }));
        }
      });
    });
  }

  function at(base, path) {
    var value = base;
    path.split(".").forEach(function (part) {
      value = isMap(value) && hasOwn.call(value, part) ? value[part] : undefined;
    });
    return value;
  }

  /** Counts, scores and groups that must fit together (contract.consistency, in its order;
   *  a row's last item names its words when it is not the check's name). */
  function consistency(profile, out) {
    var anyGroup = false, lists = {};
    (C.consistency[profile.subject] || []).forEach(function (c) {
      var a = c[1], b = c[2], key = c[3] || c[0];
      if (c[0] === "at_most") {
        var small = at(profile, a);
        var big = at(profile, b);
        if (typeof small === "number" && typeof big === "number" && small > big) {
          out.push(problem(a.split("."), key, { small: small, big_path: b, big: big }));
        }
      } else if (c[0] === "together" && (has(profile, a) || has(profile, b))) {
        anyGroup = true;
        [[a, b], [b, a]].forEach(function (p) {
          if (!has(profile, p[0])) { out.push(problem([p[0]], key, { first: a, second: b, have: p[1] })); }
        });
      } else if (c[0] === "one_group" && !anyGroup) {
        out.push(problem([a], key));
      } else if (c[0] === "not_both" && has(profile, a) && has(profile, b)) {
        out.push(problem([b], key));
      } else if (c[0] === "needs" && has(profile, a) && !has(profile, b)) {
        out.push(problem([a], key, { other: b }));
      } else if (c[0] === "periods") {
        lists[a] = periods(profile, a, out);
      } else if (c[0] === "agree") {
        var left = score(profile, a, lists), right = score(profile, b, lists);
        var d = left && right && fadd(left[0], right[0], -1); // agree: |d| ≤ 0.01 (numbers.agree)
        if (d && Math.pow(10, C.places.number) * Math.abs(d.n) > d.d) {
          out.push(problem([a.split("+")[0]], key, merged(left[1], right[1])));
        }
      }
    });
  }

  function periodMean(items) {
    var total = new Frac(0, 1);
    items.forEach(function (item) {
      total = fadd(total, item.score instanceof Frac ? item.score : toFraction(item.score));
    });
    return fdiv(total, new Frac(items.length, 1));
  }
  function periodKind(period) { return C.words[RE.period.exec(period)[2] ? "month" : "quarter"]; }

  /** [score, its words] of an `agree` row, null when missing: a field, a sum a+b of fields, or
   *  the mean of a list's scores (lists: those a `periods` row checked → whether valid). */
  function score(profile, operand, lists) {
    var items = profile[operand];
    if (has(lists, operand)) {
      if (!lists[operand]) { return null; }
      var mean = periodMean(items);
      var count = items.length + " " + periodKind(items[0].period) + (items.length > 1 ? C.words.plural : "");
      return [mean, { count: count, mean: showScore(mean) }];
    }
    var terms = operand.split("+");
    if (!terms.every(function (t) { return has(profile, t); })) { return null; }
    var values = terms.map(function (t) { return toFraction(profile[t]); });
    if (terms.length === 1) { return [values[0], { value: show(profile[operand]) }]; }
    var total = values.reduce(function (x, y) { return fadd(x, y); });
    return [total, { terms: values.map(showScore).join(" + "), sum: showScore(total) }];
  }

  /** A list of period scores: not empty, of the evaluation year, each once, not both
   *  kinds. True when given and valid (its mean can be compared). */
  function periods(profile, name, out) {
    var items = profile[name], year = profile.evaluation_year, seen = {}, before = out.length, first = null;
    if (!items) { return false; }
    if (!items.length) {
      out.push(problem([name], "periods_empty"));
      return false;
    }
    items.forEach(function (item, index) {
      var period = item.period, where = [name, index, "period"], kind = periodKind(period);
      if (Number(period.slice(0, 4)) !== year) {
        out.push(problem(where, "period_year", { value: show(period), year: period.slice(0, 4),
          evaluation_year: year }));
      }
      if (hasOwn.call(seen, period)) {
        out.push(problem(where, "period_twice", { value: show(period), index: seen[period] }));
      } else {
        seen[period] = index;
      }
      if (first !== null && kind !== first) {
        out.push(problem(where, "period_mixed", { kind: kind, value: show(period), first_kind: first,
          first: show(items[0].period), index: 0 }));
      }
      first = first || kind;
    });
    return out.length === before;
  }

  /** Every structural problem (profile.check). */
  function check(profile) {
    data();
    if (!isMap(profile)) { return [problem([], "not_mapping", { value: show(profile) })]; }
    var out = [];
    var subject = profile.subject;
    if (typeof subject === "string" && hasOwn.call(C.subjects, subject)) {
      var fields = merged(C.common, {}), optional = [];
      (C.optional_when[subject] || []).forEach(function (r) {
        if (has(profile, r[0]) && has(profile, r[1]) === r[2]) { optional = optional.concat(r[3]); }
      });
      keys(C.subjects[subject]).forEach(function (name) {
        var spec = C.subjects[subject][name];
        fields[name] = optional.indexOf(name) < 0 ? spec : merged(spec, { required: false });
      });
      checkMap(fields, profile, [], out);
    } else {
      var common = {};
      keys(profile).forEach(function (k) { if (hasOwn.call(C.common, k)) { common[k] = profile[k]; } });
      checkMap(C.common, common, [], out);
    }
    if (!out.length) { consistency(profile, out); }
    return out;
  }

  function norm(kind, value) {
    switch (kind.kind) {
      case "number": return toFraction(value);
      case "share": return ratioValue(value);
      case "map": {
        var out = {};
        keys(value).forEach(function (k) { out[k] = norm(kind.fields[k].kind, value[k]); });
        return out;
      }
      case "list": return value.map(function (v) { return norm(kind.item, v); });
      case "prior_titles": {
        var years = {};
        keys(value).forEach(function (k) { years[String(Number(k))] = value[k].slice(); });
        return years;
      }
    }
    return value;
  }

  /** A valid profile with defaults filled, numbers exact (profile.normalise). */
  function normalise(profile) {
    var subject = profile.subject;
    var flags = merged(profile.flags || {}, {});
    var result = { evaluation_year: profile.evaluation_year, subject: subject, flags: flags };
    var fields = C.subjects[subject];
    keys(fields).forEach(function (name) {
      var spec = fields[name];
      if (hasOwn.call(profile, name)) { result[name] = norm(spec.kind, profile[name]); }
      else if (spec["default"] !== null) { result[name] = norm(spec.kind, spec["default"]); }
    });
    if (subject !== "individual") { return result; }
    if (!hasOwn.call(result, "months_worked")) { result.months_worked = defaultMonthsWorked(result); }
    // The unrounded year score decides the level (contract v3).
    if (hasOwn.call(result, "period_scores")) {
      result.score_total = periodMean(result.period_scores);
    } else if (hasOwn.call(result, "score_general")) {
      result.score_total = fadd(result.score_general, result.score_tasks);
    }
    return result;
  }

  /** Whole months from a recruitment in the year to 31 December (day 1 counts), else null. */
  function recruitedMonths(date, year) {
    var parts = date.split("-").map(Number);
    if (parts[0] !== year) { return null; }
    return parts[2] === 1 ? 13 - parts[1] : 12 - parts[1];
  }
  /** 12 months, or the months from recruitment in the year, minus the leave taken. */
  function defaultMonthsWorked(profile) {
    var date = profile.recruited_on;
    var recruited = date ? recruitedMonths(date, profile.evaluation_year) : null;
    var months = new Frac(recruited === null ? 12 : recruited, 1);
    (profile.leave || []).forEach(function (item) { months = fadd(months, item.months, -1); });
    return months.n < 0 ? new Frac(0, 1) : months;
  }

  // ---- the evaluator's parts in words (thidua/evaluator/wording.py) -----------------------

  /** The parts {k: template key, name: value…} of one evaluation in `lang`, each value
   *  named by what its name says it is (the contract's tables, contract/parts.py);
   *  `criterion(id)` words a criterion with its detail. */
  function wording(rules, lang, criterion) {
    var labels = rules.labels;
    var named = rules.contract.parts;
    var VALUE_GROUPS = named.value_groups, NUMBERS = named.numbers, CODES = named.codes;
    var CODE_GROUPS = named.code_groups;
    function message(key) { return labels.messages[key][lang]; }
    function number(text) { return lang === "vi" ? text.split(".").join(",") : text; }
    function code(v) {
      if (typeof v === "boolean") { return message(v ? "word_yes" : "word_no"); }
      var text = String(v);
      if (has(labels.messages, "value_" + text)) { return message("value_" + text); }
      var group = CODE_GROUPS.filter(function (g) { return has(labels[g], text); })[0];
      return group ? labels[group][text][lang] : number(text);
    }
    function value(name, v) {
      if (name === "items" || name === "parts") { return parts(v); }
      if (Array.isArray(v)) {
        return v.map(function (x) { return value(name, x); }).join(", ") || message("none");
      }
      if (v === null || v === undefined) { return "—"; }
      if (name === "criterion") { return criterion(v); }
      if (name === "fields") { return message("field_" + v); }
      if (has(VALUE_GROUPS, name)) { return labels[VALUE_GROUPS[name]][v][lang]; }
      if (NUMBERS.indexOf(name) >= 0) { return number(String(v)); }
      if (name === "date") {
        return format(message("date"), { year: v.slice(0, 4), month: v.slice(5, 7), day: v.slice(8) });
      }
      if (name === "cmp") { return message("cmp_" + v); }
      if (name === "flag") { return rules.flags[v].text[lang]; }
      return CODES.indexOf(name) >= 0 ? code(v) : String(v);
    }
    function say(part) {
      var values = {};
      keys(part).forEach(function (name) { if (name !== "k") { values[name] = value(name, part[name]); } });
      return format(message(part.k), values);
    }
    function parts(list) { return list.map(say).join("; "); }
    return {
      say: say,
      /** A criterion's own text, then (after " — ") its detail in words. */
      criterion: function (text, detail) {
        var said = parts(detail);
        return said ? text + " — " + said : text;
      }
    };
  }

  // ---- the data -------------------------------------------------------------------------

  function data() {
    var d = window.THIDUA_DATA;
    if (!d || typeof d !== "object" || !d.criteria || !d.years || !d.contract) {
      throw new Error("ThiduaEvaluator: window.THIDUA_DATA (criteria data) is not available");
    }
    if (C !== d.contract) {
      C = d.contract;
      keys(C.patterns).forEach(function (name) { RE[name] = new RegExp("^(?:" + C.patterns[name] + ")$"); });
    }
    return d;
  }

  window.ThiduaProfile = {
    has: has,
    keys: keys,
    isMap: isMap,
    merged: merged,
    Frac: Frac,
    frac: frac,
    fadd: fadd,
    fmul: fmul,
    fdiv: fdiv,
    fcmp: fcmp,
    exact: exact,
    ratioValue: ratioValue,
    decimals: decimals,
    hasPlaces: hasPlaces,
    show: show,
    format: format,
    problem: problem,
    at: at,
    recruitedMonths: recruitedMonths,
    check: check,
    normalise: normalise,
    wording: wording,
    data: data
  };
})();
