"""Names found by their context: quoted names and their owners, appositions, the subjects of a
recognition verb, names before 这一, venues between 在 and 举行, list members."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.candidates.base import QUOTED, Candidate, alternation
from kg.extract.candidates.suffixes import SuffixFinder, suffix_at_end
from kg.extract.lexicon import Lexicon
from kg.extract.tokens import NON_NAME_FLAGS, Word, Words


def quoted_names(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """“千帆出海”计划, “货兑宝”平台: a quoted word followed by a class suffix; “…检测服务平台”: a quoted
    name ending in one. A proper name right before the quote is its owner (中储京科“货兑宝”平台)."""
    for m in QUOTED.finditer(text):
        if any(c in m.group(1) for c in "，。！？；"):
            continue  # “这次入选，让我们…”公司: a quoted sentence is speech, not a name
        after = text[m.end():m.end() + 12]
        hit = suffix_finder.pattern.match(after)
        inner = suffix_at_end(m.group(1), suffix_finder)
        kind = None if hit else _kind_after_quote(text, m, words, lex, suffix_finder)
        if kind is not None:
            yield kind  # “青岛金花”服务业类企业, “以旧换新”消费促进活动
        elif hit:
            cls = suffix_finder.suffix_class[hit.group()]
            # “武汉市服务贸易十强企业”称号: the title word after the quote names no more than the quote
            end = m.end() if hit.group() in lex.list_suffixes else m.end() + hit.end()
            year = lex.quote_edition.search(text, max(0, m.start() - 4), m.start()) if lex.quote_edition else None
            yield Candidate(year.start() if year else m.start(), end, cls, "quoted", 70)  # 2024“乐购武汉”消费促进年
        elif inner and _named_before_kind(m.group(1), inner, lex) and not m.group(1).endswith(lex.false_endings):
            yield Candidate(m.start(1), m.end(1), suffix_finder.suffix_class[inner], "quoted", 70)
        elif nickname := _nickname(text, m, words, lex, suffix_finder):
            yield nickname
        else:
            continue
        owner = _owner(text, m.start(), words, lex)
        if owner is not None:
            yield owner


def _named_before_kind(content: str, inner: str, lex: Lexicon) -> bool:
    """“货兑宝平台” names a platform; “首批示范区” only counts one of a kind: a batch or a tier word
    before the kind word is no name."""
    body = content[:-len(inner)]
    body, kind = lex.batch_words.sub("", body), content[len(body):]
    return len(body) >= 2 and body not in lex.tier_prefixes and body not in lex.level_prefixes \
        and not (body in lex.generic_words and kind in lex.generic_words)  # “智慧商圈”: a kind of thing, quoted


def _nickname(text: str, quote: re.Match[str], words: Words, lex: Lexicon,
              suffix_finder: SuffixFinder) -> Candidate | None:
    """“创投风投十条”: a quoted name of a class by its own form (``quoted_name_patterns``); the
    policy words right before the quote are part of it (服务业发展政策措施“新十条”)."""
    cls = next((c for c, patterns in lex.quoted_name_patterns.items()
                if any(p.search(quote.group(1)) for p in patterns)), None)
    if cls is None:
        return None
    start = quote.start()
    if text[:start].endswith(lex.policy_title_words):
        start = suffix_finder.name_start(text, start, words, cls) or start
    return Candidate(start, quote.end(), cls, "quoted", 70)


def _kind_after_quote(text: str, quote: re.Match[str], words: Words, lex: Lexicon,
                      suffix_finder: SuffixFinder) -> Candidate | None:
    """A short quoted label and the words after it up to a kind it names (``quoted_kinds``: 企业 →
    Designation, 活动 → Programme), at most 8 characters on, with no stop word between:
    “瞪羚”企业, “青岛金花”服务业类企业, “以旧换新”消费促进活动; the longest such name."""
    end = quote.end()
    tail = re.match(r"[\u4e00-\u9fff]{2,8}", text[end:end + 8])
    if tail is None or len(quote.group(1)) > 10 or not lex.quoted_kinds:
        return None
    inside = words.between(quote.start(1), quote.end(1))
    if inside and all(w.flag.startswith("v") for w in inside):
        return None  # “走出去”企业: a slogan's verb describes firms, it names no title
    kinds = sorted(lex.quoted_kinds, key=len, reverse=True)
    for stop in range(end + len(tail.group()), end, -1):
        ending = next((k for k in kinds if text[end:stop].endswith(k)), "")
        if not ending or stop not in words.start_set:
            continue
        if not any(w.text in lex.stop_tokens for w in words.between(end, stop)):
            # 数字贸易“领航”企业: the words before the quote belong to the name as in any suffix name
            cls = lex.quoted_kinds[ending]
            start = suffix_finder.name_start(text, quote.start(), words, cls)
            start = quote.start() if start is None else start
            return Candidate(start, stop, cls, "quoted", 70)
    return None


def _owner(text: str, quote_start: int, words: Words, lex: Lexicon) -> Candidate | None:
    """The proper name right before a quoted name (中储京科“货兑宝”平台): words read leftwards from
    the quote while they are names (unknown to jieba, name-tagged or known), at most 8 characters."""
    inside = words.between(max(0, quote_start - 8), quote_start)
    if not inside or inside[-1].end != quote_start:
        return None
    first = quote_start
    for word in reversed(inside):
        if word.text in lex.stop_tokens or any(c in lex.stop_chars for c in word.text) or word.text.isdigit():
            break
        if not (word.proper or word.text in lex.gazetteer.names):
            break
        first = word.start
    owner = text[first:quote_start]
    known = next((owner[-n:] for n in lex.gazetteer.lengths if n <= len(owner) and owner[-n:] in lex.gazetteer.names), "")
    if quote_start - first < 2 or known and lex.gazetteer.names[known][1] not in ("Enterprise", "Organization"):
        return None  # 2023服贸会“湖北日”推介会: a fair before the quote names its own event, no owner
    return Candidate(first, quote_start, "Enterprise", "owner", 40)


def appositions(text: str, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """综合服务平台“蓉贸通”: a quoted name right after a class word takes that word's class."""
    counted = re.compile(f"(?:{lex.counted})$")
    for m in QUOTED.finditer(text):
        before = text[max(0, m.start() - 6):m.start()]
        if suffix_at_end(m.group(1), suffix_finder):
            continue  # 光谷“星火创新团队”: a quoted name with a class word of its own keeps its class
        for suffix, cls in suffix_finder.suffix_class.items():
            if before.endswith(suffix) and cls in lex.apposition_classes and len(m.group(1)) >= 2:
                if not counted.search(text, max(0, m.start() - len(suffix) - 6), m.start() - len(suffix)):
                    yield Candidate(m.start(), m.end(), cls, "apposition", 65)
                break  # 21个项目“大单”: counted things, described in quotes, are no name


def kind_led_names(text: str, words: Words, lex: Lexicon) -> Iterator[Candidate]:
    """企业赣江数科与南昌大学签约: a kind word opening a clause, then proper words up to a stop word:
    the words name one of that kind (``name_leading_kinds``)."""
    for kind, cls in lex.name_leading_kinds.items():
        for m in re.finditer(f"(?:^|(?<=[，。；：！？\n])){re.escape(kind)}", text):
            end = m.end()
            for word in words.between(m.end(), min(len(text), m.end() + 10)):
                if word.start != end or not (word.proper or word.text in lex.gazetteer.names) \
                        or word.text in lex.stop_tokens or word.text in lex.generic_words:
                    break
                end = word.end
            following = words.at(end)
            if 2 <= end - m.end() <= 8 and following is not None and following.text in lex.stop_tokens:
                yield Candidate(m.end(), end, cls, "apposition", 65)


def recognised_subjects(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """恒耀船舶、特来电新能源获评…: the names a clause opens with before a recognition verb are
    names, even without a suffix; typed by their suffix if they have one, else as enterprises."""
    if not lex.recognition_verbs:
        return
    verbs = alternation(lex.recognition_verbs)
    item = r"[\u4e00-\u9fffA-Za-z0-9]{2,24}"
    pattern = re.compile(f"(?:^|(?<=[，。；：！？\n]))((?:{item}、)*{item})(?:{verbs})")
    for m in pattern.finditer(text):
        parts, offset = [], m.start(1)
        for part in m.group(1).split("、"):
            parts.append((offset, part, _plain_name(part, offset, words, lex)))
            offset += len(part) + 1
        listed = len(parts) >= 2 and any(plain for _, _, plain in parts)
        for offset, part, plain in parts:
            # 恒耀船舶、特来电新能源获评: beside a plain name, a member of common words is a name too
            if plain or (listed and _listed_name(part, offset, words, lex)):
                cls = suffix_finder.suffix_class.get(suffix_at_end(part, suffix_finder), "Enterprise")
                yield Candidate(offset, offset + len(part), cls, "subject-slot", 35)


def _clause_free_words(part: str, start: int, words: Words, lex: Lexicon) -> list[Word] | None:
    """The words of ``part`` when it starts and ends on word boundaries and holds no count (8个案例),
    stop word or clause opener; else None."""
    inside = words.between(start, start + len(part))
    if not inside or inside[0].start != start or inside[-1].end != start + len(part):
        return None
    if any(w.flag in ("m", "q") or w.text.isdigit() or w.text in lex.stop_tokens or w.text in lex.leading_verbs
           for w in inside):
        return None
    return inside


def _plain_name(part: str, start: int, words: Words, lex: Lexicon) -> bool:
    """No count, stop word or clause opener, no other verb or adverb, and a word jieba does not know."""
    inside = _clause_free_words(part, start, words, lex)
    if inside is None or any(len(w.text) > 1 and w.flag in NON_NAME_FLAGS and not w.proper for w in inside):
        return False
    singles = sum(1 for w in inside if len(w.text) == 1)
    return any(w.proper for w in inside) or singles >= 2 or part in lex.gazetteer.names


def _listed_name(part: str, start: int, words: Words, lex: Lexicon) -> bool:
    """No count, stop word or clause opener, and not only generic words."""
    inside = _clause_free_words(part, start, words, lex)
    return inside is not None and not all(w.text in lex.generic_words for w in inside)


def demonstrated_names(text: str, words: Words, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """天府软件园这一国家数字服务出口基地, 文博会这一国家级展会: what stands before 这一 + a class word
    is a name, of its own suffix's class or else of the class word's."""
    if not lex.demonstratives:
        return
    pattern = re.compile("(?:" + alternation(lex.demonstratives) + r")([\u4e00-\u9fff]{2,16})")
    for m in pattern.finditer(text):
        kind = suffix_finder.pattern.search(m.group(1))  # the class word the demonstrative points to
        if kind is None or m.start() not in words.start_set:
            continue
        start = suffix_finder.name_start(text, m.start(), words)
        if start is None:
            continue
        name = text[start:m.start()]
        if len(name) < 2 or name in lex.gazetteer.names:
            continue  # a known name is found by the gazetteer
        own = suffix_at_end(name, suffix_finder)
        yield Candidate(start, m.start(), suffix_finder.suffix_class[own or kind.group()], "demonstrated", 55)


def venues(text: str, lex: Lexicon, suffix_finder: SuffixFinder) -> Iterator[Candidate]:
    """在前海国际会议中心举行: the words between 在 and a holding verb that end in a venue suffix
    name the venue, whatever words they are made of."""
    if not lex.venue_verbs:
        return
    places = tuple(s for s, c in suffix_finder.suffix_class.items() if c == "Place")
    pattern = re.compile(r"在([\u4e00-\u9fff（）()]{3,20}?)(?:" + alternation(lex.venue_verbs) + ")")
    for m in pattern.finditer(text):
        if m.group(1).endswith(places):
            yield Candidate(m.start(1), m.end(1), "Place", "venue", 60)


def enumerations(text: str, lex: Lexicon) -> Iterator[list[Candidate]]:
    """The members of each A、B、C等3家企业 (counted: reliable) or A、B、C等代表性平台 (rule
    "enumeration-loose")."""
    if not lex.enumeration_heads:
        return
    heads = alternation(tuple(lex.enumeration_heads))
    item = r"[\u4e00-\u9fffA-Za-z0-9“”]{2,20}"
    count = r"[0-9一二两三四五六七八九十]+(?:家|个|所)?"
    pattern = re.compile(f"((?:{item}、)+{item})(?:等|和|及)({count})?(?:[\\u4e00-\\u9fff]{{0,8}}?)({heads})")
    for m in pattern.finditer(text):
        cls = lex.enumeration_heads[m.group(3)]
        rule = "enumeration" if m.group(2) else "enumeration-loose"
        offset = m.start(1)
        members = []
        for part in m.group(1).split("、"):
            clean = _known_tail(part.strip("“”"), lex)
            start = offset + part.find(clean)
            if clean and clean not in lex.stop_tokens:
                members.append(Candidate(start, start + len(clean), cls, rule, 45))  # a suffix on the same span types it better
            offset += len(part) + 1
        yield members


def _known_tail(item: str, lex: Lexicon) -> str:
    """用好文博会 → 文博会: an item that ends in a known name is that name."""
    if item in lex.gazetteer.names:
        return item
    for n in lex.gazetteer.lengths:
        if n < len(item) and item[-n:] in lex.gazetteer.names:
            return item[-n:]
    return item
