"""Relations a name or a list states by its structure: 中国（山东）自由贸易试验区青岛片区 is part of
中国（山东）自由贸易试验区. The evidence is the sentence naming it.

A place at the head of a name (青岛国际创新园) is not turned into locatedIn: measured against the
gold set, readers do not record it, and it made most locatedIn relations false positives."""

from __future__ import annotations

import re

from kg.extract.entities import TITLE_CLASSES, member_gap
from kg.extract.lexicon import Lexicon
from kg.extract.relations import group
from kg.model import Mention, RelationMention

SITE_CLASSES = ("Zone", "Base", "Park")


def nested_relations(mentions: list[Mention], lex: Lexicon, text: str = "", defined: list[tuple[str, str]] | None = None
                     ) -> tuple[list[Mention], list[RelationMention], list[tuple[str, str]]]:
    """Inner names found inside site names, the partOf / locatedIn relations they give, and the
    short names of events named after their fair ((alias, full name) pairs)."""
    zone_suffix = re.compile("|".join(map(re.escape, sorted(lex.suffixes.get("Zone", []), key=len, reverse=True))))
    extra: list[Mention] = []
    relations: list[RelationMention] = []
    # A container named only inside the part's own name (博鳌亚洲论坛全球健康论坛大会) is no entity of the
    # text: the part is recorded in it only when the text also names the container on its own.
    named = {m.key for m in mentions}
    for m in mentions:
        if m.cls not in SITE_CLASSES or m.rule in ("context", "alias"):
            continue
        inner = _inner_zone(m, zone_suffix)
        if inner is not None and inner.key in named:
            extra.append(inner)
            relations.append(RelationMention(m, "partOf", inner, m.sentence, m.text))  # the name is the trigger
    relations += _owned(mentions)
    aliases: list[tuple[str, str]] = []
    events = {e.text: e for e in mentions if e.cls == "Event"}
    by_key = {e.key: e for e in events.values()}
    events |= {alias: by_key[full] for alias, full in defined or [] if full in by_key and alias not in events}
    for m in mentions:
        # the text's own name first: its 西洽会 may not be the lexicon's 西洽会
        parent = next((p for p in (_fair_prefix(m, events), _parent_event(m, lex)) if p and p.key in named), None)
        if parent is not None:
            extra.append(parent)
            relations.append(RelationMention(m, "partOf", parent, m.sentence, m.text))
            rest = m.text[parent.end - m.start:]
            if rest.startswith("“") and len(rest) >= 6:  # 西洽会“渝见世界”…推介会 is also “渝见世界”…推介会
                aliases.append((rest, m.key))
    relations += _members_of_title(mentions, text, lex)
    relations += _compound_parts(mentions, relations, lex)
    return extra, relations, aliases


# What a compound name's head may be part of: a site within a site, a unit within a body.
PART_OF_HEAD = {"Zone": ("Zone", "Park"), "Park": ("Zone", "Park"), "Base": ("Zone", "Park"),
                "Organization": ("Organization", "GovernmentBody", "Enterprise"),
                "GovernmentBody": ("GovernmentBody",)}


def _compound_parts(mentions: list[Mention], found: list[RelationMention], lex: Lexicon) -> list[RelationMention]:
    """苏州工业园区综合保税区, 生态城影视产业园, 南京江北新区研创园: a name that opens (after its city) with
    the name of another entity the text names on its own is a part of it."""
    heads = {m.text: m for m in mentions if m.rule not in ("nested",)}
    stated = {(r.subject.key, r.object.key) for r in found if r.predicate == "partOf"}
    out, seen = [], set()
    for m in mentions:
        containers = PART_OF_HEAD.get(m.cls)
        if not containers or m.key in seen:
            continue
        head = next((heads[name[:n]] for name in (m.text, _without_city(m.text, lex))
                     for n in range(len(name) - 2, 1, -1) if name[:n] in heads), None)
        if head is None or head.key == m.key or head.cls not in containers or (m.key, head.key) in stated:
            continue
        seen.add(m.key)
        out.append(RelationMention(m, "partOf", head, m.sentence, m.text))
    return out




def _members_of_title(mentions: list[Mention], text: str, lex: Lexicon) -> list[RelationMention]:
    """太原、西安、兰州等国家物流枢纽城市: the members listed before 等 hold the title after it."""
    out = []
    gap = member_gap(lex)
    for prev, title in zip(mentions, mentions[1:]):
        if title.cls not in TITLE_CLASSES or prev.sentence != title.sentence:
            continue
        if not gap.match(text[prev.end:title.start]):
            continue
        for member in group(mentions, prev, text):
            if member.cls not in TITLE_CLASSES:
                out.append(RelationMention(member, "designatedAs", title, title.sentence, "等"))
    return out


OWNERS = ("Enterprise", "Organization")
OWNED = ("Platform", "Project", "Base")
ISSUERS = ("GovernmentBody",)
ISSUED = ("Programme",)


def _owned(mentions: list[Mention]) -> list[RelationMention]:
    """中储京科“货兑宝”平台, 青岛出版集团的“汉字千年”…巡展: an owner right before its quoted platform
    runs it; 商务部“千帆出海”计划: a body right before its quoted programme issued it."""
    out = []
    for a, b in zip(mentions, mentions[1:]):
        gap = b.start - a.end
        if not (b.text.startswith("“") and gap <= 1 and a.sentence == b.sentence):
            continue
        if a.cls in OWNERS and b.cls in OWNED:
            out.append(RelationMention(a, "operates", b, a.sentence, "的" if gap else b.text))
        elif a.cls in ISSUERS and b.cls in ISSUED:
            out.append(RelationMention(b, "issuedBy", a, a.sentence, "的" if gap else b.text))
    return out


def _without_city(name: str, lex: Lexicon) -> str:
    """南京江北新区研创园 → 江北新区研创园: the name after a city that opens it."""
    return name[len(lex.gazetteer.head_place(name, ("City",))):]


def _parent_event(m: Mention, lex: Lexicon) -> Mention | None:
    """2021服贸会“青岛日”暨招商引资推介会 names its fair: a known event inside an event's name."""
    if m.cls != "Event" or m.rule in ("context", "alias", "gazetteer"):
        return None
    gaz = lex.gazetteer
    for i in range(len(m.text)):
        for n in gaz.lengths:
            surface = m.text[i:i + n]
            canonical, cls = gaz.names.get(surface, ("", ""))
            if cls == "Event" and len(surface) == n and m.key not in (surface, canonical) and n < len(m.key):
                return Mention(m.start + i, m.start + i + n, surface, "Event", m.sentence, "nested", canonical)
    return None


def _fair_prefix(m: Mention, events: dict[str, Mention]) -> Mention | None:
    """西洽会“渝见世界”重庆服务贸易专场推介会: an event whose name opens (after its year) with the name
    the text gives another event is one of that event's own events."""
    if m.cls != "Event" or m.rule in ("context", "alias"):
        return None
    lead = len(YEAR_LEAD.match(m.text).group())  # type: ignore[union-attr]
    for n in range(len(m.text) - 4, 1, -1):
        parent = events.get(m.text[lead:lead + n])
        if parent is not None and parent.key != m.key:
            start = m.start + lead
            return Mention(start, start + n, m.text[lead:lead + n], "Event", m.sentence, "nested", parent.key)
    return None


YEAR_LEAD = re.compile(r"(?:\d{4}年?)?")


def _inner_zone(m: Mention, zone_suffix: re.Pattern[str]) -> Mention | None:
    for hit in zone_suffix.finditer(m.text):
        if 4 <= hit.end() <= len(m.text) - 2:
            return Mention(m.start, m.start + hit.end(), m.text[:hit.end()], "Zone", m.sentence, "nested")
    return None
