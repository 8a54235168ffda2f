"""/queries: the named queries of queries/, listed and run with parameters bound as RDF terms."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import httpx
import pytest
from rdflib import Literal

from kg.config import PROJECT_ROOT
from kg.named_queries import load_queries, parse_query

pytestmark = pytest.mark.anyio
QUERIES = load_queries(PROJECT_ROOT / "queries")




def test_every_query_file_is_documented() -> None:
    """A query without a title or description, or a parameter without a description, fails here."""
    assert QUERIES, "queries/ holds no .rq file"
    for name, query in QUERIES.items():
        assert query.title != name and query.description, f"{name}.rq needs '# title:' and '# description:'"
        for param in query.params:
            assert param.description, f"{name}.rq: parameter {param.name} needs a description"
    readme = (PROJECT_ROOT / "queries" / "README.md").read_text(encoding="utf-8")
    for field in ("# title:", "# description:", "# param:"):
        assert field in readme


async def test_list(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/queries")).json()
    assert [q["name"] for q in listed] == sorted(QUERIES)
    example = next(q for q in listed if q["name"] == "entities_of_class")
    assert example["parameters"] == [{"name": "cls", "type": "class", "default": "Zone", "description":
                                      "the class: a local name of the ontology (Zone, Enterprise, Platform …) or an IRI"}]
    assert example["url"] == "/queries/entities_of_class"


async def test_run_with_default_and_given_parameters(client: httpx.AsyncClient) -> None:
    zones = (await client.get("/queries/entities_of_class")).json()
    assert [r["label"] for r in zones["rows"]] == ["上合示范区"]
    assert zones["parameters"] == {"cls": "https://stkg.example.org/ontology#Zone"}
    places = (await client.get("/queries/entities_of_class", params={"cls": "Place"})).json()
    assert [r["label"] for r in places["rows"]] == ["山东省", "青岛市"]


async def test_parameters_are_terms_not_text(client: httpx.AsyncClient) -> None:
    hostile = '青岛" } UNION { ?entity ?p ?name } #'
    rows = (await client.get("/queries/figures_of_entity", params={"name": hostile})).json()["rows"]
    assert rows == []  # a literal that matches nothing, not a rewritten query
    found = (await client.get("/queries/figures_of_entity", params={"name": "青岛"})).json()["rows"]
    assert [(r["metric"], r["value"], r["unit"]) for r in found] == [("服务贸易总额", "1000.5", "亿元")]


async def test_csv(client: httpx.AsyncClient) -> None:
    for params, headers in (({"format": "csv"}, {}), ({}, {"accept": "text/csv"})):
        response = await client.get("/queries/entities_of_class", params=params, headers=headers)
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert rows[0]["label"] == "上合示范区"


async def test_errors(client: httpx.AsyncClient) -> None:
    assert (await client.get("/queries/nope")).status_code == 404
    unknown = await client.get("/queries/entities_of_class", params={"klass": "Zone"})
    assert unknown.status_code == 400 and "cls" in unknown.json()["message"]
    bad_iri = await client.get("/queries/entities_of_class", params={"cls": "<not an iri>"})
    assert bad_iri.status_code == 400


def test_header_format() -> None:
    from rdflib.namespace import XSD  # here, not at module level: pytest probes module attributes

    query = parse_query("demo", "# title: T\n# description: D1\n# description: D2\n"
                                "# param: year literal - a year\n# param: n integer 3 how many\n"
                                "SELECT ?year ?n WHERE {}")
    assert (query.title, query.description) == ("T", "D1 D2")
    bound = query.bind({"year": '"2025"^^xsd:gYear'}, instance_ns="http://x/", ontology_ns="http://o#")
    assert bound["year"] == Literal("2025", datatype=XSD.gYear)
    assert bound["n"] == Literal("3", datatype=XSD.integer)
    with pytest.raises(ValueError, match="not a valid integer"):
        query.bind({"n": "three"}, instance_ns="http://x/", ontology_ns="http://o#")
    hidden = parse_query("hidden", "# title: H\n# param: p iri - x\nSELECT ?s WHERE { ?s ?p ?o }")
    with pytest.raises(ValueError, match="does not return"):
        hidden.bind({"p": "http://x/p"}, instance_ns="http://x/", ontology_ns="http://o#")
    with pytest.raises(ValueError, match="not a variable"):
        parse_query("bad", "# param: missing iri - x\nSELECT ?s WHERE { ?s ?p ?o }")


def test_loader_reads_only_rq_files(tmp_path: Path) -> None:
    (tmp_path / "a.rq").write_text("# title: A\nSELECT * WHERE { ?s ?p ?o }", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a query", encoding="utf-8")
    assert list(load_queries(tmp_path)) == ["a"]
    assert load_queries(tmp_path / "missing") == {}
