"""/entities, neighbourhoods and Linked Data pages, in-process on the fixture graph."""

from __future__ import annotations


import httpx
import pytest
from rdflib import RDFS, Graph, Literal

from api_helpers import DOCS, INSTANCE_NS, entity

pytestmark = [pytest.mark.anyio,
              pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")]




# ---------------------------------------------------------------- search
async def test_search_finds_partial_names_and_aliases(client: httpx.AsyncClient) -> None:
    found = (await client.get("/entities", params={"q": "上合"})).json()
    assert [hit["label"] for hit in found["results"]] == ["上合示范区"]
    by_alias = (await client.get("/entities", params={"q": "上海合作组织"})).json()
    assert by_alias["results"][0]["id"] == "sco"
    assert by_alias["results"][0]["matched"] == "中国—上海合作组织地方经贸合作示范区"


async def test_search_ranks_whole_names_first(client: httpx.AsyncClient) -> None:
    found = (await client.get("/entities", params={"q": "青岛"})).json()
    labels = [hit["label"] for hit in found["results"]]
    assert labels[0] == "青岛市"  # its alias 青岛 matches whole
    assert set(labels) == {"青岛市", "青岛国际航运服务平台"}
    assert found["total"] == 2


async def test_search_by_type_includes_subclasses(client: httpx.AsyncClient) -> None:
    places = (await client.get("/entities", params={"q": "省", "type": "Place"})).json()
    assert [h["label"] for h in places["results"]] == ["山东省"]  # a Province is a Place
    none = (await client.get("/entities", params={"q": "省", "type": "Zone"})).json()
    assert none["results"] == []
    both = (await client.get("/entities", params={"q": "青岛", "type": "City,Platform", "limit": 1})).json()
    assert both["total"] == 2 and len(both["results"]) == 1


async def test_search_validation(client: httpx.AsyncClient) -> None:
    missing = await client.get("/entities")
    assert missing.status_code == 422 and missing.json()["error"] == "invalid_parameter"
    assert (await client.get("/entities", params={"q": "x", "limit": 0})).status_code == 422
    assert (await client.get("/entities", params={"q": "x", "type": "no such>"})).status_code == 400


# ---------------------------------------------------------------- one entity
async def test_entity_has_names_types_figures_and_evidence(client: httpx.AsyncClient) -> None:
    qd = (await client.get("/entities/qd")).json()
    assert qd["label"] == "青岛市" and qd["alt_labels"] == ["青岛"]
    assert [t["name"] for t in qd["types"]] == ["City"]
    assert {d["iri"] for d in qd["documents"]} == {f"{INSTANCE_NS}doc/d1", f"{INSTANCE_NS}doc/d2"}
    [figure] = qd["figures"]
    assert (figure["metric"], figure["value"], figure["unit"], figure["year"]) == ("服务贸易总额", 1000.5, "亿元", "2024")
    assert figure["evidence"]["text"].startswith("2024年青岛市")
    [out] = qd["outgoing"]
    assert (out["predicate"], out["entity"]["label"], out["entity"]["types"]) == ("locatedIn", "山东省", ["Province"])
    [evidence] = out["evidence"]
    assert evidence["text"] == "青岛市是山东省的经济中心。" and evidence["trigger"] == "是"
    assert evidence["start"] == 200 and evidence["end"] == 213
    assert evidence["document"]["title"] == "青岛市服务业发展规划"
    [inc] = qd["incoming"]
    assert (inc["predicate"], inc["entity"]["id"]) == ("locatedIn", "sco")


async def test_unknown_entity_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/entities/nothing")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "error": "not_found", "message": "no entity nothing in the graph",
                                "detail": None}
    assert (await client.get("/entities/nothing/neighbours")).status_code == 404


# ---------------------------------------------------------------- neighbourhoods
async def test_neighbours_by_depth(client: httpx.AsyncClient) -> None:
    one = (await client.get("/entities/sco/neighbours")).json()
    assert {n["id"]: n["depth"] for n in one["nodes"]} == {"sco": 0, "qd": 1, "hub": 1}
    assert {(e["source"], e["predicate"], e["target"]) for e in one["edges"]} == {
        ("sco", "locatedIn", "qd"), ("sco", "operates", "hub")}
    two = (await client.get("/entities/sco/neighbours", params={"depth": 2})).json()
    assert {n["id"]: n["depth"] for n in two["nodes"]}["shandong"] == 2
    assert len({e["id"] for e in two["edges"]}) == len(two["edges"]) == 3
    assert (await client.get("/entities/sco/neighbours", params={"depth": 4})).status_code == 422


async def test_neighbours_filters_and_limit(client: httpx.AsyncClient) -> None:
    located = (await client.get("/entities/sco/neighbours", params={"depth": 3, "predicate": "locatedIn"})).json()
    assert {n["id"] for n in located["nodes"]} == {"sco", "qd", "shandong"}
    places = (await client.get("/entities/sco/neighbours", params={"depth": 3, "type": "Place"})).json()
    assert {n["id"] for n in places["nodes"]} == {"sco", "qd", "shandong"}
    limited = (await client.get("/entities/sco/neighbours", params={"depth": 3, "limit": 2})).json()
    assert len(limited["nodes"]) == 2 and limited["truncated"] is True
    issued = (await client.get("/entities/mofcom/neighbours")).json()
    assert [(e["source"], e["target"]) for e in issued["edges"]] == [("plan", "mofcom")]  # incoming counts too


@pytest.mark.parametrize(("fmt", "marker"), [("gexf", b'xmlns="http://gexf.net/1.3"'), ("graphml", b"<graphml")])
async def test_neighbours_for_gephi(client: httpx.AsyncClient, fmt: str, marker: bytes) -> None:
    response = await client.get("/entities/sco/neighbours", params={"depth": 2, "format": fmt})
    assert response.status_code == 200, response.text
    assert marker in response.content and "上合示范区".encode() in response.content


# ---------------------------------------------------------------- Linked Data
@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                             ("application/n-triples", "nt"), ("application/rdf+xml", "xml")])
async def test_entity_iri_dereferences_to_rdf(client: httpx.AsyncClient, accept: str, fmt: str) -> None:
    response = await client.get("/id/entity/qd", headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    graph = Graph().parse(data=response.content, format=fmt)
    assert (entity("qd"), RDFS.label, Literal("青岛市", lang="zh")) in graph
    assert (entity("sco"), RDFS.label, Literal("上合示范区", lang="zh")) in graph  # an incoming neighbour, named


async def test_entity_iri_gives_browsers_a_page(client: httpx.AsyncClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = await client.get("/id/entity/qd", headers={"accept": browser})
    assert page.headers["content-type"].startswith("text/html")
    for text in ("青岛市", "山东省", "青岛市是山东省的经济中心。", "服务贸易总额", 'href="/id/entity/shandong"'):
        assert text in page.text
    document = await client.get("/id/doc/d1", headers={"accept": browser})
    assert document.status_code == 200 and DOCS["d1"] in document.text
    assert (await client.get("/id/entity/nothing", headers={"accept": browser})).status_code == 404
    assert (await client.get("/id/entity/nothing", headers={"accept": "text/turtle"})).status_code == 404
