"""The entity subgraph read from a store, the shared filters and the analysis."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

import export_fixture as fx
from kg.export import (AmbiguousEntity, ExportError, ExportFilter, UnknownEntity, build_graph,
                       read_entity_graph)
from kg.export.filters import apply_filter
from kg.store.embedded import EmbeddedStore


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    return fx.make_store(tmp_path_factory.mktemp("export-graph") / "store")


@pytest.fixture(scope="module")
def graph(store: EmbeddedStore) -> nx.MultiDiGraph:
    return read_entity_graph(store)


def test_counts_equal_the_rdf_entity_subgraph(graph: nx.MultiDiGraph) -> None:
    assert (graph.number_of_nodes(), graph.number_of_edges()) == fx.expected_counts()


def test_parallel_edges_with_different_relations_stay_separate(graph: nx.MultiDiGraph) -> None:
    assert set(graph[str(fx.ZONE)][str(fx.QD)]) == {"locatedIn", "partOf"}


def test_weight_counts_supporting_sentences_and_is_never_zero(graph: nx.MultiDiGraph) -> None:
    located = graph[str(fx.ZONE)][str(fx.QD)]["locatedIn"]
    assert located["weight"] == 2 and located["documents"] == ["d1", "d2"]
    assert graph[str(fx.HAIER)][str(fx.COSMO)]["operates"]["weight"] == 2
    unsupported = graph[str(fx.HAIER)][str(fx.QD)]["locatedIn"]
    assert unsupported["weight"] == 1 and unsupported["documents"] == []
    assert located["label"] == "位于" and located["relation"] == "locatedIn"


def test_node_attributes(graph: nx.MultiDiGraph) -> None:
    city = graph.nodes[str(fx.QD)]
    assert city["label"] == "青岛市"
    assert (city["class"], city["class_zh"], city["class_en"], city["core_class"]) == ("City", "城市", "City", "Place")
    assert city["aliases"] == ["我市", "青岛"]
    assert city["documents"] == ["d1", "d2"] and city["document_count"] == 2
    assert city["figures"] == ["服务贸易进出口额 6400亿元 (2027, 目标)"] and city["figure_count"] == 1
    assert graph.nodes[str(fx.PLAN)]["core_class"] == "Programme"
    assert graph.graph["documents"]["d2"] == "海尔卡奥斯亮相服贸会"


def test_unconnected_entities_are_kept(graph: nx.MultiDiGraph) -> None:
    assert graph.degree(str(fx.EXPO)) == 0


def test_class_filter_takes_subclasses_and_chinese_labels(graph: nx.MultiDiGraph) -> None:
    programmes = apply_filter(graph, ExportFilter(classes=("Programme",)))
    assert set(programmes) == {str(fx.PLAN), str(fx.PILOT)}
    places = apply_filter(graph, ExportFilter(classes=("城市", "zone")))
    assert set(places) == {str(fx.QD), str(fx.ZONE)}
    assert places.number_of_edges() == 2  # the two parallel edges


def test_relation_filter(graph: nx.MultiDiGraph) -> None:
    located = apply_filter(graph, ExportFilter(relations=("locatedIn",)))
    assert {k for *_, k in located.edges(keys=True)} == {"locatedIn"}
    assert located.number_of_nodes() == graph.number_of_nodes()  # nodes stay; min-degree drops them
    assert apply_filter(graph, ExportFilter(relations=("依托",))).number_of_edges() == 0
    by_iri = apply_filter(graph, ExportFilter(relations=(str(fx.KG.partOf),)))
    assert {k for *_, k in by_iri.edges(keys=True)} == {"partOf"}


def test_min_degree(graph: nx.MultiDiGraph) -> None:
    kept = apply_filter(graph, ExportFilter(min_degree=3))
    assert set(kept) == {str(fx.QD), str(fx.HAIER)}  # 4 and 3 edges; every other entity has fewer
    assert kept.number_of_edges() == 1


@pytest.mark.parametrize("ref", [str(fx.QD), str(fx.QD).rsplit("/", 1)[1], "青岛市", "青岛", "我市"])
def test_ego_by_iri_id_name_or_alias(graph: nx.MultiDiGraph, ref: str) -> None:
    ego = apply_filter(graph, ExportFilter(ego=ref, depth=1))
    assert set(ego) == {str(fx.QD), str(fx.ZONE), str(fx.PILOT), str(fx.HAIER)}
    assert ego.number_of_edges() == 4


def test_ego_depth(graph: nx.MultiDiGraph) -> None:
    assert set(apply_filter(graph, ExportFilter(ego="青岛市", depth=0))) == {str(fx.QD)}
    two = apply_filter(graph, ExportFilter(ego="海尔", depth=2))
    assert str(fx.PLAN) in two and str(fx.EXPO) not in two


def test_ego_keeps_its_centre_under_other_filters(graph: nx.MultiDiGraph) -> None:
    platforms = apply_filter(graph, ExportFilter(ego="海尔集团", classes=("Platform",)))
    assert set(platforms) == {str(fx.HAIER), str(fx.COSMO)}
    alone = apply_filter(graph, ExportFilter(ego="海尔集团", classes=("Platform",), min_degree=5))
    assert set(alone) == {str(fx.HAIER)}


def test_limit_keeps_the_nearest(graph: nx.MultiDiGraph) -> None:
    kept = apply_filter(graph, ExportFilter(ego="青岛市", depth=2, limit=2))
    assert set(kept) == {str(fx.QD), str(fx.HAIER)}  # one hop away, and 3 edges to ZONE's 2


def test_unknown_and_ambiguous_entities(graph: nx.MultiDiGraph) -> None:
    with pytest.raises(UnknownEntity):
        apply_filter(graph, ExportFilter(ego="北京市"))
    with pytest.raises(AmbiguousEntity) as info:
        apply_filter(graph, ExportFilter(ego="服务贸易"))
    assert len(info.value.candidates) == 3


def test_bad_filter_values() -> None:
    with pytest.raises(ExportError, match="unknown name"):
        apply_filter(nx.MultiDiGraph(), ExportFilter(classes=("Company",)))
    with pytest.raises(ExportError):
        ExportFilter(depth=-1)
    assert not ExportFilter().active and ExportFilter(ego="x").active


def test_analysis_is_deterministic_and_complete(store: EmbeddedStore) -> None:
    first, second = build_graph(store), build_graph(store)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    city = first.nodes[str(fx.QD)]
    assert city["degree"] == 4 and city["in_degree"] == 3 and city["out_degree"] == 1
    assert abs(sum(d["pagerank"] for _, d in first.nodes(data=True)) - 1) < 1e-4
    assert city["pagerank"] > first.nodes[str(fx.ZONE)]["pagerank"]  # QD is pointed at, ZONE not
    communities = {d["community"] for _, d in first.nodes(data=True)}
    assert communities == set(range(len(communities)))
    assert first.nodes[str(fx.ZONE)]["community"] == city["community"]


def test_empty_store(tmp_path: Path) -> None:
    empty = EmbeddedStore(tmp_path / "empty")
    graph = build_graph(empty)
    assert graph.number_of_nodes() == 0 and graph.number_of_edges() == 0
