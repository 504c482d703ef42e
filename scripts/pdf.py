"""Print the annual guidance to PDF with headless chromium (``make pdf``).

Outside ``mkdocs build``: serves an already built site on 127.0.0.1 (free port),
opens the joined page "In toàn bộ hướng dẫn" (hooks/hook_in_toan_bo.py) in
Debian's /usr/bin/chromium through Playwright and prints it on A4 with page
numbers. Every host but loopback is unresolvable for the browser.

    python scripts/pdf.py --site site --out dist/huong-dan.pdf
"""

from __future__ import annotations

import argparse
import functools
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
PAGE = "huong-dan/in-toan-bo/"
ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
FOOTER = (
    '<div style="font-size:8pt;width:100%;text-align:center;color:#444">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        """No access log."""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 (free port) in a daemon thread; yield the root URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def page_path(site: Path, page: str = PAGE) -> str:
    """The served path of the joined page (directory URLs or the offline build's .html)."""
    if (site / page / "index.html").is_file():
        return page
    flat = page.rstrip("/") + ".html"
    if (site / flat).is_file():
        return flat
    raise SystemExit(f"{site}: no {page} — build the site first (make build)")


def print_pdf(site: Path, out: Path, page: str = PAGE, executable: str = CHROMIUM) -> Path:
    """Print ``page`` of the built ``site`` to ``out`` (A4); return ``out``."""
    from playwright.sync_api import sync_playwright

    if not Path(executable).is_file() and shutil.which(executable) is None:
        raise SystemExit(f"{executable} not found: run `make chromium`")
    path = page_path(site, page)
    out.parent.mkdir(parents=True, exist_ok=True)
    args = list(ARGS)
    if _is_root():
        args.append("--no-sandbox")
    with serve(site) as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=args)
        try:
            tab = browser.new_page()
            tab.goto(root + path, wait_until="load")
            tab.emulate_media(media="print")
            tab.pdf(
                path=str(out),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=FOOTER,
                margin={"top": "15mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
            )
        finally:
            browser.close()
    return out


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="built site folder")
    parser.add_argument("--out", type=Path, default=Path("dist/huong-dan.pdf"), help="PDF file")
    parser.add_argument("--page", default=PAGE, help="page to print (served path)")
    args = parser.parse_args(argv)
    out = print_pdf(args.site, args.out, args.page)
    print(f"{out}: {out.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
