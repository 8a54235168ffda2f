"""GraphML for Gephi, yEd and networkx: the same graph and attributes as the GEXF.

Gephi's GraphML importer maps keys by name: ``label`` (node and edge), ``weight``, ``size``,
``r``/``g``/``b`` and ``x``/``y`` become its own label, weight, size, colour and position rather
than plain columns. GraphML has no edge ``kind``, so Gephi may merge parallel edges on import
(see docs/GEPHI.md); every edge keeps a unique ``id``. Lists are written as ``["a", "b"]``
strings: ``liststring`` is not a GraphML type other readers know.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
from lxml import etree

from kg.export.gexf import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, clean, list_value
from kg.export.style import colour_for, size_for

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
MEDIA_TYPE = "application/graphml+xml"
NSMAP: Any = {None: GRAPHML_NS}  # Any: lxml's stubs do not allow the None (default) key

# The attributes are GEXF's (kg.export.gexf), in GraphML's type names; GraphML has no viz elements,
# so size, colour and position are keys of their own. (key id, attr.name, attr.type); ids are unique
# across node and edge keys.
GRAPHML_TYPES = {"string": "string", "liststring": "string", "integer": "int", "double": "double"}
NODE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("label", "label", "string"),
    *((ident, title, GRAPHML_TYPES[kind]) for ident, title, kind in NODE_ATTRIBUTES),
    ("size", "size", "double"),
    ("r", "r", "int"),
    ("g", "g", "int"),
    ("b", "b", "int"),
    ("x", "x", "double"),
    ("y", "y", "double"),
)
EDGE_KEYS: tuple[tuple[str, str, str], ...] = (
    ("e_label", "label", "string"),
    ("e_weight", "weight", "double"),
    *((f"e_{ident}", title, GRAPHML_TYPES[kind]) for ident, title, kind in EDGE_ATTRIBUTES),
)


def write_graphml(graph: nx.MultiDiGraph) -> bytes:
    """The graph as GraphML bytes (UTF-8); run :func:`kg.export.analysis.analyse` first."""
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap=NSMAP)
    for cls, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for ident, name, kind in keys:
            etree.SubElement(root, _q("key"), {"id": ident, "for": cls, "attr.name": name, "attr.type": kind})
    body = etree.SubElement(root, _q("graph"), id="G", edgedefault="directed")
    for node, data in graph.nodes(data=True):
        element = etree.SubElement(body, _q("node"), id=node)
        _data(element, _node_values(node, data), NODE_KEYS)
    for source, target, key, data in graph.edges(keys=True, data=True):
        element = etree.SubElement(body, _q("edge"), id=str(data.get("id") or f"{source} {key} {target}"),
                                   source=source, target=target)
        values = {"label": data.get("label") or key, "weight": max(float(data.get("weight", 1)), 1.0),
                  "relation": key, "relation_en": data.get("relation_en"), "documents": data.get("documents")}
        _data(element, values, EDGE_KEYS)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _q(tag: str) -> str:
    return f"{{{GRAPHML_NS}}}{tag}"


def _node_values(node: str, data: Mapping[str, Any]) -> dict[str, Any]:
    r, g, b = colour_for(str(data.get("class", "")), str(data.get("core_class", "")))
    size = size_for(int(data.get("degree", 0)))
    return {**data, "label": data.get("label") or node, "size": size, "r": r, "g": g, "b": b}


def _data(parent: etree._Element, values: Mapping[str, Any], keys: Sequence[tuple[str, str, str]]) -> None:
    for ident, name, kind in keys:
        value = values.get(name)
        if value is None:
            continue
        element = etree.SubElement(parent, _q("data"), key=ident)
        element.text = _text(value, kind)


def _text(value: Any, kind: str) -> str:
    if isinstance(value, (list, tuple)):
        return list_value(value)
    if kind == "double":
        return repr(float(value))
    if kind == "int":
        return str(int(value))
    return clean(value)
