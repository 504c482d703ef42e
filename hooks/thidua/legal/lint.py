"""Page checks the build cannot see by itself: anchors, unclosed markers, translations,
and mentions of an article that are not citations.

Every function returns ``ContentError`` objects (file, line, what was found, how to
fix it, in Vietnamese for editors); ``thidua check`` and the legal hook share them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from thidua.errors import ContentError
from thidua.legal.citations import MARKER, masked_spans
from thidua.legal.ref import SO_HIEU
from thidua.legal.registry import Document, Registry

_ATTR_ID = re.compile(r"\{:?[^{}\n]*?#(?P<id>[A-Za-z][\w:.-]*)[^{}\n]*\}")
_HTML_ID = re.compile(r"<[a-zA-Z][^<>\n]*?\sid=\"(?P<id>[^\"]+)\"")
# "Điều N", "khoản M Điều N", "điểm a khoản M Điều N" (each "của" allowed), not inside a
# word. Written to start with the set of characters a mention can begin with (the
# letters IGNORECASE matches to "đ" and "k", spelled out) so that the regex engine skips
# every other character in C; the lookbehinds then say which word began and that no
# word character comes before it. The same matches as the plain form
#   (?<![\w\[])(?P<mention>(?:điểm\s+[a-zđ]\s+(?:của\s+)?)?(?:khoản\s+\d+[a-z]?\s+
#   (?:của\s+)?)?Điều\s+(?P<dieu>\d+[a-z]?))(?![\w/])
# which was tried at every character of every page (tests/legal/test_check_speedups.py).
_MENTION = re.compile(
    r"(?P<mention>(?-i:[đĐkK\u212a])(?<![\w\[].)"
    r"(?:(?<=[đĐ])(?:iểm\s+[a-zđ]\s+(?:của\s+)?(?:khoản\s+\d+[a-z]?\s+(?:của\s+)?)?Điều|iều)"
    r"|(?<=[kK\u212a])hoản\s+\d+[a-z]?\s+(?:của\s+)?Điều)"
    r"\s+(?P<dieu>\d+[a-z]?))(?![\w/])",
    re.IGNORECASE,
)
_SO_HIEU = re.compile(rf"(?<![\w/-])(?P<so>{SO_HIEU})(?![\w/-])")
_UNIT_HEADING = re.compile(r"^#{1,6}\s+Điều\s+\d")
LOOKAHEAD = 90  # characters after a mention in which the document may be named


def line_of(text: str, position: int, offset: int = 0) -> int:
    """1-based file line of a character position of ``text`` (``offset`` lines before it)."""
    return text.count("\n", 0, position) + 1 + offset


def anchor_problems(
    body: str, file: str, offset: int = 0, document: Document | None = None
) -> list[ContentError]:
    """Ids written twice on a page, and ids that take a clause anchor of a document page."""
    masked = masked_spans(body)
    seen: dict[str, int] = {}
    problems: list[ContentError] = []
    units = document.structure.by_anchor if document is not None else {}
    lines = body.split("\n")
    for pattern in (_ATTR_ID, _HTML_ID):
        for match in pattern.finditer(body):
            if _inside(match.start(), masked):
                continue
            anchor, line = match["id"], line_of(body, match.start(), offset)
            first = seen.get(anchor)
            if first is not None and first != line:
                problems.append(
                    ContentError(
                        file,
                        line,
                        "mục neo",
                        f"'#{anchor}' đã có ở dòng {first}: hai chỗ cùng một mục neo, liên kết "
                        "chỉ tới được chỗ đầu",
                        f"đổi một trong hai thành một tên khác, ví dụ '#{anchor}-2'",
                    )
                )
                continue
            seen.setdefault(anchor, line)
            unit = units.get(anchor)
            if (
                unit is not None
                and unit.start != line - 1 - offset
                and unit.end != line - 1 - offset
            ):
                source = lines[line - 1 - offset] if 0 <= line - 1 - offset < len(lines) else ""
                if _UNIT_HEADING.match(source):
                    continue
                problems.append(
                    ContentError(
                        file,
                        line,
                        "mục neo",
                        f"'#{anchor}' trùng mục neo của {unit.label} (dòng "
                        f"{unit.start + 1 + offset}): dẫn chiếu tới {unit.label} sẽ nhảy sai chỗ",
                        "bỏ '{#…}' này hoặc đặt một tên không bắt đầu bằng 'dieu-', 'chuong-', "
                        "'muc-', 'phan-'",
                    )
                )
    return sorted(problems, key=lambda error: error.line or 0)


def unclosed_markers(body: str, file: str, offset: int = 0) -> list[ContentError]:
    """``[[`` without its ``]]`` on the same line (outside code and comments)."""
    if "[[" not in body:
        return []
    masked = masked_spans(body)
    closed = [match.span() for match in MARKER.finditer(body)]
    problems = []
    for match in re.finditer(r"\[\[", body):
        start = match.start()
        if _inside(start, masked) or _inside(start, closed):
            continue
        if any(s < start < e for s, e in closed):
            continue
        end = body.find("\n", start)
        shown = body[start : end if end >= 0 else len(body)][:60]
        problems.append(
            ContentError(
                file,
                line_of(body, start, offset),
                "dẫn chiếu",
                f"'{shown}' mở bằng '[[' mà không đóng bằng ']]' trên cùng dòng: "
                "trang sẽ hiện nguyên dấu ngoặc",
                "đóng dẫn chiếu: [[06/2022/QH15 Điều 24]]; muốn ghi nguyên văn thì đặt "
                "trong dấu ` `",
            )
        )
    return problems


def orphan_translations(docs_dir: Path, pages: Iterable[Path]) -> list[ContentError]:
    """English pages (``x.en.md``) whose Vietnamese source (``x.md``) does not exist."""
    problems = []
    for path in pages:
        if not path.name.endswith(".en.md"):
            continue
        source = path.with_name(path.name[: -len(".en.md")] + ".md")
        if not source.exists():
            relative = path.relative_to(docs_dir).as_posix()
            problems.append(
                ContentError(
                    f"{docs_dir.name}/{relative}",
                    1,
                    "bản dịch",
                    f"trang tiếng Anh không có trang tiếng Việt gốc "
                    f"({docs_dir.name}/{source.relative_to(docs_dir).as_posix()})",
                    "viết trang tiếng Việt trước (trang tiếng Anh là bản dịch của nó), "
                    "hoặc đổi tên cho khớp trang gốc",
                )
            )
    return problems


def bare_mentions(
    body: str,
    file: str,
    registry: Registry,
    offset: int = 0,
    document: Document | None = None,
) -> list[ContentError]:
    """ "Điều N" (with khoản, điểm) written as plain text where a citation belongs.

    On a document page only mentions that name another document count (the others
    are the text's own cross-references); an official text (``van_ban_chinh_thuc``)
    is exempt: its words are the law's.
    """
    if document is not None and document.meta.van_ban_chinh_thuc:
        return []
    matches = list(_MENTION.finditer(body))
    if not matches:
        return []
    masked = masked_spans(body) + [m.span() for m in MARKER.finditer(body)]
    names = _names(registry)
    problems = []
    for index, match in enumerate(matches):
        start = match.start()
        if _inside(start, masked):
            continue
        line_start = body.rfind("\n", 0, start) + 1
        line_end = body.find("\n", start)
        line_text = body[line_start : line_end if line_end >= 0 else None]
        if _UNIT_HEADING.match(line_text) and document is not None:
            continue
        stop = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        window = body[match.end() : min(stop, match.end() + LOOKAHEAD)]
        named = names.named(window)
        if document is not None and (named is None or named.so_hieu == document.so_hieu):
            continue
        mention = " ".join(match["mention"].split())
        if named is not None:
            suggestion = f"[[{named.so_hieu} {_ordered(mention)}]]"
            found = f"'{mention}' của {named.name} viết thành chữ thường, không phải dẫn chiếu"
        else:
            suggestion = f"[[<số hiệu> {_ordered(mention)}]]"
            found = f"'{mention}' viết thành chữ thường, không phải dẫn chiếu"
        problems.append(
            ContentError(
                file,
                line_of(body, start, offset),
                "nhắc điều khoản",
                found,
                f"viết {suggestion} để người đọc bấm tới đúng điều khoản",
            )
        )
    return problems


_LEAD = re.compile(
    r"^[\s,(]*(?:của\s+)?(?:(?:Bộ luật|Luật|Nghị định|Thông tư|Quyết định|Quy định|Hướng dẫn|"
    r"Nghị quyết|Quy chế|NĐ|TT|QĐ)\.?\s+(?:số\s+)?)?",
    re.IGNORECASE,
)


class _Names:
    """How a page may name each document of ``registry`` after a mention (number prefixes,
    lower-case titles), worked out once per register rather than once per mention."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.shorts = []
        for document in registry.documents:
            short = "/".join(document.so_hieu.split("/")[:2])
            if "/" in short:
                self.shorts.append((re.compile(rf"{re.escape(short)}(?![\d/])"), document))
        self.titles = [(d.ten.lower(), d) for d in registry.documents if d.ten]

    def named(self, window: str) -> Document | None:
        """The document named right after a mention ("Điều 3 Nghị định 90/2020/NĐ-CP")."""
        lead = _LEAD.match(window)
        kind_end = lead.end() if lead else 0
        rest = window[kind_end:]
        match = _SO_HIEU.match(rest)
        if match:
            return self.registry.document(match["so"])
        for short, document in self.shorts:
            if short.match(rest):
                return document  # "Nghị định 90/2020"
        # A title: "Điều 58 Luật Cán bộ, công chức" (the kind word is part of the title).
        lowered = window[(lead.start() if lead else 0) :].lstrip(" ,(").lower()
        lowered = re.sub(r"^của\s+", "", lowered)
        named = [d for title, d in self.titles if lowered.startswith(title)]
        in_force = [d for d in named if d.in_force]
        chosen = in_force or named
        return chosen[0] if len(chosen) == 1 else None


# One per register (a build pass makes one; its documents never change afterwards).
_names = functools.lru_cache(maxsize=8)(_Names)


def _ordered(mention: str) -> str:
    """ "khoản 1 Điều 24" → "Điều 24 khoản 1" (the citation order of the examples)."""
    parts = re.findall(r"(điểm|khoản|Điều)\s+(\S+)", mention, re.IGNORECASE)
    order = {"điều": 0, "khoản": 1, "điểm": 2}
    parts.sort(key=lambda part: order[part[0].lower()])
    return " ".join(f"{'Điều' if w.lower() == 'điều' else w.lower()} {v}" for w, v in parts)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)
