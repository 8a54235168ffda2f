"""HTML pages (Jinja2, autoescaped): the query form and the pages of entities and other resources."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)


def local_link(iri: str, instance_ns: str, path_prefix: str) -> str:
    """Where a resource's page is on this service: its own path when it is one of ours."""
    return path_prefix + iri[len(instance_ns):] if iri.startswith(instance_ns) else iri
