"""The FastAPI application: :func:`create_app` builds it from settings, :func:`serve` runs it.

>>> from kg.config import Settings
>>> app = create_app(Settings(store="/tmp/no-such-store"))
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/entities"))
['/entities', '/entities/{entity_id}', '/entities/{entity_id}/neighbours']
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import jobs
from api.errors import install_handlers
from api.pool import WorkerPool
from api.routes import entities, export, linked_data, meta, queries, sparql
from kg import __version__
from kg.config import Settings, get_settings
from kg.store.base import StoreError

DESCRIPTION = """
The service-trade knowledge graph over HTTP: a SPARQL 1.1 endpoint, entity search and lookups
with evidence, k-hop neighbourhoods, named queries and exports. Every error answers
`{"status", "error", "message", "detail"}`. See `docs/HTTP.md` for examples on the seed graph.
"""


# Prefixes a /sparql query may use without declaring them.
DEFAULT_PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}


def worker_config(settings: Settings) -> jobs.WorkerConfig:
    """What the query workers need from the settings."""
    if settings.store.startswith(("http://", "https://")):
        raise StoreError("kg serve runs over an embedded store folder; a remote SPARQL store "
                         "already has its own endpoint")
    return jobs.WorkerConfig(
        store=str(Path(settings.store).resolve()),
        allowed_hosts=frozenset(h.lower() for h in settings.allowed_hosts),
        prefixes={**DEFAULT_PREFIXES, "kg": settings.ontology_ns},
        max_rows=settings.max_rows,
        no_network=not settings.allowed_hosts,
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application over ``settings.store``; its query workers start with the application
    (or with the first query, when no lifespan runs)."""
    settings = settings or get_settings()
    pool = WorkerPool(worker_config(settings), settings.query_workers, settings.query_timeout)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()
        yield
        await pool.close()

    app = FastAPI(title="Service-trade knowledge graph", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.pool = pool
    install_handlers(app)
    # Web pages on other sites may query the graph; credentials are never involved (a token is a
    # header the page would have to know), so any origin may read.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Accept", "Content-Type", "Authorization"],
                       expose_headers=["X-SPARQL-MaxRows"])
    for module in (sparql, entities, queries, export, meta):
        app.include_router(module.router)
    app.include_router(linked_data.router_for(settings))  # last: it may own a broad path
    return app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the service with uvicorn until interrupted."""
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")
