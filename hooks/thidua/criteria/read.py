"""One reader for a YAML file people edit that has a schema: load, validate, check its id.

The criteria data and the local layers (``thidua.layers``) read their files with it: the
file is read by the one line-aware loader (``thidua.yaml_lines``), checked against its
spec (``thidua.spec``), and, for a file named after its ``id``, the two must agree. Every
problem goes to ``errors`` with its file and line; the data comes back only when there
is none.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thidua.errors import ContentError
from thidua.spec import Spec, validate
from thidua.yaml_lines import display_path, line_of, load_file


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
    try:
        data = load_file(path, root)
    except ContentError as error:
        errors.append(error)
        return None
    shown = display_path(path, root)
    problems = validate(spec, data, shown)
    errors.extend(problems)
    if problems:
        return None
    if id_allowed is not None and data["id"] != path.stem:
        found = f"found {data['id']!r}"
        errors.append(ContentError(shown, line_of(data, "id"), "id", found, id_allowed))
        return None
    return data
