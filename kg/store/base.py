"""The one small interface every store implements, and the factory that picks one."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from rdflib import Graph


class StoreError(RuntimeError):
    """A store could not do what was asked; the message says why for a user."""


class GraphStore(Protocol):
    """A quad store holding one named graph per document (and curated graphs beside them)."""

    location: str

    def graphs(self) -> list[str]:
        """IRIs of the named graphs held."""
        ...

    def replace_all(self, graphs: Mapping[str, Graph]) -> None:
        """Atomically replace everything with these named graphs: all or nothing."""
        ...

    def put_graph(self, iri: str, graph: Graph) -> None:
        """Replace one named graph (create it if new)."""
        ...

    def remove_graph(self, iri: str) -> bool:
        """Drop one named graph; False when it was not there."""
        ...

    def load_file(self, path: Path, graph_iri: str, fmt: str | None = None) -> int:
        """Parse an RDF file into a named graph of its own (replacing it); returns triples loaded."""
        ...

    def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT over the union of graphs; rows map variable names to rdflib terms."""
        ...

    def ask(self, query: str) -> bool:
        ...

    def construct(self, query: str) -> Graph:
        ...

    def dump(self, fmt: str, graph_iri: str | None = None) -> bytes:
        """Serialise every graph (or one) as N-Quads, TriG, Turtle or N-Triples (``fmt`` a MIME type)."""
        ...

    def close(self) -> None:
        ...


def open_store(location: str | Path, *, read_only: bool = False) -> GraphStore:
    """The store at a folder (embedded Oxigraph) or an ``http(s)://`` SPARQL endpoint."""
    text = str(location)
    if text.startswith(("http://", "https://")):
        from kg.store.remote import RemoteStore

        return RemoteStore(text)
    from kg.store.embedded import EmbeddedStore

    return EmbeddedStore(Path(text), read_only=read_only)
