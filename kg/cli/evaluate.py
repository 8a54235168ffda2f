"""``kg eval``: precision, recall and F1 of the extractor against gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, fail, settings_for


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option("--gold", "-g", help="A gold YAML file or a folder of them")] = Path("tests/gold"),
    corpus: Annotated[Optional[Path], typer.Option("--corpus", "-c", help="Where gold documents are looked up")] = None,
    errors: Annotated[bool, typer.Option("--errors/--no-errors", help="List misses and false positives")] = True,
) -> None:
    """Compare extraction with hand-made gold annotations; print P/R/F1 per type."""
    from kg.eval.gold import GoldError, load_gold  # the extractor loads only for this command
    from kg.eval.report import evaluate, render

    try:
        documents = load_gold(gold, corpus or settings_for(None).corpus)
    except GoldError as exc:
        fail(str(exc))
    result = evaluate(documents)
    typer.echo(render(result, show_errors=errors))
