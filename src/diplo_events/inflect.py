"""Word forms from lemmas: the lexicon lists each word once, and this module spells it out.

A small inflector rather than a library: the lexicon's few hundred lemmas need regular
English morphology, an irregular-verb table and British/American spellings, nothing more;
lemminflect and inflect would add a dependency (and lemminflect numpy and a large table to
load at import) for the same forms. The irregular forms are data, in
``data/irregular_verbs.tsv``.

>>> sorted(verb_forms("stop"))
['stop', 'stopped', 'stopping', 'stops']
>>> sorted(verb_forms("cancel"))
['cancel', 'canceled', 'canceling', 'cancelled', 'cancelling', 'cancels']
>>> sorted(noun_forms("embassy"))
['embassies', 'embassy']
>>> sorted(verb_forms("break off"))
['break off', 'breaking off', 'breaks off', 'broke off', 'broken off']
"""

from __future__ import annotations

from functools import cache

from .loading import data_text

__all__ = ["forms", "noun_forms", "spellings", "verb_forms"]

_VOWELS = frozenset("aeiou")


@cache
def _irregular() -> dict[str, tuple[frozenset[str], bool]]:
    """lemma -> (its irregular forms, whether a final consonant doubles before -ed/-ing)."""
    out: dict[str, tuple[frozenset[str], bool]] = {}
    text = data_text("irregular_verbs.tsv")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, *rest = line.split("\t")
        doubles = rest == ["+double"]
        out[lemma] = (frozenset() if doubles else frozenset(f for f in rest if f), doubles)
    return out


def _doubles(word: str) -> bool:
    """Whether the last consonant doubles: one-syllable consonant-vowel-consonant verbs
    ("stop", "cut") and those the table marks ("commit", "equip")."""
    entry = _irregular().get(word)
    if entry is not None and entry[1]:
        return True
    if len(word) < 3 or word[-1] in _VOWELS or word[-1] in "wxy" or word[-2] not in _VOWELS or word[-3] in _VOWELS:
        return False
    return sum(1 for a, b in zip(" " + word, word, strict=False) if b in _VOWELS and a not in _VOWELS) == 1


def _third_person(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _suffixed(word: str, suffix: str) -> set[str]:
    """``word`` + "ed" or "ing", with the usual spelling changes (both spellings of a
    doubled final l: "cancelled", "canceled")."""
    if suffix == "ed" and word.endswith("e"):
        return {word + "d"}
    if suffix == "ed" and word.endswith("y") and word[-2:-1] not in _VOWELS:
        return {word[:-1] + "ied"}
    if suffix == "ing" and word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return {word[:-1] + "ing"}
    if _doubles(word):
        return {word + word[-1] + suffix}
    if word.endswith("l") and word[-2:-1] in _VOWELS and word[-3:-2] not in _VOWELS and len(word) > 4:
        return {word + suffix, word + "l" + suffix}  # British "travelled", American "traveled"
    return {word + suffix}


@cache
def verb_forms(lemma: str) -> frozenset[str]:
    """Every form of a verb (a phrasal verb inflects its first word)."""
    head, _, particle = lemma.partition(" ")
    irregular, _ = _irregular().get(head, (frozenset(), False))
    out = {head, _third_person(head), *_suffixed(head, "ing")}
    out |= irregular or _suffixed(head, "ed")
    tail = " " + particle if particle else ""
    return frozenset(v + tail for form in out for v in spellings(form))


@cache
def noun_forms(lemma: str) -> frozenset[str]:
    """A noun in both numbers; a plural-only noun ("talks") stays as it is."""
    *rest, head = lemma.split(" ")
    if head.endswith(("ss", "sh", "ch", "x", "z")):
        plural = head + "es"
    elif head.endswith("sis"):
        plural = head[:-3] + "ses"
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        plural = head[:-1] + "ies"
    elif head.endswith("s"):
        plural = head  # "talks", "relations", "arms"
    else:
        plural = head + "s"
    prefix = " ".join(rest) + " " if rest else ""
    return frozenset(prefix + v for form in {head, plural} for v in spellings(form))


def spellings(word: str) -> frozenset[str]:
    """British and American spellings of one form: the lexicon writes -ize, -our, -ence and
    -me ("mobilize", "favour", "defence", "programme"); the other spelling is added.

    >>> sorted(spellings("defence"))
    ['defence', 'defense']
    """
    out = {word}
    for a, b in (("iz", "is"), ("our", "or"), ("ence", "ense"), ("programme", "program")):
        k = word.find(a, 0 if len(a) > 4 else 3)
        if k >= 0 and (a != "our" or len(word) > 5):
            out.add(word[:k] + b + word[k + len(a) :])
    return frozenset(out)


def forms(lemma: str, pos: str) -> frozenset[str]:
    """The forms of a lemma for its part of speech: ``verb`` and ``noun`` are inflected,
    a ``compound`` verb inflects its last word ("air drop" -> "air dropped"), anything else
    (``word``: a function word, a fixed phrase) is taken as written."""
    lemma = lemma.lower()
    if pos == "compound":
        *rest, head = lemma.split(" ")
        return frozenset(" ".join([*rest, f]) for f in verb_forms(head))
    if pos == "verb":
        return verb_forms(lemma)
    if pos == "noun":
        return noun_forms(lemma)
    return frozenset({lemma})
