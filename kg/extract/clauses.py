"""Where sentences and clauses start, which mentions fit a rule's roles, and enumerations: the
text geometry the relation rules and the discourse model share."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kg.extract.candidates.base import ALIAS_DEFINITION
from kg.extract.lexicon import load_lexicon
from kg.model import Mention
from kg.vocab import KG, superclasses

CLAUSE_BREAK = re.compile(r"[，,；;。：:！？]")
LIST_BEFORE_DENG = re.compile(r"(?:、[\u4e00-\u9fffA-Za-z0-9]{1,8})*等(?:[0-9]+|[一二三四五六七八九十百两]+)?余?[\u4e00-\u9fff]{0,3}")


@lru_cache(maxsize=64)
def class_names(cls: str) -> frozenset[str]:
    """A class's local name and those of all its superclasses."""
    return frozenset(str(c).rsplit("#", 1)[-1] for c in superclasses(KG[cls]))


def allowed(m: Mention, classes: list[str]) -> bool:
    return bool(class_names(m.cls) & set(classes))


def fits(m: Mention, rule: dict[str, Any], role: str) -> bool:
    """The mention may fill the rule's subject or object: a class allowed and none excluded."""
    return allowed(m, rule[role]) and not allowed(m, rule.get(role + "_not", []))


@lru_cache(maxsize=4)
def _glue(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("^(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r"|\s)*$")


def _respectively(pairs: list[tuple[Mention, Mention]]) -> list[tuple[Mention, Mention]]:
    """A和B分别…X和Y: the n-th subject with the n-th object, when the counts agree."""
    subjects = sorted({s.start: s for s, _ in pairs}.values(), key=lambda m: m.start)
    objects = sorted({o.start: o for _, o in pairs}.values(), key=lambda m: m.start)
    if len(subjects) != len(objects) or len(subjects) < 2:
        return pairs
    return list(zip(subjects, objects))


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(end, 0, at) for end in SENTENCE_ENDS) + 1


SENTENCE_ENDS = ("。", "\n", "？", "！")


def _window_start(text: str, t0: int, gap: int) -> int:
    """Where a look-back of ``gap`` characters from a trigger starts, never before its sentence."""
    return max(0, t0 - gap, _sentence_start(text, t0))


def _clause_start(text: str, t0: int, gap: int) -> int:
    """The start of the trigger's clause, looking back at most ``gap`` characters within its sentence."""
    start = _window_start(text, t0, gap)
    return max((m.end() for m in CLAUSE_BREAK.finditer(text, start, t0)), default=start)


def _distance(text: str, start: int, end: int) -> int:
    """Characters between two offsets, not counting alias definitions (A（以下简称“a”）均入驻…)."""
    return len(ALIAS_DEFINITION.sub("", text[start:end]))


def group(mentions: list[Mention], anchor: Mention, text: str, glue: re.Pattern[str] | None = None) -> list[Mention]:
    """The anchor and its enumeration neighbours (A、B和C), joined by the lexicon's glue words."""
    glue = glue or _glue(load_lexicon().enumeration_glue)
    i = mentions.index(anchor)
    members = [anchor]
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(mentions):
            a, b = sorted((mentions[j], mentions[j + step]), key=lambda m: m.start)
            between = ALIAS_DEFINITION.sub("", text[a.end:b.start])  # A（以下简称“a”）和B: the aside is no break
            if not glue.match(between) or len(between) > 4:
                break
            j += step
            members.append(mentions[j])
    return sorted({m.start: m for m in members}.values(), key=lambda m: m.start)


def nearest_before(rule: dict[str, Any], text: str, mentions: list[Mention], t0: int, role: str) -> Mention | None:
    """The mention of the role nearest before the trigger, within the rule's gap (and clause)."""
    near = [m for m in mentions if m.end <= t0 and _distance(text, m.end, t0) <= rule["gap"]
            and fits(m, rule, role)]
    if rule.get("same_clause"):  # 8个案例入选…: no subject across a comma
        near = [m for m in near if not CLAUSE_BREAK.search(text[m.end:t0])]
    return near[-1] if near else None


def nearest_after(rule: dict[str, Any], mentions: list[Mention], t1: int, role: str, text: str = "") -> Mention | None:
    """The mention of the role nearest after the trigger, within the rule's gap (and clause)."""
    near = [m for m in mentions if m.start >= t1 and m.start - t1 <= rule["gap"]
            and fits(m, rule, role)]
    if rule.get("same_clause") and text:  # 入选X，…构建起Y: Y is no longer what was entered
        near = [m for m in near if not CLAUSE_BREAK.search(text[t1:m.start])]
    return near[0] if near else None
