"""``/sparql``: the SPARQL 1.1 Protocol (query, update with a token, service description)."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from api import jobs, pages
from api.deps import PoolDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError
from api.negotiation import GRAPH_FORMATS, HTML, RESULT_FORMATS, choose
from api.pool import WorkerPool
from api.protocol import Operation, endpoint_url, read_operation
from api.service_description import description, serialise
from api.sparql_scan import has_dataset_keywords
from kg.config import Settings

router = APIRouter(tags=["SPARQL"])

EXAMPLE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://stkg.example.org/ontology#>
SELECT ?zone ?label WHERE { ?zone a kg:Zone ; rdfs:label ?label } LIMIT 10"""

_PARAMETERS: list[dict[str, Any]] = [
    {"name": "query", "in": "query", "schema": {"type": "string"}, "example": EXAMPLE,
     "description": "A SPARQL 1.1 query. Without it, GET answers the service description."},
    {"name": "default-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs whose merge is the default graph (replaces FROM)."},
    {"name": "named-graph-uri", "in": "query", "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs that GRAPH may reach (replaces FROM NAMED)."},
    {"name": "format", "in": "query", "schema": {"type": "string"},
     "description": "Format hint that wins over Accept: json, xml, csv, tsv, turtle, ntriples, rdfxml, jsonld."},
]
_OPENAPI: dict[str, Any] = {
    "parameters": _PARAMETERS,
    "requestBody": {"required": False, "content": {
        "application/sparql-query": {"schema": {"type": "string"}, "example": EXAMPLE},
        "application/sparql-update": {"schema": {"type": "string"}},
        "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
            "query": {"type": "string"}, "update": {"type": "string"}}}},
    }},
    "responses": {"200": {"description": "Results (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE)",
                          "content": {f.media_type: {} for f in (*RESULT_FORMATS, *GRAPH_FORMATS)}},
                  "204": {"description": "Update applied"}},
}


def _authorise(request: Request, settings: Settings) -> None:
    """Updates need the operator's bearer token; without one configured, updates are off."""
    token = settings.update_token
    if not token:
        raise ApiError(403, "updates_disabled",
                       "SPARQL Update is off on this service (its operator enables it with KG_UPDATE_TOKEN)")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise ApiError(403, "forbidden", "SPARQL Update needs the operator's token: Authorization: Bearer <token>")


async def _update(request: Request, op: Operation, settings: Settings, pool: WorkerPool) -> Response:
    _authorise(request, settings)
    if (op.using or op.using_named) and has_dataset_keywords(op.text):
        raise ApiError(400, "dataset_conflict",
                       "using-graph-uri / using-named-graph-uri cannot be combined with USING or WITH in the update")
    await pool.run(jobs.ProtocolUpdate(op.text, endpoint_url(request), op.using, op.using_named))
    return Response(status_code=204)


async def _graph_names(pool: WorkerPool) -> list[str]:
    """The named graphs, for the description; none while the store is not built yet."""
    try:
        rows: jobs.Rows = await pool.run(jobs.Select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"))
    except ApiError as exc:
        if exc.status != 503:
            raise
        return []
    return sorted(str(r["g"]) for r in rows.rows if "g" in r)


async def _service(request: Request, op: Operation, settings: Settings, pool: WorkerPool) -> Response:
    fmt = choose((*GRAPH_FORMATS[:4], HTML), request.headers.get("accept"), op.hints)
    endpoint = endpoint_url(request)
    if fmt is HTML:
        formats = [f.key for f in (*RESULT_FORMATS, *GRAPH_FORMATS[:4])]
        html = pages.render("sparql.html", endpoint=endpoint, example=EXAMPLE, formats=formats,
                            prefixes=sorted(pool.config.prefixes))
        return HTMLResponse(html)
    graph = description(endpoint, await _graph_names(pool), update=bool(settings.update_token),
                        federated=bool(settings.allowed_hosts))
    return Response(serialise(graph, fmt), media_type=fmt.media_type, headers={"Vary": "Accept"})


async def _sparql(request: Request, settings: Settings, pool: WorkerPool) -> Response:
    op = await read_operation(request, settings.max_request_bytes)
    if op.kind == "service":
        return await _service(request, op, settings, pool)
    if op.kind == "update":
        return await _update(request, op, settings, pool)
    job = jobs.ProtocolQuery(op.text, endpoint_url(request), request.headers.get("accept"), op.hints,
                             op.default_graphs, op.named_graphs)
    answer: jobs.Answer = await pool.run(job)
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type,
                    headers={**answer.headers, "Vary": "Accept"})


_GET = {k: v for k, v in _OPENAPI.items() if k != "requestBody"}
_POST = {**_OPENAPI, "parameters": [p for p in _PARAMETERS if p["name"] != "query"]}


@router.get("/sparql", openapi_extra=_GET, responses=ERROR_RESPONSES, response_class=Response,
            summary="SPARQL query by GET, or the service description")
@router.get("/sparql/", include_in_schema=False)
async def sparql_get(request: Request, settings: SettingsDep, pool: PoolDep) -> Response:
    """``?query=`` with ``Accept`` choosing the format: SPARQL JSON, XML, CSV, TSV for SELECT/ASK;
    Turtle, N-Triples, RDF/XML, JSON-LD for CONSTRUCT/DESCRIBE. Without a query: the SPARQL
    service description (Turtle), or a query form for a browser."""
    return await _sparql(request, settings, pool)


@router.post("/sparql", openapi_extra=_POST, responses=ERROR_RESPONSES, response_class=Response,
             summary="SPARQL query or update by POST")
@router.post("/sparql/", include_in_schema=False)
async def sparql_post(request: Request, settings: SettingsDep, pool: PoolDep) -> Response:
    """A query as ``application/sparql-query`` or as a form (``query=``); an update as
    ``application/sparql-update`` or a form (``update=``), with ``Authorization: Bearer <token>``
    when the operator has enabled updates (``KG_UPDATE_TOKEN``); otherwise updates get 403."""
    return await _sparql(request, settings, pool)
