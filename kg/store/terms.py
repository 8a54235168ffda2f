"""Conversions between pyoxigraph and rdflib terms, and RDF format names."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

# format name or MIME type -> pyoxigraph RdfFormat
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS, "application/n-quads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "application/trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE, "text/turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES, "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
    "application/rdf+xml": ox.RdfFormat.RDF_XML, "rdf": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD, "application/ld+json": ox.RdfFormat.JSON_LD,
    "n3": ox.RdfFormat.N3, "text/n3": ox.RdfFormat.N3, "nq": ox.RdfFormat.N_QUADS,
}


def rdf_format(name: str) -> ox.RdfFormat:
    """The pyoxigraph format for a name (turtle, nquads …), a MIME type or a file extension."""
    key = name.lower().lstrip(".")
    if key not in RDF_FORMATS:
        raise ValueError(f"unknown RDF format {name!r}; use one of: turtle, ntriples, nquads, trig, rdfxml, jsonld")
    return RDF_FORMATS[key]


def to_rdflib(term: Any) -> Node | None:
    """An rdflib term for a pyoxigraph term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == XSD_STRING else URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def to_oxigraph(term: Node) -> Any:
    """A pyoxigraph term for an rdflib term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")
