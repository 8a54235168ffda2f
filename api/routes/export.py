"""``/export``: the graph as RDF (whole, or one named graph), or its entity subgraph for Gephi.

Unfiltered RDF is the store's own dump (N-Quads and TriG keep the per-document graphs); a
filtered export, and GEXF 1.3, GraphML and CSV, come from :func:`kg.export.export_bytes`, the
same exporter as ``kg export``, with the same filters.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api import jobs
from api.deps import PoolDep, SettingsDep
from api.errors import ERROR_RESPONSES, ApiError
from api.params import export_filter

router = APIRouter(tags=["Export"])

FormatName = Literal["nquads", "trig", "turtle", "ntriples", "jsonld", "rdfxml", "gexf", "graphml", "csv"]
EXTENSIONS = {"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld",
              "rdfxml": "rdf", "gexf": "gexf", "graphml": "graphml", "csv": "zip"}
DUMP_ONLY = ("trig", "rdfxml")  # formats the store dumps but the subgraph exporter does not write
GEPHI = ("gexf", "graphml", "csv")
EXPORT_TIME_FACTOR = 6  # an export reads everything: it gets more time than a query


@router.get("/export", responses=ERROR_RESPONSES, response_class=Response, summary="Export the graph")
async def export(
    settings: SettingsDep, pool: PoolDep,
    format: Annotated[FormatName, Query(description="Serialisation")] = "nquads",  # noqa: A002
    graph: Annotated[str | None, Query(description="Only this named graph (unfiltered RDF)")] = None,
    cls: Annotated[list[str], Query(alias="class", description="Only these classes (Zone, 企业 …)")] = [],  # noqa: B006
    relation: Annotated[list[str], Query(description="Only these relations (locatedIn, 位于 …)")] = [],  # noqa: B006
    min_degree: Annotated[int, Query(ge=0, description="Only entities with at least this many relations")] = 0,
    ego: Annotated[str | None, Query(description="Only the neighbourhood of this entity (IRI, id or name)")] = None,
    depth: Annotated[int, Query(ge=0, le=5, description="Hops around ego")] = 1,
    limit: Annotated[int | None, Query(ge=1, description="Most entities")] = None,
) -> Response:
    """The graph or a filtered subgraph: ``?format=gexf&ego=青岛市&depth=2`` for Gephi."""
    flt = export_filter(cls, relation, min_degree, ego, depth, limit)
    filtered = bool(getattr(flt, "active", False))
    timeout = settings.query_timeout * EXPORT_TIME_FACTOR
    if format in GEPHI or filtered:
        if format in DUMP_ONLY:
            raise ApiError(400, "bad_parameter", f"a filtered export is not available as {format}")
        answer: jobs.Answer = await pool.run(jobs.Export(format, flt), timeout=timeout)
    else:
        answer = await pool.run(jobs.Dump(format, graph), timeout=timeout)
    name = f"stkg.{EXTENSIONS[format]}"
    return Response(answer.body, media_type=answer.media_type,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
