"""Content negotiation: which serialisation answers a request, from ``Accept`` and format hints.

SPARQL clients send ``Accept``; SPARQLWrapper also sends ``format=``/``output=``/``results=``
parameters, and people type ``?format=csv`` in a browser. A recognised hint wins over ``Accept``
(it is the more specific wish); a hint that does not fit the query form is ignored.

>>> choose(RESULT_FORMATS, "text/csv;q=0.5, application/sparql-results+xml", ()).key
'xml'
>>> choose(GRAPH_FORMATS, "*/*", ("json",)).key
'jsonld'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from api.errors import ApiError


@dataclass(frozen=True)
class Format:
    """A serialisation: its key, the media type answered, and other media types that select it."""

    key: str
    media_type: str
    aliases: tuple[str, ...] = ()

    def matches(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


JSON = Format("json", "application/sparql-results+json", ("application/json",))
XML = Format("xml", "application/sparql-results+xml", ("application/xml", "text/xml"))
CSV = Format("csv", "text/csv")
TSV = Format("tsv", "text/tab-separated-values")
TURTLE = Format("turtle", "text/turtle", ("application/x-turtle", "application/turtle"))
NTRIPLES = Format("ntriples", "application/n-triples", ("text/plain",))
RDFXML = Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"))
JSONLD = Format("jsonld", "application/ld+json", ("application/json",))
N3 = Format("n3", "text/n3", ("text/rdf+n3", "application/n3"))
NQUADS = Format("nquads", "application/n-quads")
TRIG = Format("trig", "application/trig")
HTML = Format("html", "text/html", ("application/xhtml+xml",))

# The first offer of each list is the default for a client that accepts anything.
RESULT_FORMATS: tuple[Format, ...] = (JSON, XML, CSV, TSV)
GRAPH_FORMATS: tuple[Format, ...] = (TURTLE, NTRIPLES, RDFXML, JSONLD, N3, NQUADS, TRIG)
# Pages that people open in a browser as well as read with RDF tools.
RDF_PAGE_FORMATS: tuple[Format, ...] = (TURTLE, HTML, JSONLD, NTRIPLES, RDFXML)

_HINTS: dict[str, tuple[str, ...]] = {
    "json": ("json", "jsonld"), "srj": ("json",), "xml": ("xml", "rdfxml"), "srx": ("xml",),
    "csv": ("csv",), "tsv": ("tsv",), "turtle": ("turtle",), "ttl": ("turtle",), "n3": ("n3",),
    "nt": ("ntriples",), "ntriples": ("ntriples",), "n-triples": ("ntriples",),
    "rdf": ("rdfxml",), "rdf+xml": ("rdfxml",), "rdfxml": ("rdfxml",), "json-ld": ("jsonld",),
    "jsonld": ("jsonld",), "nq": ("nquads",), "nquads": ("nquads",), "n-quads": ("nquads",),
    "trig": ("trig",), "html": ("html",),
}
for _f in (JSON, XML, CSV, TSV, TURTLE, NTRIPLES, RDFXML, JSONLD, N3, NQUADS, TRIG, HTML):
    for _m in _f.matches():
        _HINTS.setdefault(_m, ())
        _HINTS[_m] = (*_HINTS[_m], _f.key)


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    q: float
    position: int

    def specificity(self, media_type: str) -> int:
        """3 exact, 2 ``type/*``, 1 ``*/*``, 0 no match."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 1
        if self.type != kind:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == sub else 0


def parse_accept(header: str | None) -> list[_Range]:
    """The media ranges of an ``Accept`` header; malformed parts are skipped, not fatal."""
    ranges: list[_Range] = []
    for position, part in enumerate((header or "").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(_Range(kind, sub, q, position))
    return ranges


def _score(offer: Format, ranges: Sequence[_Range]) -> tuple[float, int, int]:
    """(q, specificity, -position) of the most specific range that names the offer."""
    best: tuple[int, _Range] | None = None
    for media in offer.matches():
        for r in ranges:
            s = r.specificity(media)
            if s < 3 and media != offer.media_type:
                continue  # an alias counts only when named exactly: the answer carries media_type
            if s and (best is None or s > best[0]):
                best = (s, r)
    if best is None:
        return (0.0, 0, 0)
    return (best[1].q, best[0], -best[1].position)


def from_hints(offers: Sequence[Format], hints: Iterable[str]) -> Format | None:
    """The first offer that a format hint (``json``, ``text/csv`` …) names, if any."""
    keys = {f.key: f for f in offers}
    for hint in hints:
        for key in _HINTS.get(hint.strip().lower(), ()):
            if key in keys:
                return keys[key]
    return None


def choose(offers: Sequence[Format], accept: str | None, hints: Iterable[str] = ()) -> Format:
    """The format to answer with, or a 406 :class:`ApiError` naming what is available."""
    hinted = from_hints(offers, hints)
    if hinted is not None:
        return hinted
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    scored = [(_score(offer, ranges), -i, offer) for i, offer in enumerate(offers)]
    (q, _, _), _, offer = max(scored, key=lambda item: (item[0], item[1]))
    if q <= 0:
        available = ", ".join(f.media_type for f in offers)
        raise ApiError(406, "not_acceptable", f"cannot answer with any type in Accept: {accept!r}; "
                       f"this resource is available as {available}")
    return offer
