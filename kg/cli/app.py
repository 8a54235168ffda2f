"""The ``kg`` Typer application that every command module registers on."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from kg.config import Settings, get_settings

app = typer.Typer(
    name="kg",
    help="Build, query, serve and export the service-trade knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Every command takes --store; KG_STORE in the environment is the default.
StoreOption = Annotated[
    Optional[str],
    typer.Option("--store", "-s", help="Store folder or SPARQL endpoint URL [env: KG_STORE; default data/store]"),
]


def settings_for(store: str | None) -> Settings:
    """The settings, with --store applied when given."""
    settings = get_settings()
    return settings.model_copy(update={"store": store}) if store else settings


def fail(message: str, code: int = 1) -> None:
    """Print a user-facing error on stderr and exit."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)
