"""Extraction quality against the hand-made gold sets: tests/gold (the seed corpus), tests/heldout
tests/dev2 and tests/dev3 (documents of other cities, written and annotated without the extractor's rules;
their errors are read while writing general rules, so they are development sets) and tests/blind
(other cities and years, whose errors are never read: only its scores are, here and in
docs/BENCHMARKS.md). All follow the adjudicated conventions of tests/gold/README.md.

The floors are the levels reached now, a little below the measured scores, so that a change
that makes extraction worse fails here. Issue #3 asks for typed entity F1 >= 0.90, relation F1 >=
0.75 and figure recall >= 0.90 on the seed gold set: the relation and figure floors are the issue's
own; typed entity F1 is not there yet (see docs/BENCHMARKS.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.eval.gold import load_gold
from kg.eval.report import Result, evaluate

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed() -> Result:
    return evaluate(load_gold(ROOT / "tests" / "gold", ROOT / "data" / "corpus"))


@pytest.fixture(scope="module")
def heldout() -> Result:
    return evaluate(load_gold(ROOT / "tests" / "heldout", ROOT / "tests" / "heldout"))


@pytest.fixture(scope="module")
def dev2() -> Result:
    return evaluate(load_gold(ROOT / "tests" / "dev2", ROOT / "tests" / "dev2"))


@pytest.fixture(scope="module")
def dev3() -> Result:
    return evaluate(load_gold(ROOT / "tests" / "dev3", ROOT / "tests" / "dev3"))


@pytest.fixture(scope="module")
def blind() -> Result:
    return evaluate(load_gold(ROOT / "tests" / "blind", ROOT / "tests" / "blind"))


def test_gold_set_is_as_large_as_the_issue_asks(seed: Result) -> None:
    entities = seed.score("entities")
    assert entities.tp + entities.fn >= 150
    assert seed.score("relations").tp + seed.score("relations").fn >= 60
    assert seed.score("figures").tp + seed.score("figures").fn >= 25


@pytest.mark.parametrize(("key", "measure", "floor"), [
    ("entities (typed)", "f1", 0.82),  # the issue asks 0.90
    ("entities", "f1", 0.85),
    ("relations", "f1", 0.82),     # above the issue's floor (0.75)
    ("figures", "recall", 0.95),   # above the issue's own floor (0.90)
    ("aliases", "precision", 0.78),
    ("aliases", "recall", 0.47),
])
def test_seed_gold_floors(seed: Result, key: str, measure: str, floor: float) -> None:
    assert getattr(seed.score(key), measure) >= floor, f"{key} {measure} fell below {floor}"


@pytest.mark.parametrize(("key", "measure", "floor"), [
    ("entities (typed)", "f1", 0.93),  # the issue's floor for unseen documents is 0.80
    ("relations", "f1", 0.84),         # and 0.60
    ("figures", "recall", 0.95),
])
def test_heldout_floors(heldout: Result, key: str, measure: str, floor: float) -> None:
    assert getattr(heldout.score(key), measure) >= floor, f"{key} {measure} fell below {floor}"


@pytest.mark.parametrize(("key", "measure", "floor"), [
    ("entities (typed)", "f1", 0.91),
    ("relations", "f1", 0.77),
    ("figures", "recall", 0.88),
])
def test_dev2_floors(dev2: Result, key: str, measure: str, floor: float) -> None:
    assert getattr(dev2.score(key), measure) >= floor, f"{key} {measure} fell below {floor}"


@pytest.mark.parametrize(("key", "measure", "floor"), [
    ("entities (typed)", "f1", 0.86),
    ("relations", "f1", 0.59),
    ("figures", "recall", 0.95),
])
def test_dev3_floors(dev3: Result, key: str, measure: str, floor: float) -> None:
    assert getattr(dev3.score(key), measure) >= floor, f"{key} {measure} fell below {floor}"


@pytest.mark.parametrize(("key", "measure", "floor"), [
    ("entities (typed)", "f1", 0.83),  # the issue's floor for unseen documents: 0.80, reached
    ("relations", "f1", 0.51),         # the issue's floor: 0.60, not reached
    ("figures", "recall", 0.66),
])
def test_blind_floors(blind: Result, key: str, measure: str, floor: float) -> None:
    """Scores only: the blind set's errors are never printed or read (hence the plain number)."""
    value = float(getattr(blind.score(key), measure))
    assert value >= floor, f"{key} {measure} fell below {floor}"
