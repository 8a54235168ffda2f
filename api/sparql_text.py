"""Safe pieces of SPARQL text for the service's own queries.

Values from clients are bound as RDF terms (``substitutions``); what is written into query text is
only IRIs the store returned or the settings name, and those go through :func:`iri` so that a
stray ``>`` cannot end the IRI early.

>>> iri("https://stkg.example.org/id/entity/ab12")
'<https://stkg.example.org/id/entity/ab12>'
>>> string('say "hi"')
'"say \\\\"hi\\\\""'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.config import Settings

_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")


def iri(value: str) -> str:
    if not _IRI.match(value):
        raise ValueError(f"not an IRI that may be written into a query: {value!r}")
    return f"<{value}>"


def string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def values(variable: str, iris: Iterable[str]) -> str:
    """``VALUES ?v { <a> <b> }``."""
    return f"VALUES ?{variable} {{ {' '.join(iri(i) for i in iris)} }}"


def prefixes(settings: Settings) -> str:
    """The prologue of the service's own queries."""
    return (
        "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        f"PREFIX kg: {iri(settings.ontology_ns)}\n"
    )


def entity_filter(variable: str, settings: Settings) -> str:
    """Keep only the graph's entities (not documents, sentences, assertions …)."""
    return f"FILTER(STRSTARTS(STR(?{variable}), {string(settings.instance_ns + 'entity/')}))"


def local_name(value: object) -> str:
    text = str(value)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
