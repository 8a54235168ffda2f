"""What a sentence is about when it does not say: the sentence's topic, the thing 该枢纽 or a bare
片区 stands for, the event a scene (论坛上, 开幕当天) is set at. The relation rules ask this model for
subjects and objects the clause leaves out."""

from __future__ import annotations

import re
from typing import Any

from kg.extract.candidates.base import alternation
from kg.extract.lexicon import Lexicon
from kg.extract.clauses import (CLAUSE_BREAK, LIST_BEFORE_DENG, _clause_start, _sentence_start, allowed,
                                class_names, fits)
from kg.model import Mention

SITE_KINDS = frozenset({"Base", "Park", "Zone"})  # an anaphor of one site kind may stand for another
# 区内 stands for a zone or a park alike (天河中央商务区…，区内集聚了…): the word ``Area`` in a rule's anaphors
ANY_AREA = "Area"
AREA_KINDS = frozenset({"Park", "Zone"})


class Discourse:
    """The mentions of the sentences before (``history``) and the words that refer back to them."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        """The words come from the lexicon (boundaries.yaml, persons.yaml); without one, nothing
        refers back."""
        adverbials = lex.clause_adverbials if lex else ()
        place_pronouns = tuple(lex.place_pronouns) if lex else ()
        determiners = lex.anaphor_determiners + lex.describing_determiners if lex else ()
        self.determiners: tuple[str, ...] = determiners + (lex.edition_determiners if lex else ())
        self.pair_words: tuple[str, ...] = lex.pair_words if lex else ()
        self.numerals: dict[str, int] = dict(lex.figures.get("numerals", {})) if lex else {}  # 两个园区: 2
        self.kinds: dict[str, str] = lex.enumeration_heads if lex else {}
        # 两个园区均位于…: a count and a kind opening a clause, then adverbs
        self.counted_kind = re.compile(
            f"([{''.join(lex.figures.get('numerals', {}))}\\d]+)(?:{alternation(lex.count_classifiers)})({alternation(tuple(self.kinds))})"
            f"(?:{'|'.join(adverbials)})*") if lex and self.kinds and adverbials else None
        # 青海藏毯国际产业园位于南川工业园区，2019年入选…: a clause of only these (times, adverbs) has
        # no subject of its own; it goes on about the sentence's topic
        self.adverbials = re.compile(f"(?:{'|'.join(adverbials)})*$") if adverbials else None
        # 片区依托大连港…, 公司希望借助…: a bare kind opening a clause stands for the one named last
        self.bare_kinds = lex.bare_kinds if lex else {}
        self.bare_kind_opening = re.compile(alternation(tuple(self.bare_kinds))) if self.bare_kinds else None
        self.bare_kind = re.compile(f"({alternation(tuple(self.bare_kinds))})((?:{'|'.join(adverbials)})*)") \
            if self.bare_kinds and adverbials else None
        # 我市依托…: a pronoun of the document's place opening the clause is its subject
        self.place_pronoun = re.compile(f"(?:{alternation(place_pronouns)})(?:{'|'.join(adverbials)})*") \
            if place_pronouns and adverbials else None
        # 该项目落户…: a determiner and a kind stand for the thing of that kind named last
        self.anaphors = lex.anaphors if lex else {}
        self.kind_words = {**self.bare_kinds, **self.anaphors}  # 落户园区, 入驻该基地
        self.kind_words_longest_first = tuple(sorted(self.kind_words, key=len, reverse=True))
        # 该项目(已)落户, 这家企业2021年选址于: the anaphor, then a few words or times and adverbs
        self.anaphor = re.compile(f"({alternation(tuple(self.anaphors))})(?:[^，。；：、]{{0,4}}|(?:{'|'.join(adverbials)})*)$") \
            if self.anaphors and adverbials else None
        self.anaphor_opening = re.compile(alternation(tuple(self.anaphors))) if self.anaphors else None
        # 这家总部设在南部商务区的企业，…: a determiner, a description and a kind open a clause about
        # the one of that kind named last
        self.described = re.compile(f"(?:{alternation(determiners)})[^，。；]{{0,24}}的({alternation(tuple(self.kinds))})，") \
            if determiners and self.kinds else None
        # 以齐鲁软件园为依托, 与A合作: a name after these is an object, not what a later 园区 stands for
        markers = lex.object_markers if lex else ()
        self.object_marker = re.compile(f"(?:{alternation(markers)})$") if markers else None
        self.third_person: tuple[str, ...] = lex.third_person_pronouns if lex else ()
        # 由市商务局牵头，会同…: a clause naming who leads
        self.leading = re.compile(f"由(.+?)(?:{alternation(lex.leading_words)})") if lex and lex.leading_words else None
        self.conditional_openers: tuple[str, ...] = lex.conditional_openers if lex else ()
        self.bid_words: tuple[str, ...] = lex.bid_words if lex else ()
        self.history: list[Mention] = []

    def _counted_kind(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> list[Mention]:
        """两个园区均位于城北区: a clause opening with a count and a kind stands for the last that many
        things of the kind named before it (in this sentence or the ones before)."""
        if self.counted_kind is None:
            return []
        clause = _clause_start(text, t0, t0)
        hit = self.counted_kind.fullmatch(text, clause, t0)
        if hit is None:
            return []
        count = self.numerals.get(hit.group(1)) or (int(hit.group(1)) if hit.group(1).isdigit() else 0)
        kind = self.kinds[hit.group(2)]
        earlier = [m for m in self.history[-12:] + [m for m in mentions if m.end <= clause]
                   if kind in class_names(m.cls) and fits(m, rule, "subject")]
        named = list({m.key: m for m in earlier}.values())
        return named[-count:] if 2 <= count <= len(named) else []

    def _both_parties(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> list[Mention]:
        """A与B签署协议，双方将携手共建X: 双方 opening the clause stands for the last two agents of the
        sentence."""
        clause = _clause_start(text, t0, t0)
        if not self.pair_words or not text.startswith(self.pair_words, clause):
            return []
        start = _sentence_start(text, clause)
        agents = list({m.key: m for m in mentions if start <= m.start and m.end <= clause and fits(m, rule, "subject")}.values())
        return agents[-2:] if len(agents) >= 2 else []

    def refers_back(self, phrase: str) -> bool:
        """该基地, 本届展会: the phrase has a determiner that points to something named before."""
        return any(d in phrase for d in self.determiners)

    @staticmethod
    def _listed(rule: dict[str, Any], text: str, mentions: list[Mention], s: Mention) -> Mention:
        """A、B、C等11家郑州企业上榜: the list before 等, not a name qualifying the count after it."""
        listed = [m for m in mentions if m.end < s.start and s.start - m.end <= 16
                  and LIST_BEFORE_DENG.fullmatch(text[m.end:s.start]) and fits(m, rule, "subject")]
        return listed[-1] if listed else s

    def _antecedent(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> Mention | None:
        """该项目(已)落户P: the subject is the last thing of the anaphor's kind named before it, in this
        sentence or the ones just before."""
        hit = self.anaphor.search(text, max(0, t0 - 16), t0) if self.anaphor else None
        clause = _clause_start(text, t0, t0)
        bare = self.bare_kind.fullmatch(text, clause, t0) if self.bare_kind else None
        if hit is None and bare is None:
            return None
        kind = self.anaphors[hit.group(1)] if hit else self.bare_kinds[bare.group(1)]  # type: ignore[union-attr]
        return self._antecedent_of(kind, rule, text, mentions, (hit or bare).start())  # type: ignore[union-attr]

    def _antecedent_of(self, kind: str, rule: dict[str, Any], text: str, mentions: list[Mention],
                       before_at: int, role: str = "subject") -> Mention | None:
        """The last thing of ``kind`` named before ``before_at``, preferring one the text was about
        (a name opening its clause) to one named as an object; a site of another kind when the text
        names none of this one (该基地 for a park that holds a base's title)."""
        earlier = [m for m in self.history[-12:] + [m for m in mentions if m.end <= before_at] if fits(m, rule, role)]
        before = [m for m in earlier if kind in class_names(m.cls)
                  or (kind == ANY_AREA and class_names(m.cls) & AREA_KINDS)]
        if not before and kind in SITE_KINDS:
            before = [m for m in earlier if class_names(m.cls) & SITE_KINDS]
        if not before:
            return None
        # the last sentence that names one; there, a name the clause is about, else one that is not
        # the object of a preposition (以齐鲁软件园为依托, 与A合作)
        for sentence in sorted({m.sentence for m in before}, reverse=True):
            here = [m for m in before if m.sentence == sentence]
            topical = [m for m in here if self._opens_clause(text, m)]
            free = [m for m in here if not (self.object_marker and self.object_marker.search(text, max(0, m.start - 3), m.start))]
            if topical or free:
                return (topical or free)[-1]
        return before[-1]

    def _opens_clause(self, text: str, m: Mention) -> bool:
        """A name the clause is about: it opens the clause, after times and adverbs or a modifier
        ending in 的 (园区内的A是…)."""
        lead = text[_clause_start(text, m.start, 40):m.start]
        return self.adverbials is not None and (bool(self.adverbials.fullmatch(lead)) or lead.endswith("的"))

    def _kind_after(self, rule: dict[str, Any], text: str, mentions: list[Mention], t1: int,
                    role: str) -> Mention | None:
        """落户园区, 入驻该基地: a kind word (or 该 + kind) right after the trigger stands for the one
        of that kind named last."""
        word = next((w for w in self.kind_words_longest_first if text.startswith(w, t1)), None)
        if word is None or any(m.start == t1 for m in mentions):
            return None
        return self._antecedent_of(self.kind_words[word], rule, text, mentions, t1, role)

    def _kind_before(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> Mention | None:
        """为园区授牌, 该基地获评: a kind word (or 该 + kind) right before the trigger stands for the one
        of that kind named last."""
        word = next((w for w in self.kind_words_longest_first if text.endswith(w, 0, t0)), None)
        if word is None or any(m.end == t0 for m in mentions):
            return None
        return self._antecedent_of(self.kind_words[word], rule, text, mentions, t0 - len(word))

    def _topic(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> Mention | None:
        """青海藏毯国际产业园位于南川工业园区，依托…; 该枢纽以…为依托，由…运营: when the trigger's clause
        names no subject (only times and adverbs before the trigger), the subject is the sentence's
        topic: the name opening its first clause (after a time opener), or the thing 该园区 stands for."""
        clause = _clause_start(text, t0, t0)
        start = _sentence_start(text, t0)
        if self.adverbials is None or clause <= start:
            return None
        if any(clause <= m.start and m.end <= t0 and fits(m, rule, "subject") for m in mentions):
            return None  # the clause names its own subject
        if self._own_subject(rule, text, mentions, t0):
            return None
        # openers naming nothing (2019年，…; 物流枢纽建设方面，…) come before the topic's clause
        first_clause = start
        while True:
            opening = re.match(r"[^，。；]*?，", text[first_clause:clause])
            if opening is None or any(first_clause <= m.start < first_clause + opening.end() for m in mentions):
                break
            if self.described and self.described.match(text, first_clause):
                break  # 这家…的企业，…: the clause names its topic by a description
            first_clause += opening.end()
        hit = self.anaphor_opening.match(text, first_clause) if self.anaphor_opening else None
        if hit is not None:
            return self._antecedent(rule, text, mentions, hit.end())
        described = self.described.match(text, first_clause) if self.described else None
        if described is not None:
            return self._antecedent_of(self.kinds[described.group(1)], rule, text, mentions, first_clause)
        bare = self.bare_kind_opening.match(text, first_clause) if self.bare_kind_opening else None
        if bare is not None and not any(m.start == first_clause for m in mentions):
            return self._antecedent_of(self.bare_kinds[bare.group()], rule, text, mentions, first_clause)  # 园区由A运营，依托B
        if len(CLAUSE_BREAK.findall(text, first_clause, clause)) > 2:
            return None  # a topic said three clauses back no longer carries
        for m in mentions:
            if first_clause <= m.start < clause and fits(m, rule, "subject"):
                lead = text[first_clause:m.start]
                # the name opening the clause, or the head after its modifier (位于城东区的X)
                if (lead == "" or (lead.endswith("的") and not CLAUSE_BREAK.search(lead))) and not text.startswith("的", m.end):
                    return m
                return None
        return None

    def _carried_subject(self, rule: dict[str, Any], text: str, mentions: list[Mention], s: Mention | None,
                         t0: int) -> Mention | None:
        """The subject of a trigger whose clause names none: what 该枢纽 / a clause-opening 片区 stands
        for, else the sentence's topic; the name nearest before (``s``) only when the clause has no
        subject of its own (X由A运营，两个园区均位于P: not A)."""
        if s is not None and not CLAUSE_BREAK.search(text, s.end, t0):
            return s
        carried = self._antecedent(rule, text, mentions, t0) or self._topic(rule, text, mentions, t0)
        if carried is not None:
            return carried
        return None if s is not None and self._own_subject(rule, text, mentions, t0) else s

    def _pronoun(self, text: str, t0: int) -> bool:
        """我市(还)依托…: the clause's subject is the document's place."""
        return bool(self.place_pronoun and self.place_pronoun.fullmatch(text, _clause_start(text, t0, t0), t0))

    def _own_subject(self, rule: dict[str, Any], text: str, mentions: list[Mention], t0: int) -> bool:
        """两个园区均位于…: words before the trigger in its clause that are neither names, times nor
        adverbs are the clause's own (unnamed) subject."""
        if self.adverbials is None:
            return False
        clause = _clause_start(text, t0, t0)
        bare = text[clause:t0]
        for m in sorted((m for m in mentions if clause <= m.start and m.end <= t0), key=lambda m: -m.start):
            bare = bare.replace(m.text, "")  # 被商务部认定为: the agent is no subject
        return not self.adverbials.fullmatch(bare)

    def _recent(self, rule: dict[str, Any], role: str, classes: list[str] | None = None) -> Mention | None:
        """The allowed mention (of ``classes`` if given) named last in the sentences just before
        (本届展会, 亮相 …)."""
        window = int(rule.get("fallback_window", 12))  # mentions back; an event may be named a paragraph before
        earlier = [m for m in self.history[-window:] if fits(m, rule, role) and (not classes or allowed(m, classes))]
        return earlier[-1] if earlier else None

    def _event_of(self, rule: dict[str, Any], phrase: str, mentions: list[Mention], before: int) -> Mention | None:
        """(在)展会上 / 5月19日举行的开幕式上 / 签约现场: the event named last whose name ends in the
        phrase's event word (论坛上 → …论坛), else the event named last."""
        word = next((a for a in sorted(rule.get("anaphors", ()), key=len, reverse=True)
                     if re.match(rf"[^，。；]{{0,20}}?{re.escape(a)}", phrase)), None)
        if word is None:
            return None
        kind = re.sub(f"(?:{alternation(tuple(rule['positions']))})$", "", word)
        events = [m for m in self.history[-20:] + [m for m in mentions if m.end <= before] if fits(m, rule, "object")]
        named = [m for m in events if len(kind) >= 2 and m.text.endswith(kind)]  # 会上: any meeting
        candidates = named or events
        return candidates[-1] if candidates else None

    @staticmethod
    def _speaker(actor: Mention, mentions: list[Mention], text: str) -> Mention:
        """云南省商务厅副厅长杨志坚: the person after a body and a title is who acts."""
        person = next((m for m in mentions if m.start > actor.end and m.cls == "Person"), None)
        if person is not None and person.start - actor.end <= 8 and not CLAUSE_BREAK.search(text, actor.end, person.start):
            return person
        return actor

    @staticmethod
    def _relative_head(rule: dict[str, Any], text: str, mentions: list[Mention], t1: int) -> Mention | None:
        """今年获评T的X, 入选T的X: the object, then 的 and the name the clause qualifies."""
        o = next((m for m in mentions if m.start >= t1 and fits(m, rule, "object")), None)
        if o is None or o.start - t1 > 2 or text[o.end:o.end + 1] != "的":
            return None
        return next((m for m in mentions if m.start == o.end + 1 and fits(m, rule, "subject")), None)

    def _hypothetical(self, text: str, t0: int) -> bool:
        """对首次入选…的，给予奖励; 被认定为…的; 积极争取纳入…: a condition or a bid, no one holds the
        title yet."""
        clause = _clause_start(text, t0, t0)
        brk = CLAUSE_BREAK.search(text, t0)
        whole = text[clause:brk.start() if brk else len(text)]
        return whole.startswith(self.conditional_openers) or whole.endswith("的") \
            or any(w in text[clause:t0] for w in self.bid_words)

    def _pronoun_opens(self, rule: dict[str, Any], text: str, t0: int) -> bool:
        """我市连续三年组团参加…: the clause opens with the document's place pronoun and names no
        crowd of its own before the trigger (我市企业参加: the companies take part)."""
        clause = _clause_start(text, t0, t0)
        crowd = tuple(rule.get("unnamed_subjects", ()))
        return bool(self.place_pronoun and self.place_pronoun.match(text, clause)) \
            and not any(w in text[clause:t0] for w in crowd)

    def _leader(self, rule: dict[str, Any], text: str, mentions: list[Mention], clause_start: int) -> Mention | None:
        """由市商务局牵头，会同A、B…: the one leading in the clause just before works with the partners."""
        previous = _clause_start(text, max(0, clause_start - 1), clause_start)
        led = self.leading.fullmatch(text, previous, max(previous, clause_start - 1)) if self.leading else None
        if led is None:
            return None
        return next((m for m in mentions if m.start == led.start(1) and fits(m, rule, "subject")), None)
