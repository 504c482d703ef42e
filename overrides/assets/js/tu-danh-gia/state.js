/* thidua — self-evaluation page: answers kept in localStorage.
 * Stored shape (version 1): {"version": 1, "saved_at": ISO date, "fields": {name: value}}
 * where names are the form's control names. Older shapes are migrated on load:
 *   v0 (first prototype, no "version"): the contract profile itself → fields.
 * Nothing is dropped: an unreadable or newer entry is copied aside before any write. */
(function () {
  "use strict";
  var TDG = (window.TDG = window.TDG || {});
  var KEY = "thidua.tu-danh-gia";
  var VERSION = 1;

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

  /* Bring a stored object to the current version; null when it cannot be read. */
  function migrate(raw) {
    if (!isObject(raw)) {
      return null;
    }
    if (raw.version === undefined) {
      // v0 → v1: the profile was stored as it is.
      return { version: VERSION, saved_at: null, fields: TDG.form.fieldsFromProfile(raw), migrated_from: 0 };
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
