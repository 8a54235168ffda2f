"""GraphML, CSV tables and RDF exports of the same graph."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import networkx as nx
import pytest
import pyoxigraph as ox
from rdflib import RDF

import export_fixture as fx
from kg import iris
from kg.export import FORMATS, ExportError, ExportFilter, export_bytes
from kg.export.csv import EDGE_COLUMNS, NODE_COLUMNS, write_folder
from kg.export.graph import build_graph
from kg.store.embedded import EmbeddedStore
from kg.store.terms import rdf_format


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    return fx.make_store(tmp_path_factory.mktemp("export-formats") / "store")


def test_graphml_reads_back_with_the_same_counts(store: EmbeddedStore) -> None:
    data, media_type = export_bytes(store, "graphml")
    assert media_type == "application/graphml+xml"
    back = nx.read_graphml(io.BytesIO(data))
    assert isinstance(back, nx.MultiDiGraph)
    assert (back.number_of_nodes(), back.number_of_edges()) == fx.expected_counts()
    assert back.nodes[str(fx.QD)]["label"] == "青岛市"
    located = [d for d in back[str(fx.ZONE)][str(fx.QD)].values() if d["relation"] == "locatedIn"]
    assert located[0]["weight"] == 2.0 and located[0]["label"] == "位于"
    assert len(set(back[str(fx.ZONE)][str(fx.QD)])) == 2  # unique edge ids as keys


def test_graphml_filtered_and_deterministic(store: EmbeddedStore) -> None:
    flt = ExportFilter(ego="青岛", depth=1)
    first, _ = export_bytes(store, "graphml", flt)
    assert first == export_bytes(store, "graphml", flt)[0]
    back = nx.read_graphml(io.BytesIO(first))
    assert (back.number_of_nodes(), back.number_of_edges()) == (4, 4)


def _tables(data: bytes) -> dict[str, list[dict[str, str]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))
                for name in archive.namelist()}


def test_csv_zip_has_a_row_per_node_and_edge(store: EmbeddedStore) -> None:
    data, media_type = export_bytes(store, "csv")
    assert media_type == "application/zip"
    tables = _tables(data)
    nodes, edges = fx.expected_counts()
    assert len(tables["nodes.csv"]) == nodes and len(tables["edges.csv"]) == edges
    assert tuple(tables["nodes.csv"][0]) == NODE_COLUMNS and tuple(tables["edges.csv"][0]) == EDGE_COLUMNS
    city = next(r for r in tables["nodes.csv"] if r["Id"] == str(fx.QD))
    assert city["Label"] == "青岛市" and city["class"] == "City" and city["degree"] == "4"
    assert all(int(r["Weight"]) >= 1 and r["Kind"] and r["Type"] == "Directed" for r in tables["edges.csv"])
    assert data == export_bytes(store, "csv")[0]  # byte-identical zip


def test_csv_folder(store: EmbeddedStore, tmp_path: Path) -> None:
    paths = write_folder(build_graph(store, ExportFilter(classes=("Enterprise", "Platform"))), tmp_path / "t")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv"]
    assert not paths[0].read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM for Gephi
    rows = list(csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8"))))
    assert [r["Kind"] for r in rows] == ["operates"]


def _triples(data: bytes, fmt: str) -> set[tuple[str, str, str]]:
    """(s, p, o) as strings, parsed by Oxigraph (rdflib's JSON-LD and N-Quads parsers warn)."""
    return {(q.subject.value, q.predicate.value, q.object.value) for q in ox.parse(data, format=rdf_format(fmt))}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "jsonld"])
def test_rdf_whole_graph(store: EmbeddedStore, fmt: str) -> None:
    data, media_type = export_bytes(store, fmt)
    assert media_type == FORMATS[fmt]
    subjects = {s for s, _, _ in _triples(data, fmt)}
    assert str(fx.EXPO) in subjects and str(fx.QD) in subjects
    if fmt == "nquads":  # the named graphs survive
        assert {q.graph_name.value for q in ox.parse(data, format=rdf_format(fmt))} >= {iris.graph_iri("d1")}


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads", "jsonld"])
def test_rdf_filtered_subgraph(store: EmbeddedStore, fmt: str) -> None:
    flt = ExportFilter(ego="海尔集团", depth=1)
    data, _ = export_bytes(store, fmt, flt)
    triples = _triples(data, fmt)
    assert (str(fx.HAIER), str(fx.KG.operates), str(fx.COSMO)) in triples
    assert str(fx.EXPO) not in {s for s, _, _ in triples}
    assertions = {s for s, p, o in triples if p == str(RDF.subject) and o == str(fx.HAIER)}
    assert len(assertions) == 3  # operates twice, cooperatesWith once; locatedIn has none
    assert data == export_bytes(store, fmt, flt)[0]


def test_unknown_format(store: EmbeddedStore) -> None:
    with pytest.raises(ExportError, match="unknown format"):
        export_bytes(store, "dot")
