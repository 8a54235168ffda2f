"""``kg query``: SPARQL text, a .rq file or a named query, in every output format, on the seed graph."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import Graph

from conftest import Kg, assert_ok
from kg.config import get_settings
from kg.vocab import FILE_NS, load_ontology, local_terms

QUERIES_DIR = get_settings().queries_dir
QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))
KG_PREFIX = f"PREFIX kg: <{FILE_NS}>\n"
DOCUMENTS = KG_PREFIX + "SELECT ?doc ?file WHERE { ?doc a kg:SourceDocument ; kg:sourceFile ?file } ORDER BY ?file"


def header(path: Path) -> dict[str, list[str]]:
    """The comment lines before the first line of SPARQL, as field -> values."""
    fields: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        match = re.match(r"#\s*(\w+)\s*:\s*(.*)", line.strip())
        if match:
            fields.setdefault(match.group(1).lower(), []).append(match.group(2))
    return fields


def rows_of(kg: Kg, *args: str | Path) -> list[dict[str, str]]:
    return json.loads(assert_ok(kg("query", *args, "--format", "json")).stdout)


def test_there_are_at_least_eight_named_queries() -> None:
    assert len(QUERY_FILES) >= 8


@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_named_query_returns_rows_on_the_seed_graph(kg: Kg, seed_store_path: Path, path: Path) -> None:
    rows = rows_of(kg, path.stem, "--store", seed_store_path)
    assert rows, f"{path.name} returns no rows on the seed graph"


@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_named_query_header(path: Path) -> None:
    fields = header(path)
    assert fields.get("title") and fields["title"][0].strip(), f"{path.name}: no '# title:'"
    assert fields.get("description") and fields["description"][0].strip(), f"{path.name}: no '# description:'"
    text = path.read_text(encoding="utf-8")
    for param in fields.get("param", []):
        name = param.split()[0]
        assert re.search(rf"[?$]{name}\b", text), f"{path.name}: parameter {name} is not a variable of the query"


@pytest.mark.parametrize("path", QUERY_FILES, ids=[p.stem for p in QUERY_FILES])
def test_named_query_uses_only_ontology_terms(path: Path) -> None:
    terms = set(local_terms(load_ontology(FILE_NS), FILE_NS))
    text = path.read_text(encoding="utf-8")
    used = set(re.findall(r"\bkg:(\w+)", text)) | set(re.findall(re.escape(FILE_NS) + r"(\w+)", text))
    assert used <= terms, f"{path.name} uses terms the ontology does not declare: {sorted(used - terms)}"


def test_a_query_by_name_by_file_and_by_text_agree(kg: Kg, seed_store_path: Path) -> None:
    path = QUERY_FILES[0]
    by_name = rows_of(kg, path.stem, "--store", seed_store_path)
    by_file = rows_of(kg, path, "--store", seed_store_path)
    by_text = rows_of(kg, path.read_text(encoding="utf-8"), "--store", seed_store_path)
    assert by_name == by_file == by_text


def test_sparql_text_query(kg: Kg, seed_store_path: Path) -> None:
    rows = rows_of(kg, DOCUMENTS, "--store", seed_store_path)
    from conftest import SEED_CORPUS

    assert [r["file"] for r in rows] == sorted(p.name for p in SEED_CORPUS.glob("*.txt"))
    assert all(r["doc"].startswith("http") for r in rows)


def test_output_formats_agree(kg: Kg, seed_store_path: Path) -> None:
    as_json = rows_of(kg, DOCUMENTS, "--store", seed_store_path)
    as_csv = assert_ok(kg("query", DOCUMENTS, "--format", "csv", "--store", seed_store_path)).stdout
    table = assert_ok(kg("query", DOCUMENTS, "--format", "table", "--store", seed_store_path)).stdout
    assert list(csv.DictReader(io.StringIO(as_csv))) == as_json
    assert table.rstrip().endswith(f"{len(as_json)} rows")
    for row in as_json:
        assert row["file"] in table


def test_parameters_are_bound_as_terms(kg: Kg, seed_store_path: Path) -> None:
    query = KG_PREFIX + "SELECT ?e ?class WHERE { ?e kg:mentionedIn ?d ; a ?class }"
    everything = rows_of(kg, query, "--store", seed_store_path)
    zone = f"{FILE_NS}Zone"
    zones = rows_of(kg, query, "--param", f"class={zone}", "--store", seed_store_path)
    assert zones and len(zones) < len(everything)
    assert {r["class"] for r in zones} == {zone}
    assert {r["e"] for r in zones} == {r["e"] for r in everything if r["class"] == zone}
    # a value is a term, never query text
    assert rows_of(kg, query, "--param", "class=} UNION { ?e ?p ?class", "--store", seed_store_path) == []


def test_ask_and_construct(kg: Kg, seed_store_path: Path) -> None:
    yes = assert_ok(kg("query", KG_PREFIX + "ASK { ?d a kg:SourceDocument }", "--store", seed_store_path))
    no = assert_ok(kg("query", KG_PREFIX + "ASK { ?d a kg:NoSuchThing }", "--store", seed_store_path))
    assert (yes.stdout.strip(), no.stdout.strip()) == ("true", "false")
    built = assert_ok(kg("query", KG_PREFIX + "CONSTRUCT { ?d a kg:SourceDocument } WHERE { ?d a kg:SourceDocument }",
                         "--store", seed_store_path)).stdout
    assert len(Graph().parse(data=built, format="turtle")) == len(rows_of(kg, DOCUMENTS, "--store", seed_store_path))
