"""Dependencies of the routes, as ``Annotated`` aliases (FastAPI "bigger applications" style).

Everything comes from ``app.state``, set once by :func:`api.main.create_app`, so tests build an
app with their own settings instead of patching globals.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.errors import ApiError
from api.pool import WorkerPool
from kg.config import Settings
from kg.named_queries import NamedQuery, QueryError, load_queries


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _pool(request: Request) -> WorkerPool:
    pool: WorkerPool = request.app.state.pool
    return pool


SettingsDep = Annotated[Settings, Depends(_settings)]
PoolDep = Annotated[WorkerPool, Depends(_pool)]


def _named_queries(settings: SettingsDep) -> dict[str, NamedQuery]:
    # Read on every request: a few small files, and an edited query shows up without a restart.
    try:
        return load_queries(settings.queries_dir)
    except QueryError as exc:
        raise ApiError(500, "bad_named_query", str(exc)) from exc


NamedQueriesDep = Annotated[dict[str, NamedQuery], Depends(_named_queries)]
