"""Deterministic IRIs: the same corpus always gives the same IRIs.

An entity's IRI hashes its canonical name (after :func:`kg.resolve.names.normalise`), so it does
not depend on build order, on other documents or on the run; ``kg add`` reuses the IRI an entity
already has in the store when the new document names it by any known name.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from kg.config import get_settings


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def base() -> str:
    return get_settings().instance_ns


def entity_iri(canonical_key: str) -> str:
    return f"{base()}entity/{_digest(canonical_key)}"


def document_iri(doc_id: str) -> str:
    return f"{base()}doc/{quote(doc_id, safe='')}"


def graph_iri(doc_id: str) -> str:
    """The named graph that holds everything extracted from one document."""
    return f"{base()}graph/{quote(doc_id, safe='')}"


def ontology_graph_iri() -> str:
    return f"{base()}graph/ontology"


def sentence_iri(doc_id: str, index: int) -> str:
    return f"{document_iri(doc_id)}/sentence/{index}"


def assertion_iri(doc_id: str, subject: str, predicate: str, obj: str, sentence: int) -> str:
    return f"{base()}assertion/{_digest(doc_id, subject, predicate, obj, str(sentence))}"


def indicator_iri(doc_id: str, sentence: int, start: int) -> str:
    return f"{base()}indicator/{quote(doc_id, safe='')}/{sentence}-{start}"
