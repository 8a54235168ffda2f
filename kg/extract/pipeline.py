"""Run the pipeline on one document: sentences, mentions, relations, figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from kg.extract.lexicon import Lexicon, load_lexicon
from kg.extract.nlp import build_pipeline
from kg.load.sentences import split_sentences
from kg.model import Document, Extraction, Mention


def document_place(document: Document, lex: Lexicon) -> dict[str, str]:
    """The city (and its province) a document is about: from its metadata, else its most named city."""
    gaz = lex.gazetteer
    city = document.meta.place
    if city:
        city = gaz.short_to_full.get(city, city)
    else:
        counts = Counter(canon for surface, (canon, cls) in gaz.names.items()
                         if cls == "City" for _ in range(document.text.count(surface)))
        city = counts.most_common(1)[0][0] if counts else None
    if not city:
        return {}
    place = {"city": city}
    if gaz.city_province.get(city):
        place["province"] = gaz.city_province[city]
    return place


def extract_document(document: Document, lexicon_dir: str | None = None) -> Extraction:
    """Everything the pipeline finds in a document."""
    lex = load_lexicon(Path(lexicon_dir) if lexicon_dir else None)
    nlp = build_pipeline(lexicon_dir)
    sentences = split_sentences(document.text)
    place = document_place(document, lex)
    place_mention = Mention(-1, -1, place["city"], "City", 0, "context", place["city"]) if place else None
    doc = nlp.make_doc(document.text)
    doc.user_data.update(sentences=sentences, place=place, place_mention=place_mention, year=document.meta.year)
    for _, component in nlp.pipeline:
        doc = component(doc)
    return Extraction(document=document, sentences=sentences, mentions=doc._.stkg_mentions,
                      relations=doc._.stkg_relations, figures=doc._.stkg_figures, aliases=doc._.stkg_aliases)
