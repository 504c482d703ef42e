"""No program word reaches a user of the self-evaluation tool (issue 12 item 4).

Every case of ``data/cases/`` (each run of it: the default and its ``expected_if_flags``),
refused ones too (collective and unit profiles, fields of a local layer the site does not
apply), is imported through the page's own "Nhập dữ liệu" file input into the real page
(the build's evaluator.js and data), in both languages. Then every collapsed section is
opened, the form is printed ("In phiếu", with window.print stubbed) and the whole page's
visible text is read on screen and with print media: no rule or criterion id, code, field
or flag name, or Python/JS value text (internal_words.py) may be in it.

One browser page per language serves every case: between cases the page's own
"Xóa dữ liệu" (clear) resets the answers, so a refused import shows an empty form.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from internal_words import leaks
from tdg_support import PAGE_EN, PAGE_VI
from thidua.evaluator.cases import load_cases

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"vi": PAGE_VI, "en": PAGE_EN}

def _runs():
    cases, errors = load_cases(ROOT)
    assert not errors, errors
    for case in cases:
        stem = Path(case.file).stem.split("-", 1)[0]
        for flags, _expected in case.variants():
            name = f"{stem}-{case.id}" + ("-flags" if flags else "")
            profile = case.profile(flags)
            yield pytest.param(name, profile, id=name)


RUNS = list(_runs())


class Tool:
    """The page of one language, kept open for every case, with what went wrong in it."""

    def __init__(self, page, lang: str) -> None:
        self.page = page
        self.lang = lang
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(f"JS error: {error}"))
        page.on(
            "console",
            lambda m: self.errors.append(f"console: {m.text}")
            if m.type == "error" and "sitemap.xml" not in m.text
            else None,
        )

    def scan(self, name: str, profile: dict) -> dict[str, str]:
        """Import ``profile`` as a file, open everything, print; the page's text per medium."""
        page = self.page
        text = json.dumps(profile, ensure_ascii=False, default=str)
        screen = page.evaluate(_IMPORT_OPEN_PRINT, {"name": f"{name}.json", "text": text})
        page.emulate_media(media="print")
        try:
            printed = page.evaluate("document.body.innerText")
        finally:
            page.emulate_media(media="screen")
        return {"screen": screen, "print": printed}


# In one call (the browser is the slow part): the page's own clear (button, then "yes");
# the file given to the "Nhập dữ liệu" input as a user's choice would be (its change
# event, then io.js reads it with FileReader); once the page said something about it,
# every collapsed section opened, the clear confirmation shown, "In phiếu" clicked
# (window.print stubbed); the screen's text.
_IMPORT_OPEN_PRINT = """async ({name, text}) => {
  const message = document.getElementById('tdg-io-message');
  document.getElementById('tdg-clear').click();
  document.getElementById('tdg-clear-yes').click();
  const cleared = message.textContent;
  const input = document.getElementById('tdg-import');
  const files = new DataTransfer();
  files.items.add(new File([text], name, {type: 'application/json'}));
  input.files = files.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  for (let i = 0; message.textContent === cleared; i++) {
    if (i > 500) { throw new Error('the import said nothing'); }
    await new Promise((done) => setTimeout(done, 10));
  }
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  document.getElementById('tdg-clear').click();
  window.print = () => {};
  document.getElementById('tdg-print-button').click();
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
  const screen = document.body.innerText;
  document.getElementById('tdg-clear-no').click();
  return screen;
}"""


@pytest.fixture(scope="module")
def tool(request, browser, site_url):
    """The page of ``request.param``'s language (indirect parameter of the test)."""
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(site_url + PAGES[request.param])
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#tdg.tdg--js", state="attached")
    assert page.evaluate("!!(window.ThiduaEvaluator && window.THIDUA_DATA)"), "real evaluator"
    yield Tool(page, request.param)
    context.close()


# One page per language (a module-scoped fixture with two parameters: pytest runs every
# case of one language, then of the other), every case run on it.
@pytest.mark.parametrize("tool", list(PAGES), indirect=True)
@pytest.mark.parametrize(("name", "profile"), RUNS)
def test_no_program_word_on_screen_or_in_print(tool, name, profile):
    texts = tool.scan(name, profile)
    found = [f"{where}: {leak}" for where, text in texts.items() for leak in leaks(text, tool.lang)]
    errors, tool.errors[:] = list(tool.errors), []
    assert not errors, errors
    assert not found, "\n".join(found)
