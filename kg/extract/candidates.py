"""Candidate names in a text, each found by one kind of evidence (a title mark, a known name, a suffix …).

Every finder returns :class:`Candidate` spans with exact offsets; :mod:`kg.extract.entities`
chooses among overlapping ones.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.lexicon import Lexicon
from kg.extract.tokens import INNER_BREAK_FLAGS, NON_NAME_FLAGS, Word, Words

@lru_cache(maxsize=64)
def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first (stable among equal lengths); cached, so
    each lexicon's patterns are escaped once, and re's own cache keeps them compiled."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


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


@lru_cache(maxsize=4)
def suffix_finder(lex: Lexicon) -> "SuffixFinder":
    """The lexicon's suffix finder, built once."""
    return SuffixFinder(lex)


class SuffixFinder:
    """Names that end in a class suffix (…有限公司, …示范区, …平台), extended left over jieba words."""

    MAX_LEN = 32

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        pairs = sorted(((s, c) for c, ss in lex.suffixes.items() for s in ss), key=lambda p: -len(p[0]))
        self.suffix_class: dict[str, str] = {}
        for suffix, cls in pairs:
            self.suffix_class.setdefault(suffix, cls)
        self.pattern = re.compile(alternation(tuple(s for s, _ in pairs)))

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Suffix matches (start, end, suffix). A suffix that starts inside a match and ends after it
        wins: …创新发展试点城市 ends in 试点城市, not in 创新发展试点."""
        for m in self.pattern.finditer(text):
            end, suffix = m.end(), m.group()
            for k in range(m.start() + 1, m.end()):
                longer = self.pattern.match(text, k)
                if longer and longer.end() > end:
                    end, suffix = longer.end(), longer.group()
            yield m.start(), end, suffix

    def find(self, text: str, words: Words) -> Iterator[Candidate]:
        for m_start, m_end, suffix in self._matches(text):
            if m_end not in words.start_set and text[m_end:m_end + 1] not in self.lex.stop_chars:
                continue  # the suffix is the head of a longer word
            if text[:m_end].endswith(self.lex.false_endings):
                continue  # 部署 is not …署, 格局 not …局
            if suffix in self.lex.weak_suffixes and self._noun_follows(m_end, words):
                continue  # 新一轮科技浪潮: 科技 heads a longer phrase
            cls = self.suffix_class[suffix]
            if text[m_start - 1:m_start] == "“" and text[m_end:m_end + 1] == "”":
                m_start, m_end = m_start - 1, m_end + 1  # 综合竞争力“百强”: the suffix in quotes
            start = self.name_start(text, m_start, words, cls)
            if start is None or m_start - start < self.lex.min_body.get(cls, 2):
                continue
            if cls in self.lex.place_led_classes and not self._place_led(text, start):
                continue
            if self._description(start, m_start, words):
                continue
            if cls == "GovernmentBody" and self._company_inside(text, start, m_start):
                # 青岛特锐德电气股份有限公司党委: a company's own organ; the company is the name
                end = self._company_inside(text, start, m_start)
                yield Candidate(start, end, "Enterprise", "suffix", 50)
                continue
            if cls in ("Designation", "PilotProgramme"):
                start = self._after_holder(text, start, m_start)
            pronoun = next((p for p in self.lex.place_pronouns if text[:start].endswith(p)), "")
            if pronoun and cls in self.lex.pronoun_named_classes:
                # 全市服务业高质量发展大会: named after the document's city (completed in entities)
                yield Candidate(start - len(pronoun), m_end, cls, "pronoun", 50)
                continue
            specific = self._bracketed_place(text, m_end) or self._specific(text, start, m_start, cls, words)
            if self._slogan(text, start, m_start, m_end):
                continue
            if specific:
                if text.startswith(self.lex.level_prefixes, start) and cls not in ("Enterprise", "GovernmentBody"):
                    cls = "Designation"  # 省级数字服务出口基地: a title sites are recognised as
                elif cls == "Zone" and text.startswith(self.lex.national_zone_prefixes, start) \
                        and not _places_in(text[start:m_start], self.lex):
                    cls = "PilotProgramme"  # 国家人工智能创新应用先导区: a national pilot, placed nowhere
                yield self._edition(text, start, m_end, cls)
            elif cls in self.lex.listed_classes:
                # 国际院士港、院士智谷: a name of common words, kept only beside a listed proper name
                yield Candidate(start, m_end, cls, "suffix-listed", 20)

    def _bracketed_place(self, text: str, end: int) -> int:
        """全球标准数据中心（青岛）: a known place in brackets right after a name is part of it."""
        hit = BRACKETED.match(text, end)
        if hit and self.lex.gazetteer.names.get(hit.group(1), ("", ""))[1] in ("City", "Province", "District", "Country"):
            return len(hit.group())
        return 0

    def _after_holder(self, text: str, start: int, suffix_start: int) -> int:
        """青岛市中国软件名城: a place before a national title holds it; the title starts at 中国."""
        gaz = self.lex.gazetteer
        for n in gaz.lengths:
            place = text[start:start + n]
            if gaz.names.get(place, ("", ""))[1] in ("City", "District") and \
                    text.startswith(self.lex.national_prefixes, start + n) and start + n < suffix_start:
                return start + n
        return start

    def _company_inside(self, text: str, start: int, suffix_start: int) -> int:
        """The end of a legal form (有限公司) inside a body, or 0."""
        body = text[start:suffix_start]
        ends = [body.rfind(form) + len(form) for form in self.lex.legal_forms if form in body]
        return start + max(ends) if ends and max(ends) > 2 else 0

    def _description(self, start: int, suffix_start: int, words: Words) -> bool:
        """三大…集聚区, …新平台: a count of kinds in the body or an evaluative word before the suffix."""
        body = words.between(start, suffix_start)
        if any(p.match(w.text) for w in body for p in self.lex.description_words):
            return True
        return bool(body) and body[-1].end == suffix_start and body[-1].text in self.lex.description_heads

    def _place_led(self, text: str, start: int) -> bool:
        """The name opens with a known place, its issuer (杭州市数字贸易高质量发展实施方案)."""
        gaz = self.lex.gazetteer
        return any(gaz.names.get(text[start:start + n], ("", ""))[1] in ("City", "Province", "District", "Country")
                   for n in gaz.lengths)

    def name_start(self, text: str, end: int, words: Words, cls: str = "") -> int | None:
        """Where a name that ends at ``end`` starts: the left walk, then clause openers trimmed."""
        left = self._left_edge(text, end, words, cls)
        return None if left is None else self._trim(left, end, words, text)

    def _edition(self, text: str, start: int, end: int, cls: str) -> Candidate:
        """Widen a name by the year or edition before it (kept as the mention's text: the entity
        is the series, 2021年中国国际服务贸易交易会 is 中国国际服务贸易交易会) and the period after it
        (part of the name: …方案（2025—2027年）)."""
        for pattern in self.lex.name_suffix_patterns.get(cls, []):
            hit = pattern.match(text[end:end + 16])
            if hit:
                end += len(hit.group())
                break
        end += self._bracketed_place(text, end)
        for pattern in self.lex.name_prefix_patterns.get(cls, []):
            hit = pattern.search(text[max(0, start - 8):start])
            if hit:
                return Candidate(start - len(hit.group()), end, cls, "suffix", 50, text[start:end])
        return Candidate(start, end, cls, "suffix", 50)

    def _slogan(self, text: str, start: int, suffix_start: int, end: int) -> bool:
        """青岛方案, “青岛模式”: a place and nothing but a slogan head (a document's title says more)."""
        body = text[start:suffix_start]
        return text[suffix_start:end] in self.lex.slogan_heads and body in self.lex.gazetteer.names

    def _left_edge(self, text: str, suffix_start: int, words: Words, cls: str = "") -> int | None:
        """Walk left word by word until a stop word, a stop character or the length limit."""
        lex = self.lex
        pos = suffix_start
        best: int | None = None
        while pos > 0 and suffix_start - pos < self.MAX_LEN:
            ch = text[pos - 1]
            if ch in "）)":
                inner_start = max(text.rfind("（", 0, pos - 1), text.rfind("(", 0, pos - 1))
                inner = text[inner_start + 1:pos - 1] if inner_start >= 0 else ""
                if inner_start >= 0 and (inner in lex.gazetteer.names or inner.isascii()):
                    pos = inner_start
                    continue
                break
            if ch in "”\"" and pos - 1 > 0:
                open_at = max(text.rfind("“", max(0, pos - 14), pos - 1), text.rfind('"', max(0, pos - 14), pos - 1))
                if open_at >= 0 and not any(c in "，。；、：！？\n" for c in text[open_at:pos]):
                    pos = best = open_at  # a short quoted word inside a name: 提质扩容“领跑者”行动
                    owner = self._owner_before(text, open_at)
                    if owner and not (owner == cls == "Event"):
                        break  # 商务部“千帆出海”计划: the owner is a name of its own
                    continue  # 2021服贸会“青岛日”推介会: a fair's own event carries the fair's name
                break
            country = self._country_before(text, pos - 1) if ch in DASHES else None
            if country is not None:
                pos = best = country
                break  # 中国-上海合作组织地方经贸合作示范区: a country and a dash open the name
            if ch in lex.stop_chars or ch.isspace():
                break
            word = words.at(pos - 1)
            if word is not None and word.text in lex.inner_conjunctions and pos - 1 > 0:
                before = words.at(word.start - 1)
                if (before is not None and before.text in lex.generic_words and before.text not in self.suffix_class
                        and before.start >= suffix_start - self.MAX_LEN):
                    pos = best = before.start  # 文化与金融合作示范区, 软件和信息技术服务业: two kinds inside a name
                    continue
            if word is None or word.text in lex.stop_tokens or word.text.isdigit():
                level = next((p for p in lex.level_prefixes if text[:pos].endswith(p)), "")
                if word is not None and level and len(level) > len(word.text):
                    best = pos - len(level)  # 省重点服务业园区: 重点 stops a name, 省重点 opens a title
                break
            pos = word.start
            best = pos
        return best

    @staticmethod
    def _noun_follows(end: int, words: Words) -> bool:
        following = words.at(end)
        return following is not None and following.start == end and following.flag.startswith("n") \
            and following.flag not in ("nr", "ns", "nt", "nz")

    def _country_before(self, text: str, at: int) -> int | None:
        """The start of a country's name that ends right before ``at``."""
        gaz = self.lex.gazetteer
        return next((at - n for n in gaz.lengths if n <= at and n >= 2
                     and gaz.names.get(text[at - n:at], ("", ""))[1] == "Country"), None)

    def _owner_before(self, text: str, at: int) -> str:
        """The class of a known name that ends right before ``at`` ("" if none)."""
        gaz = self.lex.gazetteer
        return next((gaz.names[text[at - n:at]][1] for n in gaz.lengths if n <= at and text[at - n:at] in gaz.names), "")

    def _trim(self, start: int, suffix_start: int, words: Words, text: str = "") -> int:
        """Start after the last verb that breaks the run, then drop leading clause openers."""
        lex = self.lex
        inside = words.between(start, suffix_start)
        for word in inside[1:]:
            if (word.text in lex.leading_verbs and word.flag in ("v", "vn") and not word.proper
                    and word.text not in lex.inner_name_words):
                start = word.end  # 青岛接过全面深化…试点: the name starts after 接过
            elif (word.flag in INNER_BREAK_FLAGS and not self._name_word(word) and word.text not in lex.inner_name_words
                  and word.text not in lex.inner_conjunctions and not _quoted_at(text, word.start)):
                start = word.end  # 青岛就是试点城市: an adverb, a preposition or a time word ends a clause
        inside = words.between(start, suffix_start)
        for i, word in enumerate(inside):
            following = inside[i + 1] if i + 1 < len(inside) else words.at(word.end)  # 服务|山东半岛
            if word.text in lex.verbs_before_names and following and following.text not in lex.generic_words:
                start = word.end  # 服务青岛自贸片区: the name starts at the place
                continue
            if self._opens_name(text, word):
                break
            opener = word.text in lex.stop_tokens or word.text in lex.leading_verbs
            if opener or (word.flag in NON_NAME_FLAGS and not self._name_word(word)):
                start = word.end
            else:
                break
        return start

    def _opens_name(self, text: str, word: Word) -> bool:
        """全面深化…, 中日（青岛）…, a known name: the name starts here."""
        lex = self.lex
        return (text.startswith(lex.name_openers, word.start) or word.text in lex.gazetteer.names
                or text[word.end:word.end + 1] in "（(")

    def _name_word(self, word: Word) -> bool:
        lex = self.lex
        return word.proper or word.text in lex.generic_words or word.text in lex.gazetteer.names

    def _specific(self, text: str, start: int, suffix_start: int, cls: str, words: Words) -> bool:
        """A proper name, not a generic phrase: a place, a rare word, Latin letters or a national prefix."""
        lex = self.lex
        body = text[start:suffix_start]
        if LATIN.search(body) or "（" in body or "“" in body:
            return True
        if _places_in(body, lex):
            return True
        if cls == "GovernmentBody" and body[:1] in lex.relative_prefixes and len(body) >= 3:
            return True  # 市邮政管理局: a body named relative to the document's place
        if body.startswith(lex.designation_prefixes + lex.level_prefixes) and cls not in ("Enterprise", "GovernmentBody"):
            return len(body) >= 4
        if cls in lex.descriptive_classes:  # pilots are named by what they try: 数字人民币试点
            return len(body) >= 4
        suffix = text[suffix_start:suffix_start + 4]
        if any(suffix.startswith(s) for s in lex.street_suffixes) and len(body) >= 2:
            return True  # 大学路, 唐岛湾: a street or a bay is named by any word
        if cls in lex.built_classes and text[:start].endswith(lex.naming_verbs) and len(body) >= 6:
            return True  # 打造智能充电运营管理平台: what one builds and names is a name
        return any(w.proper and w.text not in lex.generic_words and w.text not in lex.stop_tokens
                   for w in words.between(start, suffix_start))


def is_proper_name(name: str, start: int, words: Words, lex: Lexicon) -> bool:
    """A name with a proper word in it (unknown or rare to jieba, a name tag, Latin letters)."""
    if LATIN.search(name) or name in lex.gazetteer.names:
        return True
    return any(w.proper and w.text not in lex.generic_words and w.text not in lex.stop_tokens
               for w in words.between(start, start + len(name)))


def _quoted_at(text: str, offset: int) -> bool:
    """``offset`` lies inside a pair of quotation marks on its line (“秒变数字人打卡新青岛”)."""
    opened = max(text.rfind("“", 0, offset), text.rfind("\n", 0, offset))
    return opened >= 0 and text[opened] == "“" and "”" not in text[opened:offset]


def _places_in(body: str, lex: Lexicon) -> list[str]:
    gaz = lex.gazetteer
    return [body[i:i + n] for i in range(len(body)) for n in gaz.lengths
            if n >= 2 and body[i:i + n] in gaz.names and gaz.names[body[i:i + n]][1] in
            ("City", "Province", "Country", "District", "Place")]


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


def demonstrated_names(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """天府软件园这一国家数字服务出口基地, 文博会这一国家级展会: what stands before 这一 + a class word
    is a name, of its own suffix's class or else of the class word's."""
    if not lex.demonstratives:
        return
    pattern = re.compile("(?:" + alternation(lex.demonstratives) + r")([\u4e00-\u9fff]{2,16})")
    for m in pattern.finditer(text):
        kind = suffix_finder.pattern.search(m.group(1))  # the class word the demonstrative points to
        if kind is None or m.start() not in words.start_set:
            continue
        start = suffix_finder.name_start(text, m.start(), words)
        if start is None:
            continue
        name = text[start:m.start()]
        if len(name) < 2 or name in lex.gazetteer.names:
            continue  # a known name is found by the gazetteer
        own = suffix_at_end(name, suffix_finder)
        yield Candidate(start, m.start(), suffix_finder.suffix_class[own or kind.group()], "demonstrated", 55)


def venues(text: str, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """在前海国际会议中心举行: the words between 在 and a holding verb that end in a venue suffix
    name the venue, whatever words they are made of."""
    if not lex.venue_verbs:
        return
    places = tuple(s for s, c in suffix_finder.suffix_class.items() if c == "Place")
    pattern = re.compile(r"在([\u4e00-\u9fff（）()]{3,20}?)(?:" + alternation(lex.venue_verbs) + ")")
    for m in pattern.finditer(text):
        if m.group(1).endswith(places):
            yield Candidate(m.start(1), m.end(1), "Place", "venue", 60)


def branch_offices(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """国家统计局杭州调查队, 人行浙江省分行: a central body, a place and a branch word."""
    central = tuple(n for n, (_, cls) in lex.gazetteer.names.items() if cls == "GovernmentBody" and len(n) >= 2)
    if not central or not lex.branch_words:
        return
    pattern = re.compile("(" + alternation(central) + ")(" + alternation(_admin_places(lex)) + ")("
                         + alternation(lex.branch_words) + ")")
    for m in pattern.finditer(text):
        owner = lex.gazetteer.names[m.group(1)][0]
        yield Candidate(m.start(), m.end(), "GovernmentBody", "place-body", 86, owner + m.group(2) + m.group(3))


@lru_cache(maxsize=4)
def _admin_places(lex: Lexicon) -> tuple[str, ...]:
    return tuple(n for n, (_, cls) in lex.gazetteer.names.items() if cls in ("City", "Province", "District") and len(n) >= 2)


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
        yield Candidate(m.start(), m.end(), "GovernmentBody", "relative-body", 90, owner + body)


def quoted_names(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """“千帆出海”计划, “货兑宝”平台: a quoted word followed by a class suffix; “…检测服务平台”: a quoted
    name ending in one. A proper name right before the quote is its owner (中储京科“货兑宝”平台)."""
    for m in QUOTED.finditer(text):
        after = text[m.end():m.end() + 12]
        hit = suffix_finder.pattern.match(after)
        inner = suffix_at_end(m.group(1), suffix_finder)
        kind = None if hit else _kind_after_quote(text, m, words, lex, suffix_finder)
        if kind is not None:
            yield kind  # “青岛金花”服务业类企业, “以旧换新”消费促进活动
        elif hit:
            cls = suffix_finder.suffix_class[hit.group()]
            yield Candidate(m.start(), m.end() + hit.end(), cls, "quoted", 70)
        elif inner and len(m.group(1)) - len(inner) >= 2:
            yield Candidate(m.start(1), m.end(1), suffix_finder.suffix_class[inner], "quoted", 70)
        else:
            continue
        owner = _owner(text, m.start(), words, lex)
        if owner is not None:
            yield owner


def _kind_after_quote(text: str, quote: re.Match[str], words: Words, lex: Lexicon,
                      suffix_finder: SuffixFinder) -> Candidate | None:
    """A short quoted label and the words after it up to a kind it names (``quoted_kinds``: 企业 →
    Designation, 活动 → Programme), at most 8 characters on, with no stop word between:
    “瞪羚”企业, “青岛金花”服务业类企业, “以旧换新”消费促进活动; the longest such name."""
    end = quote.end()
    tail = re.match(r"[\u4e00-\u9fff]{2,8}", text[end:end + 8])
    if tail is None or len(quote.group(1)) > 10 or not lex.quoted_kinds:
        return None
    kinds = sorted(lex.quoted_kinds, key=len, reverse=True)
    for stop in range(end + len(tail.group()), end, -1):
        ending = next((k for k in kinds if text[end:stop].endswith(k)), "")
        if not ending or stop not in words.start_set:
            continue
        if not any(w.text in lex.stop_tokens for w in words.between(end, stop)):
            # 数字贸易“领航”企业: the words before the quote belong to the name as in any suffix name
            cls = lex.quoted_kinds[ending]
            start = suffix_finder.name_start(text, quote.start(), words, cls)
            start = quote.start() if start is None else start
            return Candidate(start, stop, cls, "quoted", 70)
    return None


def suffix_at_end(name: str, suffix_finder: SuffixFinder) -> str:
    return next((s for s in suffix_finder.suffix_class if name.endswith(s)), "")


def _owner(text: str, quote_start: int, words: Words, lex: Lexicon) -> Candidate | None:
    """The proper name right before a quoted name (中储京科“货兑宝”平台): words read leftwards from
    the quote while they are names (unknown to jieba, name-tagged or known), at most 8 characters."""
    inside = words.between(max(0, quote_start - 8), quote_start)
    if not inside or inside[-1].end != quote_start:
        return None
    first = quote_start
    for word in reversed(inside):
        if word.text in lex.stop_tokens or any(c in lex.stop_chars for c in word.text):
            break
        if not (word.proper or word.text in lex.gazetteer.names):
            break
        first = word.start
    owner = text[first:quote_start]
    known = next((owner[-n:] for n in lex.gazetteer.lengths if n <= len(owner) and owner[-n:] in lex.gazetteer.names), "")
    if quote_start - first < 2 or known and lex.gazetteer.names[known][1] not in ("Enterprise", "Organization"):
        return None  # 2023服贸会“湖北日”推介会: a fair before the quote names its own event, no owner
    return Candidate(first, quote_start, "Enterprise", "owner", 40)


def appositions(text: str, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """综合服务平台“蓉贸通”: a quoted name right after a class word takes that word's class."""
    for m in QUOTED.finditer(text):
        before = text[max(0, m.start() - 6):m.start()]
        for suffix, cls in suffix_finder.suffix_class.items():
            if before.endswith(suffix) and cls in lex.apposition_classes and len(m.group(1)) >= 2:
                yield Candidate(m.start(), m.end(), cls, "apposition", 65)
                break


def recognised_subjects(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """恒耀船舶、特来电新能源获评…: the names a clause opens with before a recognition verb are
    names, even without a suffix; typed by their suffix if they have one, else as enterprises."""
    if not lex.recognition_verbs:
        return
    verbs = alternation(lex.recognition_verbs)
    item = r"[\u4e00-\u9fffA-Za-z0-9]{2,24}"
    pattern = re.compile(f"(?:^|(?<=[，。；：！？\n]))((?:{item}、)*{item})(?:{verbs})")
    for m in pattern.finditer(text):
        parts, offset = [], m.start(1)
        for part in m.group(1).split("、"):
            parts.append((offset, part, _plain_name(part, offset, words, lex)))
            offset += len(part) + 1
        listed = len(parts) >= 2 and any(plain for _, _, plain in parts)
        for offset, part, plain in parts:
            # 恒耀船舶、特来电新能源获评: beside a plain name, a member of common words is a name too
            if plain or (listed and _listed_name(part, offset, words, lex)):
                cls = suffix_finder.suffix_class.get(suffix_at_end(part, suffix_finder), "Enterprise")
                yield Candidate(offset, offset + len(part), cls, "subject-slot", 35)


def _plain_name(part: str, start: int, words: Words, lex: Lexicon) -> bool:
    """No stop word, no clause opener, not only generic words, and a word jieba does not know."""
    inside = words.between(start, start + len(part))
    if not inside or inside[0].start != start or inside[-1].end != start + len(part):
        return False
    if any(w.flag in ("m", "q") or w.text.isdigit() for w in inside):
        return False  # 8个案例 is a count, not a name
    if any(w.text in lex.stop_tokens or w.text in lex.leading_verbs
           or (len(w.text) > 1 and w.flag in NON_NAME_FLAGS and not w.proper) for w in inside):
        return False
    singles = sum(1 for w in inside if len(w.text) == 1)
    return any(w.proper for w in inside) or singles >= 2 or part in lex.gazetteer.names


def _listed_name(part: str, start: int, words: Words, lex: Lexicon) -> bool:
    """Aligned with words, no count, stop word or clause opener, and not only generic words."""
    inside = words.between(start, start + len(part))
    if not inside or inside[0].start != start or inside[-1].end != start + len(part):
        return False
    if any(w.flag in ("m", "q") or w.text in lex.stop_tokens or w.text in lex.leading_verbs for w in inside):
        return False
    return not all(w.text in lex.generic_words for w in inside)


def persons(text: str, lex: Lexicon) -> Iterator[Candidate]:
    """A person named right after a title: 局长李苏满."""
    if not lex.person_titles:
        return
    pattern = re.compile("(?:" + alternation(tuple(lex.person_titles)) + r")([\u4e00-\u9fff]{2,3})")
    for m in pattern.finditer(text):
        name = m.group(1)
        if name[0] not in lex.surnames:
            continue
        end = m.start(1) + len(name)
        if len(name) == 3 and text[end - 1] in lex.name_followers:
            end -= 1
        yield Candidate(m.start(1), end, "Person", "person", 60)


def enumerations(text: str, lex: Lexicon) -> Iterator[list[Candidate]]:
    """The members of each A、B、C等3家企业 (counted: reliable) or A、B、C等代表性平台 (rule
    "enumeration-loose")."""
    if not lex.enumeration_heads:
        return
    heads = alternation(tuple(lex.enumeration_heads))
    item = r"[\u4e00-\u9fffA-Za-z0-9“”]{2,20}"
    count = r"[0-9一二两三四五六七八九十]+(?:家|个|所)?"
    pattern = re.compile(f"((?:{item}、)+{item})(?:等|和|及)({count})?(?:[\\u4e00-\\u9fff]{{0,8}}?)({heads})")
    for m in pattern.finditer(text):
        cls = lex.enumeration_heads[m.group(3)]
        rule = "enumeration" if m.group(2) else "enumeration-loose"
        offset = m.start(1)
        members = []
        for part in m.group(1).split("、"):
            clean = _known_tail(part.strip("“”"), lex)
            start = offset + part.find(clean)
            if clean and clean not in lex.stop_tokens:
                members.append(Candidate(start, start + len(clean), cls, rule, 45))  # a suffix on the same span types it better
            offset += len(part) + 1
        yield members


def _known_tail(item: str, lex: Lexicon) -> str:
    """用好文博会 → 文博会: an item that ends in a known name is that name."""
    if item in lex.gazetteer.names:
        return item
    for n in lex.gazetteer.lengths:
        if n < len(item) and item[-n:] in lex.gazetteer.names:
            return item[-n:]
    return item
