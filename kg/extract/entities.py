"""Choose entity mentions among overlapping candidates and complete their names."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from kg.extract import candidates as find
from kg.extract.lexicon import Lexicon
from kg.extract.relations import CLAUSE_BREAK, class_names, group
from kg.extract.tokens import Words
from kg.model import Mention, Sentence
from kg.resolve.names import normalise



def find_mentions(text: str, sentences: list[Sentence], words: Words, lex: Lexicon,
                  place: dict[str, str]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """The document's mentions (non-overlapping, in text order) and the aliases it defines."""
    suffix_finder = find.suffix_finder(lex)
    pool = [
        *find.book_titles(text, lex),
        *find.gazetteer(text, lex, words),
        *find.relative_bodies(text, lex, place),
        *find.place_bodies(text, lex),
        *find.branch_offices(text, lex),
        *find.departments(text, lex),
        *find.venues(text, lex, suffix_finder),
        *find.demonstrated_names(text, words, lex, suffix_finder),
        *find.quoted_names(text, words, lex, suffix_finder),
        *find.appositions(text, lex, suffix_finder),
        *find.kind_led_names(text, words, lex),
        *find.recognised_subjects(text, words, lex, suffix_finder),
        *suffix_finder.find(text, words),
        *find.persons(text, lex),
        *find.persons_before_titles(text, words, lex),
        *find.abbreviated_events(text, words, lex),
        *_enumeration_members(text, words, lex, suffix_finder),
    ]
    pool = _listed_generic_names([c for c in pool if c is not None], text, lex)
    chosen = [c for c in _select(_split_owned(pool)) if c.cls]  # work titles only block
    chosen = [_complete_relative(c, text, lex, place) for c in chosen if _district_in_scope(c, text, lex, place)]
    mentions = [_to_mention(c, text, sentences) for c in chosen]
    mentions = _propagate(text, mentions, sentences)
    mentions = _titles_by_context(text, mentions, lex)
    mentions, aliases = _apply_alias_definitions(text, mentions, sentences, lex)
    mentions, abbreviations = _link_abbreviations(mentions)
    mentions, expanded = _link_known_short_forms(mentions, lex)
    mentions, kinded = _link_kind_suffixed_known(mentions, words, lex)
    mentions, unplaced = _link_place_dropped(text, mentions, sentences, words, lex)
    return mentions, aliases + abbreviations + expanded + kinded + unplaced


PROPAGATED_RULES = {"apposition", "quoted", "suffix", "enumeration", "place-body", "demonstrated", "venue"}


def _propagate(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """A name found once by its context is the same name wherever else the text repeats it."""
    taken = [(m.start, m.end) for m in mentions]
    extra = []
    for name, first in {m.text: m for m in mentions if m.rule in PROPAGATED_RULES and len(m.text) >= 3}.items():
        for hit in re.finditer(re.escape(name), text):
            if any(hit.start() < e and s < hit.end() for s, e in taken):
                continue
            taken.append((hit.start(), hit.end()))
            extra.append(Mention(hit.start(), hit.end(), name, first.cls, _sentence_of(hit.start(), sentences),
                                 first.rule, first.name))
    return sorted(mentions + extra, key=lambda m: m.start)


TITLE_CLASSES = frozenset({"Designation", "PilotProgramme"})  # what a site becomes when conferred


def member_gap(lex: Lexicon) -> re.Pattern[str]:
    """等 or 等3个 between listed members and the title they hold (太原、西安等国家物流枢纽城市)."""
    return re.compile(rf"^等(?:{lex.counted})?$")


def _is_place(m: Mention) -> bool:
    return _is_place_class(m.cls)


def _is_place_class(cls: str) -> bool:
    return bool(cls) and "Place" in class_names(cls)


def _title_class(site_class: str) -> str:
    """A conferred zone is a pilot (国家…先导区), any other site a designation (…示范基地)."""
    return "PilotProgramme" if site_class == "Zone" else "Designation"


def _titles_by_context(text: str, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """A site named right after a title verb (获批, 被认定为, 争创, 这一), or in the enumeration after
    it, or after places listed with 等 (太原、西安等国家物流枢纽城市), is a title conferred on them:
    every mention of that name takes the title's class."""
    retyped: dict[str, str] = {}
    gap = member_gap(lex)
    for previous, m in zip([None, *mentions], mentions):
        before = lex.batch_words.sub("", text[max(0, m.start - 20):m.start].rstrip("“\""))  # 入选首批…基地, 授牌“…基地”: the verb still governs
        if (previous is not None and _is_place(previous) and m.cls in lex.title_classes
                and gap.match(text[previous.end:m.start])):
            # 太原、西安、兰州等国家物流枢纽城市: places are no part of a site; the site is their title
            retyped[m.key] = _title_class(m.cls)
            continue
        bid = before.endswith(lex.bid_verbs) and text.startswith(lex.designation_prefixes, m.start)
        # 作为贵州省数字服务出口基地，贵阳大数据科创城…: a site the clause opens with as a role is a title
        role = before.endswith(lex.role_verbs) and m.cls in lex.title_classes and text.startswith("，", m.end)
        if role:
            retyped[m.key] = _title_class(m.cls)
            continue
        if not (bid or before.endswith(lex.title_verbs)):
            continue
        for member in group(mentions, m, text):
            if member.start < m.start or CLAUSE_BREAK.search(text[m.end:member.start]):
                continue  # the enumeration before the verb holds the recipients; a comma ends the titles
            if member.cls in lex.title_classes and member.rule != "gazetteer":
                retyped[member.key] = _title_class(member.cls)
    if not retyped:
        return mentions
    return [replace(m, cls=retyped[m.key]) if m.key in retyped else m for m in mentions]


ABBREVIABLE_RULES = {"quoted", "suffix", "book-title"}
SITE_NAMES = frozenset({"Zone", "Park", "Base"})  # named by place and kind: a subsequence is another site
PERIOD = re.compile(r"[（(][^（）()]*\d{4}[^（）()]*[）)]$")  # …方案（2025—2027年）


def _link_abbreviations(mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Short names of a longer name of the same class in the document:
    - 青岛试点方案 for 青岛市全面深化服务贸易创新发展试点实施方案: the first character and the
      ending kept, some characters skipped (a subsequence, not a part: 服务贸易创新发展试点 is not
      全面深化服务贸易创新发展试点);
    - 《工作要点》 for 《青岛市服务业发展2024年工作要点》: a title that ends another title."""
    longer = sorted({m.key: m for m in mentions if m.rule != "alias"}.values(), key=lambda m: -len(m.key))
    owners: dict[str, Mention] = {}
    for m in {m.key: m for m in mentions if m.rule in ABBREVIABLE_RULES}.values():
        short = PERIOD.sub("", normalise(m.key))
        for full in longer:
            key = PERIOD.sub("", normalise(full.key))
            if full.cls == m.cls and m.cls in SITE_NAMES and len(short) >= 6 and len(key) - len(short) in (2, 3) \
                    and key.endswith(short) and m.rule == full.rule == "suffix":
                owners[m.key] = full  # 临空经济示范区 for 胶东临空经济示范区: a site without the area opening its name
                break
            if full.cls != m.cls or len(key) <= len(short) + 2 or m.cls in SITE_NAMES:
                continue  # 武汉经济技术开发区 is no short form of 武汉临空港经济技术开发区: sites differ by one word
            if (key[0] == short[0] and key[-2:] == short[-2:] and short not in key and _subsequence(short, key)) \
                    or (m.rule == full.rule == "book-title" and key.endswith(short)):
                owners[m.key] = full
                break
    if not owners:
        return mentions, []
    linked = [Mention(m.start, m.end, m.text, owners[m.key].cls, m.sentence, "alias", owners[m.key].key)
              if m.key in owners else m for m in mentions]
    return linked, [(short, full.key) for short, full in owners.items()]


def _link_known_short_forms(mentions: list[Mention], lex: Lexicon) -> tuple[list[Mention], list[tuple[str, str]]]:
    """上合组织国际投资贸易博览会 for 上海合作组织国际投资贸易博览会: a name that holds a known short
    form (the gazetteer's 上合组织) where another name of the same class holds the full form is that name."""
    gaz = lex.gazetteer
    keys = {m.key: m for m in mentions if m.rule not in ("alias", "gazetteer")}
    owners: dict[str, str] = {}
    for key, m in keys.items():
        for n in gaz.lengths:
            for at in range(len(key) - n + 1):
                surface = key[at:at + n]
                full = gaz.names.get(surface, ("", ""))[0]
                if n < 2 or not full or full == surface or surface == key:
                    continue
                longer = keys.get(key[:at] + full + key[at + n:])
                if longer is not None and longer.cls == m.cls:
                    owners[key] = longer.key
    if not owners:
        return mentions, []
    linked = [replace(m, rule="alias", name=owners[m.key]) if m.key in owners else m for m in mentions]
    return linked, list(owners.items())


def _link_kind_suffixed_known(mentions: list[Mention], words: Words, lex: Lexicon) -> tuple[list[Mention], list[tuple[str, str]]]:
    """卡奥斯COSMOPlat工业互联网平台 is 卡奥斯COSMOPlat: a known name of the class followed only by
    generic words (the kind it is) names the known entity."""
    gaz = lex.gazetteer
    links: dict[str, str] = {}
    for m in mentions:
        if m.rule in ("alias", "gazetteer"):
            continue
        known = next((m.text[:n] for n in gaz.lengths if n < len(m.text) and m.text[:n] in gaz.names), "")
        canonical, cls = gaz.names.get(known, ("", ""))
        rest = words.between(m.start + len(known), m.end)
        if known and cls == m.cls and cls in lex.kind_suffixed_classes and rest and rest[0].start == m.start + len(known) \
                and rest[-1].end == m.end \
                and all(w.text in lex.generic_words or w.text in lex.suffixes.get(cls, ()) for w in rest):
            links[m.key] = canonical
    if not links:
        return mentions, []
    linked = [replace(m, rule="alias", name=links[m.key]) if m.key in links else m for m in mentions]
    return linked, list(links.items())


def _link_place_dropped(text: str, mentions: list[Mention], sentences: list[Sentence], words: Words,
                        lex: Lexicon) -> tuple[list[Mention], list[tuple[str, str]]]:
    """青岛金家岭金融现代服务业集聚示范区 … 金家岭金融现代服务业集聚示范区: once a name has been given
    with its city, the text may drop the city; the rest (four characters or more, not only generic
    words) names the same entity wherever it stands alone."""
    gaz = lex.gazetteer
    links: list[tuple[str, str]] = []
    for m in {m.key: m for m in mentions if m.rule not in ("alias", "context")}.values():
        if _is_place(m) or m.cls == "GovernmentBody":
            continue
        place = gaz.head_place(m.key, ("City", "Province", "District"))
        rest = m.key[len(place):]
        if not place or len(rest) < 4 or _generic(rest, m.start + len(place), words, lex):
            continue
        for hit in re.finditer(re.escape(rest), text):
            covering = [x for x in mentions if x.start < hit.end() and hit.start() < x.end]
            if any(x.end - x.start > len(rest) for x in covering):
                continue  # part of a longer name (the full name itself among them)
            mentions = [x for x in mentions if x not in covering]
            mentions.append(Mention(hit.start(), hit.end(), rest, m.cls, _sentence_of(hit.start(), sentences), "alias", m.key))
            if (rest, m.key) not in links:
                links.append((rest, m.key))
    return sorted(mentions, key=lambda x: x.start), links


def _subsequence(short: str, full: str) -> bool:
    rest = iter(full)
    return all(ch in rest for ch in short)


def _complete_relative(c: find.Candidate, text: str, lex: Lexicon, place: dict[str, str]) -> find.Candidate:
    """市服务业发展领导小组 in a Qingdao text is 青岛市服务业发展领导小组 (市 → the document's city);
    全市服务业高质量发展大会 is 青岛市服务业高质量发展大会."""
    if c.rule == "pronoun":
        pronoun = next(p for p in lex.place_pronouns if text.startswith(p, c.start))
        owner = place.get(lex.place_pronouns[pronoun])
        if not owner:  # no place known: the name without the pronoun
            return find.Candidate(c.start + len(pronoun), c.end, c.cls, "suffix", c.priority)
        return find.Candidate(c.start, c.end, c.cls, c.rule, c.priority, owner + text[c.start + len(pronoun):c.end])
    first = text[c.start:c.start + 1]
    level = lex.relative_prefixes.get(first)
    if c.cls != "GovernmentBody" or c.rule != "suffix" or c.name or not level or not place.get(level):
        return c
    owner = place[level]
    if text[c.start:].startswith(owner[:-1]) or (c.start > 0 and text[c.start - 1:c.start + 1] in owner):
        return c  # 青岛市…: the place is written out
    return find.Candidate(c.start, c.end, c.cls, c.rule, c.priority, owner + text[c.start + 1:c.end])


def _district_in_scope(c: find.Candidate, text: str, lex: Lexicon, place: dict[str, str]) -> bool:
    """A district name counts only in a document about its city or naming it (和平区 is in Tianjin
    and Shenyang: in a Qingdao text the same characters are most likely something else)."""
    if c.cls != "District" or c.rule != "gazetteer":
        return True
    cities = lex.gazetteer.district_city.get(c.name or text[c.start:c.end], set())
    if not cities or place.get("city") in cities:
        return True
    shorts = {s for s, full in lex.gazetteer.short_to_full.items() if full in cities}
    return any(name and name in text for name in cities | shorts)


def _enumeration_members(text: str, words: Words, lex: Lexicon, suffix_finder: find.SuffixFinder) -> list[find.Candidate]:
    """Members of A、B、C等…企业 lists. A counted list (等3家企业) is trusted; an uncounted one when at
    least half of its members look like names (a proper word or a class suffix: 日日顺物流、聚好看科技、
    伟东云教育等独角兽企业), else only its proper-named members are kept."""
    found: list[find.Candidate] = []
    for members in find.enumerations(text, lex):
        kept = [c for c in (trim_left(c, text, words.start_set, lex) for c in members) if c is not None]
        if not kept:
            continue
        if kept[0].rule == "enumeration":
            found += kept
            continue
        named = [c for c in kept if find.is_proper_name(text[c.start:c.end], c.start, words, lex)]
        suffixed = [c for c in kept if c not in named and _suffixed_name(text[c.start:c.end], words, c.start, lex, suffix_finder)]
        # 卡奥斯、橡链云、柠檬豆等平台: a list closed by 等 is of its head's kind (places in it are no evidence)
        listed_by_deng = text[kept[-1].end:kept[-1].end + 1] == "等" and not any(
            _is_place_class(lex.gazetteer.class_of(text[c.start:c.end])) for c in kept)
        trusted = (kept[0].cls == "Enterprise" or listed_by_deng) and len(kept) >= 2 \
            and 2 * len(named + suffixed) >= len(kept)
        found += [c for c in kept if c in named or c in suffixed
                  or not (_generic(text[c.start:c.end], c.start, words, lex) or set(text[c.start:c.end]) & set("“”\""))] \
            if trusted else named
    return found


def _suffixed_name(name: str, words: Words, start: int, lex: Lexicon, suffix_finder: find.SuffixFinder) -> bool:
    """聚好看科技: a class suffix after a body that is no generic word (not 人工智能科技, not 独角兽企业)."""
    suffix = find.suffix_at_end(name, suffix_finder)
    body = name[:len(name) - len(suffix)]
    return bool(suffix) and suffix_finder.suffix_class[suffix] == "Enterprise" and len(body) >= 2 \
        and not _generic(body, start, words, lex)


def _generic(name: str, start: int, words: Words, lex: Lexicon) -> bool:
    """Only generic words (数字经济, 人工智能, 独角兽企业): a topic or a kind, no name."""
    inside = words.between(start, start + len(name))
    return not inside or name in lex.generic_words or all(
        w.text in lex.generic_words or w.text in lex.stop_tokens for w in inside)


def trim_left(c: find.Candidate, text: str, token_starts: set[int], lex: Lexicon) -> find.Candidate | None:
    """Cut a candidate after the last stop token or clause-opening verb inside it
    (其中平度工艺品厂 -> 平度工艺品厂, 成功培育日日顺物流 -> 日日顺物流)."""
    start = c.start
    bounds = sorted(t for t in token_starts if c.start <= t < c.end) + [c.end]
    for a, b in zip(bounds, bounds[1:]):
        if text[a:b] in lex.stop_tokens or (text[a:b] in lex.leading_verbs and b < c.end):
            start = b
    if c.end - start < 2:
        return None
    return find.Candidate(start, c.end, c.cls, c.rule, c.priority, c.name)


def _listed_generic_names(pool: list[find.Candidate], text: str, lex: Lexicon) -> list[find.Candidate]:
    """A name of common words (rule suffix-listed) stays only when a list (、) joins it, directly or
    through other such names, to a proper suffix name of a listed class. Right after a national
    title of the same ending (国家人力资源服务出口基地和语言服务出口基地) it shares the title's
    prefix: 国家语言服务出口基地."""
    listed = sorted((c for c in pool if c.rule == "suffix-listed"), key=lambda c: c.start)
    if not listed:
        return pool
    anchors = {(c.start, c.end): c for c in pool if c.rule == "suffix" and c.cls in lex.listed_classes | TITLE_CLASSES}
    kept: dict[find.Candidate, find.Candidate] = {}
    changed = True
    while changed:  # spread along the list: A、B、C with only C proper keeps B, then A
        changed = False
        for c in listed:
            if c in kept:
                continue
            before = next((a for (s, e), a in anchors.items() if text[e:c.start] in lex.enumeration_glue), None)
            after = next((a for (s, e), a in anchors.items() if text[c.end:s] == "、"), None)
            keep = _shared_title(c, before, text, lex) if before is not None else None
            for anchor in (before, after):
                if keep is None and anchor is not None and anchor.cls in lex.listed_classes:
                    # 国际院士港 listed with parks is a park: a “port” of common words is no real place
                    keep = find.Candidate(c.start, c.end, anchor.cls if c.cls == "Place" else c.cls, "suffix", c.priority)
            if keep is not None:
                kept[c] = anchors[(c.start, c.end)] = keep
                changed = True
    return [kept.get(c, c) for c in pool if c.rule != "suffix-listed" or c in kept]


def _shared_title(c: find.Candidate, anchor: find.Candidate, text: str, lex: Lexicon) -> find.Candidate | None:
    """国家人力资源服务出口基地和语言服务出口基地: the second shares the first's national prefix."""
    anchor_text = text[anchor.start:anchor.end]
    prefix = next((p for p in lex.national_prefixes if anchor_text.startswith(p)), "")
    if not prefix or anchor_text[-2:] != text[c.end - 2:c.end] or text.startswith(prefix, c.start):
        return None
    return find.Candidate(c.start, c.end, anchor.cls, "suffix", c.priority, prefix + text[c.start:c.end])


def _split_owned(pool: list[find.Candidate]) -> list[find.Candidate]:
    """中储京科“货兑宝”平台 is an owner and its platform: the span covering both is no name."""
    owner_ends = {c.end: c.start for c in pool if c.rule == "owner"}
    both = {(owner_ends[q.start], q.end) for q in pool if q.rule == "quoted" and q.start in owner_ends}
    return [c for c in pool if c.rule == "owner" or (c.start, c.end) not in both]


def _select(pool: list[find.Candidate]) -> list[find.Candidate]:
    """Greedy: longest first, then higher priority; a chosen span blocks every overlapping one."""
    taken: list[tuple[int, int]] = []
    chosen: list[find.Candidate] = []
    for c in sorted(pool, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        taken.append((c.start, c.end))
        chosen.append(c)
    # A book title blocks everything inside it, even when a longer span overlaps its edge.
    return sorted(chosen, key=lambda c: c.start)


def _to_mention(c: find.Candidate, text: str, sentences: list[Sentence]) -> Mention:
    index = _sentence_of(c.start, sentences)
    surface = text[c.start:c.end]
    return Mention(c.start, c.end, surface, c.cls, index, c.rule, c.name if c.name != surface else "")


def _sentence_of(offset: int, sentences: list[Sentence]) -> int:
    starts = [s.start for s in sentences]
    return max(0, bisect_right(starts, offset) - 1)


def _apply_alias_definitions(text: str, mentions: list[Mention], sentences: list[Sentence],
                             lex: Lexicon) -> tuple[list[Mention], list[tuple[str, str]]]:
    """以下简称“X”: X names the mention just before it. Every mention reading X (or X without a
    leading place: 成都服博会 → 服博会) becomes a mention of that entity, before or after the
    definition; names inside the definition's brackets are not mentions of their own."""
    aliases: list[tuple[str, str]] = []
    owners: dict[str, Mention] = {}
    spans: list[tuple[int, int]] = []
    by_end = {m.end: m for m in mentions}
    for m in find.ALIAS_DEFINITION.finditer(text):
        owner = by_end.get(m.start()) or by_end.get(m.start() - 1)
        alias = m.group(1).strip()
        if owner is None or not alias:
            continue
        spans.append((m.start(), m.end()))
        for form in (alias, _without_place(alias, lex)):
            if form:
                aliases.append((form, owner.key))
                owners[normalise(form)] = owner
        mentions = _add_alias_mentions(text, mentions, alias, owner, m.end(), sentences)
    mentions = [x for x in mentions if not any(a <= x.start and x.end <= b for a, b in spans)]
    return [_rekey(x, owners) for x in mentions], aliases


def _without_place(alias: str, lex: Lexicon) -> str:
    """成都服博会 → 服博会: the alias after a city or province that opens it, two characters or more."""
    place = lex.gazetteer.head_place(alias[:-1], ("City", "Province"))
    rest = alias[len(place):]
    # 武汉开发区 → 开发区 is a kind, not a name
    return "" if not place or rest in find.suffix_finder(lex).suffix_class else rest


def _rekey(m: Mention, owners: dict[str, Mention]) -> Mention:
    owner = owners.get(normalise(m.text))
    if owner is None or owner.key == m.key or owner is m:
        return m
    return Mention(m.start, m.end, m.text, owner.cls, m.sentence, "alias", owner.key)


def _add_alias_mentions(text: str, mentions: list[Mention], alias: str, owner: Mention, after: int,
                        sentences: list[Sentence]) -> list[Mention]:
    spans = [(x.start, x.end) for x in mentions]
    extra = []
    for m in re.finditer(re.escape(alias), text):
        if owner.start <= m.start() < after:
            continue  # the defined name and its definition; a headline before them uses the alias too
        overlapping = [x for x in mentions if x.start < m.end() and m.start() < x.end]
        if any(x.end - x.start > len(alias) for x in overlapping):
            continue  # part of a longer name
        mentions = [x for x in mentions if x not in overlapping]
        extra.append(Mention(m.start(), m.end(), alias, owner.cls, _sentence_of(m.start(), sentences),
                             "alias", owner.key))
    del spans
    return sorted(mentions + extra, key=lambda x: x.start)
