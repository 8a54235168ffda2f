"""Group the mentions of a corpus into entities.

Names are linked when they normalise alike, when the text defines one as the other's alias
(以下简称), when the gazetteer gives both, or when one is the other without its legal form. A group's
canonical name is its longest name; its class the one most of its mentions were given.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg import iris
from kg.model import Entity, Extraction, Mention
from kg.resolve.names import normalise, short_forms

# When mentions disagree on the class, more specific evidence wins ties.
RULE_WEIGHT = {"book-title": 3, "gazetteer": 3, "relative-body": 3, "place-body": 3, "alias": 2, "quoted": 2,
               "suffix": 2, "person": 2, "context": 3, "nested": 1, "enumeration": 1, "enumeration-loose": 1}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # deterministic root


@dataclass
class Resolution:
    """Entities by IRI, and the IRI of every normalised name."""

    entities: dict[str, Entity] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)

    def iri_of(self, mention: Mention) -> str:
        return self.by_key[normalise(mention.key)]


def resolve(extractions: list[Extraction], known: Mapping[str, tuple[str, str]] | None = None) -> Resolution:
    """Entities of a corpus. ``known`` maps normalised names already in the store to (IRI, label),
    so that ``kg add`` keeps the IRIs and labels entities already have."""
    uf = _UnionFind()
    surfaces: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    docs: dict[str, set[str]] = defaultdict(set)
    for ex in extractions:
        _collect(ex, uf, surfaces, votes, docs)
    keys = list(surfaces)
    key_set = set(keys)
    for key in keys:
        for short in short_forms(key):
            if short in key_set:
                uf.union(key, short)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        groups[uf.find(key)].append(key)
    result = Resolution()
    for members in groups.values():
        entity = _entity(members, surfaces, votes, docs, known or {})
        existing = result.entities.get(entity.iri)
        if existing:  # two groups whose known IRI is the same entity
            existing.aliases |= entity.aliases | {entity.label}
            existing.documents |= entity.documents
            existing.aliases.discard(existing.label)
        else:
            result.entities[entity.iri] = entity
        for key in members:
            result.by_key[key] = entity.iri
    return result


def _collect(ex: Extraction, uf: _UnionFind, surfaces: dict[str, set[str]], votes: dict[str, Counter[str]],
             docs: dict[str, set[str]]) -> None:
    mentions = list(ex.mentions)  # and the arguments that are no mention of their own (context, nested)
    mentions += [m for r in ex.relations for m in (r.subject, r.object)]
    mentions += [f.about for f in ex.figures if f.about is not None]
    for m in mentions:
        key = normalise(m.key)
        uf.find(key)
        surfaces[key].add(m.key)
        if m.rule != "context":
            surfaces[key].add(m.text)
        votes[key][m.cls] += RULE_WEIGHT.get(m.rule, 1)
        docs[key].add(ex.document.doc_id)
        if m.name and normalise(m.text) != key:
            uf.union(key, normalise(m.text)) if normalise(m.text) in surfaces else None
    for alias, full in ex.aliases:
        a, f = normalise(alias), normalise(full)
        uf.find(a)
        uf.union(a, f)
        surfaces[a].add(alias)


def _entity(members: list[str], surfaces: dict[str, set[str]], votes: dict[str, Counter[str]],
            docs: dict[str, set[str]], known: Mapping[str, tuple[str, str]]) -> Entity:
    names = {s for k in members for s in surfaces[k]}
    # A name already in the store, or its short form (海尔集团有限公司 → 海尔集团), keeps its IRI.
    candidates = sorted(members) + sorted({f for k in members for f in short_forms(k)})
    prior = next((known[k] for k in candidates if k in known), None)
    label = prior[1] if prior else max(sorted(names), key=lambda n: (len(normalise(n)), n))
    tally: Counter[str] = Counter()
    for k in members:
        tally.update(votes[k])
    cls = max(sorted(tally), key=lambda c: tally[c]) if tally else "Entity"
    iri = prior[0] if prior else iris.entity_iri(normalise(label))
    return Entity(iri=iri, label=label, cls=cls, aliases=names - {label},
                  documents={d for k in members for d in docs[k]})
