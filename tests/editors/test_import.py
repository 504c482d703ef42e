"""``thidua import``: an official text (OCR'd .txt, .md, .docx) becomes a văn bản page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from thidua.cli import main
from thidua.legal.metadata import split_front_matter
from thidua.legal.registry import load_registry
from thidua.nhap_van_ban import parse_text

from .sample import LAW_TEXT, LAWS, OCR_TEXT

PAGE = "docs/van-ban/nd-77-2099.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A docs folder with the two laws of ``LAWS`` (one named by a Căn cứ line)."""
    folder = tmp_path / "docs" / "van-ban"
    folder.mkdir(parents=True)
    for name, text in LAWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def _import(project: Path, source: Path, *extra: str) -> int:
    return main(["import", str(source), "--out", str(project / PAGE), *extra])


def _source(tmp_path: Path, name: str = "nd.txt", text: str = OCR_TEXT) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _units(project: Path) -> dict[str, str]:
    registry = load_registry(project / "docs", cache={})
    document = registry.document("77/2099/NĐ-CP")
    assert document is not None
    return {unit.anchor: unit.text for unit in document.structure.units}


def test_the_header_fills_the_front_matter(project, tmp_path, capsys):
    assert _import(project, _source(tmp_path)) == 0
    data, body, _ = split_front_matter((project / PAGE).read_text(encoding="utf-8"), PAGE)
    assert data["so_hieu"] == "77/2099/NĐ-CP"  # OCR's "ND-CP" repaired
    assert data["loai_van_ban"] == "Nghị định"
    assert data["co_quan_ban_hanh"] == "Chính phủ"
    assert data["ten"] == "Nghị định quy định về thử nghiệm nhập văn bản"
    assert data["ngay_ban_hanh"] == dt.date(2099, 3, 15)
    assert data["ngay_hieu_luc"] == dt.date(2099, 7, 1)
    assert data["tinh_trang"] == "chua_co_hieu_luc"
    assert data["nguoi_ky"] == "Nguyễn Văn Mẫu"
    assert data["van_ban_chinh_thuc"] is True and data["tom_luoc"] is False
    assert data["can_cu"][1] == "Căn cứ Luật Thử nghiệm ngày 15 tháng 6 năm 2098;"
    # The basis on the portal is a citation of the 2098 law (not the 2090 one of the
    # same title); the one not on the portal stays plain text.
    assert "*Căn cứ [[05/2098/QH99 | Luật Thử nghiệm]] ngày 15 tháng 6 năm 2098;*" in body
    assert "*Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;*" in body
    out = capsys.readouterr()
    assert "4 điều, 4 khoản, 5 điểm" in out.out
    assert "Luật Tổ chức Chính phủ" in out.out


def test_every_unit_gets_its_anchor_despite_the_noise(project, tmp_path):
    _import(project, _source(tmp_path))
    units = _units(project)
    for anchor in (
        "chuong-i",
        "chuong-ii",
        "dieu-1",  # "| Điều  1 .  Phạm vi" with a stray bar and extra spaces
        "dieu-2",  # "Ðiều 2." with an Icelandic eth for Đ
        "dieu-2-khoan-2",  # "2 . Cá nhân"
        "dieu-3-khoan-1-diem-b",  # "b ) Có ngày"
        "dieu-3-khoan-1-diem-dd",  # the second "d)" is OCR for "đ)"
        "dieu-3-khoan-2",
        "dieu-4",
    ):
        assert anchor in units, anchor
    assert units["dieu-1"].endswith("quy định việc thử nghiệm nhập văn bản vào cổng thông tin.")
    assert units["dieu-3"].startswith("Điều 3. Tiêu chí thử nghiệm và kết quả")
    assert "12" not in units["dieu-2-khoan-2"]  # a page number is noise
    assert "~" not in units["dieu-3-khoan-1-diem-dd"]


def test_what_cannot_be_placed_is_listed_with_its_line(project, tmp_path, capsys):
    _import(project, _source(tmp_path))
    err = capsys.readouterr().err
    assert "dòng 42: điểm b trong khoản 2 Điều 3 không theo thứ tự (chờ điểm a)" in err
    text = (project / PAGE).read_text(encoding="utf-8")
    assert "&#98;) Một điểm mà OCR đọc sai thứ tự." in text  # kept, but no unit
    assert "dieu-3-khoan-2-diem-b" not in _units(project)


def test_markdown_source(project, tmp_path):
    markdown = (
        OCR_TEXT.replace("| Điều  1 .", "## Điều 1.")
        .replace("Ðiều 2.", "## **Điều 2.**")
        .replace("Chương I\n", "# Chương I\n")
    )
    assert _import(project, _source(tmp_path, "nd.md", markdown)) == 0
    units = _units(project)
    assert {"dieu-1", "dieu-2-khoan-1", "dieu-3-khoan-1-diem-dd", "dieu-4"} <= set(units)


def test_word_source(project, tmp_path):
    import docx

    document = docx.Document()
    header, body = OCR_TEXT.split("NGHỊ ĐỊNH\n", 1)
    lines = [line for line in header.splitlines() if line.strip()]
    table = document.add_table(rows=2, cols=2)  # the usual two-column header
    table.cell(0, 0).text = lines[0]
    table.cell(0, 1).text = "\n".join(lines[2:4])
    table.cell(1, 0).text = "Số: 77/2099/NĐ-CP"
    table.cell(1, 1).text = "Hà Nội, ngày 15 tháng 3 năm 2099"
    document.add_paragraph("NGHỊ ĐỊNH")
    for paragraph in body.split("\n"):
        document.add_paragraph(paragraph)
    source = tmp_path / "nd.docx"
    document.save(str(source))
    assert _import(project, source) == 0
    data, _, _ = split_front_matter((project / PAGE).read_text(encoding="utf-8"), PAGE)
    assert (data["so_hieu"], data["co_quan_ban_hanh"]) == ("77/2099/NĐ-CP", "Chính phủ")
    assert data["ngay_ban_hanh"] == dt.date(2099, 3, 15)
    assert {"dieu-2-khoan-2", "dieu-3-khoan-1-diem-dd"} <= set(_units(project))


def test_no_article_writes_nothing(project, tmp_path, capsys):
    source = _source(tmp_path, "thu.txt", "BỘ NỘI VỤ\nSố: 12/BNV-TĐKT\nV/v góp ý dự thảo\n")
    assert _import(project, source) == 2
    assert "không tìm thấy Điều nào" in capsys.readouterr().err
    assert not (project / PAGE).exists()


def test_an_existing_page_is_kept_without_force(project, tmp_path, capsys):
    page = project / PAGE
    page.write_text("giữ nguyên\n", encoding="utf-8")
    assert _import(project, _source(tmp_path)) == 2
    assert "--force" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == "giữ nguyên\n"


def test_force_keeps_the_editors_keys(project, tmp_path):
    _import(project, _source(tmp_path))
    page = project / PAGE
    text = page.read_text(encoding="utf-8")
    edited = text.replace(
        "tom_luoc: false\n",
        'tom_luoc: false\nhuong_dan: ["05/2098/QH99"]\nnguon: "Công báo số 1"\n'
        'so_sanh:\n  voi: "05/2098/QH99"\n',
    ).replace("ngay_hieu_luc: 2099-07-01", "ngay_hieu_luc: 2000-01-01")
    page.write_text(edited, encoding="utf-8")
    assert _import(project, _source(tmp_path), "--force") == 0
    data, _, _ = split_front_matter(page.read_text(encoding="utf-8"), PAGE)
    assert data["huong_dan"] == ["05/2098/QH99"]
    assert data["nguon"] == "Công báo số 1"
    assert data["so_sanh"] == {"voi": "05/2098/QH99"}
    assert data["ngay_hieu_luc"] == dt.date(2099, 7, 1)  # the text's value wins


def test_an_impossible_date_is_named(tmp_path):
    text = parse_text(
        OCR_TEXT.replace("ngày 15 tháng 3 năm 2099", "ngày 30 tháng 2 năm 2099").splitlines()
    )
    assert text.ngay_ban_hanh is None
    assert any("ngày không có thật" in p.reason and p.line == 6 for p in text.problems)


def test_an_unreadable_source_is_refused(project, tmp_path, capsys):
    source = tmp_path / "nd.pdf"
    source.write_bytes(b"%PDF")
    assert _import(project, source) == 2
    assert ".docx, .md, .txt" in capsys.readouterr().err
    broken = tmp_path / "nd.docx"
    broken.write_bytes(b"not a zip")
    assert _import(project, broken) == 2
    assert "Word" in capsys.readouterr().err


def test_a_law_with_sections_and_its_passage_date():
    text = parse_text(LAW_TEXT.splitlines())
    assert text.problems == []
    assert (text.so_hieu, text.loai_van_ban, text.co_quan_ban_hanh) == (
        "09/2099/QH99",
        "Luật",
        "Quốc hội",
    )
    assert text.ten == "Luật Thử nghiệm cấu trúc"
    assert text.ngay_ban_hanh == dt.date(2099, 6, 10)  # "thông qua ngày 10 tháng 6 năm 2099"
    assert text.ngay_hieu_luc == dt.date(2100, 1, 1)
    assert text.nguoi_ky == "Trần Văn Thử"
    kinds = [(b.kind, b.number, b.title) for b in text.blocks if b.kind in ("chuong", "muc")]
    assert kinds == [
        ("chuong", "I", "Những quy định chung"),
        ("chuong", "II", "Tổ chức"),
        ("muc", "1", "Cấp cơ sở"),
        ("muc", "2", "Cấp trên"),
    ]
