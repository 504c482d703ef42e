/* thidua — Bình xét: the unit's figures, a mirror of hooks/thidua/binh_xet/unit.py.
 * Every member is evaluated by window.ThiduaEvaluator (the self-evaluation page's
 * evaluator.js, same data as `thidua evaluate`); the HTXS cap is its unit_quota subject,
 * the collective titles its collective subject. With a local layer (window.ThiduaLayer,
 * tu-danh-gia/layer.js over window.THIDUA_LAYER) each member and each HTXS cap goes
 * through the layer exactly as Python's Layer.evaluate. Reasons are in the page's
 * language (BX.lang()). Returns data; results.js renders it.
 *   BX.unit.compute(readResult, year, settings) → the same object as `thidua unit --json` */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var HTT_OR_ABOVE = ["HTXS", "HTT"];
  var HTNV_OR_ABOVE = ["HTXS", "HTT", "HTNV"];
  var CANH_CAO_OR_ABOVE = ["canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec", "khai_tru"];
  var DEFAULTS = { rounding: "floor", exception: false, unit_level: null, movement: null, unity: null,
    unit_kind: null, unit_score: null, tasks_completed: null, tasks_late: null, tasks_exceeded: null,
    units_khtnv: null, remedied: null, violation: null, layer: null };
  var LEVEL_INPUTS = ["unit_score", "tasks_completed", "tasks_late"];

  function ev() { return window.ThiduaEvaluator; }
  var LAYER_PREFIX = "lop:";
  var lang = "vi";
  /* The layer in force for this computation (settings.layer and its rules), or null. */
  var layerOn = false;
  function national() { return ev().national || ev(); }
  /* profile → result, through the layer when one is in force (Layer.evaluate). */
  function run(profile, options) {
    if (!layerOn) { return national().evaluate(profile, lang, options); }
    var TL = window.ThiduaLayer;
    var result = national().evaluate(TL.nationalProfile(profile), lang, options);
    if (result.unverified_basis === null) { result.unverified_basis = []; } // lean: not computed
    // The result is ours alone: the layer marks it in place (a copy per member costs as
    // much as the evaluation itself with 500 members).
    return TL.applyInPlace ? TL.applyInPlace(profile, result, lang) : TL.applyToResult(profile, result, lang);
  }
  /* The problems of a profile: the layer's own fields, then the law's. */
  function problems(profile) {
    if (!layerOn) { return national().problems(profile); }
    var TL = window.ThiduaLayer;
    return TL.profileProblems(profile).concat(national().problems(TL.nationalProfile(profile)));
  }
  function schemaHas(subject, field) {
    var s = ev().schema ? ev().schema() : null;
    return !!(s && s[subject] && Object.prototype.hasOwnProperty.call(s[subject], field));
  }
  function inList(value, list) { return list.indexOf(value) >= 0; }
  function hasAny(titles, wanted) { return wanted.some(function (t) { return titles.indexOf(t) >= 0; }); }

  function profileOf(m, year) {
    if (m.profile) { return m.profile; }
    var p = { evaluation_year: year, subject: "individual", role: m.role, leader: !!m.leader };
    if (m.level !== null) { p.classification_input = m.level; } else { p.score_total = m.score; }
    if (m.months !== null) { p.months_worked = m.months; }
    if (m.recruited !== null) { p.recruited_on = m.recruited; }
    if (m.spirit !== null) { p.emulation_spirit = m.spirit; }
    if (m.discipline !== null) {
      p.discipline = [{ system: "hanh_chinh", form: m.discipline, decided_on: year + "-12-31", violation_year: year }];
    }
    if (m.initiative !== null) {
      p.initiatives = [{ kind: "sang_kien", year: year, recognised_at: m.initiative, applied: true }];
    }
    if (m.chain) {
      p.prior_titles = {};
      for (var k = 1; k <= m.chain; k++) { p.prior_titles[String(year - k)] = ["LDTT", "CSTDCS"]; }
    }
    Object.keys(m).forEach(function (key) { // the layer's own fields (staff group, counts)
      if (key.indexOf(LAYER_PREFIX) === 0 && m[key] !== null && m[key] !== undefined) { p[key.slice(LAYER_PREFIX.length)] = m[key]; }
    });
    return p;
  }

  function layerFields(profile, settings) {
    var out = {};
    ((settings.layer && settings.layer.columns) || []).forEach(function (c) {
      if (Object.prototype.hasOwnProperty.call(profile, c.field)) { out[c.field] = profile[c.field]; }
    });
    return out;
  }

  /* Each level not reached and title not eligible by its code, with its reason (unit.py). */
  function missing(result) {
    var out = Object.keys(result.not_reached).map(function (k) { return { level: k, reason: result.not_reached[k].reason }; });
    ["LDTT", "CSTT", "CSTDCS"].forEach(function (t) {
      if (result.not_eligible[t]) { out.push({ title: t, reason: result.not_eligible[t].reason }); }
    });
    return out;
  }

  function evaluateMember(m, year, settings) {
    var result, profile = profileOf(m, year);
    try {
      // lean: the member's outcome only (not which flags mattered): 500 people stay fast.
      result = run(profile, { lean: true });
    } catch (e) {
      if (!problems(profile).length) { throw e; }
      return { trouble: BX.members.problem(m.row, BX.members.BY_KEY.level.header, String(year), BX.problemWords("not_evaluable_allowed"), "not_evaluable") };
    }
    var out = {};
    ["row", "name", "id", "group", "role", "rank", "votes"].forEach(function (k) { out[k] = m[k] === undefined ? null : m[k]; });
    out.level = result.classification;
    out.eligible_titles = result.eligible_titles;
    out.missing = missing(result);
    out.manual_review_reasons = result.manual_review_reasons;
    out.discipline = m.discipline === undefined ? null : m.discipline;
    out.layer_fields = layerFields(profile, settings);
    out.layer_reasons = Object.keys(result.not_eligible).filter(function (k) {
      return result.not_eligible[k].source === "layer";
    }).map(function (k) { return result.not_eligible[k].reason; });
    out.htxs_status = null;
    out.cstdcs_status = null;
    return { member: out };
  }

  function orderKey(list) {
    if (list.length && list.every(function (m) { return m.rank !== null; })) { return "rank"; }
    if (list.length && list.every(function (m) { return m.votes !== null; })) { return "votes"; }
    return null;
  }

  function place(candidates, limit, field) {
    var key;
    if (limit === null || candidates.length <= limit) {
      candidates.forEach(function (m) { m[field] = "within"; });
      return orderKey(candidates);
    }
    key = orderKey(candidates);
    if (limit === 0) {
      candidates.forEach(function (m) { m[field] = "over"; });
      return key;
    }
    if (key === null) {
      candidates.forEach(function (m) { m[field] = "unranked"; });
      return null;
    }
    var value = key === "rank" ? function (m) { return m.rank; } : function (m) { return -m.votes; };
    var ordered = candidates.slice().sort(function (a, b) { return value(a) - value(b); });
    var boundary = value(ordered[limit - 1]);
    var better = candidates.filter(function (m) { return value(m) < boundary; }).length;
    var equal = candidates.filter(function (m) { return value(m) === boundary; }).length;
    candidates.forEach(function (m) {
      var v = value(m);
      if (v < boundary || (v === boundary && better + equal <= limit)) { m[field] = "within"; }
      else if (v === boundary) { m[field] = "tie"; }
      else { m[field] = "over"; }
    });
    return key;
  }

  function quotaText(result, criterion) {
    var entry = null;
    result.explanation.forEach(function (e) { if (!entry && e.criterion === criterion) { entry = e; } });
    return { text: entry ? entry.text : "", legal_basis: entry ? entry.legal_basis : [], manual_review_reasons: result.manual_review_reasons };
  }

  /* The layer's own lines of a unit_quota result (a tighter HTXS cap), or nothing. */
  function layerText(result) {
    var lines = result.explanation.filter(function (e) { return e.source === "layer"; });
    var basis = [];
    lines.forEach(function (e) { basis = basis.concat(e.legal_basis); });
    return { layer_text: lines.map(function (e) { return e.text; }), layer_legal_basis: basis };
  }

  function assign(target, source) { Object.keys(source).forEach(function (k) { target[k] = source[k]; }); return target; }

  function htxsCaps(members, year, settings) {
    var groups = {}, keys = [];
    members.forEach(function (m) {
      var key = JSON.stringify([m.group || "", m.role]);
      if (!groups[key]) { groups[key] = []; keys.push(key); }
      groups[key].push(m);
    });
    keys.sort(function (a, b) {
      var x = JSON.parse(a), y = JSON.parse(b);
      return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
    });
    var caps = [];
    keys.forEach(function (key) {
      var people = groups[key], gk = JSON.parse(key);
      var rated = people.filter(function (m) { return inList(m.level, HTT_OR_ABOVE); });
      var candidates = people.filter(function (m) { return m.level === "HTXS"; });
      if (!candidates.length) { return; }
      var profile = {
        evaluation_year: year, subject: "unit_quota",
        group_size_htt_or_above: rated.length,
        individuals_meeting_htxs_criteria: candidates.length,
        unit_outstanding_exception_granted: !!settings.exception,
        flags: { quota_rounding: settings.rounding }
      };
      if (schemaHas("unit_quota", "role")) { profile.role = gk[1]; }
      var result = run(profile);
      var limit = result.max_htxs;
      var order = place(candidates, limit, "htxs_status");
      caps.push(assign(assign({ group: gk[0], role: gk[1], rated_htt_or_above: rated.length,
        rated_htt: rated.length - candidates.length, candidates: candidates.length,
        max: limit, order: order,
        ratio: result.flags_used.htxs_ratio === undefined ? null : result.flags_used.htxs_ratio,
        base_kind: result.flags_used.htxs_ratio_base === undefined ? null : result.flags_used.htxs_ratio_base
      }, quotaText(result, "quota.htxs")), layerText(result)));
    });
    return caps;
  }

  /* For a member over the HTXS cap: the titles if rated HTT instead (else null). */
  function titlesIfHtt(source, m, year) {
    if (m.htxs_status !== "over") { return null; }
    var base = profileOf(source, year), profile = {};
    Object.keys(base).forEach(function (k) {
      if (["score_total", "score_general", "score_tasks", "period_scores"].indexOf(k) < 0) { profile[k] = base[k]; }
    });
    profile.classification_input = "HTT";
    return run(profile, { lean: true }).eligible_titles;
  }

  function proposable(m) { return m.titles_if_htt !== null && m.titles_if_htt !== undefined ? m.titles_if_htt : m.eligible_titles; }

  /* A decimal string ("0.15") as an exact fraction [numerator, denominator]. */
  function fraction(text) {
    var parts = String(text).split("."), decimals = parts[1] || "";
    return [Number(parts[0] + decimals), Math.pow(10, decimals.length)];
  }

  /* floor / ceil / round_half_up of n/d with integers (the evaluator's `rounded`). */
  function rounded(n, d, how) {
    if (how === "ceil") { return Math.floor((n + d - 1) / d); }
    if (how === "round_half_up") { return Math.floor((2 * n + d) / (2 * d)); }
    return Math.floor(n / d);
  }

  function cstdcsQuota(members, year, settings) {
    var ldtt = members.filter(function (m) { return hasAny(proposable(m), ["LDTT", "CSTT"]); });
    var candidates = members.filter(function (m) { return proposable(m).indexOf("CSTDCS") >= 0; });
    var quota = settings.layer && settings.layer.quota;
    if (quota) {
      // The layer's own ratio and rounding (its Quy chế), exact arithmetic.
      var f = fraction(quota.ratio);
      var cap = rounded(f[0] * ldtt.length, f[1], quota.rounding);
      var most = Math.min(cap, candidates.length);
      var placed = place(candidates, most, "cstdcs_status");
      return { ldtt: ldtt.length, candidates: candidates.length, max: most, cap: cap, order: placed,
        none_applies: false, source: "layer", text: quota.source + ": " + quota.text + ".",
        legal_basis: [quota.cite, quota.tightens], manual_review_reasons: [] };
    }
    var result = national().evaluate({ evaluation_year: year, subject: "unit_quota", unit_ldtt_count: ldtt.length,
      cstdcs_eligible_candidates: candidates.length, flags: { quota_rounding: settings.rounding } }, lang);
    var limit = result.max_cstdcs;
    var order = place(candidates, limit, "cstdcs_status");
    return assign({ ldtt: ldtt.length, candidates: candidates.length, max: limit, cap: limit, order: order,
      none_applies: limit === null, source: "law" }, quotaText(result, "quota.cstdcs"));
  }

  /* The collective profile that gives the unit's own level on 100 points. */
  function levelProfile(s, year) {
    var p = { evaluation_year: year, subject: "collective", unit_kind: s.unit_kind, score_total: s.unit_score,
      tasks_completed_share: s.tasks_completed / 100, tasks_late_share: s.tasks_late / 100 };
    if (s.tasks_exceeded !== null) { p.tasks_exceeded_share = s.tasks_exceeded / 100; }
    if (s.units_khtnv !== null) { p.constituent_units_khtnv = s.units_khtnv; }
    if (s.remedied !== null) { p.deficiencies_remedied = s.remedied; }
    if (s.violation !== null) { p.violation_concluded = s.violation; }
    return p;
  }

  function collective(members, year, settings, total) {
    var kind = schemaHas("collective", "unit_kind") ? settings.unit_kind : null;
    var levelNeeded = kind ? LEVEL_INPUTS.filter(function (k) { return settings[k] === null; }) : [];
    var scored = false;
    var out = { needed: [], level_needed: levelNeeded, level_unavailable: false, eligible_titles: [],
      not_eligible: {}, manual_review_reasons: [], classification: null, level_not_reached: {} };
    if (kind && !levelNeeded.length) {
      if (national().problems(levelProfile(settings, year)).length) { out.level_unavailable = true; } else { scored = true; }
    }
    var wanted = scored ? ["movement", "unity"] : ["unit_level", "movement", "unity"];
    out.needed = wanted.filter(function (k) { return settings[k] === null; });
    var counts = {
      members: total,
      members_htnv_or_above: members.filter(function (m) { return inList(m.level, HTNV_OR_ABOVE); }).length,
      members_ldtt: members.filter(function (m) { return hasAny(proposable(m), ["LDTT", "CSTT"]); }).length,
      members_cstdcs: members.filter(function (m) { return m.cstdcs_status === "within"; }).length,
      members_disciplined: members.filter(function (m) { return !!m.discipline; }).length,
      members_disciplined_canh_cao_or_above: members.filter(function (m) { return inList(m.discipline, CANH_CAO_OR_ABOVE); }).length
    };
    out.counts = counts;
    var titles = !out.needed.length && total > 0;
    if (!scored && !titles) { return out; }
    var profile = scored ? levelProfile(settings, year) : { evaluation_year: year, subject: "collective", unit_result: settings.unit_level };
    if (titles) {
      profile.movement_regular_effective = settings.movement;
      profile.internal_unity = settings.unity;
      assign(profile, counts);
    }
    var result = national().evaluate(profile, lang);
    out.manual_review_reasons = result.manual_review_reasons;
    out.classification = result.classification;
    if (scored) {
      Object.keys(result.not_reached).forEach(function (k) { out.level_not_reached[k] = result.not_reached[k].reason; });
    }
    if (titles) {
      out.eligible_titles = result.eligible_titles;
      Object.keys(result.not_eligible).forEach(function (k) { out.not_eligible[k] = result.not_eligible[k].reason; });
    }
    return out;
  }

  /* lang: the reasons' language (default: the page's); the layer applies when the
   * settings name one and its rules are on the page (tu-danh-gia/layer.js). */
  function compute(read, year, settings, language) {
    var s = assign(assign({}, DEFAULTS), settings || {});
    lang = language || (BX.lang ? BX.lang() : "vi");
    layerOn = !!(s.layer && window.ThiduaLayer && window.ThiduaLayer.data && window.ThiduaLayer.data.id === s.layer.id);
    if (s.layer && !layerOn) { throw new Error("the layer's rules are not on this page"); }
    var problems = read.problems.slice();
    var invalid = read.invalid_rows.map(function (r) { return assign({}, r); });
    var members = [];
    read.members.forEach(function (m) {
      var got = evaluateMember(m, year, s);
      if (got.trouble) {
        problems.push(got.trouble);
        invalid.push({ row: m.row, name: m.name, problems: [got.trouble] });
      } else {
        members.push(got.member);
      }
    });
    invalid.sort(function (a, b) { return a.row - b.row; });
    var caps = htxsCaps(members, year, s);
    var sources = {};
    read.members.forEach(function (m) { sources[m.row] = m; });
    members.forEach(function (m) { m.titles_if_htt = titlesIfHtt(sources[m.row], m, year); });
    var quota = cstdcsQuota(members, year, s);
    var levels = {}, titles = {};
    ["HTXS", "HTT", "HTNV", "KHTNV", "NOT_CLASSIFIED"].forEach(function (c) {
      levels[c] = members.filter(function (m) { return m.level === c; }).length;
    });
    ["LDTT", "CSTT", "CSTDCS", "CSTD_BO", "CSTDTQ"].forEach(function (c) {
      titles[c] = members.filter(function (m) { return m.eligible_titles.indexOf(c) >= 0; }).length;
    });
    return {
      evaluation_year: year, encoding: read.encoding, settings: s, members: members,
      invalid_rows: invalid, problems: problems, levels: levels, titles: titles,
      htxs_caps: caps, cstdcs: quota,
      collective: collective(members, year, s, members.length + invalid.length)
    };
  }

  /* The local layer's reasons (a title withheld, with its Quy chế clause) of the members
   * at `rows` of `read`, in `language`: the printed documents are Vietnamese on both
   * pages, so the English page asks again in Vietnamese, for those few members only.
   * {row: [reason, …]}; the module's language and layer are restored afterwards. */
  function layerReasons(read, rows, year, settings, language) {
    var s = assign(assign({}, DEFAULTS), settings || {}), saved = [lang, layerOn], out = {};
    lang = language;
    layerOn = !!(s.layer && window.ThiduaLayer && window.ThiduaLayer.data && window.ThiduaLayer.data.id === s.layer.id);
    try {
      read.members.forEach(function (m) {
        if (rows.indexOf(m.row) < 0) { return; }
        var got = evaluateMember(m, year, s);
        out[m.row] = got.member ? got.member.layer_reasons : [];
      });
    } finally {
      lang = saved[0]; layerOn = saved[1];
    }
    return out;
  }

  BX.unit = { compute: compute, proposable: proposable, profileOf: profileOf, place: place, layerReasons: layerReasons,
    problems: function (profile, settings) {
      var s = settings || { layer: window.BINH_XET_LAYER || null };
      layerOn = !!(s.layer && window.ThiduaLayer);
      return problems(profile);
    } };
})();
