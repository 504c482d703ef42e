"""Hook: the unit council tool (Bình xét, issue 14).

- ``on_files`` publishes ``assets/data/binh-xet-columns.js`` (``window.BINH_XET_COLUMNS``:
  the members list's columns and values, from ``thidua.binh_xet.columns_spec()``), so the
  page reads a file with the same vocabulary as ``thidua unit``; and, for the layer named
  by ``thidua.yml`` (``lop_quy_che``, read by hook_settings), ``window.BINH_XET_LAYER``
  (its CSTĐCS quota and its own columns, as ``thidua unit --layer ID`` reads them) and
  ``window.THIDUA_LAYER`` (its rules for ``tu-danh-gia/layer.js``: every member is
  evaluated as ``Layer.evaluate`` does). With a layer, the downloadable template gains
  the layer's columns. It also publishes the words the scripts write,
  ``assets/js/binh-xet/texts.js`` (``BX.t``, ``BX.both``), from the words files
  (``thidua.words``, group ``binh_xet_js``, both languages in one file): no hand-kept copy.
- ``on_page_content`` replaces ``<!-- thidua:binh-xet -->`` with the tool, rendered from
  ``templates/binh-xet/tool.html.j2`` in the page's language (its words through
  ``t("binh_xet.…")``). Without JavaScript the page
  is readable: the columns, the template to download and the command line.
  The criteria data (``assets/data/thidua-data.js``) is the self-evaluation hook's.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from thidua.binh_xet.layer import layer_data, layer_only_headers
from thidua.errors import ContentError
from thidua.layers import LayerError, load_layer
from thidua.layers.browser import browser_data
from thidua_mkdocs import binh_xet, i18n

MARKER = "<!-- thidua:binh-xet -->"
# The layer in force for this build (layer_data), set by on_files, read by on_page_content.
_ACTIVE: dict = {}


@event_priority(-200)  # after static-i18n (toolchain.md, pitfall 2)
def on_files(files, config):
    """Publish the columns script, the scripts' words (and the layer's template)."""
    for path in (binh_xet.COLUMNS_FILE, binh_xet.TEXTS_FILE):
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
    try:
        texts = binh_xet.texts_script()
    except ContentError as error:
        problems = getattr(error, "errors", [error])
        raise PluginError("\n".join(problem.message for problem in problems)) from None
    files.append(File.generated(config, binh_xet.TEXTS_FILE, content=texts))
    extra = config.extra.get("thidua") or {}
    layer_id = (extra.get("don_vi") or {}).get("lop_quy_che")
    root = Path(config.config_file_path).parent
    layer = rules = None
    try:
        if layer_id not in (None, "", "none"):
            loaded = load_layer(root, layer_id)
            layer, rules = layer_data(loaded), browser_data(loaded, root)
        only = layer_only_headers(root, layer)
    except LayerError as error:
        raise PluginError(f"thidua.yml: lop_quy_che: {error}") from None
    _ACTIVE["layer"] = layer
    content = binh_xet.columns_script(layer, only, rules)
    files.append(File.generated(config, binh_xet.COLUMNS_FILE, content=content))
    template = files.get_file_from_path(binh_xet.TEMPLATE_CSV)
    if layer and layer["columns"] and template is not None:
        text = binh_xet.template_csv(Path(template.abs_src_path).read_text("utf-8"), layer)
        files.remove(template)
        files.append(File.generated(config, binh_xet.TEMPLATE_CSV, content=text))
    return files


def on_page_content(html, page, config, files):
    """Replace the marker with the tool."""
    if MARKER not in html:
        return html
    lang = i18n.current_language(config)
    tool = binh_xet.render_tool(lang, page.url, _ACTIVE.get("layer"))
    return html.replace(MARKER, tool, 1)
