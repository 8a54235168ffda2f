"""Relations from trigger words: the rules in ``patterns/relations.yaml`` applied sentence by sentence."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Callable
from typing import Any

from kg.extract.candidates.base import ALIAS_DEFINITION, alternation
from kg.extract.clauses import (nearest_after, nearest_before, CLAUSE_BREAK, _clause_start, _respectively, _sentence_start,
                                _window_start, allowed, class_names, fits, group)
from kg.extract.event_orders import EventOrders
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.site_orders import SiteOrders
from kg.model import Mention, RelationMention, Sentence

__all__ = ["CLAUSE_BREAK", "RelationFinder", "class_names", "fits", "group"]  # others import these from here

# What may stand between the last partner and the trigger: 等…的 (加强与A、B等境外交易所的合作) or a
# short verb (签署战略合作协议, 开展合作); longer words mean the name qualifies an unnamed partner.
PARTNER_TAIL = re.compile(r"(?:等[^，。；：]{0,12}?)?的?[^，。；：]{0,4}")


@lru_cache(maxsize=4)
def _joined_list_pattern(joiners: tuple[str, ...]) -> re.Pattern[str]:
    """…等本地龙头企业，以及: the end of a list another list is joined to."""
    return re.compile(rf"(?:（[^）]{{0,16}}）)?等[\u4e00-\u9fff]{{0,8}}[，,]?(?:{alternation(joiners) if joiners else '(?!)'})")


class RelationFinder(SiteOrders, EventOrders):
    """The rules of ``patterns/relations.yaml``: each trigger found in a sentence hands its rule to the
    rule's ``order``, the method that knows where that wording puts the subject and the object.
    Orders for events are in event_orders.py, orders for where things are in site_orders.py, and
    what a clause leaves out (topics, 该项目, scenes) in discourse.py."""

    _before = staticmethod(nearest_before)
    _after = staticmethod(nearest_after)

    def __init__(self, rules: list[dict[str, Any]], lex: Lexicon | None = None) -> None:
        super().__init__(lex)
        self.rules = rules
        # 位于P的S, 位于P（…）核心区的S: what may stand between the place and 的
        self.site_filler = re.compile(f"(?:{alternation(lex.site_fillers)})?的" if lex and lex.site_fillers else "的")
        self.respectively = lex.respectively_words if lex else ()  # A和B分别入选X和Y: A→X, B→Y
        self.count = re.compile(lex.counted if lex else r"(?!)")  # 8个案例入选: a count of the things a rule is about
        self.orders: dict[str, Callable[..., list[tuple[Mention, Mention]]]] = {
            "subject_first": self._subject_first, "object_first": self._object_first,
            "place_between": self._place_between, "object_after": self._object_after,
            "pair_before": self._pair_before, "subject_after": self._subject_after,
            "by_agents": self._by_agents, "located_prefix": self._located_prefix,
            "anaphor_host": self._anaphor_host, "title_before": self._title_before,
            "host_before": self._host_before, "at_event": self._at_event, "yi_wei": self._yi_wei,
            "verb_s_wei_o": self._verb_s_wei_o, "among_hosted": self._among_hosted,
            "event_anaphor": self._event_anaphor, "during": self._during, "opening_place": self._opening_place,
            "here_host": self._here_host, "booth": self._booth, "member_of": self._member_of,
        }

    def find(self, text: str, sentence: Sentence, mentions: list[Mention], place: Mention | None,
             history: list[Mention] | None = None) -> list[RelationMention]:
        """Relations of one sentence; ``history`` holds the mentions of the sentences before it."""
        self.history = history or []
        found: dict[tuple[int, str, int], RelationMention] = {}
        # （以下简称“天津开发区”）: words inside an alias definition are a name, no trigger
        asides = [(sentence.start + a.start(), sentence.start + a.end()) for a in ALIAS_DEFINITION.finditer(sentence.text)]
        for rule in self.rules:
            for trigger in rule["triggers"]:
                for m in re.finditer(re.escape(trigger), sentence.text):
                    t0, t1 = sentence.start + m.start(), sentence.start + m.end()
                    if any(x.start < t1 and t0 < x.end for x in mentions) or any(a <= t0 < b for a, b in asides):
                        continue  # the trigger word is part of a name
                    if text.startswith(tuple(rule.get("not_before", ())), t1):
                        continue  # 联合主办: a joint act of another predicate's
                    if rule.get("followed_by") and not text.startswith(tuple(rule["followed_by"]), t1):
                        continue  # X成功获批，…: the title is the list's, named before
                    if text[:t0].endswith(tuple(rule.get("not_after", ()))):
                        continue  # 以A为依托: another rule's form of the same verb
                    window = text[t1:t1 + rule.get("after_window", 20)]
                    if rule.get("requires_after") and not any(w in window for w in rule["requires_after"]):
                        continue
                    if rule.get("requires_before") and not any(w in text[max(0, t0 - 8):t0] for w in rule["requires_before"]):
                        continue
                    pairs = self.orders[rule["order"]](rule, text, mentions, t0, t1, place)
                    if self.respectively and text[:t0].endswith(self.respectively):
                        pairs = _respectively(pairs)
                    if rule.get("reverse"):
                        pairs = [(o, s) for s, o in pairs]  # A旗下的P: the host is the subject
                    for s, o in pairs:
                        if s.key != o.key:
                            key = (s.start, rule["predicate"], o.start)
                            found.setdefault(key, RelationMention(s, rule["predicate"], o, sentence.index, trigger))
        return list(found.values())

    def _pairs(self, text: str, mentions: list[Mention], s: Mention | None, o: Mention | None,
               rule: dict[str, Any] | None = None) -> list[tuple[Mention, Mention]]:
        """Every member of the subject's enumeration with every member of the object's."""
        if s is None or o is None:
            return []
        fits_s = (lambda m: fits(m, rule, "subject")) if rule else (lambda m: m.cls == s.cls)
        fits_o = (lambda m: fits(m, rule, "object")) if rule else (lambda m: m.cls == o.cls)
        subjects = [m for m in group(mentions, s, text) if m is s or fits_s(m)] if s in mentions else [s]
        objects = [m for m in group(mentions, o, text) if m is o or fits_o(m)] if o in mentions else [o]
        return [(a, b) for a in subjects for b in objects]

    def _subject_first(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        s = self._before(rule, text, mentions, t0, "subject")
        joined: list[Mention] = []
        if s is not None:
            s = self._carrier(rule, text, mentions, s)
            s = self._listed(rule, text, mentions, s)
            lead = group(mentions, s, text)[0] if s in mentions else s
            joined = self._joined_list(rule, text, mentions, lead)  # A、B等本地企业，以及C、D…亮相
            if text[:lead.start].endswith(tuple(rule.get("subject_not_preceded_by", ()))):
                return []  # 依托A、B建设X: A and B are what is relied on, not who builds
            crowd = tuple(rule.get("unnamed_subjects", ()))
            between = text[s.end:t0]
            adverbs = alternation(tuple(rule.get("crowd_adverbs", ()))) if rule.get("crowd_adverbs") else "(?!)"
            unnamed = crowd and re.search(f"(?:{alternation(crowd)})(?:{adverbs})?$", between)
            if unnamed and not (between.startswith("等") and "的" not in between):
                s = None  # 组织企业参加, 来自A、B等国家的60余家企业参会: those who take part are unnamed
        if not self._counted(text, t0, t1):
            s = self._carried_subject(rule, text, mentions, s, t0)
        elif s is not None and CLAUSE_BREAK.search(text, s.end, t0) and self._own_subject(rule, text, mentions, t0):
            s = None  # X由A运营，两个园区均位于P: the clause's own subject, unnamed, is in P
        if s is None:
            s = self._kind_before(rule, text, mentions, t0)  # 市商务局为园区授牌…: the park named last
        if s is None:
            s = self._relative_head(rule, text, mentions, t1)  # 今年获评T的X: X
        if s is None and rule.get("fallback_subject") == "place" and not self._counted(text, t0, t1) \
                and not self._hypothetical(text, t0):
            s = place
        if s is None and place is not None and fits(place, rule, "subject") and self._pronoun_opens(rule, text, t0):
            s = place  # 我市连续三年组团参加E: the clause's pronoun is the document's place
        o = self._after(rule, mentions, t1, "object", text)
        if o is None or o.start - t1 > 6:
            o = self._kind_after(rule, text, mentions, t1, "object") or o
        if s is None and o is not None and rule.get("subject_after_clause"):
            return self._clause_subject(rule, text, mentions, o, place)
        if o is None and rule.get("fallback_object") == "place":
            # 海口江东新区毗邻…，目前已有A等企业落户: the site the sentence is about, else the document's place
            opener = self._clause_opener(rule, text, mentions, _clause_start(text, t0, t0), "object")
            o = opener if opener is not None and allowed(opener, rule.get("fallback_hosts", [])) else place
        if o is None and rule.get("fallback_object") == "recent":
            # 同期举办的E吸引了…，A、B等高校…参加: this sentence's event first, else the one named last before
            classes = rule.get("fallback_classes")
            here = [m for m in mentions if m.end <= t0 and fits(m, rule, "object") and (not classes or allowed(m, classes))]
            o = here[-1] if here else self._recent(rule, "object", classes)
        if s is None and o is not None:
            counted = self._counted_kind(rule, text, mentions, t0) or self._both_parties(rule, text, mentions, t0)  # 两个园区均位于P, 双方
            if counted:
                return [(m, o) for m in counted]
        pairs = self._pairs(text, mentions, s, o, rule)
        return pairs + [(m, o) for m in joined if pairs and o is not None and m is not s]

    @staticmethod
    def _carrier(rule: dict[str, Any], text: str, mentions: list[Mention], s: Mention) -> Mention:
        """A携自主研发的P亮相: who carries the thing appears, not the thing carried."""
        words = tuple(rule.get("carrying_words", ()))
        clause = _clause_start(text, s.start, s.start)
        at = max((text.rfind(w, clause, s.start) for w in words), default=-1)
        if at < 0:
            return s
        carriers = [m for m in mentions if clause <= m.start and m.end <= at and fits(m, rule, "subject")]
        return carriers[-1] if carriers else s

    @staticmethod
    def _joined_list(rule: dict[str, Any], text: str, mentions: list[Mention], lead: Mention) -> list[Mention]:
        """A、B等本地企业，以及C、D等境外企业: the list joined by 以及 before the subject's own list."""
        hit = _joined_list_pattern(load_lexicon().list_joiners).search(text, max(0, lead.start - 16), lead.start)
        if hit is None or hit.end() != lead.start:
            return []
        last = next((m for m in reversed(mentions) if m.end == hit.start() and fits(m, rule, "subject")), None)
        return [m for m in group(mentions, last, text) if fits(m, rule, "subject")] if last else []

    def _clause_subject(self, rule: dict[str, Any], text: str, mentions: list[Mention], o: Mention,
                        place: Mention | None) -> list[tuple[Mention, Mention]]:
        """作为A和首批B(之一)，大连/我市…: the titles run to the clause's end; the subject opens the next
        clause (a name right there, or 我市 for the document's city)."""
        brk = CLAUSE_BREAK.search(text, o.end, o.end + rule["gap"])
        if brk is None:
            return []
        titles = [m for m in mentions if o.start <= m.start and m.end <= brk.start() and fits(m, rule, "object")]
        subject: Mention | None = None
        if place is not None and text.startswith(tuple(rule.get("place_pronouns", ())), brk.end()):
            subject = place
        else:
            first = next((m for m in mentions if m.start >= brk.end()), None)
            if first is not None and first.start - brk.end() <= 2 and fits(first, rule, "subject"):
                subject = first
        return [(subject, t) for t in titles] if subject is not None else []

    def _counted(self, text: str, t0: int, t1: int) -> bool:
        """8个案例入选…, 新获批2家…: counted things around the trigger are what it is about, not
        the document's city."""
        return bool(self.count.search(text[_clause_start(text, t0, 30):t0]) or self.count.match(text[t1:t1 + 8]))

    def _subject_after(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        s = self._after(rule, mentions, t1, "subject", text)
        o = self._before(rule, text, mentions, t0, "object")
        clause = _clause_start(text, t0, t0)
        agents = [m for m in mentions if clause <= m.start and m.end <= t0 and allowed(m, rule.get("fallback_unless", []))]
        if o is None and rule.get("fallback_object") == "place" and not agents:
            o = place  # 成功举办E: in the document's city; not 商务部召开E, the body's own meeting
        if o is None and rule.get("fallback_object") == "recent":  # 参展企业包括A、B: the event named last
            o = self._recent(rule, "object", rule.get("fallback_classes"))
        if o is None and rule.get("fallback_object") == "clause_opener":  # X（…）是…载体，下辖A、B: X
            o = self._clause_opener(rule, text, mentions, _clause_start(text, t0, t0), "object")
        if o is None:  # 片区划分为A、B和C: the kind word opening the clause stands for the one named last
            clause = _clause_start(text, t0, t0)
            bare = self.bare_kind.fullmatch(text, clause, t0) if self.bare_kind else None
            o = self._antecedent_of(self.bare_kinds[bare.group(1)], rule, text, mentions, clause, "object") if bare else None
        if s is None or o is None:
            return []
        # 湖北省商务厅与武汉市人民政府联合举办了E: a list before the verb acts together
        objects = [m for m in group(mentions, o, text) if m.end <= t0 and fits(m, rule, "object")] if o in mentions else [o]
        return [(m, x) for m in group(mentions, s, text) if fits(m, rule, "subject") for x in objects or [o]]

    def _by_agents(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """(E)由A、B主办: the agents between 由 and the trigger, the thing before 由 (or named last
        in the sentences before: 本届展会由…, 该平台由…运营). Without 由, the list right before the
        trigger in its clause (…共同主办，A、B承办). ``agent_is_subject``: 由X运营 gives X operates P."""
        window = _window_start(text, t0, rule["gap"] + len(text[:t0]) - len(ALIAS_DEFINITION.sub("", text[:t0])))
        # the last 由 before the trigger that is no part of a name (中国（广西）自由贸易试验区…)
        by = next((i for i in range(t0 - 1, window - 1, -1) if text[i] == "由"
                   and not any(m.start <= i < m.end for m in mentions)), -1)
        agent_role, thing_role = ("subject", "object") if rule.get("agent_is_subject") else ("object", "subject")
        if by >= 0 and any(by < m.start and m.end <= t0 and fits(m, rule, thing_role) for m in mentions):
            return []  # 由A主办的E在P举办: the 由 phrase names E's hosts; E is held, not the fair before 由
        if by >= 0:
            between = [m for m in mentions if by < m.start and m.end <= t0 and fits(m, rule, agent_role)]
            # 由市商务局指导、A建设运营: the list right before the verb, and names joined to it by 与/及
            # (由商务部与东盟10国经贸主管部门及东盟秘书处共同主办), not one that acts otherwise (指导)
            agents = [m for m in group(mentions, between[-1], text) if by < m.start and m.end <= t0
                      and fits(m, rule, agent_role)] if between else []
            agents = [m for m in between if m.end <= agents[0].start and re.match(r"\s*(?:与|和|及|、)", text[m.end:])
                      ] + agents if agents else agents  # (东盟10国…部门: a name qualifying an unnamed agent is none)
            things = [m for m in mentions if m.end <= by and fits(m, rule, thing_role)]
        elif rule.get("agent_is_subject") or rule.get("by_only"):
            return []  # A承建了Y, A印发《X》 without 由 are the subject-first rules
        else:
            last = self._before(rule, text, mentions, t0, agent_role)
            if last is None or CLAUSE_BREAK.search(text[last.end:t0]) or t0 - last.end > 2 or text[t1:t1 + 1] == "的":
                return []  # X主办的E is the object_first rule's
            agents = [m for m in group(mentions, last, text) if m.end <= t0 and fits(m, rule, agent_role)]
            things = [m for m in mentions if m.end <= agents[0].start and fits(m, rule, thing_role)]
        closing = re.match(r"、[^，。；的]{0,30}?的", text[t1:t1 + 32])  # 由A主办、B承办的E: E follows both
        close_at = t1 + (closing.end() - 1 if closing else 0)
        if text.startswith("的", close_at):  # 由A建设运营的Y: the thing follows
            following = [m for m in mentions if close_at < m.start <= close_at + 2 and fits(m, rule, thing_role)]
            things = following[:1] or things
        if by >= 0 and things and CLAUSE_BREAK.search(text, things[-1].end, by):
            # 该枢纽以…为依托，由A统一运营: the clause opened by 由 is about the sentence's topic
            topic = self._topic(rule | {"subject": rule[thing_role], "subject_not": []}, text, mentions, by)
            things = [topic] if topic else things
        opening = text[_sentence_start(text, t0):max(by, 0)]
        if not things and (self.refers_back(opening) or not any(
                _sentence_start(text, t0) <= m.start and m.end <= max(by, 0) for m in mentions)):
            # 本届展会由…主办, 该基地地处P，由A运营: the thing named last in the sentences just before
            # (not when the sentence names its own, of another kind: 西宁综合保税区…，由A负责开发运营)
            recent = self._recent(rule, thing_role)
            things = [recent] if recent else []
        if not agents or not things:
            return []
        if rule.get("agent_is_subject"):
            return [(a, things[-1]) for a in agents]
        return [(things[-1], a) for a in agents]

    def _yi_wei(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """(A)以B为依托: A relies on B (the document's city when no A is named)."""
        yi = text.rfind("以", _window_start(text, t0, rule["gap"]), t0)
        if yi < 0 or CLAUSE_BREAK.search(text, yi, t0):
            return []
        objects = [m for m in mentions if yi < m.start and m.end <= t0 and fits(m, rule, "object")]
        holder = [m for m in mentions if m.end <= yi and yi - m.end <= 4 and fits(m, rule, "subject")
                  and not CLAUSE_BREAK.search(text, m.end, yi)]  # X位于P，以Y为载体: not P
        subject = holder[-1] if holder else (self._antecedent(rule, text, mentions, yi)
                                              or self._topic(rule, text, mentions, yi) or place)
        return [(subject, o) for o in objects] if subject is not None else []

    def _verb_s_wei_o(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """商务部认定A、B为国家数字服务出口基地: the names after the verb hold the title after 为."""
        first = next((m for m in mentions if t1 <= m.start <= t1 + 2 and fits(m, rule, "subject")), None)
        if first is None:
            return []
        holders = [m for m in group(mentions, first, text) if m.start >= first.start and fits(m, rule, "subject")]
        title = next((m for m in mentions if m.start > holders[-1].end and text[holders[-1].end:m.start] == "为"
                      and fits(m, rule, "object")), None)
        return [(h, title) for h in holders] if title is not None else []

    def _title_before(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """在…名单中，X榜上有名: the holder right before the verb, the title named before it in the sentence."""
        s = self._before(rule, text, mentions, t0, "subject")
        if s is None:
            return []
        s = self._listed(rule, text, mentions, s)
        holders = [m for m in group(mentions, s, text) if fits(m, rule, "subject")]
        titles = [m for m in mentions if m.end <= holders[0].start and fits(m, rule, "object")]
        return [(h, titles[-1]) for h in holders] if titles else []

    def _located_prefix(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        o = self._after(rule, mentions, t1, "object")
        if o is not None:
            aside = ALIAS_DEFINITION.match(text, o.end)
            after = aside.end() if aside else o.end  # 位于P（以下简称“p”）的S: the aside names P again
            s = self._after(rule, mentions, after, "subject")
            if s is not None and self.site_filler.fullmatch(text, after, s.start):
                return [(s, o)]  # 位于P的S, 位于P核心区的S
            described = self.described.match(text, _clause_start(text, t0, t0)) if self.described else None
            if described and described.start(1) == after + 1:
                # 这家总部位于P的企业，…: the one of that kind named last is in P
                s = self._antecedent_of(self.kinds[described.group(1)], rule, text, mentions, described.start())
                return [(s, o)] if s is not None else []
        if text[:t0].endswith("在"):
            return []  # E在位于P的S举行: what is in P is the venue after it, not E
        return self._subject_first(rule, text, mentions, t0, t1, place)

    def _object_first(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        o = self._before(rule, text, mentions, t0, "object")
        if o is not None and text[:o.start].endswith(tuple(rule.get("object_not_preceded_by", ()))):
            return []
        if o is None and rule.get("fallback_object") == "place":
            o = place  # 出台“创投风投十条”: the clause's unstated subject is the document's city
        return self._pairs(text, mentions, self._after(rule, mentions, t1, "subject", text), o, rule)

    def _object_after(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        o = self._after(rule, mentions, t1, "object")
        first = next((m for m in mentions if m.start >= t1), None)
        if o is not first:
            return []  # 依托国家物流枢纽，建设…上合组织…: what the trigger governs is the name right after it
        s = self._carried_subject(rule, text, mentions, self._before(rule, text, mentions, t0, "subject"), t0)
        if self.third_person and text[:t0].endswith(self.third_person):
            # 兰州新区已获批…，《措施》支持其凭借A: 其 is the name an earlier clause of the sentence opens with
            s = self._clause_opener(rule, text, mentions, _clause_start(text, t0, t0)) or s
        if s is None and o is not None and (not self._own_subject(rule, text, mentions, t0) or self._pronoun(text, t0)):
            s = place  # 依托Y建设X: the actor (the document's city when unnamed) relies on Y, not X
        return self._pairs(text, mentions, s, o, rule)

    def _place_between(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        at = text.rfind("在", _window_start(text, t0, rule["gap"]), t0)
        if at < 0:
            return []
        venue = [m for m in mentions if m.start >= at and m.end <= t0 and fits(m, rule, "object")]
        events = [m for m in mentions if fits(m, rule, "subject")
                  and (m.start >= t1 if rule.get("subject_after_trigger") else (m.end <= at or m.start >= t1))]
        if not venue or not events:
            return []
        event = min(events, key=lambda m: min(abs(at - m.end), abs(m.start - t1)))
        return [(event, venue[-1])]

    def _pair_before(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """X与Y合作, 加强与A、B等…的合作: the partners follow a conjunction before the trigger (a list
        counts member by member); the subject is the name right before the conjunction, else the
        document's city. 联合Y: the city (or the name before) with Y."""
        joins = "|".join(map(re.escape, rule.get("conjunctions", [])))
        clause_start = _clause_start(text, t0, rule["gap"])
        # the first partner: a name right after a conjunction, in the trigger's clause
        first = next((m for m in mentions if clause_start <= m.start and m.end <= t0 and fits(m, rule, "object")
                      and joins and re.search(rf"(?:{joins})\s*$", text[clause_start:m.start])), None)
        if first is not None:
            partners = [m for m in group(mentions, first, text) if m.start >= first.start and m.end <= t0
                        and fits(m, rule, "object")]
            if not PARTNER_TAIL.fullmatch(text[partners[-1].end:t0]):
                return []  # 与阿联酋一家游戏发行商, 和欧洲发行渠道上: the name only qualifies the partner
            holder = [m for m in mentions if clause_start <= m.end and m.end <= first.start
                      and first.start - m.end <= 8 and fits(m, rule, "subject")]
            # 今年3月，公司与A签署…: a kind word before the conjunction stands for the one named last
            subject = holder[-1] if holder else self._antecedent(rule, text, mentions, first.start - 1) or place
            return [(subject, p) for p in partners] if subject is not None else []
        after = self._after(rule, mentions, t1, "object")
        if after is None or text[t1:after.start].strip() or place is None:
            return []
        partners = [m for m in group(mentions, after, text) if m.start >= after.start and fits(m, rule, "object")]
        if any(w in text[partners[-1].end:partners[-1].end + 10] for w in rule.get("not_before", ())):
            return []  # A会同B(近日)印发《…》: issuedBy both, no partnership
        before = [m for m in mentions if clause_start <= m.start and m.end <= t0 and fits(m, rule, "subject")]
        subject = before[-1] if before else self._leader(rule, text, mentions, clause_start) \
            or self._clause_opener(rule, text, mentions, clause_start) or place
        return [(subject, p) for p in partners]

    @staticmethod
    def _clause_opener(rule: dict[str, Any], text: str, mentions: list[Mention], clause_start: int,
                       role: str = "subject") -> Mention | None:
        """今年，文创港又上线了…，联合A、B…: the name opening an earlier clause of the sentence acts on."""
        sentence_start = _sentence_start(text, clause_start)
        openers = [m for m in mentions if sentence_start <= m.start < clause_start and fits(m, rule, role)
                   and (m.start == sentence_start or CLAUSE_BREAK.match(text, m.start - 1))]
        return openers[-1] if openers else None
