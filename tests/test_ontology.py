"""The ontology and its shapes: every term documented, every name of DESIGN.md present, one vocabulary."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection

from kg.config import get_settings
from kg.vocab import CORE_CLASSES, FILE_NS, KG, RELATIONS, load_ontology, load_shapes, local_terms

ONTOLOGY_DIR = get_settings().ontology_dir

# The names DESIGN.md fixes for outside clients.
DESIGN_CLASSES = ("Enterprise", "GovernmentBody", "Organization", "Zone", "Base", "Park", "Platform", "Programme",
                  "Event", "Project", "Place", "Person", "Indicator")
DESIGN_RELATIONS = ("locatedIn", "partOf", "issuedBy", "designatedAs", "operates", "organizedBy", "heldIn",
                    "reliesOn", "participatesIn")
DESIGN_FIGURE_PROPERTIES = {"about": OWL.ObjectProperty, "metric": OWL.DatatypeProperty,
                            "value": OWL.DatatypeProperty, "unit": OWL.DatatypeProperty,
                            "year": OWL.DatatypeProperty, "isTarget": OWL.DatatypeProperty}
XSD = "http://www.w3.org/2001/XMLSchema#"
TERM_KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    """The ontology file as written (its own namespace)."""
    return Graph().parse(ONTOLOGY_DIR / "stkg.ttl", format="turtle")


def term(name: str) -> URIRef:
    return URIRef(FILE_NS + name)


def declared(onto: Graph) -> list[URIRef]:
    return sorted({s for kind in TERM_KINDS for s in onto.subjects(RDF.type, kind)
                   if isinstance(s, URIRef) and str(s).startswith(FILE_NS)})


def test_every_term_has_labels_in_chinese_and_english_and_a_comment(onto: Graph) -> None:
    terms = declared(onto)
    assert len(terms) > 30
    problems = []
    for t in terms:
        langs = {lit.language for lit in onto.objects(t, RDFS.label) if isinstance(lit, Literal)}
        if not {"zh", "en"} <= langs:
            problems.append(f"{t}: labels in {sorted(filter(None, langs))}")
        if not any(str(c).strip() for c in onto.objects(t, RDFS.comment)):
            problems.append(f"{t}: no rdfs:comment")
    assert not problems, "\n".join(problems)


def test_chinese_labels_are_chinese(onto: Graph) -> None:
    for t in declared(onto):
        zh = [str(lit) for lit in onto.objects(t, RDFS.label) if isinstance(lit, Literal) and lit.language == "zh"]
        assert len(zh) == 1 and any("\u4e00" <= ch <= "\u9fff" for ch in zh[0]), (t, zh)


@pytest.mark.parametrize("name", DESIGN_CLASSES)
def test_design_classes_exist(onto: Graph, name: str) -> None:
    assert (term(name), RDF.type, OWL.Class) in onto


@pytest.mark.parametrize("name", DESIGN_RELATIONS)
def test_design_relations_are_object_properties_with_domain_and_range(onto: Graph, name: str) -> None:
    prop = term(name)
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert onto.value(prop, RDFS.domain) is not None and onto.value(prop, RDFS.range) is not None


@pytest.mark.parametrize("name, kind", DESIGN_FIGURE_PROPERTIES.items())
def test_figure_properties(onto: Graph, name: str, kind: URIRef) -> None:
    assert (term(name), RDF.type, kind) in onto
    assert onto.value(term(name), RDFS.domain) == term("Indicator")


def test_figure_values_are_decimals_and_years_gyears(onto: Graph) -> None:
    assert onto.value(term("value"), RDFS.range) == URIRef(XSD + "decimal")
    assert onto.value(term("year"), RDFS.range) == URIRef(XSD + "gYear")


def test_core_classes_sit_under_entity(onto: Graph) -> None:
    entity = term("Entity")
    for name in CORE_CLASSES:
        assert entity in set(onto.transitive_objects(term(name), RDFS.subClassOf)), name
    for sub, core in (("PolicyDocument", "Programme"), ("PilotProgramme", "Programme"), ("Designation", "Programme"),
                      ("City", "Place"), ("Province", "Place"), ("Country", "Place"), ("District", "Place")):
        assert term(core) in set(onto.transitive_objects(term(sub), RDFS.subClassOf)), sub


def test_every_class_of_ours_is_declared_where_it_is_used(onto: Graph) -> None:
    """Domains, ranges, superclasses and union members in our namespace are declared classes."""
    classes = set(onto.subjects(RDF.type, OWL.Class))
    used: set[URIRef] = set()
    for prop in (RDFS.domain, RDFS.range, RDFS.subClassOf):
        for obj in onto.objects(None, prop):
            if isinstance(obj, BNode) and onto.value(obj, OWL.unionOf) is not None:
                used |= {m for m in Collection(onto, onto.value(obj, OWL.unionOf))}  # type: ignore[misc]
            elif isinstance(obj, URIRef):
                used.add(obj)
    ours = {u for u in used if str(u).startswith(FILE_NS)}
    assert ours <= classes, sorted(ours - classes)


def test_inverse_properties_are_declared(onto: Graph) -> None:
    for prop, inverse in onto.subject_objects(OWL.inverseOf):
        assert (inverse, RDF.type, OWL.ObjectProperty) in onto, inverse


def test_shapes_use_only_ontology_terms() -> None:
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    terms = set(local_terms(load_ontology(FILE_NS), FILE_NS))
    used = {str(t)[len(FILE_NS):] for triple in shapes for t in triple
            if isinstance(t, URIRef) and str(t).startswith(FILE_NS)}
    assert used and used <= terms, sorted(used - terms)


def test_the_code_vocabulary_matches_the_file() -> None:
    for name in (*CORE_CLASSES, *RELATIONS, *DESIGN_CLASSES):
        assert getattr(KG, name) == URIRef(get_settings().ontology_ns + name)


@pytest.mark.parametrize("bad", ["Enterprize", "locatedin", "Company", "hasName"])
def test_vocabulary_rejects_unknown_terms(bad: str) -> None:
    with pytest.raises(AttributeError):
        getattr(KG, bad)
    with pytest.raises(KeyError):
        KG[bad]


def test_namespace_is_configurable() -> None:
    other = "https://kg.example.com/vocab/"
    rewritten = load_ontology(other)
    assert (URIRef(other + "Enterprise"), RDF.type, OWL.Class) in rewritten
    assert not any(str(t).startswith(FILE_NS) for triple in rewritten for t in triple)
    shapes = load_shapes(other)
    assert any(str(o) == other + "SourceDocument" for o in shapes.objects())
    assert len(rewritten) == len(load_ontology(FILE_NS))
