"""The lexicon: trigger lemmas (``data/triggers.tsv``) and the word classes the rules read
(``data/lexicon.toml``), each word written once as a lemma and spelt out by
:mod:`diplo_events.inflect`.

Those two files are the source; the built-in lexicon is read from what they give, prebuilt with
every form spelt out (``data/lexicon_index.json``, :mod:`diplo_events.lexicon_index`): after
changing one, run ``python scripts/build_lexicon_index.py`` (a test checks they are in sync).

Extend it as you extend the gazetteer: copy the default, add lemmas, hand it to a pipeline.

>>> lex = Lexicon.default().copy()
>>> lex.add_trigger("parley", "verb", "meeting", family="talks", cameo="040")
>>> "parleyed" in lex.forms("meeting")
True
>>> lex.add_words("support_objects", "satellite", pos="noun")
>>> "satellites" in lex.words["support_objects"]
True
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataFileError
from .inflect import forms as inflected
from .loading import data_text

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

__all__ = ["LEXICON", "Lexicon", "Trigger", "WordClasses"]

_POS = ("verb", "noun", "phrasal", "compound")
_NEEDS = frozenset({"-", "object", "two_parties", "qualifier", "destination", "phone", "recipient", "contingent"})
_PREFIX, _TRIGGER_WORDS = object(), object()  # keys of Lexicon.derived
_MEMBER_KINDS = {"nouns": "noun", "verbs": "verb", "gerunds": "gerund", "words": "word"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One trigger lemma of one event type.

    Attributes:
        lemma: the base form ("suspend", "break off").
        pos: ``verb``, ``noun`` or ``phrasal``.
        type: the event type it states (``meeting``, ``suspension``, ``support_pledge``, or
            a type of your own extractor).
        family: the GUIDELINES family of phrasings it belongs to.
        cameo: the CAMEO code it states.
        needs: what else makes it an event (see ``data/triggers.tsv``).
        source: where the entry comes from (a CAMEO block or a GUIDELINES family).
    """

    lemma: str
    pos: str
    type: str
    family: str
    cameo: str = ""
    needs: str = "-"
    source: str = "user"

    @property
    def object_class(self) -> str | None:
        """The word class its object must fall in, for ``needs = object:<class>``."""
        kind, _, name = self.needs.partition(":")
        return name or None if kind == "object" else None

    def forms(self) -> frozenset[str]:
        """Every written form of the lemma, in lower case."""
        return inflected(self.lemma, "verb" if self.pos == "phrasal" else self.pos)

    def last_word_forms(self) -> frozenset[str]:
        """For a compound ("air drop"), the forms of its last word ("dropping")."""
        return frozenset(f.rsplit(" ", 1)[-1] for f in self.forms())


class WordClasses:
    """Word classes by name, read as attributes (``words.appeals``) or items
    (``words["appeals"]``); plain instance attributes, because the rules read them in their
    innermost loops."""

    def __init__(self, classes: Mapping[str, Any]) -> None:
        self.__dict__.update(classes)

    def __getattr__(self, name: str) -> Any:  # only called for a name that is not there
        msg = f"no word class named {name!r} in the lexicon"
        raise AttributeError(msg)

    def __getitem__(self, name: str) -> Any:
        try:
            return self.__dict__[name]
        except KeyError:
            msg = f"no word class named {name!r} in the lexicon"
            raise KeyError(msg) from None

    def __contains__(self, name: object) -> bool:
        return name in self.__dict__

    def __iter__(self) -> Iterator[str]:
        return iter(self.__dict__)

    def __len__(self) -> int:
        return len(self.__dict__)

    def get(self, name: str, default: Any = None) -> Any:
        """The class named ``name``, or ``default``."""
        return self.__dict__.get(name, default)

    def items(self) -> Iterable[tuple[str, Any]]:
        """(name, members) pairs, in file order."""
        return self.__dict__.items()

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


class Lexicon:
    """Trigger lemmas and word classes, with their forms computed once.

    Attributes:
        words: class name -> every form of its members (``words.appeals``, a frozenset).
        phrases: class name -> its members as word tuples (``("ruled", "out")``).
    """

    def __init__(self, triggers: Iterable[Trigger] = (), classes: Mapping[str, Mapping[str, Any]] | None = None) -> None:
        self._triggers: list[Trigger] = []
        self._members: dict[str, dict[str, list[str]]] = {}
        self._includes: dict[str, list[str]] = {}
        self._raw: dict[str, list[str]] = {}
        self._frozen = False
        for name, spec in (classes or {}).items():
            self._add_class(name, spec)
        for trigger in triggers:
            self._check(trigger)
            self._triggers.append(trigger)
        self._rebuild()

    # -- building -----------------------------------------------------------------------
    @classmethod
    def default(cls) -> Lexicon:
        """The built-in lexicon (shared: :meth:`copy` it before adding to it)."""
        return LEXICON

    @classmethod
    def from_files(cls, triggers: str | Path | None = None, classes: str | Path | None = None) -> Lexicon:
        """A lexicon read from a trigger table (TSV) and a word-class file (TOML) of the
        formats of ``data/triggers.tsv`` and ``data/lexicon.toml``."""
        lex = cls()
        if triggers is not None:
            lex.load(triggers)
        if classes is not None:
            lex.load(classes)
        return lex

    @classmethod
    def _prebuilt(
        cls,
        triggers: list[tuple[Trigger, frozenset[str]]],
        members: dict[str, dict[str, list[str]]],
        includes: dict[str, list[str]],
        raw: dict[str, list[str]],
        words: dict[str, frozenset[str]],
    ) -> Lexicon:
        """A lexicon whose forms were worked out beforehand (:mod:`diplo_events.lexicon_index`)."""
        lex = cls()
        lex._triggers = [t for t, _ in triggers]
        lex._members, lex._includes, lex._raw = members, includes, raw
        lex._rebuild(words, dict(triggers))
        return lex

    def __reduce__(self) -> Any:
        # the shared default travels as a reference (workers load their own); copies in full
        if self._frozen:
            return (_default_lexicon, ())
        return object.__reduce__(self)

    def __deepcopy__(self, memo: dict[int, Any]) -> Lexicon:
        new = object.__new__(Lexicon)
        memo[id(self)] = new
        for key, value in self.__dict__.items():
            setattr(new, key, _copy.deepcopy(value, memo))
        return new

    def copy(self) -> Lexicon:
        """A copy that can be changed without touching this one."""
        new = _copy.deepcopy(self)
        new._frozen = False  # noqa: SLF001
        return new

    def load(self, path: str | Path) -> None:
        """Add the entries of a data file of your own: a ``.tsv`` trigger table or a
        ``.toml`` word-class file (members are added to classes of the same name).

        Raises:
            DataFileError: the file is malformed.
        """
        path = Path(path)
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            import tomllib  # noqa: PLC0415  (the built-in lexicon is read prebuilt, without it)

            try:
                raw = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                msg = f"{path}: not valid TOML: {exc}"
                raise DataFileError(msg) from exc
            self._writable()
            for name, spec in raw.items():
                self._add_class(name, spec, where=str(path))
        else:
            triggers = _read_triggers(text, str(path))
            self._writable()
            for trigger in triggers:
                self._check(trigger)
                self._triggers.append(trigger)
        self._rebuild()

    def add_trigger(
        self, lemma: str, pos: str, type: str, *, family: str, cameo: str = "", needs: str = "-", source: str = "user"
    ) -> None:
        """Add a trigger lemma to an event type's family (a new family or type is fine)."""
        self._writable()
        trigger = Trigger(lemma.lower(), pos, type, family, cameo, needs, source)
        self._check(trigger)
        self._triggers.append(trigger)
        self._rebuild()

    def add_words(self, name: str, *lemmas: str, pos: str = "word") -> None:
        """Add lemmas to a word class (created if new); ``pos`` is ``noun``, ``verb``,
        ``gerund`` or ``word`` (taken as written)."""
        self._writable()
        kind = next((k for k, v in _MEMBER_KINDS.items() if v == pos), None)
        if kind is None:
            msg = f"unknown part of speech {pos!r}: use one of {', '.join(_MEMBER_KINDS.values())}"
            raise ValueError(msg)
        self._add_class(name, {kind: list(lemmas)})
        self._rebuild()

    # -- reading ------------------------------------------------------------------------
    @property
    def triggers(self) -> tuple[Trigger, ...]:
        """Every trigger entry, in the order given."""
        return tuple(self._triggers)

    def trigger(self, form: str, type: str, pos: str | None = None) -> Trigger | None:
        """The entry a lower-case word form is a trigger of, for one type (and part of speech)."""
        entries = [e for e in self._by_form.get((type, form), ()) if pos is None or e.pos == pos]
        # "talks" is the noun "talks" before it is a form of the verb "talk"
        return next((e for e in entries if e.lemma == form), entries[0] if entries else None)

    def compounds(self, type: str) -> dict[str, frozenset[tuple[str, ...]]]:
        """Last-word form of a compound trigger of ``type`` -> the words that must precede it
        ("dropping" -> {("air",)})."""
        found = self._compound_cache.get(type)
        if found is None:
            table: dict[str, set[tuple[str, ...]]] = {}
            for t in self._triggers:
                if t.type == type and t.pos == "compound":
                    for f in self._trigger_forms[t]:
                        *rest, last = f.split(" ")
                        table.setdefault(last, set()).add(tuple(rest))
            found = self._compound_cache[type] = {k: frozenset(v) for k, v in table.items()}
        return found

    def derived(self, key: object, build: Callable[[], Any]) -> Any:
        """What ``build`` makes of this lexicon, made once and kept until the lexicon changes:
        the unions of forms and classes that the rules test every token against."""
        try:
            return self._derived[key]
        except KeyError:
            found = self._derived[key] = build()
            return found

    def classes_with_prefix(self, prefix: str) -> tuple[tuple[str, frozenset[str]], ...]:
        """The word classes whose name starts with ``prefix`` ("cameo_", "type_"), as
        (name without the prefix, members), in file order."""
        return self.derived(
            (_PREFIX, prefix),
            lambda: tuple((name[len(prefix) :], members) for name, members in self.words.items() if name.startswith(prefix)),
        )

    def phrasal_trigger(self, type: str, head: str, particle: str) -> Trigger | None:
        """The phrasal trigger of ``type`` that a verb form and its particle make ("broke", "with")."""
        for entry in self._by_form.get((type, head), ()):
            if entry.pos == "phrasal" and entry.lemma.split(" ", 1)[1] == particle:
                return entry
        return None

    def forms(self, type: str, pos: str | None = None, *, family: str | None = None, needs: str | None = None) -> frozenset[str]:
        """The forms of the triggers of ``type`` (one-word forms; phrasal verbs give their
        verb), optionally of one part of speech, family or need."""
        key = (type, pos, family, needs)
        found = self._forms_cache.get(key)
        if found is None:
            found = frozenset(
                f.split(" ")[0]
                for t in self._triggers
                if t.type == type and t.pos != "compound" and (pos is None or t.pos == pos) and (family is None or t.family == family)
                and (needs is None or t.needs == needs)
                for f in self._trigger_forms[t]
            )
            self._forms_cache[key] = found
        return found

    def trigger_words(self) -> frozenset[str]:
        """Every word at which a trigger of any type can be found: the one-word forms, the
        verbs of phrasal triggers and the last words of compounds."""
        return self.derived(_TRIGGER_WORDS, self._trigger_words)

    def _trigger_words(self) -> frozenset[str]:
        types = {t.type for t in self._triggers}
        return frozenset().union(*(self.forms(t) | self.compounds(t).keys() for t in types))

    def phrasal(self, type: str) -> dict[str, frozenset[str]]:
        """Verb form -> the particles that make it a phrasal trigger of ``type``."""
        found = self._phrasal_cache.get(type)
        if found is None:
            table: dict[str, set[str]] = {}
            for t in self._triggers:
                if t.type == type and t.pos == "phrasal":
                    for f in self._trigger_forms[t]:
                        head, _, particle = f.partition(" ")
                        table.setdefault(head, set()).add(particle)
            found = self._phrasal_cache[type] = {k: frozenset(v) for k, v in table.items()}
        return found

    def as_written(self, name: str) -> tuple[str, ...]:
        """A class's ``words`` as written in the data file (case kept), in file order."""
        return tuple(self._raw.get(name, ()))

    # -- what actors and the gazetteer read ----------------------------------------------
    @property
    def agent_nouns(self) -> frozenset[str]:
        """Head nouns of officials and bodies."""
        return self.words["agents"]

    @property
    def common_words(self) -> frozenset[str]:
        """Capitalised words that are not surnames."""
        return self.words["common_words"]

    @property
    def regions(self) -> tuple[str, ...]:
        """Region names that contain a state's name but name no party."""
        return self.as_written("regions")

    def anaphor_heads(self, gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
        """Head noun of each back-reference ("alliance") -> the codes it may stand for."""
        cached: dict[str, frozenset[str]] | None = getattr(gazetteer, "_anaphor_heads", None)
        if cached is not None and getattr(gazetteer, "_anaphor_heads_size", -1) == len(gazetteer.entries):
            return cached
        heads: dict[str, set[str]] = {}
        for key, entries in gazetteer.entries.items():
            for entry in entries:
                if entry.kind == "anaphor":
                    heads.setdefault(key[-1], set()).update(entry.codes)
        result = {k: frozenset(v) for k, v in heads.items()}
        gazetteer._anaphor_heads = result  # type: ignore[attr-defined]  # noqa: SLF001
        gazetteer._anaphor_heads_size = len(gazetteer.entries)  # type: ignore[attr-defined]  # noqa: SLF001
        return result

    # -- internals ----------------------------------------------------------------------
    def _writable(self) -> None:
        if self._frozen:
            msg = "the default lexicon is shared: change a copy (Lexicon.default().copy())"
            raise TypeError(msg)

    @staticmethod
    def _check(trigger: Trigger) -> None:
        if trigger.pos not in _POS:
            msg = f"trigger {trigger.lemma!r}: part of speech {trigger.pos!r} is not one of {', '.join(_POS)}"
            raise DataFileError(msg)
        if trigger.needs.split(":")[0] not in _NEEDS:
            msg = f"trigger {trigger.lemma!r}: needs {trigger.needs!r} is not one of {', '.join(sorted(_NEEDS))}"
            raise DataFileError(msg)
        if trigger.pos in {"phrasal", "compound"} and " " not in trigger.lemma:
            msg = f"trigger {trigger.lemma!r}: a {trigger.pos} verb is written in two words ('break off', 'air drop')"
            raise DataFileError(msg)

    def _add_class(self, name: str, spec: Mapping[str, Any], where: str = "lexicon") -> None:
        if not isinstance(spec, Mapping):
            msg = f"{where}: [{name}] must be a table of nouns/verbs/gerunds/words/include lists"
            raise DataFileError(msg)
        members = self._members.setdefault(name, {})
        for key, values in spec.items():
            if key == "include":
                self._includes.setdefault(name, []).extend(values)
            elif key in _MEMBER_KINDS:
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    msg = f"{where}: [{name}] {key} must be a list of strings"
                    raise DataFileError(msg)
                members.setdefault(_MEMBER_KINDS[key], []).extend(values)
                if key == "words":
                    self._raw.setdefault(name, []).extend(values)
            else:
                msg = f"{where}: [{name}] has an unknown key {key!r} (use {', '.join([*_MEMBER_KINDS, 'include'])})"
                raise DataFileError(msg)

    def _rebuild(
        self, words: dict[str, frozenset[str]] | None = None, forms: dict[Trigger, frozenset[str]] | None = None
    ) -> None:
        """Work out the forms of the classes and triggers (or take them as given, prebuilt)."""
        if words is None:
            words = self._class_forms()
        if forms is None:
            forms = {t: t.forms() for t in self._triggers}
        self._trigger_forms = forms
        self.words = WordClasses(words)
        self.phrases = WordClasses({k: tuple(sorted(map(tuple, map(str.split, v)))) for k, v in words.items()})
        for t in self._triggers:
            if t.object_class is not None and t.object_class not in words:
                msg = f"trigger {t.lemma!r} needs an object of class {t.object_class!r}, which the lexicon does not have"
                raise DataFileError(msg)
        by_form: dict[tuple[str, str], list[Trigger]] = {}
        for t in self._triggers:
            for f in forms[t]:
                by_form.setdefault((t.type, f.split(" ")[0]), []).append(t)
        self._by_form = by_form
        self._forms_cache: dict[tuple[str, str | None, str | None, str | None], frozenset[str]] = {}
        self._phrasal_cache: dict[str, dict[str, frozenset[str]]] = {}
        self._compound_cache: dict[str, dict[str, frozenset[tuple[str, ...]]]] = {}
        self._derived: dict[object, Any] = {}

    def _class_forms(self) -> dict[str, frozenset[str]]:
        words: dict[str, frozenset[str]] = {}

        def resolve(name: str, seen: tuple[str, ...] = ()) -> frozenset[str]:
            if name in words:
                return words[name]
            if name in seen or (name not in self._members and name not in self._includes):
                msg = f"word class {name!r} is unknown or includes itself"
                raise DataFileError(msg)
            out: set[str] = set()
            for pos, lemmas in self._members.get(name, {}).items():
                for lemma in lemmas:
                    out |= _gerund(lemma) if pos == "gerund" else inflected(lemma, pos)
            for other in self._includes.get(name, ()):
                out |= resolve(other, (*seen, name))
            words[name] = frozenset(out)
            return words[name]

        for name in [*self._members, *self._includes]:
            resolve(name)
        return words


def _gerund(lemma: str) -> frozenset[str]:
    return frozenset(f for f in inflected(lemma, "verb") if f.endswith("ing"))


def _read_triggers(text: str, where: str) -> list[Trigger]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            msg = f"{where}, line {n}: expected 7 tab-separated columns (lemma, pos, type, family, cameo, needs, source), got {len(cols)}"
            raise DataFileError(msg)
        out.append(Trigger(cols[0].strip().lower(), *(c.strip() for c in cols[1:])))
    return out


def _default_lexicon() -> Lexicon:
    return LEXICON


def load_lexicon() -> Lexicon:
    """Read the built-in ``data/triggers.tsv`` and ``data/lexicon.toml`` (the sources of the
    prebuilt lexicon that :meth:`Lexicon.default` is)."""
    import tomllib  # noqa: PLC0415

    triggers = _read_triggers(data_text("triggers.tsv"), "triggers.tsv")
    classes = tomllib.loads(data_text("lexicon.toml"))
    return Lexicon(triggers, classes)


def _load_default() -> Lexicon:
    from . import lexicon_index  # noqa: PLC0415  (lexicon_index imports this module)

    return lexicon_index.read()


LEXICON = _load_default()
LEXICON._frozen = True  # noqa: SLF001
