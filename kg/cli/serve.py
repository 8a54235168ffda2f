"""``kg serve`` (the HTTP service) and ``kg load`` (curated RDF into a named graph of its own)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import StoreOption, app, fail, settings_for
from kg.store import StoreError, open_store

_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]+$")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    store: StoreOption = None,
) -> None:
    """Serve the graph over HTTP: /sparql, /entities, /queries, /export, /docs."""
    from api.main import serve as run  # FastAPI and uvicorn load only for this command

    settings = settings_for(store)
    try:
        run(settings, host=host, port=port)
    except StoreError as exc:
        fail(str(exc))


@app.command()
def load(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="RDF file to load")],
    graph: Annotated[str, typer.Option("--graph", "-g", help="IRI of the named graph to (re)place it in")],
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="turtle, ntriples, nquads, trig, rdfxml, jsonld (default: from the extension)")] = None,
    store: StoreOption = None,
) -> None:
    """Load curated RDF (links to outside identifiers, corrections …) into its own named graph,
    replacing that graph if it exists; the documents' graphs are untouched."""
    if not _ABSOLUTE_IRI.match(graph):
        fail(f"--graph must be an absolute IRI, not {graph!r}")
    target = open_store(settings_for(store).store)
    try:
        count = target.load_file(file, graph, fmt)
    except (StoreError, ValueError) as exc:
        fail(str(exc))
    finally:
        target.close()
    typer.echo(f"loaded {count} triples into <{graph}>")
