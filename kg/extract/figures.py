"""Figures: a number with its unit, the metric before it, its year, and whether it is a target or a rate."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from kg.model import Figure, Mention, Sentence

EDITION_YEAR = re.compile(r"((?:19|20)\d{2})年?(?!\d)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年(?!\s*[以至—\-－~]|\d)")
CLAUSE_BREAK = re.compile(r"[，,；;。：:！？]")
ABOUT_CLASSES = ("Place", "Zone", "Park", "Base", "Enterprise", "Organization", "Platform", "Country",
                 "City", "Province", "District")


class FigureFinder:
    def __init__(self, spec: dict[str, Any]) -> None:
        units = sorted(spec.get("units", []), key=len, reverse=True)
        self.numerals: dict[str, int] = spec.get("numerals", {})
        cn = "".join(self.numerals)
        self.pattern = re.compile(
            r"(?:(?P<low>\d+(?:\.\d+)?)(?:至|到|～|~|-))?(?P<num>\d+(?:\.\d+)?|[" + cn + r"]+)(?P<mult>万亿|万|亿|百万|千)?(?P<approx>余|多)?(?P<unit>"
            + "|".join(map(re.escape, units)) + ")")
        self.growth_words = tuple(spec.get("growth_words", []))
        self.target_words = tuple(spec.get("target_words", []))
        self.relative_years: dict[str, int] = spec.get("relative_years", {})
        # 2016年…以来, 去年以来: a span whose end is not written dates no figure (今年以来 ends now)
        self.open_span = re.compile(f"[^，。；]{{0,24}}?(?:{'|'.join(map(re.escape, spec.get('open_span_words', [])) or ['(?!)'])})")
        self.current_spans = tuple(spec.get("current_spans", []))
        self.scene_words = tuple(spec.get("scene_words", []))
        self.plan_periods: dict[str, int] = spec.get("plan_periods", {})
        self.comparison_markers = tuple(spec.get("comparison_markers", []))
        self.decline_words = tuple(spec.get("decline_words", []))
        self.stock_words = tuple(spec.get("stock_words", []))
        self.data_openers = [re.compile(p) for p in spec.get("data_continuation_openers", [])]
        self.value_verbs = sorted(spec.get("value_verbs", []), key=len, reverse=True)
        self.skip_after = tuple(spec.get("skip_after", []))
        self.metric_prefixes = tuple(spec.get("metric_prefixes", []))
        self.period_words = tuple(spec.get("period_words", []))
        self.plan_words = tuple(spec.get("plan_words", []))
        self.recurring_words = tuple(spec.get("recurring_words", []))
        self.continuation_words = tuple(spec.get("continuation_words", []))
        self.undated = [re.compile(p) for p in spec.get("undated_dates", [])]
        # A figure with no year of its own: the document's year (news report the present) or none.
        self.year_defaults_to_document = bool(spec.get("year_defaults_to_document", False))
        self.inherit_paragraph_year = bool(spec.get("inherit_paragraph_year", True))

    def _plan_year(self, before: str, doc_year: int | None) -> int | None:
        """新增…10家, 将…: what a text plans with no year named is for the year it was written in."""
        if any(w in before for w in self.recurring_words):
            return None
        return doc_year if any(w in before for w in self.plan_words) else None

    def default_year(self, doc_year: int | None) -> int | None:
        return doc_year if self.year_defaults_to_document else None

    def continues_data(self, sentence: Sentence) -> bool:
        """分领域看，…: a paragraph that goes on with the figures of the paragraph before."""
        return any(p.match(sentence.text) for p in self.data_openers)

    def continued_year(self, sentence: Sentence, previous: Sentence | None, doc_year: int | None) -> int | None:
        """其中，…: a sentence that continues the one before takes the year that one named."""
        if previous is None or not sentence.text.startswith(self.continuation_words):
            return None
        return self._year(previous.text, doc_year)

    def sentence_year(self, sentence: Sentence, doc_year: int | None) -> int | None:
        """The year a sentence opens with (2025年，… / 到2027年，…), which holds for the sentences
        after it in the same paragraph; a year in the middle of a sentence does not carry over."""
        head = sentence.text[:18]  # the opening clause or two (从…来看，2024年，…)
        if not (YEAR.search(head) or any(w in head for w in self.relative_years)
                or any(w in head for w in self.period_words) or any(p.search(head) for p in self.undated)):
            # 现代物流产业方面，青岛将…；…: a paragraph that opens with a plan is about the text's year
            return self._plan_year(head, doc_year)
        return self._year(head, doc_year, sentence.text)

    def find(self, sentence: Sentence, mentions: list[Mention], doc_year: int | None,
             place: Mention | None, context_year: int | None = None) -> list[Figure]:
        out = []
        for m in self.pattern.finditer(sentence.text):
            figure = self._figure(sentence, m, mentions, doc_year, place, context_year)
            if figure is not None:
                out.append(figure)
                if m.group("low"):  # 3至5项: the range's lower bound is a figure of its own
                    out.append(replace(figure, value=Decimal(m.group("low")), start=figure.start - 1))
        return out

    def _value(self, raw: str) -> Decimal | None:
        if raw[0].isdigit():
            try:
                return Decimal(raw)
            except InvalidOperation:
                return None
        if len(raw) != 1 or raw == "一":
            return None  # 一个, 三大: words, not figures
        return Decimal(self.numerals[raw])

    def _figure(self, sentence: Sentence, m: re.Match[str], mentions: list[Mention], doc_year: int | None,
                place: Mention | None, context_year: int | None) -> Figure | None:
        text = sentence.text
        if text[m.end():].startswith(self.skip_after):
            return None  # a date or an ordinal: 2025年, 第3届
        value = self._value(m.group("num"))
        if value is None or (m.start() > 0 and text[m.start() - 1] in "第."):
            return None
        at = sentence.start + m.start("num")
        if any(n.start <= at < n.end for n in mentions):
            return None  # “新十条”, 中国服务业500强企业: a number inside a name is part of the name
        unit = (m.group("mult") or "") + m.group("unit")
        if unit in ("万", "亿") or m.group("unit") in ("亿",) and not m.group("mult"):
            unit = m.group("unit")
        before = text[: m.start()]
        clause = CLAUSE_BREAK.split(before)[-1]
        # 每年推出… (no one year), 累计形成…47项, 拥有…3个 (a stock held now, unless a target): no year
        # taken from the paragraph
        recurring = any(w in before for w in self.recurring_words)
        stock = any(w in clause for w in self.stock_words) and not (context_year and doc_year and context_year > doc_year)
        clause_after = CLAUSE_BREAK.split(text[m.end():])[0]  # 3家企业日前入选: the time after the figure
        year = (self._year(before, doc_year) or self._relative_year(clause_after, doc_year) or self._edition_year(mentions)
                or (context_year if self.inherit_paragraph_year and not (recurring or stock) else None)
                or (doc_year if self.scene_words and any(w in before for w in self.scene_words)
                    and not (recurring or stock) else None)
                or self._plan_year(before, doc_year) or self.default_year(doc_year))
        is_growth = unit in ("%", "％", "倍") and any(w in clause[-8:] for w in self.growth_words)
        if is_growth and any(w in clause[-8:] for w in self.decline_words):
            value = -value  # 同比下降3.6%: a growth rate of -3.6%
        is_target = (any(w in before for w in self.target_words) or self._future(before, doc_year)
                     or (year is not None and doc_year is not None and year > doc_year))
        start = sentence.start + m.start()
        return Figure(metric=self._metric(clause, mentions, sentence.start + m.start() - len(clause)),
                      value=value, unit=unit.replace("％", "%"), year=year, is_target=is_target,
                      is_growth=is_growth, sentence=sentence.index, start=start, end=sentence.start + m.end(),
                      about=self._about(mentions, sentence.start + len(before) - len(clause), start, place))

    def _year(self, before: str, doc_year: int | None, whole: str = "") -> int | None:
        """The year the text before a figure names; ``whole`` (the sentence, when ``before`` is only its
        head) shows whether a year opens a span."""
        whole = whole or before
        years = [y for y in YEAR.finditer(before) if not self.open_span.match(whole, y.end())]
        relative = [(at, d) for w, d in self.relative_years.items() for at in [before.rfind(w)]
                    if at >= 0 and not before[:at].endswith(self.comparison_markers)
                    and (w in self.current_spans or not self.open_span.match(whole, at + len(w)))]
        best_rel = max(relative) if relative else None
        if years and (best_rel is None or years[-1].start() > best_rel[0]):
            return int(years[-1].group(1))
        if best_rel is not None and doc_year is not None:
            return doc_year + best_rel[1]
        periods = [(before.rfind(p), end) for p, end in self.plan_periods.items() if p in before]
        if periods:
            return max(periods)[1]
        if any(word in before for word in self.period_words) or any(p.search(before) for p in self.undated):
            return doc_year  # 上半年, 5月22日: this year
        return None

    def _relative_year(self, clause: str, doc_year: int | None) -> int | None:
        hits = [(clause.find(w), d) for w, d in self.relative_years.items() if w in clause]
        return doc_year + min(hits)[1] if hits and doc_year is not None else None

    @staticmethod
    def _edition_year(mentions: list[Mention]) -> int | None:
        """在2021服贸会…上，15个项目签约: an event named with its year dates the sentence's figures."""
        for m in mentions:
            hit = EDITION_YEAR.match(m.text)
            if m.cls == "Event" and hit:
                return int(hit.group(1))
        return None

    @staticmethod
    def _future(before: str, doc_year: int | None) -> bool:
        if doc_year is None:
            return False
        return any(int(y) > doc_year for y in re.findall(r"到((?:19|20)\d{2})年", before))

    def _metric(self, clause: str, mentions: list[Mention], clause_start: int) -> str:
        metric = clause
        for m in mentions:  # drop names at the head of the clause: the metric is what follows them
            if clause_start <= m.start < clause_start + len(clause) and m.start - clause_start <= 1:
                metric = clause[m.end - clause_start:]
        metric = YEAR.sub("", metric)
        for word in self.relative_years:
            metric = metric.replace(word, "")
        for prefix in self.metric_prefixes:
            metric = metric.replace(prefix, "")
        changed = True
        while changed and metric:
            changed = False
            for verb in (*self.value_verbs, *self.target_words):
                if metric.endswith(verb):
                    metric, changed = metric[: -len(verb)], True
        return metric.strip(" 的，,、") or clause.strip() or "数值"

    @staticmethod
    def _about(mentions: list[Mention], clause_start: int, start: int, place: Mention | None) -> Mention | None:
        from kg.extract.relations import class_names

        near = [m for m in mentions if clause_start - 2 <= m.start and m.end <= start
                and class_names(m.cls) & set(ABOUT_CLASSES)]
        return near[-1] if near else place
