"""``kg query``, ``kg stats``, ``kg validate``: read the graph."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rdflib import Literal, URIRef
from rich.console import Console
from rich.table import Table

from kg.cli.app import StoreOption, app, fail, settings_for
from kg.named_queries import QueryError, load_queries
from kg.named_queries import run as run_named
from kg.stats import graph_stats
from kg.store import GraphStore, StoreError, open_store
from kg.validate import validate_store


def _query_text(query: str, queries_dir: Path) -> str:
    """A SPARQL string, a file, or the name of a query in queries/."""
    named = queries_dir / f"{query}.rq"
    if named.is_file():
        return named.read_text(encoding="utf-8")
    path = Path(query)
    if path.suffix in (".rq", ".sparql") and path.is_file():
        return path.read_text(encoding="utf-8")
    if path.suffix in (".rq", ".sparql"):
        fail(f"no query file {query}")
    return query


def _term(value: str) -> Any:
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    if value.startswith(("http://", "https://")):
        return URIRef(value)
    return Literal(value)


def _print_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    names = list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "json":
        typer.echo(json.dumps([{k: str(v) for k, v in row.items()} for row in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        for row in rows:
            writer.writerow([str(row.get(k, "")) for k in names])
    else:
        table = Table(*names, show_lines=False)
        for row in rows:
            table.add_row(*(str(row.get(k, "")) for k in names))
        Console(width=200).print(table)
        typer.echo(f"{len(rows)} rows")


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or the name of a query in queries/")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json, csv or table")] = "table",
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="name=value, bound as an RDF term")] = None,
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over the union of all documents' graphs."""
    if fmt not in ("json", "csv", "table"):
        fail("--format must be json, csv or table")
    settings = settings_for(store)
    graph_store = open_store(settings.store, read_only=True)
    named = load_queries(settings.queries_dir).get(query)
    try:
        if named is not None:  # parameters typed and bound as the query's header declares
            values = dict(_pair(p) for p in (param or []))
            rows = run_named(graph_store, named, values, instance_ns=settings.instance_ns,
                             ontology_ns=settings.ontology_ns)
            _print_rows(rows, fmt)
        else:
            bindings = {name: _term(value) for name, value in map(_pair, param or [])}
            _run(graph_store, _query_text(query, settings.queries_dir), bindings, fmt)
    except (StoreError, QueryError) as exc:
        fail(str(exc))
    except (OSError, RuntimeError) as exc:  # pyoxigraph's evaluation errors (a failed SERVICE call …)
        fail(f"the query failed: {exc}")


def _pair(pair: str) -> tuple[str, str]:
    if "=" not in pair:
        fail(f"--param takes name=value, not {pair!r}")
    name, value = pair.split("=", 1)
    return name.strip().lstrip("?$"), value


def _run(graph_store: GraphStore, text: str, bindings: dict[str, Any], fmt: str) -> None:
    head = " ".join(line for line in text.splitlines() if not line.strip().startswith(("#", "PREFIX", "prefix")))
    form = head.strip().split(None, 1)[0].upper() if head.strip() else ""
    if form == "ASK":
        typer.echo("true" if graph_store.ask(text) else "false")
    elif form in ("CONSTRUCT", "DESCRIBE"):
        typer.echo(graph_store.construct(text).serialize(format="turtle"))
    else:
        _print_rows(graph_store.select(text, bindings), fmt)


@app.command()
def stats(store: StoreOption = None) -> None:
    """Counts of documents, entities by class, relations by predicate and figures."""
    graph_store = open_store(settings_for(store).store, read_only=True)
    try:
        counts = graph_stats(graph_store)
    except StoreError as exc:
        fail(str(exc))
    typer.echo(f"documents {counts['documents']}  entities {counts['entities']}  "
               f"relations {counts['relations']}  figures {counts['figures']}")
    for section in ("classes", "relation_types"):
        typer.echo(f"{section.replace('_', ' ')}:")
        for name, n in counts[section].items():
            typer.echo(f"  {name:<18} {n}")


@app.command()
def validate(store: StoreOption = None) -> None:
    """Check the graph against the SHACL shapes; exit status 1 on violations."""
    graph_store = open_store(settings_for(store).store, read_only=True)
    try:
        conforms, report = validate_store(graph_store)
    except StoreError as exc:
        fail(str(exc))
    typer.echo(report)
    if not conforms:
        raise typer.Exit(1)
