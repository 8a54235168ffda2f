"""Names the lexicons know: 《》 titles, gazetteer names, local and central bodies, short fair
names, persons after a title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.candidates.base import BOOK_TITLE, LATIN, Candidate, alternation
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import Words


PERSON_FLAGS = ("nr", "nrfg", "nrt")


def persons_before_titles(text: str, words: Words, lex: Lexicon) -> Iterator[Candidate]:
    """习近平总书记, 王文涛部长: a word jieba tags as a person's name, opening with a surname, right
    before a title that follows names (``titles_after_name``)."""
    for word in words.between(0, len(text)):
        if (word.flag in PERSON_FLAGS and 2 <= len(word.text) <= 3 and word.text[0] in lex.surnames
                and text.startswith(lex.titles_after_name, word.end)):
            yield Candidate(word.start, word.end, "Person", "person", 60)


def book_titles(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """《…》 titles of policy documents (the marks are not part of the name); titles of works
    (dramas, games) have none of the policy-title words and are left out."""
    for m in BOOK_TITLE.finditer(text):
        if any(word in m.group(1) for word in lex.policy_title_words):
            yield Candidate(m.start(1), m.end(1), "PolicyDocument", "book-title", 100)
        else:  # still blocks the names inside it
            yield Candidate(m.start(1), m.end(1), "", "work-title", 100)


def gazetteer(text: str, lex: Lexicon, words: Words | None = None) -> Iterator[Candidate]:
    """Known names (places, ministries, organisations, fairs), longest match at each position. A
    two-character name must stand as a word of its own (企业和平台 holds no 和平, 真金白银 no 白银)."""
    gaz = lex.gazetteer
    i = 0
    while i < len(text):
        for n in gaz.lengths:
            hit = gaz.names.get(text[i:i + n])
            if hit and n <= 2 and words is not None and not words.aligned(i, i + n):
                continue
            if hit and not _inside_latin_word(text, i, i + n):
                canonical, cls = hit
                yield Candidate(i, i + n, cls, "gazetteer", 80, canonical)
                i += n - 1
                break
        i += 1


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return bool(LATIN.match(text[start])) and (before.isalnum() and before.isascii() or after.isalnum() and after.isascii())


def place_bodies(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """青岛市政府, 山东省商务厅: a known place and a local body, named in full (青岛市人民政府)."""
    gaz = lex.gazetteer
    places = _admin_places(lex)
    if not places or not lex.local_bodies:
        return
    pattern = re.compile("(" + alternation(places) + ")(" + alternation(tuple(lex.local_bodies)) + ")")
    for m in pattern.finditer(text):
        full_place = gaz.names[m.group(1)][0]
        body = lex.body_expansions.get(m.group(2), m.group(2))
        cls = lex.local_body_classes.get(m.group(2), "GovernmentBody")  # 杭州市贸促会 is an organisation
        yield Candidate(m.start(), m.end(), cls, "place-body", 85, full_place + body)


@lru_cache(maxsize=4)
def _central_bodies(lex: Lexicon) -> tuple[str, ...]:
    return tuple(n for n, (_, cls) in lex.gazetteer.names.items() if cls == "GovernmentBody" and len(n) >= 2)


@lru_cache(maxsize=4)
def _admin_places(lex: Lexicon) -> tuple[str, ...]:
    return tuple(n for n, (_, cls) in lex.gazetteer.names.items() if cls in ("City", "Province", "District") and len(n) >= 2)


def branch_offices(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """国家统计局杭州调查队, 人行浙江省分行: a central body, a place and a branch word."""
    central = _central_bodies(lex)
    if not central or not lex.branch_words:
        return
    pattern = re.compile("(" + alternation(central) + ")(" + alternation(_admin_places(lex)) + ")("
                         + alternation(lex.branch_words) + ")")
    for m in pattern.finditer(text):
        owner = lex.gazetteer.names[m.group(1)][0]
        yield Candidate(m.start(), m.end(), "GovernmentBody", "place-body", 86, owner + m.group(2) + m.group(3))


def departments(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """商务部服务贸易和商贸服务业司, 商务部外资司: a central body and one of its departments."""
    central = _central_bodies(lex)
    if not central or not lex.department_suffixes:
        return
    # (?<!公): …公司 is a company, never a department
    pattern = re.compile("(" + alternation(central) + r")([\u4e00-\u9fff]{2,14}?)(?<!公)(" + alternation(lex.department_suffixes) + ")")
    for m in pattern.finditer(text):
        if any(c in lex.stop_chars for c in m.group(2)):
            continue
        yield Candidate(m.start(), m.end(), "GovernmentBody", "place-body", 86, m.group())


def relative_bodies(text: str, lex: Lexicon, place: dict[str, str]) -> Iterator[Candidate]:
    """市商务局, 省商务厅, 市政府: local bodies named relative to the document's city or province."""
    if not lex.local_bodies:
        return
    prefixes = "".join(lex.relative_prefixes)
    # No look-behind: 青岛市商务局 is found whole by place_bodies, which is longer and wins.
    pattern = re.compile(f"([{prefixes}])(" + alternation(tuple(lex.local_bodies)) + ")")
    for m in pattern.finditer(text):
        level = lex.relative_prefixes[m.group(1)]
        owner = place.get(level)
        if not owner:
            continue
        body = lex.body_expansions.get(m.group(2), m.group(2))
        cls = lex.local_body_classes.get(m.group(2), "GovernmentBody")  # 市贸促会 is an organisation too
        yield Candidate(m.start(), m.end(), cls, "relative-body", 90, owner + body)


def abbreviated_events(text: str, words: Words, lex: Lexicon) -> Iterator[Candidate]:
    """电博会, 渔博会: one character and an abbreviated fair suffix (a known name of the same span,
    such as 文博会, wins by its priority)."""
    if not lex.event_abbreviations:
        return
    pattern = re.compile(r"(?=([\u4e00-\u9fff](?:" + alternation(lex.event_abbreviations) + ")))")
    for m in pattern.finditer(text):
        start, end = m.start(1), m.end(1)
        if text[start] not in lex.stop_tokens:
            yield Candidate(start, end, "Event", "abbreviation", 45)


def persons(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """A person named right after a title: 局长李苏满."""
    if not lex.person_titles:
        return
    pattern = re.compile("(?:" + alternation(tuple(lex.person_titles)) + r")([\u4e00-\u9fff]{2,3})")
    # 副主席本通·西萨瓦: a transliterated name (parts joined by ·) after a title, whatever its first character
    followers = re.escape(lex.name_followers + lex.foreign_name_followers)
    foreign = re.compile("(?:" + alternation(tuple(lex.person_titles)) + r")([\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6}?)+)"
                         f"(?=[{followers}])")
    for m in foreign.finditer(text):
        yield Candidate(m.start(1), m.end(1), "Person", "person", 60)
    if lex.speech_followers:
        # 总经理其木格告诉记者, 局长巴图孟和在接受采访时说: a name without a common surname, then speech
        speaker = re.compile("(?:" + alternation(tuple(lex.person_titles)) + r")([\u4e00-\u9fff]{2,4}?)(?="
                             + alternation(lex.speech_followers) + ")")
        for m in speaker.finditer(text):
            if m.group(1)[0] not in lex.surnames and not any(c in lex.stop_chars for c in m.group(1)):
                yield Candidate(m.start(1), m.end(1), "Person", "person", 60)
    for m in pattern.finditer(text):
        name = m.group(1)
        if name[0] not in lex.surnames:
            continue
        end = m.start(1) + len(name)
        if len(name) == 3 and text[end - 1] in lex.name_followers:
            end -= 1
        yield Candidate(m.start(1), end, "Person", "person", 60)
