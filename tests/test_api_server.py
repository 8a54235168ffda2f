"""The service through a real `kg serve` (uvicorn on loopback): SPARQL clients, time limit, network."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from api_helpers import ENTITIES, Listener, build_store, entity, running_server
from kg.store.embedded import EmbeddedStore

pytestmark = [pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
              pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")]
TIME_LIMIT = 2.0
ZONES = "PREFIX kg: <https://stkg.example.org/ontology#> SELECT DISTINCT ?zone ?label WHERE { ?zone a kg:Zone ; rdfs:label ?label }"
ASK = "PREFIX kg: <https://stkg.example.org/ontology#> ASK { ?zone a kg:Zone }"
CONSTRUCT = ("PREFIX kg: <https://stkg.example.org/ontology#> "
             "CONSTRUCT { ?s kg:locatedIn ?o } WHERE { ?s kg:locatedIn ?o }")
DESCRIBE = f"DESCRIBE <{entity('shandong')}>"
# Four unconstrained patterns over a few hundred quads: about 10^10 rows to count.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def served_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server") / "store")


@pytest.fixture(scope="module")
def server(served_store: Path) -> Iterator[str]:
    with running_server(served_store, {"KG_QUERY_TIMEOUT": str(TIME_LIMIT)}) as base:
        yield base


def client(server: str, query: str, fmt: str, method: str = "GET", request: str = URLENCODED) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(f"{server}/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(fmt)
    wrapper.setMethod(method)
    wrapper.setRequestMethod(request)
    wrapper.setTimeout(10)
    return wrapper


def answer(wrapper: SPARQLWrapper) -> Any:
    """The converted result (its type depends on the format: JSON dict, DOM, bytes or Graph)."""
    return wrapper.queryAndConvert()


METHODS = [("GET", URLENCODED), ("POST", URLENCODED), ("POST", POSTDIRECTLY)]


@pytest.mark.parametrize(("method", "request_method"), METHODS)
def test_select_json(server: str, method: str, request_method: str) -> None:
    result = answer(client(server, ZONES, JSON, method, request_method))
    assert result["head"]["vars"] == ["zone", "label"]
    labels = {b["label"]["value"] for b in result["results"]["bindings"]}
    assert labels == {ENTITIES["sco"][1]}
    assert result["results"]["bindings"][0]["label"]["xml:lang"] == "zh"


def test_select_xml(server: str) -> None:
    document = answer(client(server, ZONES, XML))
    literals = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert literals == [ENTITIES["sco"][1]]


@pytest.mark.parametrize("fmt", [CSV, TSV])
def test_select_csv_tsv(server: str, fmt: str) -> None:
    text = answer(client(server, ZONES, fmt, POST)).decode("utf-8")
    header, row = text.strip().splitlines()
    assert header.replace("?", "") in ("zone,label", "zone\tlabel")
    assert ENTITIES["sco"][1] in row


@pytest.mark.parametrize("fmt", [JSON, XML])
def test_ask(server: str, fmt: str) -> None:
    result = answer(client(server, ASK, fmt))
    if fmt == JSON:
        assert result["boolean"] is True
    else:
        assert result.getElementsByTagName("boolean")[0].firstChild.data == "true"


def _graph(result: object, fmt: str) -> Graph:
    if isinstance(result, Graph):
        return result
    assert isinstance(result, bytes)
    return Graph().parse(data=result, format={TURTLE: "turtle", N3: "n3"}.get(fmt, "json-ld"))


@pytest.mark.parametrize("fmt", [TURTLE, N3, RDFXML, XML, JSONLD])
@pytest.mark.parametrize(("method", "request_method"), METHODS)
def test_construct(server: str, fmt: str, method: str, request_method: str) -> None:
    result = answer(client(server, CONSTRUCT, fmt, method, request_method))
    graph = _graph(result, fmt)
    located = URIRef("https://stkg.example.org/ontology#locatedIn")
    assert set(graph) == {(entity("sco"), located, entity("qd")), (entity("qd"), located, entity("shandong"))}


@pytest.mark.parametrize("fmt", [TURTLE, RDFXML, JSONLD])
def test_describe(server: str, fmt: str) -> None:
    graph = _graph(answer(client(server, DESCRIBE, fmt)), fmt)
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert (entity("shandong"), label, Literal("山东省", lang="zh")) in graph


def test_syntax_error_is_a_client_error(server: str) -> None:
    with pytest.raises(SPARQLWrapperException, match="(?i)syntax"):
        client(server, "SELECT * WHERE {", JSON).query()


def test_endless_query_is_stopped_while_others_are_served(server: str) -> None:
    outcome: dict[str, object] = {}

    def endless() -> None:
        started = time.monotonic()
        response = httpx.get(f"{server}/sparql", params={"query": ENDLESS}, timeout=30)
        outcome.update(status=response.status_code, body=response.json(), seconds=time.monotonic() - started)

    thread = threading.Thread(target=endless)
    thread.start()
    time.sleep(0.3)  # let the endless query reach its worker
    latencies: list[float] = []
    with httpx.Client(timeout=5) as other:
        while thread.is_alive() and len(latencies) < 200:
            started = time.monotonic()
            response = other.get(f"{server}/sparql", params={"query": ASK})
            latencies.append(time.monotonic() - started)
            assert response.status_code == 200
            time.sleep(0.05)
    thread.join(timeout=15)
    assert outcome["status"] == 504
    assert "time limit" in str(outcome["body"])
    assert TIME_LIMIT <= float(outcome["seconds"]) < TIME_LIMIT + 2  # type: ignore[arg-type]
    assert len(latencies) >= 5 and max(latencies) < 0.5, latencies
    # The killed worker was replaced: the pool is whole again and answers at once.
    assert httpx.get(f"{server}/healthz", timeout=5).json()["workers"] == 2
    assert httpx.get(f"{server}/sparql", params={"query": ASK}, timeout=5).status_code == 200


OUTBOUND = [
    "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
    "PREFIX r: <{url}/> SELECT * WHERE {{ ?s ?p ?o SERVICE r:sparql {{ ?s ?p ?o }} }}",
    "BASE <{url}/> SELECT * WHERE {{ SERVICE <sparql> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{url}/sparql> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ FILTER EXISTS {{ SERVICE <{url}/x> {{ ?s ?p ?o }} }} }}",
    "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
]


def test_no_query_opens_an_outbound_connection(server: str) -> None:
    with Listener() as listener, httpx.Client(timeout=10) as http:
        for template in OUTBOUND:
            query = template.format(url=listener.url)
            response = http.post(f"{server}/sparql", data={"query": query})
            assert response.status_code == 403, (query, response.text)
            assert response.json()["error"] == "outbound_refused"
        update = http.post(f"{server}/sparql", data={"update": f"LOAD <{listener.url}/data.ttl>"})
        assert update.status_code == 403
        time.sleep(0.3)  # anything under way would have arrived by now
        assert listener.requests == []


def test_a_new_generation_reaches_the_running_server(server: str, served_store: Path, tmp_path: Path) -> None:
    """Loading a graph (as `kg load` does) publishes a new store generation; the workers move to
    it at their next query, with no restart."""
    data = tmp_path / "links.ttl"
    data.write_text(f"<{entity('qd')}> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q170322> .\n")
    graph = "https://stkg.example.org/id/graph/links"
    EmbeddedStore(served_store).load_file(data, graph)
    query = f"ASK {{ GRAPH <{graph}> {{ <{entity('qd')}> ?p ?o }} }}"
    for _ in range(2):  # both workers
        assert httpx.get(f"{server}/sparql", params={"query": query}, timeout=5).json()["boolean"] is True
