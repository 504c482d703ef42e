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

Every problem is a ``ContentError`` naming the YAML file, line and field, what was found and
what is allowed; the file is read by ``thidua.spec.read`` and every problem of every question
is reported at once (gathered in a ``thidua.spec.Context``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from thidua.content_errors import ContentErrors
from thidua.errors import ContentError
from thidua.spec import Context, read
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


FIELDS = ("loai", "hoi", "lua_chon", "dap_an", "giai_thich", "can_cu")


def _text(item: LineDict, key: str, ctx: Context) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        found = "missing" if value is None else repr(value)
        ctx.error(item, key, key, found, "a non-empty text", None)
        return ""
    return value.strip()


def _options(item: LineDict, kind: object, lang: str, ctx: Context) -> list[tuple[str, str]]:
    """The (key, text) options; none when they cannot be told (a problem says why, unless
    the kind is unknown: which options it needs is not known either)."""
    if kind == "dung_sai":
        if "lua_chon" in item:
            found, allowed = (
                "options on a dung_sai question",
                "no lua_chon: the options are dung and sai",
            )
            ctx.error(item, "lua_chon", "lua_chon", found, allowed, None)
        return list(zip(TRUE_FALSE, TRUE_FALSE_WORDS[lang], strict=True))
    raw = item.get("lua_chon")
    if not isinstance(raw, dict) or len(raw) < 2:
        if kind in KINDS:
            allowed = "at least two options: {a: text, b: text}"
            ctx.error(item, "lua_chon", "lua_chon", repr(raw), allowed, None)
        return []
    options = []
    for key, text in raw.items():
        if not isinstance(text, str) or not text.strip():
            ctx.error(raw, key, f"lua_chon.{key}", repr(text), "a non-empty text", None)
        options.append((str(key), text.strip() if isinstance(text, str) else ""))
    return options


def _answer(item: LineDict, kind: object, keys: list[str], ctx: Context) -> list[str]:
    """The keys of the correct options; each key that names no option is a problem."""
    answer = item.get("dap_an")
    if isinstance(answer, (str, int, bool)):
        answer = [answer]
    if not answer or not isinstance(answer, list):
        allowed = "the key of the correct option" + (": " + ", ".join(keys) if keys else "")
        ctx.error(item, "dap_an", "dap_an", "no correct answer", allowed, None)
        return []
    answer = [str(a) for a in answer]
    for key in answer:
        if keys and key not in keys:
            allowed = "one of " + ", ".join(keys)
            ctx.error(item, "dap_an", "dap_an", f"'{key}' is not an option", allowed, None)
    if kind in KINDS and kind != "nhieu_lua_chon" and len(answer) != 1:
        found = f"{len(answer)} answers on a {kind} question"
        allowed = "exactly one (use loai: nhieu_lua_chon for several)"
        ctx.error(item, "dap_an", "dap_an", found, allowed, None)
    return answer


def _explanations(item: LineDict, keys: list[str], ctx: Context) -> dict[str, str]:
    """One explanation per option: the missing ones and the extra ones are problems."""
    why = item.get("giai_thich")
    if not isinstance(why, dict):
        allowed = "one explanation per option: {" + ", ".join(f"{k}: …" for k in keys) + "}"
        ctx.error(item, "giai_thich", "giai_thich", repr(why), allowed, None)
        return {}
    if not keys:
        return {}
    missing = [k for k in keys if not isinstance(why.get(k), str) or not why[k].strip()]
    extra = [str(k) for k in why if str(k) not in keys]
    allowed = "one per option: " + ", ".join(keys)
    if missing:
        found = f"no explanation for {', '.join(missing)}"
        ctx.error(item, "giai_thich", "giai_thich", found, allowed, None)
    if extra:
        ctx.error(item, "giai_thich", "giai_thich", f"extra {extra}", allowed, None)
    return {k: why[k].strip() for k in keys if k not in missing}


def _basis(item: LineDict, ctx: Context) -> list[str]:
    basis = item.get("can_cu")
    if isinstance(basis, str):
        basis = [basis]
    if not basis or not all(isinstance(b, str) and b.strip() for b in basis):
        allowed = "the clauses the answer rests on: ['06/2022/QH15 Điều 24 khoản 1']"
        ctx.error(item, "can_cu", "can_cu", repr(basis), allowed, None)
        return []
    return [b.strip().removeprefix("[[").removesuffix("]]") for b in basis]


def _item(items: list, index: int, lang: str, ctx: Context) -> Item | None:
    """Question ``index`` of ``items``, every problem it has reported into ``ctx`` (then
    None: a question with a problem is not shown)."""
    item, before = items[index], len(ctx.errors)
    if not isinstance(item, LineDict):
        allowed = "a mapping with loai, hoi, dap_an…"
        ctx.error(items, index, "cau_hoi", repr(item), allowed, None)
        return None
    for key in item:
        if key not in FIELDS:
            ctx.error(item, key, str(key), "unknown field", ", ".join(FIELDS), None)
    kind = item.get("loai")
    if kind not in KINDS:
        ctx.error(item, "loai", "loai", repr(kind), ", ".join(KINDS), None)
    question = _text(item, "hoi", ctx)
    options = _options(item, kind, lang, ctx)
    keys = [key for key, _ in options]
    answer = _answer(item, kind, keys, ctx)
    explanations = _explanations(item, keys, ctx)
    basis = _basis(item, ctx)
    if len(ctx.errors) > before:
        return None
    return Item(
        number=index + 1,
        kind=str(kind),
        question=question,
        options=options,
        answer=answer,
        explanations=explanations,
        basis=basis,
        line=item.line or line_of(items, index) or 1,
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
    ctx = Context(file)  # every problem of every question, each naming its line
    questions = [_item(items, index, lang, ctx) for index in range(len(items))]
    if ctx.errors:
        raise ctx.errors[0] if len(ctx.errors) == 1 else ContentErrors(ctx.errors)
    return Quiz(file, [question for question in questions if question is not None])
