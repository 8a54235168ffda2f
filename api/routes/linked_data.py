"""Linked Data: the IRIs of the instance namespace dereference on this service.

When the service is deployed at the instance namespace (``KG_INSTANCE_NS``, e.g.
``https://stkg.example.org/id/``), ``GET /id/entity/{id}`` answers an HTML page for a browser
and Turtle, JSON-LD, N-Triples or RDF/XML for a Linked Data client, chosen by ``Accept`` (or
``?format=``). Other resources (documents, sentences, assertions) get a plain page of triples.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse
from rdflib import URIRef

from api import jobs, lookups, pages, sparql_text
from api.errors import ERROR_RESPONSES, ApiError
from api.negotiation import HTML, RDF_PAGE_FORMATS, choose
from api.pool import WorkerPool
from kg.config import Settings

_OUT = "SELECT DISTINCT ?r ?p ?o WHERE { ?r ?p ?o } ORDER BY ?p ?o"
_IN = "SELECT DISTINCT ?r ?p ?o WHERE { ?o ?p ?r } ORDER BY ?p ?o"
_LABEL = "SELECT DISTINCT ?r ?label WHERE { { ?r rdfs:label ?label } UNION { ?r dcterms:title ?label } }"


def path_prefix(settings: Settings) -> str:
    """The URL path of the instance namespace (``/id/``)."""
    path = urlsplit(settings.instance_ns).path or "/"
    return path if path.endswith("/") else path + "/"


async def _generic_page(pool: WorkerPool, settings: Settings, iri: str, link: Any) -> str:
    head = sparql_text.prefixes(settings)
    bound = (("r", URIRef(iri)),)
    out, inc, label = await pool.run(jobs.Batch(tuple(jobs.Select(head + t, bound) for t in (_OUT, _IN, _LABEL))))
    if not out.rows and not inc.rows:
        raise ApiError(404, "not_found", f"nothing is known about <{iri}>")
    rows = {name: [(str(r["p"]), str(r["o"]), isinstance(r["o"], URIRef)) for r in res.rows]
            for name, res in (("out", out), ("in", inc))}
    title = str(label.rows[0]["label"]) if label.rows else None
    return pages.render("resource.html", iri=iri, label=title, outgoing=rows["out"], incoming=rows["in"], link=link)


async def resource(request: Request, rest: str) -> Response:
    settings: Settings = request.app.state.settings
    pool: WorkerPool = request.app.state.pool
    iri = settings.instance_ns + rest
    try:
        sparql_text.iri(iri)
    except ValueError:
        raise ApiError(404, "not_found", f"{rest!r} is not a resource of this graph") from None
    fmt = choose(RDF_PAGE_FORMATS, request.headers.get("accept"), request.query_params.getlist("format"))
    headers = {"Vary": "Accept"}
    if fmt is not HTML:
        answer: jobs.Answer = await pool.run(jobs.Describe(iri, fmt.key))
        return Response(answer.body, media_type=answer.media_type, headers={**answer.headers, **headers})
    prefix = path_prefix(settings)
    link = lambda target: pages.local_link(target, settings.instance_ns, prefix)  # noqa: E731
    if rest.startswith("entity/"):
        detail = await lookups.detail(pool, settings, iri)
        return HTMLResponse(pages.render("entity.html", e=detail, link=link), headers=headers)
    return HTMLResponse(await _generic_page(pool, settings, iri, link), headers=headers)


def router_for(settings: Settings) -> APIRouter:
    """A router that owns the instance namespace's path on this service."""
    router = APIRouter(tags=["Linked Data"])
    router.add_api_route(path_prefix(settings) + "{rest:path}", resource, methods=["GET"],
                         response_class=Response, responses=ERROR_RESPONSES,
                         summary="Dereference an IRI of the instance namespace")
    return router
