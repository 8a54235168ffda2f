"""A small graph of the shape ``kg build`` writes, for the export tests (not a test module).

Two documents; entities named in both repeat their triples in both graphs (as the real build
does); two parallel edges between the same pair (locatedIn and partOf); an edge backed by two
sentences in two documents, one by two sentences in one, one by no assertion at all; an entity
with no edge; an alias with a comma, quotes and a backslash; one figure.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg import iris
from kg.config import get_settings
from kg.store.embedded import EmbeddedStore
from kg.vocab import load_ontology

KG = Namespace(get_settings().ontology_ns)
# The shared folder sits beside the repository (../shared), in a checkout and in CI alike.
RNG = Path(__file__).resolve().parents[1].parent / "shared" / "gexf" / "specs" / "1.3" / "gexf.rng"

QD = URIRef(iris.entity_iri("青岛市"))
ZONE = URIRef(iris.entity_iri("中国（山东）自由贸易试验区青岛片区"))
BUREAU = URIRef(iris.entity_iri("青岛市商务局"))
PLAN = URIRef(iris.entity_iri("青岛市服务贸易创新发展实施方案"))
PILOT = URIRef(iris.entity_iri("全面深化服务贸易创新发展试点"))
HAIER = URIRef(iris.entity_iri("海尔集团"))
COSMO = URIRef(iris.entity_iri("卡奥斯COSMOPlat"))
EXPO = URIRef(iris.entity_iri("中国国际服务贸易交易会"))
WEIRD_ALIAS = '青岛片区, "自贸" \\ 试验区'

ENTITIES = {
    QD: ("City", "青岛市", ["青岛", "我市"], ["d1", "d2"]),
    ZONE: ("Zone", "中国（山东）自由贸易试验区青岛片区", ["青岛自贸片区", WEIRD_ALIAS], ["d1", "d2"]),
    BUREAU: ("GovernmentBody", "青岛市商务局", ["市商务局"], ["d1", "d2"]),
    PLAN: ("PolicyDocument", "青岛市服务贸易创新发展实施方案", [], ["d1"]),
    PILOT: ("PilotProgramme", "全面深化服务贸易创新发展试点", [], ["d1"]),
    HAIER: ("Enterprise", "海尔集团", ["海尔"], ["d2"]),
    COSMO: ("Platform", "卡奥斯COSMOPlat", [], ["d2"]),
    EXPO: ("Event", "中国国际服务贸易交易会", ["服贸会"], ["d2"]),
}
# (subject, relation, object) -> sentences (doc, index) that state it; [] = no assertion.
RELATIONS: dict[tuple[URIRef, str, URIRef], list[tuple[str, int]]] = {
    (ZONE, "locatedIn", QD): [("d1", 0), ("d2", 3)],
    (ZONE, "partOf", QD): [("d1", 1)],
    (PLAN, "issuedBy", BUREAU): [("d1", 2)],
    (QD, "designatedAs", PILOT): [("d1", 4)],
    (HAIER, "operates", COSMO): [("d2", 1), ("d2", 2)],
    (HAIER, "locatedIn", QD): [],
    (HAIER, "cooperatesWith", BUREAU): [("d2", 5)],
}
TITLES = {"d1": "青岛市服务贸易创新发展实施方案", "d2": "海尔卡奥斯亮相服贸会"}


def document_graph(doc: str) -> Graph:
    graph = Graph()
    doc_node = URIRef(iris.document_iri(doc))
    graph.add((doc_node, RDF.type, KG.SourceDocument))
    graph.add((doc_node, DCTERMS.title, Literal(TITLES[doc], lang="zh")))
    for entity, (cls, name, aliases, docs) in ENTITIES.items():
        if doc not in docs:
            continue
        graph.add((entity, RDF.type, KG[cls]))
        graph.add((entity, RDFS.label, Literal(name, lang="zh")))
        graph.add((entity, KG.mentionedIn, doc_node))
        for alias in aliases:
            graph.add((entity, SKOS.altLabel, Literal(alias, lang="zh")))
    for (s, p, o), sentences in RELATIONS.items():
        if doc in ENTITIES[s][3] and doc in ENTITIES[o][3]:
            graph.add((s, KG[p], o))
        for where, index in sentences:
            if where == doc:
                _assertion(graph, doc, s, p, o, index)
    if doc == "d1":
        _indicator(graph, doc)
    return graph


def _assertion(graph: Graph, doc: str, s: URIRef, p: str, o: URIRef, index: int) -> None:
    node = URIRef(iris.assertion_iri(doc, str(s), p, str(o), index))
    sentence = URIRef(iris.sentence_iri(doc, index))
    graph.add((node, RDF.type, KG.Assertion))
    graph.add((node, RDF.subject, s))
    graph.add((node, RDF.predicate, KG[p]))
    graph.add((node, RDF.object, o))
    graph.add((node, KG.inDocument, URIRef(iris.document_iri(doc))))
    graph.add((node, KG.evidence, sentence))
    graph.add((sentence, RDF.type, KG.Sentence))
    graph.add((sentence, KG.text, Literal(f"第{index}句。")))


def _indicator(graph: Graph, doc: str) -> None:
    node = URIRef(iris.indicator_iri(doc, 6, 0))
    graph.add((node, RDF.type, KG.Indicator))
    graph.add((node, KG.about, QD))
    graph.add((node, KG.metric, Literal("服务贸易进出口额")))
    graph.add((node, KG.value, Literal("6400.0", datatype=XSD.decimal)))
    graph.add((node, KG.unit, Literal("亿元")))
    graph.add((node, KG.year, Literal("2027", datatype=XSD.gYear)))
    graph.add((node, KG.isTarget, Literal(True)))
    graph.add((node, KG.isGrowthRate, Literal(False)))


def graphs() -> dict[str, Graph]:
    """Named graph IRI -> graph, as ``replace_all`` takes them."""
    out = {iris.graph_iri(doc): document_graph(doc) for doc in TITLES}
    out[iris.ontology_graph_iri()] = load_ontology()
    return out


def make_store(folder: Path) -> EmbeddedStore:
    store = EmbeddedStore(folder)
    store.replace_all(graphs())
    return store


def expected_counts() -> tuple[int, int]:
    """Entities and distinct relation triples between entities, counted with rdflib alone."""
    union = Graph()
    for graph in graphs().values():
        union += graph
    entities = set(union.subjects(KG.mentionedIn, None))
    edges = {(s, p, o) for s, p, o in union
             if s in entities and o in entities and str(p).startswith(str(KG)) and p != KG.mentionedIn}
    return len(entities), len(edges)


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG | None:
    return etree.RelaxNG(etree.parse(str(RNG))) if RNG.is_file() else None


def assert_valid_gexf(data: bytes) -> None:
    """Validate against the GEXF 1.3 RelaxNG; skip the test, saying why, when the schema is absent."""
    schema = _schema()
    if schema is None:
        pytest.skip(f"GEXF 1.3 schema not found at {RNG} (the shared/ folder beside the repo is absent)")
    assert schema.validate(etree.fromstring(data)), schema.error_log
