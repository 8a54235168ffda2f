"""The ontology's vocabulary, loaded from ``ontology/stkg.ttl`` (the single source of terms).

>>> from kg.vocab import KG
>>> str(KG.Enterprise).endswith("#Enterprise")
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ClosedNamespace

from kg.config import PROJECT_ROOT, get_settings

ONTOLOGY_FILE = "stkg.ttl"
SHAPES_FILE = "shapes.ttl"
# The namespace written in the ontology file; a deployment may serve it under another one.
FILE_NS = "https://stkg.example.org/ontology#"

# Core classes every entity belongs to (directly or through a subclass), in the order of DESIGN.md.
CORE_CLASSES = (
    "Enterprise", "GovernmentBody", "Organization", "Zone", "Base", "Park", "Platform",
    "Programme", "Event", "Project", "Place", "Person",
)
# Relations between entities that extraction produces.
RELATIONS = (
    "locatedIn", "partOf", "issuedBy", "designatedAs", "operates", "organizedBy", "heldIn",
    "reliesOn", "participatesIn", "cooperatesWith",
)


def _rewrite(graph: Graph, old: str, new: str) -> Graph:
    if old == new:
        return graph
    out = Graph()
    swap = lambda t: URIRef(new + t[len(old):]) if isinstance(t, URIRef) and str(t).startswith(old) else t  # noqa: E731
    for s, p, o in graph:
        out.add((swap(s), swap(p), swap(o)))
    return out


@lru_cache(maxsize=4)
def load_ontology(namespace: str | None = None, directory: Path | None = None) -> Graph:
    """The ontology graph, its namespace rewritten to the deployment's one."""
    settings = get_settings()
    folder = directory or settings.ontology_dir
    graph = Graph().parse(folder / ONTOLOGY_FILE, format="turtle")
    return _rewrite(graph, FILE_NS, namespace or settings.ontology_ns)


@lru_cache(maxsize=4)
def load_shapes(namespace: str | None = None, directory: Path | None = None) -> Graph:
    """The SHACL shapes graph, with the same namespace rewriting as the ontology."""
    settings = get_settings()
    folder = directory or settings.ontology_dir
    graph = Graph().parse(folder / SHAPES_FILE, format="turtle")
    return _rewrite(graph, FILE_NS, namespace or settings.ontology_ns)


def local_terms(graph: Graph, namespace: str) -> list[str]:
    """Local names of every class and property the ontology declares."""
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {str(s)[len(namespace):] for k in kinds for s in graph.subjects(RDF.type, k)
             if str(s).startswith(namespace)}
    return sorted(terms)


def _namespace() -> ClosedNamespace:
    ns = get_settings().ontology_ns
    return ClosedNamespace(URIRef(ns), local_terms(load_ontology(ns), ns))


KG: ClosedNamespace = _namespace()


def label(term: URIRef, lang: str = "zh") -> str:
    """The ontology's label of a term in a language, or its local name."""
    for value in load_ontology().objects(term, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def superclasses(cls: URIRef) -> set[URIRef]:
    """The class and all its named superclasses."""
    graph = load_ontology()
    return {c for c in graph.transitive_objects(cls, RDFS.subClassOf) if isinstance(c, URIRef)}


def core_class(cls: URIRef) -> str | None:
    """The core class (local name) a class falls under, or None."""
    ups = superclasses(cls)
    for name in CORE_CLASSES:
        if KG[name] in ups:
            return name
    return None


__all__ = ["KG", "CORE_CLASSES", "RELATIONS", "label", "core_class", "load_ontology", "load_shapes",
           "PROJECT_ROOT"]


def _class_set(node: object) -> set[URIRef] | None:
    """A class, or the members of an owl:unionOf class expression."""
    graph = load_ontology()
    if isinstance(node, URIRef):
        return {node}
    union = graph.value(node, OWL.unionOf)  # type: ignore[arg-type]
    if union is None:
        return None
    from rdflib.collection import Collection

    return {m for m in Collection(graph, union) if isinstance(m, URIRef)}


@lru_cache(maxsize=64)
def fits(prop: str, side: str, cls: str) -> bool:
    """Whether an entity of class ``cls`` may stand on a side ("domain" or "range") of a property."""
    graph = load_ontology()
    bound = graph.value(KG[prop], RDFS.domain if side == "domain" else RDFS.range)
    allowed = _class_set(bound) if bound is not None else None
    return allowed is None or bool(superclasses(KG[cls]) & allowed)
