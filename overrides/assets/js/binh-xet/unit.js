/* thidua — Bình xét: the unit's figures, a mirror of hooks/thidua/binh_xet/unit.py.
 * Every member is evaluated by window.ThiduaEvaluator (the self-evaluation page's
 * evaluator.js, same data as `thidua evaluate`); the HTXS cap is its unit_quota subject,
 * the collective titles its collective subject. Returns data; outputs.js renders it.
 *   BX.unit.compute(readResult, year, settings) → the same object as `thidua unit --json` */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var HTT_OR_ABOVE = ["HTXS", "HTT"];
  var HTNV_OR_ABOVE = ["HTXS", "HTT", "HTNV"];
  var CANH_CAO_OR_ABOVE = ["canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec", "khai_tru"];
  var DEFAULTS = { rounding: "floor", exception: false, unit_level: null, movement: null, unity: null, unit_kind: null, unit_score: null };

  function ev() { return window.ThiduaEvaluator; }
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
    return p;
  }

  function missing(result) {
    var reasons = Object.keys(result.not_reached).map(function (k) { return result.not_reached[k].reason; });
    ["LDTT", "CSTT", "CSTDCS"].forEach(function (t) {
      if (result.not_eligible[t]) { reasons.push(result.not_eligible[t].reason); }
    });
    return reasons;
  }

  function evaluateMember(m, year) {
    var result;
    try {
      // lean: the member's outcome only (not which flags mattered): 500 people stay fast.
      result = ev().evaluate(profileOf(m, year), "vi", { lean: true });
    } catch (e) {
      if (!ev().problems(profileOf(m, year)).length) { throw e; }
      return { trouble: BX.members.problem(m.row, BX.members.BY_KEY.level.header, String(year),
        "mức xếp loại đã quyết định (cột Xếp loại), hoặc Điểm khi năm đó chấm điểm", "not_evaluable") };
    }
    var out = {};
    ["row", "name", "id", "group", "role", "rank", "votes"].forEach(function (k) { out[k] = m[k] === undefined ? null : m[k]; });
    out.level = result.classification;
    out.eligible_titles = result.eligible_titles;
    out.missing = missing(result);
    out.manual_review_reasons = result.manual_review_reasons;
    out.discipline = m.discipline === undefined ? null : m.discipline;
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
      var result = ev().evaluate(profile, "vi");
      var limit = result.max_htxs;
      var order = place(candidates, limit, "htxs_status");
      caps.push(assign({ group: gk[0], role: gk[1], rated_htt_or_above: rated.length,
        rated_htt: rated.length - candidates.length, candidates: candidates.length,
        max: limit, order: order,
        ratio: result.flags_used.htxs_ratio === undefined ? null : result.flags_used.htxs_ratio,
        base_kind: result.flags_used.htxs_ratio_base === undefined ? null : result.flags_used.htxs_ratio_base
      }, quotaText(result, "quota.htxs")));
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
    return ev().evaluate(profile, "vi", { lean: true }).eligible_titles;
  }

  function proposable(m) { return m.titles_if_htt !== null && m.titles_if_htt !== undefined ? m.titles_if_htt : m.eligible_titles; }

  function cstdcsQuota(members, year, settings) {
    var ldtt = members.filter(function (m) { return hasAny(proposable(m), ["LDTT", "CSTT"]); });
    var candidates = members.filter(function (m) { return proposable(m).indexOf("CSTDCS") >= 0; });
    var result = ev().evaluate({ evaluation_year: year, subject: "unit_quota", unit_ldtt_count: ldtt.length,
      cstdcs_eligible_candidates: candidates.length, flags: { quota_rounding: settings.rounding } }, "vi");
    var limit = result.max_cstdcs;
    var order = place(candidates, limit, "cstdcs_status");
    return assign({ ldtt: ldtt.length, candidates: candidates.length, max: limit, order: order,
      none_applies: limit === null }, quotaText(result, "quota.cstdcs"));
  }

  function collective(members, year, settings, total) {
    var scored = settings.unit_kind !== null && settings.unit_score !== null && schemaHas("collective", "unit_kind");
    var wanted = scored ? ["movement", "unity"] : ["unit_level", "movement", "unity"];
    var needed = wanted.filter(function (k) { return settings[k] === null; });
    var counts = {
      members: total,
      members_htnv_or_above: members.filter(function (m) { return inList(m.level, HTNV_OR_ABOVE); }).length,
      members_ldtt: members.filter(function (m) { return hasAny(proposable(m), ["LDTT", "CSTT"]); }).length,
      members_cstdcs: members.filter(function (m) { return m.cstdcs_status === "within"; }).length,
      members_disciplined: members.filter(function (m) { return !!m.discipline; }).length,
      members_disciplined_canh_cao_or_above: members.filter(function (m) { return inList(m.discipline, CANH_CAO_OR_ABOVE); }).length
    };
    var out = { counts: counts, needed: needed, eligible_titles: [], not_eligible: {}, manual_review_reasons: [], classification: null };
    if (needed.length || total === 0) { return out; }
    var profile = assign({ evaluation_year: year, subject: "collective",
      movement_regular_effective: settings.movement, internal_unity: settings.unity }, counts);
    if (settings.unit_level !== null) { profile.unit_result = settings.unit_level; }
    if (scored) { profile.unit_kind = settings.unit_kind; profile.score_total = settings.unit_score; }
    var result = ev().evaluate(profile, "vi");
    out.eligible_titles = result.eligible_titles;
    Object.keys(result.not_eligible).forEach(function (k) { out.not_eligible[k] = result.not_eligible[k].reason; });
    out.manual_review_reasons = result.manual_review_reasons;
    out.classification = result.classification;
    return out;
  }

  function compute(read, year, settings) {
    var s = assign(assign({}, DEFAULTS), settings || {});
    var problems = read.problems.slice();
    var invalid = read.invalid_rows.map(function (r) { return assign({}, r); });
    var members = [];
    read.members.forEach(function (m) {
      var got = evaluateMember(m, year);
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

  BX.unit = { compute: compute, proposable: proposable, profileOf: profileOf, place: place };
})();
