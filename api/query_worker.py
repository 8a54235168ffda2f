"""The query worker: a process that owns a read-only view of the store and runs one job at a time.

The server kills a worker whose job passes the time limit (pyoxigraph cannot cancel a query), so
everything slow happens here: policy checks, the query itself, serialisation. A worker also ends
itself shortly after a job's limit, in case the server could not kill it. :mod:`api.pool` is the
other side.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from api import jobs, sandbox
from api.errors import ApiError
from api.negotiation import GRAPH_FORMATS, RESULT_FORMATS, choose
from api.policy import Policy, Refused
from api.results import write_boolean, write_solutions, write_triples
from api.sparql_scan import add_using, dataset_clauses
from kg.store.base import StoreError
from kg.store.embedded import EmbeddedStore
from kg.store.terms import to_oxigraph, to_rdflib

GRACE_SECONDS = 2.0  # a worker still busy this long after its limit ends itself

_DESCRIBE = """
CONSTRUCT { ?r ?p ?o . ?o <http://www.w3.org/2000/01/rdf-schema#label> ?ol .
            ?s ?q ?r . ?s <http://www.w3.org/2000/01/rdf-schema#label> ?sl . }
WHERE { { ?r ?p ?o OPTIONAL { ?o <http://www.w3.org/2000/01/rdf-schema#label> ?ol } }
        UNION { ?s ?q ?r OPTIONAL { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?sl } } }
"""


class Worker:
    """Runs jobs against the current generation of an embedded store."""

    def __init__(self, config: jobs.WorkerConfig) -> None:
        self.config = config
        self.store = EmbeddedStore(Path(config.store), read_only=True)
        self.policy = Policy(config.allowed_hosts, config.prefixes)
        self.handlers: dict[type, Callable[[Any], Any]] = {
            jobs.ProtocolQuery: self.protocol_query, jobs.ProtocolUpdate: self.protocol_update,
            jobs.Select: self.select, jobs.Batch: self.batch, jobs.Describe: self.describe,
            jobs.Dump: self.dump, jobs.Export: self.export,
        }

    def run(self, job: object) -> Any:
        """The reply to a job; every failure becomes a :class:`jobs.Failure`."""
        try:
            return self.handlers[type(job)](job)
        except Refused as exc:
            return jobs.Failure(exc.status, exc.code, str(exc))
        except ApiError as exc:
            return jobs.Failure(exc.status, exc.code, exc.message, exc.detail)
        except SyntaxError as exc:
            return jobs.Failure(400, "malformed_query", f"SPARQL syntax error: {exc}")
        except StoreError as exc:
            return jobs.Failure(503, "store_unavailable", str(exc))
        except RuntimeError as exc:  # pyoxigraph's evaluation errors (a failed SERVICE call …)
            return jobs.Failure(400, "query_failed", f"the query failed: {exc}")
        except Exception as exc:  # noqa: BLE001 - the server must get an answer, not a dead pipe
            return jobs.Failure(500, "internal_error", f"{type(exc).__name__}: {exc}")

    # ------------------------------------------------------------ SPARQL Protocol
    def _dataset(self, job: jobs.ProtocolQuery) -> dict[str, Any]:
        if job.default_graphs is not None or job.named_graphs is not None:
            return {"default_graph": [ox.NamedNode(g) for g in job.default_graphs or ()],
                    "named_graphs": [ox.NamedNode(g) for g in job.named_graphs or ()]}
        clauses = dataset_clauses(job.text, job.base_iri, self.config.prefixes)
        raw = self.store.raw()
        for iri, named in clauses:
            if not raw.contains_named_graph(ox.NamedNode(iri)) and not self.policy.allows(iri):
                keyword = "FROM NAMED" if named else "FROM"
                raise Refused(f"{keyword} <{iri}> names no graph of this store, and the service does "
                              "not fetch graphs from other hosts")
        # The query's own FROM wins; without one the default graph is the union of all graphs.
        return {} if clauses else {"use_default_graph_as_union": True}

    def protocol_query(self, job: jobs.ProtocolQuery) -> jobs.Answer:
        self.policy.check(job.text, update=False, base_iri=job.base_iri)
        dataset = self._dataset(job)
        result = self.store.raw().query(job.text, base_iri=job.base_iri, prefixes=self.config.prefixes, **dataset)
        limit = self.config.max_rows
        if isinstance(result, ox.QueryBoolean):
            fmt = choose(RESULT_FORMATS, job.accept, job.hints)
            return jobs.Answer(200, fmt.media_type, write_boolean(bool(result), fmt.key))
        if isinstance(result, ox.QuerySolutions):
            fmt = choose(RESULT_FORMATS, job.accept, job.hints)
            names = [v.value for v in result.variables]
            rows, cut = _take(([solution[i] for i in range(len(names))] for solution in result), limit)
            return _answer(fmt.media_type, write_solutions(names, rows, fmt.key), cut, limit)
        fmt = choose(GRAPH_FORMATS, job.accept, job.hints)
        triples, cut = _take(_unique(result), limit)
        return _answer(fmt.media_type, write_triples(triples, fmt.key, self.config.prefixes), cut, limit)

    def protocol_update(self, job: jobs.ProtocolUpdate) -> jobs.Answer:
        self.policy.check(job.text, update=True, base_iri=job.base_iri)
        text = add_using(job.text, job.using, job.using_named)
        self._copy_on_write(lambda target: target.update(text, base_iri=job.base_iri,
                                                         prefixes=self.config.prefixes))
        return jobs.Answer(204, None, b"")

    def _copy_on_write(self, change: Callable[[ox.Store], None]) -> None:
        """Apply a change to a copy of the current generation and publish the copy atomically.

        Readers in other workers keep the generation they opened; they move to the new one at
        their next job. A failed or killed update publishes nothing.
        """
        EmbeddedStore(self.store.root).change(change)

    # ------------------------------------------------------------ the service's own queries
    def select(self, job: jobs.Select) -> jobs.Rows:
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in job.bindings}
        # No default prefixes here: a named query must answer the same through EmbeddedStore.select.
        result = self.store.raw().query(job.text, use_default_graph_as_union=True,
                                        substitutions=substitutions or None)
        if not isinstance(result, ox.QuerySolutions):
            raise ApiError(400, "not_a_select", "this query is not a SELECT query")
        names = [v.value for v in result.variables]
        limit = job.max_rows or self.config.max_rows
        rows, cut = _take(({n: to_rdflib(s[i]) for i, n in enumerate(names) if s[i] is not None}
                           for s in result), limit)
        return jobs.Rows(names, rows, cut)

    def batch(self, job: jobs.Batch) -> list[Any] | jobs.Failure:
        replies = [self.run(select) for select in job.selects]
        failed = next((r for r in replies if isinstance(r, jobs.Failure)), None)
        return failed if failed is not None else replies

    def describe(self, job: jobs.Describe) -> jobs.Answer:
        result = self.store.raw().query(_DESCRIBE, use_default_graph_as_union=True,
                                        substitutions={ox.Variable("r"): ox.NamedNode(job.iri)})
        assert isinstance(result, ox.QueryTriples)
        triples, cut = _take(_unique(result), self.config.max_rows)
        if not triples:
            raise ApiError(404, "not_found", f"nothing is known about <{job.iri}>")
        fmt = next(f for f in GRAPH_FORMATS if f.key == job.fmt)
        return _answer(fmt.media_type, write_triples(triples, fmt.key, self.config.prefixes), cut,
                       self.config.max_rows)

    def dump(self, job: jobs.Dump) -> jobs.Answer:
        fmt = next(f for f in GRAPH_FORMATS if f.key == job.fmt)
        return jobs.Answer(200, fmt.media_type, self.store.dump(fmt.media_type, job.graph))

    def export(self, job: jobs.Export) -> jobs.Answer:
        from kg.export import AmbiguousEntity, ExportError, UnknownEntity, export_bytes

        try:
            body, media_type = export_bytes(self.store, job.fmt, job.filter)
        except UnknownEntity as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
        except AmbiguousEntity as exc:
            raise ApiError(400, "ambiguous_entity", str(exc), detail=exc.candidates) from exc
        except ExportError as exc:
            raise ApiError(400, "bad_parameter", str(exc)) from exc
        return jobs.Answer(200, media_type, body)


def _take(items: Iterable[Any], limit: int) -> tuple[list[Any], bool]:
    """At most ``limit`` items, and whether there were more."""
    kept = list(itertools.islice(items, limit + 1))
    return kept[:limit], len(kept) > limit


def _unique(triples: Iterable[Any]) -> Iterable[Any]:
    # The union default graph repeats a triple once per document graph that holds it.
    seen: set[Any] = set()
    for triple in triples:
        if triple not in seen:
            seen.add(triple)
            yield triple


def _answer(media_type: str, body: bytes, truncated: bool, limit: int) -> jobs.Answer:
    # Virtuoso's header name: clients that know it see that the answer was cut at the cap.
    headers = {"X-SPARQL-MaxRows": str(limit)} if truncated else {}
    return jobs.Answer(200, media_type, body, headers)


def main(conn: Connection, config: jobs.WorkerConfig) -> None:
    """The worker process: prepare, then answer jobs until the server closes the pipe."""
    sandbox.prepare_worker(config.no_network)
    worker = Worker(config)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job, limit = message
        watchdog = threading.Timer(limit + GRACE_SECONDS, os._exit, (70,))
        watchdog.daemon = True
        watchdog.start()
        try:
            reply = worker.run(job)
        finally:
            watchdog.cancel()
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return
