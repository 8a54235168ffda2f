"""The embedded store: Oxigraph on disk, in generations swapped atomically.

``ROOT/current`` is a symbolic link to ``ROOT/gen-…``, a complete Oxigraph store. A rebuild or a
change writes a new generation beside it and then replaces the link in one ``rename``, so a build
that fails or is killed half-way leaves the previous store readable and unchanged, and readers
(the HTTP service) never see a half-written graph.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.store.base import StoreError
from kg.store.terms import rdf_format, to_oxigraph, to_rdflib

CURRENT = "current"
KEEP_GENERATIONS = 2  # the current one and the one before it (a reader may still hold it)


class EmbeddedStore:
    """A :class:`kg.store.base.GraphStore` on an Oxigraph folder."""

    def __init__(self, root: Path, *, read_only: bool = False) -> None:
        self.root = root
        self.location = str(root)
        self.read_only = read_only
        self._store: ox.Store | None = None
        self._generation: Path | None = None

    # ------------------------------------------------------------ generations
    def generation(self) -> Path | None:
        """The folder of the current generation, or None before the first build."""
        link = self.root / CURRENT
        if not link.is_symlink():
            return None
        return self.root / os.readlink(link)

    def _new_generation(self) -> Path:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / f"gen-{time.time_ns()}-{os.getpid()}"
        path.mkdir()
        return path

    def _publish(self, generation: Path) -> None:
        tmp = self.root / f".{CURRENT}.{os.getpid()}"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(generation.name, tmp)
        os.replace(tmp, self.root / CURRENT)  # the atomic step
        self._prune(keep={generation.name})

    def _prune(self, keep: set[str]) -> None:
        gens = sorted((p for p in self.root.glob("gen-*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
        survivors = set(keep) | {p.name for p in gens[-KEEP_GENERATIONS:]}
        for path in gens:
            if path.name not in survivors:
                shutil.rmtree(path, ignore_errors=True)

    @property
    def store(self) -> ox.Store:
        """A read-only handle on the current generation (reopened after a swap).

        A published generation is never opened for writing: every change goes to a new one, so
        readers in this and other processes always see a complete, unchanging store.
        """
        generation = self.generation()
        if generation is None:
            if self.read_only:
                raise StoreError(f"no graph at {self.root}: run `kg build` first")
            generation = self._new_generation()
            ox.Store(str(generation)).flush()  # an empty store, closed again at once
            self._publish(generation)
        if self._store is None or generation != self._generation:
            self._store = self._open(generation)
            self._generation = generation
        return self._store

    @staticmethod
    def _open(generation: Path) -> ox.Store:
        try:
            return ox.Store.read_only(str(generation))
        except (OSError, RuntimeError) as exc:  # RocksDB reports damaged folders as RuntimeError
            raise StoreError(f"cannot open the store at {generation}: {exc}") from exc

    @contextmanager
    def _writing_new_generation(self, copy_current: bool) -> Iterator[ox.Store]:
        """A fresh generation to write into; published only if the block succeeds."""
        if self.read_only:
            raise StoreError("this store was opened read-only")
        source = self.store.dump(format=ox.RdfFormat.N_QUADS) if copy_current else None
        generation = self._new_generation()
        try:
            target = ox.Store(str(generation))
            if source:
                target.load(source, format=ox.RdfFormat.N_QUADS)
            yield target
            target.flush()
            del target
        except BaseException:
            shutil.rmtree(generation, ignore_errors=True)
            raise
        self._store = None
        self._publish(generation)

    def change(self, apply: Callable[[ox.Store], None]) -> None:
        """Apply a change to a copy of the current generation and publish the copy atomically."""
        with self._writing_new_generation(copy_current=True) as target:
            apply(target)

    # ------------------------------------------------------------ writing
    def replace_all(self, graphs: Mapping[str, Graph]) -> None:
        with self._writing_new_generation(copy_current=False) as target:
            for iri, graph in graphs.items():
                _load_graph(target, iri, graph)

    def put_graph(self, iri: str, graph: Graph) -> None:
        with self._writing_new_generation(copy_current=True) as target:
            target.remove_graph(ox.NamedNode(iri)) if target.contains_named_graph(ox.NamedNode(iri)) else None
            _load_graph(target, iri, graph)

    def remove_graph(self, iri: str) -> bool:
        if not self.store.contains_named_graph(ox.NamedNode(iri)):
            return False
        with self._writing_new_generation(copy_current=True) as target:
            target.remove_graph(ox.NamedNode(iri))
        return True

    def load_file(self, path: Path, graph_iri: str, fmt: str | None = None) -> int:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise StoreError(f"cannot read {path}: {exc}") from exc
        rdf = rdf_format(fmt or path.suffix or "turtle")
        try:  # parse first, so a bad file changes nothing
            quads = list(ox.parse(data, format=rdf, base_iri=path.resolve().as_uri()))
        except SyntaxError as exc:
            raise StoreError(f"{path} is not valid {rdf.name}: {exc}") from exc
        with self._writing_new_generation(copy_current=True) as target:
            node = ox.NamedNode(graph_iri)
            if target.contains_named_graph(node):
                target.remove_graph(node)
            target.add_graph(node)
            target.extend(ox.Quad(q.subject, q.predicate, q.object, node) for q in quads)
        return len(quads)

    def update(self, sparql: str) -> None:
        """Run SPARQL Update on a copy of the current generation and publish it."""
        self.change(lambda target: target.update(sparql))

    # ------------------------------------------------------------ reading
    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def _query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            return self.store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc

    def select(self, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        result = self._query(query, bindings)
        names = [v.value for v in result.variables]
        return [{n: to_rdflib(row[n]) for n in names if row[n] is not None} for row in result]

    def ask(self, query: str) -> bool:
        return bool(self._query(query))

    def construct(self, query: str) -> Graph:
        graph = Graph()
        for triple in self._query(query):
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return graph

    def dump(self, fmt: str, graph_iri: str | None = None) -> bytes:
        rdf = rdf_format(fmt)
        if graph_iri is not None:
            return self.store.dump(format=rdf, from_graph=ox.NamedNode(graph_iri))
        if rdf in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            return self.store.dump(format=rdf)
        triples = self.store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        return ox.serialize(sorted(set(triples), key=str), format=rdf)

    def raw(self) -> ox.Store:
        """The underlying pyoxigraph store (for the HTTP service's protocol serialisers)."""
        return self.store

    def close(self) -> None:
        self._store = None
        self._generation = None


def _load_graph(target: ox.Store, iri: str, graph: Graph) -> None:
    node = ox.NamedNode(iri)
    target.add_graph(node)
    data = graph.serialize(format="nt", encoding="utf-8")
    target.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=node)
