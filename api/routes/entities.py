"""``/entities``: search by name or alias, one entity with its evidence, its neighbourhood."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from api import jobs, lookups, neighbours
from api.deps import PoolDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError
from api.models import EntityDetail, Neighbourhood, SearchResult
from api.params import export_filter, names
from kg.config import Settings

router = APIRouter(prefix="/entities", tags=["Entities"])

EntityId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_\-]+$", examples=["ee633e2e9a422997"],
                               description="The last segment of the entity's IRI (…/entity/{id})")]


def _iris(settings: Settings, values: list[str], kind: str) -> list[str]:
    try:
        return [lookups.ontology_iri(settings, v) for v in names(values)]
    except ValueError as exc:
        raise ApiError(400, "bad_parameter", f"{kind}: {exc}") from exc


@router.get("", response_model=SearchResult, responses=ERROR_RESPONSES, summary="Search entities by name")
async def search(settings: SettingsDep, pool: PoolDep,
                 q: Annotated[str, Query(min_length=1, max_length=200, examples=["上合"],
                                         description="A name, alias or part of one")],
                 type: Annotated[list[str], Query(  # noqa: A002 - the contract's name
                     examples=["Zone"], description="Only entities of these classes (local names or IRIs; "
                                                    "subclasses count)")] = [],  # noqa: B006
                 limit: Annotated[int, Query(ge=1, le=500)] = 20) -> SearchResult:
    """Entities whose Chinese label or any alias contains ``q``: whole-name matches first, then
    names that start with it, then the rest, shorter names first (``上合`` finds 上合示范区)."""
    total, hits = await lookups.search(pool, settings, q, _iris(settings, type, "type"), limit)
    return SearchResult(query=q, total=total, results=hits)


@router.get("/{entity_id}", response_model=EntityDetail, responses=ERROR_RESPONSES, summary="One entity")
async def entity(settings: SettingsDep, pool: PoolDep, entity_id: EntityId) -> EntityDetail:
    """Names, types, source documents, figures, and outgoing and incoming relations, each relation
    with its evidence sentence (text, offsets, trigger word) and source document."""
    return await lookups.detail(pool, settings, lookups.entity_iri(settings, entity_id))


@router.get("/{entity_id}/neighbours", response_model=Neighbourhood, responses=ERROR_RESPONSES,
            summary="k-hop neighbourhood as nodes and edges")
async def entity_neighbours(
    settings: SettingsDep, pool: PoolDep, entity_id: EntityId,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops from the entity")] = 1,
    predicate: Annotated[list[str], Query(examples=["locatedIn"],
                                          description="Only these relations (local names or IRIs)")] = [],  # noqa: B006
    type: Annotated[list[str], Query(description="Only nodes of these classes")] = [],  # noqa: A002,B006
    limit: Annotated[int, Query(ge=1, le=2000, description="Most nodes returned")] = 200,
    format: Annotated[Literal["json", "gexf", "graphml"],  # noqa: A002
                      Query(description="gexf or graphml for Gephi")] = "json",
) -> Response:
    """The entities within ``depth`` hops and the relations among them, as ``{nodes, edges}``
    (or as a GEXF 1.3 / GraphML file for Gephi, from the same exporter as ``kg export``)."""
    start = lookups.entity_iri(settings, entity_id)
    if format != "json":
        flt = export_filter(type, predicate, 0, start, depth, limit)
        answer: jobs.Answer = await pool.run(jobs.Export(format, flt))
        return Response(answer.body, media_type=answer.media_type)
    request = neighbours.Walk(start, depth, _iris(settings, predicate, "predicate"),
                              _iris(settings, type, "type"), limit)
    result = await neighbours.walk(pool, settings, request)
    if not result.nodes[0].label and not result.nodes[0].types:
        raise ApiError(404, "not_found", f"no entity {entity_id} in the graph")
    return Response(result.model_dump_json().encode(), media_type="application/json")


