"""Query-parameter helpers shared by routes."""

from __future__ import annotations

from typing import Any

from api.errors import ApiError


def names(values: list[str]) -> list[str]:
    """Repeated parameters and comma-separated lists both work: ``type=Zone,Park``.

    >>> names(["Zone,Park", " City "])
    ['Zone', 'Park', 'City']
    """
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def export_filter(classes: list[str], relations: list[str], min_degree: int, ego: str | None,
                  depth: int, limit: int | None) -> Any:
    """The exporter's filter (``kg.export.ExportFilter``), or a 400 naming the bad value."""
    from kg.export import ExportError, ExportFilter  # networkx and friends: only when exporting

    try:
        return ExportFilter(classes=tuple(names(classes)), relations=tuple(names(relations)),
                            min_degree=min_degree, ego=ego, depth=depth, limit=limit)
    except ExportError as exc:
        raise ApiError(400, "bad_parameter", str(exc)) from exc
