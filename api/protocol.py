"""Reading a SPARQL 1.1 Protocol request: which operation, with which dataset and format hints.

Strict where the protocol is strict (one ``query`` or ``update``, the three POST forms, UTF-8
only, dataset parameters that fit the operation) so that a malformed request gets a 4xx that
says what is wrong, never a 500 or a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.requests import Request

from api.errors import ApiError

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
QUERY_DATASET = ("default-graph-uri", "named-graph-uri")
UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")
FORMAT_HINTS = ("format", "output", "results")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")

Params = list[tuple[str, str]]


@dataclass(frozen=True)
class Operation:
    """``kind`` is ``query``, ``update`` or ``service`` (no operation: describe the service)."""

    kind: str
    text: str = ""
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    using: tuple[str, ...] = ()
    using_named: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()


def _bad(message: str, code: str = "bad_request", status: int = 400) -> ApiError:
    return ApiError(status, code, message)


def _params(text: str, where: str) -> Params:
    try:
        return parse_qsl(text, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as exc:
        raise _bad(f"the {where} is not valid UTF-8 URL encoding: {exc}") from exc


def _values(params: Params, name: str) -> list[str]:
    return [v for k, v in params if k == name]


def _iris(params: Params, name: str) -> tuple[str, ...]:
    values = tuple(_values(params, name))
    for value in values:
        if not _IRI.match(value):
            raise _bad(f"{name}={value!r} is not an absolute IRI")
    return values


def _dataset(params: Params, kind: str) -> dict[str, tuple[str, ...] | None]:
    wrong = UPDATE_DATASET if kind == "query" else QUERY_DATASET
    misplaced = [name for name in wrong if _values(params, name)]
    if misplaced:
        raise _bad(f"{', '.join(misplaced)} cannot be used with a SPARQL {kind}")
    if kind == "update":
        return {"using": _iris(params, UPDATE_DATASET[0]), "using_named": _iris(params, UPDATE_DATASET[1])}
    given = any(_values(params, name) for name in QUERY_DATASET)
    # Either parameter given: the protocol's dataset replaces the query's own FROM clauses.
    return {"default_graphs": _iris(params, QUERY_DATASET[0]) if given else None,
            "named_graphs": _iris(params, QUERY_DATASET[1]) if given else None}


def _hints(params: Params) -> tuple[str, ...]:
    return tuple(v for name in FORMAT_HINTS for v in _values(params, name) if v)


def from_params(params: Params, *, method: str) -> Operation:
    """The operation named by ``query=`` / ``update=`` parameters (URL or form body)."""
    queries, updates = _values(params, "query"), _values(params, "update")
    if len(queries) > 1 or len(updates) > 1:
        raise _bad("a request carries exactly one query or one update; this one has several")
    if queries and updates:
        raise _bad("a request carries a query or an update, not both")
    if updates and method == "GET":
        raise _bad("SPARQL Update must be sent with POST", "update_needs_post")
    if not queries and not updates:
        return Operation("service", hints=_hints(params))
    kind = "query" if queries else "update"
    text = (queries or updates)[0]
    return Operation(kind, text, hints=_hints(params), **_dataset(params, kind))  # type: ignore[arg-type]


def _content_type(header: str | None) -> tuple[str, str | None]:
    media, *params = [p.strip() for p in (header or "").split(";")]
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media.lower(), charset


def _decode(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise _bad(f"the body must be UTF-8, not {charset}", "unsupported_media_type", 415)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _bad(f"the body is not valid UTF-8: {exc}") from exc


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _bad(f"the request body is larger than {limit} bytes", "too_large", 413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _bad(f"the request body is larger than {limit} bytes", "too_large", 413)
        chunks.append(chunk)
    return b"".join(chunks)


def _direct(kind: str, text: str, url_params: Params) -> Operation:
    if _values(url_params, "query") or _values(url_params, "update"):
        raise _bad(f"a POST of application/sparql-{kind} carries the {kind} in its body only")
    return Operation(kind, text, hints=_hints(url_params), **_dataset(url_params, kind))  # type: ignore[arg-type]


async def read_operation(request: Request, limit: int) -> Operation:
    """The operation of a GET or POST request to the SPARQL endpoint."""
    query_string = request.url.query
    if len(query_string) > limit:
        raise _bad(f"the URL is longer than {limit} bytes; POST the query instead", "uri_too_long", 414)
    url_params = _params(query_string, "URL query string")
    if request.method == "GET":
        return from_params(url_params, method="GET")
    media, charset = _content_type(request.headers.get("content-type"))
    body = await read_body(request, limit)
    if media == FORM:
        operation = from_params(url_params + _params(_decode(body, charset), "form body"), method="POST")
        if operation.kind == "service":
            raise _bad("a form POST must carry a query= or an update= parameter")
        return operation
    if media in (QUERY, UPDATE):
        return _direct("query" if media == QUERY else "update", _decode(body, charset), url_params)
    shown = media or "no Content-Type"
    raise _bad(f"cannot read a POST with {shown}; send {FORM}, {QUERY} or {UPDATE}",
               "unsupported_media_type", 415)


def endpoint_url(request: Request) -> str:
    """The endpoint's own URL (the base IRI of queries, and ``sd:endpoint``)."""
    url = request.url
    return f"{url.scheme}://{url.netloc}{url.path}"

