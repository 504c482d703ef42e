"""Plain-Python parts of issue 8: folding, index augmentation, offline CSP, joining, git dates."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata

import hook_in_toan_bo as joined
import hook_translation_age as age
import pytest
from thidua_mkdocs import csp
from thidua_mkdocs.search import index, offline

from .conftest import ROOT, load_script

INDEX = {
    "config": {"separator": r"[\s\-]+", "fields": {"title": {"boost": 1000.0}}},
    "docs": [
        {"location": "van-ban/nd-98-2023/", "title": "Nghị định 98/2023/NĐ-CP", "text": "<p>x</p>"},
        {"location": "en/", "title": "Home", "text": "<p>Plain English</p>"},
        {"location": "huong-dan/", "title": "Thi đua", "text": "<p>khen thưởng &amp; đua</p>"},
    ],
}


def fresh() -> dict:
    return json.loads(json.dumps(INDEX))


def test_folded_words_keep_only_words_with_diacritics():
    assert index.folded_words("<p>Thi đua, khen thưởng 2024</p>") == "dua, thuong"
    nfd = unicodedata.normalize("NFD", "Điều 24 khoản 1")
    assert index.folded_words(nfd) == "Dieu khoan"


def test_augment_adds_fields_boosts_and_document_numbers():
    result = index.augment(fresh(), {"van-ban/nd-98-2023/": "98/2023/NĐ-CP"})
    fields = result["config"]["fields"]
    assert fields["title_fold"] == {"boost": 1000.0}
    assert fields["so_hieu"]["boost"] > fields["title"]["boost"]
    doc, english, guide = result["docs"]
    assert doc["so_hieu"] == "98/2023/ND-CP 98/2023 ND 98/2023 ND-CP"
    assert "title_fold" not in english and "text_fold" not in english  # nothing to fold
    assert guide["title_fold"] == "dua" and guide["text_fold"] == "thuong dua"


def test_augment_is_idempotent_and_writes_utf8():
    once = index.augment_text(json.dumps(INDEX), {"van-ban/nd-98-2023/": "98/2023/NĐ-CP"})
    twice = index.augment_text(once, {"van-ban/nd-98-2023/": "98/2023/NĐ-CP"})
    assert once == twice
    assert "Nghị định" in once and "\\u" not in once


def test_the_built_index_has_the_folded_fields(built_site):
    data = json.loads((built_site.site / "search/search_index.json").read_text(encoding="utf-8"))
    assert {"title_fold", "text_fold", "so_hieu"} <= set(data["config"]["fields"])
    own = [d for d in data["docs"] if d["location"] == "van-ban/nd-98-2023/"]
    assert own and "98/2023" in own[0]["so_hieu"].split()
    assert any(d["location"].startswith("en/") for d in data["docs"]), "one index, two languages"
    # The hook's size line is an INFO status line: the console filter (hook_preview)
    # keeps only what an editor acts on, so it is not asserted in the log any more.
    teasers = {d["location"] for d in data["docs"] if "teaser" in d}
    assert "tieu-chi/danh-sach/chien-si-thi-dua-co-so/" in teasers
    boosted = {d["location"] for d in data["docs"] if d.get("boost")}
    assert "bien-tap/" in boosted and "van-ban/diem-moi/nd-98-2023/" in boosted


def test_iframe_worker_script_is_the_one_the_vendored_shim_writes():
    shim = (ROOT / "overrides/assets/vendor/iframe-worker/shim.js").read_text(encoding="utf-8")
    assert offline.POST_MESSAGE in shim and offline.IMPORT_SCRIPTS in shim
    # The template the shim writes, with its ${…} holes filled like the shim does.
    template = re.search(r"<script>(postMessage=.*?)<\\/script>", shim)[1]
    expected = (
        template.replace("${c}", offline.POST_MESSAGE)
        .replace("${d}", offline.IMPORT_SCRIPTS)
        .replace("${e}", "../w/search.js")
    )
    assert offline.iframe_worker_script("../w/search.js") == expected
    assert (
        (ROOT / "overrides/assets/vendor/iframe-worker/LICENSE").read_text().startswith("Copyright")
    )


def test_offline_policy_allows_file_and_hashes_the_iframe_script():
    page = (
        '<html><head><meta charset="utf-8"></head><body>'
        '<script id="__config" type="application/json">{"search": "../w/search.js"}</script>'
        "<script>inline()</script></body></html>"
    )
    online = csp.policy_for(page)
    assert "file:" not in online
    extra = offline.inline_scripts(page)
    policy = csp.policy_for(page, offline=True, extra_scripts=extra)
    assert "script-src 'self' file: " in policy and "style-src 'self' file: " in policy
    assert csp.script_hash(extra[0]) in policy and csp.script_hash("inline()") in policy
    assert "default-src 'none'" in policy and "unsafe-eval" not in policy


def test_offline_config_is_in_sync_with_mkdocs_yml():
    script = load_script("offline")
    assert script.is_current(), "run: python scripts/offline.py --sync"
    text = script.OFFLINE.read_text(encoding="utf-8")
    plugins = re.findall(r"^  - (\w+)", text[text.index("plugins:") :], re.MULTILINE)
    assert plugins.index("offline") == plugins.index("i18n") + 1
    assert "unpkg" not in text.split("plugins:")[0].replace("unpkg.com/iframe-worker/shim:", "")


def test_section_pages_follow_the_nav_and_skip_the_joined_page():
    nav = [
        "index.md",
        {
            "Hướng dẫn": [
                "huong-dan/index.md",
                {"B": "huong-dan/b.md"},
                {"P": "huong-dan/in-toan-bo.md"},
            ]
        },
    ]
    assert joined.section_pages(nav, "huong-dan/") == ["huong-dan/index.md", "huong-dan/b.md"]


def test_prefix_ids_and_rebase_links_for_directory_and_flat_urls():
    html = '<h2 id="a">A</h2><a href="#a">x</a><span aria-describedby="n1 n2"></span>'
    assert joined.prefix_ids(html, "p2-") == (
        '<h2 id="p2-a">A</h2><a href="#p2-a">x</a><span aria-describedby="p2-n1 p2-n2"></span>'
    )
    anchors = {"huong-dan/": "p1-", "huong-dan/b/": "p2-"}
    link = '<a href="../tieu-chi/#x"><img src="../../assets/i.svg"><a href="b/">'
    assert joined.rebase_links(link, "huong-dan/", "huong-dan/in-toan-bo/", anchors) == (
        '<a href="../../tieu-chi/#x"><img src="../../../assets/i.svg"><a href="#p2">'
    )
    flat = {"huong-dan/index.html": "p1-", "huong-dan/b.html": "p2-"}
    assert (
        joined.rebase_links(
            '<a href="b.html#k"><a href="../tieu-chi/index.html">',
            "huong-dan/index.html",
            "huong-dan/in-toan-bo.html",
            flat,
        )
        == '<a href="#p2-k"><a href="../tieu-chi/index.html">'
    )


def test_git_dates_in_one_pass_and_silent_outside_git(tmp_path):
    assert age.git_dates(tmp_path) == {}
    docs = tmp_path / "repo" / "docs"
    docs.mkdir(parents=True)

    def git(*args: str, when: int) -> None:
        env = {
            "GIT_AUTHOR_DATE": f"@{when} +0000",
            "GIT_COMMITTER_DATE": f"@{when} +0000",
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "GIT_CONFIG_GLOBAL": "/dev/null",
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        cmd = ["git", "-c", "commit.gpgsign=false", *args]
        subprocess.run(cmd, cwd=docs.parent, env=env, check=True, capture_output=True)

    git("init", "-q", when=0)
    (docs / "a.md").write_text("vi")
    (docs / "a.en.md").write_text("en")
    git("add", ".", when=1_700_000_000)
    git("commit", "-qm", "one", when=1_700_000_000)
    (docs / "a.md").write_text("vi, changed")
    git("commit", "-qam", "two", when=1_700_000_100)
    age._dates.clear()
    assert age.git_dates(docs) == {"a.md": 1_700_000_100, "a.en.md": 1_700_000_000}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_translation_age_notice_follows_git_dates(built_site, lang):
    """English pages older than their Vietnamese source say so; Vietnamese pages never."""
    age._dates.clear()
    dates = age.git_dates(ROOT / "docs")
    built = (built_site.site / "index.html").stat().st_mtime
    checked = 0
    for source in sorted((ROOT / "docs").rglob("*.en.md")):
        rel = source.relative_to(ROOT / "docs").as_posix()
        original = rel[: -len(".en.md")] + ".md"
        out = rel[: -len(".en.md")]
        out = out[: -len("index")] if out.endswith("index") else out + "/"
        page = built_site.site / ("en/" if lang == "en" else "") / out / "index.html"
        if not page.is_file():
            continue
        if max(dates.get(original, 0), dates.get(rel, 0)) > built:
            continue  # committed while the tests ran (other work on the repository)
        html = page.read_text(encoding="utf-8")
        stale = lang == "en" and dates.get(original, 0) > dates.get(rel, 0) > 0
        assert ("Bản dịch có thể đã cũ" in html) is stale, page
        checked += 1
    assert checked >= 5
