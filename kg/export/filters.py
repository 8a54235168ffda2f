"""Subgraph filters shared by ``kg export`` and the HTTP service.

Steps, in this order, on the entity graph of :func:`kg.export.graph.read_entity_graph`:

1. ``relations``: keep only edges of these relations;
2. ``classes``: keep only entities of these classes (a class matches its subclasses too:
   ``Programme`` keeps policy documents, ``Place`` keeps cities);
3. ``ego``: keep the entities within ``depth`` hops of one entity, edges followed both ways;
4. ``min_degree``: drop entities with fewer edges than this (counted in what steps 1-3 left);
5. ``limit``: keep at most this many entities, the ego's nearest first, then by degree.

The ego entity itself always stays, whatever its class or degree.

>>> ExportFilter(classes=["Zone"]).active
True
>>> ExportFilter().active
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx
from rdflib import OWL, RDF, URIRef

from kg.config import get_settings
from kg.iris import base
from kg.vocab import label, load_ontology, superclasses


class ExportError(ValueError):
    """A filter or format the user gave cannot be applied; the message says why."""


class UnknownEntity(ExportError):
    """The ego entity names nothing in the graph (HTTP: 404)."""


class AmbiguousEntity(ExportError):
    """The ego entity's name fits several entities (HTTP: 400, with the candidates)."""

    def __init__(self, message: str, candidates: Sequence[str]) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


@dataclass(frozen=True)
class ExportFilter:
    """Which part of the entity graph to export; the default keeps everything.

    ``classes``/``relations`` take ontology local names (``Zone``, ``locatedIn``, any case),
    full IRIs or Chinese labels (``功能区``, ``位于``); ``ego`` an entity IRI, its id (the hash after
    ``entity/``) or a name or alias.
    """

    classes: tuple[str, ...] = ()
    relations: tuple[str, ...] = ()
    min_degree: int = 0
    ego: str | None = None
    depth: int = 1
    limit: int | None = None

    def __post_init__(self) -> None:
        # Accept any iterable (a list from the CLI or a query string), stored as a tuple.
        object.__setattr__(self, "classes", tuple(self.classes or ()))
        object.__setattr__(self, "relations", tuple(self.relations or ()))
        if self.min_degree < 0 or self.depth < 0:
            raise ExportError("min_degree and depth must not be negative")
        if self.limit is not None and self.limit < 1:
            raise ExportError("limit must be at least 1")

    @property
    def active(self) -> bool:
        """False when the filter keeps the whole graph."""
        return bool(self.classes or self.relations or self.min_degree or self.ego or self.limit)

    def describe(self) -> str:
        """One line for a file's metadata: what was kept."""
        parts = [f"class={','.join(self.classes)}" if self.classes else "",
                 f"relation={','.join(self.relations)}" if self.relations else "",
                 f"min-degree={self.min_degree}" if self.min_degree else "",
                 f"ego={self.ego} depth={self.depth}" if self.ego else "",
                 f"limit={self.limit}" if self.limit else ""]
        return "; ".join(p for p in parts if p) or "whole graph"


def apply_filter(graph: nx.MultiDiGraph, flt: ExportFilter) -> nx.MultiDiGraph:
    """The subgraph ``flt`` keeps, as a new graph in the same node and edge order."""
    if not flt.active:
        return graph
    centre = resolve_entity(graph, flt.ego) if flt.ego else None
    keep_relations = set(resolve_relations(flt.relations)) if flt.relations else None
    keep_classes = set(resolve_classes(flt.classes)) if flt.classes else None
    nodes = [n for n, d in graph.nodes(data=True)
             if n == centre or keep_classes is None or _ancestors(d["class"]) & keep_classes]
    sub = _subgraph(graph, nodes, keep_relations)
    distance: dict[str, int] = {}
    if centre is not None:
        distance = nx.single_source_shortest_path_length(sub.to_undirected(as_view=True), centre,
                                                         cutoff=flt.depth)
        sub = _subgraph(sub, [n for n in sub if n in distance], None)
    if flt.min_degree:
        sub = _subgraph(sub, [n for n in sub if n == centre or sub.degree(n) >= flt.min_degree], None)
    if flt.limit is not None and sub.number_of_nodes() > flt.limit:
        far = max(distance.values(), default=0) + 1
        ranked = sorted(sub, key=lambda n: (n != centre, distance.get(n, far), -sub.degree(n), n))
        chosen = set(ranked[: flt.limit])
        sub = _subgraph(sub, [n for n in sub if n in chosen], None)
    return sub


def _subgraph(graph: nx.MultiDiGraph, nodes: Iterable[str], relations: set[str] | None) -> nx.MultiDiGraph:
    keep = set(nodes)
    out = nx.MultiDiGraph(**graph.graph)
    out.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    out.add_edges_from((u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True)
                       if u in keep and v in keep and (relations is None or k in relations))
    return out


def resolve_entity(graph: nx.MultiDiGraph, ref: str) -> str:
    """The node an IRI, an entity id, a name or an alias refers to.

    Exact matches win (IRI, id, then name or alias, ignoring case); otherwise a name that
    contains ``ref`` when exactly one does. Raises :class:`UnknownEntity` or
    :class:`AmbiguousEntity`.
    """
    text = ref.strip()
    for iri in (text, f"{base()}entity/{text}"):
        if iri in graph:
            return iri
    folded = text.casefold()
    exact = sorted(n for n, d in graph.nodes(data=True) if folded in _names(d))
    partial = exact or sorted(n for n, d in graph.nodes(data=True)
                              if any(folded in name for name in _names(d)))
    if len(partial) == 1:
        return str(partial[0])
    if not partial:
        raise UnknownEntity(f"no entity is named {ref!r}")
    shown = ", ".join(f"{graph.nodes[n]['label']} <{n}>" for n in partial[:10])
    raise AmbiguousEntity(f"{ref!r} fits {len(partial)} entities: {shown}; give the IRI", partial)


def _names(data: dict[str, Any]) -> set[str]:
    return {str(data.get("label", "")).casefold()} | {a.casefold() for a in data.get("aliases", [])}


def resolve_classes(names: Iterable[str]) -> list[str]:
    """Local names of the ontology classes given by local name or label."""
    return [_resolve(name, _lookup("class")) for name in names]


def resolve_relations(names: Iterable[str]) -> list[str]:
    """Local names of the ontology relations given by local name or label."""
    return [_resolve(name, _lookup("relation")) for name in names]


def _resolve(name: str, table: dict[str, str]) -> str:
    text = name.strip()
    ns = get_settings().ontology_ns
    key = (text[len(ns):] if text.startswith(ns) else text).casefold()  # a full IRI works too
    if key not in table:
        known = ", ".join(sorted(set(table.values())))
        raise ExportError(f"unknown name {name!r}; use one of: {known}")
    return table[key]


@lru_cache(maxsize=2)
def _lookup(kind: str) -> dict[str, str]:
    """casefolded local name / zh label / en label -> local name, for classes or relations."""
    ns = get_settings().ontology_ns
    rdf_kind = OWL.Class if kind == "class" else OWL.ObjectProperty
    table: dict[str, str] = {}
    for term in load_ontology().subjects(RDF.type, rdf_kind):
        iri = str(term)
        if not iri.startswith(ns) or (kind == "relation" and iri[len(ns):] == "mentionedIn"):
            continue
        local = iri[len(ns):]
        for name in (local, label(URIRef(iri), "zh"), label(URIRef(iri), "en")):
            table.setdefault(name.casefold(), local)
    return table


@lru_cache(maxsize=256)
def _ancestors(cls: str) -> frozenset[str]:
    """The class and every named superclass, as local names."""
    ns = get_settings().ontology_ns
    return frozenset(str(c)[len(ns):] for c in superclasses(URIRef(ns + cls)) if str(c).startswith(ns))
