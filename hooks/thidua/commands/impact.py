"""``thidua impact BASE HEAD`` — what a change affects, as Markdown for a PR comment.

Git runs here (subprocess): the changed files (``git diff --name-status -M``) and both
revisions' ``docs/`` and ``data/`` extracted to temporary folders; the core
(``thidua.impact``) compares the two trees as plain data and the report is rendered
through ``impact/impact.md.j2``. Exit 0 with the report, 2 for a bad revision or a
folder that is not a git repository.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HELP = "Báo cáo ảnh hưởng của một thay đổi (Markdown cho bình luận pull request)"
TREES = ("docs", "data")


class GitError(Exception):
    """A git command failed (the message is for the editor)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", help="bản gốc, ví dụ origin/main")
    parser.add_argument("head", nargs="?", default="HEAD", help="bản thay đổi (mặc định HEAD)")
    parser.add_argument(
        "--root", type=Path, default=Path("."), help="thư mục kho git (mặc định: thư mục hiện tại)"
    )
    parser.add_argument("--out", type=Path, default=None, help="ghi báo cáo vào tệp này")


def _git(root: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(f"git {' '.join(args)}: {detail[-1] if detail else 'lỗi'}")
    return proc.stdout


def changed_files(root: Path, base: str, head: str) -> list:
    """The ``ChangedFile`` list of ``git diff --name-status -M base head``."""
    from thidua.impact import ChangedFile

    out = _git(root, "diff", "--name-status", "-M", "-z", base, head).decode("utf-8")
    fields = out.split("\0")
    files = []
    index = 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        if status[:1] in ("R", "C"):
            files.append(ChangedFile(status[:1], fields[index + 2], fields[index + 1]))
            index += 3
        else:
            files.append(ChangedFile(status[:1], fields[index + 1]))
            index += 2
    return files


def extract(root: Path, revision: str, dest: Path) -> None:
    """``docs/`` and ``data/`` of ``revision`` into ``dest``."""
    present = _git(root, "ls-tree", "--name-only", revision).decode("utf-8").split()
    paths = [name for name in TREES if name in present]
    dest.mkdir(parents=True, exist_ok=True)
    if not paths:
        return
    archive = _git(root, "archive", "--format=tar", revision, "--", *paths)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def render(report, base: str, head: str) -> str:
    """The Markdown report."""
    import jinja2

    folder = Path(__file__).resolve().parent.parent / "impact"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), keep_trailing_newline=True, autoescape=False
    )
    sections = [
        ("Tiêu chí", report.criteria, "Không có."),
        ("Lớp quy định của đơn vị", report.layers, "Không có (dự án chưa có lớp quy định riêng)."),
        ("Ca kiểm thử", report.cases, "Không có."),
        ("Trang danh sách kiểm tra", report.checklists, "Không có."),
        ("Tập huấn (chuyên đề, câu hỏi)", report.training, "Không có."),
        ("Trang khác dẫn chiếu điều khoản đã đổi", report.pages, "Không có."),
        ("Bản dịch cần xem lại", report.translations, "Không có."),
    ]
    text = env.get_template("impact.md.j2").render(
        impact=report, base=base, head=head, sections=sections
    )
    return text.rstrip("\n") + "\n"


def run(args: argparse.Namespace) -> int:
    from thidua.impact import impact

    try:
        root = Path(_git(args.root, "rev-parse", "--show-toplevel").decode().strip())
        for revision in (args.base, args.head):
            _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        changed = changed_files(root, args.base, args.head)
        with tempfile.TemporaryDirectory(prefix="thidua-impact-") as folder:
            base_dir, head_dir = Path(folder) / "base", Path(folder) / "head"
            extract(root, args.base, base_dir)
            extract(root, args.head, head_dir)
            report = impact(base_dir, head_dir, changed)
        text = render(report, args.base, args.head)
    except GitError as error:
        print(
            f"thidua impact: {error}; cần hai bản có trong kho git, ví dụ: "
            "thidua impact origin/main HEAD",
            file=sys.stderr,
        )
        return 2
    except Exception as error:  # noqa: BLE001 - the CLI boundary: never a traceback
        print(f"thidua impact: lỗi nội bộ: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
