/* thidua — Bình xét: optional autosave in localStorage, only when the secretary turns it
 * on; turning it off or "Erase everything" removes what was saved. Stored shape
 * (version 1): {version, year, settings, read, overrides}. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var KEY = "thidua.binh-xet";

  function storage() {
    try { var s = window.localStorage; s.getItem(KEY); return s; } catch (e) { return null; }
  }

  function enabled() { return !!(document.getElementById("bx-autosave") || {}).checked; }

  function save(state) {
    var s = storage();
    if (!s || !enabled()) { return; }
    try {
      s.setItem(KEY, JSON.stringify({ version: 1, year: state.year, settings: state.settings, read: state.read, overrides: state.overrides }));
    } catch (e) { /* full storage: the page still works */ }
  }

  function load() {
    var s = storage();
    if (!s) { return null; }
    try {
      var raw = JSON.parse(s.getItem(KEY) || "null");
      return raw && raw.version === 1 ? raw : null;
    } catch (e) { return null; }
  }

  function erase() { var s = storage(); if (s) { s.removeItem(KEY); } }

  function setAutosave(on, state) { if (on) { save(state); } else { erase(); } }

  BX.store = { save: save, load: load, erase: erase, setAutosave: setAutosave, KEY: KEY };
})();
