"""Hook: the unit council tool (Bình xét, issue 14).

- ``on_files`` publishes ``assets/data/binh-xet-columns.js`` (``window.BINH_XET_COLUMNS``:
  the members list's columns and values, from ``thidua.binh_xet.columns_spec()``), so the
  page reads a file with the same vocabulary as ``thidua unit``; and
  ``window.BINH_XET_LAYER``: the CSTĐCS quota of the layer named by ``thidua.yml``
  (``lop_quy_che``, read by hook_settings), as ``thidua unit --layer ID`` applies it.
- ``on_page_content`` replaces ``<!-- thidua:binh-xet -->`` with the tool, rendered from
  ``templates/binh-xet/tool.html.j2`` in the page's language. Without JavaScript the page
  is readable: the columns, the template to download and the command line.
  The criteria data (``assets/data/thidua-data.js``) is the self-evaluation hook's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from thidua.binh_xet.layer import load as load_layer
from thidua.layers import LayerError
from thidua_mkdocs import binh_xet, i18n

MARKER = "<!-- thidua:binh-xet -->"


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2)
def on_files(files, config):
    """Publish the columns script for the browser."""
    existing = files.get_file_from_path(binh_xet.COLUMNS_FILE)
    if existing is not None:
        files.remove(existing)
    extra = config.extra.get("thidua") or {}
    layer_id = (extra.get("don_vi") or {}).get("lop_quy_che")
    try:
        layer = load_layer(Path(config.config_file_path).parent, layer_id)
    except LayerError as error:
        raise PluginError(f"thidua.yml: lop_quy_che: {error}") from None
    content = binh_xet.columns_script(layer)
    files.append(File.generated(config, binh_xet.COLUMNS_FILE, content=content))
    return files


def on_page_content(html, page, config, files):
    """Replace the marker with the tool."""
    if MARKER not in html:
        return html
    lang = i18n.current_language(config)
    default = i18n.default_language(config)
    return html.replace(MARKER, binh_xet.render_tool(lang, default, page.url), 1)
