"""Read the lines of an official text from a .docx, .md or .txt file."""

from __future__ import annotations

import unicodedata
from pathlib import Path

SUFFIXES = (".docx", ".md", ".txt")


class SourceError(Exception):
    """A source that cannot be read (the message is for the editor)."""


def read_source(path: Path) -> list[str]:
    """The text's lines (a Word paragraph is a line), NFC-normalised."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SourceError(
            f"{path}: tệp '{suffix or path.name}' không đọc được; được phép: {', '.join(SUFFIXES)}"
        )
    if not path.is_file():
        raise SourceError(f"{path}: không có tệp này")
    if suffix == ".docx":
        lines = _docx_lines(path)
    else:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise SourceError(
                f"{path}: byte {error.start}: không phải chữ UTF-8; lưu lại tệp với bảng mã UTF-8"
            ) from None
        lines = text.splitlines()
    return [unicodedata.normalize("NFC", line) for line in lines]


def _docx_lines(path: Path) -> list[str]:
    import docx  # python-docx; imported here so other commands stay fast
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise SourceError(f"{path}: không phải tệp Word (.docx) đọc được ({error})") from None
    except Exception as error:  # noqa: BLE001 - a corrupt zip, bad XML: the editor's file
        raise SourceError(f"{path}: tệp Word bị hỏng ({type(error).__name__})") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    # Paragraphs and tables in document order (the header is often a table:
    # cơ quan | quốc hiệu, số | ngày).
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            # A soft line break inside a paragraph is a broken line of the same paragraph.
            lines.extend(Paragraph(child, document).text.split("\n"))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                for cell in row.cells:
                    lines.extend(cell.text.split("\n"))
    return lines
