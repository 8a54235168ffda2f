"""``kg``: the command line. Each module adds its commands to :data:`kg.cli.app.app`."""

from __future__ import annotations

from kg.cli.app import app
from kg.cli import build as _build  # noqa: F401  (registers build, add, remove)
from kg.cli import inspect as _inspect  # noqa: F401  (registers query, stats, validate)
from kg.cli import export as _export  # noqa: F401  (registers export)
from kg.cli import serve as _serve  # noqa: F401  (registers serve, load)
from kg.cli import evaluate as _evaluate  # noqa: F401  (registers eval)

__all__ = ["app"]
