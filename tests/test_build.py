"""The whole pipeline on real documents: the seed corpus, a rebuild, kg add / kg remove, another city."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, SKOS

from conftest import OTHER_CITY_CORPUS, PROJECT_ROOT, SEED_CORPUS, Kg, SeedBuild, assert_clean_failure, assert_ok
from kg import iris
from kg.build import build
from kg.load import load_corpus
from kg.resolve import normalise
from kg.stats import graph_stats
from kg.store import GraphStore, open_store
from kg.store.embedded import EmbeddedStore
from kg.vocab import CORE_CLASSES, KG, RELATIONS

# The bar for the seed corpus.
MIN_CORE_CLASSES = 8
MIN_RELATION_TYPES = 6

ADDED = """青岛自贸片区数字服务企业加快集聚

近日，市商务局组织企业参加服贸会。上合示范区依托中国国际服务贸易交易会开展专场推介，青岛自贸片区新增数字服务企业120家。
"""
ADDED_META = 'title: 青岛自贸片区数字服务企业加快集聚\npublisher: 测试\ndate: "2025-07"\nplace: 青岛市\n'
# Names the added document uses for entities the seed graph already has (an alias, a relative
# name, a short form): they must resolve to the seed's IRIs.
KNOWN_NAMES_IN_ADDED = ("市商务局", "服贸会", "中国国际服务贸易交易会", "青岛自贸片区")


def named_graphs(store: GraphStore) -> dict[str, Graph]:
    return {iri: Graph().parse(data=store.dump("ntriples", iri), format="nt") for iri in store.graphs()}


def union(store: GraphStore) -> Graph:
    return Graph().parse(data=store.dump("ntriples"), format="nt")


def entities(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects(KG.mentionedIn, None) if isinstance(s, URIRef)}


def names_of(g: Graph) -> dict[str, set[URIRef]]:
    """Normalised name (label or alias) -> entities that carry it."""
    out: dict[str, set[URIRef]] = defaultdict(set)
    for e in entities(g):
        for name in [*g.objects(e, RDFS.label), *g.objects(e, SKOS.altLabel)]:
            out[normalise(str(name))].add(e)
    return out


def seed_doc_ids() -> list[str]:
    return [d.doc_id for d in load_corpus(SEED_CORPUS)[0]]


# ---------------------------------------------------------------- the seed graph
def test_seed_graph_validates(kg: Kg, seed_store_path: Path) -> None:
    result = assert_ok(kg("validate", "--store", seed_store_path))
    assert "Conforms: True" in result.stdout


def test_seed_stats_cover_the_core_classes_and_relations(seed_store: EmbeddedStore) -> None:
    stats = graph_stats(seed_store)
    assert stats["documents"] == len(seed_doc_ids())
    classes = {c for c, n in stats["classes"].items() if n > 0}
    relations = {r for r, n in stats["relation_types"].items() if n > 0}
    assert len(classes) >= MIN_CORE_CLASSES, f"core classes without entities: {sorted(set(CORE_CLASSES) - classes)}"
    assert len(relations) >= MIN_RELATION_TYPES, f"relation types never produced: {sorted(set(RELATIONS) - relations)}"


def test_stats_agree_with_the_stored_triples(seed_store: EmbeddedStore) -> None:
    g = union(seed_store)
    stats = graph_stats(seed_store)
    assert stats["entities"] == len(entities(g))
    assert stats["figures"] == len(set(g.subjects(RDF.type, KG.Indicator)))
    for name in RELATIONS:
        assert stats["relation_types"][name] == len(list(g.subject_objects(KG[name]))), name
    assert stats["relations"] == sum(stats["relation_types"].values())
    assert sum(stats["classes"].values()) >= stats["entities"]  # each entity has a core class


def test_build_report_counts_what_was_stored(seed_build: SeedBuild, seed_store: EmbeddedStore) -> None:
    report = seed_build.report
    stats = graph_stats(seed_store)
    assert report.documents == seed_doc_ids() and report.problems == []
    assert (report.entities, report.relations, report.figures) == (
        stats["entities"], stats["relations"], stats["figures"])


def test_one_named_graph_per_document_with_its_metadata(seed_store: EmbeddedStore) -> None:
    documents, _ = load_corpus(SEED_CORPUS)
    assert set(seed_store.graphs()) == {iris.graph_iri(d.doc_id) for d in documents} | {iris.ontology_graph_iri()}
    graphs = named_graphs(seed_store)
    for doc in documents:
        g = graphs[iris.graph_iri(doc.doc_id)]
        node = URIRef(iris.document_iri(doc.doc_id))
        assert (node, RDF.type, KG.SourceDocument) in g
        assert g.value(node, DCTERMS.title) == Literal(doc.meta.title, lang="zh")
        assert str(g.value(node, KG.sourceFile)) == doc.path.name
        assert str(g.value(node, DCTERMS.publisher)) == doc.meta.publisher
        assert str(g.value(node, DCTERMS.date)) == doc.meta.date
        # a document's graph speaks only of its own document
        assert set(g.objects(None, KG.mentionedIn)) == {node}
        assert len(entities(g)) > 10


def test_evidence_sentences_are_exact_spans_of_their_documents(seed_store: EmbeddedStore) -> None:
    texts = {d.path.name: d.text for d in load_corpus(SEED_CORPUS)[0]}
    rows = seed_store.select("""
        SELECT ?file ?text ?start ?end WHERE {
          ?s a <%(ns)sSentence> ; <%(ns)stext> ?text ; <%(ns)sstartOffset> ?start ; <%(ns)sendOffset> ?end ;
             <%(ns)sinDocument>/<%(ns)ssourceFile> ?file . }""" % {"ns": KG})
    assert rows
    for row in rows:
        assert texts[str(row["file"])][int(row["start"]):int(row["end"])] == str(row["text"])


def test_every_assertion_has_a_sentence_with_its_trigger(seed_store: EmbeddedStore) -> None:
    rows = seed_store.select("""
        SELECT ?a ?trigger ?text ?s ?p ?o WHERE {
          ?a a <%(ns)sAssertion> ; <%(ns)strigger> ?trigger ; <%(ns)sevidence>/<%(ns)stext> ?text ;
             <%(rdf)ssubject> ?s ; <%(rdf)spredicate> ?p ; <%(rdf)sobject> ?o . }""" % {"ns": KG, "rdf": RDF})
    assert len(rows) >= MIN_RELATION_TYPES
    for row in rows:
        assert str(row["trigger"]) in str(row["text"])
        assert seed_store.ask(f"ASK {{ <{row['s']}> <{row['p']}> <{row['o']}> }}")  # the relation itself


def test_labels_name_one_entity_each(seed_store: EmbeddedStore) -> None:
    g = union(seed_store)
    by_label: dict[str, set[URIRef]] = defaultdict(set)
    for e in entities(g):
        labels = list(g.objects(e, RDFS.label))
        assert len(labels) == 1, (e, labels)
        by_label[normalise(str(labels[0]))].add(e)
    shared = {label: es for label, es in by_label.items() if len(es) > 1}
    assert not shared, f"one name, several IRIs: {shared}"


# ---------------------------------------------------------------- determinism
def test_rebuild_gives_isomorphic_graphs_with_the_same_iris(kg: Kg, seed_store: EmbeddedStore, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT_ROOT)  # the default corpus, data/corpus, is relative to the project
    result = assert_ok(kg("build", "--store", tmp_path / "again"))
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("built ")
    again = EmbeddedStore(tmp_path / "again", read_only=True)
    first, second = named_graphs(seed_store), named_graphs(again)
    assert sorted(first) == sorted(second)
    for iri in first:
        assert isomorphic(first[iri], second[iri]), f"graph {iri} differs between two builds"
    assert entities(union(seed_store)) == entities(union(again))


# ---------------------------------------------------------------- kg add / kg remove
@pytest.fixture
def added_document(tmp_path: Path) -> Path:
    path = tmp_path / "docs" / "qingdao_update.txt"
    path.parent.mkdir()
    path.write_text(ADDED, encoding="utf-8")
    (path.parent / "qingdao_update.meta.yaml").write_text(ADDED_META, encoding="utf-8")
    return path


def test_add_keeps_the_iris_of_known_entities(kg: Kg, seed_store: EmbeddedStore, seed_copy: Path,
                                              added_document: Path) -> None:
    before_graphs = named_graphs(seed_store)
    before = union(seed_store)
    seed_names = names_of(before)
    result = assert_ok(kg("add", added_document, "--store", seed_copy))
    assert result.stdout.startswith("added qingdao_update: 1 documents")

    store = EmbeddedStore(seed_copy, read_only=True)
    after_graphs = named_graphs(store)
    new_iri = iris.graph_iri("qingdao_update")
    assert set(after_graphs) == set(before_graphs) | {new_iri}
    for iri, g in before_graphs.items():  # the other documents' graphs are untouched
        assert isomorphic(g, after_graphs[iri]), iri

    new = after_graphs[new_iri]
    for name in KNOWN_NAMES_IN_ADDED:
        (known,) = seed_names[normalise(name)]
        assert known in entities(new), f"{name}: the added document does not reuse {known}"
    for e in entities(new):  # whatever it calls them, known entities keep IRI and label
        for name in [*new.objects(e, RDFS.label), *new.objects(e, SKOS.altLabel)]:
            assert seed_names.get(normalise(str(name)), {e}) == {e}, f"{name} got a new IRI {e}"
        if e in entities(before):
            assert new.value(e, RDFS.label) == before.value(e, RDFS.label)
    assert entities(before) <= entities(union(store))
    assert_ok(kg("validate", "--store", seed_copy))


def test_add_of_an_unreadable_file_changes_nothing(kg: Kg, seed_copy: Path, tmp_path: Path) -> None:
    before = EmbeddedStore(seed_copy, read_only=True).dump("nquads")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert_clean_failure(kg("add", empty, "--store", seed_copy), "nothing was changed", "empty.txt")
    assert_clean_failure(kg("add", tmp_path / "absent.txt", "--store", seed_copy), "absent.txt")
    assert EmbeddedStore(seed_copy, read_only=True).dump("nquads") == before


def test_remove_drops_exactly_one_document(kg: Kg, seed_store: EmbeddedStore, seed_copy: Path) -> None:
    doc_id = seed_doc_ids()[2]
    before = named_graphs(seed_store)
    result = assert_ok(kg("remove", f"{doc_id}.txt", "--store", seed_copy))  # a file name works too
    assert result.stdout.strip() == f"removed {doc_id}"
    store = EmbeddedStore(seed_copy, read_only=True)
    after = named_graphs(store)
    assert set(after) == set(before) - {iris.graph_iri(doc_id)}
    for iri, g in after.items():
        assert isomorphic(g, before[iri]), iri
    doc = URIRef(iris.document_iri(doc_id))
    assert not store.ask(f"ASK {{ {{ ?x ?p <{doc}> }} UNION {{ <{doc}> ?p ?x }} }}")
    store.close()
    assert_clean_failure(kg("remove", doc_id, "--store", seed_copy), "no document", doc_id)


# ---------------------------------------------------------------- a failed build
def test_build_failing_half_way_keeps_the_previous_graph(seed_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.store.embedded as embedded

    store = EmbeddedStore(seed_copy)
    before, generation = store.dump("nquads"), store.generation()
    calls: list[str] = []
    original = embedded._load_graph

    def failing(target: object, iri: str, graph: Graph) -> None:
        calls.append(iri)
        if len(calls) == 3:
            raise OSError("the disk is full")
        original(target, iri, graph)  # type: ignore[arg-type]

    monkeypatch.setattr(embedded, "_load_graph", failing)
    with pytest.raises(OSError, match="disk is full"):
        build(OTHER_CITY_CORPUS, store)
    assert len(calls) == 3
    store.close()
    reader = EmbeddedStore(seed_copy, read_only=True)
    assert reader.generation() == generation
    assert reader.dump("nquads") == before


# ---------------------------------------------------------------- another city
def _labels_in(store: GraphStore, doc_id: str) -> set[str]:
    g = named_graphs(store)[iris.graph_iri(doc_id)]
    return {str(g.value(e, RDFS.label)) for e in entities(g)}


def test_other_city_documents_build_and_validate(kg: Kg, other_city_store_path: Path) -> None:
    store = open_store(other_city_store_path, read_only=True)
    assert sorted(store.graphs()) == sorted(
        iris.graph_iri(d) for d in ("chengdu_service_trade", "hangzhou_digital_trade", "hangzhou_expo", "ontology"))
    assert_ok(kg("validate", "--store", other_city_store_path))
    stats = graph_stats(store)
    assert stats["documents"] == 3 and stats["entities"] >= 15 and stats["figures"] >= 3


def test_other_city_names_resolve_to_the_document_place(other_city_store_path: Path) -> None:
    store = open_store(other_city_store_path, read_only=True)
    chengdu = _labels_in(store, "chengdu_service_trade")
    assert {"成都市", "成都市商务局"} <= chengdu  # 市商务局 in a 成都 document
    assert {"杭州市", "杭州市商务局"} <= _labels_in(store, "hangzhou_expo")  # place from the sidecar
    assert {"杭州市", "杭州市人民政府"} <= _labels_in(store, "hangzhou_digital_trade")  # place inferred
    everything = {str(label) for label in union(store).objects(None, RDFS.label)}
    assert not [label for label in everything if "青岛" in label]  # nothing leaks from the seed's city
    g = named_graphs(store)[iris.graph_iri("chengdu_service_trade")]
    assert str(g.value(URIRef(iris.document_iri("chengdu_service_trade")), DCTERMS.spatial)) == "成都市"


def test_other_city_relations_and_figures(other_city_store_path: Path) -> None:
    store = open_store(other_city_store_path, read_only=True)
    rows = store.select("""
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?doc ?issuer WHERE { ?d <%(ns)sissuedBy> ?i ; rdfs:label ?doc . ?i rdfs:label ?issuer }""" % {"ns": KG})
    issued = {(str(r["doc"]), str(r["issuer"])) for r in rows}
    assert ("成都市服务贸易高质量发展行动方案", "成都市商务局") in issued
    figures = store.select("""
        SELECT ?value ?unit ?year ?target WHERE {
          ?f a <%(ns)sIndicator> ; <%(ns)svalue> ?value ; <%(ns)sunit> ?unit ; <%(ns)sisTarget> ?target ;
             <%(ns)syear> ?year . }""" % {"ns": KG})
    found = {(float(r["value"]), str(r["unit"]), str(r["year"]), r["target"].toPython()) for r in figures}
    assert {(1520.0, "亿元", "2024", False), (2000.0, "亿元", "2027", True), (3200.0, "亿元", "2024", False)} <= found
    assert not re.search("不应出现", store.dump("nquads").decode())  # the HTML page's script is gone
