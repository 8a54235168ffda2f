"""The spaCy pipeline: a blank Chinese language on the jieba segmenter and our components.

>>> nlp = build_pipeline()
>>> nlp.pipe_names
['stkg_mentions', 'stkg_relations', 'stkg_figures']
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import find_mentions
from kg.extract.figures import FigureFinder
from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.nested import nested_relations
from kg.extract.relations import RelationFinder
from kg.extract.tokens import Words
from kg.load.sentences import split_sentences
from kg.model import Mention, RelationMention, Sentence

for _attr in ("stkg_mentions", "stkg_aliases", "stkg_relations", "stkg_figures"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

SPAN_KEY = "stkg"
jieba.setLogLevel(60)  # jieba prints its cache-building chatter on stderr otherwise


def _text(doc: Doc) -> str:
    """The document's text, kept once: spaCy rebuilds Doc.text from its tokens on every access."""
    data = doc.user_data
    if "text" not in data:
        data["text"] = doc.text
    return str(data["text"])


def _context(doc: Doc) -> tuple[list[Sentence], dict[str, str], Mention | None, int | None]:
    """What the components need beyond the text: sentences, the document's place and year.
    ``nlp(text)`` works too: the sentences are split here and the place and year stay unknown."""
    data = doc.user_data
    if "sentences" not in data:
        data["sentences"] = split_sentences(_text(doc))
    return data["sentences"], data.get("place", {}), data.get("place_mention"), data.get("year")


@Language.factory("stkg_mentions", default_config={"lexicon_dir": None})
def make_mentions(nlp: Language, name: str, lexicon_dir: str | None) -> "MentionComponent":
    return MentionComponent(load_lexicon(Path(lexicon_dir) if lexicon_dir else None))


class MentionComponent:
    """Entity mentions with exact character offsets (doc._.stkg_mentions, and doc.spans["stkg"])."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        sentences, place, _, _ = _context(doc)
        text = _text(doc)
        mentions, aliases = find_mentions(text, sentences, Words(text), self.lex, place)
        doc._.stkg_mentions, doc._.stkg_aliases = mentions, aliases
        spans = [doc.char_span(m.start, m.end, label=m.cls, alignment_mode="expand") for m in mentions]
        doc.spans[SPAN_KEY] = [s for s in spans if s is not None]
        return doc


@Language.factory("stkg_relations", default_config={"lexicon_dir": None})
def make_relations(nlp: Language, name: str, lexicon_dir: str | None) -> "RelationComponent":
    return RelationComponent(load_lexicon(Path(lexicon_dir) if lexicon_dir else None))


class RelationComponent:
    """Relations from trigger words in each sentence, and those that names state by their structure."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.finder = RelationFinder(lex.relation_rules, lex)

    def __call__(self, doc: Doc) -> Doc:
        sentences, _, place, _ = _context(doc)
        text = _text(doc)
        found = []
        history: list[Mention] = []
        for sentence, mentions in _by_sentence(sentences, doc._.stkg_mentions or []):
            found += self.finder.find(text, sentence, mentions, _place_in(place, sentence), history)
            history = (history + mentions)[-40:]
        inner, structural, short_names = nested_relations(doc._.stkg_mentions or [], self.lex, text,
                                                          doc._.stkg_aliases)
        doc._.stkg_aliases = (doc._.stkg_aliases or []) + short_names
        relations = found + structural
        unheld = _unheld_tiers(doc._.stkg_mentions or [], relations, self.lex)
        if unheld:  # 建成2个国家级特色服务出口基地: a tier with no named holder is a kind, not a title
            doc._.stkg_mentions = [m for m in doc._.stkg_mentions if m.key not in unheld]
            relations = [r for r in relations if r.subject.key not in unheld and r.object.key not in unheld]
        doc._.stkg_relations = relations
        doc.user_data["inner_mentions"] = inner
        return doc


def _unheld_tiers(mentions: list[Mention], relations: list[RelationMention], lex: Lexicon) -> set[str]:
    """Keys of tier titles (省级…基地, 市级…项目) and kind titles (独角兽企业) that no one in the
    document is said to hold."""
    tiers = {m.key for m in mentions if m.cls == "Designation"
             and (m.text.startswith(lex.tier_prefixes) or m.key in lex.kind_titles)}
    held = {r.object.key for r in relations if r.predicate == "designatedAs"}
    return tiers - held


@Language.factory("stkg_figures", default_config={"lexicon_dir": None})
def make_figures(nlp: Language, name: str, lexicon_dir: str | None) -> "FigureComponent":
    return FigureComponent(FigureFinder(load_lexicon(Path(lexicon_dir) if lexicon_dir else None).figures))


class FigureComponent:
    def __init__(self, finder: FigureFinder) -> None:
        self.finder = finder

    def __call__(self, doc: Doc) -> Doc:
        sentences, _, place, year = _context(doc)
        text = _text(doc)
        found = []
        paragraph_year: int | None = None
        previous: Sentence | None = None
        for sentence, mentions in _by_sentence(sentences, doc._.stkg_mentions or []):
            if previous is None or "\n" in text[previous.end:sentence.start]:
                # a year said in one paragraph holds until the paragraph ends, unless the next one
                # goes on with the same data (分领域看，…)
                paragraph_year = paragraph_year if self.finder.continues_data(sentence) else None
            context = self.finder.continued_year(sentence, previous, year) or paragraph_year
            found += self.finder.find(sentence, mentions, year, _place_in(place, sentence), context)
            paragraph_year = self.finder.sentence_year(sentence, year) or paragraph_year
            previous = sentence
        doc._.stkg_figures = found
        return doc


def _by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> list[tuple[Sentence, list[Mention]]]:
    buckets: dict[int, list[Mention]] = {s.index: [] for s in sentences}
    for m in mentions:
        buckets.setdefault(m.sentence, []).append(m)
    return [(s, buckets[s.index]) for s in sentences]


def _place_in(place: Mention | None, sentence: Sentence) -> Mention | None:
    if place is None:
        return None
    return Mention(place.start, place.end, place.text, place.cls, sentence.index, "context", place.name)


@lru_cache(maxsize=2)
def build_pipeline(lexicon_dir: str | None = None) -> Language:
    """The pipeline; the gazetteer's names become jieba words so tokens break where names do."""
    lex = load_lexicon(Path(lexicon_dir) if lexicon_dir else None)
    for word in lex.gazetteer.names:
        if len(word) > 2:  # two-character names (白银, 和平) are also common words: jieba's own call
            jieba.add_word(word, freq=2000)
    for words in lex.suffixes.values():
        for word in words:
            jieba.add_word(word)
    for word in lex.leading_verbs:  # 规划建设 is one verb: its 规划 ends no document's name
        if len(word) >= 4:
            jieba.add_word(word, tag="v")
    for word in lex.clause_openers:  # 建好 is one word, not 建 and an adjective 好 opening a name
        jieba.add_word(word, tag="v")
    for word in lex.label_modifiers:  # 线上 is one modifier, not 线 and a direction 上
        jieba.add_word(word, tag="f")
    for word in lex.generic_words:  # 服务外包 is one noun, not 服务, a direction 外 and a verb 包
        if len(word) >= 4:
            jieba.add_word(word, tag="n")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    config = {"lexicon_dir": lexicon_dir}
    for component in ("stkg_mentions", "stkg_relations", "stkg_figures"):
        nlp.add_pipe(component, config=config)
    return nlp
