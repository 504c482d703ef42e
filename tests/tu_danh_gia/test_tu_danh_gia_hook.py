"""The build side of the page: guarded sources (criteria export, legal registry) and the
year table read from the data, with the fallback constant when the data cannot tell."""

from __future__ import annotations

import builtins
import json
import re
import sys
from pathlib import Path

from thidua_mkdocs import tu_danh_gia


def test_export_data_absent_gives_null_and_a_reason(monkeypatch, root):
    real_import = builtins.__import__

    def no_criteria(name, globals=None, locals=None, fromlist=(), level=0):  # noqa: A002
        if name == "thidua" and fromlist and "criteria" in fromlist:
            raise ImportError("no criteria package")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.delitem(sys.modules, "thidua.criteria", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_criteria)
    data, reason = tu_danh_gia.export_data(root)
    assert data is None and "not importable" in reason
    script = tu_danh_gia.data_script(data, {})
    assert "window.THIDUA_DATA = null;" in script
    assert "window.THIDUA_LEGAL_LINKS = {};" in script


def test_export_data_failing_gives_null(monkeypatch, root):
    import thidua.criteria as criteria

    def broken(*args):
        raise ValueError("bad data")

    monkeypatch.setattr(criteria, "export_data", broken)
    data, reason = tu_danh_gia.export_data(root)
    assert data is None and "ValueError" in reason


def test_rules_meta_falls_back_without_a_year_table():
    meta = tu_danh_gia.rules_meta(None)
    assert meta["source"] == "fallback"
    assert meta["years"] == list(range(2019, 2027))
    assert meta["points"] == {"2026": ["cong_chuc"]}


def test_rules_meta_reads_the_year_table():
    data = {
        "years": {
            "2024": {"danh_gia": {"cong_chuc": "a", "vien_chuc": "a", "nguoi_lao_dong": "t"}},
            "2026": {"danh_gia": {"cong_chuc": "p", "vien_chuc": "a"}},
        },
        "danh_gia": {
            "a": {"kind": "criteria"},
            "p": {"kind": "points"},
            "t": {"kind": "text_only"},
        },
    }
    meta = tu_danh_gia.rules_meta(data)
    assert meta["years"] == [2024, 2026]
    assert meta["points"] == {"2026": ["cong_chuc"]}
    assert "nguoi_lao_dong" in meta["needs_level"]["2024"]
    assert "can_bo" in meta["needs_level"]["2026"]  # a role the year does not list


def test_legal_links_without_registry_are_empty(monkeypatch, root):
    monkeypatch.setattr(tu_danh_gia, "_registry", lambda docs_dir: None)
    assert tu_danh_gia.legal_links({"x": ["Luật 06/2022/QH15 Điều 24"]}, root / "docs") == {}


def test_legal_links_collect_basis_strings_of_the_data(monkeypatch, root):
    class Clause:
        def __init__(self, text):
            self.document = type("Doc", (), {"page_url": "van-ban/luat-06-2022/"})()
            self.anchor = "dieu-24" if "24" in text else ""
            self.unverified = text.endswith("Điều 23")

    class Registry:
        def resolve_basis(self, text):
            if "Điều 99" in text:
                raise LookupError(text)
            return Clause(text)

    monkeypatch.setattr(tu_danh_gia, "_registry", lambda docs_dir: Registry())
    data = {"c": {"legal_basis": ["Luật 06/2022/QH15 Điều 24", "Luật 06/2022/QH15 Điều 99"]}}
    links = tu_danh_gia.legal_links(data, root / "docs")
    assert links["Luật 06/2022/QH15 Điều 24"] == {
        "url": "van-ban/luat-06-2022/#dieu-24",
        "unverified": False,
    }
    assert "Luật 06/2022/QH15 Điều 99" not in links
    assert links["Luật 06/2022/QH15 Điều 23"] == {
        "url": "van-ban/luat-06-2022/",
        "unverified": True,
    }


def test_data_script_is_a_classic_script_defining_two_globals():
    script = tu_danh_gia.data_script({"a": "</script><b>"}, {"x": {"url": "u", "unverified": True}})
    lines = [line for line in script.splitlines() if line.startswith("window.")]
    assert len(lines) == 2
    payload = re.match(r"window\.THIDUA_DATA = (.*);$", lines[0])[1]
    assert json.loads(payload) == {"a": "</script><b>"}


def test_texts_have_the_same_keys_in_both_languages():
    import yaml

    path = Path(tu_danh_gia.__file__).parent / "templates" / "tu-danh-gia" / "texts.yml"
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))

    def keys(value, prefix=""):
        if isinstance(value, dict):
            return {k for key, item in value.items() for k in keys(item, f"{prefix}.{key}")}
        if isinstance(value, list):
            return {k for i, item in enumerate(value) for k in keys(item, f"{prefix}[{i}]")}
        return {prefix}

    assert keys(texts["vi"]) == keys(texts["en"])
