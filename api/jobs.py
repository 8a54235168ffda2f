"""What the server asks a query worker to do, and what comes back (picklable values only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs, fixed when the pool starts."""

    store: str                      # the embedded store's folder
    allowed_hosts: frozenset[str]   # hosts SERVICE / LOAD / remote FROM may name
    prefixes: dict[str, str]        # prefixes a query may use without declaring them
    max_rows: int                   # rows (or triples) a query answers at most
    no_network: bool                # run the worker without network access


# ---------------------------------------------------------------- jobs
@dataclass(frozen=True)
class ProtocolQuery:
    """A query as the SPARQL Protocol received it, answered in the negotiated format."""

    text: str
    base_iri: str
    accept: str | None = None
    hints: tuple[str, ...] = ()
    default_graphs: tuple[str, ...] | None = None  # protocol dataset: overrides FROM
    named_graphs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ProtocolUpdate:
    """A SPARQL Update, applied to a copy of the store that replaces it when it succeeds."""

    text: str
    base_iri: str
    using: tuple[str, ...] = ()
    using_named: tuple[str, ...] = ()


@dataclass(frozen=True)
class Select:
    """A SELECT over the union graph, parameters bound as RDF terms; rows of rdflib terms."""

    text: str
    bindings: tuple[tuple[str, Any], ...] = ()
    max_rows: int | None = None


@dataclass(frozen=True)
class Batch:
    """Several SELECTs in one round trip (an entity page needs four)."""

    selects: tuple[Select, ...]


@dataclass(frozen=True)
class Describe:
    """The triples about one resource (out, in, and the labels of its neighbours), serialised."""

    iri: str
    fmt: str


@dataclass(frozen=True)
class Dump:
    """The whole store (or one graph) serialised, for /export."""

    fmt: str
    graph: str | None = None


@dataclass(frozen=True)
class Export:
    """A filtered or Gephi export through ``kg.export.export_bytes`` (the CLI's exporter)."""

    fmt: str
    filter: Any = None  # a kg.export.ExportFilter


# ---------------------------------------------------------------- replies
@dataclass(frozen=True)
class Answer:
    """An HTTP answer ready to send."""

    status: int
    media_type: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Rows:
    variables: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = False


@dataclass(frozen=True)
class Failure:
    """An error the worker met; the server turns it into :class:`api.errors.ApiError`."""

    status: int
    code: str
    message: str
    detail: Any = None
