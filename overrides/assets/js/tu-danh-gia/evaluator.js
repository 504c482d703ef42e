/* thidua — the evaluator in the browser: an interpreter of published data. It reads
 * window.THIDUA_DATA: the rules (criteria, years with their lookups, rule sets, flags, the [U]
 * table, labels with the templates of the result's words) and the contract (data.contract).
 * profile.js (window.ThiduaProfile, loaded first, like evaluator/profile.py) checks and
 * normalises the profile; here are the problems that need the year's rules (__init__.py) and
 * the engine (engine.py, ops.py, quotas.py). No rule, field, code, limit or message is written
 * here, only their generic interpretation, in the same order, so that the result is that of
 * `thidua evaluate PROFILE --json` (tests/evaluator_js compare them on every case and thousands
 * of random profiles). The operations return what they found as parts ({k: template key,
 * name: value}, plain data), worded by ThiduaProfile.wording like evaluator/wording.py.
 * Numbers are exact fractions (Frac). Messages only may differ: a JS object lists
 * integer-like keys (prior_titles years) in ascending order. Classic script, file://.
 *
 *   ThiduaEvaluator.validateProfile(profile) → ["field: found …; allowed: …", …] ([] if valid)
 *   ThiduaEvaluator.problems(profile)        → [{path, field, found, allowed, message}, …]
 *   ThiduaEvaluator.evaluate(profile, lang)  → the contract result (throws when invalid) */
(function () {
  "use strict";

  // The profile's checks and the shared helpers (profile.js).
  var P = window.ThiduaProfile;
  var has = P.has;
  var keys = P.keys;
  var isMap = P.isMap;
  var merged = P.merged;
  var Frac = P.Frac;
  var frac = P.frac;
  var fadd = P.fadd;
  var fmul = P.fmul;
  var fdiv = P.fdiv;
  var fcmp = P.fcmp;
  var exact = P.exact;
  var ratioValue = P.ratioValue;
  var decimals = P.decimals;
  var hasPlaces = P.hasPlaces;
  var show = P.show;
  var problem = P.problem;
  var at = P.at;
  var recruitedMonths = P.recruitedMonths;
  var check = P.check;
  var normalise = P.normalise;

  var MISSING = { missing: true };
  var hasOwn = Object.prototype.hasOwnProperty;
  var C = null; // data.contract, as profile.js last read it

  function unique(items) { return items.filter(function (x, i) { return items.indexOf(x) === i; }); }
  /** A number written in the rules (50, "0.5") as an exact fraction. */
  function dataNumber(value) { return exact(value, 6); }
  /** Numbers as the result writes them (ops.fmt): whole, with their decimals, or n/d. */
  function fmt(value) {
    if (!(value instanceof Frac) || value.d === 1) { return String(value instanceof Frac ? value.n : value); }
    return hasPlaces(value) ? decimals(value.n / value.d, "number") : value.n + "/" + value.d;
  }

  /** The data (profile.js checks that it is there); its contract kept in C for the engine. */
  function data() {
    var d = P.data();
    C = d.contract;
    return d;
  }

  /** Problems that need the data: year and role modelled, inputs the rules need. */
  function semantic(profile, rules) {
    var year = profile.evaluation_year, role = profile.role, kind = profile.unit_kind;
    var entry = rules.years[String(year)];
    var modelled = keys(rules.years).join(", ");
    if (!has(rules.years, String(year))) {
      return [problem(["evaluation_year"], "year_not_modelled", { year: year, modelled: modelled })];
    }
    var kinds = entry.collective_rules || {};
    if (profile.subject === "collective") {
      if (!has(profile, "unit_kind")) { return []; }
      if (!has(kinds, kind)) {
        var years = entry.lookups.collective_years;
        return [problem(["unit_kind"], "unit_kind_not_modelled", { kind: kind, year: year, years: years })];
      }
      var set = rules.danh_gia[kinds[kind]];
      return missingInputs(profile, set, "non_leader", "required_collective", { year: year });
    }
    if (profile.subject === "unit_quota") {
      if (has(profile, "unit_kind") && !has(kinds, kind)) {
        return [problem(["unit_kind"], "quota_unit_kind", { kind: kind, year: year })];
      }
      if (!has(profile, "role") || has(entry.danh_gia, role)) {
        return [];
      }
      return [problem(["role"], "quota_role", { role: role, year: year })];
    }
    if (!has(entry.danh_gia, role)) {
      var roles = keys(entry.danh_gia).join(", ");
      var values = { role: role, year: year, roles: roles, modelled: modelled };
      return [problem(["role"], "role_not_modelled", values)];
    }
    var recruited = profile.recruited_on;
    var out = recruited && Number(recruited.slice(0, 4)) > year
      ? [problem(["recruited_on"], "recruited_after", { date: recruited, year: year })] : [];
    if (has(profile, "classification_input")) { return out; }
    var ruleSet = rules.danh_gia[danhGiaChoice(rules, profile)[0]];
    var branch = profile.leader ? "leader" : "non_leader";
    return out.concat(ruleSet.kind === "text_only"
      ? [problem(["classification_input"], "text_only", { role: role, year: year, rule_set: ruleSet.id })]
      : missingInputs(profile, ruleSet, branch, "required",
        { year: year, role: role, who: C.words[branch] }));
  }

  function missingInputs(profile, ruleSet, branch, key, values) {
    var missing = ruleSet.requires[branch].filter(function (name) { return !has(profile, name); });
    return missing.map(function (name) {
      return problem([name], key, merged(values, { name: name, rule_set: ruleSet.id }));
    });
  }

  /** The danh-gia rule set whose HTXS cap a unit_quota profile uses (criteria.lookups.quota_rules_id). */
  function quotaRulesId(rules, profile) {
    var entry = rules.years[String(profile.evaluation_year)], by = entry.lookups.quota_rules;
    var key = has(by, profile.role) ? profile.role : profile.unit_kind;
    return has(by, key) ? by[key] : entry.quota_rules;
  }

  /** [rule set id, null | "applied" | "not_applied" | "review"] (engine.danh_gia_choice). */
  function danhGiaChoice(rules, profile) {
    var entry = rules.years[String(profile.evaluation_year)];
    var primary = entry.danh_gia[profile.role];
    var transitions = entry.role_transitions || {};
    var transition = has(transitions, profile.role) ? transitions[profile.role] : null;
    if (!transition) { return [primary, null]; }
    var own = has(profile, transition.field) ? profile[transition.field] : null;
    if (own === true) { return [primary, "not_applied"]; }
    if (own === false) { return [transition.rule_set, "applied"]; }
    var hasAny = function (names) { return names.some(function (name) { return has(profile, name); }); };
    return [!hasAny(C.score_fields) && hasAny(transition.inputs) ? transition.rule_set : primary, "review"];
  }

  function problems(profile) {
    var found = check(profile);
    return found.length ? found : semantic(normalise(profile), data());
  }

  // ---- the engine (engine.py, ops.py): the rules are interpreted ----------------------------

  function Ctx(rules, profile, flags, lang) {
    this.rules = rules;
    this.profile = profile;
    this.flags = flags;
    this.lang = lang;
    this.year = profile.evaluation_year;
    this.yearEntry = rules.years[String(this.year)];
    this.thiDua = rules.thi_dua[this.yearEntry.thi_dua];
    this.classification = null;
    this.titleEligible = {};
    this.memo = {};
    this.flagsConsulted = {};
    this.quotaFlags = {};
    this.explanation = [];
    this.sources = [];
    this.manual = [];
    this.chainYears = [];
    this.words = P.wording(rules, lang, this.criterionText.bind(this));
  }
  Ctx.prototype.get = function (path) {
    var v = at(this.profile, path);
    return v === undefined ? MISSING : v;
  };
  Ctx.prototype.holds = function (title, year) {
    var list = (this.profile.prior_titles || {})[String(year)] || [];
    return list.indexOf(title) >= 0 || (year === this.year && !!this.titleEligible[title]);
  };
  /** The message `key` with `values` (data: codes, numbers, dates) in words (wording.py). */
  Ctx.prototype.msg = function (key, values) { return this.words.say(merged({ k: key }, values || {})); };
  Ctx.prototype.text = function (pair) { return pair ? pair[this.lang] : ""; };
  Ctx.prototype.review = function (text) {
    if (text && this.manual.indexOf(text) < 0) { this.manual.push(text); }
  };

  Ctx.prototype.outcome = function (cid) {
    if (hasOwn.call(this.memo, cid)) { return this.memo[cid]; }
    var crit = this.rules.criteria[cid];
    if (!OPS[crit.op]) { throw new Error("ThiduaEvaluator: unknown operation " + crit.op + " in " + cid); }
    var pair = OPS[crit.op](this, crit);
    var met = pair[0] === null ? (crit.missing || "not_met") === "met" : pair[0] !== !!crit.not;
    var detail = pair[0] === null ? [this.missingPart(crit, met)] : pair[1];
    var flag = crit.enabled_by_flag;
    if (flag) {
      this.flagsConsulted[flag] = true;
      if (!this.flags[flag]) {
        met = false;
        detail = detail.concat([{ k: "flag_off", flag: flag }]);
      }
    }
    return (this.memo[cid] = [met, detail]);
  };
  /** The fields a criterion reads that the profile does not give, in its order; a criterion
   * met all the same says they were not checked (a met line read as a shortfall). */
  Ctx.prototype.missingPart = function (crit, met) {
    var read = [].concat(crit.field || [], crit.num || [], crit.den || [], crit.fields || []);
    var self = this, fields = unique(read.map(function (t) { return t.replace(/^-+/, ""); }))
      .filter(function (name) { return self.get(name) === MISSING; });
    return { k: met ? "missing_not_checked" : "missing", fields: fields };
  };
  /** The criterion's own text, then its detail in words. */
  Ctx.prototype.criterionText = function (cid) {
    return this.words.criterion(this.text(this.rules.criteria[cid].text), this.memo[cid][1]);
  };
  Ctx.prototype.add = function (cid, met, basis, text, scope, usedBy, ruleSet) {
    var entry = { criterion: cid, met: met, legal_basis: basis.slice(), text: text, scope: scope };
    this.explanation.push(entry);
    for (var i = 0; i < basis.length; i++) { this.sources.push([basis[i], usedBy, ruleSet]); }
    return entry;
  };
  Ctx.prototype.record = function (cid, basis, scope, usedBy, ruleSet) {
    var met = this.outcome(cid)[0];
    return this.add(cid, met, basis, this.criterionText(cid), scope, usedBy, ruleSet);
  };
  Ctx.prototype.recordBinding = function (binding, base, scope, ruleSet, bound) {
    var basis = unique(base.concat(binding.legal_basis || []));
    var crit = this.rules.criteria[binding.criterion];
    var self = this;
    if (crit.op === "any_of") {
      crit.criteria.forEach(function (sub) {
        if (!hasOwn.call(bound, sub)) { self.record(sub, basis, scope, sub, ruleSet); }
      });
    }
    return this.record(binding.criterion, basis, scope, binding.criterion, ruleSet);
  };
  Ctx.prototype.info = function (cid, basis, text, usedBy, ruleSet) {
    this.add(cid, true, basis, text, "rules", usedBy, ruleSet);
  };

  // -- operations ------------------------------------------------------------------------

  function compare(left, cmp, right) {
    var c = fcmp(left, right);
    return { ge: c >= 0, gt: c > 0, le: c <= 0, lt: c < 0, eq: c === 0 }[cmp];
  }
  /** == of the scalars profiles and data hold: numbers by value (a Frac equals its integer). */
  function same(a, b) {
    var numeric = function (v) { return typeof v === "number" || v instanceof Frac; };
    return numeric(a) && numeric(b) ? fcmp(frac(a), frac(b)) === 0 : a === b;
  }
  function field(ctx, crit, op) {
    var value = ctx.get(crit.field);
    return value === MISSING ? [null, []] : op(value);
  }
  function sumOf(ctx, terms) {
    var total = new Frac(0, 1);
    for (var i = 0; i < terms.length; i++) {
      var value = ctx.get(terms[i].replace(/^-+/, ""));
      if (value === MISSING) { return null; }
      total = fadd(total, frac(value), terms[i].charAt(0) === "-" ? -1 : 1);
    }
    return total;
  }
  function leaveSum(ctx, crit) {
    var total = new Frac(0, 1);
    (ctx.profile.leave || []).forEach(function (item) {
      var excluded = (crit.exclude_kinds || []).indexOf(item.kind) >= 0;
      if (!excluded && (!has(crit, "kinds") || crit.kinds.indexOf(item.kind) >= 0)) {
        total = fadd(total, item.months);
      }
    });
    return total;
  }
  function decidedYear(item) { return Number(item.decided_on.slice(0, 4)); }
  /** [counted, set aside]: parts naming each decision of the year by its row (ops.discipline_counted). */
  function disciplineCounted(items, year, exceptions) {
    var counted = [];
    var skipped = [];
    items.forEach(function (item, index) {
      if (decidedYear(item) !== year) { return; }
      var used = has(item, "already_used_for_rating_year") ? item.already_used_for_rating_year : null;
      if (exceptions && used !== null && used !== year) {
        return skipped.push({ k: "discipline_used", row: index + 1, year: used });
      }
      if (exceptions && items.some(function (other, j) {
        return j !== index && other.system !== item.system && other.violation_year === item.violation_year &&
          decidedYear(other) < year;
      })) { return skipped.push({ k: "discipline_same", row: index + 1, year: item.violation_year }); }
      counted.push({ k: "discipline_row", row: index + 1, system: item.system, form: item.form,
        date: item.decided_on });
    });
    return [counted, skipped];
  }
  /** item[key] ranks at least alt[key + "_min"] in the contract's order `codes` (when asked). */
  function atLeast(item, alt, key, codes) {
    var min = key + "_min";
    return !has(alt, min) || (has(item, key) && codes.indexOf(item[key]) >= codes.indexOf(alt[min]));
  }
  function matches(item, alt) {
    var by = has(item, "recognised_by") ? item.recognised_by : null;
    return alt.kinds.indexOf(item.kind) >= 0 && atLeast(item, alt, "recognised_at", C.codes.recognised_at) &&
      atLeast(item, alt, "effect", C.codes.effects) && (!alt.accepted || item.accepted === true) &&
      !(alt.applied_not_false && item.applied === false) &&
      !(has(alt, "recognised_by_in") && alt.recognised_by_in.indexOf(by) < 0);
  }
  function run(ctx, title) {
    var years = [];
    for (var year = ctx.year; ctx.holds(title, year); year -= 1) { years.push(year); }
    return years;
  }
  function chainPart(title, years) {
    if (!years.length) { return { k: "chain_none", title: title }; }
    var sorted = years.slice().sort(function (a, b) { return a - b; });
    return { k: "chain_years", title: title, count: years.length, years: sorted };
  }

  var OPS = {
    ratio: function (ctx, crit) {
      var num = sumOf(ctx, crit.num);
      var den = sumOf(ctx, crit.den);
      if (num === null || den === null) { return [null, []]; }
      var met = compare(fmul(new Frac(100, 1), num), crit.cmp, fmul(dataNumber(crit.percent), den));
      return [met, [{ k: "ratio", num: fmt(num), den: fmt(den), cmp: crit.cmp, percent: fmt(crit.percent) }]];
    },
    compare: function (ctx, crit) {
      return field(ctx, crit, function (v) {
        var limit = dataNumber(crit.value);
        var met = compare(frac(v), crit.cmp, limit);
        return [met, [{ k: "compare", number: fmt(v), cmp: crit.cmp, limit: fmt(limit) }]];
      });
    },
    values_at_least: function (ctx, crit) {
      var values = crit.fields.map(function (name) { return ctx.get(name); });
      if (values.indexOf(MISSING) >= 0) { return [null, []]; }
      var minimum = crit.scale.indexOf(crit.min);
      var met = values.every(function (v) { return crit.scale.indexOf(v) >= minimum; });
      return [met, [{ k: "values", values: values }]];
    },
    is: function (ctx, crit) { return OPS["in"](ctx, { field: crit.field, values: [crit.value] }); },
    "in": function (ctx, crit) {
      return field(ctx, crit, function (v) {
        return [crit.values.some(function (x) { return same(v, x); }), [{ k: "value", value: v }]];
      });
    },
    leave_months: function (ctx, crit) {
      var total = leaveSum(ctx, crit);
      var met = !(has(crit, "at_least") && fcmp(total, dataNumber(crit.at_least)) < 0) &&
        !(has(crit, "below") && fcmp(total, dataNumber(crit.below)) >= 0);
      return [met, [{ k: "leave_sum", months: fmt(total) }]];
    },
    has_leave: function (ctx, crit) {
      var kinds = (ctx.profile.leave || []).map(function (item) { return item.kind; })
        .filter(function (k) { return crit.kinds.indexOf(k) >= 0; });
      return [kinds.length > 0, [{ k: "has_leave", leave_kinds: kinds }]];
    },
    recruited_months: function (ctx, crit) {
      var date = ctx.profile.recruited_on;
      var months = date ? recruitedMonths(date, ctx.year) : null;
      if (months === null) { return [true, [{ k: "not_recruited_in_year" }]]; }
      return [months >= crit.at_least, [{ k: "recruited", date: date, months: months }]];
    },
    no_discipline_in_year: function (ctx, crit) {
      var split = disciplineCounted(ctx.profile.discipline || [], ctx.year, crit.exceptions);
      var detail = [split[0].length ? { k: "discipline_counted", year: ctx.year, items: split[0] }
        : { k: "discipline_none", year: ctx.year }];
      if (split[1].length) { detail.push({ k: "discipline_skipped", items: split[1] }); }
      return [split[0].length === 0, detail];
    },
    no_discipline_exception: function (ctx) {
      var skipped = disciplineCounted(ctx.profile.discipline || [], ctx.year, true)[1];
      if (!skipped.length) { return [true, [{ k: "none" }]]; }
      return [false, [{ k: "discipline_skipped", items: skipped }]];
    },
    level_not_above: function (ctx, crit) {
      return field(ctx, crit, function (v) {
        var codes = C.codes.level_codes;
        var part = { k: "level_not_above", unit_level: v, level: ctx.classification };
        return [codes.indexOf(ctx.classification) >= codes.indexOf(v), [part]];
      });
    },
    classification_in: function (ctx, crit) {
      var value = ctx.classification;
      return [crit.values.indexOf(value) >= 0, [{ k: "classification_is", level: value }]];
    },
    title_eligible: function (ctx, crit) {
      var eligible = crit.titles.filter(function (t) { return !!ctx.titleEligible[t]; });
      return [eligible.length > 0, [{ k: "titles", titles: eligible }]];
    },
    initiative: function (ctx, crit) {
      var first = ctx.year - crit.within_years + 1;
      var found = [];
      (ctx.profile.initiatives || []).forEach(function (item, index) {
        var matched = crit.alternatives.some(function (alt) { return matches(item, alt); });
        if (first <= item.year && item.year <= ctx.year && matched) {
          found.push({ k: "initiative_row", row: index + 1, kind: item.kind, year: item.year });
        }
      });
      if (!found.length) { return [false, [{ k: "initiative_none" }]]; }
      return [true, [{ k: "initiative_found", items: found }]];
    },
    chain: function (ctx, crit) {
      var years = run(ctx, crit.title);
      var met = years.length >= crit.count;
      if (met) { ctx.chainYears = ctx.chainYears.concat(years.slice(0, crit.count)); }
      return [met, [chainPart(crit.title, years)]];
    },
    chain_in_run: function (ctx, crit) {
      var runYears = run(ctx, crit.run_of);
      var awards = runYears.filter(function (year) { return ctx.holds(crit.title, year); });
      var met = awards.length >= crit.count;
      if (met) {
        var last = runYears.indexOf(awards[crit.count - 1]);
        ctx.chainYears = ctx.chainYears.concat(runYears.slice(0, last + 1));
      }
      return [met, [chainPart(crit.title, awards), chainPart(crit.run_of, runYears)]];
    },
    any_of: function (ctx, crit) {
      var results = crit.criteria.map(function (sub) { return ctx.outcome(sub); });
      var details = results.map(function (r) {
        return { k: r[0] ? "alt_met" : "alt_not_met", parts: r[1] };
      });
      return [results.some(function (r) { return r[0]; }), details];
    }
  };

  // -- flags, classification, titles, quotas ----------------------------------------------

  /** Given, else the year's default for the quota rule set (years[Y].lookups.flags); ratios exact. */
  function effectiveFlags(rules, year, given, quotaRules) {
    var entry = rules.years[String(year)], defaults = entry.lookups.flags[quotaRules || entry.quota_rules];
    var values = {};
    keys(rules.flags).forEach(function (name) {
      var value = hasOwn.call(given, name) ? given[name] : defaults[name];
      var ratio = rules.flags[name].type === "ratio";
      values[name] = value === undefined || value === null ? null : ratio ? ratioValue(value) : value;
    });
    return values;
  }

  function basisFor(sectionBasis, role, branch) {
    var pick = function (key) {
      var v = (sectionBasis || {})[key];
      return isMap(v) && keys(v).length ? v : null;
    };
    return ((pick(role) || pick("all") || {})[branch] || []).slice();
  }

  /** Set ctx.classification; return not_reached (level → reason, basis) (engine.classify). */
  function classify(ctx, ruleSet, role, leader) {
    var order = C.codes.level_codes.slice(0, 3); // the levels reached by meeting criteria
    var branch = leader ? "leader" : "non_leader";
    var result = null, cap = null, failures = {}, levelBasis = {};
    var blockers = []; // what lowered the result: [level from which it does not count, or null; part; basis]
    function bind(binding, base, scope) { return ctx.recordBinding(binding, base, scope, ruleSet.id, {}); }
    function block(from, key, level, entry) {
      var part = { k: key, criterion: entry.criterion };
      if (level) { part.level = level; }
      blockers.push([from, part, entry.legal_basis]);
    }
    (ruleSet.gates || []).forEach(function (gate) {
      var entry = bind(gate, [], "gate");
      if (entry.met) { return; }
      if (gate.effect === "not_classified") {
        result = "NOT_CLASSIFIED";
        block(null, "gate_not_classified", null, entry);
      } else if (gate.effect === "cap") {
        if (cap === null || order.indexOf(gate.cap) > order.indexOf(cap)) { cap = gate.cap; }
        block(gate.cap, "gate_cap", gate.cap, entry);
      } else {
        ctx.review(ctx.text(gate.reason));
      }
    });
    var khtnvBasis = basisFor(ruleSet.khtnv.basis, role, branch);
    ruleSet.khtnv[branch].forEach(function (binding) {
      var entry = bind(binding, khtnvBasis, "KHTNV");
      if (entry.met) { return; }
      result = result || "KHTNV";
      block(null, "khtnv_trigger", null, entry);
      ctx.review(ctx.text(binding.review));
    });
    ruleSet.levels.forEach(function (level) {
      var base = levelBasis[level.level] = basisFor(level.basis, role, branch);
      failures[level.level] = level[branch].map(function (b) { return bind(b, base, level.level); })
        .filter(function (e) { return !e.met; });
    });
    var reached = function (c) { return has(failures, c) && failures[c].length === 0; };
    if (result === null) {
      var open = order.filter(function (c, i) { return !(cap && i < order.indexOf(cap)) && reached(c); });
      result = open[0] || null;
      if (result === null) {
        result = ruleSet.fallback.level;
        if (!keys(failures).some(reached)) { ctx.review(ctx.text(ruleSet.fallback.reason)); }
      }
      bandReview(ctx, ruleSet, result);
      ruleSet.levels.forEach(function (level) {
        if (level.level === result) { ctx.review(ctx.text(level.review)); }
      });
    }
    ctx.classification = result;
    var lead = ruleSet.leader_cap;
    if (lead && leader && C.codes.level_codes.indexOf(result) >= 0) {
      var leadEntry = bind({ criterion: lead.criterion, legal_basis: lead.legal_basis }, [], "gate");
      var unitLevel = ctx.get(lead.field);
      if (unitLevel === MISSING) {
        if (lead.review_levels.indexOf(result) >= 0) { ctx.review(ctx.text(lead.reason)); }
      } else if (!leadEntry.met) {
        result = ctx.classification = unitLevel;
        block(null, "gate_cap", unitLevel, leadEntry);
      }
    }
    var notReached = {};
    var stop = order.indexOf(result);
    order.forEach(function (c, j) {
      if (stop >= 0 && j >= stop) { return; }
      var parts = [];
      var basis = (levelBasis[c] || []).slice();
      (failures[c] || []).forEach(function (e) {
        parts.push(criterionPart(e));
        basis = basis.concat(e.legal_basis);
      });
      blockers.forEach(function (b) {
        if (b[0] === null || j < order.indexOf(b[0])) {
          parts.push(b[1]);
          basis = basis.concat(b[2]);
        }
      });
      var reason = parts.length ? ctx.msg("reason", { parts: parts }) : "";
      notReached[c] = { reason: reason, legal_basis: unique(basis) };
    });
    return notReached;
  }

  /** A reason's part: an explanation entry's criterion, worded with its detail. */
  function criterionPart(entry) { return { k: "criterion", criterion: entry.criterion }; }

  /** A score in the band of a level above the result whose other conditions failed. */
  function bandReview(ctx, ruleSet, result) {
    var review = ruleSet.band_review;
    for (var i = 0; review && i < ruleSet.levels.length; i++) {
      var level = ruleSet.levels[i];
      if (level.level === result || !has(level, "band")) { return; }
      if (ctx.outcome(level.band)[0]) {
        var said = ctx.text(review.reason);
        ctx.info("quy-tac.khung-diem", review.legal_basis, said, "band_review", ruleSet.id);
        return ctx.review(ctx.text(review.reason));
      }
    }
  }

  function evaluateTitles(ctx, titles, order) {
    var rid = ctx.thiDua.id;
    var eligible = [];
    var notEligible = {};
    order.forEach(function (code) {
      var title = titles.filter(function (t) { return t.title === code; })[0];
      var cond = title && title.applies_if;
      if (!title || (cond && !same(ctx.get(cond.field), cond.value))) { return; }
      var bound = {};
      var alternatives = {};
      title.criteria.forEach(function (b) {
        bound[b.criterion] = true;
        var crit = ctx.rules.criteria[b.criterion];
        if (crit.op === "any_of") { crit.criteria.forEach(function (sub) { alternatives[sub] = true; }); }
      });
      var failed = [];
      title.criteria.forEach(function (b) {
        var entry = ctx.recordBinding(b, [], code, rid, bound);
        if (!hasOwn.call(alternatives, b.criterion) && !entry.met) { failed.push(entry); }
      });
      var said = title.review ? ctx.msg("title_review", { title: code, text: ctx.text(title.review) }) : "";
      ctx.review(said);
      (ctx.yearEntry.title_reviews || []).forEach(function (review) {
        if (review.titles.indexOf(code) < 0) { return; }
        if (has(review, "if_met") && !ctx.outcome(review.if_met)[0]) { return; }
        var reason = ctx.text(review.reason);
        if (reason && ctx.manual.indexOf(reason) < 0) {
          ctx.info("quy-tac.xem-xet-danh-hieu", review.legal_basis, reason, "title_reviews", rid);
        }
        ctx.review(reason);
      });
      ctx.titleEligible[code] = failed.length === 0;
      if (!failed.length) { return eligible.push(code); }
      notEligible[code] = {
        reason: ctx.msg("reason", { parts: failed.map(criterionPart) }),
        legal_basis: unique([].concat.apply([], failed.map(function (e) { return e.legal_basis; })))
      };
    });
    var review = ctx.thiDua.chain_review;
    if (review && ctx.chainYears.some(function (y) { return y < review.before_year; })) {
      ctx.review(ctx.text(review.reason));
    }
    return [eligible, notEligible];
  }

  /** ``value`` (exact) rounded to a whole number: floor, ceil or round_half_up (numbers.rounded). */
  function rounded(value, how) {
    if (how === "ceil") { return Math.ceil(value.n / value.d); }
    return Math.floor(how === "round_half_up" ? (2 * value.n + value.d) / (2 * value.d) : value.n / value.d);
  }

  /** [max_cstdcs, max_htxs] of a unit_quota profile (quotas.py). */
  function quotas(ctx) {
    var p = ctx.profile, flags = ctx.flags, maxima = [null, null], v;
    /** The cap of `ratio` × `base` (htt_only: ratio × base / (1 + ratio)), rounded; its words' values. */
    function capped(ratio, base, candidates, baseKind) {
      var exact = fmul(ratio, new Frac(base, 1));
      if (baseKind === "htt_only") { exact = fdiv(exact, fadd(new Frac(1, 1), ratio)); }
      if (exact.d !== 1) { ctx.quotaFlags.quota_rounding = flags.quota_rounding; }
      var cap = rounded(exact, flags.quota_rounding);
      return { ratio: fmt(ratio), base: base, base_kind: baseKind, exact: fmt(exact),
        rounding: flags.quota_rounding, cap: cap, candidates: candidates, max: Math.min(cap, candidates) };
    }
    function entry(cid, met, basis, text, rid) { ctx.add(cid, met, basis, text, "quota", cid, rid); }
    var quota = ctx.thiDua.quotas.cstdcs;
    if (has(p, "unit_ldtt_count") && flags.cstdcs_ratio === null) {
      var none = ctx.msg("quota_cstdcs_none", { text: ctx.text(quota.note) });
      ctx.review(none);
      entry("quota.cstdcs", true, quota.legal_basis, none, ctx.thiDua.id);
    } else if (has(p, "unit_ldtt_count")) {
      ctx.quotaFlags.cstdcs_ratio = flags.cstdcs_ratio.n / flags.cstdcs_ratio.d;
      v = capped(flags.cstdcs_ratio, p.unit_ldtt_count, p.cstdcs_eligible_candidates, null);
      maxima[0] = v.max;
      entry("quota.cstdcs", v.candidates <= v.cap, quota.legal_basis,
        ctx.msg("quota_cstdcs", v) + " — " + ctx.text(quota.note), ctx.thiDua.id);
    }
    if (!has(p, "group_size_htt_or_above")) { return maxima; }
    var ruleSet = ctx.rules.danh_gia[quotaRulesId(ctx.rules, p)];
    var rule = ruleSet.htxs_cap;
    var small = rule.small_group;
    var candidates = maxima[1] = p.individuals_meeting_htxs_criteria;
    var granted = p.unit_outstanding_exception_granted, basis = rule.legal_basis, met = true, text;
    var byRatio = function (ratio, key) {
      var baseKind = ctx.quotaFlags.htxs_ratio_base = flags.htxs_ratio_base || "htt_or_above";
      v = capped(ratio, p.group_size_htt_or_above, candidates, baseKind);
      maxima[1] = v.max;
      met = candidates <= v.cap;
      return ctx.msg(key, v);
    };
    if (small && (has(p, "units_total") ? p.units_total : small.below) < small.below) {
      maxima[1] = Math.min(small.max, candidates);
      text = ctx.msg("quota_small_group", { units: p.units_total, below: small.below, cap: small.max,
        max: maxima[1], candidates: candidates });
      met = candidates <= small.max;
      basis = small.legal_basis;
    } else if (granted && rule.exception_ratio) {
      text = byRatio(ratioValue(rule.exception_ratio), "quota_htxs_exception");
      basis = rule.exception_basis;
      ctx.review(ctx.text(rule.exception_review));
    } else if (granted || flags.htxs_ratio === null) {
      text = granted ? ctx.msg("quota_exception") : ctx.msg("quota_htxs_none", { text: ctx.text(rule.note) });
      ctx.review(text);
    } else {
      ctx.quotaFlags.htxs_ratio = flags.htxs_ratio.n / flags.htxs_ratio.d;
      text = byRatio(flags.htxs_ratio, "quota_htxs") + " — " + ctx.text(rule.note);
    }
    entry("quota.htxs", met, basis, text, ruleSet.id);
    var notes = ctx.yearEntry.notes || {};
    ctx.review(ctx.text(has(p, "role") ? notes[p.role] : has(p, "unit_kind") ? null : notes.unit_quota));
    return maxima;
  }

  // -- the whole evaluation ----------------------------------------------------------------

  /** Bases used, in order of first use, that the [U] table marks (restricted by used_by, rule_sets). */
  function unverified(rules, sources) {
    var found = [];
    sources.forEach(function (source) {
      if (found.indexOf(source[0]) < 0 && rules.unverified.some(function (e) {
        return e.handling === "unverified_basis" && (e.legal_basis || []).indexOf(source[0]) >= 0 &&
          (!has(e, "used_by") || e.used_by.indexOf(source[1]) >= 0) &&
          (!has(e, "rule_sets") || e.rule_sets.indexOf(source[2]) >= 0);
      })) { found.push(source[0]); }
    });
    return found;
  }

  function runOnce(rules, profile, flags, lang, lean) {
    var ctx = new Ctx(rules, profile, flags, lang);
    var entry = ctx.yearEntry;
    var td = ctx.thiDua;
    var codes = C.codes;
    var result = { evaluation_year: ctx.year, rules: { thi_dua: td.id, danh_gia: null },
      subject: profile.subject, classification: null, eligible_titles: [], not_eligible: {}, not_reached: {},
      manual_review: false, manual_review_reasons: [], max_cstdcs: null, max_htxs: null, flags_used: {},
      unverified_basis: [], explanation: [] };
    function ruleSet(id) {
      var set = rules.danh_gia[id];
      result.rules.danh_gia = set.id;
      var text = ctx.msg("rules_danh_gia", { year: ctx.year, name: ctx.text(set.name) });
      ctx.info("quy-tac.danh-gia", set.documents, text, "rules", set.id);
      return set;
    }
    function titles(list, order) {
      var found = evaluateTitles(ctx, list, order);
      result.eligible_titles = found[0];
      result.not_eligible = found[1];
    }
    var thiDuaText = ctx.msg("rules_thi_dua", { year: ctx.year, name: ctx.text(td.name) });
    ctx.info("quy-tac.thi-dua", td.documents, thiDuaText, "rules", td.id);
    if (entry.transition) {
      var transitionText = ctx.msg("transition", { text: ctx.text(entry.transition) });
      ctx.info("quy-tac.chuyen-tiep", [], transitionText, "rules", td.id);
    }
    if (profile.subject === "individual") {
      var role = profile.role;
      var choice = danhGiaChoice(rules, profile);
      var dg = ruleSet(choice[0]);
      if (choice[1]) {
        var transition = entry.role_transitions[role];
        var said = ctx.text(transition[choice[1]]);
        ctx.info("quy-tac.chuyen-tiep-vien-chuc", transition.legal_basis, said, "rules", dg.id);
        if (choice[1] === "review") { ctx.review(said); }
      }
      ctx.review(ctx.text((entry.notes || {})[role]));
      if (has(profile, "classification_input")) {
        var level = ctx.classification = profile.classification_input;
        var decided = ctx.msg("classification_input", { level: level });
        ctx.info("xep-loai.da-quyet-dinh", [], decided, "rules", dg.id);
      } else {
        result.not_reached = classify(ctx, dg, role, profile.leader);
      }
      result.classification = ctx.classification;
      titles(td.individual_titles, codes.individual_titles);
    } else if (profile.subject === "collective") {
      if (has(profile, "unit_kind")) {
        var unitRules = ruleSet(entry.collective_rules[profile.unit_kind]);
        result.not_reached = classify(ctx, unitRules, "collective", false);
        result.classification = ctx.classification;
        if (!has(profile, "unit_result")) {
          ctx.profile = merged(profile, { unit_result: ctx.classification });
        }
      }
      if (has(profile, "members")) { titles(td.collective_titles, codes.collective_titles); }
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

  /** The contract result for a valid profile; throws (with .problems) when invalid.
   * options.lean (for a caller that evaluates many people and reads only the outcome):
   * skips the re-runs that find which yes/no flags changed the titles and the unverified
   * bases, so flags_used and unverified_basis are null. Without it: the full contract. */
  function evaluate(profile, lang, options) {
    var lean = !!(options && options.lean);
    if (lang === undefined) { lang = "vi"; }
    if (lang !== "vi" && lang !== "en") {
      throw new Error("lang: found " + show(String(lang)) + "; allowed: vi or en");
    }
    var found = problems(profile);
    if (found.length) {
      var error = new Error(found.map(function (p) { return p.message; }).join("\n"));
      error.problems = found;
      throw error;
    }
    var rules = data();
    var normal = normalise(profile);
    var quota = normal.subject === "unit_quota" ? quotaRulesId(rules, normal) : null;
    var flags = effectiveFlags(rules, normal.evaluation_year, normal.flags, quota);
    var first = runOnce(rules, normal, flags, lang, lean);
    var result = first.result;
    if (lean) {
      result.flags_used = null;
      return result;
    }
    var used = merged(first.quotaFlags, {});
    first.consulted.forEach(function (name) {
      if (rules.flags[name].type !== "bool") { return; }
      var flipped = merged(flags, {});
      flipped[name] = !flags[name];
      var other = runOnce(rules, normal, flipped, lang).result;
      if (other.eligible_titles.join() !== result.eligible_titles.join()) { used[name] = flags[name]; }
    });
    result.flags_used = {};
    keys(rules.flags).forEach(function (name) {
      if (hasOwn.call(used, name)) { result.flags_used[name] = used[name]; }
    });
    return result;
  }

  /** The contract as this page reads it (without the words), for the test that compares
   *  it with the Python package, and the operations this file interprets. */
  function schema() {
    var withoutWords = function (k, v) { return k === "allowed" ? undefined : v; };
    var c = JSON.parse(JSON.stringify(data().contract, withoutWords));
    var own = { common: c.common, level_order: c.codes.level_codes.slice(0, 3), ops: keys(OPS).sort() };
    var out = {};
    ["common", "individual", "collective", "unit_quota", "flag_names", "individual_titles",
      "collective_titles", "level_order", "recognised_at", "effects", "ops", "level_codes",
      "unit_kinds"].forEach(function (k) {
      out[k] = has(own, k) ? own[k] : has(c.subjects, k) ? c.subjects[k] : c.codes[k];
    });
    return out;
  }

  window.ThiduaEvaluator = {
    evaluate: evaluate,
    validateProfile: function (profile) { return problems(profile).map(function (p) { return p.message; }); },
    problems: problems,
    schema: schema
  };
})();
