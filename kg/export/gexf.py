"""Our own GEXF 1.3 writer: what Gephi and Gephi Lite open without fixing anything by hand.

networkx's writer is not used: it writes 1.2draft by default, cannot write lists or None, never
writes the edge ``kind`` and adds an alpha that Gephi Lite ignores. This one writes exactly what
``gexf/specs/1.3/gexf.rng`` accepts: no ``xsi:schemaLocation``, no ``name`` on ``<graph>``,
declared typed attributes (``liststring`` for lists), ``viz:color`` (r, g, b; no alpha),
``viz:size``, ``viz:position``; every edge with a unique ``id``, ``kind`` and ``label``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
from lxml import etree

import kg
from kg.export.style import colour_for, size_for

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
MEDIA_TYPE = "application/gexf+xml"
NSMAP: Any = {None: GEXF_NS, "viz": VIZ_NS}  # Any: lxml's stubs do not allow the None (default) key

# (id, title, GEXF type): declared once, written in this order, whatever the graph holds.
NODE_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("class", "class", "string"),
    ("class_zh", "class_zh", "string"),
    ("class_en", "class_en", "string"),
    ("core_class", "core_class", "string"),
    ("aliases", "aliases", "liststring"),
    ("document_count", "document_count", "integer"),
    ("documents", "documents", "liststring"),
    ("figures", "figures", "liststring"),
    ("figure_count", "figure_count", "integer"),
    ("degree", "degree", "integer"),
    ("in_degree", "in_degree", "integer"),
    ("out_degree", "out_degree", "integer"),
    ("pagerank", "pagerank", "double"),
    ("community", "community", "integer"),
)
# ``relation`` repeats ``kind`` because Gephi Lite (graphology) reads no ``kind``.
EDGE_ATTRIBUTES: tuple[tuple[str, str, str], ...] = (
    ("relation", "relation", "string"),
    ("relation_en", "relation_en", "string"),
    ("documents", "documents", "liststring"),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: Any) -> str:
    """Text XML can carry, whitespace collapsed (labels are ``xsd:token`` in the schema)."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())


def list_value(items: Iterable[Any]) -> str:
    """A list as Gephi and graphology parse it: ``["a", "b"]``, with ``"`` and ``\\`` escaped."""
    quoted = (clean(i).replace("\\", "\\\\").replace('"', '\\"') for i in items)
    return "[" + ", ".join(f'"{q}"' for q in quoted) + "]"


def scalar(value: Any, kind: str) -> str:
    if kind == "liststring":
        return list_value(value or [])
    if kind == "double":
        return repr(float(value))
    if kind == "integer":
        return str(int(value))
    return clean(value)


def write_gexf(graph: nx.MultiDiGraph, *, description: str = "") -> bytes:
    """The graph as GEXF 1.3 bytes (UTF-8); run :func:`kg.export.analysis.analyse` first."""
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap=NSMAP, version="1.3")
    meta = etree.SubElement(root, _q("meta"))
    etree.SubElement(meta, _q("creator")).text = f"servicetrade-kg {kg.__version__}"
    etree.SubElement(meta, _q("description")).text = clean(description or "service-trade knowledge graph")
    body = etree.SubElement(root, _q("graph"), defaultedgetype="directed", mode="static")
    _declare(body, "node", NODE_ATTRIBUTES)
    _declare(body, "edge", EDGE_ATTRIBUTES)
    nodes = etree.SubElement(body, _q("nodes"), count=str(graph.number_of_nodes()))
    for node, data in graph.nodes(data=True):
        _node(nodes, node, data)
    edges = etree.SubElement(body, _q("edges"), count=str(graph.number_of_edges()))
    seen: set[str] = set()
    for source, target, key, data in graph.edges(keys=True, data=True):
        _edge(edges, source, target, key, data, seen)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _q(tag: str, ns: str = GEXF_NS) -> str:
    return f"{{{ns}}}{tag}"


def _declare(parent: etree._Element, cls: str, attributes: Sequence[tuple[str, str, str]]) -> None:
    block = etree.SubElement(parent, _q("attributes"), {"class": cls, "mode": "static"})
    for ident, title, kind in attributes:
        etree.SubElement(block, _q("attribute"), id=ident, title=title, type=kind)


def _attvalues(parent: etree._Element, data: Mapping[str, Any],
               attributes: Sequence[tuple[str, str, str]]) -> None:
    values = etree.SubElement(parent, _q("attvalues"))
    for ident, _title, kind in attributes:
        if data.get(ident) is not None:  # None has no GEXF spelling: leave the value out
            etree.SubElement(values, _q("attvalue"), {"for": ident, "value": scalar(data[ident], kind)})


def _node(parent: etree._Element, node: str, data: Mapping[str, Any]) -> None:
    element = etree.SubElement(parent, _q("node"), id=node, label=clean(data.get("label") or node))
    _attvalues(element, data, NODE_ATTRIBUTES)
    r, g, b = colour_for(str(data.get("class", "")), str(data.get("core_class", "")))
    etree.SubElement(element, _q("color", VIZ_NS), r=str(r), g=str(g), b=str(b))
    etree.SubElement(element, _q("size", VIZ_NS), value=repr(size_for(int(data.get("degree", 0)))))
    if "x" in data and "y" in data:
        etree.SubElement(element, _q("position", VIZ_NS), x=repr(float(data["x"])), y=repr(float(data["y"])))


def _edge(parent: etree._Element, source: str, target: str, key: str, data: Mapping[str, Any],
          seen: set[str]) -> None:
    ident = str(data.get("id") or f"{source} {key} {target}")
    if ident in seen:  # ids must be unique or Gephi drops the edge; never expected, but be loud
        raise ValueError(f"duplicate edge id {ident}")
    seen.add(ident)
    weight = max(float(data.get("weight", 1)), 1.0)  # never zero: Gephi would hide the edge
    element = etree.SubElement(parent, _q("edge"), id=ident, source=source, target=target,
                               label=clean(data.get("label") or key), kind=clean(key), weight=repr(weight))
    _attvalues(element, data, EDGE_ATTRIBUTES)
