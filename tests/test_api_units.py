"""The service's building blocks on their own: negotiation, SPARQL scanning, policy, results,
the worker pool's time limit and the worker sandbox."""

from __future__ import annotations

import asyncio
import doctest
import importlib
import os
import socket
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from api import jobs, negotiation, sandbox
from api.errors import ApiError
from api.policy import Policy, Refused
from api.pool import WorkerPool
from api.results import write_boolean, write_solutions
from api.sparql_scan import add_using, dataset_clauses, has_dataset_keywords, tokens
from api_helpers import build_store

# ---------------------------------------------------------------- doctests
DOCTESTED = ["api.errors", "api.negotiation", "api.params", "api.policy", "api.results", "api.sparql_scan",
             "api.sparql_text", "api.main", "kg.named_queries"]


@pytest.mark.parametrize("module", DOCTESTED)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed


# ---------------------------------------------------------------- negotiation


@pytest.mark.parametrize(("accept", "key"), [
    (None, "json"), ("", "json"), ("*/*", "json"), ("text/*", "csv"),
    ("application/sparql-results+xml;q=0.9, application/sparql-results+json;q=0.8", "xml"),
    ("text/tab-separated-values, text/csv", "tsv"),  # equal q: the client's order
    ("application/json;q=0, */*;q=0.1", "xml"),
])
def test_accept(accept: str | None, key: str) -> None:
    assert negotiation.choose(negotiation.RESULT_FORMATS, accept).key == key


def test_accept_refusals_and_hints() -> None:
    with pytest.raises(ApiError) as refused:
        negotiation.choose(negotiation.GRAPH_FORMATS, "text/csv")
    assert refused.value.status == 406
    assert negotiation.choose(negotiation.GRAPH_FORMATS, "text/csv", ("rdf+xml", "application/rdf+xml")).key == "rdfxml"
    assert negotiation.choose(negotiation.RESULT_FORMATS, "text/csv", ("turtle",)).key == "csv"  # hint not for SELECT


# ---------------------------------------------------------------- scanning
def test_lexer_skips_strings_iris_and_comments() -> None:
    text = 'SELECT * { ?s ?p "FROM <x> {" . # FROM <y>\n ?s <http://x/#FROM> ?o }'
    assert dataset_clauses(text) == []
    assert [t.text for t in tokens(text) if t.kind == "word"] == ["SELECT"]


def test_dataset_clauses_resolve_prefixes_and_base() -> None:
    text = "BASE <http://b/> PREFIX : <http://p/> ASK FROM :g FROM NAMED <rel> { GRAPH ?g { } }"
    assert dataset_clauses(text) == [("http://p/g", False), ("http://b/rel", True)]


def test_using_goes_before_each_modify_where_only() -> None:
    update = ("DELETE WHERE { ?a ?b ?c } ; INSERT { GRAPH <g> { ?s a <C> } } WHERE { ?s ?p 'WHERE' } ;\n"
              "INSERT DATA { <a> <b> <c> }")
    out = add_using(update, ["http://g/1"], ["http://g/2"])
    assert out.count("USING <http://g/1> USING NAMED <http://g/2> WHERE") == 1
    assert out.startswith("DELETE WHERE {")
    assert has_dataset_keywords("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not has_dataset_keywords("INSERT DATA { <a> <b> 'USING' }")


# ---------------------------------------------------------------- policy
NONE = Policy(frozenset())


@pytest.mark.parametrize("text", [
    "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "PREFIX e: <http://example.org/> SELECT * { SERVICE e:s { ?s ?p ?o } }",
    "SELECT * { SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * { SERVICE <relative> { ?s ?p ?o } }",
    "SELECT * { SERVICE <http://example.org/\\u0041> { ?s ?p ?o } }",
    "SELECT * { ?a ?b ?c FILTER(?a<?b)SERVICE <http://example.org/x>#>\n{ ?s ?p ?o } }",
])
def test_policy_refuses_service(text: str) -> None:
    with pytest.raises(Refused) as refused:
        NONE.check(text, update=False, base_iri="http://127.0.0.1:8000/sparql")
    assert refused.value.status == 403


def test_policy_lets_ordinary_queries_through_and_checks_unparsable_ones() -> None:
    NONE.check('SELECT * { ?s ?p "service" ; <http://x/service> ?o }', update=False, base_iri=None)
    NONE.check("CLEAR ALL ; INSERT DATA { <a> <b> 'LOAD' }", update=True, base_iri="http://h/")
    with pytest.raises(Refused) as unparsable:
        NONE.check("SELECT * { SERVICE <http://x/> {", update=False, base_iri=None)
    assert unparsable.value.status == 400
    with pytest.raises(Refused):
        NONE.check("LOAD <http://example.org/data.ttl>", update=True, base_iri=None)
    allowed = Policy(frozenset({"example.org", "127.0.0.1:9000"}))
    allowed.check("SELECT * { SERVICE <https://example.org/s> { ?s ?p ?o } }", update=False, base_iri=None)
    allowed.check("SELECT * { SERVICE <http://127.0.0.1:9000/s> { ?s ?p ?o } }", update=False, base_iri=None)
    with pytest.raises(Refused):
        allowed.check("SELECT * { SERVICE <http://127.0.0.1:9001/s> { ?s ?p ?o } }", update=False, base_iri=None)


# ---------------------------------------------------------------- results
def test_results_formats() -> None:
    rows: list[list[Any]] = [[ox.Literal("a,\"b\"\tc", language="zh"), None],
                             [ox.NamedNode("http://x/"), ox.BlankNode("b0")]]
    assert write_solutions(["x", "y"], rows, "csv") == 'x,y\r\n"a,""b""\tc",\r\nhttp://x/,_:b0\r\n'.encode()
    tsv = write_solutions(["x", "y"], rows, "tsv").decode()
    assert tsv.splitlines()[1] == '"a,\\"b\\"\\tc"@zh\t' and tsv.count("\t") == 3
    xml = write_solutions(["x"], [[ox.Literal("<&>")]], "xml").decode()
    assert "<literal>&lt;&amp;&gt;</literal>" in xml
    assert write_boolean(False, "xml").endswith(b"<boolean>false</boolean></sparql>\n")


# ---------------------------------------------------------------- the pool's time limit
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _pool(store: Path, size: int = 1) -> WorkerPool:
    config = jobs.WorkerConfig(store=str(store), allowed_hosts=frozenset(), prefixes={}, max_rows=100,
                               no_network=True)
    return WorkerPool(config, size=size, timeout=1.0)


def test_a_query_past_the_limit_is_killed_and_its_worker_replaced(tmp_path: Path) -> None:
    async def scenario() -> None:
        pool = _pool(build_store(tmp_path / "store"))
        try:
            await pool.run(jobs.Select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
            [first] = list(pool._all)
            started = time.monotonic()
            with pytest.raises(ApiError) as stopped:
                await pool.run(jobs.ProtocolQuery(ENDLESS, base_iri="http://localhost/sparql"))
            assert stopped.value.status == 504 and 1.0 <= time.monotonic() - started < 2.0
            assert not first.process.is_alive()  # killed, not left running
            rows = await pool.run(jobs.Select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
            assert len(rows.rows) == 1 and pool.alive() == 1
        finally:
            await pool.close()
        assert pool.alive() == 0
    asyncio.run(scenario())


# ---------------------------------------------------------------- the sandbox
def test_a_sandboxed_process_cannot_connect(tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        isolated = sandbox.isolate_network()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            outcome = b"connected"
        except OSError:
            outcome = b"refused"
        os.write(write, outcome + (b" isolated" if isolated else b" open"))
        os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    text = os.read(read, 100).decode()
    listener.close()
    if text.endswith("open"):
        pytest.skip("user namespaces are not permitted here: workers keep the host network")
    assert text == "refused isolated"


def test_a_worker_that_died_while_idle_is_replaced(tmp_path: Path) -> None:
    async def scenario() -> None:
        pool = _pool(build_store(tmp_path / "store"))
        try:
            pool.start()
            [first] = list(pool._all)
            first.process.kill()
            first.process.join(timeout=5)
            rows = await pool.run(jobs.Select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"))
            assert len(rows.rows) == 1 and pool.alive() == 1
        finally:
            await pool.close()
    asyncio.run(scenario())
