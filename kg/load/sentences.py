"""Split text into sentences with character offsets (。！？；, line breaks, closing quotes kept)."""

from __future__ import annotations

import re

from kg.model import Sentence

# A sentence ends at 。！？；!? (with any closing quotes/brackets after it) or at a line break.
_END = re.compile(r"[。！？；!?]+[”’」』）)]*|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact offsets into ``text``; blank stretches are skipped.

    >>> [s.text for s in split_sentences("青岛获批。商务部印发方案！")]
    ['青岛获批。', '商务部印发方案！']
    """
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _add(sentences, text, start, match.end())
        start = match.end()
    _add(sentences, text, start, len(text))
    return sentences


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))
