"""Quizzes: ``<module>.cau-hoi.yaml`` (``<module>.cau-hoi.en.yaml``) beside a module.

```yaml
cau_hoi:
  - loai: mot_lua_chon        # or nhieu_lua_chon, dung_sai
    hoi: Câu hỏi …
    lua_chon: {a: …, b: …}    # not for dung_sai (its options are dung / sai)
    dap_an: a                 # a list for nhieu_lua_chon; dung or sai for dung_sai
    giai_thich: {a: …, b: …}  # one explanation per option
    can_cu: ["06/2022/QH15 Điều 24 khoản 1"]
```

Every problem is a ``ContentError`` naming the YAML file and line; the file is read by
``thidua.spec.read`` and the first problem of each question is reported, all at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.spec import read
from thidua.yaml_lines import LineDict, display_path, line_of

KINDS = ("mot_lua_chon", "nhieu_lua_chon", "dung_sai")
TRUE_FALSE = ("dung", "sai")
TRUE_FALSE_WORDS = {"vi": ("Đúng", "Sai"), "en": ("True", "False")}
SUFFIX = "cau-hoi"


@dataclass
class Item:
    """One question."""

    number: int
    kind: str
    question: str
    options: list[tuple[str, str]]  # (key, text)
    answer: list[str]
    explanations: dict[str, str]
    basis: list[str]
    line: int
    stale: list = field(default_factory=list)  # Reason objects (thidua.tap_huan.stale)
    clauses: list = field(default_factory=list)  # resolved Clause objects


@dataclass
class Quiz:
    """The questions of one module in one language."""

    file: str
    items: list[Item]


def quiz_path(module_path: Path) -> Path:
    """``x.md`` → ``x.cau-hoi.yaml``; ``x.en.md`` → ``x.cau-hoi.en.yaml``."""
    stem = module_path.name.split(".")[0]
    lang = ".en" if module_path.name.endswith(".en.md") else ""
    return module_path.with_name(f"{stem}.{SUFFIX}{lang}.yaml")


def _text(item: LineDict, key: str, file: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        found = "missing" if value is None else repr(value)
        raise ContentError(file, line_of(item, key), key, found, "a non-empty text")
    return value.strip()


def _item(item: object, number: int, line: int, file: str, lang: str) -> Item:
    if not isinstance(item, LineDict):
        raise ContentError(file, line, "cau_hoi", repr(item), "a mapping with loai, hoi, dap_an…")
    kind = item.get("loai")
    if kind not in KINDS:
        raise ContentError(file, line_of(item, "loai"), "loai", repr(kind), ", ".join(KINDS))
    question = _text(item, "hoi", file)
    if kind == "dung_sai":
        options = list(zip(TRUE_FALSE, TRUE_FALSE_WORDS[lang], strict=True))
        if "lua_chon" in item:
            raise ContentError(
                file,
                line_of(item, "lua_chon"),
                "lua_chon",
                "options on a dung_sai question",
                "no lua_chon: the options are dung and sai",
            )
    else:
        raw = item.get("lua_chon")
        if not isinstance(raw, dict) or len(raw) < 2:
            raise ContentError(
                file,
                line_of(item, "lua_chon"),
                "lua_chon",
                repr(raw),
                "at least two options: {a: text, b: text}",
            )
        options = []
        for key, text in raw.items():
            if not isinstance(text, str) or not text.strip():
                raise ContentError(
                    file, line_of(raw, key), f"lua_chon.{key}", repr(text), "a non-empty text"
                )
            options.append((str(key), text.strip()))
    keys = [key for key, _ in options]
    answer = item.get("dap_an")
    if isinstance(answer, (str, int, bool)):
        answer = [answer]
    if not answer or not isinstance(answer, list):
        raise ContentError(
            file,
            line_of(item, "dap_an") or item.line,
            "dap_an",
            "no correct answer",
            "the key of the correct option: " + ", ".join(keys),
        )
    answer = [str(a) for a in answer]
    for key in answer:
        if key not in keys:
            raise ContentError(
                file,
                line_of(item, "dap_an"),
                "dap_an",
                f"'{key}' is not an option",
                "one of " + ", ".join(keys),
            )
    if kind != "nhieu_lua_chon" and len(answer) != 1:
        raise ContentError(
            file,
            line_of(item, "dap_an"),
            "dap_an",
            f"{len(answer)} answers on a {kind} question",
            "exactly one (use loai: nhieu_lua_chon for several)",
        )
    why = item.get("giai_thich")
    if not isinstance(why, dict):
        raise ContentError(
            file,
            line_of(item, "giai_thich") or item.line,
            "giai_thich",
            repr(why),
            "one explanation per option: {" + ", ".join(f"{k}: …" for k in keys) + "}",
        )
    missing = [k for k in keys if not isinstance(why.get(k), str) or not why[k].strip()]
    extra = [str(k) for k in why if str(k) not in keys]
    if missing or extra:
        found = f"no explanation for {', '.join(missing)}" if missing else f"extra {extra}"
        raise ContentError(
            file,
            line_of(item, "giai_thich"),
            "giai_thich",
            found,
            "one per option: " + ", ".join(keys),
        )
    basis = item.get("can_cu")
    if isinstance(basis, str):
        basis = [basis]
    if not basis or not all(isinstance(b, str) and b.strip() for b in basis):
        raise ContentError(
            file,
            line_of(item, "can_cu") or item.line,
            "can_cu",
            repr(basis),
            "the clauses the answer rests on: ['06/2022/QH15 Điều 24 khoản 1']",
        )
    return Item(
        number=number,
        kind=kind,
        question=question,
        options=options,
        answer=answer,
        explanations={k: why[k].strip() for k in keys},
        basis=[b.strip().removeprefix("[[").removesuffix("]]") for b in basis],
        line=item.line or line,
    )


def load_quiz(path: Path, root: Path, lang: str = "vi") -> Quiz:
    """Read and validate a quiz file."""
    file = display_path(path, root)
    data, problems = read(path, None, root=root)
    if problems:
        raise problems[0]
    items = data.get("cau_hoi") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ContentError(
            file,
            line_of(data, "cau_hoi") if isinstance(data, dict) else 1,
            "cau_hoi",
            "missing or empty",
            "a list of questions (loai, hoi, lua_chon, dap_an, giai_thich, can_cu)",
        )
    questions, problems = [], []
    for number, item in enumerate(items, 1):  # every question's problem, not the first only
        try:
            questions.append(_item(item, number, line_of(items, number - 1) or 1, file, lang))
        except ContentError as error:
            problems.append(error)
    if problems:
        raise problems[0] if len(problems) == 1 else ContentErrors(problems)
    return Quiz(file, questions)
