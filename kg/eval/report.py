"""Score extraction against gold: entities (typed and untyped, by class), relations, aliases, figures."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from kg.eval.gold import GoldDocument, GoldEntity, GoldFigure
from kg.extract import extract_document
from kg.model import Entity, Extraction, Figure
from kg.resolve import normalise, resolve
from kg.vocab import KG, core_class


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    scores: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    errors: list[str] = field(default_factory=list)

    def score(self, key: str) -> Score:
        return self.scores[key]


def _core(cls: str) -> str:
    try:
        return core_class(KG[cls]) or cls
    except (AttributeError, KeyError):
        return cls


def _names(entity: Entity) -> set[str]:
    return {normalise(n) for n in {entity.label, *entity.aliases}}


def _match_entities(gold: list[GoldEntity], predicted: list[Entity]) -> dict[int, Entity]:
    """One-to-one: each gold entity takes the first unused predicted entity sharing a name."""
    used: set[str] = set()
    matched: dict[int, Entity] = {}
    for i, g in enumerate(gold):
        keys = {normalise(n) for n in g.names}
        for p in predicted:
            if p.iri not in used and keys & _names(p):
                matched[i] = p
                used.add(p.iri)
                break
    return matched


def _score_entities(doc: GoldDocument, predicted: list[Entity], result: Result) -> dict[int, Entity]:
    matched = _match_entities(doc.entities, predicted)
    matched_iris = {p.iri for p in matched.values()}
    tag = doc.document.doc_id
    for i, g in enumerate(doc.entities):
        gold_cls = _core(g.type)
        p = matched.get(i)
        typed_ok = p is not None and _core(p.cls) == gold_cls
        result.score("entities").tp += p is not None
        result.score("entities").fn += p is None
        result.score("entities (typed)").tp += typed_ok
        result.score("entities (typed)").fn += not typed_ok
        result.score(f"  {gold_cls}").tp += typed_ok
        result.score(f"  {gold_cls}").fn += not typed_ok
        if p is None:
            result.errors.append(f"{tag} miss entity   {g.name} ({g.type})")
        elif not typed_ok:
            result.errors.append(f"{tag} wrong type    {g.name}: {p.cls}, gold {g.type}")
            result.score("entities (typed)").fp += 1
            result.score(f"  {_core(p.cls)}").fp += 1
    for p in predicted:
        if p.iri not in matched_iris:
            result.score("entities").fp += 1
            result.score("entities (typed)").fp += 1
            result.score(f"  {_core(p.cls)}").fp += 1
            result.errors.append(f"{tag} false entity  {p.label} ({p.cls})")
    return matched


def _score_aliases(doc: GoldDocument, matched: dict[int, Entity], result: Result) -> None:
    """Names linked to the right entity. Predicted names the document never uses (a lexicon's
    full form such as 中华人民共和国商务部) cannot be judged by this document's gold: not counted."""
    score = result.score("aliases")
    text = normalise(doc.document.text)
    for i, g in enumerate(doc.entities):
        gold_names = {normalise(n) for n in g.names}
        p = matched.get(i)
        pred_names = {n for n in _names(p) if n in text or n in gold_names} if p else set()
        common = len(gold_names & pred_names)
        score.tp += max(common - 1, 0)
        score.fn += len(gold_names) - max(common, 1)
        score.fp += len(pred_names) - max(common, 1) if p else 0
        if p and common:  # an entity missed as a whole is listed once, as a missed entity
            tag = doc.document.doc_id
            result.errors += [f"{tag} miss alias    {n} (of {g.name})" for n in sorted(gold_names - pred_names)]
            result.errors += [f"{tag} false alias   {n} (of {g.name})" for n in sorted(pred_names - gold_names)]


def _score_relations(doc: GoldDocument, ex: Extraction, predicted: list[Entity], result: Result) -> None:
    by_name: dict[str, set[str]] = defaultdict(set)
    for p in predicted:
        for n in _names(p):
            by_name[n].add(p.iri)
    resolution = resolve([ex])
    pred = {(resolution.iri_of(r.subject), r.predicate, resolution.iri_of(r.object)) for r in ex.relations}
    found: set[tuple[str, str, str]] = set()
    labels = {p.iri: p.label for p in predicted}
    alias_of = {normalise(n): g for g in doc.entities for n in g.names}
    for s, pred_name, o in doc.relations:
        subjects = set().union(*(by_name[normalise(n)] for n in alias_of.get(normalise(s), GoldEntity(s, "")).names))
        objects = set().union(*(by_name[normalise(n)] for n in alias_of.get(normalise(o), GoldEntity(o, "")).names))
        hits = {(a, pred_name, b) for a in subjects for b in objects} & pred
        score = result.score(f"  {pred_name}")
        if hits:
            found |= hits
            result.score("relations").tp += 1
            score.tp += 1
        else:
            result.score("relations").fn += 1
            score.fn += 1
            result.errors.append(f"{doc.document.doc_id} miss relation {s} {pred_name} {o}")
    for s, pred_name, o in sorted(pred - found):
        result.score("relations").fp += 1
        result.score(f"  {pred_name}").fp += 1
        result.errors.append(f"{doc.document.doc_id} false relation {labels.get(s, s)} {pred_name} {labels.get(o, o)}")


def _same_figure(g: GoldFigure, f: Figure) -> bool:
    return g.value == f.value and normalise(g.unit) == normalise(f.unit) and g.year == f.year


def _score_figures(doc: GoldDocument, ex: Extraction, result: Result) -> None:
    remaining = list(ex.figures)
    for g in doc.figures:
        hit = next((f for f in remaining if _same_figure(g, f)), None)
        if hit is None:
            result.score("figures").fn += 1
            result.errors.append(f"{doc.document.doc_id} miss figure   {g.metric} {g.value}{g.unit} {g.year or ''}")
        else:
            remaining.remove(hit)
            result.score("figures").tp += 1
    result.score("figures").fp += len(remaining)
    result.errors += [f"{doc.document.doc_id} false figure  {f.metric} {f.value}{f.unit} {f.year or ''}" for f in remaining]


def evaluate(documents: list[GoldDocument]) -> Result:
    """Run the extractor on each gold document and score it."""
    result = Result()
    for doc in documents:
        ex = extract_document(doc.document)
        predicted = list(resolve([ex]).entities.values())
        matched = _score_entities(doc, predicted, result)
        _score_aliases(doc, matched, result)
        _score_relations(doc, ex, predicted, result)
        _score_figures(doc, ex, result)
    return result


ORDER = ("entities", "entities (typed)", "aliases", "relations", "figures")


def render(result: Result, show_errors: bool = True) -> str:
    lines = [f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    per_type = sorted(k for k in result.scores if k.startswith("  "))
    rel_names = {str(p) for p in ("locatedIn", "partOf", "issuedBy", "designatedAs", "operates", "organizedBy",
                                  "heldIn", "reliesOn", "participatesIn", "cooperatesWith")}
    for key in ORDER:
        keys = [key]
        if key == "entities (typed)":
            keys += [k for k in per_type if k.strip() not in rel_names]
        if key == "relations":
            keys += [k for k in per_type if k.strip() in rel_names]
        for k in keys:
            s = result.scores.get(k, Score())
            lines.append(f"{k:<22}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
    if show_errors and result.errors:
        lines += ["", "misses and false positives:", *sorted(result.errors)]
    return "\n".join(lines)
