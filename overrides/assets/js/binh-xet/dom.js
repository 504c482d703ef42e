/* thidua — Bình xét: small DOM helpers and the Vietnamese names of codes. Nothing read
 * from a file is ever inserted as HTML: every text goes through textContent. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});

  /* el("p", {class: "x", "data-testid": "y"}, ["text", childNode]) */
  BX.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === "text") { node.textContent = value; } else { node.setAttribute(name, value === true ? "" : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  };

  function labels() { return (window.THIDUA_DATA && window.THIDUA_DATA.labels) || {}; }
  function name(group, code) {
    var entry = labels()[group] && labels()[group][code];
    return entry ? (entry[BX.lang()] || entry.vi) : "";
  }
  BX.levelName = function (code) { return code ? name("levels", code) : ""; };
  BX.titleName = function (code) { return name("titles", code); };
  BX.roleName = function (code) { return name("roles", code); };
  BX.titleList = function (codes) {
    return codes && codes.length ? codes.map(BX.titleName).join("; ") : BX.t("none");
  };

  /* A reason without the evaluator's leading "Chưa đạt: " ("Not met: "), taken off by the
   * labels' own word (messages.not_met), as text.py's not_met and the self-evaluation page. */
  BX.notMet = function (reason) {
    var word = labels().messages && labels().messages.not_met;
    var lead = word && word[BX.lang()] ? word[BX.lang()] + ": " : null;
    return lead && reason.indexOf(lead) === 0 ? reason.slice(lead.length) : reason;
  };
  /* One thing a member misses, {level or title, reason}: "Chiến sĩ thi đua cơ sở: <reason>"
   * (the list is headed "Còn thiếu", so the reason loses its "Chưa đạt: "). */
  BX.missingText = function (item, levelName, titleName) {
    return (item.level ? levelName(item.level) : titleName(item.title)) + ": " + BX.notMet(item.reason);
  };

  BX.percent = function (ratio) {
    return (Math.round(ratio * 10000) / 100).toString().replace(".", BX.lang() === "vi" ? "," : ".") + " %";
  };

  /* A number for people: "1,5" and "1.234" in Vietnamese, "1.5" and "1,234" in English. */
  BX.number = function (value) {
    var rounded = Math.round(Number(value) * 100) / 100;
    var parts = String(Math.abs(rounded)).split("."), vi = BX.lang() === "vi";
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, vi ? "." : ",");
    return (rounded < 0 ? "-" : "") + whole + (parts[1] ? (vi ? "," : ".") + parts[1] : "");
  };

  /* The manual-review reasons every member shares (shown once), and a member's others. */
  BX.sharedReasons = function (members) {
    if (!members.length) { return []; }
    return members[0].manual_review_reasons.filter(function (r) {
      return members.every(function (m) { return m.manual_review_reasons.indexOf(r) >= 0; });
    });
  };
  BX.ownReasons = function (m, shared) {
    return m.manual_review_reasons.filter(function (r) { return shared.indexOf(r) < 0; });
  };

  BX.meta = function (metaName) {
    var node = document.querySelector('meta[name="' + metaName + '"]');
    var value = node ? (node.getAttribute("content") || "").trim() : "";
    return value;
  };
})();
