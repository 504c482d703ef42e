"""Adapters between MkDocs (+ Material, static-i18n) and the ``thidua`` core.

Everything that knows about MkDocs lives here or in ``hooks/hook_*.py``; the
core package ``thidua`` never imports mkdocs.
"""
