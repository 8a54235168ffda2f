"""The SPARQL 1.1 Service Description answered by ``GET /sparql`` without a query."""

from __future__ import annotations

from rdflib import RDF, BNode, Graph, Namespace, URIRef

from api.negotiation import Format

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                  "SPARQL_Results_TSV", "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N3")
_RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld",
                   "n3": "n3", "nquads": "nquads", "trig": "trig"}


def description(endpoint: str, graphs: list[str], *, update: bool, federated: bool) -> Graph:
    """The service, its languages, formats and features, and its dataset's named graphs."""
    graph = Graph()
    graph.bind("sd", SD)
    service, dataset, default = BNode("service"), BNode("dataset"), BNode("defaultGraph")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if update:
        graph.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    # Without FROM or a protocol dataset, the default graph is the union of every named graph.
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    if federated:
        graph.add((service, SD.feature, SD.BasicFederatedQuery))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for iri in graphs:
        node = BNode()
        graph.add((dataset, SD.namedGraph, node))
        graph.add((node, RDF.type, SD.NamedGraph))
        graph.add((node, SD.name, URIRef(iri)))
    return graph


def serialise(graph: Graph, fmt: Format) -> bytes:
    return graph.serialize(format=_RDFLIB_FORMATS[fmt.key], encoding="utf-8")
