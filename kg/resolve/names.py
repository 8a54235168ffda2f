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
    """Shorter keys the same entity may go by (legal form dropped, 青岛市 -> 青岛)."""
    key = normalise(name)
    # every matching ending: 青岛海检集团有限公司 -> 青岛海检 (集团有限公司) and 青岛海检集团 (有限公司)
    from kg.extract.lexicon import load_lexicon  # the legal forms are extraction knowledge (data)

    forms = load_lexicon().legal_forms
    return [key[: -len(ending)] for ending in forms if key.endswith(ending) and len(key) - len(ending) >= 2]
