"""The records that flow between the pipeline's stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class DocumentMeta:
    """What a document's sidecar ``NAME.meta.yaml`` (or the user) says about it."""

    title: str
    publisher: str | None = None
    date: str | None = None  # "2025-03-27", "2025-03" or "2025"
    source: str | None = None
    place: str | None = None  # the city a document is about: completes 市商务局, 我市
    kind: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date and self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Document:
    doc_id: str  # file stem: stable across rebuilds, the key of the document's named graph
    path: Path
    text: str
    meta: DocumentMeta


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A name in the text: exact character offsets and the class it was given."""

    start: int
    end: int
    text: str
    cls: str  # local name of an ontology class
    sentence: int
    rule: str = ""
    name: str = ""  # the name after completion (市商务局 -> 青岛市商务局); empty when = text

    @property
    def key(self) -> str:
        return self.name or self.text


@dataclass(frozen=True)
class RelationMention:
    subject: Mention
    predicate: str  # local name of an ontology property
    object: Mention
    sentence: int
    trigger: str


@dataclass(frozen=True)
class Figure:
    metric: str
    value: Decimal
    unit: str
    year: int | None
    is_target: bool
    is_growth: bool
    sentence: int
    start: int
    end: int
    about: Mention | None = None


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, full name) defined in text


@dataclass
class Entity:
    """A real-world entity after resolution: one IRI, one label, all its names."""

    iri: str
    label: str
    cls: str
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
