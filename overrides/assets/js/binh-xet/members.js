/* thidua — Bình xét: reading a members list, the same steps as
 * hooks/thidua/binh_xet/members.py (Papa Parse here, Python's csv module there):
 * bytes → text (UTF-8, or Windows-1258 for legacy Excel files; NFC) → records → members
 * and invalid rows with one problem per cell (row, column, value, what is allowed).
 * The vocabulary (headers, values) is window.BINH_XET_COLUMNS, published from Python;
 * the local layer in force adds its own columns (window.BINH_XET_LAYER.columns: the
 * staff group, counts such as articles), and the columns of layers not in force
 * (BINH_XET_COLUMNS.layer_only) are read, ignored and named in a message.
 *   BX.members.decode(Uint8Array) → {text, encoding}
 *   BX.members.readText(text, encoding) → {encoding, members, invalid_rows, problems} */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});
  var SPEC = window.BINH_XET_COLUMNS;
  var BY_KEY = {};
  SPEC.columns.forEach(function (c) { BY_KEY[c.key] = c; });
  var NUMBER = /^[0-9]{1,3}(?:[.,][0-9]{1,2})?$/;
  var INT = /^[0-9]{1,6}$/;
  var DMY = /^([0-9]{1,2})\/([0-9]{1,2})\/([0-9]{4})$/;
  var ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
  var BROKEN = /[\ufffd\u0080-\u009f]/;
  /* The problems' words, the same as the command's (thidua.binh_xet.members): the words
   * files' group binh_xet_problems, published by texts.js. Every problem carries its
   * Vietnamese message (message) and its English one (message_en). */
  var words = function (key) { return BX.problemWords(key); };
  var LAYER_COUNT_HIGH = 999;

  /* The template's columns, then the layer's; and the header index (template first). */
  function layerColumns() {
    var layer = window.BINH_XET_LAYER;
    return layer && Array.isArray(layer.columns) ? layer.columns : [];
  }
  function allColumns() { return SPEC.columns.concat(layerColumns()); }
  function headerIndex() {
    var index = {};
    Object.keys(SPEC.headers).forEach(function (k) { index[k] = SPEC.headers[k]; });
    layerColumns().forEach(function (c) {
      [c.header, c.header_en || ""].concat(c.aliases || []).forEach(function (h) {
        var key = h ? fold(h) : "";
        if (key && !Object.prototype.hasOwnProperty.call(index, key)) { index[key] = c.key; }
      });
    });
    return index;
  }
  function fold(text) {
    return String(text).normalize("NFC").toLowerCase().normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d")
      .replace(/[^0-9a-z]+/g, " ").trim();
  }

  /* One pass, a function as replacement: a "$&" or "{allowed}" inside a value stays as is. */
  function fill(template, row, column, value, allowed) {
    var map = { row: String(row), column: String(column), value: String(value), allowed: String(allowed) };
    return template.replace(/\{(row|column|value|allowed)\}/g, function (all, key) { return map[key]; });
  }

  /* allowed: one text, or {vi, en}. */
  function problem(row, column, value, allowed, reason) {
    var texts = typeof allowed === "string" ? { vi: allowed, en: allowed } : { vi: allowed.vi, en: allowed.en || allowed.vi };
    var template = words("messages." + reason);
    return { row: row, column: column, value: value, allowed: texts.vi, reason: reason,
      message: fill(template.vi, row, column, value, texts.vi),
      message_en: fill(template.en, row, column, value, texts.en) };
  }

  function rowOf(n) {
    var w = words("row_of");
    return { vi: w.vi.replace("{row}", n), en: w.en.replace("{row}", n) };
  }

  function utf8Sequences(bytes) {
    var count = 0, i = 0, n = bytes.length;
    while (i < n) {
      var b = bytes[i];
      var need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
      if (need && i + need < n) {
        var ok = true;
        for (var k = 1; k <= need; k++) { if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) { ok = false; break; } }
        if (ok) { count++; i += need + 1; continue; }
      }
      i++;
    }
    return count;
  }

  var CP1258_UNDEFINED = [0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E];

  function decode(bytes) {
    if (bytes.length >= 3 && bytes[0] === 0xEF && bytes[1] === 0xBB && bytes[2] === 0xBF) {
      bytes = bytes.subarray(3);
    }
    var text, encoding = "utf-8";
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch (e) {
      if (utf8Sequences(bytes)) {
        text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      } else {
        // The browser maps the undefined bytes to C1 controls; Python to U+FFFD: same message.
        var copy = new Uint8Array(bytes);
        text = new TextDecoder("windows-1258").decode(copy);
        encoding = "windows-1258";
        var out = "";
        for (var i = 0; i < text.length; i++) {
          var c = text.charCodeAt(i);
          out += c >= 0x80 && c <= 0x9F && CP1258_UNDEFINED.indexOf(c) >= 0 ? "\ufffd" : text.charAt(i);
        }
        text = out;
      }
    }
    return { text: text.normalize("NFC"), encoding: encoding };
  }

  function delimiter(text) {
    var first = text.split("\n", 1)[0];
    if (first.indexOf("\t") >= 0) { return "\t"; }
    var semi = first.split(";").length, comma = first.split(",").length;
    return semi > comma ? ";" : ",";
  }

  function records(text) {
    if (text === "") { return []; }
    var parsed = window.Papa.parse(text, { delimiter: delimiter(text), newline: "", skipEmptyLines: false });
    return parsed.data;
  }

  function allowedOf(kind) { return SPEC.allowed[kind]; }

  function number(text, high) {
    if (!NUMBER.test(text)) { return null; }
    var value = Number(text.replace(",", "."));
    return value > high ? null : value;
  }

  function pad(n, w) { var s = String(n); while (s.length < w) { s = "0" + s; } return s; }

  function date(text) {
    var m = DMY.exec(text), parts = null;
    if (m) { parts = [m[3], m[2], m[1]]; }
    m = ISO.exec(text);
    if (m) { parts = [m[1], m[2], m[3]]; }
    if (!parts) { return null; }
    var y = Number(parts[0]), mo = Number(parts[1]), d = Number(parts[2]);
    if (y < 1 || mo < 1 || mo > 12 || d < 1) { return null; }
    var last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    if (d > last) { return null; }
    return pad(y, 4) + "-" + pad(mo, 2) + "-" + pad(d, 2);
  }

  var LIMITS = { count: [0, 30], rank: [1, 999999], votes: [0, 999999] };

  /* [ok, value]; blank → [true, null]. column: for a layer's columns (its own values). */
  function parseValue(kind, text, column) {
    if (text === "") { return [true, null]; }
    if (kind === "layer_group") {
      var values = (column && column.values) || {}, folded = fold(text);
      return Object.prototype.hasOwnProperty.call(values, folded) ? [true, values[folded]] : [false, null];
    }
    if (kind === "layer_count") {
      var count = INT.test(text) && Number(text) <= LAYER_COUNT_HIGH ? Number(text) : null;
      return [count !== null, count];
    }
    if (kind === "text" || kind === "name") { return [true, text]; }
    if (SPEC.values[kind]) {
      var key = fold(text);
      return Object.prototype.hasOwnProperty.call(SPEC.values[kind], key) ? [true, SPEC.values[kind][key]] : [false, null];
    }
    var value;
    if (kind === "score") { value = number(text, 100); }
    else if (kind === "months") { value = number(text, 12); }
    else if (kind === "date") { value = date(text); }
    else {
      value = INT.test(text) ? Number(text) : null;
      if (value !== null && (value < LIMITS[kind][0] || value > LIMITS[kind][1])) { value = null; }
    }
    return [value !== null, value];
  }

  function header(cells, columns) {
    var headers = columns.map(function (c) { return c.header; });
    var allowed = headers.join(", ");
    var index = headerIndex(), only = SPEC.layer_only || {};
    var found = {}, keys = [], problems = [];
    cells.forEach(function (cell, position) {
      var raw = String(cell).trim();
      var key = raw && Object.prototype.hasOwnProperty.call(index, fold(raw)) ? index[fold(raw)] : undefined;
      if (raw && key === undefined && Object.prototype.hasOwnProperty.call(only, fold(raw))) {
        problems.push(problem(1, raw, raw, words("layer_only_allowed"), "layer_only"));
      } else if (raw && key === undefined) {
        problems.push(problem(1, raw, raw, allowed, "header_unknown"));
      } else if (key !== undefined && keys.indexOf(key) >= 0) {
        problems.push(problem(1, raw, raw, allowed, "header_duplicate"));
      } else if (key !== undefined) {
        found[position] = key;
        keys.push(key);
      }
    });
    SPEC.columns.forEach(function (c) {
      if (c.required && keys.indexOf(c.key) < 0) { problems.push(problem(1, c.header, "", allowed, "header_missing")); }
    });
    if (!SPEC.one_of.some(function (k) { return keys.indexOf(k) >= 0; })) {
      var names = SPEC.one_of.map(function (k) { return BY_KEY[k].header; }).join(" / ");
      problems.push(problem(1, names, "", allowed, "header_missing"));
    }
    return { found: found, problems: problems };
  }

  function blank(cells) { return !cells.some(function (c) { return String(c).trim() !== ""; }); }

  function member(number, cells, found, seen, byKey) {
    var m = { row: number }, problems = [];
    Object.keys(found).forEach(function (position) {
      var key = found[position], column = byKey[key];
      var raw = Number(position) < cells.length ? String(cells[position]).trim().normalize("NFC") : "";
      if (BROKEN.test(raw)) {
        problems.push(problem(number, column.header, raw, words("encoding_allowed"), "encoding"));
        m[key] = key === "name" ? raw : null;
        return;
      }
      var parsed = parseValue(column.kind, raw, column);
      if (!parsed[0]) {
        problems.push(problem(number, column.header, raw, column.allowed || allowedOf(column.kind), "value"));
      } else if (parsed[1] === null && column.required) {
        problems.push(problem(number, column.header, "", allowedOf(column.kind), "required"));
      }
      m[key] = parsed[1];
    });
    Object.keys(byKey).forEach(function (key) { if (m[key] === undefined) { m[key] = null; } });
    var levelH = BY_KEY.level.header, scoreH = BY_KEY.score.header;
    if (m.level === null && m.score === null && !problems.some(function (p) { return p.column === levelH || p.column === scoreH; })) {
      problems.push(problem(number, levelH, "", allowedOf("level"), "level_or_score"));
    }
    var who = m.id ? fold(m.id) : fold(m.name || "");
    if (who) {
      if (Object.prototype.hasOwnProperty.call(seen, who)) {
        problems.push(problem(number, BY_KEY[m.id ? "id" : "name"].header, m.id || m.name, rowOf(seen[who]), "duplicate"));
      } else {
        seen[who] = number;
      }
    }
    return { member: m, problems: problems };
  }

  function readText(text, encoding) {
    var rows = records(String(text).normalize("NFC"));
    var out = { encoding: encoding || "utf-8", members: [], invalid_rows: [], problems: [] };
    if (!rows.length || blank(rows[0])) {
      out.problems.push(problem(1, BY_KEY.name.header, "", SPEC.columns.map(function (c) { return c.header; }).join(", "), "header_missing"));
      return out;
    }
    var columns = allColumns(), byKey = {};
    columns.forEach(function (c) { byKey[c.key] = c; });
    var head = header(rows[0], columns);
    out.problems = out.problems.concat(head.problems);
    if (head.problems.some(function (p) { return p.reason === "header_missing"; })) { return out; }
    var seen = {};
    for (var i = 1; i < rows.length; i++) {
      if (blank(rows[i])) { continue; }
      var got = member(i + 1, rows[i], head.found, seen, byKey);
      out.problems = out.problems.concat(got.problems);
      if (got.problems.length) {
        out.invalid_rows.push({ row: i + 1, name: got.member.name || "", problems: got.problems });
      } else {
        out.members.push(got.member);
      }
    }
    if (!out.members.length && !out.invalid_rows.length) {
      out.problems.push(problem(2, "", "", words("no_rows_allowed"), "no_rows"));
    }
    return out;
  }

  BX.members = { fold: fold, decode: decode, readText: readText, problem: problem, rowOf: rowOf, BY_KEY: BY_KEY,
    read: function (bytes) { var d = decode(bytes); return readText(d.text, d.encoding); } };
})();
