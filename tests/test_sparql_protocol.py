"""The W3C SPARQL 1.1 Protocol (34) and Service Description (3) tests, against `kg serve`.

The manifests in ../shared/w3c-sparql-protocol are read as RDF and every request they list is
sent, as written, to a real server on loopback whose data was loaded with `kg load`. The suite
runs twice: with an update token configured (every test must pass) and without one (every
update is refused with 403; every query test and every test that expects a 4xx still passes).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from api_helpers import running_servers
from kg.config import PROJECT_ROOT

SUITE = PROJECT_ROOT.parent / "shared" / "w3c-sparql-protocol" / "sparql" / "sparql11"
if not SUITE.is_dir():
    pytest.skip(f"the W3C protocol manifests are not at {SUITE}", allow_module_level=True)

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
TOKEN = "w3c-test-token"

BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
             "application/ld+json": "json-ld"}


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: set[int]          # acceptable status classes: 2, 3, 4
    result_format: str | None   # boolean, tabular, RDF
    boolean: bool | None

    @property
    def is_update(self) -> bool:
        content_type = self.headers.get("content-type", "")
        text = self.body.decode("utf-8", "replace") if self.body else ""
        return ("sparql-update" in content_type or text.startswith("update=")
                or "update=" in self.path.split("?", 1)[-1])


@dataclass
class ProtocolTest:
    name: str
    title: str
    requests: list[Request] = field(default_factory=list)
    data: list[tuple[Path, str]] = field(default_factory=list)


def _items(graph: Graph, node: Node | None) -> list[Node]:
    assert node is not None
    return list(Collection(graph, node))


def _request(graph: Graph, node: Node) -> Request:
    headers = {str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
               for lst in graph.objects(node, HT.headers) for h in _items(graph, lst)}
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding)
    response = graph.value(node, HT.resp)
    statuses = {int(str(s).rsplit("StatusCode", 1)[-1][0]) for s in graph.objects(response, MF.expectedStatus)}
    fmt = graph.value(response, MF.expectedFormat)
    boolean = graph.value(response, MF.expectedBoolean)
    assert boolean is None or isinstance(boolean, Literal)
    return Request(str(graph.value(node, HT.methodName)), str(graph.value(node, HT.absolutePath)), headers,
                   body, statuses, str(fmt) if fmt else None, boolean.toPython() if boolean is not None else None)


def load_protocol_tests() -> list[ProtocolTest]:
    manifest = SUITE / "protocol" / "manifest.ttl"
    graph = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    entries = _items(graph, graph.value(URIRef(manifest.as_uri()), MF.entries))
    tests = []
    for entry in entries:
        test = ProtocolTest(str(entry).rsplit("#", 1)[-1], str(graph.value(entry, MF.name)))
        for data in graph.objects(entry, UT.graphData):
            test.data.append((Path(str(graph.value(data, UT.graph)).removeprefix("file://")),
                              str(graph.value(data, RDFS.label))))
        action = graph.value(entry, MF.action)
        for requests in graph.objects(action, HT.requests):
            test.requests += [_request(graph, r) for r in _items(graph, requests)]
        tests.append(test)
    return tests


def load_description_tests() -> list[str]:
    manifest = SUITE / "service-description" / "manifest.ttl"
    graph = Graph().parse(manifest, format="turtle", publicID=manifest.as_uri())
    entries = _items(graph, graph.value(URIRef(manifest.as_uri()), MF.entries))
    return [str(e).rsplit("#", 1)[-1] for e in entries]


PROTOCOL_TESTS = load_protocol_tests()
DESCRIPTION_TESTS = load_description_tests()


# ---------------------------------------------------------------- servers
@pytest.fixture(scope="module")
def w3c_store(tmp_path_factory: pytest.TempPathFactory, kg: Callable[..., Any]) -> Path:
    """A store holding data1..3 in the named graphs the manifest names, loaded with `kg load`
    (the real command, run in-process by the `kg` fixture of conftest.py)."""
    store = tmp_path_factory.mktemp("w3c") / "store"
    graphs = {graph: path for test in PROTOCOL_TESTS for path, graph in test.data}
    for graph, path in sorted(graphs.items()):
        done = kg("load", path, "--graph", graph, "--store", store)
        assert done.exit_code == 0, done.output
        assert "loaded 1 triples" in done.stdout
    return store


def _copy(store: Path, name: str) -> Path:
    target = store.parent / name
    shutil.copytree(store, target, symlinks=True)
    return target


@pytest.fixture(scope="module")
def servers(w3c_store: Path) -> Iterator[dict[str, str]]:
    """Two servers over copies of the store, started side by side: with and without a token."""
    specs: tuple[tuple[Path, dict[str, str]], ...] = ((_copy(w3c_store, "with-token"), {"KG_UPDATE_TOKEN": TOKEN}), (_copy(w3c_store, "without-token"), {}))
    with running_servers(*specs) as (with_token, without_token):
        yield {"with": with_token, "without": without_token}


@pytest.fixture(scope="module")
def with_token(servers: dict[str, str]) -> str:
    return servers["with"]


@pytest.fixture(scope="module")
def without_token(servers: dict[str, str]) -> str:
    return servers["without"]


# ---------------------------------------------------------------- checks
def _media(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _boolean(response: httpx.Response) -> bool:
    if _media(response) == "application/sparql-results+json":
        return bool(json.loads(response.content)["boolean"])
    root = ElementTree.fromstring(response.content)
    node = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
    assert node is not None, "no <boolean> in the XML results"
    return node.text == "true"


def check_result(request: Request, response: httpx.Response) -> None:
    media = _media(response)
    if request.result_format == "boolean":
        assert media in BOOLEAN_TYPES, f"boolean answered as {media}"
        value = _boolean(response)
        if request.boolean is not None:
            assert value is request.boolean, f"ASK gave {value}, expected {request.boolean}"
    elif request.result_format == "tabular":
        assert media in TABULAR_TYPES, f"SELECT answered as {media}"
    elif request.result_format == "RDF":
        assert media in RDF_TYPES, f"graph answered as {media}"
        Graph().parse(data=response.content, format=RDF_TYPES[media])


def send(client: httpx.Client, base: str, request: Request, token: str | None) -> httpx.Response:
    headers = dict(request.headers)
    if token:
        headers["authorization"] = f"Bearer {token}"
    return client.request(request.method, base + request.path, headers=headers, content=request.body)


def run_test(base: str, test: ProtocolTest, *, token: str | None, updates_allowed: bool) -> None:
    with httpx.Client(timeout=10) as client:
        for request in test.requests:
            response = send(client, base, request, token)
            status = response.status_code // 100
            if request.is_update and not updates_allowed and 2 in request.statuses:
                assert response.status_code == 403, f"update answered {response.status_code}, not 403"
                return  # what follows checks the update's effect, which was refused
            assert status in request.statuses, (
                f"{request.method} {request.path} answered {response.status_code} "
                f"(expected {sorted(request.statuses)}xx): {response.text[:300]}")
            if status == 2:
                check_result(request, response)


def test_manifests_are_complete() -> None:
    assert len(PROTOCOL_TESTS) == 34
    assert len(DESCRIPTION_TESTS) == 3


@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=[t.name for t in PROTOCOL_TESTS])
def test_protocol_with_token(with_token: str, test: ProtocolTest) -> None:
    run_test(with_token, test, token=TOKEN, updates_allowed=True)


@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=[t.name for t in PROTOCOL_TESTS])
def test_protocol_without_token(without_token: str, test: ProtocolTest) -> None:
    run_test(without_token, test, token=None, updates_allowed=False)


# ---------------------------------------------------------------- service description
SD_TERMS = {"Service", "Dataset", "Graph", "NamedGraph", "GraphCollection", "Language", "Feature",
            "Function", "Aggregate", "EntailmentRegime", "EntailmentProfile", "endpoint", "feature",
            "defaultEntailmentRegime", "entailmentRegime", "defaultSupportedEntailmentProfile",
            "supportedEntailmentProfile", "extensionFunction", "extensionAggregate", "languageExtension",
            "supportedLanguage", "propertyFeature", "defaultDataset", "availableGraphs", "resultFormat",
            "inputFormat", "defaultGraph", "namedGraph", "name", "graph", "SPARQL10Query",
            "SPARQL11Query", "SPARQL11Update", "DereferencesURIs", "UnionDefaultGraph",
            "RequiresDataset", "EmptyGraphs", "BasicFederatedQuery"}


def _description(base: str) -> tuple[httpx.Response, Graph]:
    response = httpx.get(f"{base}/sparql/", headers={"accept": "text/turtle"}, timeout=10)
    graph = Graph()
    if response.status_code == 200 and _media(response) in RDF_TYPES:
        graph.parse(data=response.content, format=RDF_TYPES[_media(response)])
    return response, graph


def check_description(base: str, name: str) -> None:
    response, graph = _description(base)
    if name == "returns-rdf":
        assert response.status_code == 200 and _media(response) in RDF_TYPES and len(graph) > 0
    elif name == "has-endpoint-triple":
        assert (None, SD.endpoint, URIRef(f"{base}/sparql/")) in graph
    elif name == "conforms-to-schema":
        services = list(graph.subjects(RDF.type, SD.Service))
        assert len(services) == 1
        used = {str(t)[len(str(SD)):] for triple in graph for t in triple if str(t).startswith(str(SD))}
        assert used <= SD_TERMS, f"terms outside the SD vocabulary: {used - SD_TERMS}"
        assert all(isinstance(o, URIRef) for o in graph.objects(services[0], SD.endpoint))
        languages = set(graph.objects(services[0], SD.supportedLanguage))
        assert languages and languages <= {SD.SPARQL10Query, SD.SPARQL11Query, SD.SPARQL11Update}
        for named in graph.objects(None, SD.namedGraph):
            assert isinstance(graph.value(named, SD.name), URIRef)
    else:
        pytest.fail(f"unknown service description test {name}")


@pytest.mark.parametrize("name", DESCRIPTION_TESTS)
def test_service_description_with_token(with_token: str, name: str) -> None:
    check_description(with_token, name)
    _, graph = _description(with_token)
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) in graph


@pytest.mark.parametrize("name", DESCRIPTION_TESTS)
def test_service_description_without_token(without_token: str, name: str) -> None:
    check_description(without_token, name)
    _, graph = _description(without_token)
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) not in graph
