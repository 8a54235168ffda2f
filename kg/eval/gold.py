"""Gold annotation files (format: tests/gold/README.md)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from kg.load import load_document
from kg.model import Document


class GoldError(ValueError):
    """A gold file that cannot be used; the message names it."""


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldFigure:
    value: Decimal
    unit: str
    year: int | None
    metric: str = ""
    about: str = ""
    target: bool = False
    growth: bool = False


@dataclass
class GoldDocument:
    source: Path
    document: Document
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    figures: list[GoldFigure] = field(default_factory=list)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.glob("*.y*ml") if p.is_file())
    if path.is_file():
        return [path]
    raise GoldError(f"no gold file or folder at {path}")


def _document(data: dict[str, Any], gold_file: Path, corpus: Path) -> Document:
    name = data.get("document")
    if not name:
        raise GoldError(f"{gold_file}: missing 'document'")
    for candidate in (gold_file.parent / name, corpus / name):
        if candidate.is_file():
            doc = load_document(candidate)
            meta = doc.meta
            meta = replace(meta, place=data.get("place") or meta.place, date=str(data.get("date") or meta.date or "") or None)
            return replace(doc, meta=meta)
    raise GoldError(f"{gold_file}: document {name} not found beside it or in {corpus}")


def _entity(item: dict[str, Any], where: Path) -> GoldEntity:
    try:
        return GoldEntity(str(item["name"]), str(item["type"]), tuple(str(a) for a in item.get("aliases") or []))
    except (KeyError, TypeError) as exc:
        raise GoldError(f"{where}: bad entity {item!r}") from exc


def _figure(item: dict[str, Any], where: Path) -> GoldFigure:
    try:
        year = item.get("year")
        return GoldFigure(Decimal(str(item["value"])), str(item["unit"]), int(year) if year else None,
                          str(item.get("metric", "")), str(item.get("about", "")),
                          bool(item.get("target")), bool(item.get("growth")))
    except (KeyError, TypeError, ArithmeticError, ValueError) as exc:
        raise GoldError(f"{where}: bad figure {item!r}") from exc


def load_gold(path: Path, corpus: Path) -> list[GoldDocument]:
    """Every gold document under a file or folder, with its source document loaded."""
    out = []
    for gold_file in _files(path):
        try:
            data = yaml.safe_load(gold_file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise GoldError(f"{gold_file}: not valid YAML: {exc}") from exc
        if not isinstance(data, dict):
            raise GoldError(f"{gold_file}: expected a mapping")
        try:
            document = _document(data, gold_file, corpus)
        except ValueError as exc:
            raise GoldError(f"{gold_file}: {exc}") from exc
        out.append(GoldDocument(
            source=gold_file, document=document,
            entities=[_entity(e, gold_file) for e in data.get("entities") or []],
            relations=[tuple(map(str, r)) for r in data.get("relations") or []],  # type: ignore[misc]
            figures=[_figure(f, gold_file) for f in data.get("figures") or []]))
    return out
