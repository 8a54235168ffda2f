"""Rule orders for where things are: a host named right before its tenants (东湖高新区内的光谷软件园),
a word standing for a site (园区集聚了A), the site a 其中 list is among, the place a sentence opens in."""

from __future__ import annotations

from kg.extract.candidates.base import ALIAS_DEFINITION
from kg.extract.clauses import _sentence_start, fits, group, nearest_after, nearest_before
from kg.extract.discourse import Discourse


class SiteOrders(Discourse):
    """Orders of ``patterns/relations.yaml`` that put tenants in sites: ``host_before``,
    ``among_hosted``, ``opening_place``, ``anaphor_host``, ``here_host`` and ``member_of``."""

    def _host_before(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """东湖高新区内的光谷软件园: the name right before the trigger hosts the name right after it."""
        host = next((m for m in mentions if m.end == t0 and fits(m, rule, "object")), None)
        first = next((m for m in mentions if m.start == t1 and fits(m, rule, "subject")), None)
        if host is None or first is None:
            return []
        return [(m, host) for m in group(mentions, first, text) if m.start >= first.start and fits(m, rule, "subject")]

    def _among_hosted(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """P集聚…企业600余家，其中A、B…: the ones named after 其中 are among those P hosts."""
        verbs = tuple(rule.get("host_verbs", ()))
        start = _sentence_start(text, t0)  # …集聚企业600余家；其中，A…: the host may be in the clause before the semicolon
        if start == t0 and start > 0:
            start = _sentence_start(text, start - 1)  # …拥有两个基地。其中，A…: 其中 goes on with the sentence before
        earlier = [m for m in self.history if m.start >= start] + mentions
        hosts = [m for m in earlier if m.end <= t0 and fits(m, rule, "object")
                 and any(v in text[m.end:t0] for v in verbs)]
        first = next((m for m in mentions if t1 <= m.start <= t1 + 2 and fits(m, rule, "subject")), None)
        if not hosts or first is None:
            return []
        return [(m, hosts[-1]) for m in group(mentions, first, text) if m.start >= first.start and fits(m, rule, "subject")]

    def _opening_place(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """在南山区，深圳湾数字文化产业园正成为…: a sentence set in a place opens with the site in it."""
        if t0 != _sentence_start(text, t0):
            return []
        host = next((m for m in mentions if m.start == t1 and fits(m, rule, "object")), None)
        if host is None:
            return []
        rest = ALIAS_DEFINITION.sub("", text[host.end:host.end + 40])
        if not rest.startswith("，"):
            return []
        brk = text.index("，", host.end)
        first = next((m for m in mentions if m.start > brk), None)
        if first is None or first.start != brk + 1 or not fits(first, rule, "subject"):
            return []
        return [(first, host)]

    def _anaphor_host(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """园区集聚了A、B / 片区内的A: the host is a word standing for the site of its kind named last
        before, in this sentence (X位于P，园区内的A: X) or the ones before."""
        anaphors: dict[str, str] = rule.get("anaphors", {})
        before = text[max(0, t0 - 8):t0]
        if self.adverbials is not None:  # 区内先后引进A: adverbs may stand between the word and the verb
            before = next((before[:i] for i in range(len(before) + 1) if self.adverbials.fullmatch(before[i:])), before)
        word = next((a for a in sorted(anaphors, key=len, reverse=True) if before.endswith(a)), None)
        if word is None or any(m.end == t0 for m in mentions):
            return []  # 东湖高新区内的A: a name, not a word standing for one (host_before's)
        at = max(0, t0 - 8) + len(before) - len(word)
        # the site the text is about (X位于P，区内已吸引A: X, not P), of the word's kind if one is named
        host = self._antecedent_of(anaphors[word], rule, text, mentions, at, "object")
        first = nearest_after(rule, mentions, t1, "subject")
        if host is None or first is None or first.start - t1 > 4:
            return []
        return [(m, host) for m in group(mentions, first, text) if fits(m, rule, "subject") and m.start >= first.start]

    def _here_host(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """…产业园获评…，A等60余家企业集聚于此: 此 is the site named last before the tenants, in this
        sentence or the one before."""
        first = nearest_before(rule, text, mentions, t0, "subject")
        if first is None:
            return []
        tenants = [m for m in group(mentions, first, text) if fits(m, rule, "subject")]
        hosts = [m for m in self.history[-12:] + mentions if m.end <= tenants[0].start and fits(m, rule, "object")]
        return [(m, hosts[-1]) for m in tenants] if hosts else []

    def _member_of(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """X为Y的下属单位, 该公司为Y的下属企业, A作为B的组成部分: Y named right before the trigger holds
        the subject of the clause, or the thing of the anaphor's kind named last."""
        whole = next((m for m in mentions if m.end == t0 and fits(m, rule, "object")), None)
        if whole is None:
            return []
        part = nearest_before(rule, text, mentions, whole.start, "subject")
        if part is None or part is whole:
            part = self._antecedent(rule, text, mentions, whole.start)
        return [(part, whole)] if part is not None and part.key != whole.key else []
