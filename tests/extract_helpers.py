"""What the extraction tests share: extract a text, and read its mentions and relations back by name."""

from __future__ import annotations

from pathlib import Path

from kg.config import get_settings
from kg.extract import extract_document
from kg.model import Document, DocumentMeta, Extraction, Mention
from kg.resolve import normalise, resolve
from kg.vocab import KG, superclasses

PATTERNS = get_settings().lexicon_dir


def extract(text: str, place: str | None = None, date: str | None = "2025-03") -> Extraction:
    return extract_document(Document("unit", Path("unit.txt"), text, DocumentMeta(title="unit", place=place, date=date)))


def mentions(ex: Extraction) -> dict[str, tuple[str, str]]:
    """Surface text -> (class, name after completion)."""
    return {m.text: (m.cls, m.key) for m in ex.mentions}


def relations(ex: Extraction) -> list[tuple[set[str], str, set[str]]]:
    """(names of the subject, predicate, names of the object): label and aliases, normalised."""
    resolution = resolve([ex])

    def names(mention: Mention) -> set[str]:
        entity = resolution.entities[resolution.iri_of(mention)]
        return {normalise(n) for n in (entity.label, *entity.aliases)}

    return [(names(r.subject), r.predicate, names(r.object)) for r in ex.relations]


def is_a(cls: str, core: str) -> bool:
    return KG[core] in superclasses(KG[cls])


def check_offsets(ex: Extraction) -> None:
    text = ex.document.text
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text, m
        sentence = ex.sentences[m.sentence]
        assert sentence.start <= m.start and m.end <= sentence.end, m
    for f in ex.figures:
        sentence = ex.sentences[f.sentence]
        assert sentence.start <= f.start < f.end <= sentence.end, f


def short_relations(ex: Extraction) -> set[tuple[str, str, str]]:
    """(subject, predicate, object), each entity by its shortest normalised name."""
    return {(min(s, key=len), p, min(o, key=len)) for s, p, o in relations(ex)}
