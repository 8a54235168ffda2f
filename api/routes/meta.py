"""``/stats`` (what the graph holds) and ``/healthz`` (is the service up, is there a graph)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter

from api import jobs, sparql_text
from api.deps import PoolDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError
from api.models import Health, Stats
from kg.config import Settings
from kg.store.embedded import EmbeddedStore

router = APIRouter(tags=["Service"])


def _queries(settings: Settings) -> dict[str, str]:
    head, entity = sparql_text.prefixes(settings), sparql_text.entity_filter("e", settings)
    return {
        "quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }",
        "documents": head + "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:SourceDocument }",
        "entities": head + f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e rdfs:label ?l {entity} }}",
        "by_class": head + "SELECT ?k (COUNT(DISTINCT ?e) AS ?n) "
                           f"WHERE {{ ?e a ?k ; rdfs:label ?l {entity} }} GROUP BY ?k",
        "by_predicate": head + "SELECT ?k (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?e ?k ?o WHERE { "
                               "?e ?k ?o . FILTER(STRSTARTS(STR(?k), STR(kg:))) "
                               f"{entity} {sparql_text.entity_filter('o', settings)} }} }} GROUP BY ?k",
        "indicators": head + "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Indicator }",
        "assertions": head + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Assertion }",
    }


@router.get("/stats", response_model=Stats, responses=ERROR_RESPONSES, summary="What the graph holds")
async def stats(settings: SettingsDep, pool: PoolDep) -> Stats:
    """Counts of quads, graphs, documents, entities (by class), relations (by predicate) and figures."""
    names, texts = zip(*_queries(settings).items())
    replies: list[jobs.Rows] = await pool.run(jobs.Batch(tuple(jobs.Select(t) for t in texts)))
    result = dict(zip(names, replies))

    def count(name: str) -> int:
        rows = result[name].rows
        return int(rows[0]["n"]) if rows and "n" in rows[0] else 0

    def grouped(name: str) -> dict[str, int]:
        pairs = ((sparql_text.local_name(r["k"]), int(r["n"])) for r in result[name].rows)
        return dict(sorted(pairs, key=lambda kv: -kv[1]))

    return Stats(quads=count("quads"), graphs=count("graphs"), documents=count("documents"),
                 entities=count("entities"), entities_by_class=grouped("by_class"),
                 relations_by_predicate=grouped("by_predicate"), indicators=count("indicators"),
                 assertions=count("assertions"))


@router.get("/healthz", response_model=Health, responses=ERROR_RESPONSES, summary="Liveness and store presence")
async def healthz(settings: SettingsDep, pool: PoolDep) -> Health:
    """200 while the service runs over a built store; 503 when there is no graph yet."""
    generation = EmbeddedStore(Path(settings.store), read_only=True).generation()
    if generation is None:
        raise ApiError(503, "store_unavailable", f"no graph at {settings.store}: run `kg build` first")
    return Health(status="ok", store=settings.store, generation=generation.name, workers=pool.alive())
