"""``/queries``: the named SPARQL queries of ``queries/``, listed and run with parameters."""

from __future__ import annotations

import csv
import io

from fastapi import APIRouter, Request, Response

from api import jobs
from api.deps import NamedQueriesDep, PoolDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError
from api.models import NamedQueryInfo, NamedQueryResult, QueryParameter
from api.negotiation import CSV, Format, choose
from kg.named_queries import NamedQuery, QueryError

router = APIRouter(prefix="/queries", tags=["Named queries"])
JSON_TABLE = Format("json", "application/json")
RESERVED = ("format",)  # a parameter of the route itself, not of the query


def _info(query: NamedQuery) -> NamedQueryInfo:
    params = [QueryParameter(name=p.name, type=p.type, default=p.default,
                             description=p.description) for p in query.params]
    return NamedQueryInfo(name=query.name, title=query.title, description=query.description,
                          parameters=params, url=f"/queries/{query.name}")


@router.get("", response_model=list[NamedQueryInfo], responses=ERROR_RESPONSES, summary="List named queries")
async def list_queries(named: NamedQueriesDep) -> list[NamedQueryInfo]:
    """Every ``queries/*.rq`` with its title, description and parameters."""
    return [_info(q) for q in named.values()]


def _csv(result: NamedQueryResult) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=result.variables, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(result.rows)
    return buffer.getvalue().encode("utf-8")


@router.get("/{name}", response_model=NamedQueryResult, responses=ERROR_RESPONSES, summary="Run a named query",
            openapi_extra={"parameters": [{"name": "format", "in": "query", "schema": {"enum": ["json", "csv"]}}]})
async def run_query(name: str, request: Request, settings: SettingsDep, pool: PoolDep,
                    named: NamedQueriesDep) -> Response:
    """Run one named query; its parameters are URL parameters (``?cls=Zone``), bound as RDF terms.
    JSON by default, CSV with ``Accept: text/csv`` or ``format=csv``."""
    query = named.get(name)
    if query is None:
        raise ApiError(404, "not_found", f"no named query {name!r}; GET /queries lists them")
    values = {k: v for k, v in request.query_params.items() if k not in RESERVED}
    fmt = choose((JSON_TABLE, CSV), request.headers.get("accept"), request.query_params.getlist("format"))
    try:
        bindings = query.bind(values, instance_ns=settings.instance_ns, ontology_ns=settings.ontology_ns)
    except QueryError as exc:
        raise ApiError(400, "bad_parameter", str(exc)) from exc
    rows: jobs.Rows = await pool.run(jobs.Select(query.text, tuple(bindings.items())))
    result = NamedQueryResult(name=name, parameters={k: str(v) for k, v in bindings.items()},
                              variables=rows.variables, truncated=rows.truncated,
                              rows=[{k: str(v) for k, v in row.items()} for row in rows.rows])
    if fmt is CSV:
        return Response(_csv(result), media_type=CSV.media_type, headers={"Vary": "Accept"})
    return Response(result.model_dump_json().encode(), media_type="application/json", headers={"Vary": "Accept"})
