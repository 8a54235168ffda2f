"""The service over the built seed corpus: the examples of docs/HTTP.md, and named queries that
answer over HTTP with the same rows as `kg query`."""

from __future__ import annotations

import asyncio
import json
import re
import shlex
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from api_helpers import app_client, settings_for
from kg.config import PROJECT_ROOT
from kg.named_queries import load_queries

pytestmark = pytest.mark.anyio
DOC = PROJECT_ROOT / "docs" / "HTTP.md"
BASE = "http://127.0.0.1:8000"
QUERIES = load_queries(PROJECT_ROOT / "queries")


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
async def client(seed_store_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    # A generous limit: some named queries take seconds on two busy cores.
    async with app_client(settings_for(seed_store_path, query_timeout=30.0)) as c:
        yield c


def curl_examples() -> list[tuple[str, str, dict[str, str], list[tuple[str, str]]]]:
    """(method, path, headers, form data) of every `curl` line in docs/HTTP.md."""
    examples = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if not line.startswith("curl "):
            continue
        args, headers, data, get, url = shlex.split(line), {}, [], False, ""
        for i, arg in enumerate(args):
            if arg == "-H":
                name, _, value = args[i + 1].partition(":")
                headers[name.strip().lower()] = value.strip()
            elif arg == "--data-urlencode":
                key, _, value = args[i + 1].partition("=")
                data.append((key, value))
            elif arg == "-G":
                get = True
            elif arg.startswith(BASE):
                url = arg[len(BASE):]
        examples.append(("GET" if get or not data else "POST", url, headers, data))
    return examples


EXAMPLES = curl_examples()


def test_the_page_has_examples() -> None:
    assert len(EXAMPLES) >= 15


@pytest.mark.parametrize(("method", "path", "headers", "data"), EXAMPLES, ids=[e[1][:60] for e in EXAMPLES])
async def test_documented_example_works(client: httpx.AsyncClient, method: str, path: str,
                                        headers: dict[str, str], data: list[tuple[str, str]]) -> None:
    if method == "GET":
        # httpx replaces the URL's own query string when given params, so only when there are some.
        response = await (client.get(path, headers=headers, params=dict(data)) if data
                          else client.get(path, headers=headers))
    else:
        response = await client.post(path, headers=headers, data=dict(data))
    assert response.status_code == 200, response.text[:500]
    assert response.content


async def test_partial_names_find_the_zone(client: httpx.AsyncClient) -> None:
    hits = (await client.get("/entities", params={"q": "上合", "limit": 50})).json()["results"]
    assert any(hit["matched"] == "上合示范区" and "Zone" in hit["types"] for hit in hits)


async def test_an_entity_with_evidence(client: httpx.AsyncClient) -> None:
    entity_id = re.search(r"/entities/([0-9a-f]{16})'", DOC.read_text(encoding="utf-8")).group(1)  # type: ignore[union-attr]
    detail = (await client.get(f"/entities/{entity_id}")).json()
    assert detail["label"] == "青岛市"
    relations = detail["outgoing"] + detail["incoming"]
    assert relations and all(r["evidence"] for r in relations)
    assert all(e["text"] and e["document"]["title"] for r in relations for e in r["evidence"])
    assert detail["figures"]


def _rows(rows: list[dict[str, str]]) -> list[tuple[tuple[str, str], ...]]:
    return sorted(tuple(sorted(row.items())) for row in rows)


def _cli_arguments(name: str) -> tuple[list[str], dict[str, str]]:
    """`kg query` takes parameters as written; give both sides the defaults as full IRIs."""
    query, cli, http = QUERIES[name], [], {}
    for param in query.params:
        if param.default is not None:
            value = str(param.term(param.default, "https://stkg.example.org/id/", "https://stkg.example.org/ontology#"))
            cli += ["--param", f"{param.name}={value}"]
            http[param.name] = value
    return cli, http


@pytest.mark.parametrize("name", sorted(QUERIES))
async def test_named_query_rows_match_kg_query(client: httpx.AsyncClient, kg: Callable[..., Any],
                                               seed_store_path: Path, name: str) -> None:
    cli_args, params = _cli_arguments(name)
    # The command line and the service run side by side: the slowest queries take seconds each.
    cli = asyncio.to_thread(kg, "query", name, "--format", "json", "--store", seed_store_path, *cli_args)
    http, result = await asyncio.gather(client.get(f"/queries/{name}", params=params), cli)
    assert result.exit_code == 0, result.output
    assert http.status_code == 200, http.text
    assert _rows(http.json()["rows"]) == _rows(json.loads(result.stdout))
