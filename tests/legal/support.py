"""Helpers shared by the legal-sources tests (fixture documents, small pages)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def write(docs: Path, name: str, text: str) -> Path:
    """Write ``docs/<name>`` and return its path."""
    path = docs / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def document(so_hieu: str, body: str, **fields: str) -> str:
    """A minimal valid document page with ``body``; ``fields`` override front matter."""
    meta = {
        "so_hieu": so_hieu,
        "ten": "Văn bản kiểm thử",
        "loai_van_ban": "Nghị định",
        "co_quan_ban_hanh": "Chính phủ",
        "tinh_trang": "con_hieu_luc",
        **fields,
    }
    front = "\n".join(f"{key}: {value}" for key, value in meta.items())
    return f"---\n{front}\n---\n\n# Văn bản kiểm thử\n\n{body}"
