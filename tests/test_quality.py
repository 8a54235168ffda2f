"""Extraction quality against the hand-made gold sets: tests/gold (the seed corpus), tests/heldout,
tests/dev2 … tests/dev7 (documents of other cities, written and annotated without the extractor's
rules; their errors are read while writing general rules, so they are development sets) and
tests/blind (other cities and years, whose errors are never read: only its scores are, here and in
docs/BENCHMARKS.md). All follow the adjudicated conventions of tests/gold/README.md.

The floors are the levels reached now, a little below the measured scores, so that a change
that makes extraction worse fails here. Issue #3 asks for typed entity F1 >= 0.90, relation F1 >=
0.75 and figure recall >= 0.90 on the seed gold set, and typed entity F1 >= 0.80 and relation F1
>= 0.60 on unseen documents: every floor below is the issue's own or above it (see docs/BENCHMARKS.md).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from kg.eval.gold import load_gold
from kg.eval.report import Result, evaluate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = {"gold": ROOT / "data" / "corpus"}  # the other sets keep their documents beside the gold files


@lru_cache(maxsize=None)
def scores(gold_set: str) -> Result:
    """One evaluation per gold set for the whole module."""
    folder = ROOT / "tests" / gold_set
    return evaluate(load_gold(folder, CORPUS.get(gold_set, folder)))


def test_gold_set_is_as_large_as_the_issue_asks() -> None:
    seed = scores("gold")
    entities = seed.score("entities")
    assert entities.tp + entities.fn >= 150
    assert seed.score("relations").tp + seed.score("relations").fn >= 60
    assert seed.score("figures").tp + seed.score("figures").fn >= 25


FLOORS = [
    ("gold", "entities (typed)", "f1", 0.90),  # the issue's floor (0.912 measured)
    ("gold", "entities", "f1", 0.91),
    ("gold", "relations", "f1", 0.85),         # above the issue's floor (0.75)
    ("gold", "figures", "recall", 0.97),       # above the issue's own floor (0.90)
    ("gold", "aliases", "precision", 0.80),
    ("gold", "aliases", "recall", 0.53),
    ("heldout", "entities (typed)", "f1", 0.94),  # the issue's floor for unseen documents is 0.80
    ("heldout", "relations", "f1", 0.91),         # and 0.60
    ("heldout", "figures", "recall", 0.95),
    ("dev2", "entities (typed)", "f1", 0.94),
    ("dev2", "relations", "f1", 0.90),
    ("dev2", "figures", "recall", 0.90),
    ("dev3", "entities (typed)", "f1", 0.91),
    ("dev3", "relations", "f1", 0.88),
    ("dev3", "figures", "recall", 0.96),
    ("dev4", "entities (typed)", "f1", 0.95),
    ("dev4", "relations", "f1", 0.94),
    ("dev4", "figures", "recall", 0.89),
    ("dev5", "entities (typed)", "f1", 0.95),
    ("dev5", "relations", "f1", 0.95),
    ("dev5", "figures", "recall", 0.87),
    ("dev6", "entities (typed)", "f1", 0.97),
    ("dev6", "relations", "f1", 0.89),
    ("dev6", "figures", "recall", 0.91),
    ("dev7", "entities (typed)", "f1", 0.96),
    ("dev7", "relations", "f1", 0.81),
    ("dev7", "figures", "recall", 0.92),
    ("blind", "entities (typed)", "f1", 0.88),  # the issue's floor for unseen documents: 0.80, reached
    ("blind", "relations", "f1", 0.68),         # the issue's floor: 0.60, reached (0.685)
    ("blind", "figures", "recall", 0.68),
]


@pytest.mark.parametrize(("gold_set", "key", "measure", "floor"), FLOORS)
def test_floors(gold_set: str, key: str, measure: str, floor: float) -> None:
    """Asserted on the plain number: a failure prints no errors (the blind set's are never read)."""
    value = float(getattr(scores(gold_set).score(key), measure))
    assert value >= floor, f"{gold_set}: {key} {measure} fell below {floor}"
