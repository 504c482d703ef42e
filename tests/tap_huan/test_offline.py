"""The offline bundle (make offline) opened from file://: slides and quiz work."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_slides_and_quiz_from_file_url(file_page, offline_root):
    page = file_page
    target = offline_root / "tap-huan" / "luat-thi-dua-2022.html"
    if not target.exists():
        target = offline_root / "tap-huan" / "luat-thi-dua-2022" / "index.html"
    page.goto(target.as_uri())
    policy = page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "file:" in policy
    page.click(".tap-huan-present")
    page.wait_for_selector(".tap-huan-deck .reveal.ready")
    page.keyboard.press("ArrowRight")
    assert re.sub(r"\s+", "", page.inner_text(".slide-number")) == "2/8"
    page.keyboard.press("s")
    assert page.locator(".speaker-notes").is_visible()
    page.keyboard.press("Escape")
    question = page.locator(".tap-huan-q").nth(0)
    question.locator("label").nth(1).click()
    question.locator(".tap-huan-q__check").click()
    assert question.locator(".tap-huan-q__result").inner_text() == "Đúng."
