"""What analysts would otherwise compute again in Gephi: degree, PageRank, communities, a layout.

Everything is computed on the graph being exported (after filters) and is deterministic: Louvain
and the spring layout run with a fixed seed on nodes in sorted order, and floats are rounded so
that the same graph always gives a byte-identical file.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", key="partOf", weight=1)
'partOf'
>>> analyse(g)
>>> g.nodes["a"]["degree"], g.nodes["a"]["community"]
(1, 0)
"""

from __future__ import annotations

import networkx as nx

from kg.export.layout import SEED, layout_positions

PAGERANK_DIGITS = 6


def analyse(graph: nx.MultiDiGraph, *, layout: bool = True) -> None:
    """Set ``degree``, ``in_degree``, ``out_degree``, ``pagerank``, ``community`` (and ``x``,
    ``y`` when ``layout``) on every node, in place."""
    simple = collapse(graph)
    ranks = pagerank(graph)
    communities = community_ids(simple)
    positions = layout_positions(graph, simple) if layout else {}
    for node, data in graph.nodes(data=True):
        data["degree"] = int(graph.degree(node))
        data["in_degree"] = int(graph.in_degree(node))
        data["out_degree"] = int(graph.out_degree(node))
        data["pagerank"] = ranks.get(node, 0.0)
        data["community"] = communities.get(node, 0)
        if node in positions:
            data["x"], data["y"] = positions[node]


def collapse(graph: nx.MultiDiGraph) -> nx.Graph:
    """An undirected simple graph whose edge weights add up the parallel and opposite edges."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue  # a self-loop tells nothing about communities or layout
        weight = float(data.get("weight", 1))
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def pagerank(graph: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank along the relations' direction, weighted by supporting sentences."""
    if graph.number_of_nodes() == 0:
        return {}
    try:
        ranks = nx.pagerank(graph, weight="weight", max_iter=500)
    except ImportError as exc:  # networkx computes PageRank with scipy
        raise RuntimeError("PageRank needs scipy: install the project's dependencies") from exc
    return {node: round(float(value), PAGERANK_DIGITS) for node, value in ranks.items()}


def community_ids(simple: nx.Graph) -> dict[str, int]:
    """Louvain communities numbered by size (0 = largest; ties by their first IRI)."""
    if simple.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(simple, weight="weight", seed=SEED)
    ordered = sorted((sorted(c) for c in found), key=lambda members: (-len(members), members[0]))
    return {node: index for index, members in enumerate(ordered) for node in members}
