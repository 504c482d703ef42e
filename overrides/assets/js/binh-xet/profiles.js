/* thidua — Bình xét: members from JSON profiles exported by the Self-evaluation page.
 * Each file is one individual profile of the evaluation contract; it is checked by the
 * evaluator (ThiduaEvaluator.problems, with the local layer's own fields when one is in
 * force: BX.unit.problems) and must be of the year chosen on the page.
 * The member's name is the file's name. Same result shape as BX.members.read. */
(function () {
  "use strict";
  var BX = (window.BX = window.BX || {});

  function problem(row, file, allowed) {
    return BX.members.problem(row, file, "", allowed, "json");
  }

  function read(files, year) {
    var out = { encoding: "json", members: [], invalid_rows: [], problems: [] };
    var seen = {};
    files.forEach(function (file, index) {
      var row = index + 1, name = file.name.replace(/\.json$/i, ""), profile = null, trouble = null;
      try {
        profile = JSON.parse(BX.members.decode(file.bytes).text);
      } catch (e) {
        profile = null;
      }
      if (!profile || typeof profile !== "object" || Array.isArray(profile) || profile.subject !== "individual") {
        trouble = problem(row, file.name, BX.both("json_bad"));
      } else if (profile.evaluation_year !== year) {
        trouble = problem(row, file.name, BX.both("json_year", { year: year }));
      } else if (BX.unit.problems(profile).length) { // the layer's own fields included
        trouble = problem(row, file.name, BX.both("json_bad"));
      } else if (Object.prototype.hasOwnProperty.call(seen, BX.members.fold(name))) {
        trouble = BX.members.problem(row, file.name, name, BX.members.rowOf(seen[BX.members.fold(name)]), "duplicate");
      }
      seen[BX.members.fold(name)] = seen[BX.members.fold(name)] || row;
      if (trouble) {
        out.problems.push(trouble);
        out.invalid_rows.push({ row: row, name: name, problems: [trouble] });
        return;
      }
      var disc = (profile.discipline || []).filter(function (d) { return String(d.decided_on || "").slice(0, 4) === String(year); });
      out.members.push({
        row: row, name: name, id: null, group: null, role: profile.role, leader: !!profile.leader,
        level: null, score: null, months: null, recruited: null, discipline: disc.length ? disc[0].form : null,
        initiative: null, chain: null, spirit: null, rank: null, votes: null, note: null, stt: null, profile: profile
      });
    });
    return out;
  }

  BX.profiles = { read: read };
})();
