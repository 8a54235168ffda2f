"""A small SPARQL lexer: enough to find dataset clauses and to add protocol ``USING`` clauses.

pyoxigraph exposes no parse tree, so the service reads the few things it needs from the tokens:
strings, IRIs and comments are skipped whole, braces are counted, and keywords are only
recognised outside them. (Whether a query may reach the network is decided in
:mod:`api.policy` with a real parser; this lexer only shapes the dataset.)

>>> dataset_clauses("PREFIX g: <http://x/> SELECT * FROM g:a FROM NAMED <http://x/b> { ?s ?p ?o }")
[('http://x/a', False), ('http://x/b', True)]
>>> add_using("INSERT { ?s a <C> } WHERE { ?s ?p ?o }", ["http://g/1"], [])
'INSERT { ?s a <C> } USING <http://g/1> WHERE { ?s ?p ?o }'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urljoin

_LEXER = re.compile(
    r"""
     (?P<ws>\s+)
    |(?P<comment>\#[^\n\r]*)
    |(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$]\w+)
    |(?P<bnode>_:[\w\-.]*)
    |(?P<pname>(?:[^\W\d_][\w\-.]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%\\]))*)
    |(?P<word>[^\W\d_]\w*)
    |(?P<other>.)
    """,
    re.X | re.S,
)
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True)
class Token:
    kind: str   # string, iri, var, bnode, pname, word or other
    text: str
    start: int
    depth: int  # braces open before the token

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of a query or update (whitespace and comments dropped)."""
    depth = 0
    for match in _LEXER.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        value = match.group()
        if value == "}":
            depth = max(depth - 1, 0)
        yield Token(kind, value, match.start(), depth)
        if value == "{":
            depth += 1


def unescape(text: str) -> str:
    """Resolve ``\\uXXXX`` escapes as SPARQL parsers do inside IRIs."""
    return _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _prologue(toks: Sequence[Token], base: str | None,
              prefixes: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    declared = dict(prefixes)
    for i, tok in enumerate(toks[:-1]):
        if tok.depth:
            continue
        if tok.is_word("BASE") and toks[i + 1].kind == "iri":
            base = _iri_value(toks[i + 1].text, base)
        elif tok.is_word("PREFIX") and i + 2 < len(toks) and toks[i + 2].kind == "iri":
            declared[toks[i + 1].text.rstrip(":")] = _iri_value(toks[i + 2].text, base)
    return base, declared


def _iri_value(token: str, base: str | None) -> str:
    value = unescape(token[1:-1])
    return urljoin(base, value) if base else value


def resolve(tok: Token, base: str | None, prefixes: Mapping[str, str]) -> str | None:
    """The absolute IRI an IRI or prefixed-name token stands for (None for anything else)."""
    if tok.kind == "iri":
        return _iri_value(tok.text, base)
    if tok.kind == "pname":
        prefix, _, local = tok.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def dataset_clauses(text: str, base: str | None = None,
                    prefixes: Mapping[str, str] | None = None) -> list[tuple[str, bool]]:
    """``(iri, named)`` for every ``FROM`` / ``FROM NAMED`` clause of a query."""
    toks = list(tokens(text))
    base, declared = _prologue(toks, base, prefixes or {})
    found: list[tuple[str, bool]] = []
    for i, tok in enumerate(toks):
        if tok.depth or not tok.is_word("FROM"):
            continue
        named = i + 1 < len(toks) and toks[i + 1].is_word("NAMED")
        target = toks[i + 2] if named and i + 2 < len(toks) else toks[i + 1] if i + 1 < len(toks) else None
        iri = resolve(target, base, declared) if target else None
        if iri is not None:
            found.append((iri, named))
    return found


def has_dataset_keywords(update: str) -> bool:
    """Whether an update names its own dataset (``WITH`` or ``USING``), which the protocol's
    ``using-graph-uri`` / ``using-named-graph-uri`` may not be combined with."""
    return any(t.depth == 0 and t.is_word("WITH", "USING") for t in tokens(update))


def add_using(update: str, graphs: Sequence[str], named: Sequence[str]) -> str:
    """The update with the protocol's ``USING`` clauses before each ``WHERE`` of a DELETE/INSERT.

    ``DELETE WHERE`` takes no ``USING`` (SPARQL 1.1 Update grammar), so it is left as written.
    """
    clause = " ".join([f"USING <{g}>" for g in graphs] + [f"USING NAMED <{g}>" for g in named])
    if not clause:
        return update
    toks = list(tokens(update))
    cuts = [t.start for i, t in enumerate(toks)
            if t.depth == 0 and t.is_word("WHERE") and not (i and toks[i - 1].is_word("DELETE"))]
    out, last = [], 0
    for cut in cuts:
        out += [update[last:cut], clause, " "]
        last = cut
    return "".join(out) + update[last:]
