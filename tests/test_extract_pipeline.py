"""The spaCy pipeline, a whole seed document, and the patterns as terms of the ontology."""

from __future__ import annotations

import spacy
import yaml

from conftest import SEED_CORPUS
from extract_helpers import PATTERNS, check_offsets
from kg.extract import extract_document
from kg.extract.nlp import SPAN_KEY, build_pipeline
from kg.extract.relations import RelationFinder
from kg.load import load_document, split_sentences
from kg.vocab import KG, RELATIONS, superclasses


def test_pipeline_components() -> None:
    assert build_pipeline().pipe_names == ["stkg_mentions", "stkg_relations", "stkg_figures"]


def test_mention_component_in_a_blank_chinese_pipeline() -> None:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("stkg_mentions")
    text = "商务部印发《服务贸易发展规划》。"
    doc = nlp.make_doc(text)
    doc.user_data.update(sentences=split_sentences(text), place={})
    doc = nlp.get_pipe("stkg_mentions")(doc)
    assert [(span.text, span.label_) for span in doc.spans[SPAN_KEY]] == [
        ("商务部", "GovernmentBody"), ("服务贸易发展规划", "PolicyDocument")]


def test_seed_document_offsets_and_vocabulary() -> None:
    ex = extract_document(load_document(sorted(SEED_CORPUS.glob("*.txt"))[2]))
    assert len(ex.mentions) > 20 and ex.relations and ex.figures
    check_offsets(ex)
    for m in ex.mentions:
        assert KG.Entity in superclasses(KG[m.cls]), m.cls
    assert {r.predicate for r in ex.relations} <= set(RELATIONS)
    starts = [m.start for m in ex.mentions]
    assert starts == sorted(starts)
    spans = sorted((m.start, m.end) for m in ex.mentions if m.rule != "alias")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "overlapping mentions"


def _pattern_file(name: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((PATTERNS / name).read_text(encoding="utf-8")) or {}


def _classes_named_in_patterns() -> set[str]:
    names: set[str] = set(_pattern_file("entity_suffixes.yaml"))
    for rule in _pattern_file("relations.yaml")["rules"]:
        names |= set(rule["subject"]) | set(rule["object"])
        names |= set(rule.get("subject_not", [])) | set(rule.get("object_not", []))
    names |= set((_pattern_file("persons.yaml").get("enumeration_heads") or {}).values())
    for file, key in (("organizations.yaml", "organizations"), ("programmes.yaml", "programmes")):
        names |= {o["type"] for o in _pattern_file(file).get(key) or [] if "type" in o}
    bounds = _pattern_file("boundaries.yaml")
    names |= set(bounds["quoted_kinds"].values()) | set(bounds["title_classes"]) | set(bounds["listed_classes"])
    names |= set(bounds["place_led_classes"]) | set(bounds["descriptive_classes"])
    government = _pattern_file("government.yaml")
    names |= set(government["local_body_classes"].values()) | set(government["pronoun_named_classes"])
    return names


def test_pattern_classes_and_predicates_are_ontology_terms() -> None:
    for name in sorted(_classes_named_in_patterns()):
        assert KG[name] in superclasses(KG[name]), name  # KG[...] raises for an unknown class
        assert KG.Entity in superclasses(KG[name]), f"{name} is not an entity class"
    rules = _pattern_file("relations.yaml")["rules"]
    assert {rule["predicate"] for rule in rules} <= set(RELATIONS)
    orders = RelationFinder(rules).orders
    for rule in rules:
        assert rule["order"] in orders, rule
