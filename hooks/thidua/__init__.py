"""thidua — the domain core of the Thi đua – Khen thưởng portal.

A plain Python package: criteria model, loader, evaluator, legal references and
diffs. It never imports mkdocs (a test enforces this), so the rules survive a
change of site generator.
"""

__version__ = "0.1.0"
