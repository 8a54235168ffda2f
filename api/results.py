"""Serialisers for query answers, written here so that a row cap can cut a result short.

pyoxigraph serialises only whole results; the service stops at ``max_rows`` rows and says so,
so it writes the SPARQL 1.1 result formats (JSON, XML, CSV, TSV) itself from the rows it kept.
Graphs (CONSTRUCT, DESCRIBE) go through pyoxigraph's RDF serialisers.

>>> import pyoxigraph as ox
>>> write_solutions(["s"], [[ox.NamedNode("http://x/a")]], "tsv")
b'?s\\n<http://x/a>\\n'
>>> write_boolean(True, "json")
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
Term = Any  # a pyoxigraph NamedNode, BlankNode, Literal or Triple

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD, "n3": ox.RdfFormat.N3, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
}


# ---------------------------------------------------------------- JSON
def _json_term(term: Term) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {k: _json_term(v) for k, v in parts.items()}}
    raise TypeError(f"unexpected term {term!r}")


def _json(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------- XML
def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f" xml:lang={quoteattr(term.language)}"
        elif term.datatype.value != XSD_STRING:
            attr = f" datatype={quoteattr(term.datatype.value)}"
        else:
            attr = ""
        return f"<literal{attr}>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        return "<triple>" + "".join(f"<{k}>{_xml_term(v)}</{k}>" for k, v in parts) + "</triple>"
    raise TypeError(f"unexpected term {term!r}")


def _xml(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n', f'<sparql xmlns="{RESULTS_NS}"><head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    out.append("</head><results>")
    for row in rows:
        out.append("<result>")
        out += [f"<binding name={quoteattr(v)}>{_xml_term(t)}</binding>"
                for v, t in zip(variables, row) if t is not None]
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode("utf-8")


# ---------------------------------------------------------------- CSV and TSV
def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _csv(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180, as the W3C CSV format asks
    writer.writerow(variables)
    writer.writerows([_csv_value(t) for t in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def _tsv_value(term: Term | None) -> str:
    # N-Triples syntax is valid TSV-results syntax; tabs and newlines must not stay raw.
    text = "" if term is None else str(term)
    return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _tsv(variables: Sequence[str], rows: Iterable[Sequence[Term | None]]) -> bytes:
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join(_tsv_value(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


_SOLUTION_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv}


def write_solutions(variables: Sequence[str], rows: Iterable[Sequence[Term | None]], fmt: str) -> bytes:
    """SELECT results in one of ``json``, ``xml``, ``csv``, ``tsv``."""
    return _SOLUTION_WRITERS[fmt](variables, rows)


def write_boolean(value: bool, fmt: str) -> bytes:
    """ASK results; CSV and TSV (not defined by the W3C) as a one-cell table, as Jena does."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}, separators=(",", ":")).encode()
    if fmt == "xml":
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="{RESULTS_NS}"><head/>'
                f"<boolean>{word}</boolean></sparql>\n").encode()
    return f"_askResult\r\n{word}\r\n".encode() if fmt == "csv" else f"?_askResult\n{word}\n".encode()


def write_triples(triples: Iterable[Any], fmt: str, prefixes: Mapping[str, str] | None = None) -> bytes:
    """Triples (CONSTRUCT, DESCRIBE) in an RDF format; quad formats put them in the default graph."""
    rdf = RDF_FORMATS[fmt]
    items: list[Any] = list(triples)
    if rdf in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        items = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in items]
    with_prefixes = rdf in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N3, ox.RdfFormat.RDF_XML)
    data = ox.serialize(items, format=rdf, prefixes=dict(prefixes or {}) if with_prefixes else None)
    assert data is not None  # no output file given: the bytes come back
    return data
