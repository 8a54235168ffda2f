"""Consistency check of a hand-made gold set's files (not an evaluation: it never runs the extractor).

Run: python3 tests/check_gold.py tests/dev7 [tests/dev6 ...]
Asserts for each <id>.yaml: it parses; its document and .meta.yaml sidecar exist and agree on date and
place; the text has 900-1500 characters; every entity name and alias occurs verbatim in the text; names
and aliases are unique; entity types and predicates are in the sets used by tests/gold, tests/dev4 and
tests/dev5; every relation argument is a listed (canonical) name; every figure has the expected keys and
its value occurs in the text.
"""
import glob
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = [os.path.join(HERE, d) for d in ("gold", "dev4", "dev5")]


def allowed_sets():
    types, preds = set(), set()
    for ref in REFERENCE:
        paths = glob.glob(os.path.join(ref, "*.yaml"))
        assert paths, f"could not read {ref}"
        for path in paths:
            gold = yaml.safe_load(open(path, encoding="utf-8"))
            types.update(e["type"] for e in gold["entities"])
            preds.update(r[1] for r in gold["relations"])
    assert types and preds, "could not read the reference sets"
    return types, preds


def value_text(v):
    v = abs(v)
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v)


def check(path, types, preds):
    errors = []
    gold = yaml.safe_load(open(path, encoding="utf-8"))
    doc = os.path.join(os.path.dirname(os.path.abspath(path)), gold["document"])
    text = open(doc, encoding="utf-8").read()
    meta = yaml.safe_load(open(doc[: -len(".txt")] + ".meta.yaml", encoding="utf-8"))
    if str(meta["date"]) != str(gold["date"]) or meta["place"] != gold["place"]:
        errors.append(f"meta disagrees: {meta['date']} {meta['place']}")
    if not 900 <= len(text) <= 1500:
        errors.append(f"text length {len(text)} outside 900-1500")

    names, canon = {}, set()
    for e in gold["entities"]:
        if e["type"] not in types:
            errors.append(f"type {e['type']} of {e['name']} not used in gold/dev4/dev5")
        canon.add(e["name"])
        for n in [e["name"]] + list(e.get("aliases") or []):
            if n in names:
                errors.append(f"duplicate name/alias {n}")
            names[n] = e["name"]
            if n not in text:
                errors.append(f"not in text: {n}")

    seen = set()
    for r in gold["relations"]:
        if len(r) != 3:
            errors.append(f"bad relation {r}")
            continue
        s, p, o = r
        if p not in preds:
            errors.append(f"predicate {p} not used in gold/dev4/dev5")
        for a in (s, o):
            if a not in names:
                errors.append(f"relation argument not an entity: {a} in {r}")
            elif a not in canon:
                errors.append(f"relation uses an alias, not the canonical name: {a}")
        key = (names.get(s), p, names.get(o))
        if key in seen:
            errors.append(f"duplicate relation {r}")
        seen.add(key)

    for f in gold["figures"]:
        missing = {"about", "metric", "value", "unit", "target", "growth"} - set(f)
        if missing:
            errors.append(f"figure {f} lacks {missing}")
            continue
        if value_text(f["value"]) not in text:
            errors.append(f"figure value not in text: {f['value']} ({f['metric']})")
        if f["about"] not in names:
            errors.append(f"figure about is not an entity: {f['about']}")
        if "year" in f and not isinstance(f["year"], int):
            errors.append(f"figure year not an int: {f}")
        if not isinstance(f["target"], bool) or not isinstance(f["growth"], bool):
            errors.append(f"figure flags not booleans: {f}")
    counts = (len(gold["entities"]), len(gold["relations"]), len(gold["figures"]), len(text))
    return errors, counts


def main():
    folders = sys.argv[1:]
    if not folders:
        sys.exit("usage: python3 tests/check_gold.py FOLDER [FOLDER ...]")
    types, preds = allowed_sets()
    failed = False
    for path in sorted(p for folder in folders for p in glob.glob(os.path.join(folder, "*.yaml"))):
        errors, (ne, nr, nf, nc) = check(path, types, preds)
        name = os.path.basename(path)
        print(f"{name}: {ne} entities, {nr} relations, {nf} figures, {nc} characters")
        for e in errors:
            print("  ERROR", e)
        failed |= bool(errors)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
