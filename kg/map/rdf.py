"""One document's named graph: the document node, its entities, relations with evidence, figures."""

from __future__ import annotations

import re

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import iris
from kg.model import Document, Extraction, Figure, RelationMention
from kg.resolve import Resolution, normalise
from kg.vocab import KG, fits

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def bind_prefixes(graph: Graph) -> Graph:
    graph.bind("kg", KG)
    graph.bind("skos", SKOS)
    graph.bind("prov", PROV)
    graph.bind("dcterms", DCTERMS)
    graph.bind("inst", iris.base())
    return graph


def _date(value: str) -> Literal:
    if not DATE.match(value):
        return Literal(value)
    kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=kind)


def add_document_node(graph: Graph, document: Document) -> URIRef:
    node = URIRef(iris.document_iri(document.doc_id))
    meta = document.meta
    graph.add((node, RDF.type, KG.SourceDocument))
    graph.add((node, DCTERMS.title, Literal(meta.title, lang="zh")))
    graph.add((node, KG.sourceFile, Literal(document.path.name)))
    graph.add((node, RDFS.label, Literal(meta.title, lang="zh")))
    optional = ((DCTERMS.publisher, meta.publisher), (DCTERMS.source, meta.source),
                (KG.documentKind, meta.kind), (DCTERMS.spatial, meta.place))
    for prop, value in optional:
        if value:
            graph.add((node, prop, Literal(value)))
    if meta.date:
        graph.add((node, DCTERMS.date, _date(meta.date)))
    return node


def _sentence(graph: Graph, ex: Extraction, index: int, doc_node: URIRef) -> URIRef:
    sentence = ex.sentences[index]
    node = URIRef(iris.sentence_iri(ex.document.doc_id, index))
    graph.add((node, RDF.type, KG.Sentence))
    graph.add((node, KG.text, Literal(sentence.text)))
    graph.add((node, KG.startOffset, Literal(sentence.start, datatype=XSD.integer)))
    graph.add((node, KG.endOffset, Literal(sentence.end, datatype=XSD.integer)))
    graph.add((node, KG.inDocument, doc_node))
    return node


def _entities(graph: Graph, ex: Extraction, resolution: Resolution, doc_node: URIRef) -> set[str]:
    """Describe each entity the document names: type, canonical label, the names used here."""
    iris_here: set[str] = set()
    for mention in _all_mentions(ex):
        iri = resolution.iri_of(mention)
        entity = resolution.entities[iri]
        node = URIRef(iri)
        if iri not in iris_here:
            graph.add((node, RDF.type, KG[entity.cls]))
            graph.add((node, RDFS.label, Literal(entity.label, lang="zh")))
            graph.add((node, KG.mentionedIn, doc_node))
            iris_here.add(iri)
        for name in (mention.text, mention.key):
            if mention.rule != "context" or name == mention.key:
                if normalise(name) and name != entity.label:
                    graph.add((node, SKOS.altLabel, Literal(name, lang="zh")))
    return iris_here


def _all_mentions(ex: Extraction) -> list:  # type: ignore[type-arg]
    out = list(ex.mentions)
    out += [r.subject for r in ex.relations] + [r.object for r in ex.relations]
    out += [f.about for f in ex.figures if f.about is not None]
    return out


def _relation(graph: Graph, ex: Extraction, rel: RelationMention, resolution: Resolution, doc_node: URIRef) -> None:
    s, o = resolution.iri_of(rel.subject), resolution.iri_of(rel.object)
    s_cls, o_cls = resolution.entities[s].cls, resolution.entities[o].cls
    if s == o or not (fits(rel.predicate, "domain", s_cls) and fits(rel.predicate, "range", o_cls)):
        return  # resolution gave an argument a class the ontology does not allow here
    predicate = KG[rel.predicate]
    graph.add((URIRef(s), predicate, URIRef(o)))
    node = URIRef(iris.assertion_iri(ex.document.doc_id, s, rel.predicate, o, rel.sentence))
    graph.add((node, RDF.type, KG.Assertion))
    graph.add((node, RDF.subject, URIRef(s)))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, URIRef(o)))
    graph.add((node, KG.trigger, Literal(rel.trigger)))
    graph.add((node, KG.inDocument, doc_node))
    graph.add((node, KG.evidence, _sentence(graph, ex, rel.sentence, doc_node)))


def _figure(graph: Graph, ex: Extraction, fig: Figure, resolution: Resolution, doc_node: URIRef) -> None:
    node = URIRef(iris.indicator_iri(ex.document.doc_id, fig.sentence, fig.start))
    graph.add((node, RDF.type, KG.Indicator))
    graph.add((node, KG.metric, Literal(fig.metric)))
    graph.add((node, KG.value, Literal(fig.value, datatype=XSD.decimal)))
    graph.add((node, KG.unit, Literal(fig.unit)))
    year_text = f"{fig.year} " if fig.year else ""
    graph.add((node, RDFS.label, Literal(f"{fig.metric} {fig.value}{fig.unit} {year_text}".strip(), lang="zh")))
    if fig.year:
        graph.add((node, KG.year, Literal(f"{fig.year:04d}", datatype=XSD.gYear)))
    graph.add((node, KG.isTarget, Literal(fig.is_target)))
    graph.add((node, KG.isGrowthRate, Literal(fig.is_growth)))
    if fig.about is not None:
        graph.add((node, KG.about, URIRef(resolution.iri_of(fig.about))))
    graph.add((node, KG.inDocument, doc_node))
    graph.add((node, KG.evidence, _sentence(graph, ex, fig.sentence, doc_node)))


def document_graph(ex: Extraction, resolution: Resolution) -> Graph:
    """The RDF of one document, ready to be stored as its named graph."""
    graph = bind_prefixes(Graph())
    doc_node = add_document_node(graph, ex.document)
    _entities(graph, ex, resolution, doc_node)
    for rel in ex.relations:
        _relation(graph, ex, rel, resolution, doc_node)
    for fig in ex.figures:
        _figure(graph, ex, fig, resolution, doc_node)
    return graph
