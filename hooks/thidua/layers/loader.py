"""Reading layer files: schema, chain (``tren``), then the checks against the law.

``read_chain(root, layer_id)`` collects EVERY problem of the layer and its parents
(schema, unknown parent, cycle, citations, loosening) and raises ``LayerError`` with
all of them, or returns the resolved ``Layer``. Messages name the file, the line and
the key, in Vietnamese with English second; never a traceback.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from thidua.content_errors import ContentErrors
from thidua.criteria.read import read_checked
from thidua.errors import ContentError
from thidua.file_stamp import Stamp, stamp
from thidua.layers import spec
from thidua.layers.model import Layer, ProfileField, Regulation, Rule
from thidua.yaml_lines import display_path, line_of

LAYERS_DIR = ("data", "layers")
NO_PARENT = "none"


class LayerError(ContentErrors):
    """A layer (or its chain) has problems; ``errors`` lists every one (the first is self)."""


class UnknownLayer(LayerError):
    """No layer file with this id; ``known`` lists the ids there are."""

    def __init__(self, layer_id: str, known: list[str], where: str) -> None:
        self.layer_id, self.known = layer_id, known
        super().__init__(
            [
                ContentError(
                    where,
                    None,
                    "(lớp quy chế / layer)",
                    f"không có lớp {layer_id!r} (no layer {layer_id!r})",
                    "một trong các lớp (one of): " + (", ".join(known) or "(chưa có lớp nào)"),
                )
            ]
        )


def layers_dir(root: Path, folder: Path | None = None) -> Path:
    """The folder of layer files: ``folder`` when given (test fixtures), else data/layers."""
    return Path(folder) if folder is not None else Path(root).joinpath(*LAYERS_DIR)


def list_layers(root: Path, folder: Path | None = None) -> list[str]:
    """The ids of the layer files (``data/layers/<id>.yaml``), sorted."""
    where = layers_dir(Path(root), folder)
    return sorted(path.stem for path in where.glob("*.yaml")) if where.is_dir() else []


def _read_one(
    root: Path, layer_id: str, errors: list[ContentError], folder: Path | None = None
) -> tuple[Any, str] | None:
    """The validated data of one file and its name as shown (``None`` when it has problems)."""
    path = layers_dir(root, folder) / f"{layer_id}.yaml"
    named = f"tên tệp không có .yaml (the file name without .yaml): {layer_id!r}"
    data = read_checked(path, spec.LAYER, root, errors, named)
    return None if data is None else (data, display_path(path, root))


def read_files(
    root: Path, layer_id: str, errors: list[ContentError], folder: Path | None = None
) -> list[tuple[Any, str]]:
    """The chain's files, the layer first, then each parent (stops at a cycle or a gap)."""
    chain: list[tuple[Any, str]] = []
    seen: list[str] = []
    current, where, key_line = layer_id, None, None
    while current != NO_PARENT:
        if current in seen:
            data, shown = chain[-1]
            errors.append(
                ContentError(
                    shown,
                    line_of(data, "tren"),
                    "tren",
                    "vòng lặp giữa các lớp (a layer cycle): " + " → ".join([*seen, current]),
                    "lớp cấp trên khác, không quay lại lớp đã có trong chuỗi "
                    "(a parent that does not lead back to the layer)",
                )
            )
            break
        if not (layers_dir(root, folder) / f"{current}.yaml").is_file():
            if where is not None:
                errors.append(
                    ContentError(
                        where,
                        key_line,
                        "tren",
                        f"không có lớp {current!r} (no layer {current!r})",
                        "none hoặc một trong (or one of): " + ", ".join(list_layers(root, folder)),
                        "tren: none",
                    )
                )
            break
        seen.append(current)
        one = _read_one(root, current, errors, folder)
        if one is None:
            break
        chain.append(one)
        data, where = one
        key_line = line_of(data, "tren")
        current = data["tren"]
    return chain


def _unverified(root: Path, texts: tuple[str, ...]) -> tuple[str, ...]:
    """The citations among ``texts`` that their document page marks "chưa xác minh"."""
    from thidua.legal.registry import collect_registry

    registry, _ = collect_registry(root / "docs")
    out = []
    for text in texts:
        try:
            if registry.resolve_basis(text).unverified:
                out.append(text)
        except ContentError:
            continue  # reported by the checks
    return tuple(out)


def _build(root: Path, chain: list[tuple[Any, str]]) -> Layer:
    """The ``Layer`` object of a checked chain (nearest first)."""
    data, shown = chain[0]
    rules: list[Rule] = []
    groups: dict[str, dict[str, str]] = {}
    fields: dict[str, ProfileField] = {}
    for item, _ in chain:
        regulation = Regulation(item["quy_che"]["so_hieu"], dict(item["quy_che"]["ten"]))
        for name, text in item.get("nhom_can_bo", {}).items():
            groups.setdefault(name, dict(text))
        for name, declared in item.get("truong_ho_so", {}).items():
            fields.setdefault(name, ProfileField(name, declared["kieu"], dict(declared["text"])))
        for index, rule in enumerate(item["quy_tac"]):
            params = {
                k: v
                for k, v in rule.items()
                if k not in ("id", "loai", "can_cu", "siet_chat", "text")
            }
            rules.append(
                Rule(
                    id=rule["id"],
                    kind=rule["loai"],
                    cite=rule["can_cu"],
                    tightens=rule["siet_chat"],
                    text=dict(rule["text"]),
                    params=params,
                    layer_id=item["id"],
                    layer_name=dict(item["ten"]),
                    regulation=regulation,
                    line=line_of(item["quy_tac"], index),
                    unverified=_unverified(root, (rule["can_cu"], rule["siet_chat"])),
                )
            )
    for rule in rules:
        if rule.kind == "chia_diem_chung" and rule.params["truong"] in fields:
            old = fields[rule.params["truong"]]
            fields[old.name] = ProfileField(old.name, old.kind, old.text, dict(rule.params["phan"]))
    return Layer(
        id=data["id"],
        name=dict(data["ten"]),
        level=data["cap"],
        regulation=Regulation(data["quy_che"]["so_hieu"], dict(data["quy_che"]["ten"])),
        chain=[item["id"] for item, _ in chain],
        groups=groups,
        fields=fields,
        rules=rules,
        file=shown,
    )


def read_chain(root: Path, layer_id: str, folder: Path | None = None) -> Layer:
    """The resolved layer ``layer_id`` under ``root``; ``LayerError`` with every problem.

    ``folder``: where the layer files are (default data/layers; tests use fixtures).
    """
    from thidua.layers.checks import check_chain

    root = Path(root)
    known = list_layers(root, folder)
    if layer_id not in known:
        raise UnknownLayer(layer_id, known, display_path(layers_dir(root, folder), root))
    errors: list[ContentError] = []
    chain = read_files(root, layer_id, errors, folder)
    if not errors:
        check_chain(root, chain, errors)
    if errors:
        raise LayerError(errors)
    return _build(root, chain)


def _stamp(root: Path) -> Stamp:
    """Names and modification times of the layer files, the criteria data and the documents."""
    folders = [layers_dir(root), root / "data" / "criteria", root / "docs" / "van-ban"]
    return stamp(folders, (".yaml", ".md"))


@lru_cache(maxsize=16)
def _cached(root: str, layer_id: str, files: Stamp) -> Layer:
    return read_chain(Path(root), layer_id)


def load_layer(root: Path, layer_id: str) -> Layer:
    """The resolved layer ``layer_id`` (cached until a layer, criteria or document changes).

    Raises ``UnknownLayer`` (its ``known`` lists the ids) or ``LayerError`` (``errors``).
    """
    resolved = Path(root).resolve()
    return _cached(str(resolved), layer_id, _stamp(resolved))
