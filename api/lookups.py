"""Entity search and the full record of one entity, from a few SPARQL queries each.

The same entity is described in every document graph that names it, so the union default graph
repeats its triples: every query here is DISTINCT, and rows are grouped in Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from rdflib import Literal, URIRef

from api import jobs, sparql_text
from api.errors import ApiError
from api.models import DocumentRef, EntityDetail, EntityRef, Evidence, Figure, Relation, SearchHit, TypeRef
from api.pool import WorkerPool
from kg.config import Settings

_SEARCH = """SELECT DISTINCT ?e ?name ?label ?q {extra} WHERE {{
  ?e rdfs:label|skos:altLabel ?name .
  FILTER(CONTAINS(LCASE(STR(?name)), LCASE(STR(?q))))
  {entity}
  ?e rdfs:label ?label .
  {typed}
}}"""
_TYPES = "SELECT DISTINCT ?e ?type WHERE {{ {values} ?e a ?type }}"
_NAMES = """SELECT DISTINCT ?e ?kind ?v ?vlabel WHERE {
  { ?e rdfs:label ?v BIND("label" AS ?kind) }
  UNION { ?e skos:altLabel ?v BIND("alt" AS ?kind) }
  UNION { ?e a ?v BIND("type" AS ?kind) OPTIONAL { ?v rdfs:label ?vlabel FILTER(LANGMATCHES(LANG(?vlabel), "zh")) } }
  UNION { ?e kg:mentionedIn ?v BIND("doc" AS ?kind) OPTIONAL { ?v dcterms:title ?vlabel } }
}"""


def _evidence_block(node: str) -> str:
    """OPTIONAL patterns for the evidence sentence and source document of an assertion or figure."""
    return (f"OPTIONAL {{ {node} kg:evidence ?sentence . OPTIONAL {{ ?sentence kg:text ?text }}\n"
            f"    OPTIONAL {{ ?sentence kg:startOffset ?start }} OPTIONAL {{ ?sentence kg:endOffset ?end }} }}\n"
            f"  OPTIONAL {{ {node} kg:inDocument ?doc . OPTIONAL {{ ?doc dcterms:title ?title }} }}")


_RELATIONS = """SELECT DISTINCT ?e ?p ?n ?nlabel ?ntype ?a ?trigger ?sentence ?text ?start ?end ?doc ?title WHERE {{
  {pattern} ?n rdfs:label ?nlabel .
  FILTER(STRSTARTS(STR(?p), STR(kg:)))
  {entity}
  OPTIONAL {{ ?n a ?ntype }}
  OPTIONAL {{ {assertion} OPTIONAL {{ ?a kg:trigger ?trigger }}
    {evidence} }}
}}"""
_FIGURES = """SELECT DISTINCT ?e ?i ?metric ?value ?unit ?year ?isTarget ?isGrowthRate
                ?sentence ?text ?start ?end ?doc ?title WHERE {{
  ?i kg:about ?e .
  OPTIONAL {{ ?i kg:metric ?metric }} OPTIONAL {{ ?i kg:value ?value }} OPTIONAL {{ ?i kg:unit ?unit }}
  OPTIONAL {{ ?i kg:year ?year }} OPTIONAL {{ ?i kg:isTarget ?isTarget }}
  OPTIONAL {{ ?i kg:isGrowthRate ?isGrowthRate }}
  {evidence}
}}"""


def entity_iri(settings: Settings, entity_id: str) -> str:
    return f"{settings.instance_ns}entity/{entity_id}"


def entity_id(settings: Settings, iri: str) -> str:
    prefix = f"{settings.instance_ns}entity/"
    return iri[len(prefix):] if iri.startswith(prefix) else iri


def ontology_iri(settings: Settings, name: str) -> str:
    """A term of the ontology given as a local name (``Zone``, ``locatedIn``) or a full IRI."""
    value = name if ":" in name else settings.ontology_ns + name
    sparql_text.iri(value)  # raises on anything that is not an IRI
    return value


# ---------------------------------------------------------------- search
def _rank(query: str, name: str) -> tuple[int, int, str]:
    """Whole-name match first, then names starting with the query, then the rest; shorter first."""
    q, n = query.casefold(), name.casefold()
    return (0 if n == q else 1 if n.startswith(q) else 2, len(name), name)


async def _types_of(pool: WorkerPool, settings: Settings, iris: Sequence[str]) -> dict[str, list[str]]:
    if not iris:
        return {}
    text = sparql_text.prefixes(settings) + _TYPES.format(values=sparql_text.values("e", iris))
    rows: jobs.Rows = await pool.run(jobs.Select(text))
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows.rows:
        found[str(row["e"])].add(sparql_text.local_name(row["type"]))
    return {k: sorted(v) for k, v in found.items()}


async def search(pool: WorkerPool, settings: Settings, q: str, types: Sequence[str],
                 limit: int) -> tuple[int, list[SearchHit]]:
    """Entities whose label or alias contains ``q`` (case-insensitive), best matches first."""
    hits: dict[str, tuple[tuple[int, int, str], str, str]] = {}
    for cls in types or [None]:  # type: ignore[list-item]
        # Substituted variables must be returned (pyoxigraph), hence ?q and ?type in the projection.
        text = sparql_text.prefixes(settings) + _SEARCH.format(
            extra="?type" if cls else "", entity=sparql_text.entity_filter("e", settings),
            typed="?e a/rdfs:subClassOf* ?type ." if cls else "")
        bindings: tuple[tuple[str, Any], ...] = (("q", Literal(q)),)
        if cls:
            bindings += (("type", URIRef(ontology_iri(settings, cls))),)
        rows: jobs.Rows = await pool.run(jobs.Select(text, bindings))
        for row in rows.rows:
            iri, name = str(row["e"]), str(row["name"])
            rank = _rank(q, name)
            if iri not in hits or rank < hits[iri][0]:
                hits[iri] = (rank, name, str(row["label"]))
    ordered = sorted(hits.items(), key=lambda kv: kv[1][0])[:limit]
    type_map = await _types_of(pool, settings, [iri for iri, _ in ordered])
    results = [SearchHit(id=entity_id(settings, iri), iri=iri, label=label, matched=name, types=type_map.get(iri, []))
               for iri, (_, name, label) in ordered]
    return len(hits), results


# ---------------------------------------------------------------- one entity
def _opt(row: dict[str, Any], key: str) -> str | None:
    return str(row[key]) if key in row else None


def _int(row: dict[str, Any], key: str) -> int | None:
    try:
        return int(row[key]) if key in row else None
    except ValueError:
        return None


def _evidence(row: dict[str, Any]) -> Evidence | None:
    if not any(k in row for k in ("sentence", "text", "doc", "trigger")):
        return None
    document = DocumentRef(iri=str(row["doc"]), title=_opt(row, "title")) if "doc" in row else None
    return Evidence(sentence=_opt(row, "sentence"), text=_opt(row, "text"), start=_int(row, "start"),
                    end=_int(row, "end"), trigger=_opt(row, "trigger"), document=document)


def _relations(rows: Iterable[dict[str, Any]], settings: Settings) -> list[Relation]:
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        key = (str(row["p"]), str(row["n"]))
        entry = grouped.setdefault(key, {"label": str(row["nlabel"]), "types": set(), "evidence": {}})
        if "ntype" in row:
            entry["types"].add(sparql_text.local_name(row["ntype"]))
        evidence = _evidence(row)
        if evidence is not None:
            entry["evidence"][(evidence.sentence, evidence.document.iri if evidence.document else None)] = evidence
    return [Relation(predicate=sparql_text.local_name(p), predicate_iri=p,
                     entity=EntityRef(id=entity_id(settings, n), iri=n, label=e["label"], types=sorted(e["types"])),
                     evidence=list(e["evidence"].values()))
            for (p, n), e in sorted(grouped.items(), key=lambda kv: (kv[0][0], kv[1]["label"]))]


def _figure(row: dict[str, Any]) -> Figure:
    def flag(key: str) -> bool | None:
        return bool(row[key].toPython()) if key in row else None
    try:
        value = float(row["value"]) if "value" in row else None
    except ValueError:
        value = None
    return Figure(iri=str(row["i"]), metric=_opt(row, "metric"), value=value, unit=_opt(row, "unit"),
                  year=_opt(row, "year"), is_target=flag("isTarget"), is_growth_rate=flag("isGrowthRate"),
                  evidence=_evidence(row))


def _detail_queries(settings: Settings, iri: str) -> jobs.Batch:
    head = sparql_text.prefixes(settings)
    evidence, figure_evidence = _evidence_block("?a"), _evidence_block("?i")
    entity = sparql_text.entity_filter("n", settings)  # documents and figures have their own sections
    out = _RELATIONS.format(pattern="?e ?p ?n .", assertion="?a rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?n .",
                            evidence=evidence, entity=entity)
    inc = _RELATIONS.format(pattern="?n ?p ?e .", assertion="?a rdf:subject ?n ; rdf:predicate ?p ; rdf:object ?e .",
                            evidence=evidence, entity=entity)
    bound = (("e", URIRef(iri)),)
    texts = (_NAMES, out, inc, _FIGURES.format(evidence=figure_evidence))
    return jobs.Batch(tuple(jobs.Select(head + t, bound) for t in texts))


async def detail(pool: WorkerPool, settings: Settings, iri: str) -> EntityDetail:
    """Names, types, documents, figures and relations (with evidence) of one entity; 404 if unknown."""
    names, out, inc, figures = await pool.run(_detail_queries(settings, iri))
    by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in names.rows:
        by_kind[str(row["kind"])].append(row)
    if not by_kind:
        raise ApiError(404, "not_found", f"no entity {entity_id(settings, iri)} in the graph")
    labels = sorted({str(r["v"]) for r in by_kind["label"]})
    return EntityDetail(
        id=entity_id(settings, iri), iri=iri, label=labels[0] if labels else None,
        alt_labels=sorted({str(r["v"]) for r in by_kind["alt"]} - set(labels)),
        types=[TypeRef(iri=str(r["v"]), name=sparql_text.local_name(r["v"]), label=_opt(r, "vlabel"))
               for r in sorted(by_kind["type"], key=lambda r: str(r["v"]))],
        documents=[DocumentRef(iri=str(r["v"]), title=_opt(r, "vlabel"))
                   for r in sorted(by_kind["doc"], key=lambda r: str(r["v"]))],
        figures=sorted({r["i"]: _figure(r) for r in figures.rows}.values(),
                       key=lambda f: (f.year or "", f.metric or "", f.iri)),
        outgoing=_relations(out.rows, settings), incoming=_relations(inc.rows, settings))
