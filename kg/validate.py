"""SHACL validation of the stored graph against ``ontology/shapes.ttl`` (with pyshacl)."""

from __future__ import annotations

from pyshacl import validate
from rdflib import Graph

from kg.store import GraphStore
from kg.vocab import load_ontology, load_shapes


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, report text); the ontology supplies the class tree for sh:class checks."""
    conforms, _, text = validate(data, shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                 inference="none", advanced=False, allow_warnings=True)
    return bool(conforms), str(text)


def validate_store(store: GraphStore) -> tuple[bool, str]:
    """Validate the union of every graph in a store."""
    data = Graph().parse(data=store.dump("ntriples"), format="nt")
    return validate_graph(data)
