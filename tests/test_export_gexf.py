"""GEXF 1.3: every export validates against the spec's RelaxNG and reads back with networkx."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

import export_fixture as fx
from kg.export import ExportFilter, export_bytes
from kg.export.filters import apply_filter
from kg.export.gexf import list_value
from kg.export.graph import read_entity_graph
from kg.store.embedded import EmbeddedStore

NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}

FILTERS = [
    ExportFilter(),
    ExportFilter(classes=("Place", "Zone")),
    ExportFilter(relations=("locatedIn", "partOf")),
    ExportFilter(min_degree=2),
    ExportFilter(ego="青岛市", depth=1),
    ExportFilter(ego="海尔", depth=2, limit=4),
    ExportFilter(min_degree=99),  # nothing left: still a valid file
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> EmbeddedStore:
    return fx.make_store(tmp_path_factory.mktemp("export-gexf") / "store")


def xml_value(element: etree._Element, path: str, attribute: str) -> str:
    """An attribute of the element at ``path`` (``.`` for the element itself); fails if missing."""
    found = element if path == "." else element.find(path, NS)
    assert found is not None, f"no {path}"
    value = found.get(attribute)
    assert value is not None, f"no {attribute} on {path}"
    return str(value)


def gexf(store: EmbeddedStore, flt: ExportFilter) -> bytes:
    data, media_type = export_bytes(store, "gexf", flt)
    assert media_type == "application/gexf+xml"
    return data


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: f.describe())
def test_every_export_validates_and_reads_back(store: EmbeddedStore, flt: ExportFilter) -> None:
    data = gexf(store, flt)
    fx.assert_valid_gexf(data)
    expected = apply_filter(read_entity_graph(store), flt)
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert back.number_of_nodes() == expected.number_of_nodes()
    assert back.number_of_edges() == expected.number_of_edges()


def test_whole_graph_counts_equal_the_rdf_entity_subgraph(store: EmbeddedStore) -> None:
    back = nx.read_gexf(io.BytesIO(gexf(store, ExportFilter())), version="1.3")
    assert isinstance(back, nx.MultiDiGraph)  # parallel edges made it through
    assert (back.number_of_nodes(), back.number_of_edges()) == fx.expected_counts()
    assert back.number_of_edges(str(fx.ZONE), str(fx.QD)) == 2


def test_header_follows_the_gephi_contract(store: EmbeddedStore) -> None:
    data = gexf(store, ExportFilter())
    root = etree.fromstring(data)
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    assert root.nsmap == {None: NS["g"], "viz": NS["viz"]}
    assert b"schemaLocation" not in data
    assert xml_value(root, "g:graph", "defaultedgetype") == "directed"
    assert b"<graph name" not in data


def test_nodes_have_label_class_colour_and_size(store: EmbeddedStore) -> None:
    root = etree.fromstring(gexf(store, ExportFilter()))
    types = {a.get("id"): a.get("type") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", NS)}
    assert types["class"] == "string" and types["aliases"] == "liststring"
    assert types["pagerank"] == "double" and types["degree"] == "integer"
    for node in root.iterfind(".//g:node", NS):
        assert node.get("label")
        assert node.find("g:attvalues/g:attvalue[@for='class']", NS) is not None
        assert node.find("g:attvalues/g:attvalue[@for='class_zh']", NS) is not None
        assert xml_value(node, "viz:color", "r") and not node.xpath("viz:color/@a", namespaces=NS)
        assert float(xml_value(node, "viz:size", "value")) > 0
    assert xml_value(root, f".//g:node[@id='{fx.QD}']", "label") == "青岛市"
    aliases = xml_value(root, f".//g:node[@id='{fx.ZONE}']/g:attvalues/g:attvalue[@for='aliases']", "value")
    assert aliases == list_value(sorted(["青岛自贸片区", fx.WEIRD_ALIAS]))


def test_same_class_same_colour(store: EmbeddedStore) -> None:
    root = etree.fromstring(gexf(store, ExportFilter()))
    colours: dict[str, set[tuple[str, ...]]] = {}
    for node in root.iterfind(".//g:node", NS):
        core = xml_value(node, "g:attvalues/g:attvalue[@for='core_class']", "value")
        colours.setdefault(core, set()).add(tuple(xml_value(node, "viz:color", c) for c in "rgb"))
    assert all(len(c) == 1 for c in colours.values())
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)  # and classes differ


def test_edges_have_unique_ids_kind_label_and_positive_weight(store: EmbeddedStore) -> None:
    root = etree.fromstring(gexf(store, ExportFilter()))
    edges = list(root.iterfind(".//g:edge", NS))
    assert len({e.get("id") for e in edges}) == len(edges)
    for edge in edges:
        assert edge.get("kind") and edge.get("label") and float(xml_value(edge, ".", "weight")) > 0
        assert edge.find("g:attvalues/g:attvalue[@for='documents']", NS) is not None
    pair = [e for e in edges if e.get("source") == str(fx.ZONE) and e.get("target") == str(fx.QD)]
    assert sorted((e.get("kind"), e.get("label")) for e in pair) == [("locatedIn", "位于"), ("partOf", "隶属于")]
    located = next(e for e in pair if e.get("kind") == "locatedIn")
    assert located.get("weight") == "2.0"


def test_byte_identical_for_the_same_graph(store: EmbeddedStore) -> None:
    assert gexf(store, ExportFilter()) == gexf(store, ExportFilter())
    assert gexf(store, ExportFilter(ego="青岛")) == gexf(store, ExportFilter(ego="青岛"))


def test_list_values_escape_quotes_and_backslashes() -> None:
    assert list_value([]) == "[]"
    assert list_value(['a "b"', "c\\d", "e, f"]) == '["a \\"b\\"", "c\\\\d", "e, f"]'
