"""/stats, /healthz, /export, the OpenAPI documentation and the error shape, in-process."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx
import pytest
from rdflib import Dataset, Graph

from api_helpers import INSTANCE_NS, app_client, settings_for

pytestmark = [pytest.mark.anyio,
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")]




async def test_stats(client: httpx.AsyncClient) -> None:
    stats = (await client.get("/stats")).json()
    assert (stats["documents"], stats["entities"], stats["indicators"], stats["assertions"]) == (2, 6, 1, 4)
    assert stats["graphs"] == 3
    assert stats["relations_by_predicate"] == {"locatedIn": 2, "issuedBy": 1, "operates": 1}
    assert stats["entities_by_class"]["Zone"] == 1


async def test_healthz(client: httpx.AsyncClient, tmp_path: Path) -> None:
    health = (await client.get("/healthz")).json()
    assert health["status"] == "ok" and health["generation"].startswith("gen-")
    async with app_client(settings_for(tmp_path / "empty")) as empty:
        response = await empty.get("/healthz")
        assert response.status_code == 503 and response.json()["error"] == "store_unavailable"
        query = await empty.get("/sparql", params={"query": "ASK {}"})
        assert query.status_code == 503 and "kg build" in query.json()["message"]


@pytest.mark.parametrize(("fmt", "parse_as"), [("nquads", "nquads"), ("trig", "trig"), ("turtle", "turtle"),
                                               ("ntriples", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml")])
async def test_export_rdf(client: httpx.AsyncClient, fmt: str, parse_as: str) -> None:
    response = await client.get("/export", params={"format": fmt})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    if parse_as in ("nquads", "trig"):
        dataset = Dataset().parse(data=response.content, format=parse_as)
        assert {str(g.identifier) for g in dataset.graphs()} >= {f"{INSTANCE_NS}graph/d1", f"{INSTANCE_NS}graph/d2"}
    else:
        assert len(Graph().parse(data=response.content, format=parse_as)) > 100


async def test_export_one_graph_and_filters(client: httpx.AsyncClient) -> None:
    one = await client.get("/export", params={"format": "ntriples", "graph": f"{INSTANCE_NS}graph/d1"})
    assert "山东省" not in one.text and "上合示范区" in one.text
    ego = await client.get("/export", params={"format": "gexf", "ego": "青岛市", "depth": 1})
    assert ego.status_code == 200 and b"gexf.net/1.3" in ego.content and "山东省".encode() in ego.content
    tables = await client.get("/export", params={"format": "csv", "class": "Zone"})
    assert zipfile.ZipFile(io.BytesIO(tables.content)).namelist() == ["nodes.csv", "edges.csv"]
    unknown = await client.get("/export", params={"format": "gexf", "ego": "无此实体"})
    assert unknown.status_code == 404
    assert (await client.get("/export", params={"format": "png"})).status_code == 422


async def test_openapi_documents_every_route(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    paths = set(schema["paths"])
    assert {"/sparql", "/entities", "/entities/{entity_id}", "/entities/{entity_id}/neighbours", "/queries",
            "/queries/{name}", "/export", "/stats", "/healthz", "/id/{rest}"} <= paths
    assert "ErrorBody" in schema["components"]["schemas"]
    assert (await client.get("/docs")).status_code == 200


async def test_cors_lets_web_pages_read(client: httpx.AsyncClient) -> None:
    response = await client.get("/stats", headers={"origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "*"
    preflight = await client.options("/sparql", headers={"origin": "https://example.org",
                                                         "access-control-request-method": "POST",
                                                         "access-control-request-headers": "content-type"})
    assert preflight.status_code == 200


async def test_every_error_has_one_shape(client: httpx.AsyncClient) -> None:
    for response in (await client.get("/no/such/route"), await client.delete("/stats"),
                     await client.get("/entities", params={"limit": "x"})):
        assert set(response.json()) == {"status", "error", "message", "detail"}
        assert response.json()["status"] == response.status_code >= 400
