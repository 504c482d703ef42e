"""Material's own page boost (``search: boost:``) for whole folders of pages.

Material multiplies a page's scores by the ``boost`` of its ``search`` front matter
(lunr's document boost). Editors' material must stay out of the way of staff
(issue 17): the editors' guide (``bien-tap/``, a folder other pages join) and the
generated Điểm mới comparison pages (no front matter of their own) get a low boost
here. They stay findable — an editor who types "biên tập" or "điểm mới" still finds
them — but a staff member's query ranks the guidance, criteria and answers above.
A page's own ``search: boost:`` wins.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from typing import Any

# Folder (URL prefix, as in the Vietnamese site; English pages under "en/") → boost.
FOLDER_BOOSTS: Mapping[str, float] = {
    "bien-tap/": 0.1,
    "van-ban/diem-moi/": 0.3,
}


def folder_boost(url: str, boosts: Mapping[str, float] = FOLDER_BOOSTS) -> float | None:
    """The boost of the folder a page URL is in (``en/`` ignored), or None."""
    path = url.removeprefix("en/")
    for prefix, boost in boosts.items():
        if path.startswith(prefix):
            return boost
    return None


def apply(meta: MutableMapping[str, Any], url: str) -> None:
    """Set ``meta["search"]["boost"]`` from the page's folder unless the page sets one."""
    boost = folder_boost(url)
    if boost is None:
        return
    search = meta.get("search")
    if search is None:
        meta["search"] = {"boost": boost}
    elif isinstance(search, dict) and "boost" not in search:
        search["boost"] = boost
