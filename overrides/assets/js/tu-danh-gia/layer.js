/* thidua — self-evaluation page: the local layer of thidua.yml (lop_quy_che), applied
 * around the national evaluator exactly as Python's thidua.layers.apply does:
 *   before: the layer's own fields are taken out of the profile and its defaults filled in
 *           (NĐ 233's transition answer for the institution's viên chức);
 *   after:  its extra requirements (a title withheld from a staff group) are added to the
 *           result, every line marked with its source ("law" or "layer").
 * Loaded only when a layer is named (overrides/tu-danh-gia.html), after the evaluator and
 * the form's scripts, before boot.js. The pure part (ThiduaLayer) runs without a page too
 * (the parity tests load it under node). Data: window.THIDUA_LAYER (hook_tu_danh_gia.py).
 * Words: the labels' messages layer_* (THIDUA_DATA.labels, the templates apply.py fills),
 * filled by the evaluator's ThiduaProfile.format. */
(function () {
  "use strict";
  var L = window.THIDUA_LAYER;
  if (!L || typeof L !== "object") { return; }

  /* The labels' message layer_<key> in lang with values filled in (apply.py's say). */
  function say(lang, key, values) {
    var template = window.THIDUA_DATA.labels.messages["layer_" + key][lang];
    return window.ThiduaProfile.format(template, values || {});
  }

  function has(obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); }
  function isInt(v) { return typeof v === "number" && isFinite(v) && v % 1 === 0; }
  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function show(v) {
    if (typeof v === "string") { return "'" + v + "'"; }
    if (v === null || v === undefined) { return "nothing (null)"; }
    if (typeof v === "object") { return "a " + (Array.isArray(v) ? "list" : "mapping"); }
    return String(v);
  }
  function rulesOf(kind) { return L.rules.filter(function (r) { return r.kind === kind; }); }
  function groupField() {
    return Object.keys(L.fields).filter(function (n) { return L.fields[n].kind === "nhom"; })[0] || null;
  }

  /* Whether a rule with vai_tro (and nam) concerns this profile. */
  function applies(rule, profile) {
    var role = rule.params.vai_tro;
    if (role !== undefined && role !== null && profile.role !== role) { return false; }
    var years = rule.params.nam;
    return !Array.isArray(years) || years.indexOf(profile.evaluation_year) >= 0;
  }

  /* Problems of the layer's own fields ({path, message}); national fields are not checked. */
  function profileProblems(profile) {
    var out = [];
    if (!isObject(profile)) { return out; }
    Object.keys(L.fields).forEach(function (name) {
      if (!has(profile, name)) { return; }
      var value = profile[name];
      var kind = L.fields[name].kind;
      if (profile.subject !== "individual") {
        out.push({ path: name, message: name + ": found " + show(value) + " for subject " + show(profile.subject) });
      } else if (kind === "nhom") {
        if (typeof value !== "string" || !has(L.groups, value)) { out.push({ path: name, message: name + ": found " + show(value) }); }
      } else if (kind === "so_dem") {
        if (!isInt(value) || value < 0) { out.push({ path: name, message: name + ": found " + show(value) }); }
      } else if (kind === "diem_thanh_phan") {
        out = out.concat(splitProblems(name, value, profile));
      }
    });
    return out;
  }

  function splitProblems(name, value, profile) {
    var rule = rulesOf("chia_diem_chung").filter(function (r) { return r.params.truong === name && applies(r, profile); })[0];
    if (!rule) { return [{ path: name, message: name + ": found " + show(value) + " for role " + show(profile.role) }]; }
    var parts = rule.params.phan;
    var keys = Object.keys(parts);
    if (!isObject(value) || Object.keys(value).length !== keys.length || keys.some(function (k) { return !has(value, k); })) {
      return [{ path: name, message: name + ": found " + show(value) }];
    }
    var out = [];
    var total = 0;
    keys.forEach(function (k) {
      var score = value[k];
      if (typeof score !== "number" || !isFinite(score) || score < 0 || score > parts[k]) {
        out.push({ path: name + "." + k, message: name + "." + k + ": found " + show(score) });
      } else {
        total += score;
      }
    });
    if (out.length) { return out; }
    var general = profile.score_general;
    if (typeof general !== "number") { return [{ path: name, message: name + ": found the parts without score_general" }]; }
    if (Math.abs(total - general) > 0.01 + 1e-9) { return [{ path: name, message: name + ": found a + b + c = " + total + ", but score_general = " + general }]; }
    return [];
  }

  /* The national profile: the layer's fields taken out, its defaults filled in. */
  function nationalProfile(profile) {
    if (!isObject(profile)) { return profile; }
    var out = {};
    Object.keys(profile).forEach(function (key) { if (!has(L.fields, key)) { out[key] = profile[key]; } });
    if (profile.subject === "individual") {
      rulesOf("quy_che_rieng").some(function (rule) {
        if (applies(rule, profile) && !has(out, "unit_has_own_rules")) {
          out.unit_has_own_rules = rule.params.gia_tri;
          return true;
        }
        return false;
      });
    }
    return out;
  }

  function entry(rule, met, text) {
    return {
      criterion: "lop." + rule.layer + "." + rule.id, met: met, legal_basis: [rule.cite, rule.tightens],
      text: text, scope: "layer", source: "layer", layer: rule.layer
    };
  }
  function lower(text) { return text.charAt(0).toLowerCase() + text.slice(1); }
  function titleName(code, lang) {
    var labels = window.THIDUA_DATA && window.THIDUA_DATA.labels && window.THIDUA_DATA.labels.titles;
    return labels && labels[code] ? labels[code][lang] : code;
  }

  function withhold(out, title, reason, rule, lang) {
    out.eligible_titles.splice(out.eligible_titles.indexOf(title), 1);
    var basis = [rule.cite, rule.tightens];
    out.not_eligible[title] = { reason: reason, legal_basis: basis, source: "layer", layer: rule.layer };
    var needs = say(lang, "needs_title", { title: titleName(title, lang), source: lower(rule.source[lang]) });
    var sets = L.dependants[out.rules.thi_dua] || {};
    (sets[title] || []).forEach(function (other) {
      if (out.eligible_titles.indexOf(other) >= 0) {
        out.eligible_titles.splice(out.eligible_titles.indexOf(other), 1);
        out.not_eligible[other] = { reason: needs, legal_basis: basis, source: "layer", layer: rule.layer };
      }
    });
  }

  function transition(rule, profile, out, lang) {
    var text = rule.text[lang];
    if (has(profile, "unit_has_own_rules")) {
      text += " — " + say(lang, profile.unit_has_own_rules ? "own_rules_given" : "own_rules_denied");
    }
    out.explanation.push(entry(rule, true, rule.source[lang] + ": " + text));
  }

  function split(rule, profile, out, lang) {
    var name = rule.params.truong;
    if (!has(profile, name)) { return; }
    var given = Object.keys(rule.params.phan).map(function (k) {
      return k + ") " + show(profile[name][k]) + "/" + rule.params.phan[k];
    }).join(", ");
    out.explanation.push(entry(rule, true, rule.source[lang] + ": " + rule.text[lang] + " — " + say(lang, "split", { given: given })));
  }

  function requirement(rule, profile, out, lang) {
    var field = groupField();
    var group = rule.params.nhom;
    if (group !== undefined && group !== null && (field === null || profile[field] !== group)) { return; }
    var title = rule.params.danh_hieu;
    var name = rule.params.truong;
    var label = L.fields[name].text[lang];
    var value = has(profile, name) ? profile[name] : null;
    var status = value === null ? say(lang, "count_missing", { field: label })
      : say(lang, "count", { field: label, value: value });
    var met = value !== null && value >= rule.params.toi_thieu;
    out.explanation.push(entry(rule, met, rule.source[lang] + ": " + rule.text[lang] + " — " + status));
    if (met || out.eligible_titles.indexOf(title) < 0) { return; }
    withhold(out, title, rule.source[lang] + ": " + rule.text[lang] + " — " + status + ", " + say(lang, "not_proposed"), rule, lang);
  }

  function onlyGroup(rule, profile, out, lang) {
    var field = groupField();
    var label = L.groups[rule.params.nhom][lang];
    var met = field !== null && profile[field] === rule.params.nhom;
    var status = say(lang, met ? "in_group" : "not_in_group", { group: label });
    out.explanation.push(entry(rule, met, rule.source[lang] + ": " + rule.text[lang] + " — " + status));
    var title = rule.params.danh_hieu;
    if (met || out.eligible_titles.indexOf(title) < 0) { return; }
    withhold(out, title, rule.source[lang] + ": " + rule.text[lang] + " — " + status + ", " + say(lang, "not_proposed"), rule, lang);
  }

  /* ratio (a decimal string, "0.15") × count, rounded exactly (floor, ceil, round_half_up). */
  function rounded(ratio, count, rounding) {
    var m = /^(\d*)\.?(\d*)$/.exec(String(ratio));
    var den = Math.pow(10, m[2].length);
    var product = parseInt((m[1] || "0") + m[2], 10) * count;
    var whole = Math.floor(product / den);
    var rest = product - whole * den;
    if (rounding === "floor" || rest === 0) { return whole; }
    if (rounding === "ceil") { return whole + 1; }
    return 2 * rest >= den ? whole + 1 : whole;
  }
  function percent(ratio) {
    var m = /^(\d*)\.?(\d*)$/.exec(String(ratio));
    var digits = (m[2] + "00").slice(0, Math.max(2, m[2].length));
    var text = String(parseInt((m[1] || "0") + digits.slice(0, 2), 10));
    var more = digits.slice(2).replace(/0+$/, "");
    return more ? text + "." + more : text;
  }

  function quota(profile, out, lang) {
    var rule = rulesOf("ty_le_cstdcs")[0];
    var count = profile.unit_ldtt_count;
    if (!rule || !isInt(count)) { return; }
    var rounding = rule.params.lam_tron || "floor";
    var cap = rounded(rule.params.ty_le, count, rounding);
    var most = isInt(profile.cstdcs_eligible_candidates) ? Math.min(cap, profile.cstdcs_eligible_candidates) : cap;
    if (out.max_cstdcs === null || out.max_cstdcs === undefined) {
      var dropped = out.explanation.filter(function (e) { return e.criterion === "quota.cstdcs"; }).map(function (e) { return e.text; });
      out.manual_review_reasons = out.manual_review_reasons.filter(function (r) { return dropped.indexOf(r) < 0; });
      out.manual_review = out.manual_review_reasons.length > 0;
      out.max_cstdcs = most;
    } else {
      out.max_cstdcs = Math.min(out.max_cstdcs, most);
    }
    var base = (L.bases[rule.params.co_so || "members_ldtt"] || {})[lang] || rule.params.co_so;
    var text = say(lang, "quota", { percent: percent(rule.params.ty_le), base: base, count: count,
      rounding: say(lang, "rounding_" + rounding), cap: cap });
    out.explanation.push(entry(rule, true, rule.source[lang] + ": " + text));
  }

  function htxs(profile, out, lang) {
    var found = rulesOf("tran_htxs").filter(function (r) { return r.params.vai_tro === undefined || r.params.vai_tro === null || r.params.vai_tro === profile.role; });
    var size = profile.group_size_htt_or_above;
    if (!found.length || out.max_htxs === null || out.max_htxs === undefined || !isInt(size)) { return; }
    var rule = found.reduce(function (a, b) { return parseFloat(b.params.ty_le) < parseFloat(a.params.ty_le) ? b : a; });
    var most = rounded(rule.params.ty_le, size, rule.params.lam_tron || "floor");
    out.max_htxs = Math.min(out.max_htxs, most);
    var text = say(lang, "htxs", { percent: percent(rule.params.ty_le), size: size, most: most });
    out.explanation.push(entry(rule, true, rule.source[lang] + ": " + text));
  }

  /* A copy of the national result with the layer's decisions and sources marked. */
  function applyToResult(profile, result, lang) {
    return applyInPlace(profile, JSON.parse(JSON.stringify(result)), lang);
  }

  /* As applyToResult, on the result itself (no copy): for a caller that evaluated the
   * national result just for this (the Bình xét page, 500 members at once). */
  function applyInPlace(profile, out, lang) {
    lang = lang === "en" ? "en" : "vi";
    out.rules.layer = L.id;
    out.explanation.forEach(function (e) { if (!has(e, "source")) { e.source = "law"; } });
    ["not_eligible", "not_reached"].forEach(function (group) {
      Object.keys(out[group] || {}).forEach(function (k) { if (!has(out[group][k], "source")) { out[group][k].source = "law"; } });
    });
    if (out.subject === "individual") {
      L.rules.forEach(function (rule) {
        if (rule.kind === "quy_che_rieng" && applies(rule, profile)) { transition(rule, profile, out, lang); }
        else if (rule.kind === "chia_diem_chung" && applies(rule, profile)) { split(rule, profile, out, lang); }
        else if (rule.kind === "yeu_cau_danh_hieu") { requirement(rule, profile, out, lang); }
        else if (rule.kind === "chi_cho_nhom") { onlyGroup(rule, profile, out, lang); }
      });
    } else if (out.subject === "unit_quota") {
      quota(profile, out, lang);
      htxs(profile, out, lang);
    }
    var used = {};
    out.explanation.forEach(function (e) { if (e.source === "layer") { used[e.criterion] = true; } });
    L.rules.forEach(function (rule) {
      if (used["lop." + rule.layer + "." + rule.id]) {
        rule.unverified.forEach(function (b) { if (out.unverified_basis.indexOf(b) < 0) { out.unverified_basis.push(b); } });
      }
    });
    return out;
  }

  /* The national evaluator wrapped with the layer (same interface). */
  function wrap(national) {
    var wrapped = {};
    Object.keys(national).forEach(function (k) { wrapped[k] = national[k]; });
    wrapped.validateProfile = function (profile) {
      var own = profileProblems(profile);
      var law = typeof national.validateProfile === "function" ? national.validateProfile(nationalProfile(profile)) || [] : [];
      return own.concat(law);
    };
    wrapped.evaluate = function (profile, lang) {
      var own = profileProblems(profile);
      if (own.length) { throw new Error("layer fields: " + own.map(function (p) { return p.message; }).join("; ")); }
      return applyToResult(profile, national.evaluate(nationalProfile(profile), lang), lang);
    };
    wrapped.national = national;
    return wrapped;
  }

  window.ThiduaLayer = {
    data: L, profileProblems: profileProblems, nationalProfile: nationalProfile,
    applyToResult: applyToResult, applyInPlace: applyInPlace, wrap: wrap
  };
  if (window.ThiduaEvaluator && typeof window.ThiduaEvaluator.evaluate === "function" && !window.ThiduaEvaluator.national) {
    window.ThiduaEvaluator = wrap(window.ThiduaEvaluator);
  }
  // The clauses the layer cites, linked like the law's.
  var links = window.THIDUA_LEGAL_LINKS;
  var own = window.THIDUA_LAYER_LINKS || {};
  if (links && typeof links === "object") {
    Object.keys(own).forEach(function (k) { if (!has(links, k)) { links[k] = own[k]; } });
  } else {
    window.THIDUA_LEGAL_LINKS = own;
  }
  if (typeof document === "undefined" || !window.TDG || !window.TDG.form) { return; }
  page(window.TDG);

  /* The page: the layer's fields (rendered by the form's template) into and out of the
   * profile, their checks, import and print. Names are the profile's own field names. */
  function page(TDG) {
    var form = TDG.form;
    var names = Object.keys(L.fields);
    var partsOf = function (name) { return Object.keys(L.fields[name].parts || {}); };
    var splitRule = function (name) { return rulesOf("chia_diem_chung").filter(function (r) { return r.params.truong === name; })[0]; };
    if (TDG.io && TDG.io.addFields) { TDG.io.addFields(L.fields); }

    var context = form.context;
    form.context = function (fields, rules, lang) {
      var ctx = context(fields, rules, lang);
      names.forEach(function (name) {
        var rule = splitRule(name);
        if (L.fields[name].kind === "diem_thanh_phan") {
          ctx["layer-" + name] = !!(ctx.split && rule && applies(rule, { role: ctx.role, evaluation_year: ctx.year }));
        }
      });
      return ctx;
    };

    var toProfile = form.toProfile;
    form.toProfile = function (fields, ctx) {
      var p = toProfile(fields, ctx);
      names.forEach(function (name) {
        var kind = L.fields[name].kind;
        if (kind === "nhom" && fields[name] && has(L.groups, fields[name])) {
          p[name] = fields[name];
        } else if (kind === "so_dem") {
          var n = form.num(fields[name]);
          if (isInt(n) && n >= 0) { p[name] = n; }
        } else if (kind === "diem_thanh_phan" && ctx["layer-" + name]) {
          var parts = {};
          var all = partsOf(name).every(function (k) {
            var v = form.num(fields[name + "." + k]);
            parts[k] = v;
            return typeof v === "number" && !isNaN(v);
          });
          if (all) { p[name] = parts; }
        }
      });
      return p;
    };

    var fromProfile = form.fieldsFromProfile;
    form.fieldsFromProfile = function (p) {
      var f = fromProfile(p);
      names.forEach(function (name) {
        var value = p[name];
        if (L.fields[name].kind === "diem_thanh_phan") {
          partsOf(name).forEach(function (k) {
            var v = isObject(value) ? value[k] : undefined;
            f[name + "." + k] = v === undefined || v === null ? "" : String(v);
          });
        } else {
          f[name] = value === undefined || value === null ? "" : String(value);
        }
      });
      return f;
    };

    var validate = form.validate;
    form.validate = function (fields, ctx, T) {
      var errors = validate(fields, ctx, T);
      var add = function (name, message) { errors.push({ name: name, message: message }); };
      names.forEach(function (name) {
        var kind = L.fields[name].kind;
        if (kind === "so_dem") {
          var n = form.num(fields[name]);
          if (n !== null && !(isInt(n) && n >= 0)) { add(name, TDG.fmt(T.notInteger, { label: form.labelOf(name) })); }
        } else if (kind === "diem_thanh_phan" && ctx["layer-" + name]) {
          var total = 0;
          var given = 0;
          partsOf(name).forEach(function (k) {
            var part = name + "." + k;
            var v = form.num(fields[part]);
            var most = L.fields[name].parts[k];
            if (v === null) { return; }
            if (isNaN(v) || v < 0 || v > most) {
              add(part, TDG.fmt(T.range, { label: form.labelOf(part), min: 0, max: most }));
            } else { total += v; given += 1; }
          });
          var general = form.num(fields.score_general);
          if (given === partsOf(name).length && typeof general === "number" && !isNaN(general) && Math.abs(total - general) > 0.01 + 1e-9) {
            add(name + "." + partsOf(name)[0], TDG.fmt(T.layerSplitSum, { sum: TDG.calc.fmt(total), general: TDG.calc.fmt(general) }));
          }
        }
      });
      return errors;
    };

    /* Print: the layer's answers, in words (the group's name, never its code). */
    TDG.layerPrint = function (fields, ctx, T, h) {
      var lines = [];
      names.forEach(function (name) {
        var kind = L.fields[name].kind;
        var label = form.labelOf(kind === "diem_thanh_phan" ? name + "." + partsOf(name)[0] : name);
        if (kind === "nhom") {
          var group = fields[name] && has(L.groups, fields[name]) ? L.groups[fields[name]][ctx.lang] : T.layerNoGroup;
          lines.push(h("p", null, label + ": " + group));
        } else if (kind === "so_dem") {
          lines.push(h("p", null, label + ": " + (fields[name] || "……")));
        } else if (ctx["layer-" + name]) {
          var text = partsOf(name).map(function (k) { return k + ") " + (fields[name + "." + k] || "……") + "/" + L.fields[name].parts[k]; }).join(", ");
          lines.push(h("p", null, L.fields[name].text[ctx.lang].replace(/^./, function (c) { return c.toUpperCase(); }) + ": " + text));
        }
      });
      return lines;
    };
    TDG.layerLabel = function (lang) { return L.regulation.label[lang] || L.regulation.label.vi; };
  }
})();
