"""Import an official legal text (Word, Markdown or plain text, OCR'd included).

Plain Python, no MkDocs: ``read_source(path)`` gives the text's lines,
``parse_text(lines, known)`` finds the header (số hiệu, loại, cơ quan, dates,
căn cứ) and the structure (Chương, Mục, Điều, khoản, điểm) and returns an
``ImportedText``; ``thidua import`` renders it through ``van-ban.md.j2``.
"""

from thidua.nhap_van_ban.model import Block, ImportedText, Problem
from thidua.nhap_van_ban.parse import parse_text
from thidua.nhap_van_ban.source import SourceError, read_source

__all__ = ["Block", "ImportedText", "Problem", "SourceError", "parse_text", "read_source"]
