"""Which queries may make the service reach another host: SERVICE, LOAD and remote FROM.

pyoxigraph opens an HTTP connection for ``SERVICE <http://…>`` and ``LOAD <http://…>`` and has no
switch to stop it, so every query and update is checked here before it reaches the store. When
the text mentions ``service`` or ``load`` at all, it is parsed with rdflib's SPARQL grammar and
every SERVICE and LOAD target is resolved (prefixes, BASE, the endpoint's base IRI); each must be
an http(s) IRI on a host the operator allowed. A variable as SERVICE target is refused (it could
name any host), and so is a text that mentions them but that rdflib cannot parse: the service
never runs what it could not check. (Worker processes also run without a network when no host is
allowed, see :mod:`api.sandbox`; this check is what gives the client a clear answer.)

>>> Policy(frozenset()).check("SELECT * { ?s ?p ?o }", update=False, base_iri="http://localhost/sparql")
>>> Policy(frozenset()).check("SELECT * { SERVICE <http://example.org/> { ?s ?p ?o } }",
...                           update=False, base_iri=None)  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
...
api.policy.Refused: SERVICE <http://example.org/> is not allowed: ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from rdflib.term import URIRef, Variable

_MENTIONS = {False: re.compile(r"(?i)service"), True: re.compile(r"(?i)service|load")}


class Refused(Exception):
    """A query the policy does not run; ``status`` says how to answer (400 unparsable, 403 refused)."""

    def __init__(self, message: str, status: int = 403, code: str = "outbound_refused") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


@dataclass(frozen=True)
class Target:
    keyword: str            # SERVICE or LOAD
    written: str            # as the query wrote it
    candidates: tuple[str, ...]  # absolute IRIs it may resolve to (empty for a variable)


@dataclass(frozen=True)
class Policy:
    """The hosts SERVICE, LOAD and remote FROM may reach (``KG_ALLOWED_HOSTS``)."""

    allowed_hosts: frozenset[str]
    prefixes: Mapping[str, str] | None = None

    def allows(self, iri: str) -> bool:
        parts = urlsplit(iri)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return False
        host = parts.hostname.lower()
        return host in self.allowed_hosts or (parts.port is not None and f"{host}:{parts.port}" in self.allowed_hosts)

    def refusal(self, keyword: str, written: str, iri: str | None) -> Refused:
        allowed = ", ".join(sorted(self.allowed_hosts)) or "none"
        host = urlsplit(iri).hostname if iri else None
        why = f"this service does not connect to {host}" if host else "its target is not a fixed http(s) IRI"
        return Refused(f"{keyword} {written} is not allowed: {why} (allowed hosts: {allowed})")

    def check(self, text: str, *, update: bool, base_iri: str | None) -> None:
        """Raise :class:`Refused` unless every SERVICE/LOAD target is on an allowed host."""
        if not _MENTIONS[update].search(text):
            return  # neither keyword can occur: nothing to parse
        for target in outbound_targets(text, update=update, base_iri=base_iri, prefixes=self.prefixes or {}):
            bad = [iri for iri in target.candidates if not self.allows(iri)]
            if not target.candidates or bad:
                raise self.refusal(target.keyword, target.written, bad[0] if bad else None)


def outbound_targets(text: str, *, update: bool, base_iri: str | None,
                     prefixes: Mapping[str, str]) -> list[Target]:
    """Every SERVICE and LOAD target of a query or update, as rdflib's grammar reads it."""
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate  # slow import: only when needed

    try:
        tree = parseUpdate(text) if update else parseQuery(text)
    except Exception as exc:  # pyparsing raises several types; all mean "cannot check"
        message = " ".join(str(exc).split())[:300]
        raise Refused(f"cannot check a query that mentions SERVICE or LOAD: {message}", 400, "malformed_query") from exc
    nodes = list(_walk(tree))
    declared = _declarations(nodes, prefixes)
    bases = [str(n["iri"]) for n in nodes if n.name == "Base"] + ([base_iri] if base_iri else [])
    found: list[Target] = []
    for node in nodes:
        if node.name == "ServiceGraphPattern":
            found.append(_target("SERVICE", node.get("term"), declared, bases))
        elif node.name == "Load":
            found.append(_target("LOAD", node.get("iri"), declared, bases))
    return found


def _walk(node: object) -> Iterator[Any]:  # yields rdflib CompValue nodes
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple)) or hasattr(node, "asList"):
        for value in node:  # type: ignore[attr-defined]
            yield from _walk(value)


def _declarations(nodes: Iterable[Any], defaults: Mapping[str, str]) -> dict[str, set[str]]:
    """prefix -> every IRI it is declared as anywhere (an update may redeclare one)."""
    declared: dict[str, set[str]] = {k: {v} for k, v in defaults.items()}
    for node in nodes:
        if node.name == "PrefixDecl":
            declared.setdefault(str(node.get("prefix") or ""), set()).add(str(node["iri"]))
    return declared


def _target(keyword: str, term: object, declared: Mapping[str, set[str]], bases: list[str]) -> Target:
    if isinstance(term, Variable):
        return Target(keyword, f"?{term}", ())
    if isinstance(term, URIRef):
        iri = str(term)
        absolute = bool(urlsplit(iri).scheme)
        return Target(keyword, f"<{iri}>", (iri,) if absolute else tuple(urljoin(b, iri) for b in bases))
    name = getattr(term, "name", "")
    if name == "pname":
        prefix, local = str(term.get("prefix") or ""), str(term.get("localname") or "")  # type: ignore[attr-defined]
        return Target(keyword, f"{prefix}:{local}", tuple(ns + local for ns in sorted(declared.get(prefix, ()))))
    return Target(keyword, str(term), ())
