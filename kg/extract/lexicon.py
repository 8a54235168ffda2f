"""The extraction knowledge, read from the YAML files in ``kg/extract/patterns/`` (or KG_LEXICON_DIR)."""

from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
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

    def add_entry(self, entry: dict[str, Any], cls: str) -> None:
        """A lexicon entry {name, aliases, type?}: every surface form names it."""
        for surface in [entry["name"], *entry.get("aliases", [])]:
            self.add(surface, entry["name"], entry.get("type", cls))

    def head_place(self, name: str, classes: tuple[str, ...]) -> str:
        """The longest known place of ``classes`` that opens ``name`` and is not all of it, or ""."""
        return next((name[:n] for n in self.lengths if n < len(name) and self.class_of(name[:n]) in classes), "")

    def class_of(self, surface: str) -> str:
        """The class of a known name, "" for an unknown one."""
        return self.names.get(surface, ("", ""))[1]

    def freeze(self) -> None:
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)


@dataclass(eq=False)  # hashable by identity: patterns compiled from it are cached per lexicon
class Lexicon:
    # Built from several keys or files, or compiled:
    suffixes: dict[str, list[str]]  # class -> suffixes
    min_body: dict[str, int]
    event_abbreviations: tuple[str, ...]
    gazetteer: Gazetteer
    local_bodies: list[str]
    relative_prefixes: dict[str, str]
    body_expansions: dict[str, str]
    relation_rules: list[dict[str, Any]]
    figures: dict[str, Any]
    person_titles: tuple[str, ...]  # longest first
    surnames: frozenset[str]
    enumeration_heads: dict[str, str]
    name_followers: str
    foreign_name_followers: str  # 副主席本通·西萨瓦随后…: what may follow a transliterated name
    stop_tokens: frozenset[str]  # boundaries.yaml's stop_tokens and clause_openers
    title_verbs: tuple[str, ...]  # longest first
    description_words: tuple[re.Pattern[str], ...]
    name_prefix_patterns: dict[str, list[re.Pattern[str]]]
    name_suffix_patterns: dict[str, list[re.Pattern[str]]]
    quoted_name_patterns: dict[str, list[re.Pattern[str]]]
    batch_words: re.Pattern[str]
    quote_edition: re.Pattern[str] | None  # 2024“乐购青岛”消费促进年: the year right before a quote
    # Read as they stand in boundaries.yaml or government.yaml (key = field name; see _plain_fields);
    # the ones with a default:
    clause_openers: tuple[str, ...] = ()
    stop_chars: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    designation_prefixes: tuple[str, ...] = ()
    national_prefixes: tuple[str, ...] = ()
    national_zone_prefixes: tuple[str, ...] = ()
    leading_verbs: frozenset[str] = frozenset()
    name_openers: tuple[str, ...] = ()
    level_prefixes: tuple[str, ...] = ()
    place_led_classes: frozenset[str] = frozenset()
    description_heads: frozenset[str] = frozenset()
    policy_title_words: tuple[str, ...] = ()
    slogan_heads: tuple[str, ...] = ()
    descriptive_classes: frozenset[str] = frozenset()
    quote_named_classes: frozenset[str] = frozenset()
    national_title_suffixes: tuple[str, ...] = ()
    verbs_before_names: frozenset[str] = frozenset()
    apposition_classes: frozenset[str] = frozenset()
    false_endings: tuple[str, ...] = ()
    legal_forms: tuple[str, ...] = ()
    participant_endings: dict[str, str] = field(default_factory=dict)
    inner_name_words: frozenset[str] = frozenset()
    recognition_verbs: tuple[str, ...] = ()
    title_classes: frozenset[str] = frozenset()
    street_suffixes: tuple[str, ...] = ()
    bracketed_name_words: frozenset[str] = frozenset()
    district_area_suffixes: tuple[str, ...] = ()
    site_frame_endings: tuple[str, ...] = ()
    titles_after_name: tuple[str, ...] = ()
    name_leading_kinds: dict[str, str] = field(default_factory=dict)
    kind_suffixed_classes: frozenset[str] = frozenset()
    role_verbs: tuple[str, ...] = ()
    edition_determiners: tuple[str, ...] = ()
    site_fillers: tuple[str, ...] = ()
    conditional_openers: tuple[str, ...] = ()
    bid_words: tuple[str, ...] = ()
    leading_words: tuple[str, ...] = ()
    label_modifiers: frozenset[str] = frozenset()
    pair_words: tuple[str, ...] = ()
    department_suffixes: tuple[str, ...] = ()
    speech_followers: tuple[str, ...] = ()
    third_person_pronouns: tuple[str, ...] = ()
    enumeration_glue: tuple[str, ...] = ()
    inner_conjunctions: frozenset[str] = frozenset()
    weak_suffixes: frozenset[str] = frozenset()
    listed_classes: frozenset[str] = frozenset()
    venue_verbs: tuple[str, ...] = ()
    demonstratives: tuple[str, ...] = ()
    quoted_kinds: dict[str, str] = field(default_factory=dict)
    place_pronouns: dict[str, str] = field(default_factory=dict)
    local_body_classes: dict[str, str] = field(default_factory=dict)
    branch_words: tuple[str, ...] = ()
    pronoun_named_classes: frozenset[str] = frozenset()
    count_classifiers: tuple[str, ...] = ()
    event_name_openers: tuple[str, ...] = ()
    issuer_levels: tuple[str, ...] = ()
    anaphor_determiners: tuple[str, ...] = ()
    describing_determiners: tuple[str, ...] = ()
    bid_verbs: tuple[str, ...] = ()
    respectively_words: tuple[str, ...] = ()
    list_joiners: tuple[str, ...] = ()
    object_markers: tuple[str, ...] = ()
    list_suffixes: tuple[str, ...] = ()
    descriptive_suffixes: tuple[str, ...] = ()
    ceremony_words: frozenset[str] = frozenset()
    clause_adverbials: tuple[str, ...] = ()
    bare_anaphors: tuple[str, ...] = ()
    tier_prefixes: tuple[str, ...] = ()
    kind_titles: frozenset[str] = frozenset()
    noun_named_classes: frozenset[str] = frozenset()

    @property
    def anaphors(self) -> dict[str, str]:
        """该项目, 此平台 -> the class they stand for: a determiner before a kind of ``enumeration_heads``."""
        return {d + head: cls for d in self.anaphor_determiners for head, cls in self.enumeration_heads.items()}

    @property
    def bare_kinds(self) -> dict[str, str]:
        """片区, 公司 opening a clause -> the class they stand for, without a determiner."""
        return {head: self.enumeration_heads[head] for head in self.bare_anaphors if head in self.enumeration_heads}

    @property
    def counted(self) -> str:
        """A regex of a count of things (8个, 三家), from the figures' numerals and the classifiers."""
        numerals = "".join(self.figures.get("numerals", {}))
        return f"[0-9{numerals}]+(?:" + "|".join(map(re.escape, self.count_classifiers)) + ")"


CONVERTERS = {"frozenset": frozenset, "tuple": tuple, "dict": dict}


def _plain_fields(*sources: dict[str, Any]) -> dict[str, Any]:
    """The lexicon's plain fields from the YAML keys of the same name, converted to the field's type
    (frozenset, tuple or dict) as its annotation says; a key missing from the files keeps the default."""
    plain = {f.name: CONVERTERS[str(f.type).split("[")[0]] for f in fields(Lexicon)
             if f.default is not MISSING or f.default_factory is not MISSING}
    return {name: plain[name](value or ()) for source in sources for name, value in source.items() if name in plain}


def _gazetteer(folder: Path, government: dict[str, Any]) -> Gazetteer:
    gaz = Gazetteer()
    places = _read(folder, "places.yaml")
    for entry in places.get("countries", []):
        gaz.add_entry(entry, "Place" if entry.get("kind") == "region" else "Country")
    for entry in places.get("regions", []) or []:
        gaz.add_entry(entry, "Place")
    for entry in places.get("world_cities", []) or []:
        gaz.add_entry(entry, "City")
    for entry in places.get("national_new_areas", []) or []:  # before districts: 滨海新区 is the new area
        gaz.add_entry(entry, "Zone")
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
    for entry in government.get("central", []):
        gaz.add_entry(entry, "GovernmentBody")
    for entry in _read(folder, "organizations.yaml").get("organizations", []) or []:
        gaz.add_entry(entry, "Organization")
    known = _read(folder, "enterprises.yaml")
    for key, cls in (("enterprises", "Enterprise"), ("platforms", "Platform")):
        for entry in known.get(key, []) or []:
            gaz.add_entry(entry, cls)
    programmes = _read(folder, "programmes.yaml")
    for entry in programmes.get("programmes", []) or []:
        gaz.add_entry(entry, "Programme")
    for entry in programmes.get("titles", []) or []:
        gaz.add_entry(entry, "Designation")
    for title in programmes.get("kind_titles", []) or []:
        gaz.add(title, title, "Designation")
    for entry in _read(folder, "events.yaml").get("events", []) or []:
        gaz.add_entry(entry, "Event")
    gaz.freeze()
    return gaz


@lru_cache(maxsize=4)
def load_lexicon(folder: Path | None = None) -> Lexicon:
    """All extraction knowledge of a patterns folder."""
    folder = folder or get_settings().lexicon_dir
    suffix_data = _read(folder, "entity_suffixes.yaml")
    bounds = _read(folder, "boundaries.yaml")
    persons = _read(folder, "persons.yaml")
    government = _read(folder, "government.yaml")
    classes = {cls: v for cls, v in suffix_data.items() if isinstance(v, dict)}
    patterns = {key: {c: [re.compile(p) for p in ps] for c, ps in (bounds.get(key) or {}).items()}
                for key in ("name_prefix_patterns", "name_suffix_patterns", "quoted_name_patterns")}
    return Lexicon(
        suffixes={cls: list(v.get("suffixes", [])) for cls, v in classes.items()},
        min_body={cls: int(v.get("min_body", 2)) for cls, v in classes.items()},
        event_abbreviations=tuple((suffix_data.get("Event") or {}).get("abbreviations", [])),
        gazetteer=_gazetteer(folder, government),
        local_bodies=sorted(government.get("local_bodies", []), key=len, reverse=True),
        relative_prefixes=dict(government.get("relative_prefixes") or {"市": "city", "省": "province", "区": "district"}),
        body_expansions=dict(government.get("expansions", {})),
        relation_rules=list(_read(folder, "relations.yaml").get("rules", [])),
        figures=_read(folder, "figures.yaml"),
        person_titles=tuple(sorted(persons.get("titles", []), key=len, reverse=True)),
        surnames=frozenset(persons.get("surnames", "")),
        enumeration_heads=dict(persons.get("enumeration_heads", {})),
        name_followers=str(persons.get("name_followers", "")),
        foreign_name_followers=str(persons.get("foreign_name_followers", "")),
        stop_tokens=frozenset(bounds.get("stop_tokens", [])) | frozenset(bounds.get("clause_openers", [])),
        title_verbs=tuple(sorted(bounds.get("title_verbs", []), key=len, reverse=True)),
        description_words=tuple(re.compile(p) for p in bounds.get("description_words", [])),
        batch_words=re.compile("(?:" + "|".join(bounds.get("batch_words", []) or ["(?!)"]) + ")$"),
        quote_edition=re.compile(bounds["quote_edition"]) if bounds.get("quote_edition") else None,
        **patterns,
        **_plain_fields(bounds, government, persons, _read(folder, "programmes.yaml")),
    )
