"""The whole data flow: load → extract → resolve → map → store."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph

from kg import iris
from kg.extract import extract_document
from kg.load import LoadProblem, load_corpus, load_document
from kg.map import document_graph
from kg.model import Document, Extraction
from kg.resolve import Resolution, normalise, resolve
from kg.store import GraphStore
from kg.vocab import KG, RELATIONS, load_ontology

Progress = Callable[[Document], None]

KNOWN_NAMES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e ?label ?name WHERE {
  ?e <%s> ?doc ; rdfs:label ?label .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
}"""


@dataclass
class BuildReport:
    documents: list[str] = field(default_factory=list)
    problems: list[LoadProblem] = field(default_factory=list)
    entities: int = 0
    relations: int = 0
    figures: int = 0

    def summary(self) -> str:
        skipped = f", {len(self.problems)} skipped" if self.problems else ""
        return (f"{len(self.documents)} documents{skipped}: {self.entities} entities, "
                f"{self.relations} relations, {self.figures} figures")


def extract_all(documents: Iterable[Document], progress: Progress | None = None) -> list[Extraction]:
    out = []
    for document in documents:
        out.append(extract_document(document))
        if progress:
            progress(document)
    return out


def graphs_for(extractions: list[Extraction], resolution: Resolution) -> dict[str, Graph]:
    return {iris.graph_iri(ex.document.doc_id): document_graph(ex, resolution) for ex in extractions}


def _report(extractions: list[Extraction], graphs: dict[str, Graph], problems: list[LoadProblem]) -> BuildReport:
    """What was written, counted as ``kg stats`` counts it: distinct entities, relation triples, figures."""
    union = Graph()
    for graph in graphs.values():
        union += graph
    relations = {KG[name] for name in RELATIONS}
    return BuildReport(
        documents=[ex.document.doc_id for ex in extractions], problems=problems,
        entities=len(set(union.subjects(KG.mentionedIn, None))),
        relations=sum(1 for _, p, _ in union if p in relations),
        figures=len(set(union.subjects(RDF.type, KG.Indicator))))


def build(corpus: Path, store: GraphStore, progress: Progress | None = None,
          on_loaded: Callable[[int], None] | None = None) -> BuildReport:
    """Replace the store's content with the graph of a corpus folder (atomically).

    A folder without one readable document changes nothing (the report lists the skipped files)."""
    documents, problems = load_corpus(corpus)
    if on_loaded:
        on_loaded(len(documents))
    if not documents:  # nothing to build: keep what the store holds
        return BuildReport(problems=problems)
    extractions = extract_all(documents, progress)
    resolution = resolve(extractions)
    graphs = graphs_for(extractions, resolution)
    report = _report(extractions, graphs, problems)
    graphs[iris.ontology_graph_iri()] = load_ontology()
    store.replace_all(graphs)
    return report


def known_names(store: GraphStore) -> dict[str, tuple[str, str]]:
    """Normalised name -> (IRI, label) of every entity already stored."""
    rows = store.select(KNOWN_NAMES % KG.mentionedIn)
    return {normalise(str(r["name"])): (str(r["e"]), str(r["label"])) for r in rows}


def add(paths: list[Path], store: GraphStore) -> BuildReport:
    """Add (or replace) documents, keeping the IRIs and labels of entities already stored."""
    documents = []
    for path in paths:  # all files are read before anything is written
        try:
            documents.append(load_document(path))
        except ValueError as exc:
            raise ValueError(f"{path}: {exc}") from None
    extractions = extract_all(documents)
    resolution = resolve(extractions, known_names(store))
    graphs = graphs_for(extractions, resolution)
    for iri, graph in graphs.items():
        store.put_graph(iri, graph)
    return _report(extractions, graphs, [])


def remove(doc_id: str, store: GraphStore) -> bool:
    """Drop one document's graph; False when the store has no such document."""
    return store.remove_graph(iris.graph_iri(Path(doc_id).stem))
