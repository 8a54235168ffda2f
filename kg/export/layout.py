"""Node positions, so a file opens laid out in Gephi and Gephi Lite (and in the PNG of the docs).

Each connected component gets a layout of its own (Kamada-Kawai, or a seeded spring layout when
large), sized by its node count, and
the components are packed in rows, largest first: one spring layout of everything would push
small components to the edges and crush the large one in the middle.
Entities with no edge (most of a small corpus's graph) go on a ring around it, grouped by class.
"""

from __future__ import annotations

import math

import networkx as nx

SEED = 20240527  # any fixed number: it only has to stay the same between runs
LAYOUT_SCALE = 1000.0  # half the width of the result: Gephi's canvas works in hundreds of units
GROWTH = 0.9  # radius = nodes ** GROWTH: a little more than area-true, so hubs' labels have room
GAP = 2.5  # space between packed components, in units of a one-node component's radius
KAMADA_KAWAI_MAX = 200  # above this a component gets the (faster, seeded) spring layout
FILL = 0.7  # a component spans this share of its box: labels need room at the edges
RING_MARGIN = 1.15  # the ring of unconnected entities sits just outside the packed components

Point = tuple[float, float]


def layout_positions(graph: nx.MultiDiGraph, simple: nx.Graph) -> dict[str, Point]:
    """Positions of every node, within about ±LAYOUT_SCALE, rounded to one decimal."""
    linked = simple.subgraph(n for n in simple if simple.degree(n) > 0)
    positions = _normalise(_pack([_component(linked, c) for c in _components(linked)]))
    alone = sorted((n for n in simple if n not in positions),
                   key=lambda n: (str(graph.nodes[n].get("core_class", "")), n))
    radius = LAYOUT_SCALE * (RING_MARGIN if positions else 1.0)
    for index, node in enumerate(alone):
        angle = 2 * math.pi * index / len(alone)
        positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}


def _components(graph: nx.Graph) -> list[list[str]]:
    return sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))


def _component(graph: nx.Graph, nodes: list[str]) -> tuple[float, dict[str, Point]]:
    """A component's radius and its spring layout centred on the origin."""
    radius = len(nodes) ** GROWTH
    if len(nodes) == 2:  # one above the other: side by side, two long Chinese labels would collide
        return radius, {nodes[0]: (0.0, radius * FILL), nodes[1]: (0.0, -radius * FILL)}
    sub = graph.subgraph(nodes)
    if len(nodes) <= KAMADA_KAWAI_MAX:  # hubs' leaves spread evenly; no randomness at all
        raw = nx.kamada_kawai_layout(sub, weight=None, scale=radius * FILL)
    else:
        raw = nx.spring_layout(sub, weight="weight", seed=SEED, scale=radius * FILL)
    return radius, {n: (float(x), float(y)) for n, (x, y) in raw.items()}


def _pack(parts: list[tuple[float, dict[str, Point]]]) -> dict[str, Point]:
    """Shelf packing: left to right in rows about as wide as the whole is tall."""
    if not parts:
        return {}
    width = math.sqrt(sum((2 * r + GAP) ** 2 for r, _ in parts)) * 1.2
    width = max(width, 2 * parts[0][0] + GAP)
    placed: dict[str, Point] = {}
    x = y = row_height = 0.0
    for radius, points in parts:
        side = 2 * radius + GAP
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height, 0.0
        cx, cy = x + side / 2, y - side / 2
        placed.update({n: (cx + px, cy + py) for n, (px, py) in points.items()})
        x, row_height = x + side, max(row_height, side)
    return placed


def _normalise(points: dict[str, Point]) -> dict[str, Point]:
    """Centre on the origin and scale the larger extent to ±LAYOUT_SCALE."""
    if not points:
        return {}
    xs, ys = [p[0] for p in points.values()], [p[1] for p in points.values()]
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9) / 2
    factor = LAYOUT_SCALE / half
    return {n: ((x - mid_x) * factor, (y - mid_y) * factor) for n, (x, y) in points.items()}
