"""Shared pieces of the API tests: a small graph of the production shape, stores, servers, the CLI."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Sequence
from pathlib import Path
from typing import IO

import httpx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.config import PROJECT_ROOT, Settings
from kg.store.embedded import EmbeddedStore

ONTOLOGY_NS = "https://stkg.example.org/ontology#"
INSTANCE_NS = "https://stkg.example.org/id/"
KG = Namespace(ONTOLOGY_NS)
ID = Namespace(INSTANCE_NS)

# entity id -> (class, label, aliases)
ENTITIES = {
    "sco": ("Zone", "上合示范区", ["中国—上海合作组织地方经贸合作示范区"]),
    "qd": ("City", "青岛市", ["青岛"]),
    "mofcom": ("GovernmentBody", "商务部", ["中华人民共和国商务部"]),
    "plan": ("PolicyDocument", "国家服务贸易创新发展示范区建设总体方案", []),
    "hub": ("Platform", "青岛国际航运服务平台", []),
    "shandong": ("Province", "山东省", []),
}
# (doc, subject, relation, object, sentence text, trigger)
RELATIONS = [
    ("d1", "plan", "issuedBy", "mofcom", "4月27日，商务部印发《国家服务贸易创新发展示范区建设总体方案》。", "印发"),
    ("d1", "sco", "locatedIn", "qd", "上合示范区位于青岛市胶州市。", "位于"),
    ("d2", "qd", "locatedIn", "shandong", "青岛市是山东省的经济中心。", "是"),
    ("d2", "sco", "operates", "hub", "上合示范区打造青岛国际航运服务平台。", "打造"),
]
DOCS = {"d1": "从“试点”到“示范”，青岛服务贸易能级再跃升", "d2": "青岛市服务业发展规划"}


def entity(key: str) -> URIRef:
    return ID[f"entity/{key}"]


def _document(graph: Graph, doc: str) -> URIRef:
    node = ID[f"doc/{doc}"]
    graph.add((node, RDF.type, KG.SourceDocument))
    graph.add((node, DCTERMS.title, Literal(DOCS[doc], lang="zh")))
    graph.add((node, DCTERMS.publisher, Literal("青岛日报")))
    graph.add((node, DCTERMS.date, Literal("2026-05")))
    graph.add((node, KG.sourceFile, Literal(f"{doc}.txt")))
    return node


def _describe(graph: Graph, key: str, doc_node: URIRef) -> None:
    cls, label, aliases = ENTITIES[key]
    node = entity(key)
    graph.add((node, RDF.type, KG[cls]))
    graph.add((node, RDFS.label, Literal(label, lang="zh")))
    for alias in aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
    graph.add((node, KG.mentionedIn, doc_node))


def document_graphs() -> dict[str, Graph]:
    """One graph per document, in the shape `kg build` writes (entities repeated per document)."""
    graphs: dict[str, Graph] = {}
    for doc in DOCS:
        graph = Graph()
        doc_node = _document(graph, doc)
        for i, (d, s, rel, o, text, trigger) in enumerate(RELATIONS):
            if d != doc:
                continue
            _describe(graph, s, doc_node)
            _describe(graph, o, doc_node)
            graph.add((entity(s), KG[rel], entity(o)))
            sentence = ID[f"doc/{doc}/sentence/{i}"]
            graph.add((sentence, RDF.type, KG.Sentence))
            graph.add((sentence, KG.text, Literal(text, lang="zh")))
            graph.add((sentence, KG.startOffset, Literal(i * 100, datatype=XSD.integer)))
            graph.add((sentence, KG.endOffset, Literal(i * 100 + len(text), datatype=XSD.integer)))
            graph.add((sentence, KG.inDocument, doc_node))
            assertion = ID[f"assertion/{doc}-{i}"]
            for p, v in ((RDF.type, KG.Assertion), (RDF.subject, entity(s)), (RDF.predicate, KG[rel]),
                         (RDF.object, entity(o)), (KG.trigger, Literal(trigger)), (KG.inDocument, doc_node),
                         (KG.evidence, sentence)):
                graph.add((assertion, p, v))
        graphs[f"{INSTANCE_NS}graph/{doc}"] = graph
    _figure(graphs[f"{INSTANCE_NS}graph/d2"])
    return graphs


def _figure(graph: Graph) -> None:
    doc_node = ID["doc/d2"]
    indicator, sentence = ID["indicator/d2/9-0"], ID["doc/d2/sentence/9"]
    text = "2024年青岛市服务贸易总额达到1000.5亿元。"
    graph.add((sentence, RDF.type, KG.Sentence))
    graph.add((sentence, KG.text, Literal(text, lang="zh")))
    graph.add((sentence, KG.inDocument, doc_node))
    for p, v in ((RDF.type, KG.Indicator), (KG.about, entity("qd")), (KG.metric, Literal("服务贸易总额")),
                 (KG.value, Literal("1000.5", datatype=XSD.decimal)), (KG.unit, Literal("亿元")),
                 (KG.year, Literal("2024", datatype=XSD.gYear)), (KG.isTarget, Literal(False)),
                 (KG.isGrowthRate, Literal(False)), (KG.evidence, sentence), (KG.inDocument, doc_node)):
        graph.add((indicator, p, v))


def ontology_graph() -> Graph:
    return Graph().parse(PROJECT_ROOT / "ontology" / "stkg.ttl", format="turtle")


def build_store(root: Path) -> Path:
    """An embedded store holding the fixture documents and the ontology."""
    graphs = {**document_graphs(), f"{INSTANCE_NS}graph/ontology": ontology_graph()}
    store = EmbeddedStore(root)
    store.replace_all(graphs)
    store.close()
    return root


def settings_for(store: Path, **overrides: object) -> Settings:
    # A generous time limit: a worker's first export imports networkx and lays the graph out, which
    # took over 5 s on a loaded two-core machine. The time-limit tests set their own short limit.
    values: dict[str, object] = {"store": str(store), "query_timeout": 30.0, "query_workers": 2,
                                 "queries_dir": PROJECT_ROOT / "queries", "update_token": None,
                                 "allowed_hosts": []}
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


# ---------------------------------------------------------------- CLI and a real server
# `python -c` rather than the `kg` script: runs from a checkout whether or not it is installed.
_CLI = "from kg.cli import app; app(prog_name='kg')"


def kg_process(args: Sequence[str], env: dict[str, str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    # Output goes to a file: a pipe nobody reads would stall the server once it filled up.
    return subprocess.Popen([sys.executable, "-c", _CLI, *args], cwd=PROJECT_ROOT,
                            env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_servers(*specs: tuple[Path, dict[str, str]], startup: float = 30.0) -> Iterator[list[str]]:
    """`kg serve` for each (store, environment), started side by side on free loopback ports;
    yields their base URLs and stops them afterwards."""
    with contextlib.ExitStack() as stack:
        started = []
        for store, env in specs:
            port, log = free_port(), stack.enter_context(tempfile.TemporaryFile())
            process = kg_process(["serve", "--host", "127.0.0.1", "--port", str(port), "--store", str(store)],
                                 env={"KG_QUERY_WORKERS": "2", **env}, log=log)
            stack.callback(_stop, process)
            started.append((f"http://127.0.0.1:{port}", process, log))
        deadline = time.monotonic() + startup
        for base, process, log in started:
            _wait_ready(base, process, log, deadline)
        yield [base for base, _, _ in started]


@contextlib.contextmanager
def running_server(store: Path, env: dict[str, str] | None = None) -> Iterator[str]:
    with running_servers((store, env or {})) as (base,):
        yield base


def _wait_ready(base: str, process: subprocess.Popen[bytes], log: IO[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"kg serve exited: {log.read().decode(errors='replace')[-2000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/healthz", timeout=1).status_code < 500:
                return
        time.sleep(0.1)
    raise RuntimeError("kg serve did not start in time")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


# ---------------------------------------------------------------- in-process clients and a listener
@contextlib.asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """The real application in-process (httpx.ASGITransport), its lifespan and workers included."""
    from api.main import create_app

    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


class Listener:
    """A loopback HTTP listener that records every connection and answers SPARQL JSON."""

    ANSWER = b'{"head":{"vars":["x"]},"results":{"bindings":[{"x":{"type":"literal","value":"remote"}}]}}'

    def __init__(self) -> None:
        import http.server
        import threading

        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                self.send_response(200)
                self.send_header("content-type", "application/sparql-results+json")
                self.send_header("content-length", str(len(Listener.ANSWER)))
                self.end_headers()
                self.wfile.write(Listener.ANSWER)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> "Listener":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"
