"""``kg export``: the graph as RDF, or its entity subgraph for Gephi, whole or filtered.

Examples::

    kg export --format turtle > graph.ttl
    kg export --format gexf --out seed.gexf
    kg export --format gexf --ego 青岛市 --depth 2 --out qingdao.gexf
    kg export --format csv --class Zone --class Enterprise --out tables/   # nodes.csv + edges.csv
    kg export --format graphml --relation locatedIn --min-degree 2 --out located.graphml
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import StoreOption, app, fail, settings_for
from kg.export import ExportError, ExportFilter, build_graph, export_bytes
from kg.export.csv import write_folder
from kg.store import StoreError, open_store


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    jsonld = "jsonld"
    gexf = "gexf"
    graphml = "graphml"
    csv = "csv"


@app.command("export")
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format")] = ExportFormat.turtle,
    out: Annotated[Optional[Path], typer.Option(
        "--out", "-o", help="File to write (stdout if omitted); for csv a folder gets nodes.csv and "
                            "edges.csv, a .zip path both in one zip")] = None,
    classes: Annotated[Optional[list[str]], typer.Option(
        "--class", help="Keep entities of this class or a subclass (Zone, Programme, 城市 …); repeatable")] = None,
    relations: Annotated[Optional[list[str]], typer.Option(
        "--relation", help="Keep edges of this relation (locatedIn, 依托 …); repeatable")] = None,
    min_degree: Annotated[int, typer.Option("--min-degree", min=0, help="Drop entities with fewer edges")] = 0,
    ego: Annotated[Optional[str], typer.Option(
        "--ego", help="Keep the neighbourhood of one entity: its IRI, id, name or alias")] = None,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Hops around --ego")] = 1,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Keep at most this many entities")] = None,
    store: StoreOption = None,
) -> None:
    """Export the graph: RDF (whole store, or the filtered subgraph's triples), GEXF 1.3,
    GraphML or CSV tables for Gephi. Filters apply in the order class/relation, ego, min-degree."""
    try:
        flt = ExportFilter(classes=tuple(classes or ()), relations=tuple(relations or ()),
                           min_degree=min_degree, ego=ego, depth=depth, limit=limit)
        graph_store = open_store(settings_for(store).store, read_only=True)
        try:
            if fmt is ExportFormat.csv and out is not None and out.suffix.lower() != ".zip":
                paths = write_folder(build_graph(graph_store, flt, layout=False), out)
                typer.echo(f"wrote {', '.join(str(p) for p in paths)}", err=True)
                return
            data, _media_type = export_bytes(graph_store, fmt.value, flt)
        finally:
            graph_store.close()
    except (ExportError, StoreError) as exc:
        fail(str(exc))
        return
    _write(data, out, binary=fmt is ExportFormat.csv)


def _write(data: bytes, out: Path | None, *, binary: bool) -> None:
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
        typer.echo(f"wrote {out} ({len(data)} bytes)", err=True)
        return
    if binary and sys.stdout.isatty():
        fail("csv is a zip of nodes.csv and edges.csv: give --out DIR (two files) or --out FILE.zip")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
