"""Checks of a layer chain against the documents and the national rules.

A layer may only tighten the law: a quota or cap above the law's, a removed or relaxed
national criterion, a lowered threshold, an answer to a transition the law does not
leave to the unit — each is refused naming the national clause. Unknown groups,
fields, titles, criteria and clauses are refused too. Every problem is appended to
``errors`` (all of them, not the first).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.layers.model import LEVELS
from thidua.yaml_lines import line_of

TIGHTEN = "lớp quy chế chỉ được chặt hơn pháp luật (a layer may only tighten the law)"


class _Report:
    """Appends located problems for one file."""

    def __init__(self, errors: list[ContentError], file: str) -> None:
        self.errors, self.file = errors, file

    def __call__(self, container: Any, key: Any, path: str, found: str, allowed: str) -> None:
        self.errors.append(ContentError(self.file, line_of(container, key), path, found, allowed))


def national_bases(rules: Any, criterion: str) -> list[str]:
    """The legal bases the national rule sets give ``criterion`` (first found first)."""
    found: list[str] = []

    def add(bases: list[str]) -> None:
        found.extend(b for b in bases if b not in found)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if value.get("criterion") == criterion:
                add(value.get("legal_basis", []))
            branches = [value.get("non_leader", []), value.get("leader", [])]
            uses = value.get("band") == criterion or any(
                isinstance(b, dict) and b.get("criterion") == criterion
                for branch in branches
                if isinstance(branch, list)
                for b in branch
            )
            if uses and isinstance(value.get("basis"), dict):
                for by_role in value["basis"].values():
                    for texts in by_role.values():
                        add(texts)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for rule_set in [*rules.thi_dua.values(), *rules.danh_gia.values()]:
        walk(rule_set)
    return found


def _national_cstdcs(rules: Any) -> list[tuple[int, Decimal, list[str]]]:
    out = []
    for year, entry in sorted(rules.years.items()):
        quota = rules.thi_dua[entry["thi_dua"]]["quotas"]["cstdcs"]
        if quota["ratio"] is not None:
            out.append((year, Decimal(quota["ratio"]), list(quota["legal_basis"])))
    return out


def _national_htxs(rules: Any, role: str | None) -> list[tuple[int, Decimal, list[str]]]:
    out = []
    for year, entry in sorted(rules.years.items()):
        roles = [role] if role else list(entry["danh_gia"])
        for name in roles:
            rule_id = entry["danh_gia"].get(name)
            cap = rules.danh_gia[rule_id].get("htxs_cap") if rule_id else None
            if cap and cap.get("ratio") is not None:
                out.append((year, Decimal(cap["ratio"]), list(cap.get("legal_basis", []))))
    return out


def _cite_problems(registry: Any, text: str) -> str | None:
    """Why ``text`` does not resolve to a published clause, or None."""
    try:
        registry.resolve_basis(text)
    except ContentError as error:
        return error.found
    return None


def check_chain(root: Path, chain: list[tuple[Any, str]], errors: list[ContentError]) -> None:
    """Every problem of the chain (nearest layer first) that the schema cannot see."""
    from thidua.criteria import CriteriaDataError, load_rules
    from thidua.legal.registry import collect_registry

    try:
        rules = load_rules(root)
    except CriteriaDataError as error:
        errors.extend(error.errors)
        return
    registry, _ = collect_registry(root / "docs", cache={})
    local = {data["quy_che"]["so_hieu"] for data, _ in chain}
    groups = {n for data, _ in chain for n in data.get("nhom_can_bo", {})}
    fields = {n: f["kieu"] for data, _ in chain for n, f in data.get("truong_ho_so", {}).items()}
    for position, (data, shown) in enumerate(chain):
        report = _Report(errors, shown)
        _check_head(data, chain[position + 1 :], registry, rules, report)
        parents = [d for d, _ in chain[position + 1 :]]
        seen: set[str] = set()
        for index, rule in enumerate(data["quy_tac"]):
            path = f"quy_tac[{index}]"
            if rule["id"] in seen:
                report(rule, "id", f"{path}.id", f"found {rule['id']!r} twice",
                       "một mã riêng cho mỗi quy tắc (a unique id per rule)")
            seen.add(rule["id"])
            _check_cites(data, rule, path, local, registry, report)
            _check_rule(rule, path, rules, groups, fields, parents, report)


def _check_head(data: Any, parents: list, registry: Any, rules: Any, report: _Report) -> None:
    from thidua.contract import field_paths

    so_hieu = data["quy_che"]["so_hieu"]
    if registry.document(so_hieu) is None:
        report(data["quy_che"], "so_hieu", "quy_che.so_hieu",
               f"không có trang văn bản {so_hieu} (no document {so_hieu} in docs/van-ban/)",
               "số hiệu của một trang trong docs/van-ban/ (a document page's number)")
    if parents:
        parent = parents[0][0]
        if LEVELS.index(parent["cap"]) >= LEVELS.index(data["cap"]):
            report(data, "tren", "tren",
                   f"lớp cấp trên {parent['id']!r} có cấp {parent['cap']} "
                   f"(parent level {parent['cap']}) not above {data['cap']}",
                   "lớp cấp trên ở cấp cao hơn: bo_nganh_tinh → co_quan → don_vi "
                   "(a parent at a higher level)")
    national = field_paths("individual") | field_paths("collective")
    for name in data.get("truong_ho_so", {}):
        if name in national or name.split(".")[0] in national:
            report(data["truong_ho_so"], name, f"truong_ho_so.{name}",
                   f"{name!r} là trường của hồ sơ quốc gia (a field of the national profile)",
                   "tên trường mới, không trùng hợp đồng đánh giá (a new field name)")


def _check_cites(data, rule, path, local, registry, report) -> None:
    from thidua.legal.ref import parse

    own = data["quy_che"]["so_hieu"]
    ref, _ = parse(rule["can_cu"])
    if ref.so_hieu != own or not ref.dieu:
        report(rule, "can_cu", f"{path}.can_cu",
               f"found {rule['can_cu']!r}: không phải một điều, khoản của {own} "
               f"(not a clause of the layer's own regulation)",
               f"một điều, khoản của {own}, ví dụ (e.g.) 'Quy chế {own} Điều 5 khoản 3'")
    else:
        why = _cite_problems(registry, rule["can_cu"])
        if why:
            report(rule, "can_cu", f"{path}.can_cu", f"không tìm thấy (does not resolve): {why}",
                   f"một điều, khoản có trên trang {own} (a clause published on its page)")
    national, _ = parse(rule["siet_chat"])
    if national.so_hieu in local:
        report(rule, "siet_chat", f"{path}.siet_chat",
               f"found {rule['siet_chat']!r}: văn bản của lớp quy chế, không phải văn bản quốc gia "
               "(a local regulation, not a national text)",
               "điều, khoản của luật, nghị định, thông tư (a national clause)")
        return
    why = _cite_problems(registry, rule["siet_chat"])
    if why:
        report(rule, "siet_chat", f"{path}.siet_chat",
               f"điều khoản quốc gia không tìm thấy (unknown national clause): {why}",
               "một điều, khoản có trên trang văn bản trong docs/van-ban/")


def _check_rule(rule, path, rules, groups, fields, parents, report) -> None:
    kind = rule["loai"]
    if kind == "ty_le_cstdcs":
        _check_ratio(rule, path, _national_cstdcs(rules), parents, report, "CSTĐCS")
    elif kind == "tran_htxs":
        _check_ratio(rule, path, _national_htxs(rules, rule.get("vai_tro")), parents, report,
                     "HTXS")
    elif kind in ("yeu_cau_danh_hieu", "chi_cho_nhom"):
        if kind == "yeu_cau_danh_hieu":
            _check_field(rule, path, fields, "so_dem", report)
        if "nhom" in rule:
            _check_group(rule, path, groups, fields, report)
    elif kind == "chia_diem_chung":
        _check_field(rule, path, fields, "diem_thanh_phan", report)
        _check_split(rule, path, rules, report)
    elif kind == "quy_che_rieng":
        _check_transition(rule, path, rules, report)
    elif kind == "bo_tieu_chi":
        _check_removal(rule, path, rules, report)
    elif kind == "nguong":
        _check_threshold(rule, path, rules, report)


def _check_ratio(rule, path, national, parents, report, what: str) -> None:
    ratio = Decimal(rule["ty_le"])
    above = [(year, value, basis) for year, value, basis in national if ratio > value]
    if above:
        value = min(item[1] for item in above)
        years = ", ".join(str(y) for y, v, _ in above if v == value)
        bases: list[str] = []
        for _, v, basis in reversed(above):
            bases += [b for b in basis if v == value and b not in bases]
        report(rule, "ty_le", f"{path}.ty_le",
               f"tỷ lệ {what} {ratio} cao hơn tỷ lệ của pháp luật {value} năm {years} "
               f"({'; '.join(bases) or 'quy định quốc gia'}) — ratio above the law's",
               f"tỷ lệ không quá {value}: {TIGHTEN}")
    for parent in parents:
        for other in parent["quy_tac"]:
            same = other["loai"] == rule["loai"] and other.get("vai_tro") == rule.get("vai_tro")
            if same and ratio > Decimal(other["ty_le"]):
                report(rule, "ty_le", f"{path}.ty_le",
                       f"tỷ lệ {ratio} cao hơn lớp cấp trên {parent['id']} "
                       f"({other['ty_le']}, {other['can_cu']}) — above the parent layer's",
                       f"tỷ lệ không quá {other['ty_le']} (a layer may only tighten its parent)")


def _check_group(rule, path, groups, fields, report) -> None:
    if rule["nhom"] not in groups:
        report(rule, "nhom", f"{path}.nhom",
               f"nhóm {rule['nhom']!r} chưa khai báo (unknown staff group)",
               "một nhóm trong nhom_can_bo (one of): " + (", ".join(sorted(groups)) or "—"))
    if "nhom" not in fields.values():
        report(rule, "nhom", f"{path}.nhom",
               "chưa khai báo trường hồ sơ kiểu nhom (no profile field of kind nhom)",
               "truong_ho_so: {nhom: {kieu: nhom, text: …}}")


def _check_field(rule, path, fields, kind: str, report) -> None:
    name = rule["truong"]
    if fields.get(name) != kind:
        found = (f"trường {name!r} chưa khai báo (undeclared field)" if name not in fields
                 else f"trường {name!r} có kiểu {fields[name]} (declared as {fields[name]})")
        report(rule, "truong", f"{path}.truong", found,
               f"một trường kiểu {kind} khai báo trong truong_ho_so (a declared {kind} field)")


def _check_split(rule, path, rules, report) -> None:
    points = [
        rid for rid, rule_set in rules.danh_gia.items()
        if rule_set.get("kind") == "points" and any(
            entry["danh_gia"].get(rule["vai_tro"]) == rid for entry in rules.years.values()
        )
    ]
    if not points:
        report(rule, "vai_tro", f"{path}.vai_tro",
               f"{rule['vai_tro']!r}: không chấm theo thang 100 điểm năm nào "
               "(no points rule set for this role)",
               "cong_chuc (NĐ 335/2025) hoặc vien_chuc (NĐ 233/2026)")
    parts = rule["phan"]
    if set(parts) != {"a", "b", "c"}:
        report(rule, "phan", f"{path}.phan",
               "found " + ", ".join(sorted(parts)),
               "đủ ba nhóm a, b, c của Nghị định 335/2025/NĐ-CP Điều 12 khoản 1 "
               "(the three groups a, b, c)")
    total = sum(parts.values())
    if total != 30:
        report(rule, "phan", f"{path}.phan",
               f"tổng {total} điểm, khác 30 điểm tiêu chí chung của pháp luật "
               f"({rule['siet_chat']}) — the parts sum to {total}, not 30",
               f"các phần cộng lại đúng 30: {TIGHTEN}")


def _check_transition(rule, path, rules, report) -> None:
    def years_of(role: str) -> list[int]:
        return [
            year for year, entry in sorted(rules.years.items())
            if entry.get("role_transitions", {}).get(role, {}).get("field")
            == "unit_has_own_rules"
        ]

    allowed = years_of(rule["vai_tro"])
    wrong = [year for year in rule["nam"] if year not in allowed]
    if wrong or not allowed:
        basis = "; ".join(
            dict.fromkeys(
                b for entry in rules.years.values()
                for t in entry.get("role_transitions", {}).values() for b in t["legal_basis"]
            )
        )
        hint = "; ".join(
            f"vai_tro: {role}, nam: {', '.join(str(y) for y in years_of(role))}"
            for role in sorted({r for e in rules.years.values()
                                for r in e.get("role_transitions", {})})
        )
        report(rule, "nam" if allowed else "vai_tro", f"{path}.{'nam' if allowed else 'vai_tro'}",
               f"pháp luật không để đơn vị tự trả lời việc chuyển tiếp cho "
               f"{rule['vai_tro']} năm {', '.join(str(y) for y in wrong or rule['nam'])} "
               f"({basis}) — the law leaves no such transition to the unit",
               hint or "—")


def _check_removal(rule, path, rules, report) -> None:
    cid = rule["tieu_chi"]
    if cid not in rules.criteria:
        report(rule, "tieu_chi", f"{path}.tieu_chi",
               f"tiêu chí {cid!r} không có (unknown criterion)",
               "mã một tiêu chí trong data/criteria/criteria.yaml (a national criterion id)")
        return
    basis = "; ".join(national_bases(rules, cid)) or "quy định quốc gia"
    report(rule, "loai", f"{path}.loai",
           f"bỏ tiêu chí quốc gia {cid!r} ({basis}) — removes a national criterion",
           f"không được bỏ hay nới tiêu chí của pháp luật: {TIGHTEN}")


def _check_threshold(rule, path, rules, report) -> None:
    from fractions import Fraction

    cid = rule["tieu_chi"]
    criterion = rules.criteria.get(cid)
    if criterion is None or criterion["op"] != "compare":
        report(rule, "tieu_chi", f"{path}.tieu_chi",
               f"found {cid!r}: không phải tiêu chí so sánh ngưỡng quốc gia "
               "(not a national threshold criterion)",
               "mã một tiêu chí op: compare trong data/criteria/criteria.yaml")
        return
    basis = "; ".join(national_bases(rules, cid)) or "quy định quốc gia"
    national = Fraction(str(criterion["value"]))
    value = Fraction(str(rule["gia_tri"]))
    lower = value < national if criterion["cmp"] in ("ge", "gt") else value > national
    if lower:
        report(rule, "gia_tri", f"{path}.gia_tri",
               f"ngưỡng {rule['gia_tri']} của {cid!r} nới ngưỡng {criterion['value']} "
               "của pháp luật "
               f"({basis}) — relaxes the law's threshold",
               f"ngưỡng chặt hơn hoặc bằng {criterion['value']}: {TIGHTEN}")
    else:
        report(rule, "loai", f"{path}.loai",
               f"nâng ngưỡng {cid!r} ({basis}) chưa được hỗ trợ "
               "(raising a national threshold is not supported yet)",
               "yeu_cau_danh_hieu: một yêu cầu thêm cho danh hiệu (an extra title requirement)")
