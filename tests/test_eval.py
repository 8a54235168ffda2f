"""``kg eval``: the P/R/F1 table against gold, and exact numbers on tiny documents scored by hand."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import PROJECT_ROOT, SEED_CORPUS, Kg, assert_clean_failure, assert_ok

GOLD_DIR = PROJECT_ROOT / "tests" / "gold"
ROWS = ("entities", "entities (typed)", "aliases", "relations", "figures")
ROW = re.compile(r"^(?P<name>\S.*?|  \S+)\s+(?P<p>\d\.\d{3})\s+(?P<r>\d\.\d{3})\s+(?P<f1>\d\.\d{3})"
                 r"\s+(?P<tp>\d+)\s+(?P<fp>\d+)\s+(?P<fn>\d+)$")

# 商务部 is named, 《服务贸易发展规划》 is issued by it, one actual figure for 2024.
PLAN = "商务部印发《服务贸易发展规划》。2024年，全国服务贸易进出口额达到75000亿元。\n"
# One entity under two names, the short one defined by 以下简称.
FAIR = "中国国际服务贸易交易会（以下简称“服贸会”）今年9月开幕，服贸会设置专题展区。\n"

PLAN_GOLD = """document: plan.txt
entities:
  - {name: 商务部, type: GovernmentBody}
  - {name: 服务贸易发展规划, type: PolicyDocument}
relations:
  - [服务贸易发展规划, issuedBy, 商务部]
figures:
  - {metric: 服务贸易进出口额, value: 75000, unit: 亿元, year: 2024}
"""
FAIR_GOLD = """document: fair.txt
entities:
  - {name: 中国国际服务贸易交易会, type: Event, aliases: [服贸会]}
"""
# Deliberately wrong gold for PLAN: a wrong type, an entity the text never names, the relation
# pointing at it, a figure with the wrong year.
WRONG_GOLD = """document: plan.txt
entities:
  - {name: 服务贸易发展规划, type: Event, aliases: [发展规划]}
  - {name: 国务院, type: GovernmentBody}
relations:
  - [服务贸易发展规划, issuedBy, 国务院]
figures:
  - {value: 75000, unit: 亿元, year: 2023}
"""


def table(output: str) -> dict[str, tuple[float, float, float, int, int, int]]:
    """Row name -> (P, R, F1, TP, FP, FN) of ``kg eval``'s table."""
    out = {}
    for line in output.splitlines():
        match = ROW.match(line)
        if match:
            out[match["name"].rstrip()] = (float(match["p"]), float(match["r"]), float(match["f1"]),
                                           int(match["tp"]), int(match["fp"]), int(match["fn"]))
    return out


def gold_folder(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "plan.txt").write_text(PLAN, encoding="utf-8")
    (folder / "fair.txt").write_text(FAIR, encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def test_eval_on_the_development_gold_prints_every_row(kg: Kg) -> None:
    result = assert_ok(kg("eval", "--gold", GOLD_DIR, "--corpus", SEED_CORPUS, "--no-errors"))
    rows = table(result.stdout)
    assert set(ROWS) <= set(rows), result.stdout
    for name, (p, r, f1, tp, fp, fn) in rows.items():
        assert p == pytest.approx(tp / (tp + fp) if tp + fp else 0.0, abs=6e-4), name
        assert r == pytest.approx(tp / (tp + fn) if tp + fn else 0.0, abs=6e-4), name
        assert f1 == pytest.approx(2 * p * r / (p + r) if p + r else 0.0, abs=2e-3), name
    assert rows["entities"][3] + rows["entities"][5] >= 100  # every gold entity was counted
    assert rows["relations"][3] + rows["relations"][5] >= 20
    assert rows["entities"][1] > 0.3 and rows["entities"][0] > 0.3  # the extractor finds real names


def test_perfect_scores_on_a_tiny_document(kg: Kg, tmp_path: Path) -> None:
    folder = gold_folder(tmp_path, plan=PLAN_GOLD, fair=FAIR_GOLD)
    rows = table(assert_ok(kg("eval", "--gold", folder)).stdout)
    # 商务部, 服务贸易发展规划, 中国国际服务贸易交易会: all found, with the right class.
    assert rows["entities"] == (1.0, 1.0, 1.0, 3, 0, 0)
    assert rows["entities (typed)"] == (1.0, 1.0, 1.0, 3, 0, 0)
    assert rows["  GovernmentBody"] == rows["  Event"] == (1.0, 1.0, 1.0, 1, 0, 0)
    assert rows["relations"] == rows["  issuedBy"] == (1.0, 1.0, 1.0, 1, 0, 0)
    assert rows["figures"] == (1.0, 1.0, 1.0, 1, 0, 0)
    # 服贸会 is found as the fair's alias. 商务部 is labelled with its full legal name
    # 中华人民共和国商务部, which the document never uses: the gold cannot judge it, so it is not counted.
    assert rows["aliases"] == (1.0, 1.0, 1.0, 1, 0, 0)


def test_exact_scores_against_a_wrong_gold_file(kg: Kg, tmp_path: Path) -> None:
    folder = gold_folder(tmp_path, plan=WRONG_GOLD)
    result = assert_ok(kg("eval", "--gold", folder / "plan.yaml"))
    rows = table(result.stdout)
    # entities: 服务贸易发展规划 matched; 国务院 missed; 商务部 extracted but not in the gold.
    assert rows["entities"] == (0.5, 0.5, 0.5, 1, 1, 1)
    # typed: the match has the wrong class (FN and FP), 国务院 missed, 商务部 extra.
    assert rows["entities (typed)"] == (0.0, 0.0, 0.0, 0, 2, 2)
    # the gold relation names 国务院 (missed); the extracted one points to 商务部 (false).
    assert rows["relations"] == (0.0, 0.0, 0.0, 0, 1, 1)
    # the value and unit agree, the year does not: one miss and one false figure.
    assert rows["figures"] == (0.0, 0.0, 0.0, 0, 1, 1)
    for line in ("miss entity   国务院", "wrong type    服务贸易发展规划", "false entity  中华人民共和国商务部",
                 "miss relation 服务贸易发展规划 issuedBy 国务院", "miss figure", "false figure", "miss alias    发展规划 (of 服务贸易发展规划)"):
        assert line in result.stdout, line


@pytest.mark.parametrize("content, message", [
    ("document: absent.txt\n", "document absent.txt not found"),
    ("- not\n- a mapping\n", "expected a mapping"),
    ("document: plan.txt\nentities:\n  - {type: Event}\n", "bad entity"),
    ("document: plan.txt\nfigures:\n  - {value: many, unit: 家}\n", "bad figure"),
])
def test_bad_gold_files_are_clear_errors(kg: Kg, tmp_path: Path, content: str, message: str) -> None:
    folder = gold_folder(tmp_path, broken=content)
    assert_clean_failure(kg("eval", "--gold", folder / "broken.yaml"), "broken.yaml", message)


def test_missing_gold_folder(kg: Kg, tmp_path: Path) -> None:
    assert_clean_failure(kg("eval", "--gold", tmp_path / "nothing"), "no gold file or folder")
