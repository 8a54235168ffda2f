"""The k-hop neighbourhood of an entity, walked hop by hop with SPARQL (never the whole graph).

Each hop asks for the relations that touch the current frontier (both directions), keeps the
new entities that pass the type filter, and stops at the node limit. A last query collects
every relation among the kept nodes, so the answer is the induced subgraph.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from api import jobs, sparql_text
from api.lookups import entity_id
from api.models import Edge, Neighbourhood, Node
from api.pool import WorkerPool
from kg.config import Settings

_HOP = """SELECT DISTINCT ?s ?p ?o WHERE {{
  {frontier}
  {{ ?n ?p ?o . BIND(?n AS ?s) }} UNION {{ ?s ?p ?n . BIND(?n AS ?o) }}
  FILTER(STRSTARTS(STR(?p), STR(kg:)))
  {entities}
  {predicates}
}}"""
_NODES = """SELECT DISTINCT ?n ?label ?type ?super WHERE {{
  {nodes}
  ?n rdfs:label ?label .
  OPTIONAL {{ ?n a ?type . OPTIONAL {{ ?type rdfs:subClassOf* ?super }} }}
}}"""
_EDGES = """SELECT DISTINCT ?s ?p ?o ?plabel WHERE {{
  {nodes}
  ?s ?p ?o . FILTER(STRSTARTS(STR(?p), STR(kg:)))
  {entities}
  {predicates}
  OPTIONAL {{ ?p rdfs:label ?plabel FILTER(LANGMATCHES(LANG(?plabel), "zh")) }}
}}"""


@dataclass
class _Info:
    label: str = ""
    types: set[str] = field(default_factory=set)
    supers: set[str] = field(default_factory=set)


@dataclass
class Walk:
    """One neighbourhood request."""

    start: str
    depth: int
    predicates: Sequence[str]   # IRIs; empty: every relation
    types: Sequence[str]        # class IRIs; empty: every entity
    limit: int

    def predicate_filter(self) -> str:
        return sparql_text.values("p", self.predicates) if self.predicates else ""


async def _select(pool: WorkerPool, settings: Settings, text: str) -> list[dict[str, object]]:
    rows: jobs.Rows = await pool.run(jobs.Select(sparql_text.prefixes(settings) + text))
    return rows.rows


async def _infos(pool: WorkerPool, settings: Settings, iris: Sequence[str]) -> dict[str, _Info]:
    infos: dict[str, _Info] = defaultdict(_Info)
    if not iris:
        return infos
    for row in await _select(pool, settings, _NODES.format(nodes=sparql_text.values("n", iris))):
        info = infos[str(row["n"])]
        info.label = info.label or str(row["label"])
        if "type" in row:
            info.types.add(str(row["type"]))
        if "super" in row:
            info.supers.add(str(row["super"]))
    return infos


async def walk(pool: WorkerPool, settings: Settings, request: Walk) -> Neighbourhood:
    """Nodes within ``depth`` hops of ``start`` and the relations among them."""
    depth_of = {request.start: 0}
    infos = await _infos(pool, settings, [request.start])
    frontier, truncated = [request.start], False
    for depth in range(1, request.depth + 1):
        if not frontier or truncated:
            break
        text = _HOP.format(frontier=sparql_text.values("n", frontier), predicates=request.predicate_filter(),
                           entities=_entities(settings, "s", "o"))
        found = {str(r[k]) for r in await _select(pool, settings, text) for k in ("s", "o")} - set(depth_of)
        new_infos = await _infos(pool, settings, sorted(found))
        keep = [iri for iri in found if not request.types or new_infos[iri].supers & set(request.types)]
        keep.sort(key=lambda iri: (new_infos[iri].label, iri))
        room = request.limit - len(depth_of)
        truncated = len(keep) > room
        keep = keep[:max(room, 0)]
        for iri in keep:
            depth_of[iri] = depth
            infos[iri] = new_infos[iri]
        frontier = keep
    edges = await _edges(pool, settings, request, set(depth_of))
    nodes = [Node(id=entity_id(settings, iri), iri=iri, label=infos[iri].label or None, depth=d,
                  types=sorted(sparql_text.local_name(t) for t in infos[iri].types))
             for iri, d in sorted(depth_of.items(), key=lambda kv: (kv[1], infos[kv[0]].label, kv[0]))]
    return Neighbourhood(center=entity_id(settings, request.start), depth=request.depth, nodes=nodes,
                         edges=edges, truncated=truncated)


async def _edges(pool: WorkerPool, settings: Settings, request: Walk, kept: set[str]) -> list[Edge]:
    text = _EDGES.format(nodes=sparql_text.values("s", sorted(kept)), predicates=request.predicate_filter(),
                         entities=_entities(settings, "o"))
    edges: dict[str, Edge] = {}
    for row in await _select(pool, settings, text):
        s, p, o = str(row["s"]), str(row["p"]), str(row["o"])
        if o not in kept:
            continue
        key = hashlib.sha1(f"{s}\x1f{p}\x1f{o}".encode()).hexdigest()[:16]
        name = sparql_text.local_name(p)
        edges[key] = Edge(id=key, source=entity_id(settings, s), target=entity_id(settings, o),
                          predicate=name, label=str(row.get("plabel", name)))
    return sorted(edges.values(), key=lambda e: (e.source, e.predicate, e.target))


def _entities(settings: Settings, *variables: str) -> str:
    """Relations between entities only: not to documents, sentences or figures."""
    return "\n  ".join(sparql_text.entity_filter(v, settings) for v in variables)
