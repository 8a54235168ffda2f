"""Named SPARQL queries: the ``queries/*.rq`` files, their header, and running them with parameters.

A file starts with comment lines that describe it (see ``queries/README.md``)::

    # title: 某类实体
    # description: Entities of one class, with their Chinese labels.
    # param: cls class Zone the class to list (a local name of the ontology)
    # param: year literal - a year, e.g. "2025"^^xsd:gYear (any when omitted)
    SELECT ?entity ?label ?cls ?year WHERE { ... }

A default of ``-`` means none: the variable stays unbound when the caller omits it. Parameters
are bound as RDF terms (never pasted into the text), so a value cannot change the query. A
parameter must be a variable the query returns: pyoxigraph binds only returned variables.

>>> q = parse_query("demo", "# title: Demo\\n# param: n integer 5 how many\\nSELECT ?n WHERE {}")
>>> q.title, [p.name for p in q.params]
('Demo', ['n'])
>>> q.bind({}, instance_ns="http://x/id/", ontology_ns="http://x/o#")["n"]
rdflib.term.Literal('5', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import NamespaceManager
from rdflib.term import Node
from rdflib.util import from_n3

NO_DEFAULT = "-"  # the variable stays unbound when the caller gives no value
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^<>\"{}|^`\\\x00-\x20]*$")
_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*)$", re.IGNORECASE)


class QueryError(ValueError):
    """A named query or a parameter value is wrong; the message says what to change."""


def _iri(value: str) -> URIRef:
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if not _IRI.match(value):
        raise QueryError(f"{value!r} is not an absolute IRI")
    return URIRef(value)


def _typed(datatype: URIRef, check: Callable[[str], Any]) -> Callable[[str, str, str], Node]:
    def convert(value: str, _instance_ns: str, _ontology_ns: str) -> Node:
        try:
            check(value)
        except (ValueError, InvalidOperation) as exc:
            raise QueryError(f"{value!r} is not a valid {datatype.split('#')[-1]}") from exc
        return Literal(value, datatype=datatype)
    return convert


def _boolean(value: str) -> None:
    if value not in ("true", "false", "1", "0"):
        raise ValueError(value)


def _year(value: str) -> None:
    if not re.fullmatch(r"-?\d{4,}", value):
        raise ValueError(value)


def _date(value: str) -> None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)


def _literal(value: str, _instance_ns: str, _ontology_ns: str) -> Node:
    """A literal in Turtle syntax (``"2025"^^xsd:gYear``, ``"青岛"@zh``), or plain text as a string."""
    if not value.startswith('"'):
        return Literal(value)
    manager = NamespaceManager(Graph(bind_namespaces="core"))
    try:
        term = from_n3(value, nsm=manager)
    except Exception as exc:  # rdflib raises several types for a malformed term
        raise QueryError(f"{value!r} is not a literal in Turtle syntax: {exc}") from exc
    if not isinstance(term, Literal):
        raise QueryError(f"{value!r} is not a literal")
    return term


# type name -> converter(value, instance_ns, ontology_ns)
CONVERTERS: dict[str, Callable[[str, str, str], Node]] = {
    "iri": lambda v, _i, _o: _iri(v),
    "literal": _literal,
    "entity": lambda v, i, _o: _iri(v) if ":" in v else _iri(f"{i}entity/{v}"),
    "class": lambda v, _i, o: _iri(v) if ":" in v else _iri(f"{o}{v}"),
    "string": lambda v, _i, _o: Literal(v),
    "integer": _typed(XSD.integer, int),
    "decimal": _typed(XSD.decimal, Decimal),
    "boolean": _typed(XSD.boolean, _boolean),
    "gYear": _typed(XSD.gYear, _year),
    "date": _typed(XSD.date, _date),
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # None: unbound unless the caller gives a value
    description: str

    def term(self, value: str, instance_ns: str, ontology_ns: str) -> Node:
        """The RDF term for a value; ``string@zh`` gives a language-tagged literal."""
        kind, _, lang = self.type.partition("@")
        if kind == "string" and lang:
            return Literal(value, lang=lang)
        return CONVERTERS[kind](value, instance_ns, ontology_ns)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str

    def bind(self, values: Mapping[str, str], *, instance_ns: str, ontology_ns: str) -> dict[str, Node]:
        """RDF terms for the given values and the defaults; unknown parameters raise."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise QueryError(f"unknown parameter(s) {', '.join(unknown)}; {self.name} takes: "
                             f"{', '.join(known) or 'none'}")
        bound: dict[str, Node] = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is not None:
                bound[param.name] = param.term(value, instance_ns, ontology_ns)
        returned = returned_variables(self.text)
        missing = sorted(set(bound) - returned) if returned is not None else []
        if missing:
            raise QueryError(f"{self.name} cannot bind {', '.join('?' + m for m in missing)}: the query does "
                             "not return it (pyoxigraph binds only variables of the SELECT clause)")
        return bound


def _param(line: str, query: str) -> Param:
    parts = line.split(maxsplit=3)
    if len(parts) < 3:
        raise QueryError(f"{query}: '# param: {line}' needs at least: name type default")
    name, kind, default = parts[:3]
    if not _NAME.match(name):
        raise QueryError(f"{query}: parameter name {name!r} must be a SPARQL variable name")
    if kind.partition("@")[0] not in CONVERTERS:
        raise QueryError(f"{query}: parameter {name} has unknown type {kind!r}; use one of {', '.join(CONVERTERS)}")
    return Param(name, kind, None if default == NO_DEFAULT else default, parts[3] if len(parts) > 3 else "")


def parse_query(name: str, text: str) -> NamedQuery:
    """A named query from the text of its ``.rq`` file."""
    fields: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break  # the header ends at the first line of SPARQL
        match = _HEADER.match(stripped)
        if match:
            fields[match.group(1).lower()].append(match.group(2).strip())
    params = tuple(_param(line, name) for line in fields["param"])
    for param in params:
        if not re.search(rf"[?$]{param.name}\b", text):
            raise QueryError(f"{name}: parameter {param.name} is not a variable of the query")
    title = " ".join(fields["title"]) or name
    return NamedQuery(name, title, " ".join(fields["description"]), params, text)


def returned_variables(text: str) -> set[str] | None:
    """The variables a SELECT returns (None for ``SELECT *`` or a text that is not a SELECT).

    Read from the first SELECT clause: variables outside parentheses and those after ``AS``.
    Good enough for the project's own files, which are trusted text.
    """
    body = re.sub(r"(?m)^\s*#.*$", "", text)
    match = re.search(r"(?is)\bSELECT\b(.*?)(?:\bWHERE\b|\{)", body)
    if match is None or re.match(r"(?is)\s*(DISTINCT|REDUCED)?\s*\*", match.group(1)):
        return None
    names, depth, after_as = set(), 0, False
    for token in re.findall(r"\(|\)|[?$]\w+|\w+", match.group(1)):
        if token in "()":
            depth += 1 if token == "(" else -1
        elif token[0] in "?$" and (depth == 0 or after_as):
            names.add(token[1:])
        after_as = token.upper() == "AS"
    return names


def load_queries(directory: Path) -> dict[str, NamedQuery]:
    """Every ``*.rq`` file of a folder, by file name without the extension, in name order."""
    if not directory.is_dir():
        return {}
    return {path.stem: parse_query(path.stem, path.read_text(encoding="utf-8"))
            for path in sorted(directory.glob("*.rq"))}


def run(store: Any, query: NamedQuery, values: Mapping[str, str], *, instance_ns: str,
        ontology_ns: str) -> list[dict[str, Node]]:
    """Rows of a named query on a :class:`kg.store.GraphStore` (what ``kg query NAME`` prints)."""
    bindings = query.bind(values, instance_ns=instance_ns, ontology_ns=ontology_ns)
    rows: list[dict[str, Node]] = store.select(query.text, bindings)
    return rows
