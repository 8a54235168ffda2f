"""Name normalisation and the short/full-form rules that link two names of one entity."""

from __future__ import annotations

import re
import unicodedata

QUOTES = re.compile(r"[“”\"'‘’「」『』《》〈〉\s]")


def normalise(name: str) -> str:
    """The matching key of a name: NFKC (full-width brackets and digits folded), no quotes or spaces.

    >>> normalise("“千帆出海”计划") == normalise("千帆出海计划")
    True
    """
    return QUOTES.sub("", unicodedata.normalize("NFKC", name))


def short_forms(name: str) -> list[str]:
    """Shorter keys the same entity may go by: the legal form dropped (青岛海检集团有限公司 -> 青岛海检集团),
    a title's participant word dropped (…试点城市 -> …试点, …500强企业 -> …500强)."""
    key = normalise(name)
    # every matching ending: 青岛海检集团有限公司 -> 青岛海检 (集团有限公司) and 青岛海检集团 (有限公司)
    from kg.extract.lexicon import load_lexicon  # the legal forms are extraction knowledge (data)

    lex = load_lexicon()
    forms = [key[: -len(ending)] for ending in lex.legal_forms if key.endswith(ending) and len(key) - len(ending) >= 2]
    forms += [key[: -len(ending)] + pilot for ending, pilot in lex.participant_endings.items() if key.endswith(ending)]
    return forms
