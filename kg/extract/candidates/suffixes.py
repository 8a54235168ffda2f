"""Names that end in a class suffix (…有限公司, …示范区, …平台), extended left over jieba words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.candidates.base import BRACKETED, DASHES, LATIN, Candidate, alternation, places_in, quoted_at
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import INNER_BREAK_FLAGS, NON_NAME_FLAGS, Word, Words


@lru_cache(maxsize=4)
def suffix_finder(lex: Lexicon) -> "SuffixFinder":
    """The lexicon's suffix finder, built once."""
    return SuffixFinder(lex)


QUOTE_LEAD = re.compile(r"^“[^”]{1,8}”")  # “四型”国家物流枢纽: a label before the national prefix
CLAUSE_OPENING = "，。；：！？\n"


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
        self.adjacent_suffixes = frozenset(lex.list_suffixes) | frozenset(lex.legal_forms)
        self.leading_kinds = tuple(lex.name_leading_kinds)  # 龙头企业驭途科技: …企业 before a proper word
        # 举办的A交易会和B洽谈会: an event's kind word, then a joiner, opens a second event
        joiners = (*lex.inner_conjunctions, *lex.list_joiners)
        self.two_events = re.compile(f"(?:{alternation(tuple(lex.suffixes.get('Event', ())))})(?:{alternation(joiners)})") \
            if lex.suffixes.get("Event") and joiners else None

    def _matches(self, text: str) -> Iterator[tuple[int, int, str]]:
        """Suffix matches (start, end, suffix). A suffix that starts inside a match and ends after it
        wins: …创新发展试点城市 ends in 试点城市, not in 创新发展试点."""
        covered = 0
        for m in self.pattern.finditer(text):
            if m.start() < covered and m.start() >= 0 and m.end() <= covered:
                continue  # the suffix a match before was extended to
            start, end, suffix = m.start(), m.end(), m.group()
            for k in range(m.start() + 1, m.end() + 1):
                longer = self.pattern.match(text, k)
                if longer and longer.end() > end and (k < m.end() or longer.group() in self.adjacent_suffixes):
                    end, suffix = longer.end(), longer.group()  # …重点企业名单, …信息系统株式会社: a list word or legal form right after it
                    if k == m.end() and suffix in self.lex.legal_forms:
                        start = k  # the legal form is the suffix; 信息系统 is the company's own words
            covered = end
            yield start, end, suffix

    def find(self, text: str, words: Words) -> Iterator[Candidate]:
        for m_start, m_end, suffix in self._matches(text):
            if m_end not in words.start_set and text[m_end:m_end + 1] not in self.lex.stop_chars \
                    and not text.startswith(self.lex.person_titles, m_end):
                continue  # the suffix is the head of a longer word (but 协会|会长: jieba's 协会会长)
            if text[:m_end].endswith(self.lex.false_endings):
                continue  # 部署 is not …署, 格局 not …局
            if suffix in self.lex.weak_suffixes and (self._noun_follows(m_end, words) or text[m_end:m_end + 1] == "“"):
                continue  # 新一轮科技浪潮: 科技 heads a longer phrase; …补充保险“琴岛e保”: a product the quote names
            cls = self.suffix_class[suffix]
            if text[m_start - 1:m_start] == "“" and text[m_end:m_end + 1] == "”":
                m_start, m_end = m_start - 1, m_end + 1  # 综合竞争力“百强”: the suffix in quotes
            start = self.name_start(text, m_start, words, cls)
            if (start is None or m_start - start < self.lex.min_body.get(cls, 2)) and suffix in self.lex.list_suffixes:
                m_start = m_end - len(suffix)  # “链主”企业名单: the kind before the list word is the name's body
                start = self.name_start(text, m_start, words, cls)
            if start is None or m_start - start < self.lex.min_body.get(cls, 2):
                continue
            if suffix in self.lex.list_suffixes and text[:m_end - len(suffix)].endswith(
                    (*self.suffix_class, *self.lex.quoted_kinds, "”")):
                m_end -= len(suffix)  # …重点企业名单, “链主”企业名单, “…十强企业”称号: a title's list or word names the title
            if cls in self.lex.place_led_classes and not self._place_led(text, start):
                continue
            if suffix in self.lex.district_area_suffixes and self._district_led(text[start:m_start]):
                cls = "Place"  # 市南西部片区: a part of a district a plan names, not a zone of its own
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
                if text.startswith(self.lex.level_prefixes, start) and cls not in ("Enterprise", "GovernmentBody") \
                        and cls not in self.lex.place_led_classes:
                    cls = "Designation"  # 省级数字服务出口基地: a title sites are recognised as
                elif cls == "Zone" and text.startswith(self.lex.national_zone_prefixes, start) \
                        and not places_in(text[start:m_start], self.lex):
                    cls = "PilotProgramme"  # 国家人工智能创新应用先导区: a national pilot, placed nowhere
                elif text[start:m_end].endswith(self.lex.national_title_suffixes) and QUOTE_LEAD.sub("", text[start:m_start]).startswith(
                        self.lex.national_zone_prefixes) and not places_in(text[start:m_start], self.lex) \
                        and not (start == 0 or text[start - 1] in CLAUSE_OPENING) and not self._site_framed(text, m_end):
                    # 国家物流枢纽, “四型”国家物流枢纽: a title, placed nowhere; but a clause it opens is
                    # about the site that holds it (国家语言服务出口基地获…奖)
                    cls = "Designation"
                yield self._edition(text, start, m_end, cls)
            elif cls in self.lex.listed_classes:
                # 国际院士港、院士智谷: a name of common words, kept only beside a listed proper name
                yield Candidate(start, m_end, cls, "suffix-listed", 20)

    def _site_framed(self, text: str, end: int) -> bool:
        """发挥国家语言服务出口基地作用, 加快国家人力资源服务出口基地和…建设: the clause speaks of the
        site at work or being built, not of a title held."""
        rest = re.split(f"[{CLAUSE_OPENING}]", text[end:end + 30], maxsplit=1)[0]
        return rest.endswith(self.lex.site_frame_endings)

    def _district_led(self, body: str) -> bool:
        """李沧楼山后: a district opens the body, and more than the district follows (济南片区 is a
        city's share of a free trade zone)."""
        gaz = self.lex.gazetteer
        head = gaz.head_place(body, ("District",))
        return bool(head) and not gaz.head_place(body, ("City", "Province")) and len(body) > len(head)

    def _bracketed_place(self, text: str, end: int) -> int:
        """全球标准数据中心（青岛）: a known place in brackets right after a name is part of it."""
        hit = BRACKETED.match(text, end)
        if hit and self.lex.gazetteer.class_of(hit.group(1)) in ("City", "Province", "District", "Country"):
            return len(hit.group())
        return 0

    def _after_holder(self, text: str, start: int, suffix_start: int) -> int:
        """青岛市中国软件名城: a place before a national title holds it; the title starts at 中国."""
        gaz = self.lex.gazetteer
        for n in gaz.lengths:
            place = text[start:start + n]
            if gaz.class_of(place) in ("City", "District") and \
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
        pieces = [w.text for w in body] + [a.text + b.text for a, b in zip(body, body[1:])]  # 两|大 as 两大
        if any(p.match(piece) for piece in pieces for p in self.lex.description_words):
            return True
        return bool(body) and body[-1].end == suffix_start and body[-1].text in self.lex.description_heads

    def _place_led(self, text: str, start: int) -> bool:
        """The name opens with a known place, its issuer (杭州市数字贸易高质量发展实施方案), or with the
        issuer's level (省级数字贸易企业梯次培育办法)."""
        gaz = self.lex.gazetteer
        return text.startswith(self.lex.issuer_levels, start) or any(gaz.class_of(text[start:start + n]) in ("City", "Province", "District", "Country")
                   for n in gaz.lengths)

    def name_start(self, text: str, end: int, words: Words, cls: str = "") -> int | None:
        """Where a name that ends at ``end`` starts: the left walk, then clause openers trimmed."""
        left = self._left_edge(text, end, words, cls)
        start = None if left is None else self._trim(left, end, words, text)
        if cls in self.lex.place_led_classes and left is not None:
            # 省级数字贸易企业梯次培育办法: a title opens at its issuer, whatever verbs it holds
            issuer = next((w.start for w in words.between(left, end) if self._place_led(text, w.start)), None)
            return issuer if issuer is not None else start
        return self._after_event_verb(text, end, start) if cls == "Event" else start

    def _after_event_verb(self, text: str, suffix_start: int, start: int | None) -> int | None:
        """在北京召开的加快服务业高质量发展大会: after 召开的 the whole run is the meeting's name, even
        when it opens with a verb that would otherwise end the walk."""
        window = max(0, suffix_start - self.MAX_LEN)
        hits = [m.end() for m in re.finditer(alternation(self.lex.event_name_openers), text[window:suffix_start])] \
            if self.lex.event_name_openers else []
        if not hits:
            return start
        opened = window + hits[-1]
        run = text[opened:suffix_start]
        if (start is not None and start <= opened) or "的" in run or any(c in self.lex.stop_chars for c in run):
            return start
        if self.two_events and self.two_events.search(run):
            return start  # 举办的中国国际服务贸易交易会和中国兰州投资贸易洽谈会: two events, the walk's own start
        return opened

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
            hit = pattern.search(text[max(0, start - 12):start])
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
                if inner_start >= 0 and (inner in lex.gazetteer.names or inner in lex.bracketed_name_words or inner.isascii()):
                    pos = inner_start
                    continue
                break
            if ch in "”\"" and pos - 1 > 0:
                open_at = max(text.rfind("“", max(0, pos - 14), pos - 1), text.rfind('"', max(0, pos - 14), pos - 1))
                if open_at >= 0 and not any(c in "，。；、：！？\n" for c in text[open_at:pos]):
                    pos = best = open_at  # a short quoted word inside a name: 提质扩容“领跑者”行动
                    owner = self._known_before(text, open_at)
                    if owner and not (owner[1] == cls == "Event"):
                        break  # 商务部“千帆出海”计划: the owner is a name of its own
                    continue  # 2021服贸会“青岛日”推介会: a fair's own event carries the fair's name
                break
            known = self._known_before(text, pos - 1) if ch in DASHES else None
            if known is not None and known[1] in ("Country", "Province", "City") and pos - 1 - known[0] >= 2:
                pos = best = known[0]
                break  # 中国-上海合作组织…示范区, 江苏—香港…推介会: a place and a dash open the name
            if ch in lex.stop_chars or ch.isspace():
                break
            word = words.at(pos - 1)
            if word is not None and word.text in lex.inner_conjunctions and pos - 1 > 0 and cls != "Enterprise":
                before = words.at(word.start - 1)
                if (before is not None and before.text in lex.generic_words and before.text not in self.suffix_class
                        and before.start >= suffix_start - self.MAX_LEN):
                    pos = best = before.start  # 文化与金融合作示范区: two kinds inside a name (no company joins another)
                    continue
            if word is not None and word.text in lex.stop_tokens and text.startswith(lex.name_openers, word.start):
                pos = best = word.start
                break  # 中新天津生态城: 中 opens 中新 (China-Singapore), not a clause
            label = self._label_before(text, pos, suffix_start, words) if word is not None and word.text in lex.stop_tokens else None
            if label is not None:
                best = label  # “黄河之礼”数字文创海外推广项目: a quoted label opens the name, words after it count
                break
            if word is None or word.text in lex.stop_tokens or word.text.isdigit():
                level = next((p for p in lex.level_prefixes if text[:pos].endswith(p)), "")
                if word is not None and level and len(level) > len(word.text):
                    best = pos - len(level)  # 省重点服务业园区: 重点 stops a name, 省重点 opens a title
                break
            pos = word.start
            best = pos
        return best

    def _label_before(self, text: str, pos: int, suffix_start: int, words: Words) -> int | None:
        """The start of a short quoted label a few words before ``pos``, when nothing between the
        label and the suffix ends a name (punctuation, 的, a recognition or title verb)."""
        close = text.rfind("”", max(0, pos - 10), pos)
        if close < 0:
            return None
        opened = text.rfind("“", max(0, close - 12), close)
        between = text[close + 1:suffix_start]
        if opened < 0 or any(c in self.lex.stop_chars for c in text[opened + 1:close] + between) or "的" in between:
            return None
        if any((w.text in self.lex.stop_tokens and not w.flag.startswith("s")) or w.flag in INNER_BREAK_FLAGS
               or (w.flag in ("f", "t") and w.text not in self.lex.label_modifiers) for w in words.between(close + 1, suffix_start)):
            return None  # “十四五”期间…, “A”板块重点聚焦…: a clause, not a name; only places (海外) may stand between
        if any(sfx in between for sfx in self.suffix_class if len(sfx) >= 2):
            return None  # “货兑宝”平台推出…: the label already has its name
        return opened

    @staticmethod
    def _noun_follows(end: int, words: Words) -> bool:
        following = words.at(end)
        return following is not None and following.start == end and (following.flag.startswith("n") or following.flag in ("vn", "s")) \
            and following.flag not in ("nr", "ns", "nt", "nz")  # 港口服务功能: 港口 heads a phrase

    def _known_before(self, text: str, at: int) -> tuple[int, str] | None:
        """(start, class) of the longest known name that ends right before ``at``."""
        gaz = self.lex.gazetteer
        return next(((at - n, gaz.class_of(text[at - n:at])) for n in gaz.lengths
                     if n <= at and text[at - n:at] in gaz.names), None)

    def _trim(self, start: int, suffix_start: int, words: Words, text: str = "") -> int:
        """Start after the last verb that breaks the run, then drop leading clause openers."""
        lex = self.lex
        if text[start:start + 1] == "“" and "”" in text[start:suffix_start]:
            return start  # “黄河之礼”数字文创海外推广项目: after a quoted label, verbs are the name's words
        inside = words.between(start, suffix_start)
        registered = text.startswith(lex.legal_forms, suffix_start)  # 西宁综保投资建设有限公司: verbs are its words
        for word in inside[1:]:
            if (word.text in lex.leading_verbs and word.flag in ("v", "vn") and not word.proper
                    and word.text not in lex.inner_name_words and not registered):
                start = word.end  # 青岛接过全面深化…试点: the name starts after 接过
            elif (word.flag in INNER_BREAK_FLAGS and not self._name_word(word) and word.text not in lex.inner_name_words
                  and word.text not in lex.inner_conjunctions and not quoted_at(text, word.start)):
                start = word.end  # 青岛就是试点城市: an adverb, a preposition or a time word ends a clause
        inside = words.between(start, suffix_start)
        for i, word in enumerate(inside):
            following = inside[i + 1] if i + 1 < len(inside) else words.at(word.end)  # 服务|山东半岛
            if word.text in lex.verbs_before_names and following and following.text not in lex.generic_words:
                start = word.end  # 服务青岛自贸片区: the name starts at the place
                continue
            if word.flag == "q" and text[:word.end].endswith(lex.demonstratives) and following is not None \
                    and following.end < suffix_start:
                start = following.end  # 这座城市全面深化…试点: 城市 closes 这座城市, the name starts after it
                continue
            if start > word.start:
                continue
            if word.text.endswith(self.leading_kinds) and following is not None and following.end <= suffix_start \
                    and following.proper and following.text not in lex.generic_words:
                start = word.end  # 龙头企业驭途科技: the kind word describes the company named after it
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
        if places_in(body, lex):
            return True
        if cls in lex.quote_named_classes:
            return False  # 楼宇经济高质量发展行动: an aim described, no programme named
        if cls == "GovernmentBody" and body[:1] in lex.relative_prefixes and len(body) >= 3:
            return True  # 市邮政管理局: a body named relative to the document's place
        if body.startswith(lex.designation_prefixes + lex.level_prefixes) and cls not in ("Enterprise", "GovernmentBody"):
            return len(body) >= 4
        if cls in lex.descriptive_classes or text.startswith(lex.descriptive_suffixes, suffix_start):
            # pilots are named by what they try (数字人民币试点), model cities by what they model
            return len(body) >= 4 and not self._ceremony(start, suffix_start, words)
        suffix = text[suffix_start:suffix_start + 4]
        if any(suffix.startswith(s) for s in lex.street_suffixes) and len(body) >= 2:
            return True  # 大学路, 唐岛湾: a street or a bay is named by any word
        if text.startswith(lex.legal_forms, suffix_start) and len(body) >= 4 \
                and not all(w.text in lex.generic_words for w in words.between(start, suffix_start)):
            return True  # 斗鱼网络科技有限公司: a registered company's name, whatever its words
        whole = words.at(start)
        if whole is not None and whole.start == start and whole.end > suffix_start and whole.text not in lex.generic_words \
                and (whole.flag == "nt" or (whole.flag, cls) == ("ns", "Place")):
            return True  # 胶东半岛, 东北大学: jieba knows the whole name as a place or an institution
        inside = words.between(start, suffix_start)
        if cls in lex.noun_named_classes and inside and self._long_suffix(text, suffix_start) and all(
                w.flag.startswith("n") and w.text not in lex.generic_words and w.text not in lex.stop_tokens for w in inside):
            return True  # 光谷软件园, 蓝谷创业园: nouns of their own before a park's compound suffix
        return any(w.proper and w.text not in lex.generic_words and w.text not in lex.stop_tokens for w in inside)

    def _ceremony(self, start: int, suffix_start: int, words: Words) -> bool:
        """开幕式暨重大项目(签约仪式): only ceremony and generic words, no name of its own."""
        lex = self.lex
        inside = words.between(start, suffix_start)
        return any(w.text in lex.ceremony_words for w in inside) and all(
            w.text in lex.ceremony_words or w.text in lex.generic_words or w.text in lex.stop_tokens for w in inside)

    def _long_suffix(self, text: str, suffix_start: int) -> bool:
        hit = self.pattern.match(text, suffix_start)
        return hit is not None and len(hit.group()) >= 3


def suffix_at_end(name: str, suffix_finder: SuffixFinder) -> str:
    return next((s for s in suffix_finder.suffix_class if name.endswith(s)), "")
