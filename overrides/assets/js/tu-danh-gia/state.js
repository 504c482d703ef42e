/* thidua — self-evaluation page: answers kept in localStorage.
 * Stored shape (version 2): {"version": 2, "saved_at": ISO date, "fields": {name: value}}
 * where names are the form's control names. Older shapes are migrated on load:
 *   v0 (first prototype, no "version"): the contract profile itself → fields;
 *   v1 (before contract v3): the score helper's "score_period" and "score_periods.N" become
 *      period rows ("period_scores.i.period" / ".score"); new questions get their defaults.
 * Nothing is dropped: an unreadable or newer entry is copied aside before any write. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var KEY = "thidua.tu-danh-gia";
  var VERSION = 2;

  function store() {
    try {
      var s = window.localStorage;
      s.getItem(KEY);
      return s;
    } catch (e) {
      return null;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* v1 → v2: the helper's period scores become period rows, nothing is dropped. */
  function fromV1(old) {
    var fields = {};
    Object.keys(old).forEach(function (name) {
      if (name !== "score_period" && name.indexOf("score_periods.") !== 0) { fields[name] = old[name]; }
    });
    var months = old.score_period === "month";
    var row = 0;
    for (var i = 1; i <= 12; i++) {
      var score = old["score_periods." + i];
      if (typeof score === "string" && score.trim() !== "" && (months || i <= 4)) {
        fields["period_scores." + row + ".period"] = months ? (i < 10 ? "0" : "") + i : "Q" + i;
        fields["period_scores." + row + ".score"] = score;
        row += 1;
      }
    }
    if (!("score_input" in fields)) { fields.score_input = "total"; }
    if (!("unit_has_own_rules" in fields)) { fields.unit_has_own_rules = "unknown"; }
    return fields;
  }

  /* Bring a stored object to the current version; null when it cannot be read. */
  function migrate(raw) {
    if (!isObject(raw)) {
      return null;
    }
    if (raw.version === undefined) {
      // v0 → v1: the profile was stored as it is.
      return { version: VERSION, saved_at: null, fields: TDG.form.fieldsFromProfile(raw), migrated_from: 0 };
    }
    if (raw.version === 1 && isObject(raw.fields)) {
      return { version: VERSION, saved_at: raw.saved_at || null, fields: fromV1(raw.fields), migrated_from: 1 };
    }
    if (typeof raw.version === "number" && isObject(raw.fields)) {
      // Same version, or a newer release's entry: read the fields we know.
      return { version: VERSION, saved_at: raw.saved_at || null, fields: raw.fields, migrated_from: raw.version === VERSION ? null : raw.version };
    }
    return null;
  }

  function keepAside(s, text, suffix) {
    try {
      s.setItem(KEY + ".backup-" + suffix, text);
    } catch (e) {
      /* quota: nothing more we can do */
    }
  }

  function load() {
    var s = store();
    if (!s) {
      return null;
    }
    var text = s.getItem(KEY);
    if (text === null) {
      return null;
    }
    var parsed = null;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
    var entry = migrate(parsed);
    if (!entry) {
      keepAside(s, text, "unreadable");
      return null;
    }
    if (entry.migrated_from !== null) {
      keepAside(s, text, "v" + entry.migrated_from);
      save(entry.fields);
    }
    return entry;
  }

  function save(fields) {
    var s = store();
    if (!s) {
      return false;
    }
    try {
      s.setItem(KEY, JSON.stringify({ version: VERSION, saved_at: new Date().toISOString(), fields: fields }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function clear() {
    var s = store();
    if (s) {
      s.removeItem(KEY);
    }
  }

  TDG.state = { KEY: KEY, VERSION: VERSION, available: function () { return !!store(); }, load: load, save: save, clear: clear, migrate: migrate };
})();
