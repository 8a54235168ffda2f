"""The ``kg`` command line: build, stats, validate, and clear errors instead of tracebacks."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from conftest import OTHER_CITY_CORPUS, Kg, assert_clean_failure, assert_ok
from kg import iris
from kg.cli import app
from kg.config import get_settings
from kg.stats import graph_stats
from kg.store import open_store
from kg.vocab import KG

SUMMARY = re.compile(r"^built (?P<store>.+): (?P<docs>\d+) documents(, (?P<skipped>\d+) skipped)?: "
                     r"(?P<entities>\d+) entities, (?P<relations>\d+) relations, (?P<figures>\d+) figures$")


def test_build_prints_a_one_line_summary(kg: Kg, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    result = assert_ok(kg("build", "--corpus", OTHER_CITY_CORPUS, "--store", store_dir))
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    match = SUMMARY.match(lines[0])
    assert match, lines[0]
    assert match["store"] == str(store_dir) and match["docs"] == "3" and match["skipped"] is None
    stats = graph_stats(open_store(store_dir, read_only=True))
    assert (int(match["entities"]), int(match["relations"]), int(match["figures"])) == (
        stats["entities"], stats["relations"], stats["figures"])
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_build_replaces_what_the_store_held(kg: Kg, seed_copy: Path) -> None:
    assert_ok(kg("build", "--corpus", OTHER_CITY_CORPUS, "--store", seed_copy))
    stats = graph_stats(open_store(seed_copy, read_only=True))
    assert stats["documents"] == 3


def test_stats_prints_the_counts(kg: Kg, seed_store_path: Path) -> None:
    result = assert_ok(kg("stats", "--store", seed_store_path))
    stats = graph_stats(open_store(seed_store_path, read_only=True))
    assert result.stdout.splitlines()[0].split() == [
        "documents", str(stats["documents"]), "entities", str(stats["entities"]),
        "relations", str(stats["relations"]), "figures", str(stats["figures"])]
    printed = dict(re.findall(r"^  (\w+)\s+(\d+)$", result.stdout, re.M))
    for section in ("classes", "relation_types"):
        for name, n in stats[section].items():
            assert printed[name] == str(n), name


# ---------------------------------------------------------------- validate
def _small_store(path: Path, extra: Graph | None = None) -> Path:
    """A store built from the other-city corpus, optionally with one more named graph."""
    from kg.build import build

    store = open_store(path)
    build(OTHER_CITY_CORPUS, store)
    if extra is not None:
        store.put_graph("https://example.org/graph/curated", extra)
    store.close()
    return path


def test_validate_exit_status_follows_the_shapes(kg: Kg, tmp_path: Path) -> None:
    good = _small_store(tmp_path / "good")
    assert "Conforms: True" in assert_ok(kg("validate", "--store", good)).stdout

    doc = URIRef(iris.document_iri("chengdu_service_trade"))
    bad_entity = URIRef("https://example.org/entity/unlabelled")
    bad = Graph()
    bad.add((bad_entity, RDF.type, KG.Enterprise))
    bad.add((bad_entity, KG.mentionedIn, doc))  # an entity without its Chinese label
    store_dir = _small_store(tmp_path / "bad", bad)
    result = kg("validate", "--store", store_dir)
    assert result.exit_code == 1
    assert "Conforms: False" in result.stdout and str(bad_entity) in result.stdout
    assert "MinCountConstraintComponent" in result.stdout and "rdfs:label" in result.stdout


def test_validate_catches_a_second_label(kg: Kg, tmp_path: Path) -> None:
    store = open_store(_small_store(tmp_path / "s"))
    label = store.select(f"SELECT ?e WHERE {{ ?e <{RDFS.label}> \"成都市商务局\"@zh }}")
    (entity,) = {row["e"] for row in label}
    extra = Graph()
    extra.add((entity, RDFS.label, Literal("成都商务局", lang="zh")))  # a second canonical name
    store.put_graph("https://example.org/graph/curated", extra)
    store.close()
    result = kg("validate", "--store", tmp_path / "s")
    assert result.exit_code == 1 and str(entity) in result.stdout


# ---------------------------------------------------------------- errors
@pytest.mark.parametrize("args, message", [
    (("build", "--corpus", "/nonexistent/corpus"), "corpus folder /nonexistent/corpus does not exist"),
    (("query", "SELEC ?x WHERE { ?x ?p ?o }"), "SPARQL syntax error"),
    (("query", "no-such-query.rq"), "no query file no-such-query.rq"),
    (("query", "SELECT * WHERE { ?s ?p ?o }", "--format", "xml"), "--format must be json, csv or table"),
    (("query", "SELECT * WHERE { ?s ?p ?o }", "--param", "novalue"), "name=value"),
    (("query", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"), "the query failed"),
    (("remove", "no-such-document"), "no document 'no-such-document'"),
])
def test_errors_are_messages_not_tracebacks(kg: Kg, seed_store_path: Path, args: tuple[str, ...], message: str) -> None:
    assert_clean_failure(kg(*args, "--store", seed_store_path), message)


@pytest.mark.parametrize("command", ["stats", "validate", "query"])
def test_commands_on_a_store_never_built(kg: Kg, tmp_path: Path, command: str) -> None:
    args = [command, "SELECT * WHERE { ?s ?p ?o }"] if command == "query" else [command]
    assert_clean_failure(kg(*args, "--store", tmp_path / "never-built"), "run `kg build` first")
    assert not (tmp_path / "never-built").exists()


def test_settings_come_from_the_environment(kg: Kg, seed_store_path: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no data/store here: only KG_STORE can point at the graph
    monkeypatch.setenv("KG_STORE", str(seed_store_path))
    get_settings.cache_clear()  # settings are read once per process
    try:
        result = assert_ok(kg("stats"))
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert re.match(r"documents \d+ ", result.stdout)


def test_kg_is_the_console_script() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "kg"]
    assert script.load() is app
