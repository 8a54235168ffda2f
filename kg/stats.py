"""Counts of what the graph holds, by class and by relation (``kg stats``, ``/stats``)."""

from __future__ import annotations

from typing import Any

from kg.store import GraphStore
from kg.vocab import CORE_CLASSES, KG, RELATIONS, core_class

CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <%(mentioned)s> ?doc ; a ?class . } GROUP BY ?class"""
RELATION_COUNTS = """
SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o . VALUES ?p { %(preds)s } } }
GROUP BY ?p"""
SIMPLE_COUNT = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a <%s> }"


def _count(store: GraphStore, cls: Any) -> int:
    rows = store.select(SIMPLE_COUNT % cls)
    return int(rows[0]["n"]) if rows else 0


def graph_stats(store: GraphStore) -> dict[str, Any]:
    """Documents, entities (total and by core class), distinct relations by predicate, figures."""
    by_class: dict[str, int] = {name: 0 for name in CORE_CLASSES}
    for row in store.select(CLASS_COUNTS % {"mentioned": KG.mentionedIn}):
        name = core_class(row["class"])
        if name:
            by_class[name] += int(row["n"])
    preds = " ".join(f"<{KG[r]}>" for r in RELATIONS)
    by_relation = {r: 0 for r in RELATIONS}
    for row in store.select(RELATION_COUNTS % {"preds": preds}):
        by_relation[str(row["p"]).rsplit("#", 1)[-1]] = int(row["n"])
    entities = store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <%s> ?d }" % KG.mentionedIn)
    return {
        "documents": _count(store, KG.SourceDocument),
        "entities": int(entities[0]["n"]) if entities else 0,
        "relations": sum(by_relation.values()),
        "figures": _count(store, KG.Indicator),
        "classes": by_class,
        "relation_types": by_relation,
    }
