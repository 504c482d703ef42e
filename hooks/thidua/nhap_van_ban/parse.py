"""Find the header and the structure of an official text in its (noisy) lines."""

from __future__ import annotations

import re

from thidua.legal.ref import DIEM_LETTERS
from thidua.legal.structure import roman_value
from thidua.nhap_van_ban.clean import clean, is_upper, sentence_case
from thidua.nhap_van_ban.header import KnownDocument, in_force_date, passage_date, read_header
from thidua.nhap_van_ban.model import Block, ImportedText, Problem

_CHUONG = re.compile(
    r"^Ch\s*ư\s*ơ\s*n\s*g\s+(?P<num>[IVXLC]+|\d+)\b\s*[.:]?\s*(?P<title>.*)$", re.IGNORECASE
)
_MUC = re.compile(r"^M\s*ụ\s*c\s+(?P<num>\d+)\s*[.:]?\s*(?P<title>.*)$", re.IGNORECASE)
_DIEU = re.compile(
    r"^Đ\s*i\s*ề\s*u\s+(?P<num>\d+[a-z]?)\s*(?:[.:]\s*(?P<title>.*))?$", re.IGNORECASE
)
_KHOAN = re.compile(r"^(?P<num>\d{1,3}[a-z]?)\s*\.(?!\d)\s*(?P<text>\S.*)$")
_DIEM = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<text>\S.*)$")
_CLOSING = re.compile(
    r"^(Nơi nhận|TM\.|T/M|KT\.|Q\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|THỦ TƯỚNG|BỘ TRƯỞNG|TỔNG BÍ THƯ|"
    r"(?:Luật|Bộ luật|Nghị quyết) này (?:đã )?được Quốc hội)"
)
_RECIPIENT = re.compile(r"^(Nơi nhận|[-+•] |Lưu\s*:)")
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+)(?: [A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4}$")
_END_PUNCTUATION = tuple('.;:!?…"”)')


def parse_text(lines: list[str], known: list[KnownDocument] | None = None) -> ImportedText:
    """The header, units, closing lines and problems of an official text."""
    result = ImportedText()
    cleaned = [(number, clean(line)) for number, line in enumerate(lines, start=1)]
    cleaned = [(number, text) for number, text in cleaned if text]
    first = next(
        (i for i, (_, text) in enumerate(cleaned) if _DIEU.match(text) or _CHUONG.match(text)),
        len(cleaned),
    )
    read_header(cleaned[:first], result, known or [])
    _Body(result).read(cleaned[first:])
    texts = [(b.line, b.text) for b in result.blocks] + [(0, t) for t in result.closing]
    in_force_date(texts, result)
    passage_date(result.closing, result)
    return result


class _Body:
    """A small state machine over the cleaned lines from the first unit on."""

    def __init__(self, result: ImportedText) -> None:
        self.result = result
        self.dieu: str | None = None
        self.khoan: str | None = None
        self.diem: str | None = None
        self.last_chuong = 0
        self.last_muc = 0
        self.last_dieu = 0
        self.title_for: Block | None = None  # a Chương/Mục whose title is on the next line
        self.closing = False

    def problem(self, number: int, text: str, reason: str) -> None:
        self.result.problems.append(Problem(number, text, reason))

    def add(self, block: Block) -> None:
        self.result.blocks.append(block)

    def read(self, lines: list[tuple[int, str]]) -> None:
        for number, text in lines:
            if self.closing or (self.dieu and _CLOSING.match(text)):
                self.closing_line(number, text)
            elif not self.unit(number, text):
                self.text(number, text)

    def unit(self, number: int, text: str) -> bool:
        """Handle a Chương, Mục, Điều, khoản or điểm line; False for other text."""
        match = _CHUONG.match(text)
        if match and (not match["title"] or is_upper(match["title"]) or "." in text[:12]):
            return self.chuong(number, match["num"].upper(), match["title"])
        match = _MUC.match(text)
        if match and (not match["title"] or is_upper(match["title"])):
            value = int(match["num"])
            if value <= self.last_muc:
                return False
            self.last_muc = value
            block = Block("muc", number=str(value), title=_title(match["title"]), line=number)
            self.heading(block)
            return True
        match = _DIEU.match(text)
        if match:
            return self.article(number, match["num"], match["title"] or "")
        if self.dieu is None:
            return False
        match = _KHOAN.match(text)
        if match:
            return self.clause(number, match["num"], match["text"])
        match = _DIEM.match(text)
        if match:
            return self.point(number, match["num"], match["text"])
        return False

    def chuong(self, number: int, value: str, title: str) -> bool:
        numeric = roman_value(value) if not value.isdigit() else int(value)
        if numeric <= self.last_chuong:
            self.problem(number, f"Chương {value}", "chương đánh số lùi hoặc lặp lại")
            return True
        self.last_chuong = numeric
        self.last_muc = 0
        self.heading(Block("chuong", number=value, title=_title(title), line=number))
        return True

    def heading(self, block: Block) -> None:
        self.add(block)
        self.dieu = self.khoan = self.diem = None
        self.title_for = None if block.title else block

    def article(self, number: int, value: str, title: str) -> bool:
        digits = int(re.match(r"\d+", value)[0])
        if digits <= self.last_dieu and value.isdigit():
            self.problem(
                number,
                f"Điều {value}",
                f"Điều {value} sau Điều {self.last_dieu}: số điều "
                "phải tăng dần; dòng này được giữ như chữ thường",
            )
            self.add(Block("loose", text=f"Điều {value}. {title}".strip(". "), line=number))
            return True
        if digits > self.last_dieu + 1 and value.isdigit():
            self.problem(
                number,
                f"Điều {value}",
                f"thiếu Điều {self.last_dieu + 1}: "
                "kiểm tra bản gốc (trang bị mất hay chữ số đọc sai)",
            )
        self.last_dieu = digits
        self.dieu, self.khoan, self.diem = value, None, None
        self.title_for = None
        self.add(Block("dieu", number=value, title=title.strip(), line=number))
        return True

    def clause(self, number: int, value: str, text: str) -> bool:
        expected = int(self.khoan) + 1 if self.khoan else 1
        found = int(re.match(r"\d+", value)[0])
        if found != expected:
            if self.previous_open():
                return False  # "… năm\n2022. …": the end of a broken sentence
            self.problem(
                number,
                f"{value}. {text}",
                f"khoản {value} trong Điều {self.dieu} không theo thứ tự (chờ khoản "
                f"{expected}); giữ như chữ thường, không có mục neo: kiểm tra bản gốc",
            )
            self.add(Block("loose", text=f"{value}. {text}", line=number))
            return True
        self.khoan, self.diem = str(found), None
        self.add(Block("khoan", number=str(found), text=text, line=number))
        return True

    def point(self, number: int, letter: str, text: str) -> bool:
        if self.khoan is None:
            self.problem(
                number,
                f"{letter}) {text}",
                f"điểm {letter}) trong Điều {self.dieu} không thuộc khoản nào; giữ như chữ thường",
            )
            self.add(Block("loose", text=f"{letter}) {text}", line=number))
            return True
        position = DIEM_LETTERS.index(self.diem) + 1 if self.diem else 0
        if letter == "d" and self.diem == "d":
            letter = "đ"  # OCR reads "đ)" as "d)"
        found = DIEM_LETTERS.find(letter)
        if found != position:
            expected = DIEM_LETTERS[position] if position < len(DIEM_LETTERS) else "?"
            self.problem(
                number,
                f"{letter}) {text}",
                f"điểm {letter} trong khoản {self.khoan} Điều {self.dieu} không theo thứ tự "
                f"(chờ điểm {expected}); giữ như chữ thường, không có mục neo: kiểm tra bản gốc",
            )
            self.add(Block("loose", text=f"{letter}) {text}", line=number))
            return True
        self.diem = letter
        self.add(Block("diem", number=letter, text=text, line=number))
        return True

    def previous_open(self) -> bool:
        blocks = self.result.blocks
        return bool(blocks) and bool(blocks[-1].text) and not _ends(blocks[-1].text)

    def text(self, number: int, text: str) -> None:
        """A line that is no unit: a title, the rest of a broken line, or a paragraph."""
        blocks = self.result.blocks
        if self.title_for is not None and is_upper(text):
            self.title_for.title = _join(self.title_for.title, _title(text))
            return
        last = blocks[-1] if blocks else None
        if last is not None and last.kind == "dieu" and not last.title:
            last.title = text
            return
        if (
            last is not None
            and last.kind == "dieu"
            and not _ends(last.title)
            and text[:1].islower()
        ):
            last.title = _join(last.title, text)  # a title broken over two lines
            return
        if last is not None and last.text and not _ends(last.text):
            last.text = _join(last.text, text)
            return
        if self.dieu is None:
            self.problem(
                number, text, "chữ nằm ngoài mọi điều (sau tên chương, mục); giữ như một đoạn"
            )
        self.add(Block("para", text=text, line=number))

    def closing_line(self, number: int, text: str) -> None:
        self.closing = True
        if _RECIPIENT.match(text):
            return
        if _NAME.match(text):
            self.result.nguoi_ky = text
            return
        self.result.closing.append(text)


def _ends(text: str) -> bool:
    return text.rstrip().endswith(_END_PUNCTUATION)


def _join(first: str, second: str) -> str:
    return f"{first} {second}".strip()


def _title(text: str) -> str:
    """A chapter title in capitals → sentence case."""
    text = text.strip(" .:")
    return sentence_case(text, capital=True) if is_upper(text) else text
