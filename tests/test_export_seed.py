"""The seed corpus, built for real, exports to GEXF, GraphML and CSV with the RDF graph's counts."""

from __future__ import annotations

import csv
import io
import zipfile

import networkx as nx
import pyoxigraph as ox
import pytest

import export_fixture as fx
from kg.build import build
from kg.config import PROJECT_ROOT, get_settings
from kg.export import ExportFilter, export_bytes
from kg.store.embedded import EmbeddedStore

CORPUS = PROJECT_ROOT / "data" / "corpus"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    if not any(CORPUS.glob("*.txt")):
        pytest.skip(f"no seed corpus in {CORPUS}")
    graph_store = EmbeddedStore(tmp_path_factory.mktemp("export-seed") / "store")
    build(CORPUS, graph_store)
    return graph_store


def rdf_counts(store: EmbeddedStore) -> tuple[int, int]:
    """Entities and distinct relation triples between them, counted from the N-Quads dump."""
    ns = get_settings().ontology_ns
    mentioned = ns + "mentionedIn"
    quads = list(ox.parse(store.dump("nquads"), format=ox.RdfFormat.N_QUADS))
    entities = {q.subject.value for q in quads if q.predicate.value == mentioned}
    edges = {(q.subject.value, q.predicate.value, q.object.value) for q in quads
             if q.subject.value in entities and isinstance(q.object, ox.NamedNode)
             and q.object.value in entities and q.predicate.value.startswith(ns)
             and q.predicate.value != mentioned}
    return len(entities), len(edges)


def test_gexf_validates_and_counts_match(store: EmbeddedStore) -> None:
    data, _ = export_bytes(store, "gexf")
    fx.assert_valid_gexf(data)
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert (back.number_of_nodes(), back.number_of_edges()) == rdf_counts(store)
    assert back.number_of_edges() > 0


def test_graphml_and_csv_counts_match(store: EmbeddedStore) -> None:
    nodes, edges = rdf_counts(store)
    back = nx.read_graphml(io.BytesIO(export_bytes(store, "graphml")[0]))
    assert (back.number_of_nodes(), back.number_of_edges()) == (nodes, edges)
    with zipfile.ZipFile(io.BytesIO(export_bytes(store, "csv")[0])) as archive:
        rows = {n: list(csv.DictReader(io.StringIO(archive.read(n).decode("utf-8")))) for n in archive.namelist()}
    assert (len(rows["nodes.csv"]), len(rows["edges.csv"])) == (nodes, edges)


def test_ego_network_of_the_seed_city(store: EmbeddedStore) -> None:
    data, _ = export_bytes(store, "gexf", ExportFilter(ego="青岛市", depth=1))
    fx.assert_valid_gexf(data)
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert back.number_of_nodes() > 1
    assert any(d["label"] == "青岛市" for _, d in back.nodes(data=True))
