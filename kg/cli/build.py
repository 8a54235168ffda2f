"""``kg build``, ``kg add``, ``kg remove``: write the graph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg.cli.app import StoreOption, app, fail, settings_for
from kg.store import StoreError, open_store

if TYPE_CHECKING:
    from kg import build as pipeline


def _print_problems(report: pipeline.BuildReport) -> None:
    for problem in report.problems:
        typer.secho(f"skipped {problem.path}: {problem.reason}", err=True, fg=typer.colors.YELLOW)


@app.command()
def build(
    corpus: Annotated[Optional[Path], typer.Option("--corpus", "-c", help="Folder of documents [env: KG_CORPUS]")] = None,
    store: StoreOption = None,
) -> None:
    """Build the graph from a folder of documents, replacing what the store held."""
    from kg import build as pipeline  # spaCy and jieba load only for the commands that extract

    settings = settings_for(store)
    folder = corpus or settings.corpus
    if not folder.is_dir():
        fail(f"corpus folder {folder} does not exist")
    graph_store = open_store(settings.store)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  disable=not sys.stderr.isatty(), console=None, transient=True) as bar:
        task = bar.add_task("extracting", total=None)
        try:
            report = pipeline.build(
                folder, graph_store,
                progress=lambda doc: bar.update(task, advance=1, description=f"extracting {doc.doc_id}"),
                on_loaded=lambda n: bar.update(task, total=n))
        except StoreError as exc:
            fail(str(exc))
    _print_problems(report)
    if not report.documents:
        fail(f"no readable documents in {folder}; the store was not changed")
    typer.echo(f"built {graph_store.location}: {report.summary()}")


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Documents to add or replace (.txt, .md, .html)")],
    store: StoreOption = None,
) -> None:
    """Add documents to the graph (or replace them), keeping existing entities' IRIs."""
    from kg import build as pipeline

    graph_store = open_store(settings_for(store).store)
    try:
        report = pipeline.add(files, graph_store)
    except (ValueError, FileNotFoundError) as exc:
        fail(f"nothing was changed: {exc}")
    except StoreError as exc:
        fail(str(exc))
    typer.echo(f"added {', '.join(report.documents)}: {report.summary()}")


@app.command()
def remove(
    document: Annotated[str, typer.Argument(help="Document id (file name without extension) or file name")],
    store: StoreOption = None,
) -> None:
    """Remove one document's graph."""
    from kg import build as pipeline

    location = settings_for(store).store
    if not str(location).startswith(("http://", "https://")) and not (Path(location) / "current").is_symlink():
        fail(f"no graph at {location}: nothing to remove")
    graph_store = open_store(location)
    if not pipeline.remove(document, graph_store):
        fail(f"no document {document!r} in {graph_store.location}")
    typer.echo(f"removed {Path(document).stem}")
