"""The embedded store: named graphs in, named graphs out, and every change all-or-nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from conftest import OTHER_CITY_CORPUS, PROJECT_ROOT
from kg.store import StoreError, open_store
from kg.store.embedded import EmbeddedStore
from kg.store.remote import RemoteStore

EX = "http://example.org/"
G1, G2, G3 = (f"{EX}graph/{n}" for n in (1, 2, 3))
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")  # rdflib's XSD warns under pytest


def graph(*names: str) -> Graph:
    """A small graph: one labelled node per name, with a typed literal and a plain one."""
    g = Graph()
    for name in names:
        node = URIRef(EX + "entity/" + name)
        g.add((node, RDFS.label, Literal(name, lang="zh")))
        g.add((node, URIRef(EX + "value"), Literal("12.5", datatype=DECIMAL)))
        g.add((node, URIRef(EX + "note"), Literal(f"{name}的说明")))
    return g


def stored(store: EmbeddedStore, iri: str) -> Graph:
    return Graph().parse(data=store.dump("ntriples", iri), format="nt")


def generations(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob("gen-*"))


@pytest.fixture
def store(tmp_path: Path) -> EmbeddedStore:
    """A store holding G1 (青岛, 成都) and G2 (杭州)."""
    s = EmbeddedStore(tmp_path / "store")
    s.replace_all({G1: graph("青岛", "成都"), G2: graph("杭州")})
    return s


def test_replace_all_round_trips_named_graphs(store: EmbeddedStore) -> None:
    assert store.graphs() == [G1, G2]
    assert isomorphic(stored(store, G1), graph("青岛", "成都"))
    assert isomorphic(stored(store, G2), graph("杭州"))
    store.replace_all({G3: graph("北京")})
    assert store.graphs() == [G3]


def test_select_over_the_union_keeps_term_types(store: EmbeddedStore) -> None:
    rows = store.select(f"SELECT ?label ?v ?note WHERE {{ ?e <{RDFS.label}> ?label ; <{EX}value> ?v ; <{EX}note> ?note }}"
                        " ORDER BY ?label")
    assert [r["label"] for r in rows] == [Literal(n, lang="zh") for n in sorted(["青岛", "成都", "杭州"])]
    assert rows[0]["v"] == Literal("12.5", datatype=DECIMAL)
    assert rows[0]["note"].datatype is None and rows[0]["note"].language is None


def test_select_binds_parameters_as_terms(store: EmbeddedStore) -> None:
    query = f"SELECT ?e ?label WHERE {{ ?e <{RDFS.label}> ?label }}"
    rows = store.select(query, {"label": Literal("杭州", lang="zh")})
    assert [str(r["e"]) for r in rows] == [EX + "entity/杭州"]
    assert store.select(query, {"label": Literal("杭州")}) == []  # a plain string is another term


def test_ask_and_construct(store: EmbeddedStore) -> None:
    assert store.ask(f"ASK {{ <{EX}entity/成都> ?p ?o }}")
    assert not store.ask(f"ASK {{ <{EX}entity/上海> ?p ?o }}")
    built = store.construct(f"CONSTRUCT {{ ?e <{RDFS.label}> ?l }} WHERE {{ ?e <{RDFS.label}> ?l }}")
    assert len(built) == 3


def test_syntax_error_is_a_store_error(store: EmbeddedStore) -> None:
    with pytest.raises(StoreError, match="SPARQL syntax error"):
        store.select("SELEC ?x WHERE { ?x ?p ?o }")


def test_put_graph_adds_or_replaces_one_graph(store: EmbeddedStore) -> None:
    store.put_graph(G3, graph("北京"))
    assert store.graphs() == [G1, G2, G3]
    store.put_graph(G1, graph("深圳"))
    assert isomorphic(stored(store, G1), graph("深圳"))  # the old triples of G1 are gone
    assert isomorphic(stored(store, G2), graph("杭州"))
    assert isomorphic(stored(store, G3), graph("北京"))


def test_remove_graph(store: EmbeddedStore) -> None:
    assert store.remove_graph(G1) is True
    assert store.graphs() == [G2]
    assert store.remove_graph(G1) is False
    assert isomorphic(stored(store, G2), graph("杭州"))


def test_load_file_parses_into_its_own_graph(store: EmbeddedStore, tmp_path: Path) -> None:
    curated = tmp_path / "links.ttl"
    curated.write_text(f"@prefix ex: <{EX}> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                       "ex:entity\\/青岛 owl:sameAs <http://www.wikidata.org/entity/Q170322> .\n"
                       "ex:entity\\/成都 owl:sameAs <http://www.wikidata.org/entity/Q30002> .\n", encoding="utf-8")
    assert store.load_file(curated, G3) == 2
    assert store.graphs() == [G1, G2, G3]
    assert len(stored(store, G3)) == 2
    nt = tmp_path / "one.nt"
    nt.write_text(f"<{EX}a> <{EX}b> <{EX}c> .\n", encoding="utf-8")
    assert store.load_file(nt, G3) == 1  # replaces the graph, format from the extension
    assert len(stored(store, G3)) == 1
    assert isomorphic(stored(store, G1), graph("青岛", "成都"))


@pytest.mark.parametrize("content", ["@prefix ex: <http://example.org/> .\nex:a ex:b .\n",
                                     "<http://example.org/a> <http://example.org/b> \"unterminated .\n"])
def test_bad_rdf_file_changes_nothing(store: EmbeddedStore, tmp_path: Path, content: str) -> None:
    before, generation = store.dump("nquads"), store.generation()
    bad = tmp_path / "bad.ttl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(StoreError, match="bad.ttl"):
        store.load_file(bad, G1)
    assert store.generation() == generation
    assert store.dump("nquads") == before


def test_missing_rdf_file_is_a_store_error(store: EmbeddedStore, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot read"):
        store.load_file(tmp_path / "absent.ttl", G3)


def test_read_only_opening_of_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here"
    store = open_store(missing, read_only=True)
    with pytest.raises(StoreError, match=r"no graph at .*nothing-here.*kg build"):
        store.graphs()
    assert not missing.exists()


def test_read_only_store_refuses_writes(store: EmbeddedStore) -> None:
    reader = EmbeddedStore(store.root, read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        reader.put_graph(G3, graph("北京"))
    with pytest.raises(StoreError, match="read-only"):
        reader.replace_all({})
    assert store.graphs() == [G1, G2]


def test_open_store_picks_the_implementation(tmp_path: Path) -> None:
    assert isinstance(open_store(tmp_path / "s"), EmbeddedStore)
    assert isinstance(open_store("http://localhost:7878/query"), RemoteStore)
    assert not (tmp_path / "s").exists()  # opening alone writes nothing


def test_old_generations_are_pruned(store: EmbeddedStore) -> None:
    for name in ("a", "b", "c", "d", "e"):
        store.put_graph(G3, graph(name))
    assert len(generations(store.root)) <= 2
    assert isomorphic(stored(store, G3), graph("e"))


# ---------------------------------------------------------------- atomicity
def test_replace_all_failing_half_way_leaves_the_store_unchanged(store: EmbeddedStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    before, generation, gens = store.dump("nquads"), store.generation(), generations(store.root)

    class Exploding(Graph):
        def serialize(self, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        store.replace_all({G3: graph("北京"), G1: Exploding(), G2: graph("上海")})
    assert store.generation() == generation
    assert store.dump("nquads") == before
    assert generations(store.root) == gens  # the half-written generation was removed
    reader = EmbeddedStore(store.root, read_only=True)
    assert reader.graphs() == [G1, G2]


def test_put_graph_failing_leaves_the_store_unchanged(store: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    before = store.dump("nquads")
    import kg.store.embedded as embedded

    def fail(*args: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(embedded, "_load_graph", fail)
    with pytest.raises(OSError):
        store.put_graph(G1, graph("深圳"))
    monkeypatch.undo()
    assert store.dump("nquads") == before


# A ``kg build`` that is killed (SIGKILL) while it writes the new generation: the script lets the
# first graph be written, then signals the test and waits to be killed.
KILLED_BUILD = """
import sys, time
from pathlib import Path
import kg.store.embedded as embedded
from kg.cli import app

marker = Path(sys.argv[1])
original = embedded._load_graph
def slow_load(target, iri, graph):
    original(target, iri, graph)
    target.flush()
    marker.write_text(iri)
    time.sleep(120)
embedded._load_graph = slow_load
app(["build", "--corpus", sys.argv[2], "--store", sys.argv[3]])
"""


def test_build_killed_half_way_leaves_the_previous_store(store: EmbeddedStore, tmp_path: Path) -> None:
    before, generation = store.dump("nquads"), store.generation()
    store.close()
    marker, log = tmp_path / "writing", tmp_path / "build.log"
    with log.open("wb") as err, subprocess.Popen(
            [sys.executable, "-c", KILLED_BUILD, str(marker), str(OTHER_CITY_CORPUS), str(store.root)],
            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=err) as proc:
        try:
            deadline = time.monotonic() + 90
            while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            assert marker.exists(), f"the build never started writing: {log.read_text(errors='replace')}"
            assert len(generations(store.root)) == 2  # the new generation is half-written
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    reader = EmbeddedStore(store.root, read_only=True)
    assert reader.generation() == generation
    assert reader.dump("nquads") == before
    reader.close()
    # and the store takes the next change normally
    store.put_graph(G3, graph("北京"))
    assert store.graphs() == [G1, G2, G3]
