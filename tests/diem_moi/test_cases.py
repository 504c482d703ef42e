"""The lawyer-readable cases of ``cases.yaml`` against the core (no MkDocs).

- ``ghep_dieu``: pairing of articles (editor's mapping, then similarity);
- ``so_sanh_chu``: word-level differences as shown in the two columns;
- ``loi``: a bad ``so_sanh`` key stops with file, line and the problem.
"""

from __future__ import annotations

import pytest
from thidua.errors import ContentError
from thidua.legal.diem_moi import Article, build_comparisons, pair_articles
from thidua.legal.diff import marked, word_diff
from thidua.legal.registry import load_registry

from .support import CASES, docs_copy


def _articles(items: list[dict]) -> list[Article]:
    return [Article(str(i["dieu"]), i["ten"], (i["noi_dung"],), f"dieu-{i['dieu']}") for i in items]


def _mapping(written: dict | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for key, value in (written or {}).items():
        number = key.split()[-1]
        out[number] = None if value in (None, "mới") else value.split()[-1]
    return out


@pytest.mark.parametrize("case", CASES["ghep_dieu"], ids=lambda c: c["ten"])
def test_pairing(case):
    rows = pair_articles(
        _articles(case["van_ban_moi"]),
        _articles(case["van_ban_truoc"]),
        _mapping(case.get("anh_xa")),
    )
    found = []
    for row, expected in zip(rows, case["ket_qua"], strict=False):
        item = {"ket_qua": row.status}
        if row.new:
            item["moi"] = row.new.label
        if row.old:
            item["truoc"] = row.old.label
        if row.source:
            item["ghep"] = row.source
        if "do_giong" in expected:
            item["do_giong"] = row.similarity
        found.append(item)
    assert found == case["ket_qua"]
    assert len(rows) == len(case["ket_qua"])


@pytest.mark.parametrize("case", CASES["so_sanh_chu"], ids=lambda c: c["ten"])
def test_word_diff(case):
    result = word_diff(case["truoc"], case["moi"])
    assert marked(result.old) == case["hien_thi_truoc"]
    assert marked(result.new) == case["hien_thi_moi"]
    assert result.changed is case["co_thay_doi"]


@pytest.mark.parametrize("case", CASES["loi"], ids=lambda c: c["ten"])
def test_bad_key_names_file_line_and_problem(case, tmp_path):
    docs = docs_copy(tmp_path, case["so_sanh"])
    registry = load_registry(docs)
    with pytest.raises(ContentError) as caught:
        build_comparisons(registry, docs)
    assert caught.value.message.startswith(case["thong_bao"]), caught.value.message
