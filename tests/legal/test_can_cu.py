"""The legal basis relation (``can_cu``) and the date order of relations (issue 13 item 4).

A number in ``can_cu`` that names a portal document links both ways ("Căn cứ" /
"Làm căn cứ cho"); any other entry stays plain text. A document cannot rest on,
guide, replace or amend a document issued after it: ``thidua check`` and the strict
build stop with the file, the line and the fix, in Vietnamese.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

import pytest
from thidua.commands import check as command
from thidua.legal.basis import bare_number, entries, numbers
from thidua.legal.check import check_repository
from thidua.legal.registry import load_document, load_registry
from thidua_mkdocs import legal as markup
from thidua_mkdocs import render

from .support import FIXTURES, document, write

# A local regulation issued in 2100, after the fixture Law (2099-06-15) and decree
# (2099-09-01); one basis is not on the portal.
QUY_CHE = document(
    "7/QĐ-TN",
    "## Điều 1. Phạm vi\n\n1. Quy chế mẫu.\n",
    ten="Quy chế thi đua của Trường Thử nghiệm",
    loai_van_ban="Quy chế",
    co_quan_ban_hanh="Trường Thử nghiệm",
    ngay_ban_hanh="2100-02-01",
    can_cu='["Luật 01/2099/QH99", "Căn cứ Nghị định số 02/2099/NĐ-CP ngày 01/9/2099;", '
    '"Luật Viên chức số 129/2025/QH15", "Hướng dẫn của tỉnh Thử nghiệm (chưa có trên cổng)"]',
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project root with the three fixture documents and the regulation above."""
    shutil.copytree(FIXTURES / "van-ban", tmp_path / "docs" / "van-ban")
    write(tmp_path / "docs", "van-ban/qc-7.md", QUY_CHE)
    return tmp_path


def _set(project: Path, name: str, old: str, new: str) -> None:
    path = project / "docs" / "van-ban" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(project: Path) -> list[str]:
    return [error.message for error in check_repository(project).errors]


def test_numbers_and_bare_entries():
    assert numbers("Căn cứ Luật số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP;") == [
        "06/2022/QH15",
        "152/2025/NĐ-CP",
    ]
    assert numbers("Hướng dẫn của Bộ Mẫu") == []
    assert bare_number("Nghị định số 152/2025/NĐ-CP") == "152/2025/NĐ-CP"
    assert bare_number("15/QĐ-HVM") == "15/QĐ-HVM"
    assert bare_number("Căn cứ Luật số 06/2022/QH15;") is None


def test_portal_documents_link_both_ways_and_others_stay_text(project):
    registry = load_registry(project / "docs")
    quy_che = registry.document("7/QĐ-TN")
    assert quy_che.meta.basis == ["01/2099/QH99", "02/2099/NĐ-CP", "129/2025/QH15"]
    assert quy_che.relations["can_cu"] == ["01/2099/QH99", "02/2099/NĐ-CP"]
    assert registry.document("01/2099/QH99").relations["lam_can_cu_cho"] == ["7/QĐ-TN"]
    assert registry.document("02/2099/NĐ-CP").relations["lam_can_cu_cho"] == ["7/QĐ-TN"]
    shown = entries(quy_che.meta.can_cu, set(quy_che.relations["can_cu"]).__contains__)
    assert shown[0].bare == "01/2099/QH99"
    assert [(s.text, s.so_hieu) for s in shown[1].segments] == [
        ("Căn cứ Nghị định số ", None),
        ("02/2099/NĐ-CP", "02/2099/NĐ-CP"),
        (" ngày 01/9/2099;", None),
    ]
    assert [(s.text, s.so_hieu) for s in shown[2].segments] == [
        ("Luật Viên chức số 129/2025/QH15", None)
    ]
    assert shown[3].bare is None and shown[3].segments[0].so_hieu is None


def test_an_unknown_document_is_allowed_as_plain_text(project):
    assert _messages(project) == []


def test_the_panel_shows_both_directions(project):
    registry = load_registry(project / "docs")

    def href(src_uri: str, anchor: str) -> str:
        return f"/{src_uri}#{anchor}"

    quy_che = registry.document("7/QĐ-TN")
    html = render.template("legal-panel.html.j2", **markup.panel_context(quy_che, registry, href))
    assert "<dt>Căn cứ</dt>" in html
    tag = r"(?:<[^>]+>)*"
    assert re.search(
        rf'<a href="/van-ban/luat-01-2099.md#">Luật 01/2099/QH99</a> \({tag}Luật mẫu', html
    )
    assert re.search(
        rf'Căn cứ Nghị định số {tag}<a href="/van-ban/nd-02-2099.md#">02/2099/NĐ-CP</a>', html
    )
    # Not on the portal: the words as written, no link.
    assert re.search(r"<li>(<span[^>]*>)?Luật Viên chức số 129/2025/QH15(</span>)?</li>", html)
    law = registry.document("01/2099/QH99")
    html = render.template("legal-panel.html.j2", **markup.panel_context(law, registry, href))
    assert "<dt>Làm căn cứ cho</dt>" in html
    assert '<a href="/van-ban/qc-7.md#">Quy chế 7/QĐ-TN</a>' in html
    assert "<dt>Căn cứ</dt>" not in html


def test_a_basis_issued_later_is_an_error_with_line_and_fix(project):
    _set(project, "qc-7.md", "ngay_ban_hanh: 2100-02-01", "ngay_ban_hanh: 2099-07-01")
    (message,) = _messages(project)
    assert message.startswith("docs/van-ban/qc-7.md:8: can_cu: Quy chế 7/QĐ-TN (ngày 01/07/2099)")
    later = "căn cứ vào Nghị định 02/2099/NĐ-CP, văn bản ban hành sau nó (ngày 01/09/2099)"
    assert later in message
    assert "allowed: bỏ 02/2099/NĐ-CP khỏi can_cu, hoặc sửa ngay_ban_hanh" in message
    registry, _ = _registry(project)
    assert registry.document("02/2099/NĐ-CP").relations["lam_can_cu_cho"] == []
    assert registry.document("01/2099/QH99").relations["lam_can_cu_cho"] == ["7/QĐ-TN"]


def test_years_from_the_number_when_a_date_is_missing(project):
    _set(project, "qc-7.md", "ngay_ban_hanh: 2100-02-01\n", "")
    _set(project, "qc-7.md", "so_hieu: 7/QĐ-TN", "so_hieu: 7/2098/QĐ-TN")
    messages = _messages(project)
    assert len(messages) == 2, messages
    assert all("(năm 2098) căn cứ vào" in m and "(năm 2099)" in m for m in messages)


def test_huong_dan_on_an_earlier_text_is_now_an_error(project):
    # The example: huong_dan: ["06/2022/QH15"] on a 2020 text was accepted.
    _set(project, "nd-02-2099.md", "ngay_ban_hanh: 2099-09-01", "ngay_ban_hanh: 2099-01-01")
    messages = _messages(project)
    guide = [m for m in messages if ":11: huong_dan:" in m]
    assert len(guide) == 1, messages
    wrong = "Nghị định 02/2099/NĐ-CP (ngày 01/01/2099) ghi là hướng dẫn thi hành Luật 01/2099/QH99"
    assert wrong in guide[0]
    assert "một văn bản không thể hướng dẫn thi hành văn bản ban hành sau nó" in guide[0]
    # The same dates also make its "sửa đổi" of the Law wrong.
    assert any(":10: sua_doi:" in m for m in messages), messages


def test_a_written_inverse_is_checked_too(project):
    # "bi_thay_the_boi" written on the old decree: the replacing one must not be older.
    _set(project, "nd-02-2099.md", 'thay_the: ["03/2098/NĐ-CP"]\n', "")
    _set(project, "nd-03-2098.md", "ngay_ban_hanh: 2098-01-10", "ngay_ban_hanh: 2099-12-01")
    _set(project, "nd-03-2098.md", "tinh_trang:", 'bi_thay_the_boi: ["02/2099/NĐ-CP"]\ntinh_trang:')
    messages = _messages(project)
    assert any(
        m.startswith("docs/van-ban/nd-03-2098.md:7: bi_thay_the_boi: Nghị định 02/2099/NĐ-CP")
        and "ghi là thay thế Nghị định 03/2098/NĐ-CP" in m
        for m in messages
    ), messages


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ('["7/QĐ-TN"]', "văn bản tự nêu chính nó làm căn cứ (7/QĐ-TN)"),
        ('["01/2099/QH99", "Luật số 01/2099/QH99"]', "01/2099/QH99 được nêu hai lần"),
        ('["01/2099/QH99", ""]', "một dòng để trống"),
    ],
)
def test_bad_entries(project, value, found):
    path = project / "docs" / "van-ban" / "qc-7.md"
    text = path.read_text(encoding="utf-8")
    start = text.index("can_cu: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"can_cu: {value}" + text[end:], encoding="utf-8")
    with pytest.raises(Exception) as raised:
        load_document(path, project / "docs")
    assert f"docs/van-ban/qc-7.md:8: can_cu: {found}" in str(raised.value)


def test_the_check_command_prints_it_in_vietnamese(project, monkeypatch, capsys):
    _set(project, "qc-7.md", "ngay_ban_hanh: 2100-02-01", "ngay_ban_hanh: 2099-07-01")
    monkeypatch.setattr(command, "criteria_problems", lambda _root: ([], None))
    monkeypatch.setattr(command, "check_training", lambda _root: [])
    status = command.run(argparse.Namespace(root=project, strict=False))
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "docs/van-ban/qc-7.md: 1 lỗi" in err
    assert "dòng 8: can_cu: Quy chế 7/QĐ-TN (ngày 01/07/2099) căn cứ vào" in err
    assert "cách sửa: bỏ 02/2099/NĐ-CP khỏi can_cu" in err


def test_the_sample_regulation_rests_on_earlier_texts(root):
    registry = load_registry(root / "docs")
    quy_che = registry.document("15/QĐ-HVM")
    assert {"06/2022/QH15", "335/2025/NĐ-CP", "233/2026/NĐ-CP"} <= set(quy_che.relations["can_cu"])
    assert "129/2025/QH15" not in quy_che.relations["can_cu"]  # not on the portal: plain text
    assert "15/QĐ-HVM" in registry.document("233/2026/NĐ-CP").relations["lam_can_cu_cho"]
    for anchor in ("dieu-2-khoan-4-diem-c", "dieu-2-khoan-5", "dieu-5-khoan-3", "dieu-5-khoan-4"):
        assert anchor in quy_che.structure.by_anchor, anchor


def _registry(project: Path):
    from thidua.legal.registry import collect_registry

    return collect_registry(project / "docs", cache={})


@pytest.mark.build
def test_the_strict_build_stops_on_a_basis_issued_later(tmp_path):
    from thidua_testing import build_project, copy_project

    project = copy_project(tmp_path / "project")
    page = project / "docs" / "van-ban" / "quy-che-mau.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("ngay_ban_hanh: 2026-08-15", "ngay_ban_hanh: 2026-05-01"), "utf-8")
    line = text[: text.index("can_cu:")].count("\n") + 1
    proc = build_project(project, tmp_path / "site")
    log = proc.stdout + proc.stderr
    assert proc.returncode != 0, log[-3000:]
    assert f"docs/van-ban/quy-che-mau.md:{line}: can_cu: Quy chế 15/QĐ-HVM (ngày 01/05/2026)" in log
    assert "căn cứ vào Nghị định 233/2026/NĐ-CP, văn bản ban hành sau nó (ngày 26/06/2026)" in log
    assert "Traceback" not in log


def test_the_relation_diagram_draws_the_basis_both_ways(project):
    from thidua.legal import diem_moi

    registry = load_registry(project / "docs")
    own = diem_moi.relation_diagram(registry.document("7/QĐ-TN"), registry)
    assert [(n.relation, n.document.so_hieu) for n in own.right] == [
        ("can_cu", "01/2099/QH99"),
        ("can_cu", "02/2099/NĐ-CP"),
    ]
    law = diem_moi.relation_diagram(registry.document("01/2099/QH99"), registry)
    assert ("lam_can_cu_cho", "7/QĐ-TN") in [(n.relation, n.document.so_hieu) for n in law.left]
