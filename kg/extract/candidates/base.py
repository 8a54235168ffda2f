"""What every finder shares: the Candidate span, literal-word alternations, the text patterns and
the tests of what makes a name proper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicon import Lexicon
from kg.extract.tokens import Words


@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first (stable among equal lengths); cached, so
    each lexicon's patterns are escaped once, and re's own cache keeps them compiled."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


# （以下简称“服贸会”） defines an alias for the name just before it.
ALIAS_DEFINITION = re.compile(r"[（(]\s*(?:以下)?(?:简称|下称)[为：:]?\s*[“\"]?([^”\"）)]{1,20})[”\"]?\s*[）)]")
BOOK_TITLE = re.compile(r"《([^《》\n]{2,80})》")


QUOTED = re.compile(r"[“\"]([^“”\"\n]{1,30})[”\"]")


LATIN = re.compile(r"[A-Za-z]")


DASHES = "-—－–"


BRACKETED = re.compile(r"[（(]([\u4e00-\u9fff]{2,8})[）)]")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    cls: str
    rule: str
    priority: int
    name: str = ""  # completed or canonical name when it differs from the text


def is_proper_name(name: str, start: int, words: Words, lex: Lexicon) -> bool:
    """A name with a proper word in it (unknown or rare to jieba, a name tag, Latin letters)."""
    if LATIN.search(name) or name in lex.gazetteer.names:
        return True
    if name in lex.generic_words:
        return False  # 物联网: jieba's 物|联网 hides a common word
    return any(w.proper and w.text not in lex.generic_words and w.text not in lex.stop_tokens
               for w in words.between(start, start + len(name)))


def quoted_at(text: str, offset: int) -> bool:
    """``offset`` lies inside a pair of quotation marks on its line (“秒变数字人打卡新青岛”)."""
    opened = max(text.rfind("“", 0, offset), text.rfind("\n", 0, offset))
    return opened >= 0 and text[opened] == "“" and "”" not in text[opened:offset]


def places_in(body: str, lex: Lexicon) -> list[str]:
    gaz = lex.gazetteer
    return [body[i:i + n] for i in range(len(body)) for n in gaz.lengths
            if n >= 2 and body[i:i + n] in gaz.names and gaz.names[body[i:i + n]][1] in
            ("City", "Province", "Country", "District", "Place")]
