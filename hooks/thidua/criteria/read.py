"""One reader for a YAML file people edit that has a schema: load, validate, check its id.

The criteria data and the local layers (``thidua.layers``) read their files with it: the
file is read and checked against its spec by ``thidua.spec.read`` (the line-aware
loader, then the spec validator), and, for a file named after its ``id``, the two must agree. Every
problem goes to ``errors`` with its file and line; the data comes back only when there
is none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.spec import Spec, read
from thidua.yaml_lines import display_path, line_of


def read_checked(
    path: Path,
    spec: Spec,
    root: Path,
    errors: list[ContentError],
    id_allowed: str | None = None,
) -> Any:
    """The data of ``path`` when it reads and meets ``spec``, else ``None``.

    ``id_allowed``: the file's ``id`` must be its name without ``.yaml``; the words that
    say so when it is not (the layers say it in Vietnamese first).
    """
    data, problems = read(path, spec, root=root)
    errors.extend(problems)
    if problems:
        return None
    shown = display_path(path, root)
    if id_allowed is not None and data["id"] != path.stem:
        found = f"found {data['id']!r}"
        errors.append(ContentError(shown, line_of(data, "id"), "id", found, id_allowed))
        return None
    return data
