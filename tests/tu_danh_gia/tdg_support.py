"""Helpers shared by the self-evaluation page's tests (a module with its own name, so
that it never collides with another folder's conftest.py): page addresses, the TEST-ONLY
fake evaluator (never shipped) and fixed test data served in place of the real files."""

from __future__ import annotations

import json
import re
from pathlib import Path

from thidua.contract.export import export_contract

HERE = Path(__file__).parent
PAGE_VI = "/tu-danh-gia/cong-cu/"
PAGE_EN = "/en/tu-danh-gia/cong-cu/"
FAKE_EVALUATOR = (HERE / "fake_evaluator.js").read_text(encoding="utf-8")
# A fixed citation map for rendering tests (the real one depends on the legal registry).
FAKE_LINKS = {
    "Luật 06/2022/QH15 Điều 24 khoản 1": {
        "url": "van-ban/luat-06-2022/#dieu-24-khoan-1",
        "unverified": False,
    },
    "Nghị định 90/2020/NĐ-CP Điều 12 khoản 1": {
        "url": "van-ban/nd-90-2020/#dieu-12-khoan-1",
        "unverified": False,
    },
    "Thông tư 01/2024/TT-BNV": {"url": "van-ban/tt-01-2024/", "unverified": True},
}
# The rules are fake, the contract is the real one: the form reads its fields, limits,
# codes and patterns from THIDUA_DATA.contract exactly as on the built page.
FAKE_DATA = (
    "window.THIDUA_DATA = "
    f"{json.dumps({'test_only': True, 'contract': export_contract()}, ensure_ascii=False)};\n"
    f"window.THIDUA_LEGAL_LINKS = {json.dumps(FAKE_LINKS, ensure_ascii=False)};\n"
)


def route_evaluator(page, *, present: bool = True, data: bool = True) -> None:
    """Serve the TEST-ONLY fake evaluator (or nothing) and, optionally, fixed test data."""

    def evaluator(route):
        if present:
            route.fulfill(status=200, content_type="text/javascript", body=FAKE_EVALUATOR)
        else:
            route.fulfill(status=404, content_type="text/plain", body="not found")

    page.route(re.compile(r".*/assets/js/tu-danh-gia/evaluator\.js$"), evaluator)
    if data:
        page.route(
            re.compile(r".*/assets/data/thidua-data\.js$"),
            lambda route: route.fulfill(status=200, content_type="text/javascript", body=FAKE_DATA),
        )


def serve_contract(page, base_url: str, contract: dict) -> None:
    """Open the Vietnamese page with ``contract`` as the published one (fake evaluator):
    what the page does with another contract than the project's."""
    route_evaluator(page, data=False)
    data = {"test_only": True, "contract": contract}
    body = (
        f"window.THIDUA_DATA = {json.dumps(data, ensure_ascii=False)};\n"
        f"window.THIDUA_LEGAL_LINKS = {json.dumps(FAKE_LINKS, ensure_ascii=False)};\n"
    )
    page.route(
        re.compile(r".*/assets/data/thidua-data\.js$"),
        lambda route: route.fulfill(status=200, content_type="text/javascript", body=body),
    )
    page.goto(base_url + PAGE_VI)
    page.wait_for_selector("#tdg.tdg--js", state="attached")
