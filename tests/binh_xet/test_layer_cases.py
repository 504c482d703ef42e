"""The council's cases with a local layer (data/layer-cases.yaml): the per-member rules
of the layer (a lecturer without an article, a title kept for one staff group), its
CSTĐCS quota exactly met and exceeded, ties, bad values, and the same file without a
layer. ``thidua unit --layer`` (or ``compute`` with a test layer) gives what the case
says; the page with the layer's published data gives the very same result object, in
Vietnamese and, on the English page, with English reasons.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from bx_support import (
    DATA,
    PAGE_EN,
    PAGE_VI,
    load_file,
    page_result,
    program_words,
    unit_json,
    use_layer,
)
from thidua.binh_xet import compute, read
from thidua.binh_xet.layer import layer_data, layer_only_headers
from thidua.criteria import load_rules
from thidua.layers import load_layer
from thidua.layers.loader import read_chain
from thidua_testing import ROOT

CASES_FILE = DATA / "layer-cases.yaml"
SPEC = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
CASES = SPEC["cases"]
TEST_LAYERS = DATA / "layers"
STATUS = {"trong tỷ lệ": "within", "vượt tỷ lệ": "over", "bằng nhau": "tie"}


def case_ids(case: dict) -> str:
    return case["id"]


def layer_of(case: dict):
    """The case's Layer (the project's, or a test layer of data/layers/), or None."""
    if case["lop"] == "none":
        return None
    if (TEST_LAYERS / f"{case['lop']}.yaml").is_file():
        return read_chain(ROOT, case["lop"], folder=TEST_LAYERS)
    return load_layer(ROOT, case["lop"])


def csv_text(case: dict) -> str:
    """The members list of the case as the unit's CSV (UTF-8 with BOM, as Excel saves it)."""
    rows = [SPEC["cot"], *case["danh_sach"].strip().splitlines()]
    rows += [SPEC["them_dong"].format(n=n) for n in range(1, case.get("them", 0) + 1)]
    return "\ufeff" + "\n".join(rows) + "\n"


def write_case(case: dict, folder: Path) -> Path:
    path = folder / f"{case['id']}.csv"
    path.write_text(csv_text(case), encoding="utf-8")
    return path


def expected_result(case: dict, lang: str = "vi") -> dict:
    """The result the command's core gives for the case (the page must give the same)."""
    layer = layer_of(case)
    data = layer_data(layer) if layer else None
    read_result = read(csv_text(case).encode("utf-8"), data, layer_only_headers(ROOT, data))
    return compute(read_result, SPEC["nam"], {"layer": data}, layer, lang)


def title_codes(names: list[str]) -> list[str]:
    by_name = {v["vi"]: k for k, v in load_rules().labels["titles"].items()}
    return [by_name[name] for name in names]


@pytest.mark.parametrize("case", CASES, ids=case_ids)
def test_the_case_says_what_the_council_sees(case):
    result = expected_result(case)
    want = case["ket_qua"]
    quota = result["cstdcs"]
    assert quota["ldtt"] == want["cstdcs"]["lao_dong_tien_tien"]
    assert quota["cap"] == want["cstdcs"]["toi_da"]
    members = {m["name"]: m for m in result["members"]}
    for name, expect in want["nguoi"].items():
        member = members[name]
        if "de_nghi" in expect:
            assert member["eligible_titles"] == title_codes(expect["de_nghi"]), name
        if "khong_de_nghi" in expect:
            code = title_codes([expect["khong_de_nghi"]])[0]
            assert code not in member["eligible_titles"], name
            assert any(expect["ly_do"] in reason for reason in member["layer_reasons"]), (
                name, member["layer_reasons"])
        if "ty_le" in expect:
            assert member["cstdcs_status"] == STATUS[expect["ty_le"]], name
    found = [(p["row"], p["column"]) for p in result["problems"]]
    assert found == [(e["dong"], e["cot"]) for e in want.get("loi", [])]


@pytest.mark.parametrize("case", [c for c in CASES if c["lop"] == "hoc-vien-mau"], ids=case_ids)
def test_the_command_gives_the_same_result(case, tmp_path):
    path = write_case(case, tmp_path)
    assert unit_json(path, "--layer", case["lop"]) == expected_result(case)


def test_without_the_layer_its_columns_are_named_and_ignored(tmp_path):
    case = next(c for c in CASES if c["id"] == "khong-co-lop")
    result = unit_json(write_case(case, tmp_path))
    assert result == expected_result(case)
    messages = [p["message"] for p in result["problems"]]
    assert all("lớp quy chế riêng không áp dụng ở đây" in m for m in messages), messages
    assert all(m["layer_reasons"] == [] for m in result["members"])


def test_the_layered_template_is_accepted_as_it_is(tmp_path):
    from bx_support import TEMPLATE
    from thidua_mkdocs.binh_xet import template_csv

    data = layer_data(load_layer(ROOT, "hoc-vien-mau"))
    text = template_csv(TEMPLATE.read_text(encoding="utf-8"), data)
    assert text.startswith("\ufeff") and "Nhóm cán bộ" in text.splitlines()[0]
    path = tmp_path / "mau.csv"
    path.write_bytes(text.encode("utf-8"))
    result = unit_json(path, "--layer", "hoc-vien-mau")
    assert result["problems"] == [] and result["members"][0]["layer_fields"] == {
        "nhom": "giang_vien", "bai_bao_khoa_hoc": 1}


@pytest.fixture
def fresh(page, guard, base_url):
    """Open a Bình xét page (Vietnamese or English) of a portal with the case's layer."""

    def open_(case: dict, url: str = "/binh-xet/cong-cu/"):
        layer = layer_of(case)
        use_layer(page, layer_data(layer) if layer else None, layer)
        page.goto(base_url + url)
        page.evaluate("localStorage.clear()")
        page.reload()
        page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
        return page

    return open_


@pytest.mark.browser
@pytest.mark.parametrize("case", CASES, ids=case_ids)
def test_page_and_command_agree_on_the_case(fresh, case, tmp_path):
    page = fresh(case)
    load_file(page, write_case(case, tmp_path))
    assert page_result(page) == expected_result(case)


@pytest.mark.browser
def test_the_page_shows_the_quy_che_reason_on_the_members_row(fresh, tmp_path):
    case = CASES[0]
    page = fresh(case)
    load_file(page, write_case(case, tmp_path))
    row = page.locator("[data-testid=bx-member][data-row='3']")
    assert row.locator("td").nth(2).inner_text() == "Viên chức · Giảng viên"
    reason = row.locator("[data-testid=bx-layer-reason]").inner_text()
    assert reason.startswith(
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4: ")
    assert "Chiến sĩ thi đua cơ sở" not in row.locator("[data-testid=bx-titles]").inner_text()


@pytest.mark.browser
def test_the_english_page_gives_english_reasons(fresh, tmp_path):
    case = CASES[0]
    page = fresh(case, PAGE_EN)
    load_file(page, write_case(case, tmp_path))
    result = page_result(page)
    assert result == expected_result(case, "en")
    reasons = {m["name"]: m["layer_reasons"] for m in result["members"]}
    assert reasons["Bình"][0].startswith(
        "Under the Model Academy's Regulation on emulation and commendation (15/QĐ-HVM), "
        "Điều 5 khoản 4: a lecturer proposed")
    assert all("hồ sơ" not in m for r in reasons.values() for m in r)
    row = page.locator("[data-testid=bx-member][data-row='3'] [data-testid=bx-layer-reason]")
    assert row.inner_text().startswith("Under the Model Academy's Regulation")


@pytest.mark.browser
def test_the_exported_results_carry_the_layers_columns_in_words(fresh, tmp_path):
    case = CASES[0]
    page = fresh(case)
    load_file(page, write_case(case, tmp_path))
    text = page.evaluate("BX.docs.csv(BX.state.result)")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].endswith(",Nhóm cán bộ,Số bài báo khoa học công bố trong năm")
    by_name = {line.split(",")[1]: line for line in lines[1:]}
    assert by_name["Bình"].endswith(",Giảng viên,0") and by_name["Dũng"].endswith(",,")
    assert "giang_vien" not in text


def printed(page, kind: str, folder: Path) -> str:
    """The text of the page printed as document ``kind`` (A4 PDF read by pdftotext)."""
    page.evaluate(f"document.body.setAttribute('data-bx-print', '{kind}')")
    page.emulate_media(media="print")
    pdf = folder / f"{kind}.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    page.emulate_media(media="screen")
    page.evaluate("document.body.removeAttribute('data-bx-print')")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split())


@pytest.mark.browser
@pytest.mark.parametrize("url", [PAGE_VI, PAGE_EN], ids=["vi", "en"])
def test_the_printed_table_and_minutes_list_the_layers_reasons(fresh, tmp_path, url):
    """The layer's reasons (a title withheld, with its clause) are printed on their own,
    in Vietnamese like the rest of the document, also from the English page."""
    case = CASES[0]
    page = fresh(case, url)
    load_file(page, write_case(case, tmp_path))
    reason = (
        "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu (15/QĐ-HVM), Điều 5 khoản 4: "
        'giảng viên được đề nghị "Chiến sĩ thi đua cơ sở" phải có ít nhất một bài báo khoa học'
    )
    for kind, shown in (("table", "{name} (dòng {row}): "), ("minutes", "{name}: ")):
        text = printed(page, kind, tmp_path)
        assert "Danh hiệu chưa đề nghị theo quy chế riêng của đơn vị" in text, kind
        for name, row in (("Bình", 3), ("Cường", 4), ("Giang", 6)):
            assert shown.format(name=name, row=row) + reason in text, (kind, name)
        assert "An: Theo" not in text and "Dũng: Theo" not in text  # no reason of the layer
        assert "Under the" not in text and "hồ sơ chưa ghi số bài báo" in text
        if url == PAGE_VI:  # (the English page's review notes are still English there)
            assert program_words(text) == [], (kind, text)
    # The screen keeps the page's language.
    row = page.locator("[data-testid=bx-member][data-row='3'] [data-testid=bx-layer-reason]")
    assert row.inner_text().startswith("Under" if url == PAGE_EN else "Theo Quy chế")


@pytest.mark.browser
def test_printing_from_the_english_page_gives_a_vietnamese_paper(fresh, tmp_path):
    """The print buttons of the English page make the documents again with Vietnamese
    reasons (the review notes too), and the screen stays English."""
    case = CASES[0]
    page = fresh(case, PAGE_EN)
    load_file(page, write_case(case, tmp_path))
    page.evaluate("window.print = function () {}")  # no dialog in the test
    for kind in ("table", "minutes"):
        page.click(f"[data-testid=bx-print-{kind}]")
        assert page.evaluate("document.body.getAttribute('data-bx-print')") == kind
        page.emulate_media(media="print")
        pdf = tmp_path / f"en-{kind}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
        page.emulate_media(media="screen")
        text = " ".join(
            subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split()
        )
        assert "Theo Quy chế thi đua, khen thưởng của Học viện Mẫu" in text
        assert "Under the" not in text and " amends " not in text, kind
        assert program_words(text) == [], (kind, text)
    assert "Luật 06/2026/QH16 sửa đổi" in page.locator("[data-testid=bx-doc-table]").text_content()
    row = page.locator("[data-testid=bx-member][data-row='3'] [data-testid=bx-layer-reason]")
    assert row.inner_text().startswith("Under the Model Academy's Regulation")


@pytest.mark.browser
def test_without_a_layer_the_documents_have_no_layer_list(fresh, tmp_path):
    case = next(c for c in CASES if c["lop"] == "none")
    page = fresh(case)
    load_file(page, write_case(case, tmp_path))
    assert page.locator("[data-testid=bx-doc-layer-reasons]").count() == 0
    assert page.locator("[data-testid=bx-doc-layer-reason]").count() == 0
    assert "quy chế riêng" not in printed(page, "minutes", tmp_path)


@pytest.fixture(scope="module")
def layered_site(tmp_path_factory):
    """A real build of a copy whose thidua.yml names hoc-vien-mau (shared with the
    self-evaluation page's layer tests when they run in the same session)."""
    from evaluator_js.test_layer_parity import build_layered
    from thidua_testing import serve

    _project, site = build_layered(tmp_path_factory.mktemp("bx-layered"))
    with serve(site) as url:
        yield site, url


@pytest.mark.browser
@pytest.mark.build
def test_a_portal_built_with_the_layer_applies_it_on_the_council_page(
    page, guard, layered_site, tmp_path
):
    site, url = layered_site
    template = (site / "binh-xet" / "mau-danh-sach-binh-xet.csv").read_bytes()
    assert template.startswith(b"\xef\xbb\xbf")
    assert "Nhóm cán bộ" in template.decode("utf-8").splitlines()[0]
    page.goto(url + "/binh-xet/cong-cu/")
    page.wait_for_selector("#bx.bx-js [data-testid=bx-results]")
    assert "Nhóm cán bộ" in page.inner_text("[data-testid=bx-columns]")
    assert "Quy chế thi đua, khen thưởng của Học viện Mẫu" in page.inner_text(
        "[data-testid=bx-layer-columns]")
    case = CASES[0]
    load_file(page, write_case(case, tmp_path))
    assert page_result(page) == expected_result(case)
