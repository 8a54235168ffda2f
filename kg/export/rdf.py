"""RDF exports: the whole store through ``store.dump``, a filtered subgraph through CONSTRUCT.

A filtered export holds, for the entities kept: their types, names, ``:mentionedIn`` links and
every literal about them, and those documents' titles; the relation triples kept; and for each
kept relation its ``:Assertion`` nodes with their evidence sentences, so provenance travels
with the subgraph. It is a set of triples (N-Quads puts them in the default graph).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph, URIRef

from kg.config import get_settings
from kg.store.base import GraphStore
from kg.store.terms import rdf_format, to_oxigraph

FORMATS: dict[str, str] = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
}
CHUNK = 200  # VALUES rows per CONSTRUCT: keeps each request small for remote stores

Q_ENTITIES = """CONSTRUCT {{ ?e ?p ?o }} WHERE {{
  VALUES ?e {{ {values} }}
  ?e ?p ?o . FILTER(isLiteral(?o) || ?p = rdf:type || ?p = kg:mentionedIn) }}"""
Q_DOCUMENTS = """CONSTRUCT {{ ?doc ?p ?o }} WHERE {{
  VALUES ?e {{ {values} }}
  ?e kg:mentionedIn ?doc . ?doc ?p ?o . FILTER(isLiteral(?o) || ?p = rdf:type) }}"""
Q_ASSERTIONS = """CONSTRUCT {{ ?a ?ap ?ao . ?sent ?sp ?so }} WHERE {{
  VALUES (?s ?p ?o) {{ {values} }}
  ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ?ap ?ao .
  OPTIONAL {{ ?a kg:evidence ?sent . ?sent ?sp ?so }} }}"""


def dump_all(store: GraphStore, fmt: str) -> bytes:
    """Everything the store holds, in an RDF format (N-Quads keeps the named graphs)."""
    return store.dump(fmt)


def subgraph_triples(store: GraphStore, graph: nx.MultiDiGraph) -> Graph:
    """The RDF triples behind an (already filtered) entity graph."""
    ns = get_settings().ontology_ns
    prefixes = f"PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\nPREFIX kg: <{ns}>\n"
    out = Graph()
    for chunk in _chunks([f"<{n}>" for n in graph]):
        for query in (Q_ENTITIES, Q_DOCUMENTS):
            out += store.construct(prefixes + query.format(values=" ".join(chunk)))
    edges = [(u, URIRef(ns + k), v) for u, v, k in graph.edges(keys=True)]
    for s, p, o in edges:
        out.add((URIRef(s), p, URIRef(o)))
    for chunk in _chunks([f"(<{s}> <{p}> <{o}>)" for s, p, o in edges]):
        out += store.construct(prefixes + Q_ASSERTIONS.format(values=" ".join(chunk)))
    return out


def serialise(graph: Graph, fmt: str) -> bytes:
    """Triples in a sorted order, by Oxigraph's serialisers: the same graph, the same bytes."""
    triples = sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph), key=str)
    rdf = rdf_format(fmt)
    prefixes = _prefixes() if rdf == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=rdf, prefixes=prefixes) or b""


def _prefixes() -> dict[str, str]:
    settings = get_settings()
    return {"kg": settings.ontology_ns, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "entity": f"{settings.instance_ns}entity/"}


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start:start + CHUNK]
