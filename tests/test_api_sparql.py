"""/sparql in-process (httpx.ASGITransport): negotiation, protocol errors, datasets, updates, limits."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from rdflib import Graph

from api_helpers import INSTANCE_NS, Listener, app_client, build_store, entity, settings_for

pytestmark = [pytest.mark.anyio,
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]
TOKEN = "s3cret"
COUNT_ZONES = ("PREFIX kg: <https://stkg.example.org/ontology#> "
               "SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE { ?z a kg:Zone }")
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("sparql") / "store")


@pytest.fixture(scope="module")
async def client(store: Path) -> AsyncIterator[httpx.AsyncClient]:
    async with app_client(settings_for(store, max_rows=3, max_request_bytes=2000)) as c:
        yield c


async def query(client: httpx.AsyncClient, text: str, accept: str | None = None, **params: str) -> httpx.Response:
    headers = {"accept": accept} if accept else {}
    return await client.get("/sparql", params={"query": text, **params}, headers=headers)


# ---------------------------------------------------------------- formats
@pytest.mark.parametrize(("accept", "media"), [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
])
async def test_select_formats(client: httpx.AsyncClient, accept: str | None, media: str) -> None:
    response = await query(client, COUNT_ZONES, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "1" in response.text
    assert "Accept" in response.headers["vary"]


@pytest.mark.parametrize(("accept", "rdflib_format", "media"), [
    (None, "turtle", "text/turtle"),
    ("application/n-triples", "nt", "application/n-triples"),
    ("application/rdf+xml", "xml", "application/rdf+xml"),
    ("application/ld+json", "json-ld", "application/ld+json"),
])
async def test_construct_formats(client: httpx.AsyncClient, accept: str | None, rdflib_format: str, media: str) -> None:
    text = f"CONSTRUCT {{ <{entity('qd')}> ?p ?o }} WHERE {{ <{entity('qd')}> ?p ?o FILTER(isLiteral(?o)) }}"
    response = await query(client, text, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.content, format=rdflib_format)
    assert len(graph) == 2  # label and alias, once each although two documents hold them


@pytest.mark.parametrize(("hint", "media"), [("csv", "text/csv"), ("xml", "application/sparql-results+xml"),
                                             ("json", "application/sparql-results+json")])
async def test_format_parameter_wins_over_accept(client: httpx.AsyncClient, hint: str, media: str) -> None:
    response = await query(client, COUNT_ZONES, "text/html,*/*;q=0.8", format=hint, output=hint)
    assert response.headers["content-type"].startswith(media)


async def test_unsatisfiable_accept_is_406(client: httpx.AsyncClient) -> None:
    response = await query(client, COUNT_ZONES, "image/png")
    assert response.status_code == 406
    assert response.json()["error"] == "not_acceptable"
    construct = await query(client, "CONSTRUCT WHERE { ?s ?p ?o }", "text/csv")
    assert construct.status_code == 406


# ---------------------------------------------------------------- protocol errors
@pytest.mark.parametrize(("kwargs", "status"), [
    ({"content": b"ASK {}", "headers": {"content-type": "text/plain"}}, 415),
    ({"content": b"ASK {}"}, 415),
    ({"content": "ASK {}".encode("utf-16"), "headers": {"content-type": "application/sparql-query; charset=UTF-16"}}, 415),
    ({"content": b"\xff\xfeA", "headers": {"content-type": "application/sparql-query"}}, 400),
    ({"content": b"query=ASK%7B%7D&query=ASK%7B%7D", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
    ({"content": b"query=ASK%7B%7D&update=CLEAR%20ALL", "headers": {"content-type": "application/x-www-form-urlencoded"}}, 400),
    ({"content": b"x" * 3000, "headers": {"content-type": "application/sparql-query"}}, 413),
])
async def test_malformed_posts(client: httpx.AsyncClient, kwargs: dict, status: int) -> None:
    response = await client.post("/sparql", **kwargs)
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"status", "error", "message", "detail"} and body["status"] == status


async def test_syntax_error_is_400_with_the_parser_message(client: httpx.AsyncClient) -> None:
    response = await query(client, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert response.json()["error"] == "malformed_query"
    assert "error at 1:" in response.json()["message"]


async def test_other_methods_are_405(client: httpx.AsyncClient) -> None:
    response = await client.put("/sparql", params={"query": "ASK {}"})
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


async def test_update_by_get_and_dataset_mismatch_are_400(client: httpx.AsyncClient) -> None:
    assert (await client.get("/sparql", params={"update": "CLEAR ALL"})).status_code == 400
    mixed = await query(client, "ASK {}", **{"using-graph-uri": "http://example.org/g"})
    assert mixed.status_code == 400
    not_iri = await query(client, "ASK {}", **{"default-graph-uri": "not an iri"})
    assert not_iri.status_code == 400


# ---------------------------------------------------------------- datasets
async def test_default_graph_is_the_union_and_graph_reaches_each(client: httpx.AsyncClient) -> None:
    union = await query(client, COUNT_ZONES)
    assert union.json()["results"]["bindings"][0]["n"]["value"] == "1"
    graphs = await query(client, GRAPHS)
    found = [b["g"]["value"] for b in graphs.json()["results"]["bindings"]]
    assert found == [f"{INSTANCE_NS}graph/{name}" for name in ("d1", "d2", "ontology")]


async def test_protocol_dataset_and_from(client: httpx.AsyncClient) -> None:
    ask = f"ASK {{ <{entity('shandong')}> ?p ?o }}"  # 山东省 appears in document d2 only
    only_d1 = await query(client, ask, **{"default-graph-uri": f"{INSTANCE_NS}graph/d1"})
    assert only_d1.json()["boolean"] is False
    with_from = await query(client, f"ASK FROM <{INSTANCE_NS}graph/d2> {{ <{entity('shandong')}> ?p ?o }}")
    assert with_from.json()["boolean"] is True
    from_d1 = await query(client, f"ASK FROM <{INSTANCE_NS}graph/d1> {{ <{entity('shandong')}> ?p ?o }}")
    assert from_d1.json()["boolean"] is False  # FROM is honoured, not widened to the union


async def test_row_cap_cuts_and_says_so(client: httpx.AsyncClient) -> None:
    response = await query(client, "SELECT ?s WHERE { ?s ?p ?o }")
    assert len(response.json()["results"]["bindings"]) == 3
    assert response.headers["x-sparql-maxrows"] == "3"
    small = await query(client, COUNT_ZONES)
    assert "x-sparql-maxrows" not in small.headers


# ---------------------------------------------------------------- service description and updates
async def test_service_description(client: httpx.AsyncClient) -> None:
    turtle = await client.get("/sparql", headers={"accept": "text/turtle"})
    graph = Graph().parse(data=turtle.content, format="turtle")
    assert any("sparql-service-description#endpoint" in str(p) for _, p, _ in graph)
    page = await client.get("/sparql", headers={"accept": "text/html,*/*;q=0.8"})
    assert page.headers["content-type"].startswith("text/html") and "<form" in page.text


async def test_updates_are_refused_without_a_token(client: httpx.AsyncClient) -> None:
    for headers in ({}, {"authorization": "Bearer guess"}):
        response = await client.post("/sparql", content=b"CLEAR ALL",
                                     headers={"content-type": "application/sparql-update", **headers})
        assert response.status_code == 403
        assert response.json()["error"] == "updates_disabled"


async def test_updates_with_a_token(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    async with app_client(settings_for(store, update_token=TOKEN)) as c:
        graph = "http://example.org/curated"
        update = f'INSERT DATA {{ GRAPH <{graph}> {{ <{entity("qd")}> <http://example.org/p> "x" }} }}'
        wrong = await c.post("/sparql", data={"update": update}, headers={"authorization": "Bearer nope"})
        assert wrong.status_code == 403 and wrong.json()["error"] == "forbidden"
        done = await c.post("/sparql", data={"update": update}, headers={"authorization": f"Bearer {TOKEN}"})
        assert done.status_code == 204
        for _ in range(2):  # each worker sees the new generation
            seen = await query(c, f"ASK {{ GRAPH <{graph}> {{ ?s ?p \"x\" }} }}")
            assert seen.json()["boolean"] is True
        bad = await c.post("/sparql", content=b"CLEAR XYZ", headers={
            "content-type": "application/sparql-update", "authorization": f"Bearer {TOKEN}"})
        assert bad.status_code == 400
        with Listener() as listener:
            load = await c.post("/sparql", data={"update": f"LOAD <{listener.url}/x.ttl>"},
                                headers={"authorization": f"Bearer {TOKEN}"})
            assert load.status_code == 403 and listener.requests == []


async def test_allowed_host_makes_service_work(tmp_path: Path) -> None:
    store = build_store(tmp_path / "store")
    with Listener() as listener:
        async with app_client(settings_for(store, allowed_hosts=["127.0.0.1"])) as c:
            response = await query(c, f"SELECT ?x WHERE {{ SERVICE <{listener.url}/sparql> {{ ?x ?p ?o }} }}")
            assert response.status_code == 200, response.text
            assert json.loads(response.content)["results"]["bindings"][0]["x"]["value"] == "remote"
        assert listener.requests == ["POST /sparql"]
