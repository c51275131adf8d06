"""Actor resolution: every mention of a state, an organisation or a person, coded on the
article's date.

Three passes over the tokens of each sentence:

1. names: the longest gazetteer match at each token (states, adjectives, capitals,
   institutions, organisations, groupings, people by full name);
2. people by surname alone ("Lavrov said"), when an earlier full mention or a single
   office-holder on the date makes the surname unambiguous;
3. references back: "the alliance"/"the bloc" to the organisation in focus, "we"/"our"
   inside a quote to its speaker, "he"/"his country" to the last person named.

The words these rules read (titles, pronouns, month names, seats of organisations ...) are
data: the classes of ``data/actors.toml``, read once at import from ``data/actors_index.json``,
the same tables as JSON (written by ``scripts/build_lexicon_index.py``, checked in sync by a
test): a JSON parse takes a tenth of the time of importing and running a TOML parser.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from dataclasses import dataclass, fields

import regex

from .document import ActorMention, Document, PlaceMention, Sentence, Token
from .errors import DataFileError
from .gazetteer import (
    ADJECTIVE, ANAPHOR, BODY, CAPITAL, GROUP, INSTITUTION, NAME, OFFICE, ORGANIZATION_CODES, PERSON, Entry, Gazetteer,
)
from .lexicon import LEXICON
from .lexicon_index import ACTOR_WORDS_PREBUILT
from .loading import data_text

__all__ = ["ActorResolver"]

# The kinds of mention the resolver adds to those of gazetteer entries (see ``ActorMention``);
# ``title``: officials known by a title only, coded from where they are ("ministers met at NATO
# headquarters" -> NATO).
REGION, NAME_PART, MEDIA, CITY, PRONOUN, COUNTRY_REF, TITLE = (
    "region", "name-part", "media", "city", "pronoun", "country_ref", "title"
)


@dataclass(frozen=True, slots=True)
class _Words:
    """The word classes of ``data/actors.toml`` (each field is the class of that name, with the
    classes it includes), and the seats of organisations."""

    first_person: frozenset[str]
    first_person_determiner: frozenset[str]
    article: frozenset[str]
    anaphor_determiners: frozenset[str]
    subject_pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    third_person: frozenset[str]
    possessive_clitic: frozenset[str]
    coordinators: frozenset[str]
    nation_nouns: frozenset[str]
    country_nouns: frozenset[str]
    own_state_nouns: frozenset[str]
    spread_prepositions: frozenset[str]
    pair_nouns: frozenset[str]
    pair_after_article: frozenset[str]
    pair_alone: frozenset[str]
    motion_prepositions: frozenset[str]
    side_place_prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    months: frozenset[str]
    date_words_before: frozenset[str]
    leader_titles: frozenset[str]
    leader_roles: frozenset[str]
    office_words: frozenset[str]
    defence_words: frozenset[str]
    armed_state_words: frozenset[str]
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    adjective_endings: frozenset[str]
    anaphor_modifiers: frozenset[str]
    media_words: frozenset[str]
    name_heads: frozenset[str]
    currency_signs: frozenset[str]
    reporting_verbs: frozenset[str]
    source_preposition: frozenset[str]
    of_word: frozenset[str]
    opposition_word: frozenset[str]
    leaders_word: frozenset[str]
    group_word: frozenset[str]
    people_groups: frozenset[str]
    group_heads: frozenset[str]
    group_modifiers: frozenset[str]
    member_nouns: frozenset[str]
    member_links: frozenset[str]
    indefinite_articles: frozenset[str]
    headquarters_words: frozenset[str]
    headquarters_links: frozenset[str]
    gathering_officials: frozenset[str]
    official_singulars: frozenset[str]
    official_plurals: frozenset[str]
    official_nouns: frozenset[str]
    national_branches: frozenset[str]
    seats: dict[str, tuple[str, ...]]


def _load_words() -> _Words:
    """Read the classes of ``data/actors.toml`` once (prebuilt as JSON): each class with the
    words of the classes it includes.

    Raises:
        DataFileError: a class the resolver reads is missing, or an include names no class.
    """
    raw = json.loads(data_text(ACTOR_WORDS_PREBUILT))
    seats = raw.pop(fields(_Words)[-1].name)
    done: dict[str, frozenset[str]] = {}

    def resolve(name: str) -> frozenset[str]:
        if name not in done:
            if name not in raw:
                raise DataFileError(f"data/actors.toml: no class [{name}]")
            table = raw[name]
            done[name] = frozenset(table.get("words", ())).union(*map(resolve, table.get("include", ())))
        return done[name]

    classes = {f.name: resolve(f.name) for f in fields(_Words)[:-1]}
    return _Words(**classes, seats={city: tuple(codes) for city, codes in seats.items()})


_W = _load_words()
# NOTE: keep in sync with lexicon.toml [agents]: the titles it lacks are in actors.toml [official_nouns]
_AGENT_NOUNS = LEXICON.agent_nouns | _W.official_nouns


class ActorResolver:
    """Fills ``doc.actors`` with coded mentions, in text order.

    Args:
        gazetteer: the names to use; the built-in one, loaded on first use, by default.
    """

    name = "diplo_events.actors.v1"

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (the shared default is loaded here, on first access)."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def __call__(self, doc: Document) -> None:
        gaz = self.gazetteer
        day = doc.published
        found: list[ActorMention] = []
        doc.places = []
        doc.sovereign = gaz.sovereign
        seen_people: set[str] = set()
        toks = doc.tokens
        starts_a_name = gaz.first_words
        for sentence in doc.sentences:
            i = sentence.first_token
            while i < sentence.last_token:
                # NOTE: most tokens start no name; skipping them here saves a call per token
                if toks[i].lower not in starts_a_name:
                    i += 1
                    continue
                mention = self._name_at(doc, gaz, i, sentence, day, seen_people)
                if mention is None:
                    i += 1
                    continue
                if mention.codes:
                    found.append(mention)
                i = mention.last_token
        found.sort(key=lambda m: m.start)
        found = _join_neighbours(doc, found)
        found = _merge_sorted(found, _gathered_at_headquarters(doc, found))
        found = _merge_sorted(found, _org_anaphors(doc, gaz, found))
        found = _merge_sorted(found, _pronouns(doc, found))
        found = _merge_sorted(found, _quote_speakers(doc, found))
        found = _merge_sorted(found, _pairs(doc, found))
        found = _merge_sorted(found, _country_refs(doc, found))
        found = _seats_of_organisations(doc, found)
        doc.actors = found

    def _name_at(
        self, doc: Document, gaz: Gazetteer, i: int, sentence: Sentence, day: dt.date | None, seen: set[str]
    ) -> ActorMention | None:
        toks = doc.tokens
        stop = sentence.last_token
        first = toks[i]
        if not (first.text[0].isupper() or first.text[0].isdigit()):
            return self._office_in_lower_case(doc, gaz, i, stop, day)
        # NOTE: only the lengths of names that the words from i spell are tried (a walk down the
        # gazetteer's trie): this keeps resolution linear and cheap.
        for length in gaz.key_lengths(toks, i, stop):
            # NOTE: a window never crosses a line: the segmenter ends a sentence at each break
            window = toks[i : i + length]
            key = tuple(t.lower for t in window)
            if key in gaz.regions:
                return _blank(toks, i, i + length, REGION)
            entries = [e for e in gaz.lookup(key, day) if e.kind != ANAPHOR and _case_ok(e, window)]
            if entries and _not_a_party_here(doc, entries[0], i, i + length):
                return _blank(toks, i, i + length, NAME_PART)
            if entries:
                if _names_media(doc, i + length):
                    return _blank(toks, i, i + length, MEDIA)
                if entries[0].kind == OFFICE:
                    return _office(doc, gaz, entries[0], i, i + length, day)
                return _from_entry(doc, entries[0], i, i + length)
            person = gaz.person_of(key)
            if person is not None and (length > 1 or _surname_ok(first)):
                seen.add(person)
                return self._person(doc, gaz, person, i, i + length, day)
            city = gaz.cities.get(key)
            if city is not None:
                # a city is a place, not a party; its words are not read as other names
                start, end = toks[i].start, toks[i + length - 1].end
                group = _group_phrase(doc, i + length)
                if group is not None:
                    # "Darfur rebels", "Aleppo residents": a group located there
                    return _group(doc, (city[0],), i, group[0], group[1])
                doc.places.append(PlaceMention(start, end, doc.text[start:end], city[0], i, i + length))
                return _blank(toks, i, i + length, CITY)
            if length == 1 and _surname_ok(first) and _stands_alone(doc, i, sentence):
                names = gaz.surnamed(key[0])
                known = names & seen
                if known:
                    return self._person(doc, gaz, sorted(known)[0], i, i + 1, day)
                if names and key[0] not in LEXICON.common_words:
                    active = [n for n in sorted(names) if gaz.tenures_on(n, day)]
                    codes = {t.code for n in active for t in gaz.tenures_on(n, day)}
                    if len(codes) == 1 and (day is not None or len(names) == 1):
                        return self._person(doc, gaz, active[0], i, i + 1, day)
                    if day is None:
                        # an undated text: a bare "Blair" is the one who led a state or a body
                        leaders = [n for n in active if any(t.role in _W.leader_roles for t in gaz.tenures(n))]
                    else:
                        # namesakes on one date: the one who leads a state or a body then ("Guterres")
                        leaders = [n for n in active if any(t.role in _W.leader_roles for t in gaz.tenures_on(n, day))]
                    if len(leaders) == 1:
                        return self._person(doc, gaz, leaders[0], i, i + 1, day)
        return None

    @staticmethod
    def _office_in_lower_case(
        doc: Document, gaz: Gazetteer, i: int, stop: int, day: dt.date | None
    ) -> ActorMention | None:
        """'the pope', 'the pontiff': an office written in lower case, after "the"."""
        toks = doc.tokens
        if i == 0 or toks[i - 1].lower not in _W.article:
            return None
        for length in gaz.key_lengths(toks, i, stop):
            key = tuple(t.lower for t in toks[i : i + length])
            entries = [e for e in gaz.lookup(key, day) if e.kind == OFFICE]
            if entries:
                return _office(doc, gaz, entries[0], i, i + length, day)
        return None

    @staticmethod
    def _person(doc: Document, gaz: Gazetteer, name: str, a: int, b: int, day: dt.date | None) -> ActorMention:
        toks = doc.tokens
        tenures = gaz.tenures_on(name, day)
        codes = tuple(sorted({t.code for t in tenures}))
        if len(codes) != 1:
            codes = ()  # no role on that date, or several: not guessed
        role = next((t.role for t in tenures if t.role), None)
        text = doc.text[toks[a].start : toks[b - 1].end]
        return ActorMention(toks[a].start, toks[b - 1].end, text, codes, PERSON, a, b, name=name, role=role)


def _blank(toks: list[Token], a: int, b: int, kind: str) -> ActorMention:
    """A stretch read as one name that codes no party (a region, a treaty's name, a city)."""
    return ActorMention(toks[a].start, toks[b - 1].end, "", (), kind, a, b)



_SENTENCE_STARTS = "sentence_starts"  # doc.cache key: the first token of each sentence


_TITLE_CASE = object()  # a cache key


def _title_case(doc: Document, sentence: Sentence) -> bool:
    """A headline in Title Case ("Kerry, Lavrov Hold Talks"): every word is capitalised, so a
    capital after a surname does not make it part of a longer name."""
    if sentence.last_token - sentence.first_token > 40:
        return False  # a headline is short; this also keeps the check constant-time per token
    key = (_TITLE_CASE, sentence.first_token)
    found = doc.cache.get(key)
    if found is None:
        found = doc.cache[key] = _title_case_words(doc, sentence)
    return bool(found)


def _title_case_words(doc: Document, sentence: Sentence) -> bool:
    words = [t.text for t in doc.tokens[sentence.first_token : sentence.last_token] if t.text[0].isalpha()]
    content = [w for w in words if len(w) > 3 or w[0].isupper()]  # "in", "on", "of" stay lower case in titles
    return 2 <= len(words) <= 16 and sum(1 for w in content if w[0].isupper()) >= 0.8 * len(content)


def _stands_alone(doc: Document, i: int, sentence: Sentence) -> bool:
    """A bare surname: not the first or middle word of an unknown longer name ("Santos
    Alvite", "Jorge Cadenas"), unless a title precedes it ("President Reagan"); not a month
    ("in May", "May 5")."""
    toks = doc.tokens
    if toks[i].lower in _W.months:
        word_before = toks[i - 1].lower if i > 0 else ""
        nxt_text = toks[i + 1].text if i + 1 < len(toks) else ""
        if word_before in _W.date_words_before or nxt_text[:1].isdigit():
            return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    capital_next = nxt is not None and nxt.text[0].isupper() and nxt.text.isalpha() and nxt.start - toks[i].end <= 1
    if capital_next and not _title_case(doc, sentence):  # a Title Case headline capitalises every word
        return False
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and prev.text[0].isupper() and prev.text.isalpha() and prev.lower not in _W.titles:
        starts = doc.cache.get(_SENTENCE_STARTS)
        if starts is None:
            starts = doc.cache[_SENTENCE_STARTS] = {s.first_token for s in doc.sentences}
        return i - 1 not in starts
    return True


_PLACE_KINDS = frozenset({CAPITAL, CITY})


def _not_a_party_here(doc: Document, entry: Entry, a: int, b: int) -> bool:
    """'US$3 billion' is money; 'the Paris Agreement', 'the Minsk format' name a treaty or a
    forum: the place names in them are not parties."""
    toks = doc.tokens
    if entry.kind == INSTITUTION and a >= 2 and toks[a - 1].lower in _W.possessive_clitic:
        return True  # "Germany's Foreign Office": the possessor names the state
    nxt = toks[b] if b < len(toks) else None
    if nxt is None:
        return False
    if nxt.text in _W.currency_signs and nxt.start == toks[b - 1].end:
        return True
    return entry.kind in _PLACE_KINDS and nxt.text[0].isupper() and nxt.lower in _W.name_heads


def _names_media(doc: Document, i: int) -> bool:
    """'Qatar News Agency', 'Russia Today': a country name that is part of a media name."""
    toks = doc.tokens
    return i < len(toks) and toks[i].text[0].isupper() and toks[i].lower in _W.media_words


def _merge_sorted(a: list[ActorMention], b: list[ActorMention]) -> list[ActorMention]:
    return sorted([*a, *b], key=lambda m: m.start) if b else a


def _case_ok(entry: Entry, window: list[Token]) -> bool:
    """Abbreviations match only as written: "US" is the USA, "us" is not."""
    if not entry.exact_case:
        return True
    return "".join(t.text for t in window).replace("\u2019", "'") == entry.exact_form


def _surname_ok(tok: Token) -> bool:
    """A capitalised word that may be a surname ("Lavrov", "Xi"); short common words are not."""
    if len(tok.text) < 2 or not tok.text[0].isupper() or tok.text.isupper() or not tok.text.isalpha():
        return False
    return len(tok.text) > 2 or tok.lower not in LEXICON.common_words


_TAKE_ARTICLE = frozenset({NAME, INSTITUTION, BODY, GROUP})  # "the Kremlin", "the Security Council", "the Taliban"
_TAKE_TITLE = frozenset({ADJECTIVE, NAME, CAPITAL, GROUP})  # "Russian Foreign Minister", "Kyiv officials"
_HOME_KINDS = frozenset({ADJECTIVE, NAME, GROUP})  # before a group noun, these name its state ("Syrian rebels")


def _from_entry(doc: Document, entry: Entry, a: int, b: int) -> ActorMention:
    toks = doc.tokens
    start = toks[a].start
    if a > 0 and toks[a - 1].lower in _W.article and entry.kind in _TAKE_ARTICLE:
        if _same_line(doc, a):
            start, a = toks[a - 1].start, a - 1
    end = toks[b - 1].end
    role = _title_after(doc, b) if entry.kind in _TAKE_TITLE else None
    if role is None and entry.kind in _HOME_KINDS and not set(entry.codes) & ORGANIZATION_CODES:
        group = _group_phrase(doc, b)
        if group is not None:
            return _group(doc, entry.codes, a, group[0], group[1])
    if entry.kind == GROUP:
        return _group(doc, entry.codes, a, b, role)
    return ActorMention(start, end, doc.text[start:end], entry.codes, entry.kind, a, b, role=role)


def _same_line(doc: Document, a: int) -> bool:
    """Whether token ``a`` and the one before it are on one line (a headline ends at its break)."""
    return "\n" not in doc.text[doc.tokens[a - 1].end : doc.tokens[a].start]


def _office(doc: Document, gaz: Gazetteer, entry: Entry, a: int, b: int, day: dt.date | None) -> ActorMention:
    """'the Pope': the office's state, and the person who holds it on the article's date."""
    toks = doc.tokens
    if a > 0 and toks[a - 1].lower in _W.article and _same_line(doc, a):
        a -= 1
    start, end = toks[a].start, toks[b - 1].end
    name = gaz.holder_on(entry.codes[0], entry.role, day)
    return ActorMention(start, end, doc.text[start:end], entry.codes, PERSON, a, b, name=name, role=entry.role)


# -- groups located in a state ----------------------------------------------------------------


def _group_phrase(doc: Document, i: int) -> tuple[int, str] | None:
    """The group noun phrase right after a place or nationality ("rebels", "relief group",
    "opposition fighters"): its end (exclusive) and its words; None when there is none.
    A run of group words, title words and agent nouns that holds a group word and ends in a
    head noun; a capitalised word ends it unless it is a group word ("Darfur Rebels")."""
    toks = doc.tokens
    end = 0
    grouped = False
    for j in range(i, min(i + 5, len(toks))):
        low = toks[j].lower
        head = low in _W.group_heads
        if head or low in _W.group_modifiers:
            grouped = True
        elif not (low in _AGENT_NOUNS or low in _W.title_modifiers):
            break
        if grouped and (head or low in _AGENT_NOUNS):
            end = j + 1
    if not end:
        return None
    return end, " ".join(t.lower for t in toks[i:end])


def _group(doc: Document, codes: tuple[str, ...], a: int, b: int, role: str | None) -> ActorMention:
    """A group located in a state, as that state; "volunteers from a Canadian relief group":
    the members named before it are the group."""
    toks = doc.tokens
    if a > 0 and toks[a - 1].lower in _W.article | _W.indefinite_articles:
        a -= 1
    k = a
    if k >= 2 and toks[k - 1].lower in _W.member_links and (
        toks[k - 2].lower in _W.member_nouns or toks[k - 2].lower in _AGENT_NOUNS
    ):
        role = toks[k - 2].lower
        a = k - 2
        if a > 0 and toks[a - 1].lower in _W.article | _W.indefinite_articles:
            a -= 1
    start, end = toks[a].start, toks[b - 1].end
    return ActorMention(start, end, doc.text[start:end], codes, GROUP, a, b, role=role)


def _join_neighbours(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """A state's name or adjective right before a group or a national branch of a movement is
    part of it: "Lebanese Hezbollah", "Pakistani Taliban" (the group of that state), "the
    British Red Cross" (the movement, ICRC)."""
    out: list[ActorMention] = []
    for m in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.last_token == m.first_token
            and prev.kind in _HOME_KINDS - {GROUP}
            and not set(prev.codes) & ORGANIZATION_CODES
        ):
            if m.kind == GROUP:
                out[-1] = _group(doc, prev.codes, prev.first_token, m.last_token, m.role)
                continue
            if set(m.codes) <= _W.national_branches and m.kind in _TAKE_ARTICLE:
                a = prev.first_token
                if a > 0 and doc.tokens[a - 1].lower in _W.article:
                    a -= 1  # "the British Red Cross"
                start = doc.tokens[a].start
                text = doc.text[start : m.end]
                out[-1] = ActorMention(start, m.end, text, m.codes, m.kind, a, m.last_token)
                continue
        out.append(m)
    return out


def _gathered_at_headquarters(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'Ministers met at NATO headquarters in Brussels': officials known by a title only, in a
    sentence that gathers them at an organisation's headquarters, act for the organisation."""
    toks = doc.tokens
    out: list[ActorMention] = []
    for m in found:
        if not (m.codes and set(m.codes) <= ORGANIZATION_CODES and m.kind in {NAME, BODY}):
            continue
        a, b = m.first_token, m.last_token
        before = toks[a - 1].lower if a > 0 else ""
        at_hq = b < len(toks) and toks[b].lower in _W.headquarters_words and before in _W.headquarters_links
        if not at_hq and a >= 2 and toks[a - 1].lower in _W.of_word and toks[a - 2].lower in _W.headquarters_words:
            k = a - 3 if a >= 3 and toks[a - 3].lower not in _W.article else a - 4
            at_hq = k >= 0 and toks[k].lower in _W.headquarters_links  # "at the headquarters of the AU"
        if not at_hq:
            continue
        sentence = next(s for s in doc.sentences if s.first_token <= a < s.last_token)
        for j in range(sentence.first_token, a):
            if toks[j].lower not in _W.gathering_officials or any(f.first_token <= j < f.last_token for f in found):
                continue
            k = j
            while k > sentence.first_token and toks[k - 1].lower in _W.title_modifiers:
                k -= 1
            if any(f.last_token == k for f in found):
                break  # "Turkish ministers": officials of the party named before them
            start, end = toks[k].start, toks[j].end
            role = " ".join(t.lower for t in toks[k : j + 1])
            out.append(ActorMention(start, end, doc.text[start:end], m.codes, TITLE, k, j + 1, role=role))
            break
    return out


_ADJECTIVE_ENDINGS = tuple(sorted(_W.adjective_endings))


def _title_after(doc: Document, i: int) -> str | None:
    """The office right after a state's name or adjective ("Foreign Minister", "officials",
    "armed forces"): a run of title words that ends in an agent noun; verbs end the run."""
    toks = doc.tokens
    j = i + 1 if i < len(toks) and toks[i].lower in _W.possessive_clitic else i
    words: list[str] = []
    last_agent = 0
    coordinated = False
    for tok in toks[j : j + 6]:
        low = tok.lower
        if not tok.text[0].isalpha() and low not in _W.coordinators:
            break
        if low in _AGENT_NOUNS:
            words.append(low)
            last_agent = len(words)
        elif last_agent:
            break
        elif low in _W.coordinators:
            coordinated = True  # "Cypriot and French counterparts" share their head
        elif coordinated and tok.text[0].isupper():
            continue  # "French" belongs to the next party
        elif low in _W.title_modifiers or tok.text[0].isupper() or low.endswith(_ADJECTIVE_ENDINGS):
            words.append(low)  # "transitional government", "Foreign Minister"
        else:
            break
    return " ".join(words[:last_agent]) if last_agent else None


# -- references back ------------------------------------------------------------------------


def _org_anaphors(doc: Document, gaz: Gazetteer, found: list[ActorMention]) -> list[ActorMention]:
    """'the alliance', 'the 28-nation alliance', 'the bloc' -> the organisation in focus."""
    heads = LEXICON.anaphor_heads(gaz)
    if not heads:
        return []
    toks = doc.tokens
    index = _CodeIndex(found)
    out: list[ActorMention] = []
    determiners = _W.anaphor_determiners
    for i in [i for i, t in enumerate(toks) if t.lower in determiners]:  # a listcomp: ~3x a loop
        tok = toks[i]
        for j in range(i + 1, min(i + 6, len(toks))):
            low = toks[j].lower
            if low in heads:
                code = index.in_focus(heads[low], tok.start)
                if code:
                    text = doc.text[tok.start : toks[j].end]
                    out.append(ActorMention(tok.start, toks[j].end, text, (code,), ANAPHOR, i, j + 1))
                break
            if not (low in _W.anaphor_modifiers or low.isdigit()):
                break
    return out


class _CodeIndex:
    """Where each code is mentioned, for "the code in focus before position p" in O(log n)."""

    def __init__(self, found: list[ActorMention]) -> None:
        self.starts: dict[str, list[int]] = {}
        for m in found:
            for code in m.codes:
                self.starts.setdefault(code, []).append(m.start)

    def in_focus(self, candidates: frozenset[str], before: int, exclude: int = -1) -> str | None:
        """The candidate mentioned last before ``before`` (not at ``exclude``); else the one
        mentioned first after it."""
        best: tuple[int, str] | None = None
        first: tuple[int, str] | None = None
        for code in sorted(candidates):
            starts = [p for p in self.starts.get(code, ()) if p != exclude] if exclude >= 0 else self.starts.get(code, [])
            if not starts:
                continue
            k = bisect.bisect_left(starts, before)
            if k and (best is None or starts[k - 1] > best[0]):
                best = (starts[k - 1], code)
            if first is None or starts[0] < first[0]:
                first = (starts[0], code)
        chosen = best or first
        return chosen[1] if chosen else None




def _seats_of_organisations(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'Brussels said ...' stands for the EU (or NATO) when the text is about it, and for
    Belgium otherwise; as a place ("in Brussels") it stays Belgium."""
    out = []
    index: _CodeIndex | None = None
    for m in found:
        orgs = _W.seats.get(m.text.lower()) if m.kind == CAPITAL else None
        prev = doc.tokens[m.first_token - 1].lower if m.first_token > 0 else ""
        if orgs and prev not in _W.place_prepositions:
            index = index or _CodeIndex(found)
            code = index.in_focus(frozenset(orgs), m.start, exclude=m.start)
            if code is not None:
                m = ActorMention(m.start, m.end, m.text, (code,), CAPITAL, m.first_token, m.last_token, role=m.role)
        out.append(m)
    return out


_STATE_KINDS = frozenset({NAME, ADJECTIVE, CAPITAL, PERSON})  # mentions that "the country" refers back to


def _country_refs(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'the country', 'the island' -> the states named shortly before, most recent first; the
    extractor takes the first that is not already the other side (kind ``country_ref``)."""
    toks = doc.tokens
    states = [m for m in found if m.kind in _STATE_KINDS and m.codes]
    out: list[ActorMention] = []
    nouns = _W.country_nouns
    for i in [i - 1 for i, t in enumerate(toks) if i and t.lower in nouns]:
        if toks[i].lower not in _W.article:
            continue
        if i > 0 and toks[i - 1].lower in _W.spread_prepositions:
            continue
        start = toks[i].start
        codes: list[str] = []
        for m in reversed(states[: bisect.bisect_left(states, start, key=_start_of)]):
            if start - m.end > 400:
                break
            for code in m.codes:
                if code not in codes and code not in ORGANIZATION_CODES:
                    codes.append(code)
        if codes:
            end = toks[i + 1].end
            out.append(ActorMention(start, end, doc.text[start:end], tuple(codes[:4]), COUNTRY_REF, i, i + 2))
    return out


_TITLED_KINDS = frozenset({ADJECTIVE, NAME})  # "the Russian minister", "the U.S. envoy": officials


def _pronouns(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'he', 'his country' -> the code of the last person (or titled official) named."""
    people = [m for m in found if m.kind == PERSON or (m.role and m.kind in _TITLED_KINDS)]
    if not people:
        return []
    toks = doc.tokens
    out: list[ActorMention] = []
    third_person = _W.third_person
    for i in [i for i, t in enumerate(toks) if t.lower in third_person]:
        tok = toks[i]
        k = bisect.bisect_left(people, tok.start, key=_start_of)
        last = people[k - 1] if k else None  # the last person named before the pronoun
        if last is not None and last.codes and tok.start - last.end < 600:
            end_i = i + 1
            if tok.lower in _W.possessive_pronouns and i + 1 < len(toks) and toks[i + 1].lower in _W.own_state_nouns:
                end_i = i + 2
            end = toks[end_i - 1].end
            out.append(ActorMention(tok.start, end, doc.text[tok.start : end], last.codes, PRONOUN, i, end_i))
    return out


_REFERENCE_KINDS = frozenset({PRONOUN, ANAPHOR, COUNTRY_REF})  # references back, not sides of their own


def _pairs(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'the two countries', 'both sides' -> the last two states or organisations named."""
    toks = doc.tokens
    out: list[ActorMention] = []
    openers = _W.pair_after_article | _W.pair_alone
    for i in [i for i, t in enumerate(toks[:-1]) if t.lower in openers]:
        a, b = toks[i].lower, toks[i + 1].lower
        start_i = i
        if a in _W.pair_after_article and i > 0 and toks[i - 1].lower in _W.article:
            start_i = i - 1
        elif a not in _W.pair_alone:
            continue
        if b not in _W.pair_nouns:
            continue
        codes: list[str] = []
        for m in reversed(found[: bisect.bisect_left(found, toks[i].start, key=_start_of)]):
            if m.kind in _REFERENCE_KINDS:
                continue
            if m.kind == CAPITAL and m.first_token > 0 and toks[m.first_token - 1].lower in _W.side_place_prepositions:
                continue  # a place, not a side
            for code in m.codes:
                if code not in codes:
                    codes.append(code)
            if len(codes) >= 2:
                break
        if len(codes) == 2:
            start, end = toks[start_i].start, toks[i + 1].end
            out.append(ActorMention(start, end, doc.text[start:end], tuple(reversed(codes)), ANAPHOR, start_i, i + 2))
    return out


_QUOTE = regex.compile(r"[\u201c\u00ab\"]([^\u201c\u201d\u00ab\u00bb\"]{1,1200})[\u201d\u00bb\"]")


def _quote_speakers(doc: Document, found: list[ActorMention]) -> list[ActorMention]:
    """'We will continue ...,' said Stoltenberg: "we" inside the quote takes the speaker's code."""
    text = doc.text
    out: list[ActorMention] = []
    for m in _QUOTE.finditer(text, *doc.bounds):
        q_start, q_end = m.span(1)
        speaker = _speaker(text, found, m.start(), m.end())
        if speaker is None:
            continue
        for idx in _token_range(doc, q_start, q_end):
            tok = doc.tokens[idx]
            if tok.lower in _W.first_person:
                out.append(ActorMention(tok.start, tok.end, tok.text, speaker.codes, ANAPHOR, idx, idx + 1, name=speaker.name, role=speaker.role))
    return out


_SAID = regex.compile(r"\b\L<said>\b", said=sorted(_W.reporting_verbs))


def _between(found: list[ActorMention], start: int, end: int) -> list[ActorMention]:
    lo = bisect.bisect_left(found, start, key=_start_of)
    hi = bisect.bisect_left(found, end, lo=lo, key=_start_of)
    return found[lo:hi]


def _start_of(m: ActorMention) -> int:
    return m.start


_SPEAKER_KINDS = frozenset({PERSON, PRONOUN})  # before a quote, the first of these speaks it


def _speaker(text: str, found: list[ActorMention], q_start: int, q_end: int) -> ActorMention | None:
    after = text[q_end : q_end + 120]
    said = _SAID.search(after)
    if said and said.start() < 40:
        window_end = q_end + said.end() + 80
        for m in _between(found, q_end, window_end):
            if m.codes and m.kind != ANAPHOR:
                return m
    before = text[max(0, q_start - 160) : q_start]
    if _SAID.search(before[-60:]) or before.rstrip().endswith(":"):
        cands = [m for m in _between(found, q_start - 160, q_start) if m.codes and m.kind != ANAPHOR]
        if cands:
            return cands[0] if cands[0].kind in _SPEAKER_KINDS else cands[-1]
    return None


def _token_range(doc: Document, start: int, end: int) -> range:
    lo = bisect.bisect_left(doc.tokens, start, key=lambda t: t.start)
    hi = bisect.bisect_left(doc.tokens, end, key=lambda t: t.start)
    return range(lo, hi)
