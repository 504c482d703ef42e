"""The build side of the page: the criteria export, the legal links and the year table
read from the data; broken data stops the build."""

from __future__ import annotations

import json
import re

import pytest
from thidua import words
from thidua.criteria.schema import ANSWER_LABELS
from thidua.errors import ContentError
from thidua_mkdocs import tu_danh_gia


def test_export_data_is_the_criteria_export(root):
    from thidua import criteria

    data, source = tu_danh_gia.export_data(root)
    assert data == criteria.export_data(root)
    assert "export_data" in source


def test_broken_criteria_data_stops_the_build_with_the_check_message(monkeypatch, root):
    import hook_tu_danh_gia
    import pytest
    from mkdocs.exceptions import PluginError
    from thidua import criteria
    from thidua.errors import ContentError

    problem = ContentError(
        "data/criteria/years.yaml", 7, "years.2024.thi_dua", "found 'x'", "a rule-set id"
    )

    def broken(*args):
        raise criteria.CriteriaDataError([problem])

    monkeypatch.setattr(criteria, "export_data", broken)
    hook_tu_danh_gia._build_data.cache_clear()
    try:
        with pytest.raises(PluginError) as raised:
            hook_tu_danh_gia._build_data(str(root))
    finally:
        hook_tu_danh_gia._build_data.cache_clear()
    assert "data/criteria/years.yaml:7: years.2024.thi_dua" in str(raised.value)


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


def test_legal_links_resolve_the_real_registry(root):
    from thidua import criteria

    data = criteria.export_data(root)
    links = tu_danh_gia.legal_links(data, root / "docs", lambda src: src[: -len(".md")] + "/")
    clause = links["Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"]
    assert clause["url"] == "van-ban/luat-06-2022/#dieu-24-khoan-1-diem-a"
    offline = tu_danh_gia.legal_links(data, root / "docs", lambda src: src[: -len(".md")] + ".html")
    assert offline["Luật 06/2022/QH15 Điều 24 khoản 1 điểm a"]["url"] == (
        "van-ban/luat-06-2022.html#dieu-24-khoan-1-diem-a"
    )
    assert clause["unverified"] is False


def test_legal_links_collect_basis_strings_of_the_data(monkeypatch, root):
    class Clause:
        def __init__(self, text):
            self.document = type("Doc", (), {"src_uri": "van-ban/luat-06-2022.md"})()
            self.anchor = "dieu-24" if "24" in text else ""
            self.unverified = text.endswith("Điều 23")

    class Registry:
        def resolve_basis(self, text):
            if "Điều 99" in text:
                raise ContentError(
                    "docs/van-ban/luat-06-2022.md", None, text, "no such", "a clause"
                )
            return Clause(text)

    monkeypatch.setattr(tu_danh_gia, "_registry", lambda docs_dir: Registry())
    data = {"c": {"legal_basis": ["Luật 06/2022/QH15 Điều 24", "Luật 06/2022/QH15 Điều 99"]}}
    links = tu_danh_gia.legal_links(data, root / "docs", lambda src: src[: -len(".md")] + "/")
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


def test_script_words_are_published_from_the_words_file():
    """texts-<lang>.js is generated: TDG.texts[lang] holds the words file's tu_danh_gia_js."""
    import hook_tu_danh_gia
    from thidua import words

    for lang in words.LANGUAGES:
        script = hook_tu_danh_gia.texts_script(lang)
        line = next(x for x in script.splitlines() if x.startswith("window.THIDUA_TEXTS = "))
        payload = json.loads(line[len("window.THIDUA_TEXTS = ") : -1])
        assert payload == {lang: words.group(lang, "tu_danh_gia_js")}
        assert "TDG.texts[lang] = texts[lang]" in script
        assert "<script" not in script and "</" not in line
    assert words.text("vi", "tu_danh_gia_js.unverified") == words.text("vi", "common.unverified")


def test_code_labels_of_the_form_come_from_the_labels_data(root):
    """Level, role and title options are data/criteria/labels.yaml's names of the codes."""
    from thidua import criteria

    labels = criteria.export_data(root)["labels"]
    for lang in ("vi", "en"):
        options = tu_danh_gia.code_labels(labels, lang, "(note)")
        assert options["role"] == {code: text[lang] for code, text in labels["roles"].items()}
        assert options["title"]["CSTDCS"] == labels["titles"]["CSTDCS"][lang]
        assert options["level"]["HTT"] == labels["levels"]["HTT"][lang]
        not_classified = labels["levels"]["NOT_CLASSIFIED"][lang]
        assert options["level"]["NOT_CLASSIFIED"] == not_classified + " (note)"
        assert "NOT_CLASSIFIED" not in options["unit_level"]
        assert list(options["unit_level"]) == ["HTXS", "HTT", "HTNV", "KHTNV"]
        # The answers' codes too (leave kinds, discipline forms, …): every code of the
        # contract named, in the contract's order, no second copy in the words files.
        for kind, codes in ANSWER_LABELS.items():
            assert list(options[kind]) == list(codes)
            assert options[kind] == {code: text[lang] for code, text in labels[kind].items()}
    assert options["discipline_forms"]["khien_trach"] == "Reprimand"
    with pytest.raises(ContentError):
        words.lookup("vi", "tu_danh_gia.codes")


def test_the_labels_schema_wants_every_answer_code(root, tmp_path):
    """A code the contract knows but labels.yaml does not name stops the load (file, line)."""
    from thidua.criteria import schema
    from thidua.spec import validate
    from thidua.yaml_lines import load_file

    path = tmp_path / "labels.yaml"
    text = (root / "data/criteria/labels.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("  khai_tru: ", "  khai_tru_x: "), encoding="utf-8")
    found = validate(schema.LABELS, load_file(path, tmp_path), "labels.yaml")
    problems = [error.message for error in found]
    assert any("discipline_forms.khai_tru_x: unknown key" in m for m in problems), problems
    assert any("discipline_forms.khai_tru" in m and "missing" in m for m in problems), problems
