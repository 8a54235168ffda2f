"""Rule orders for events: who takes part in an event met at a scene (A在E上发布…, 论坛上，A与B签署…)
and the events held during a fair."""

from __future__ import annotations

import re

from kg.extract.candidates.base import alternation
from kg.extract.clauses import CLAUSE_BREAK, _sentence_start, _window_start, fits, group
from kg.extract.discourse import Discourse


class EventOrders(Discourse):
    """Orders of ``patterns/relations.yaml`` that place actors at events: ``at_event``,
    ``event_anaphor``, ``during`` and ``booth``."""

    def _at_event(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """A在E上发布/签约…, 在E上，A发布…: who acts at an event takes part in it. 在展会上发布: an
        event word of the rule's ``anaphors`` stands for the event of its kind named last."""
        at = text.rfind("在", _window_start(text, t0, rule["gap"]), t0)
        positions = alternation(tuple(rule["positions"]))
        if at < 0 or (CLAUSE_BREAK.search(text, at, t0) and not re.match(rf"[^，。；]*(?:{positions})，", text[at:t0])):
            return []
        event = next((m for m in mentions if at < m.start and m.end <= t0 and fits(m, rule, "object")
                      and text.startswith(tuple(rule["positions"]), m.end)), None)
        if event is None and not any(at < m.start < t0 for m in mentions if fits(m, rule, "object")):
            event = self._event_of(rule, text[at + 1:t0], mentions, at)
        if event is None:
            return []
        before = [m for m in mentions if m.end <= at and at - m.end <= 6 and fits(m, rule, "subject")
                  and not CLAUSE_BREAK.search(text, m.end, at)]
        after = [m for m in mentions if max(event.end, at) < m.start and m.end <= t0 and fits(m, rule, "subject")]
        actor = before[-1] if before else (after[0] if after else None)
        if actor is None:
            return []
        if not before:
            actor = self._speaker(actor, mentions, text)
        actors = [m for m in group(mentions, actor, text) if fits(m, rule, "subject")]
        # A在展台与B签下…: the one A acts with takes part too
        partners_words = alternation(tuple(rule.get("partner_words", ()))) or "(?!)"
        partners = [m for m in mentions if max(event.end, at) < m.start and m.end <= t0 and fits(m, rule, "subject")
                    and re.search(rf"(?:{partners_words})\s*$", text[max(event.end, at):m.start])]
        return [(m, event) for m in actors + partners[:1]]

    def _event_anaphor(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """论坛上，A与B签署…; 在5月19日举行的开幕式上，A、B…签订…: a sentence opening at an event named
        before (论坛 for the last …论坛) takes part in it, A (with its list) and those A acts with."""
        start = _sentence_start(text, t0)
        scene = start
        if text.startswith(tuple(rule.get("continuations", ())), start) and start > 0:
            end = start
            while end > 0 and text[end - 1].isspace():
                end -= 1  # the sentence before may end the paragraph before
            scene = _sentence_start(text, max(0, end - 1))  # …签约仪式上，36个项目签约。其中，A与B签署…
        opener = re.match(r"(?:在)?([^，。；]{0,30}?)，", text[scene:t0])
        event = self._event_of(rule, opener.group(1), mentions, t0) if opener else None
        actors = [m for m in mentions if start < m.start and m.end <= t0 and fits(m, rule, "subject")]
        if event is None or not actors:
            return []
        first = self._speaker(actors[0], mentions, text)
        listed = [m for m in group(mentions, first, text) if m.start >= first.start and fits(m, rule, "subject")]
        partner_words = alternation(tuple(rule.get("partner_words", ()))) or "(?!)"
        joined = [m for m in actors if m.start > listed[-1].end
                  and re.fullmatch(rf"\s*(?:{partner_words})\s*", text[listed[-1].end:m.start])]
        return [(m, event) for m in [*listed, *joined]]

    def _during(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """文博会期间，A、B等配套活动同期举行: the events named after the period are the fair's own
        (展会期间: the event named last)."""
        host = next((m for m in mentions if m.end == t0 and fits(m, rule, "object")), None)
        if host is None and text[:t0].endswith(tuple(rule.get("anaphors", ()))):
            host = self._recent(rule, "object")
        first = next((m for m in mentions if t1 < m.start <= t1 + rule["gap"] and fits(m, rule, "subject")), None)
        if host is None or first is None:
            return []
        return [(m, host) for m in group(mentions, first, text) if m.start >= first.start and fits(m, rule, "subject")]

    def _booth(self, rule, text, mentions, t0, t1, place):  # type: ignore[no-untyped-def]
        """2025年服贸会武汉展区, 展馆内，武汉展区集中展示了…: a place's booth is its taking part in the
        event named with it, else in the event named last."""
        holder = next((m for m in mentions if m.end == t0 and fits(m, rule, "subject")), None)
        if holder is None:
            return []
        named = next((m for m in mentions if m.end == holder.start and fits(m, rule, "object")), None)
        earlier = [m for m in self.history + mentions if m.end <= holder.start and fits(m, rule, "object")]
        event = named or (earlier[-1] if earlier else None)
        return [(holder, event)] if event is not None else []
