"""Extract: a spaCy pipeline (blank Chinese on jieba) whose components find names, relations and figures."""

from __future__ import annotations

from kg.extract.pipeline import extract_document

__all__ = ["extract_document"]
