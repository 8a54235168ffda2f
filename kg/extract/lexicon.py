"""The extraction knowledge, read from the YAML files in ``kg/extract/patterns/`` (or KG_LEXICON_DIR)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from kg.config import get_settings


def _read(folder: Path, name: str) -> dict[str, Any]:
    path = folder / name
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


@dataclass
class Gazetteer:
    """Known names: surface form -> (canonical name, class)."""

    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    lengths: list[int] = field(default_factory=list)
    city_province: dict[str, str] = field(default_factory=dict)  # 青岛市 -> 山东省
    short_to_full: dict[str, str] = field(default_factory=dict)  # 青岛 -> 青岛市
    district_city: dict[str, set[str]] = field(default_factory=dict)  # 朝阳区 -> {北京市, 长春市}

    def add(self, surface: str, canonical: str, cls: str) -> None:
        if surface and surface not in self.names:
            self.names[surface] = (canonical, cls)

    def freeze(self) -> None:
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)


@dataclass(eq=False)  # hashable by identity: patterns compiled from it are cached per lexicon
class Lexicon:
    suffixes: dict[str, list[str]]  # class -> suffixes
    min_body: dict[str, int]
    stop_tokens: frozenset[str]
    clause_openers: tuple[str, ...]
    stop_chars: frozenset[str]
    generic_words: frozenset[str]
    designation_prefixes: tuple[str, ...]
    national_prefixes: tuple[str, ...]
    national_zone_prefixes: tuple[str, ...]
    leading_verbs: frozenset[str]
    name_openers: tuple[str, ...]
    level_prefixes: tuple[str, ...]
    place_led_classes: frozenset[str]
    description_words: tuple[re.Pattern[str], ...]
    description_heads: frozenset[str]
    policy_title_words: tuple[str, ...]
    slogan_heads: tuple[str, ...]
    descriptive_classes: frozenset[str]
    verbs_before_names: frozenset[str]
    apposition_classes: frozenset[str]
    false_endings: tuple[str, ...]
    naming_verbs: tuple[str, ...]
    legal_forms: tuple[str, ...]
    participant_endings: dict[str, str]
    inner_name_words: frozenset[str]
    recognition_verbs: tuple[str, ...]
    title_verbs: tuple[str, ...]
    title_classes: frozenset[str]
    street_suffixes: tuple[str, ...]
    name_prefix_patterns: dict[str, list[re.Pattern[str]]]
    name_suffix_patterns: dict[str, list[re.Pattern[str]]]
    enumeration_glue: tuple[str, ...]
    inner_conjunctions: frozenset[str]
    weak_suffixes: frozenset[str]
    listed_classes: frozenset[str]
    venue_verbs: tuple[str, ...]
    demonstratives: tuple[str, ...]
    quoted_kinds: dict[str, str]
    built_classes: frozenset[str]
    event_abbreviations: tuple[str, ...]
    gazetteer: Gazetteer
    local_bodies: list[str]
    relative_prefixes: dict[str, str]
    place_pronouns: dict[str, str]
    local_body_classes: dict[str, str]
    branch_words: tuple[str, ...]
    pronoun_named_classes: frozenset[str]
    body_expansions: dict[str, str]
    relation_rules: list[dict[str, Any]]
    figures: dict[str, Any]
    person_titles: list[str]
    surnames: frozenset[str]
    enumeration_heads: dict[str, str]
    name_followers: str


def _gazetteer(folder: Path) -> tuple[Gazetteer, list[str], dict[str, str], dict[str, str]]:
    gaz = Gazetteer()
    places = _read(folder, "places.yaml")
    for entry in places.get("countries", []):
        cls = "Place" if entry.get("kind") == "region" else "Country"
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], cls)
    for entry in places.get("regions", []) or []:
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], "Place")
    for entry in places.get("provinces", []):
        for surface in [entry["name"], entry.get("short")]:
            gaz.add(surface, entry["name"], "Province")
        if entry.get("short"):
            gaz.short_to_full[entry["short"]] = entry["name"]
    for entry in places.get("cities", []):
        for surface in [entry["name"], entry.get("short")]:
            gaz.add(surface, entry["name"], "City")
        gaz.city_province[entry["name"]] = entry.get("province", "")
        if entry.get("short"):
            gaz.short_to_full[entry["short"]] = entry["name"]
    for entry in places.get("districts", []):
        gaz.add(entry["name"], entry["name"], "District")
        gaz.district_city.setdefault(entry["name"], set()).add(entry.get("city", ""))
    for entry in places.get("districts", []):  # 崂山区 is also 崂山; a short form never shadows a city
        short = entry["name"][:-1] if entry["name"][-1] in "区县市旗" else ""
        if len(short) >= 2:
            gaz.add(short, entry["name"], "District")
    government = _read(folder, "government.yaml")
    for entry in government.get("central", []):
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], "GovernmentBody")
    for entry in _read(folder, "organizations.yaml").get("organizations", []) or []:
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], entry.get("type", "Organization"))
    known = _read(folder, "enterprises.yaml")
    for key, cls in (("enterprises", "Enterprise"), ("platforms", "Platform")):
        for entry in known.get(key, []) or []:
            for surface in [entry["name"], *entry.get("aliases", [])]:
                gaz.add(surface, entry["name"], cls)
    for entry in _read(folder, "programmes.yaml").get("programmes", []) or []:
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], entry.get("type", "Programme"))
    for entry in _read(folder, "events.yaml").get("events", []) or []:
        for surface in [entry["name"], *entry.get("aliases", [])]:
            gaz.add(surface, entry["name"], "Event")
    gaz.freeze()
    return (gaz, list(government.get("local_bodies", [])), dict(government.get("relative_prefixes", {})),
            dict(government.get("expansions", {})))


@lru_cache(maxsize=4)
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """All extraction knowledge of a patterns folder."""
    folder = folder or get_settings().lexicon_dir
    suffix_data = _read(folder, "entity_suffixes.yaml")
    bounds = _read(folder, "boundaries.yaml")
    persons = _read(folder, "persons.yaml")
    gaz, local_bodies, relative, expansions = _gazetteer(folder)
    government = _read(folder, "government.yaml")
    return Lexicon(
        suffixes={cls: list(v.get("suffixes", [])) for cls, v in suffix_data.items() if isinstance(v, dict)},
        min_body={cls: int(v.get("min_body", 2)) for cls, v in suffix_data.items() if isinstance(v, dict)},
        stop_tokens=frozenset(bounds.get("stop_tokens", [])) | frozenset(bounds.get("clause_openers", [])),
        clause_openers=tuple(bounds.get("clause_openers", [])),
        stop_chars=frozenset(bounds.get("stop_chars", "")),
        generic_words=frozenset(bounds.get("generic_words", [])),
        designation_prefixes=tuple(bounds.get("designation_prefixes", [])),
        national_prefixes=tuple(bounds.get("national_prefixes", [])),
        national_zone_prefixes=tuple(bounds.get("national_zone_prefixes", [])),
        leading_verbs=frozenset(bounds.get("leading_verbs", [])),
        name_openers=tuple(bounds.get("name_openers", [])),
        level_prefixes=tuple(bounds.get("level_prefixes", [])),
        place_led_classes=frozenset(bounds.get("place_led_classes", [])),
        description_words=tuple(re.compile(p) for p in bounds.get("description_words", [])),
        description_heads=frozenset(bounds.get("description_heads", [])),
        policy_title_words=tuple(bounds.get("policy_title_words", [])),
        slogan_heads=tuple(bounds.get("slogan_heads", [])),
        descriptive_classes=frozenset(bounds.get("descriptive_classes", [])),
        verbs_before_names=frozenset(bounds.get("verbs_before_names", [])),
        apposition_classes=frozenset(bounds.get("apposition_classes", [])),
        false_endings=tuple(bounds.get("false_endings", [])),
        naming_verbs=tuple(bounds.get("naming_verbs", [])),
        legal_forms=tuple(bounds.get("legal_forms", [])),
        participant_endings=dict(bounds.get("participant_endings") or {}),
        inner_name_words=frozenset(bounds.get("inner_name_words", [])),
        recognition_verbs=tuple(bounds.get("recognition_verbs", [])),
        title_verbs=tuple(sorted(bounds.get("title_verbs", []), key=len, reverse=True)),
        title_classes=frozenset(bounds.get("title_classes", [])),
        street_suffixes=tuple(bounds.get("street_suffixes", [])),
        name_prefix_patterns={c: [re.compile(p) for p in ps] for c, ps in (bounds.get("name_prefix_patterns") or {}).items()},
        name_suffix_patterns={c: [re.compile(p) for p in ps] for c, ps in (bounds.get("name_suffix_patterns") or {}).items()},
        enumeration_glue=tuple(bounds.get("enumeration_glue", [])),
        inner_conjunctions=frozenset(bounds.get("inner_conjunctions", [])),
        weak_suffixes=frozenset(bounds.get("weak_suffixes", [])),
        listed_classes=frozenset(bounds.get("listed_classes", [])),
        venue_verbs=tuple(bounds.get("venue_verbs", [])),
        demonstratives=tuple(bounds.get("demonstratives", [])),
        quoted_kinds=dict(bounds.get("quoted_kinds") or {}),
        built_classes=frozenset(bounds.get("built_classes", [])),
        event_abbreviations=tuple((suffix_data.get("Event") or {}).get("abbreviations", [])),
        gazetteer=gaz,
        local_bodies=sorted(local_bodies, key=len, reverse=True),
        relative_prefixes=relative or {"市": "city", "省": "province", "区": "district"},
        place_pronouns=dict(government.get("place_pronouns") or {}),
        local_body_classes=dict(government.get("local_body_classes") or {}),
        branch_words=tuple(government.get("branch_words") or []),
        pronoun_named_classes=frozenset(government.get("pronoun_named_classes") or []),
        body_expansions=expansions,
        relation_rules=list(_read(folder, "relations.yaml").get("rules", [])),
        figures=_read(folder, "figures.yaml"),
        person_titles=sorted(persons.get("titles", []), key=len, reverse=True),
        surnames=frozenset(persons.get("surnames", "")),
        enumeration_heads=dict(persons.get("enumeration_heads", {})),
        name_followers=str(persons.get("name_followers", "")),
    )
