"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, Virtuoso, QLever) behind the same interface.

Queries go to the query endpoint (``KG_STORE``); updates to ``…/update`` when the URL ends in
``/query`` (Oxigraph's and Fuseki's layout), else to the same URL. ``replace_all`` runs as one
SPARQL Update request, which stores that apply a request as one transaction (Oxigraph, Fuseki)
apply atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
from rdflib import Graph, Literal, URIRef

from kg.store.base import StoreError

JSON_RESULTS = "application/sparql-results+json"


class RemoteStore:
    """A :class:`kg.store.base.GraphStore` over the SPARQL 1.1 Protocol."""

    def __init__(self, url: str, *, update_url: str | None = None, timeout: float = 60.0,
                 token: str | None = None) -> None:
        self.location = url
        self.query_url = url
        self.update_url = update_url or (url[: -len("/query")] + "/update" if url.endswith("/query") else url)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        self.client = httpx.Client(timeout=timeout, headers=headers)

    def _post(self, url: str, data: dict[str, str], accept: str) -> httpx.Response:
        try:
            response = self.client.post(url, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach {url}: {exc}") from exc
        if response.status_code >= 400:
            raise StoreError(f"{url} answered {response.status_code}: {response.text[:500]}")
        return response

    def _update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": sparql}, "*/*")

    def graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows)

    def replace_all(self, graphs: Mapping[str, Graph]) -> None:
        parts = ["DROP SILENT ALL"] + [_insert(iri, g) for iri, g in graphs.items()]
        self._update(" ;\n".join(parts))

    def put_graph(self, iri: str, graph: Graph) -> None:
        self._update(f"DROP SILENT GRAPH <{iri}> ;\n{_insert(iri, graph)}")

    def remove_graph(self, iri: str) -> bool:
        if iri not in self.graphs():
            return False
        self._update(f"DROP GRAPH <{iri}>")
        return True

    def load_file(self, path: Path, graph_iri: str, fmt: str | None = None) -> int:
        graph = Graph().parse(path, format=fmt)
        self.put_graph(graph_iri, graph)
        return len(graph)

    def update(self, sparql: str) -> None:
        self._update(sparql)

    def _query(self, sparql: str, accept: str) -> httpx.Response:
        return self._post(self.query_url, {"query": sparql}, accept)

    def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        text = _bind(query, bindings)
        payload = self._query(text, JSON_RESULTS).json()
        return [{k: _term(v) for k, v in row.items()} for row in payload["results"]["bindings"]]

    def ask(self, query: str) -> bool:
        return bool(self._query(query, JSON_RESULTS).json()["boolean"])

    def construct(self, query: str) -> Graph:
        return Graph().parse(data=self._query(query, "application/n-triples").text, format="nt")

    def dump(self, fmt: str, graph_iri: str | None = None) -> bytes:
        where = f"GRAPH <{graph_iri}> {{ ?s ?p ?o }}" if graph_iri else "?s ?p ?o"
        graph = self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}")
        return graph.serialize(format={"nquads": "nt", "ntriples": "nt"}.get(fmt, fmt), encoding="utf-8")

    def close(self) -> None:
        self.client.close()


def _insert(iri: str, graph: Graph) -> str:
    body = graph.serialize(format="nt")
    return f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}\n}} }}"


def _bind(query: str, bindings: Mapping[str, Any] | None) -> str:
    """Bind parameters as a VALUES block: terms serialised by rdflib, never pasted as raw text."""
    if not bindings:
        return query
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(v.n3() for v in bindings.values())
    head, _, tail = query.rpartition("}")
    return f"{head} VALUES ({names}) {{ ({values}) }} }}{tail}"


def _term(value: dict[str, str]) -> Any:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind in ("literal", "typed-literal"):
        dt = value.get("datatype")
        return Literal(value["value"], lang=value.get("xml:lang"), datatype=URIRef(dt) if dt else None)
    from rdflib import BNode

    return BNode(value["value"])
