"""The entity subgraph, read from any :class:`~kg.store.GraphStore` by SPARQL into networkx.

Nodes are the entities (subjects of ``:mentionedIn``); edges are the direct relation triples
between two entities, one per distinct (subject, predicate, object). The union default graph
repeats an entity's triples once per document graph that names it, hence DISTINCT everywhere.

Node attributes: ``label`` (Chinese name), ``class`` (most specific ontology class, local name),
``class_zh``, ``class_en``, ``core_class``, ``aliases``, ``documents`` (doc ids),
``document_count``, ``figures`` (the entity's :Indicator figures as text), ``figure_count``.
Edge attributes (the multigraph key is the relation's local name, so parallel edges with
different relations stay apart): ``id``, ``relation``, ``label`` (Chinese), ``relation_en``,
``weight`` (supporting sentences, at least 1), ``documents``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import unquote

import networkx as nx
from rdflib import Literal, URIRef

from kg.config import get_settings
from kg.export.analysis import analyse
from kg.export.csv import MEDIA_TYPE as CSV_MEDIA_TYPE
from kg.export.csv import write_zip
from kg.export.filters import ExportError, ExportFilter, apply_filter
from kg.export.gexf import MEDIA_TYPE as GEXF_MEDIA_TYPE
from kg.export.gexf import write_gexf
from kg.export.graphml import MEDIA_TYPE as GRAPHML_MEDIA_TYPE
from kg.export.graphml import write_graphml
from kg.export.rdf import FORMATS as RDF_FORMATS
from kg.export.rdf import dump_all, serialise, subgraph_triples
from kg.iris import base
from kg.store.base import GraphStore
from kg.vocab import core_class, label, superclasses

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

Q_MENTIONS = "SELECT DISTINCT ?e ?doc WHERE { ?e kg:mentionedIn ?doc }"
Q_TYPES = "SELECT DISTINCT ?e ?type WHERE { ?e kg:mentionedIn ?d ; a ?type }"
Q_NAMES = """SELECT DISTINCT ?e ?p ?name WHERE {
  ?e kg:mentionedIn ?d . VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?name }"""
# Any ontology property between two entities is a relation (so one added to the ontology later
# is exported without a change here); :mentionedIn points at a document, never an entity.
Q_EDGES = """SELECT DISTINCT ?s ?p ?o WHERE {
  ?s ?p ?o . ?s kg:mentionedIn ?d1 . ?o kg:mentionedIn ?d2 .
  FILTER(?p != kg:mentionedIn && STRSTARTS(STR(?p), STR(kg:))) }"""
Q_SUPPORT = """SELECT DISTINCT ?a ?s ?p ?o ?doc WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?a kg:inDocument ?doc } }"""
Q_DOCUMENTS = """SELECT DISTINCT ?doc ?title WHERE {
  ?doc a kg:SourceDocument . OPTIONAL { ?doc dcterms:title ?title } }"""
Q_FIGURES = """SELECT DISTINCT ?i ?e ?metric ?value ?unit ?year ?target ?growth WHERE {
  ?i a kg:Indicator ; kg:about ?e .
  OPTIONAL { ?i kg:metric ?metric } OPTIONAL { ?i kg:value ?value } OPTIONAL { ?i kg:unit ?unit }
  OPTIONAL { ?i kg:year ?year } OPTIONAL { ?i kg:isTarget ?target }
  OPTIONAL { ?i kg:isGrowthRate ?growth } }"""

Row = dict[str, Any]


def _select(store: GraphStore, query: str) -> list[Row]:
    ns = get_settings().ontology_ns
    return store.select(f"{PREFIXES}PREFIX kg: <{ns}>\n{query}")


def local_name(iri: str) -> str:
    """The part after ``#`` or the last ``/``: ``…ontology#Zone`` -> ``Zone``."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def doc_id(iri: str) -> str:
    """The document id of a doc node IRI (its full IRI when it is not one of ours)."""
    prefix = f"{base()}doc/"
    return unquote(iri[len(prefix):]) if iri.startswith(prefix) else iri


def edge_id(subject: str, predicate: str, obj: str) -> str:
    """A stable edge id: the same triple gets the same id in every export, filtered or not."""
    return "e" + hashlib.sha1(f"{subject} {predicate} {obj}".encode()).hexdigest()[:12]


@dataclass
class _Entity:
    types: set[str] = field(default_factory=set)
    labels: set[str] = field(default_factory=set)
    zh_labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)


def read_entity_graph(store: GraphStore) -> nx.MultiDiGraph:
    """The entity subgraph with its node and edge attributes (no analysis, no filter)."""
    entities: dict[str, _Entity] = defaultdict(_Entity)
    for row in _select(store, Q_MENTIONS):
        entities[str(row["e"])].documents.add(doc_id(str(row["doc"])))
    _add_types_and_names(store, entities)
    _add_figures(store, entities)
    graph = nx.MultiDiGraph(documents=_documents(store))
    for iri in sorted(entities):
        graph.add_node(iri, **_node_attrs(iri, entities[iri]))
    support = _support(store)
    for s, p, o in _edges(store):
        docs, count = support.get((s, p, o), (set(), 0))
        name = local_name(p)
        graph.add_edge(s, o, key=name, id=edge_id(s, p, o), relation=name,
                       label=label(URIRef(p), "zh"), relation_en=label(URIRef(p), "en"),
                       weight=max(count, 1), documents=sorted(docs))
    return graph


def _add_types_and_names(store: GraphStore, entities: dict[str, _Entity]) -> None:
    for row in _select(store, Q_TYPES):
        entities[str(row["e"])].types.add(str(row["type"]))
    for row in _select(store, Q_NAMES):
        entity, name = entities[str(row["e"])], row["name"]
        text = str(name)
        if str(row["p"]).endswith("altLabel"):
            entity.aliases.add(text)
        elif isinstance(name, Literal) and (name.language or "").startswith("zh"):
            entity.zh_labels.add(text)
        else:
            entity.labels.add(text)


def _add_figures(store: GraphStore, entities: dict[str, _Entity]) -> None:
    for row in _select(store, Q_FIGURES):
        about = str(row["e"])
        if about in entities:  # an indicator about a non-entity (a document) is not drawn
            entities[about].figures.add(figure_text(row))


def figure_text(row: Row) -> str:
    """One figure as analysts read it: ``服务贸易进出口额 6400亿元 (2027, 目标)``."""
    parts = [str(row.get("metric", "")).strip(), _number(row.get("value")) + str(row.get("unit", ""))]
    notes = [str(row["year"])] if "year" in row else []
    if _true(row.get("target")):
        notes.append("目标")
    if _true(row.get("growth")):
        notes.append("增长率")
    text = " ".join(p for p in parts if p)
    return f"{text} ({', '.join(notes)})" if notes else text


def _number(value: Any) -> str:
    if value is None:
        return ""
    try:  # 6400.0 -> 6400, 3.60 -> 3.6, never 6.4E+3
        return format(Decimal(str(value)).normalize(), "f")
    except InvalidOperation:
        return str(value)


def _true(value: Any) -> bool:
    return value is not None and str(value).lower() in ("true", "1")


def _documents(store: GraphStore) -> dict[str, str]:
    """doc id -> title (the first in sort order, should a document carry two)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for row in _select(store, Q_DOCUMENTS):
        titles[doc_id(str(row["doc"]))].add(str(row.get("title", "")))
    return {key: min(titles[key] - {""} or {""}) for key in sorted(titles)}


def _edges(store: GraphStore) -> list[tuple[str, str, str]]:
    return sorted({(str(r["s"]), str(r["p"]), str(r["o"])) for r in _select(store, Q_EDGES)})


def _support(store: GraphStore) -> dict[tuple[str, str, str], tuple[set[str], int]]:
    """(s, p, o) -> (documents, number of assertions): each assertion is one sentence."""
    assertions: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in _select(store, Q_SUPPORT):
        key = (str(row["s"]), str(row["p"]), str(row["o"]))
        assertions[key].add(str(row["a"]))
        if "doc" in row:
            documents[key].add(doc_id(str(row["doc"])))
    return {k: (documents[k], len(v)) for k, v in assertions.items()}


def _node_attrs(iri: str, entity: _Entity) -> dict[str, Any]:
    cls = most_specific_class(entity.types)
    names = sorted(entity.zh_labels) or sorted(entity.labels) or [local_name(iri)]
    cls_iri = URIRef(get_settings().ontology_ns + cls)
    return {
        "label": names[0],
        "class": cls,
        "class_zh": label(cls_iri, "zh"),
        "class_en": label(cls_iri, "en"),
        "core_class": core_class(cls_iri) or cls,
        "aliases": sorted(entity.aliases - {names[0]}),
        "documents": sorted(entity.documents),
        "document_count": len(entity.documents),
        "figures": sorted(entity.figures),
        "figure_count": len(entity.figures),
    }


def most_specific_class(types: Iterable[str]) -> str:
    """The local name of the deepest ontology class among an entity's types (``Entity`` if none).

    Depth is the number of named superclasses, so ``City`` (City, Place, Entity) wins over
    ``Place``; ties go to the alphabetically first name, so the choice never depends on order.
    """
    ns = get_settings().ontology_ns
    ours = [t for t in types if t.startswith(ns) and t != ns]
    if not ours:
        return "Entity"
    return min(ours, key=lambda t: (-len(superclasses(URIRef(t))), t))[len(ns):]


# ---------------------------------------------------------------- one entry point for CLI and HTTP

GRAPH_FORMATS: dict[str, str] = {"gexf": GEXF_MEDIA_TYPE, "graphml": GRAPHML_MEDIA_TYPE, "csv": CSV_MEDIA_TYPE}
FORMATS: dict[str, str] = {**RDF_FORMATS, **GRAPH_FORMATS}
MAX_LISTED_DOCUMENTS = 20  # beyond this the file's description names no documents


def build_graph(store: GraphStore, flt: ExportFilter | None = None, *, layout: bool = True) -> nx.MultiDiGraph:
    """The filtered entity graph with degree, PageRank, community (and layout) on its nodes.

    The HTTP service can use it for JSON neighbourhoods: ``build_graph(store, ExportFilter(
    ego=iri, depth=2), layout=False)``.
    """
    graph = apply_filter(read_entity_graph(store), flt or ExportFilter())
    analyse(graph, layout=layout)
    return graph


def export_bytes(store: GraphStore, fmt: str, flt: ExportFilter | None = None) -> tuple[bytes, str]:
    """The graph (or the part ``flt`` keeps) in a format, and its media type.

    ``fmt`` is one of :data:`FORMATS`: ``gexf``, ``graphml``, ``csv`` (a zip of ``nodes.csv`` and
    ``edges.csv``) or ``turtle``, ``ntriples``, ``nquads``, ``jsonld``. RDF without a filter is
    the whole store; with one, the subgraph's triples with their provenance. Raises
    :class:`ExportError` for an unknown format or filter value (:class:`UnknownEntity` when
    the ego entity is not in the graph). The same store and filter give the same bytes.

    >>> from kg.export import ExportFilter, export_bytes
    >>> # data, media_type = export_bytes(store, "gexf", ExportFilter(ego="青岛市", depth=2))
    """
    flt = flt or ExportFilter()
    key = fmt.strip().lower()
    if key not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if key in RDF_FORMATS and not flt.active:
        return dump_all(store, key), FORMATS[key]
    if key in RDF_FORMATS:
        graph = apply_filter(read_entity_graph(store), flt)
        return serialise(subgraph_triples(store, graph), key), FORMATS[key]
    graph = build_graph(store, flt, layout=key != "csv")
    if key == "gexf":
        return write_gexf(graph, description=describe(graph, flt)), FORMATS[key]
    if key == "graphml":
        return write_graphml(graph), FORMATS[key]
    return write_zip(graph), FORMATS[key]


def describe(graph: nx.MultiDiGraph, flt: ExportFilter) -> str:
    """A line for the file's metadata: what it holds and which documents it came from."""
    text = (f"服务贸易知识图谱 service-trade knowledge graph: {graph.number_of_nodes()} entities, "
            f"{graph.number_of_edges()} relations; {flt.describe()}")
    documents: dict[str, str] = graph.graph.get("documents", {})
    if 0 < len(documents) <= MAX_LISTED_DOCUMENTS:
        text += "; documents: " + "; ".join(f"{k} = {v}" if v else k for k, v in documents.items())
    return text
