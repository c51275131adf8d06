"""Names of states, organisations, places and people, with the periods they are valid for.

The built-in data comes from pycountry (ISO 3166 names) and the files in ``data/``:
``countries.tsv`` (short forms, adjectives, capitals, institutions), ``organizations.tsv``,
``groups.tsv`` (named groups located in a state, and offices such as the Pope's), ``cities.tsv``,
``provinces.tsv`` (regions that locate a place) and ``people.tsv`` (dated tenures). It is read once, lazily, the first time
:meth:`Gazetteer.default` is called, from indexes prebuilt from those sources
(:func:`build_from_sources`): ``names_index.txt`` whole (:mod:`diplo_events.names_index`) and
``people_index.txt`` a word or a person at a time, as texts name them
(:mod:`diplo_events.people_index`).

Users extend it without editing the package::

    gaz = Gazetteer.default().copy()
    gaz.add_alias("Blighty", "GBR")
    gaz.add_person("Jane Doe", "FRA", role="foreign minister", start="2027-01-01")
    gaz.load_file("my_actors.tsv")          # same columns as countries.tsv or people.tsv
    pipeline = Pipeline.default(gazetteer=gaz)
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from . import names_index
from .document import Token
from .errors import DataFileError
from .loading import collector_paused, data_text
from .people_index import PeopleIndex
from .segment import tokenize

__all__ = ["ORGANIZATION_CODES", "Entry", "Gazetteer", "Tenure"]

ORGANIZATION_CODES = frozenset(
    "NATO EU UN OSCE OPCW AU ASEAN CSTO G7 G8 G20 IAEA ICRC IMF WTO LAS SCO BRICS OAS COE OIC ICC WHO "
    "OPEC OECD CIS EAEU CARICOM".split()
)

_END = None  # the mark of a key's end in Gazetteer.key_trie (no word is None)

_SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})

# The kinds of gazetteer entries (the ``kind`` column of the data files); the resolver gives its
# mentions the kind of the entry that named them. ``group``: a named group located in a state
# (Hezbollah -> LBN); ``office``: a title with one holder ("the Pope"), resolved to a person.
NAME, ADJECTIVE, CAPITAL, INSTITUTION, BODY, ANAPHOR, MEMBERS, PERSON, GROUP, OFFICE = (
    "name", "adjective", "capital", "institution", "body", "anaphor", "members", "person", "group", "office"
)
KINDS = frozenset({NAME, ADJECTIVE, CAPITAL, INSTITUTION, BODY, ANAPHOR, MEMBERS, PERSON, GROUP, OFFICE})


def _date(value: str | dt.date | None, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = f"{where}: {value!r} is not a YYYY-MM-DD date"
        raise DataFileError(msg) from exc


def key_of(text: str) -> tuple[str, ...]:
    """The lookup key of a name: its tokens in lower case, a leading "the" dropped.

    >>> key_of("the United States")
    ('united', 'states')
    """
    if _PLAIN_NAME.fullmatch(text):  # most names: the tokeniser would give the same words
        words = text.lower().split()
        return tuple(words[1:] if len(words) > 1 and words[0] == "the" else words)
    return tuple(t.lower for t in _name_tokens(text))


# words of ASCII letters between single blanks: their tokens are their words (read ~10x faster)
_PLAIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _name_tokens(text: str) -> list[Token]:
    """The tokens of a name, a leading "the" dropped."""
    toks = tokenize(text)
    return toks[1:] if len(toks) > 1 and toks[0].lower == "the" else toks


@dataclass(frozen=True, slots=True)
class Entry:
    """One way of naming a party, valid between ``start`` and ``end`` (inclusive, open when None)."""

    codes: tuple[str, ...]
    kind: str
    text: str
    start: dt.date | None = None
    end: dt.date | None = None
    exact_case: bool = False
    exact_form: str = ""  # for exact-case entries: the tokens as written, "the" dropped
    role: str = ""  # for an office: the role its holder has in the people table


    def valid_on(self, day: dt.date | None) -> bool:
        """Whether the entry holds on ``day`` (an undated document accepts every entry)."""
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Tenure:
    """A person acting for ``code`` as ``role`` between ``start`` and ``end``."""

    name: str
    code: str
    role: str
    start: dt.date | None
    end: dt.date | None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the person held this role on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Gazetteer:
    """Lookup tables from token keys to entries, people by name and surname, and cities.

    The people of the default gazetteer are deferred: read from a :class:`PeopleIndex` as the
    words that name them are looked up. Reading ``people``, ``person_keys``, ``surnames``,
    ``holders`` or ``key_trie``, or adding a person, first builds all of them (~0.3 s).
    """

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], list[Entry]] = {}
        self.cities: dict[tuple[str, ...], tuple[str, str]] = {}
        self.regions: set[tuple[str, ...]] = set()
        self.sovereign: dict[str, str] = {}
        self._people: dict[str, list[Tenure]] = {}
        self._person_keys: dict[tuple[str, ...], str] = {}
        self._surnames: dict[str, set[str]] = {}
        self._holders: dict[tuple[str, str], set[str]] = {}  # (code, role) -> people who held it
        # every key as a path of words (a trie; its top level: the words that start a name);
        # _END marks where one ends. While people are deferred, each word that starts one of
        # their keys is at the top level (with no node, None, until read), so it stays complete.
        self._trie: dict[str | None, dict] = {}
        self._deferred: PeopleIndex | None = None  # people not yet read, and where they are
        self._unread: dict[str, None] = {}  # the deferred words not yet read (to pop)
        self._holders_read = True

    # -- the tables, complete (the deferred people built first) ---------------------------
    @property
    def people(self) -> dict[str, list[Tenure]]:
        """name -> the person's tenures, in the order added."""
        self._read_all_people()
        return self._people

    @property
    def person_keys(self) -> dict[tuple[str, ...], str]:
        """key of a name or alias -> the person it names (the first one added)."""
        self._read_all_people()
        return self._person_keys

    @property
    def surnames(self) -> dict[str, set[str]]:
        """surname (for Chinese and Korean names also the family name first) -> people."""
        self._read_all_people()
        return self._surnames

    @property
    def holders(self) -> dict[tuple[str, str], set[str]]:
        """(code, role) -> the people who held that role."""
        self._read_all_people()
        return self._holders

    @property
    def key_trie(self) -> dict[str | None, dict]:
        """Every key as a path of words (its top level: the words that start a name); the
        key ``None`` marks where one ends."""
        self._read_all_people()
        return self._trie

    @property
    def first_words(self) -> dict[str | None, dict]:
        """The words that start a name (test with ``in``), without reading deferred people."""
        return self._trie

    # -- building -------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        """The built-in gazetteer, loaded on first use and shared (treat it as read-only)."""
        return _default_gazetteer()

    def copy(self) -> Gazetteer:
        """A deep copy to extend without changing the shared default (deferred people stay
        deferred; the index is shared)."""
        return copy.deepcopy(self)

    def _defer_people(self, index: PeopleIndex) -> None:
        """Take the people of ``index`` as if added now (to a gazetteer with no people yet),
        to be read as they are looked up."""
        if self._people or self._deferred is not None:
            msg = "people can only be deferred on a gazetteer that has none"
            raise ValueError(msg)
        self._deferred = index
        self._unread = dict.fromkeys(index.word_list)
        self._holders_read = False
        trie: dict[str | None, dict | None] = dict(self._unread)  # each word, with no node yet
        trie.update(self._trie)
        self._trie = trie  # type: ignore[assignment]

    def _read_word(self, word: str) -> None:
        """Read the deferred people's keys that start with ``word`` and its surname bearers."""
        index = self._deferred
        if index is None or word not in self._unread:
            return
        for key, name in index.keys_of(word):
            self._person_keys[key] = name
            self._index(key)
        bearers = index.surnamed(word)
        if bearers:
            self._surnames[word] = bearers
            self._index((word,))
        self._unread.pop(word, None)  # last: a concurrent reader re-reads rather than misses

    def _read_all_people(self) -> None:
        """Build the deferred people in full, as an eager load of ``people.tsv`` would; the
        tables are built apart and swapped in, so a concurrent reader never sees them half-built."""
        if self._deferred is None:
            return
        full = Gazetteer()
        full._load_tsv(data_text("people.tsv"), "people.tsv")
        self._people, self._person_keys, self._surnames, self._holders = (
            full._people, full._person_keys, full._surnames, full._holders
        )
        _merge_trie(self._trie, full._trie)
        self._holders_read = True
        self._unread = {}
        self._deferred = None

    def add_alias(
        self,
        text: str,
        code: str | Iterable[str],
        kind: str = "name",
        *,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        role: str = "",
    ) -> None:
        """Name a party: ``add_alias("Blighty", "GBR")``; several codes for a grouping; an
        office with the role of its holder: ``add_alias("Pope", "VAT", "office", role="pope")``.

        Raises:
            DataFileError: unknown kind, empty text or bad dates.
        """
        codes = (code,) if isinstance(code, str) else tuple(code)
        if kind not in KINDS or not text.strip() or not codes:
            msg = f"cannot add alias {text!r} -> {codes} of kind {kind!r} (kinds: {sorted(KINDS)})"
            raise DataFileError(msg)
        toks = _name_tokens(text)
        key = tuple(t.lower for t in toks)
        if not key:
            msg = f"alias {text!r} has no words"
            raise DataFileError(msg)
        exact = _is_abbreviation(text)
        form = "".join(t.text for t in toks).replace("\u2019", "'") if exact else ""
        entry = Entry(
            tuple(c.upper() for c in codes), kind, text, _date(start, text), _date(end, text), exact, form, role
        )
        bucket = self.entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self._index(key)

    def add_person(
        self,
        name: str,
        code: str,
        role: str = "",
        *,
        start: str | dt.date | None = None,
        end: str | dt.date | None = None,
        aliases: Iterable[str] = (),
    ) -> None:
        """Add a tenure: ``name`` acted for ``code`` as ``role`` from ``start`` to ``end``."""
        if not name.strip() or not code.strip():
            msg = f"a person needs a name and a code, got {name!r} -> {code!r}"
            raise DataFileError(msg)
        tenure = Tenure(name, code.upper(), role, _date(start, name), _date(end, name))
        self._read_all_people()
        tenures = self._people.setdefault(name, [])
        if tenure not in tenures:
            tenures.append(tenure)
        if role:
            self._holders.setdefault((tenure.code, role), set()).add(name)
        for form in (name, *aliases):
            key = key_of(form)
            if not key:
                continue
            self._person_keys.setdefault(key, name)
            self._index(key)
            if len(key) > 1:
                self._surnames.setdefault(key[-1], set()).add(name)
                self._index(key[-1:])
                if tenure.code in _SURNAME_FIRST:
                    # Chinese and Korean names put the family name first: "Xi" for Xi Jinping
                    self._surnames.setdefault(key[0], set()).add(name)
                    self._index(key[:1])

    def add_region(self, name: str) -> None:
        """A region ("Latin America", "the Middle East"): read as one name, coded as no party."""
        key = key_of(name)
        if key:
            self.regions.add(key)
            self._index(key)

    def add_city(self, city: str, code: str) -> None:
        """A place name that locates an event in ``code``."""
        key = key_of(city)
        if key:
            self.cities.setdefault(key, (code.upper(), city))
            self._index(key)

    def load_file(self, path: str | Path) -> None:
        """Load a user TSV with the header of ``countries.tsv``, ``organizations.tsv``,
        ``people.tsv`` or ``cities.tsv``.

        Raises:
            DataFileError: unreadable file, unknown header or a bad row.
        """
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            msg = f"cannot read data file {path}: {exc}"
            raise DataFileError(msg) from exc
        self._load_tsv(text, str(path))

    def _load_tsv(self, text: str, where: str) -> None:
        import csv  # noqa: PLC0415  (the built-in names are read prebuilt: most processes never parse a TSV)
        import io  # noqa: PLC0415

        rows = [r for r in csv.reader(io.StringIO(text), delimiter="\t") if r and not r[0].startswith("#")]
        if not rows:
            return
        header, body = [h.strip() for h in rows[0]], rows[1:]
        add = self._row_reader(header)
        if add is None and body:
            msg = f"{where}: unknown header {header}"
            raise DataFileError(msg)
        for n, row in enumerate(body, start=2):
            try:
                add(dict(zip(header, (c.strip() for c in row), strict=False)))  # type: ignore[misc]
            except KeyError as exc:
                msg = f"{where}: row {n}: missing column {exc}"
                raise DataFileError(msg) from exc
            except DataFileError as exc:
                raise DataFileError(f"{where}: row {n}: {exc}") from exc

    def _row_reader(self, header: list[str]) -> Callable[[dict[str, str]], None] | None:
        """What one row of a file with this header adds (None for an unknown header)."""
        kind = header[:2]
        if kind == ["name", "aliases"]:
            return lambda rec: self.add_person(
                rec["name"], rec["code"], rec.get("role", ""), start=rec.get("start"), end=rec.get("end"),
                aliases=[a for a in rec.get("aliases", "").split("|") if a],
            )
        if kind == ["code", "kind"]:
            return lambda rec: self.add_alias(
                rec["text"], rec["code"].split(), rec["kind"], start=rec.get("start"), end=rec.get("end"),
                role=rec.get("role", ""),
            )
        if kind == ["city", "code"]:
            return lambda rec: self.add_city(rec["city"], rec["code"])
        if kind == ["code", "sovereign"]:
            return lambda rec: self.sovereign.__setitem__(rec["code"].upper(), rec["sovereign"].upper())
        return None

    def _index(self, key: tuple[str, ...]) -> None:
        node = self._trie
        for word in key:
            below = node.get(word)
            if below is None:  # no such word yet, or a deferred word with no node yet
                below = node[word] = {}
            node = below
        node[_END] = _END

    def key_lengths(self, words: Sequence[Token], i: int, stop: int) -> list[int]:
        """The lengths of the keys that the tokens from ``words[i]`` (up to ``stop``) spell,
        longest first: one walk down the trie instead of a lookup per possible length."""
        lengths: list[int] = []
        first = words[i].lower
        if first in self._unread:
            self._read_word(first)
        node = self._trie.get(first)
        j = i + 1
        while node is not None:
            if _END in node:
                lengths.append(j - i)
            if j >= stop:
                break
            node = node.get(words[j].lower)
            j += 1
        lengths.reverse()
        return lengths

    # -- lookups --------------------------------------------------------------------------
    def lookup(self, key: tuple[str, ...], day: dt.date | None) -> list[Entry]:
        """The entries for ``key`` valid on ``day``."""
        return [e for e in self.entries.get(key, ()) if e.valid_on(day)]

    def person_of(self, key: tuple[str, ...]) -> str | None:
        """The person a name or alias with this key names (None when it names nobody)."""
        if key and key[0] in self._unread:
            self._read_word(key[0])
        return self._person_keys.get(key)

    def surnamed(self, word: str) -> set[str]:
        """The people with the (lower-case) surname ``word``; treat the set as read-only."""
        if word in self._unread:
            self._read_word(word)
        return self._surnames.get(word, set())

    def tenures(self, name: str) -> list[Tenure]:
        """All the tenures of ``name`` in the order added (empty for an unknown name)."""
        tenures = self._people.get(name)
        if tenures is None and self._deferred is not None:
            tenures = self._deferred.tenures(name)
            if tenures is not None:
                self._people[name] = tenures
        return tenures if tenures is not None else []

    def tenures_on(self, name: str, day: dt.date | None) -> list[Tenure]:
        """The roles ``name`` held on ``day``; with no date, all roles if they agree on the code."""
        tenures = self.tenures(name)
        if day is None:
            return tenures if len({t.code for t in tenures}) == 1 else []
        return [t for t in tenures if t.valid_on(day)]

    def holder_on(self, code: str, role: str, day: dt.date | None) -> str | None:
        """The one person who held ``role`` for ``code`` on ``day`` (None when undated, or
        when nobody or several did)."""
        if day is None:
            return None
        if not self._holders_read and self._deferred is not None:
            self._holders = self._deferred.holders()
            self._holders_read = True
        names = [n for n in sorted(self._holders.get((code, role), ())) if any(
            t.code == code and t.role == role and t.valid_on(day) for t in self.tenures(n)
        )]
        return names[0] if len(names) == 1 else None


def _merge_trie(into: dict[str | None, dict], other: dict[str | None, dict]) -> None:
    for word, node in other.items():
        if word is _END:
            into[_END] = _END
            continue
        below = into.get(word)
        if below is None:
            below = into[word] = {}
        _merge_trie(below, node)


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@functools.cache
def _default_gazetteer() -> Gazetteer:
    with _LOCK, collector_paused(long_lived=True):
        return _build_default()


_LOCK = threading.Lock()


def _build_default() -> Gazetteer:
    """The built-in gazetteer from its prebuilt indexes: the names read whole, the people
    deferred (read as texts name them)."""
    gaz = Gazetteer()
    names_index.read(gaz)
    gaz._defer_people(PeopleIndex.builtin())
    return gaz


def build_from_sources(*, people: bool = True) -> Gazetteer:
    """The built-in gazetteer built from its sources, what the prebuilt indexes are made from:
    pycountry, the lexicon's regions and the TSV files of ``data/`` (``people.tsv`` only with
    ``people``)."""
    import pycountry  # noqa: PLC0415  (deferred: importing pycountry costs ~50 ms)

    gaz = Gazetteer()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                gaz.add_alias(value, country.alpha_3, "name")
    from .lexicon import LEXICON  # noqa: PLC0415

    for region in LEXICON.regions:
        gaz.add_region(region)
    files = ("countries.tsv", "organizations.tsv", "groups.tsv", "cities.tsv", "provinces.tsv", "people.tsv", "territories.tsv")
    for filename in files:
        if people or filename != "people.tsv":
            gaz._load_tsv(data_text(filename), filename)
    return gaz
