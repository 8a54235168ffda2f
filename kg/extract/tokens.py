"""jieba words with offsets and part-of-speech flags, and what they tell about names."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import jieba
import jieba.posseg

# Flags of words that can open a clause but not a name: verbs, adverbs, prepositions, conjunctions,
# pronouns, particles, numerals, measure and time words.
NON_NAME_FLAGS = frozenset({"v", "vd", "d", "p", "c", "r", "u", "ud", "uj", "ul", "uv", "uz", "ug", "m", "q",
                            "t", "f", "ad", "y", "e", "o", "zg"})
# Flags of words that end a clause even inside a run of name-like words (青岛以…: 以): prepositions,
# conjunctions, pronouns and particles. Not adverbs or time words: jieba tags 共同, 互动 and 青年 so.
INNER_BREAK_FLAGS = frozenset({"p", "c", "r", "u", "ud", "uj", "ul", "uv", "uz", "ug"})
PROPER_FLAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng"})
RARE = 1  # only words jieba does not know (or names it tags) count as proper


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    flag: str

    @property
    def proper(self) -> bool:
        """Part of a proper name: unknown to jieba, rare, a name flag, or Latin letters."""
        if len(self.text) < 2:
            return False
        freq = jieba.dt.FREQ.get(self.text)
        return freq is None or freq < RARE or self.flag in PROPER_FLAGS


class Words:
    """The words of a text, searchable by offset."""

    def __init__(self, text: str) -> None:
        self.words: list[Word] = []
        pos = 0
        for pair in jieba.posseg.cut(text):
            self.words.append(Word(pos, pos + len(pair.word), pair.word, pair.flag))
            pos += len(pair.word)
        self.starts = [w.start for w in self.words]
        self.start_set = set(self.starts) | {len(text)}

    def between(self, start: int, end: int) -> list[Word]:
        """Words lying wholly inside [start, end)."""
        i = bisect_left(self.starts, start)
        j = bisect_right(self.starts, end)
        return [w for w in self.words[i:j] if w.end <= end]

    def aligned(self, start: int, end: int) -> bool:
        """[start, end) begins and ends at word boundaries."""
        return start in self.start_set and end in self.start_set

    def at(self, offset: int) -> Word | None:
        i = bisect_right(self.starts, offset) - 1
        return self.words[i] if i >= 0 else None
