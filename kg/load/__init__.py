"""Load: files in a corpus folder become :class:`kg.model.Document` records."""

from __future__ import annotations

from kg.load.corpus import LoadProblem, load_corpus, load_document
from kg.load.sentences import split_sentences

__all__ = ["LoadProblem", "load_corpus", "load_document", "split_sentences"]
