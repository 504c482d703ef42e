/* thidua — self-evaluation page: renders the contract result object
 * (classification, eligible_titles, not_eligible, not_reached, manual_review_reasons,
 * flags_used, unverified_basis, explanation) and the states before a result.
 * Everything is built with createElement/textContent: no HTML from data. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var DOC_KIND = { luat: "Luật", nd: "NĐ", tt: "TT", qd: "QĐ", hd: "HD", nq: "NQ" };

  function h(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  /* The evaluator words its reasons and explanation itself, from the published templates
   * (THIDUA_DATA.labels.messages, ThiduaProfile.wording: the same as the Python
   * evaluator's wording.py), so they are shown as they come: nothing is rewritten here. */
  function lang() { return document.getElementById("tdg").getAttribute("data-lang"); }
  function messages() {
    var data = window.THIDUA_DATA;
    return data && data.labels && data.labels.messages ? data.labels.messages : {};
  }
  function criterionText(id) {
    var data = window.THIDUA_DATA;
    var entry = data && data.criteria && Object.prototype.hasOwnProperty.call(data.criteria, id) ? data.criteria[id] : null;
    return entry && entry.text && typeof entry.text[lang()] === "string" ? entry.text[lang()] : "";
  }

  /* An explanation line: its own text (a criterion with what was found, a layer's rule,
   * the rules used); a line without one, its criterion's text. */
  function lineText(item) {
    return typeof item.text === "string" ? item.text : criterionText(item.criterion);
  }

  /* What a run of explanation lines was checked for (its scope): the rules, the condition
   * to be classified, the quota, the unit's own regulation (labels.messages scope_*), or
   * the level or title named in the published labels; "" when the data has no words for
   * it (the lines then stay under the heading before). A level's criteria are read twice
   * otherwise: "Đáp ứng các tiêu chí chung" for HTT and again for HTNV, with nothing to
   * tell them apart. */
  function scopeLabel(scope) {
    var own = messages()["scope_" + scope];
    if (own && typeof own[lang()] === "string") { return own[lang()]; }
    var labels = window.THIDUA_DATA && window.THIDUA_DATA.labels;
    var has = function (group) { return !!(labels && labels[group] && Object.prototype.hasOwnProperty.call(labels[group], scope)); };
    return has("levels") ? TDG.form.codeLabel("level", scope) : has("titles") ? TDG.form.codeLabel("title", scope) : "";
  }

  /* A reason without the evaluator's leading "Chưa đạt: " (the list says "Còn thiếu: "). */
  function withoutLead(reason) {
    var notMet = messages().not_met;
    var lead = notMet && notMet[lang()] ? notMet[lang()] + ": " : null;
    return lead && reason.indexOf(lead) === 0 ? reason.slice(lead.length) : reason;
  }

  function region() { return document.getElementById("tdg-result"); }
  function body() { return document.getElementById("tdg-result-body"); }

  /* Keep the region's attributes current; announce the level and titles (politely) only
   * when they change, not on every keystroke. */
  function setState(classification, titles, T) {
    var r = region();
    var text = (titles || []).join(" ");
    var changed = r.getAttribute("data-classification") !== (classification || "") || r.getAttribute("data-titles") !== text;
    r.setAttribute("data-classification", classification || "");
    r.setAttribute("data-titles", text);
    var live = document.getElementById("tdg-live");
    if (changed && live && T) {
      live.textContent = classification ? T.level + ": " + TDG.form.codeLabel("level", classification) +
        (titles.length ? ". " + T.titles + ": " + titles.map(function (c) { return TDG.form.codeLabel("title", c); }).join(", ") : "") : "";
    }
  }

  /* The nearest published clause for a legal_basis string: itself, or a broader unit. */
  function linkFor(basis) {
    var links = window.THIDUA_LEGAL_LINKS || {};
    var text = String(basis);
    while (text) {
      if (Object.prototype.hasOwnProperty.call(links, text)) { return links[text]; }
      var cut = text.replace(/\s+(điểm|khoản|Điều)\s+\S+$/, "");
      if (cut === text) { break; }
      text = cut;
    }
    return null;
  }

  function citation(basis, unverified, T) {
    var span = h("span", "tdg-cite");
    var link = linkFor(basis);
    if (link && typeof link.url === "string" && /^[a-z0-9][\w\-./#]*$/i.test(link.url)) {
      var a = h("a", null, basis);
      a.href = document.getElementById("tdg").getAttribute("data-root") + link.url;
      span.appendChild(a);
    } else {
      span.appendChild(h("cite", null, basis));
    }
    if ((unverified && unverified.indexOf(basis) >= 0) || (link && link.unverified)) {
      span.appendChild(document.createTextNode(" "));
      span.appendChild(h("span", "tdg-unverified", "(" + T.unverified + ")"));
    }
    return span;
  }

  function basisLine(list, unverified, T) {
    var p = h("p", "tdg-basis", T.basis);
    (list || []).forEach(function (basis, i) {
      if (i) { p.appendChild(document.createTextNode("; ")); }
      p.appendChild(citation(basis, unverified, T));
    });
    return p;
  }

  /* A rule-set id ("nd-90-2020+nd-48-2023") in words: the data's own name
   * (THIDUA_DATA.thi_dua[id].name / danh_gia[id].name, per language) when it has one,
   * else built from the ids (evaluation rules: a decree and its amendments). */
  function rulesLabel(id, kind, T, lang) {
    var data = window.THIDUA_DATA;
    var sets = data && typeof data === "object" ? data[kind] : null;
    if (kind === "layers" && TDG.layerLabel) { return TDG.layerLabel(lang); }
    var name = sets && typeof sets === "object" && sets[id] ? sets[id].name : null;
    if (name && typeof name === "object") { name = name[lang] || name.vi; }
    if (typeof name === "string") { return name; }
    var parts = String(id).split("+").map(function (part) {
      var m = /^([a-z]+)-(\d+)-(\d{4}|[a-z]+)$/.exec(part);
      return m && DOC_KIND[m[1]] ? DOC_KIND[m[1]] + " " + m[2] + "/" + m[3].toUpperCase() : part;
    });
    return kind === "danh_gia" && parts.length > 1 ? parts[0] + " " + T.amendedBy + " " + parts.slice(1).join(", ") : parts.join(", ");
  }

  function banner(ctx, T, rules) {
    var text = TDG.fmt(T.banner, { year: ctx.yearOk ? ctx.year : "…" });
    var p = h("p", "tdg-banner");
    if (rules) {
      var parts = [];
      if (rules.danh_gia) { parts.push(rulesLabel(rules.danh_gia, "danh_gia", T, ctx.lang)); }
      if (rules.thi_dua) { parts.push(rulesLabel(rules.thi_dua, "thi_dua", T, ctx.lang)); }
      if (rules.layer) { parts.push(rulesLabel(rules.layer, "layers", T, ctx.lang)); }
      if (parts.length) {
        p.appendChild(h("span", "tdg-level-label", T.rulesUsed + ": "));
        text += " — " + parts.join("; ");
      }
    }
    p.appendChild(document.createTextNode(text));
    return p;
  }

  function message(ctx, T, text, className) {
    setState("", [], T);
    var b = body();
    b.textContent = "";
    b.appendChild(banner(ctx, T, null));
    b.appendChild(h("p", className || "tdg-notice", text));
    return b;
  }

  function unavailable(ctx, T) { message(ctx, T, T.unavailable, "tdg-notice tdg-warning"); }
  function invalid(ctx, T) { message(ctx, T, T.invalid, "tdg-notice tdg-warning"); }
  function failed(ctx, T) { message(ctx, T, T.evaluatorFailed, "tdg-notice tdg-warning"); }

  function incomplete(items, ctx, T) {
    var b = message(ctx, T, T.incomplete);
    var ul = h("ul", "tdg-missing");
    items.forEach(function (item) {
      var li = h("li");
      var a = h("a", null, item.label);
      a.href = "#" + TDG.form.fid(item.name);
      li.appendChild(a);
      ul.appendChild(li);
    });
    b.appendChild(ul);
  }

  function section(title, className) {
    var s = h("section", className);
    s.appendChild(h("h3", null, title));
    return s;
  }

  function missingList(map, kind, T, unverified) {
    var ul = h("ul");
    Object.keys(map || {}).forEach(function (code) {
      var entry = map[code] || {};
      var li = h("li");
      li.appendChild(h("strong", null, TDG.form.codeLabel(kind, code)));
      li.appendChild(h("p", null, T.missing + withoutLead(String(entry.reason || ""))));
      if (entry.legal_basis && entry.legal_basis.length) { li.appendChild(basisLine(entry.legal_basis, unverified, T)); }
      ul.appendChild(li);
    });
    return ul;
  }

  /* Render a contract result. */
  function render(res, ctx, T) {
    var unverified = Array.isArray(res.unverified_basis) ? res.unverified_basis : [];
    var wasOpen = !!body().querySelector(".tdg-explanation[open]");
    var titles = Array.isArray(res.eligible_titles) ? res.eligible_titles : [];
    setState(res.classification || "", titles, T);
    var b = body();
    b.textContent = "";
    // The answer first (level, titles), then the rules it comes from, then the details.
    var level = h("p", "tdg-level");
    level.appendChild(h("span", "tdg-level-label", (ctx.titles ? T.levelGiven : T.level) + ": "));
    level.appendChild(h("strong", null, res.classification ? TDG.form.codeLabel("level", res.classification) : "—"));
    b.appendChild(level);

    var ts = section(T.titles, "tdg-titles");
    if (titles.length) {
      var tl = h("ul");
      titles.forEach(function (code) { tl.appendChild(h("li", null, TDG.form.codeLabel("title", code))); });
      ts.appendChild(tl);
      ts.appendChild(h("p", "tdg-hint", T.titlesNote));
    } else {
      ts.appendChild(h("p", null, T.noTitles));
    }
    b.appendChild(ts);
    b.appendChild(banner(ctx, T, res.rules));

    if (res.manual_review || (res.manual_review_reasons && res.manual_review_reasons.length)) {
      var warn = section(T.manual, "tdg-warning tdg-manual");
      var wl = h("ul");
      (res.manual_review_reasons || []).forEach(function (reason) { wl.appendChild(h("li", null, String(reason))); });
      warn.appendChild(wl);
      b.appendChild(warn);
    }

    if (res.not_reached && Object.keys(res.not_reached).length) {
      var nr = section(T.notReached, "tdg-not-reached");
      nr.appendChild(missingList(res.not_reached, "level", T, unverified));
      b.appendChild(nr);
    }
    if (res.not_eligible && Object.keys(res.not_eligible).length) {
      var ne = section(T.notEligible, "tdg-not-eligible");
      ne.appendChild(missingList(res.not_eligible, "title", T, unverified));
      b.appendChild(ne);
    }
    var flags = res.flags_used || {};
    if (Object.keys(flags).length) {
      var fs = section(T.flags, "tdg-flags");
      var fl = h("ul");
      Object.keys(flags).forEach(function (name) {
        var value = flags[name];
        var shown = value === true ? T.yes : value === false ? T.no
          : typeof value === "number" ? TDG.calc.fmt(value * 100) + " %" : T.flagValues[value] || String(value);
        var li = h("li", null, (T.flagNames[name] || T.flags) + ". ");
        li.appendChild(h("span", "tdg-hint", T.flagValue + shown));
        fl.appendChild(li);
      });
      fs.appendChild(fl);
      b.appendChild(fs);
    }
    var explanation = Array.isArray(res.explanation) ? res.explanation : [];
    if (explanation.length) {
      var details = h("details", "tdg-explanation");
      details.open = wasOpen;
      details.appendChild(h("summary", null, T.explanation + " (" + explanation.length + ")"));
      var el = null;
      var scope = null;
      explanation.forEach(function (item) {
        var heading = item.scope !== scope && typeof item.scope === "string" ? scopeLabel(item.scope) : "";
        if (heading || !el) {
          if (heading) { details.appendChild(h("h4", "tdg-scope", heading)); }
          el = details.appendChild(h("ul"));
        }
        scope = item.scope;
        var li = h("li", item.met ? "tdg-met" : "tdg-not-met");
        li.appendChild(h("strong", null, (item.met ? T.met : T.notMet) + ": "));
        li.appendChild(document.createTextNode(lineText(item)));
        if (item.legal_basis && item.legal_basis.length) { li.appendChild(basisLine(item.legal_basis, unverified, T)); }
        el.appendChild(li);
      });
      b.appendChild(details);
    }
    b.appendChild(h("p", "tdg-hint", T.disclaimer));
  }

  TDG.result = {
    render: render, unavailable: unavailable, invalid: invalid, incomplete: incomplete,
    failed: failed, citation: citation, rulesLabel: rulesLabel, h: h, lineText: lineText,
    scopeLabel: scopeLabel
  };
})();
