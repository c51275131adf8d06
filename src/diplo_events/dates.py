"""Find date expressions in English news text and resolve them against a publication date.

The module is self-contained: it imports only the standard library, `regex` and (lazily, for one
rare fallback) `dateparser`. The main entry points are:

- `find_date_expressions(text, start, end)`: every date expression in a slice of the text, as
  `DateExpression` objects with absolute offsets, in order and without overlaps;
- `resolve(expr, published, tense)`: a `ResolvedDate` (a `datetime.date` plus a precision of
  day, ISO week, month or year), or `None` when it cannot be resolved;
- `render(resolved)`: the `YYYY-MM-DD` / `YYYY-Www` / `YYYY-MM` / `YYYY` form of the gold files;
- `find_publication_date(text)` and `find_dateline(text)`: the publication date stated in the
  document itself (stamps, bylines, datelines).

Resolution rules (see shared/corpus/GUIDELINES.md, section Dates, and the choices below):

- Weekdays. Plain "Tuesday"/"on Tuesday" with tense past, present or None is the most recent
  Tuesday on or before publication; with tense future it is the first Tuesday on or after
  publication. An article dated Friday that says "on Friday" means that same day in either
  tense: wire copy names the weekday instead of writing "today" (AP style), and a reporter who
  meant the Friday a week later writes "next Friday". "last Tuesday" is strictly before
  publication (1-7 days back), "next Tuesday" strictly after (1-7 days ahead). "this Tuesday" is
  on/before publication for tense past, on/after for future, and the Tuesday of the publication's
  ISO week otherwise.
- "the weekend" / "this weekend" / "last weekend" / "next weekend" have ISO-week precision
  (the week the Saturday falls in). A bare or "this" weekend in a past-tense clause of an article
  published Monday-Friday is the previous one; with tense None, "the weekend" in an article of
  Monday or Tuesday is also the previous one.
- A month without a year: the last occurrence on or before the publication month for tense past,
  the next occurrence on or after it for future, and otherwise the nearest occurrence (same year
  unless that is more than six months away; then the previous or next year). "last April" is
  strictly before the publication month, "next April" strictly after it, "this April" in the
  publication year.
- A day and month without a year ("30 November", "June 26"): the most recent such date on or
  before publication for past, the first on or after it for future, otherwise the nearest one.
  A weekday given with it ("Tuesday, March 12") picks the year whose calendar agrees.
- February 29 without a year resolves only to a leap year within one year of the publication
  year in the tense's direction ("on 29 February" in a past-tense clause of 2025-03-01 is
  2024-02-29); otherwise it is `None`: a Feb 29 several years away is more likely an error.
- Seasons have month precision at the season's first month (meteorological seasons: spring =
  March, summer = June, autumn/fall = September, winter = December); "early"/"mid"/"late" pick
  the first/second/third month ("late summer" = August). "winter 2014" is December 2014. "this
  fall" is the instance that contains the publication date, else the one in the publication year
  (tense None), the latest that has started (past) or the next to start (future).
- "the day before", "the next day", "the following day", "a day later" are anaphoric: they count
  from another event, not from publication. They are found (kind "anaphoric_day", with `offset`)
  so callers can anchor them, but `resolve` returns `None` for them.
- Numeric dates: ISO `2021-11-30` (also with `/` or `.`), `30.11.2021` and `30-11-2021`
  (European day-month-year when separated by dots or hyphens), and `11/30/2021` or `30/11/2021`
  with slashes only when unambiguous (one number above 12, or both equal). An ambiguous slash date
  such as `03/04/2021` is still found, with `month`/`day` set to `None`, and resolves to its year.
  `find_publication_date` reads an ambiguous slash date month-first when a US time zone (EDT,
  EST, PT, ...) is on the same line.
- Ranges ("March 17 and 18", "17-18 March", "from 9 to 11 July", "Tuesday and Wednesday",
  "30 March to 2 April 2014") are one expression whose fields describe the start; the end is in
  `range_end` (for ranges built from two separate expressions). They resolve to the start.
- Week precision is an ISO week, represented by its Monday: "next week" in an article of
  2015-12-25 is 2015-W53, in an article of 2020-12-28 2021-W01.

Ambiguous tokens need context. "May" and "March" (and every other month name without a day or
year) only count after a word such as in/since/until/during/early/late/last/next/this; for "May"
the weaker prepositions (by, before, after, from, between) also need the name to be followed by
punctuation or a range word, "for May" never counts, and "confidence/faith/trust in May" does not
count (Theresa May). Month names must be capitalised (or all capitals), so the modal "may" and the
noun "march" never match. Weekday abbreviations ("Mon.", "Sat", "Sun") only count inside a full
date ("Fri March 12, 2021"), "Jan"/"Mar"/... only with a day or a year. "Good Friday", "Black
Friday", "Super Tuesday", "every Monday", "Sunday Times" are not dates. "Today" with a capital
only counts at the start of a sentence (not "Russia Today", "USA Today").

Performance. Everything the finder recognises is resolved by the compiled `regex` fast path;
`dateparser` is used for one rare case only: a labelled stamp ("Published: 12th Mar '23") in the
head of a document whose date the fast path cannot read (`_dateparser_stamp`). Measured on the
development machine (Python 3.11.7, dateparser 1.5.0, best of 3 x 1000 calls; phrases such as
"on Tuesday", "30 November", "next week", "early April", "January 28, 2014"; sentences such as
"The ministers met on Tuesday in Brussels to discuss the crisis."):

    dateparser.parse(phrase, settings=...)                      1879 us/call
    dateparser.parse(phrase, languages=["en"], settings=...)     411 us/call
    DateDataParser(languages=["en"]).get_date_data(phrase)       383 us/call (parser reused)
    dateparser.search.search_dates(sentence, languages=["en"])   966 us/call
    find_date_expressions(phrase) + resolve                       17 us/call
    find_date_expressions(sentence) + resolve                     37 us/call

so the fast path is ~22x faster than the quickest dateparser call on an already isolated phrase
and ~26x faster than dateparser's own search over a sentence, which also does not fit the task:
it returns days only ("next week" -> a day, "in early April" -> "April" -> April 6), and finds
dates in "Theresa May may suspend talks" (twice) and "they sat down". Whole texts run at
~6 MB/s (seeds + dev corpus), `find_publication_date` at ~0.3 ms per document (it reads at most
1500 characters). How: one scan for anchor tokens that every expression contains (a digit, a
month or weekday name, week/month/year/day/today/...), then anchored matches only at word starts
that can begin an expression, with only the branches that can begin with that word; trying the
full 19-branch alternation at every position ran at 0.2 MB/s. Adversarial input is linear (time
for half the input is half the time): 1 MB of "a" 0.05 s, 100k digits 0.001 s, "May May May "
x 100k (1.2 MB) 2.7 s, "30 " x 333k (1 MB) 1.9 s, "Tuesday, " x 100k 1.5 s; the patterns have no
nested quantifiers and every repetition is bounded (1-3 blanks, 1-2 digit days, ...).
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, replace
from collections.abc import Callable, Iterable
from typing import Final, Literal

import regex

__all__ = [
    "DateExpression",
    "Precision",
    "PublicationDate",
    "ResolvedDate",
    "Tense",
    "find_date_expressions",
    "find_dateline",
    "find_publication_date",
    "render",
    "resolve",
    "trie_pattern",
]

Precision = Literal["day", "week", "month", "year"]
Tense = Literal["past", "future", "present"]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date expression found in a text, before resolution.

    Attributes:
        start: Offset of the first character in the text passed to the finder.
        end: Offset after the last character.
        text: The exact surface text, `text[start:end]`.
        kind: One of "weekday", "weekend", "relative_day", "anaphoric_day", "relative_week",
            "relative_month", "relative_year", "month", "month_part", "day_month", "full_date",
            "numeric", "day_of_month", "year", "year_part", "season".
        year: The stated year, if any.
        month: The month (1-12), if stated.
        day: The day of the month, if stated.
        weekday: The weekday (0 = Monday), if stated.
        offset: For relative kinds, the signed number of units from publication (or from the
            anchor, for "anaphoric_day").
        unit: For relative kinds, "day", "week", "month" or "year".
        modifier: "last", "next", "this" or "coming", for weekdays, weekends, months, seasons and
            relative weeks/months/years.
        part: "early", "mid", "late" or "end" for "early April", "the end of 2014", ...
        season: "spring", "summer", "autumn" or "winter" ("fall" is normalised to "autumn").
        range_end: For a range built from two expressions ("30 March to 2 April 2014"), the end.
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    offset: int | None = None
    unit: str | None = None
    modifier: str | None = None
    part: str | None = None
    season: str | None = None
    range_end: DateExpression | None = None


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A date expression resolved to a calendar date with a precision.

    Attributes:
        value: The date; the first day of the period for month and year precision and the
            Monday of the ISO week for week precision.
        precision: "day", "week", "month" or "year".
        start: Offset of the expression in the text.
        end: Offset after the expression.
        text: The surface text of the expression.
    """

    value: datetime.date
    precision: Precision
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """A publication date stated in the document.

    Attributes:
        value: The date.
        start: Offset of the date's text.
        end: Offset after it.
        text: The date's surface text.
        source: "stamp" (a date line, "Published: ...", "Updated ..."), "byline" (a line that
            starts with "By ...") or "dateline" ("WASHINGTON, March 12, 2021 (Reuters) -").
    """

    value: datetime.date
    start: int
    end: int
    text: str
    source: str


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_MONTHS: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_ABBR: Final = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_ABBR: Final = {
    "Mon": 0, "Tue": 1, "Tues": 1, "Wed": 2, "Thu": 3, "Thur": 3, "Thurs": 3,
    "Fri": 4, "Sat": 5, "Sun": 6,
}  # fmt: skip

_MONTH_NUMBER: Final = {name.lower(): i for i, name in enumerate(_MONTHS, 1)} | {
    abbr.lower(): n for abbr, n in _MONTH_ABBR.items()
}
_WEEKDAY_NUMBER: Final = {name.lower(): i for i, name in enumerate(_WEEKDAYS)} | {
    abbr.lower(): n for abbr, n in _WEEKDAY_ABBR.items()
}
_NUMBER_WORDS: Final = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
# Seasons: first month of the meteorological season.
_SEASON_START: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_CANON: Final = {"spring": "spring", "summer": "summer", "autumn": "autumn",
                        "fall": "autumn", "winter": "winter"}  # fmt: skip
_SEASON_FIRST_MONTH: Final = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
_PART_MONTH_INDEX: Final = {None: 0, "early": 0, "mid": 1, "late": 2, "end": 2}

# "early", "the first week of", "the end of", ... -> one of early/mid/late/end.
_PART_CANON: Final = {
    "early": "early", "earlier": "early", "beginning": "early", "start": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "later": "late",
    "end": "end",
    "first": "early", "second": "mid", "third": "mid", "fourth": "late",
    "last": "late", "final": "late",
}  # fmt: skip

# Context words that make a bare month name ("in April") a date. NOTE: keep in sync with the
# weak/strong split used for "May" in `_month_context_ok`.
_MONTH_CONTEXT: Final = frozenset({
    "in", "since", "until", "till", "til", "during", "throughout", "before", "after", "from",
    "through", "between", "around", "by", "for", "early", "late", "mid",
})  # fmt: skip
_MAY_STRONG: Final = frozenset({"in", "since", "until", "till", "til", "during", "throughout",
                                "early", "late", "mid"})  # fmt: skip
_MAY_WEAK: Final = frozenset({"by", "before", "after", "from", "through", "between", "around"})
_TRUST_WORDS: Final = frozenset({"confidence", "faith", "trust", "belief", "hope", "hopes"})
_RANGE_WORDS: Final = frozenset({"and", "to", "or", "through", "until", "till", "-", "–", "—"})
_YEAR_CONTEXT: Final = frozenset({
    "in", "since", "until", "till", "by", "during", "from", "before", "after", "through",
    "throughout", "between", "around", "circa", "year", "c.", "ca.",
})  # fmt: skip
_SEASON_CONTEXT: Final = frozenset({
    "in", "during", "over", "through", "throughout", "until", "till", "by", "since", "before",
    "after", "for", "around", "from", "into",
})  # fmt: skip
_DOM_CONTEXT: Final = frozenset({"on", "by", "until", "till", "since", "from", "before", "after",
                                 "between"})  # fmt: skip
_NOT_WEEKDAY_BEFORE: Final = frozenset({
    "good", "black", "bloody", "super", "ash", "cyber", "holy", "maundy", "palm", "shrove",
    "giving", "every", "each", "clean", "spy",
})  # fmt: skip
_NOT_WEEKDAY_AFTER: Final = frozenset({
    "times", "telegraph", "express", "mirror", "post", "herald", "mail", "observer",
    "independent", "tribune", "star", "sport", "people", "club", "school", "service", "mass",
    "agreement", "accord", "accords", "league", "edition", "magazine", "review", "show",
})  # fmt: skip
# A day and month without a year followed by one of these names a historical event
# ("the September 11 attacks", "the June 4 incident"), not a date near publication.
_NAMED_DATE_AFTER: Final = frozenset({
    "attack", "attacks", "bombing", "bombings", "massacre", "uprising", "revolution",
    "movement", "incident", "coup", "crackdown",
})  # fmt: skip
_FALL_NOT_SEASON_AFTER: Final = frozenset({
    "of", "in", "from", "to", "back", "out", "into", "on", "off", "by", "below", "above",
    "short", "apart", "behind",
})  # fmt: skip

# --------------------------------------------------------------------------------------------
# Patterns (compiled once, at import)
# --------------------------------------------------------------------------------------------


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Alternation of literal words, longest first so that "Sept" wins over "Sep"."""
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_PIECES: Final = {
    # whitespace inside an expression: 1-3 blanks, or a single line break
    "WS": r"(?:[^\S\n]{1,3}|[^\S\n]{0,2}\n[^\S\n]{0,2})",
    # dashes: hyphen, non-breaking hyphen, en dash, em dash
    "DASH": r"[-\u2010\u2011\u2013\u2014]",
    "DASHC": r"\-\u2010\u2011\u2013\u2014",
    # full month names, capitalised or upper case, not followed by a letter or a digit ("Marches"):
    # a name ends a word (the finder looks for its names as whole words)
    "MONTH_FULL": r"(?:%s)(?!\w)" % _alt([*_MONTHS, *(m.upper() for m in _MONTHS)]),
    # full names or abbreviations ("Nov.", "SEPT")
    "MONTH": r"(?:(?:%s)(?!\w)|(?:%s)(?!\w)\.?)"
    % (
        _alt([*_MONTHS, *(m.upper() for m in _MONTHS)]),
        _alt([*_MONTH_ABBR, *(a.upper() for a in _MONTH_ABBR)]),
    ),
    # full weekday names
    "WEEKDAY": r"(?:%s)(?!\w)" % _alt([*_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)]),
    # full names or abbreviations, used only in front of a full date ("Fri March 12")
    "WDAY_ANY": r"(?:(?:%s)(?!\w)|(?:%s)(?!\w)\.?)"
    % (
        _alt([*_WEEKDAYS, *(w.upper() for w in _WEEKDAYS)]),
        _alt([*_WEEKDAY_ABBR, *(a.upper() for a in _WEEKDAY_ABBR)]),
    ),
    # a day of the month, 1-31, not followed by another digit
    "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?!\d)",
    # optional ordinal suffix
    "ORD": r"(?:st|nd|rd|th|ST|ND|RD|TH)?",
    # a four-digit year 1800-2099, not part of a longer token ("1990s")
    "YEAR": r"(?:1[89]\d\d|20\d\d)(?!\w)",
    # range connectors between two days: "17-18", "17 and 18", "9 to 11"
    "RCONN": r"(?:[-\u2010\u2011\u2013\u2014&]|(?i:to|and|through|thru|until|till|or)\b)",
    # words that cannot directly precede a day number ("$5", "1,5", "No.5", "3-5")
    "NOTNUM": r"(?<![\w$\u00a3\u20ac.,/:\-\u2010\u2011\u2013\u2014])",
}

# "early", "mid-", "the end of", "the first week of", ... in front of a month or a year.
_PART_TEMPLATE: Final = r"""
(?i:                                                             # case-insensitive part words
    (?P<part>early|mid|late|end)(?:%(DASH)s|%(WS)s)              #   "early April", "mid-2015"
  | (?:the%(WS)s)?(?P<part>end|beginning|start|middle)%(WS)sof%(WS)s   #   "(the) end of April"
  | (?:the%(WS)s)?(?P<part>first|second|third|fourth|last|final)  #   "the first week of April",
    %(WS)s(?:half|quarter|weeks?|days|fortnight|part)%(WS)sof%(WS)s  #   "the second half of 2015"
)
"""

_MASTER_TEMPLATE: Final = r"""
# ---- numeric: ISO-like year-month-day ("2021-11-30", "2021/11/30", "2021.11.30")
    (?P<k_iso>)                                                  # branch marker
    (?<![\w.,/:%(DASHC)s])                                       # not inside a longer token
    (?P<year>1[89]\d\d|20\d\d)(?P<sep>[-/.])                     # year and separator
    (?P<month>0[1-9]|1[0-2])(?P=sep)                             # two-digit month, same separator
    (?P<day>0[1-9]|[12]\d|3[01])                                 # two-digit day
    (?![\d]|[.,/:%(DASHC)s]\d)                                   # not followed by more numbers
|
# ---- numeric: day/month/year in either order ("30.11.2021", "11/30/2021", "30-11-2021")
    (?P<k_num>)                                                  # branch marker
    (?<![\w.,/:%(DASHC)s])                                       # not inside a longer token
    (?P<n1>\d{1,2})(?P<sep>[-/.])                                # first number and separator
    (?P<n2>\d{1,2})(?P=sep)                                      # second number, same separator
    (?P<year>1[89]\d\d|20\d\d)                                   # four-digit year
    (?![\d]|[.,/:%(DASHC)s]\d)                                   # not followed by more numbers
|
# ---- day-month-year with a month abbreviation and dashes ("26-FEB-1987", "5/Mar/2023")
    (?P<k_dmy>)                                                  # branch marker
    (?<![\w.,/:%(DASHC)s])                                       # not inside a longer token
    (?P<day>%(DAY)s)(?P<sep>[-/])                                # day and separator
    (?P<mon>%(MONTH)s)(?P=sep)                                   # month name, same separator
    (?P<year>%(YEAR)s)                                           # year
|
# ---- day first: "30 November", "Friday 12 March 2021", "the 30th of November", "17-18 March"
    (?P<k_dm>)                                                   # branch marker
    (?:(?P<wd>%(WDAY_ANY)s)[.,]{0,2}%(WS)s)?                     # optional weekday: "Fri, "
    (?:(?i:the)%(WS)s)?                                          # optional "the"
    %(NOTNUM)s(?P<day>%(DAY)s)%(ORD)s                            # day number, "30th"
    (?:                                                          # optional end of a day range:
        (?:%(WS)s)?(?P<conn>%(RCONN)s)(?:%(WS)s)?                #   "-", " to ", " and "
        (?:(?i:the)%(WS)s)?(?P<day2>%(DAY)s)%(ORD)s              #   "18", "the 18th"
    )?
    (?:%(WS)s(?i:of))?%(WS)s                                     # " of " / " "
    (?P<mon>%(MONTH)s)                                           # month name or abbreviation
    (?:,?%(WS)s(?P<year>%(YEAR)s))?                              # optional year
|
# ---- month first: "November 30", "Nov. 30, 2021", "Fri March 12, 2021", "July 9-11"
    (?P<k_md>)                                                   # branch marker
    (?:(?P<wd>%(WDAY_ANY)s)[.,]{0,2}%(WS)s)?                     # optional weekday
    (?P<mon>%(MONTH)s)%(WS)s                                     # month name or abbreviation
    (?:(?i:the)%(WS)s)?                                          # "March the 5th"
    (?P<day>%(DAY)s)%(ORD)s                                      # day number
    (?:                                                          # optional end of a day range:
        (?:%(WS)s)?(?P<conn>%(RCONN)s)(?:%(WS)s)?                #   "-", " and "
        (?P<day2>%(DAY)s)%(ORD)s                                 #   second day
    )?
    (?:,?%(WS)s(?P<year>%(YEAR)s))?                              # optional year
    (?!\w|[.,:]\d)                                               # not "May 5.5", "March 17:30"
|
# ---- month and year: "March 2014", "Nov. 2014", "March, 2014"
    (?P<k_my>)                                                   # branch marker
    (?P<mon>%(MONTH)s),?%(WS)s                                   # month name or abbreviation
    (?P<year>%(YEAR)s)                                           # year
|
# ---- part of a month: "early April", "mid-April 2014", "the end of May", "the last week of March"
    (?P<k_mp>)                                                   # branch marker
    %(PART)s                                                     # part words
    (?P<mon>%(MONTH_FULL)s)                                      # full month name
    (?:,?%(WS)s(?P<year>%(YEAR)s))?                              # optional year
|
# ---- part of a year: "early 2015", "mid-2015", "the end of 2014", "the first half of 2015"
    (?P<k_yp>)                                                   # branch marker
    %(PART)s                                                     # part words
    (?P<year>%(YEAR)s)                                           # year
|
# ---- relative week/month/year: "last week", "earlier this month", "the end of next year"
    (?P<k_rel>)                                                  # branch marker
    (?:                                                          # optional part:
        (?P<part>(?i:earlier|later|early|late|mid))(?:%(DASH)s|%(WS)s)       # "earlier this week"
      | (?i:(?:the%(WS)s)?(?P<part>end|beginning|start|middle)%(WS)sof)%(WS)s  # "the end of"
      | (?i:(?:the%(WS)s)?(?P<part>first|second|third|fourth|last|final)     # "the first half of"
        %(WS)s(?:half|quarter|weeks?|days|part)%(WS)sof)%(WS)s     #   ... "half of", "week of"
    )?
    (?<!\b(?i:the)%(WS)s)                                        # not "the last week" (a duration)
    (?P<mod>(?i:this%(WS)spast|this%(WS)scoming|last|this|next|past|coming))%(WS)s  # modifier
    (?P<unit>(?i:week|month|year))(?![\w\-])                     # unit, not "week-long"
    (?!%(WS)s(?i:of)\b)                                          # not "last week of March"
|
# ---- relative to the current week/month/year: "later in the week", "by the end of the year"
    (?P<k_rel0>)                                                 # branch marker
    (?i:                                                         # case-insensitive
        (?P<part>earlier|later)%(WS)sin%(WS)sthe%(WS)s           #   "later in the week"
      | (?:the%(WS)s)?(?P<part>end|beginning|start|middle)        #   "(the) end of the year"
        %(WS)sof%(WS)sthe%(WS)s                                  #   ... " of the "
    )
    (?P<unit>(?i:week|month|year))(?![\w\-])                     # unit
|
# ---- seasons: "this fall", "last winter", "in the spring", "late summer", "the summer of 2014"
    (?P<k_season>)                                               # branch marker
    (?:(?P<part>(?i:early|mid|late))(?:%(DASH)s|%(WS)s))?        # optional part
    (?:                                                          # optional modifier or article:
        (?P<mod>(?i:this%(WS)spast|this%(WS)scoming|last|next|this|coming|past))%(WS)s  # "this"
      | (?P<the>(?i:the))%(WS)s                                  #   or "the"
    )?
    (?P<season>(?i:spring|summer|autumn|fall|winter))(?![\w\-]) # season word
    (?:(?:%(WS)s(?i:of))?%(WS)s(?P<year>%(YEAR)s)                # optional year: "spring 2014"
       (?:[/%(DASHC)s]\d{2}(?:\d{2})?(?!\w))?)?                  #   "winter 2014/15"
|
# ---- weekends: "this weekend", "last weekend", "over the weekend"
    (?P<k_wkd>)                                                  # branch marker
    (?:
        (?P<mod>(?i:this%(WS)spast|this%(WS)scoming|last|this|next|past|coming))%(WS)s  # modifier
      | (?i:the)%(WS)s                                           # or "the"
    )
    (?i:weekend)(?![\w\-])                                       # "weekend"
|
# ---- weekdays: "Tuesday", "last Tuesday", "this coming Friday", "Tuesday night"
    (?P<k_wd>)                                                   # branch marker
    (?:(?P<mod>(?i:this%(WS)spast|this%(WS)scoming|last|next|this|coming|past))%(WS)s)?  # modifier
    (?P<wd>%(WEEKDAY)s)                                          # full weekday name
    (?:%(WS)s(?P<tod>(?i:morning|afternoon|evening|night))(?![\w\-]))?  # time of day
|
# ---- days relative to publication: "yesterday", "today", "last night", "this morning"
    (?P<k_rd>)                                                   # branch marker
    (?P<rd>                                                      # one of:
        (?i:the%(WS)sday%(WS)sbefore%(WS)syesterday)             #   -2
      | (?i:the%(WS)sday%(WS)safter%(WS)stomorrow)               #   +2
      | (?i:yesterday|tomorrow)                                  #   -1 / +1
      | (?i:last%(WS)s(?:night|evening))                         #   -1
      | (?i:this%(WS)s(?:morning|afternoon|evening))             #   0
      | (?i:(?:earlier|later)%(WS)s(?:today|tonight))            #   0
      | today|Today|TODAY|tonight|Tonight|TONIGHT                 #   0 ("Today" checked in code)
    )(?![\w\-])                                                  # not "today-style"
    (?:%(WS)s(?P<tod>(?i:morning|afternoon|evening|night))(?![\w\-]))?  # "yesterday morning"
|
# ---- days relative to another event: "the day before", "the next day", "a day later"
    (?P<k_ana>)                                                  # branch marker
    (?i:
        the%(WS)s(?P<ana>day%(WS)sbefore|day%(WS)safter          #   "the day before/after",
                        |previous%(WS)sday|next%(WS)sday         #   "the previous/next day",
                        |following%(WS)sday|same%(WS)sday)       #   "the following/same day"
      | a%(WS)sday%(WS)s(?P<ana>earlier|later|before|after)      #   "a day later"
    )(?![\w\-])                                                  # a whole word
|
# ---- counted offsets: "three days ago", "a week ago", "two years from now", "in two weeks' time"
    (?P<k_ago>)                                                  # branch marker
    (?:(?P<in>(?i:in))%(WS)s)?                                   # "in" of "in two weeks' time"
    (?P<num>(?i:an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)  # count
            |\d{1,2}(?!\d))                                      #   or 1-2 digits
    %(WS)s(?P<unit>(?i:days?|weeks?|months?|years?))(?![\w\-])   # unit
    (?:
        %(WS)s(?P<dir>(?i:ago|from%(WS)snow))(?![\w\-])          # "ago", "from now"
      | ['\u2019]?%(WS)s(?P<dir>(?i:time))(?![\w\-])             # "weeks' time"
    )
|
# ---- a bare month, possibly with a modifier: "in April", "last May" (context checked in code)
    (?P<k_m>)                                                    # branch marker
    (?:(?P<mod>(?i:this%(WS)scoming|last|next|this|coming))%(WS)s)?  # optional modifier
    (?P<mon>%(MONTH_FULL)s)                                      # full month name
|
# ---- a bare year: "in 2014", "since 1987/88" (context checked in code)
    (?P<k_y>)                                                    # branch marker
    %(NOTNUM)s(?P<year>%(YEAR)s)                                 # year
    (?:[/%(DASHC)s](?:\d{4}|\d{2})(?!\w))?                       # "2014-15", "1987/88"
    (?![.,]\d)                                                   # not "2014.5", "2014,000"
|
# ---- a day of the current month: "on the 30th" (context checked in code)
    (?P<k_dom>)                                                  # branch marker
    (?i:the)%(WS)s(?P<day>%(DAY)s)(?P<ord>(?i:st|nd|rd|th))(?!\w)  # "the 30th"
"""


def _expand(template: str) -> str:
    pieces = dict(_PIECES)
    pieces["PART"] = _PART_TEMPLATE % _PIECES
    return template % pieces


_BRANCHES: Final = tuple(_expand(b) for b in _MASTER_TEMPLATE.split("\n|\n"))
_FLAGS: Final = regex.VERBOSE | regex.VERSION0
# The kind groups of the branches, in order ("k_weekday", ...).
_KIND_GROUPS: Final = tuple(regex.findall(r"\(\?P<(k_\w+)>", "".join(_BRANCHES)))


def master_pattern() -> regex.Pattern[str]:
    """The whole alternation. `find_date_expressions` tries per-first-word subsets of it
    instead; tests check that both find the same expressions."""
    return regex.compile("|".join(f"(?<!\\w)(?:\n{b}\n)" for b in _BRANCHES), _FLAGS)


# Text between two expressions that makes them one range ("Tuesday and Wednesday",
# "30 March - 2 April 2014").
_RANGE_CONNECTOR: Final = regex.compile(
    r"""
    [^\S\n]{0,3}                                                 # optional blanks
    (?:[-\u2010\u2011\u2013\u2014&]                              # a dash or "&"
      | (?i:to|and|through|thru|until|till|or)\b)                # or a connecting word
    [^\S\n]{0,3}                                                 # optional blanks
    """,
    regex.VERBOSE,
)
# The word after a position, for the context checks.
_WORD_AFTER: Final = regex.compile(r"[^\S\n]{0,3}([\w'\u2019.\-]+)")


def _words_before(text: str, pos: int, n: int = 2) -> tuple[str, ...]:
    """The last `n` words before `pos`, lower-cased, outer punctuation stripped, nearest last.

    Returns an empty tuple when the token at `pos` is glued to the previous character.
    """
    if pos == 0:
        return ()
    if not text[pos - 1].isspace() and text[pos - 1] not in "(\"'\u201c\u2018":
        return ()
    chunk = text[max(0, pos - 48) : pos].split()
    words = [w.strip(".,;:!?\"'()[]\u201c\u201d\u2018\u2019").lower() for w in chunk[-n:]]
    return tuple(words)


def _word_after(text: str, pos: int) -> str:
    """The word after `pos` (skipping blanks), stripped of punctuation; "" if none."""
    m = _WORD_AFTER.match(text, pos)
    return m.group(1).strip(".,;:!?\"'()") if m else ""


def _at_sentence_start(text: str, pos: int) -> bool:
    """True when `pos` starts a sentence (or the text, or a line)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0\"'\u201c\u2018(":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n\u2014-"


def _g(m: regex.Match[str], name: str) -> str | None:
    """A group's text, or None when the group did not match or is not in this pattern."""
    return m.group(name) if name in m.re.groupindex else None


def _month_of(token: str) -> int:
    return _MONTH_NUMBER[token.rstrip(".").lower()]


def _int(value: str | None) -> int | None:
    return int(value) if value is not None else None


def _part_of(raw: str | None) -> str | None:
    if raw is None:
        return None
    return _PART_CANON.get(raw.split()[0].lower())


def _modifier_of(raw: str | None) -> str | None:
    """Normalise "this past" -> last, "this coming" -> coming, "past" -> last."""
    if raw is None:
        return None
    words = raw.lower().split()
    if words[-1] == "past":
        return "last"
    if words[-1] == "coming":
        return "coming"
    return words[0]


_MOD_OFFSET: Final = {"last": -1, "this": 0, "next": 1, "coming": 1}

# --------------------------------------------------------------------------------------------
# Building expressions from matches
# --------------------------------------------------------------------------------------------


def _max_day(month: int) -> int:
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def _valid_day(month: int | None, day: int | None, year: int | None) -> bool:
    if month is None or day is None:
        return True
    if year is None:
        return 1 <= day <= _max_day(month)
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _b_numeric(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    year = int(m.group("year"))
    if _g(m, "k_iso") is not None:
        month, day = int(m.group("month")), int(m.group("day"))
    else:
        n1, n2 = int(m.group("n1")), int(m.group("n2"))
        if m.group("sep") in ".-":  # European day-month-year, unless clearly month-first
            day, month = (n1, n2) if n2 <= 12 or n1 > 12 else (n2, n1)
        elif n1 > 12 >= n2:  # 30/11/2021
            day, month = n1, n2
        elif n2 > 12 >= n1:  # 11/30/2021
            month, day = n1, n2
        elif n1 == n2:
            day = month = n1
        else:  # 03/04/2021: ambiguous, keep only the year
            return DateExpression(s, e, text[s:e], "numeric", year=year)
        if not 1 <= month <= 12 or day == 0:
            return None
    if not _valid_day(month, day, None):
        return None
    return DateExpression(s, e, text[s:e], "numeric", year=year, month=month, day=day)


def _b_day_month(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    month = _month_of(m.group("mon"))
    day = int(m.group("day"))
    year = _int(m.group("year"))
    if not _valid_day(month, day, None):
        return None
    wd = _g(m, "wd")
    weekday = _WEEKDAY_NUMBER[wd.rstrip(".").lower()] if wd else None
    kind = "full_date" if year is not None else "day_month"
    if year is None and _word_after(text, e).lower() in _NAMED_DATE_AFTER:
        return None
    return DateExpression(s, e, text[s:e], kind, year=year, month=month, day=day, weekday=weekday)


def _b_month_year(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    return DateExpression(
        s, e, text[s:e], "month", year=int(m.group("year")), month=_month_of(m.group("mon"))
    )


def _b_month_part(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    return DateExpression(
        s,
        e,
        text[s:e],
        "month_part",
        year=_int(m.group("year")),
        month=_month_of(m.group("mon")),
        part=_part_of(m.group("part")),
    )


def _b_year_part(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    return DateExpression(
        s, e, text[s:e], "year_part", year=int(m.group("year")), part=_part_of(m.group("part"))
    )


def _b_relative(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    unit = m.group("unit").lower()
    if _g(m, "k_rel0") is not None:
        modifier, offset = "this", 0
    else:
        modifier = _modifier_of(m.group("mod"))
        offset = _MOD_OFFSET[modifier or "this"]
    return DateExpression(
        s,
        e,
        text[s:e],
        f"relative_{unit}",
        offset=offset,
        unit=unit,
        modifier=modifier,
        part=_part_of(m.group("part")),
    )


def _b_season(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    raw = m.group("season")
    season = raw.lower()
    year = _int(m.group("year"))
    modifier = _modifier_of(m.group("mod"))
    part = _part_of(m.group("part"))
    if raw[0].isupper() and raw[1:2].islower():
        # "Arab Spring", "the Spring Meetings", "Winter Olympics": a capitalised season next to
        # another capitalised word is a name.
        after = _word_after(text, m.end("season"))
        if year is None and after[:1].isupper():
            return None
    if year is None and modifier is None:
        after = _word_after(text, m.end("season")).lower()
        if season == "fall" and after in _FALL_NOT_SEASON_AFTER:
            return None  # "the fall of Kabul", "a fall in prices"
        if part is None:
            start_of_context = m.start("the") if m.group("the") else m.start("season")
            prev = _words_before(text, start_of_context, 1)
            if not prev or prev[-1] not in _SEASON_CONTEXT:
                return None
    return DateExpression(
        s,
        e,
        text[s:e],
        "season",
        year=year,
        modifier=modifier,
        part=part,
        season=_SEASON_CANON[season],
        month=_SEASON_START[season],
    )


def _b_weekend(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    modifier = _modifier_of(m.group("mod"))
    return DateExpression(s, e, text[s:e], "weekend", unit="week", modifier=modifier)


def _b_weekday(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    modifier = _modifier_of(m.group("mod"))
    if modifier is None:
        prev = _words_before(text, s, 1)
        if prev and prev[-1] in _NOT_WEEKDAY_BEFORE:
            return None
    if m.group("tod") is None:
        after = _word_after(text, m.end("wd"))
        if after[:1].isupper() and after.lower() in _NOT_WEEKDAY_AFTER:
            return None  # "Sunday Times", "Monday Club"
    weekday = _WEEKDAY_NUMBER[m.group("wd").lower()]
    return DateExpression(s, e, text[s:e], "weekday", weekday=weekday, modifier=modifier)


_RD_OFFSETS: Final = {"yesterday": -1, "tomorrow": 1, "last": -1}


def _b_relative_day(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    rd = m.group("rd")
    low = " ".join(rd.lower().split())
    if low in ("today", "tonight") and rd[0] == "T" and not _at_sentence_start(text, s):
        # "Russia Today", "USA Today", "the Today programme"; in an all-capitals headline
        # ("TALKS RESUME TODAY") the previous word is in capitals too, but not a name.
        prev = text[max(0, s - 24) : s].split()
        caps_headline = rd.isupper() and bool(prev) and prev[-1].isupper()
        if not caps_headline or prev[-1].strip(".,:;") in ("USA", "RUSSIA", "AMERICA"):
            return None
    if low.startswith("the day before"):
        offset = -2
    elif low.startswith("the day after"):
        offset = 2
    else:
        offset = _RD_OFFSETS.get(low.split()[0], 0)
    return DateExpression(s, e, text[s:e], "relative_day", offset=offset, unit="day")


def _b_anaphoric(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    ana = m.group("ana").lower()
    if ana.startswith("same"):
        offset = 0
    elif ana.startswith(("day before", "previous", "earlier", "before")):
        offset = -1
    else:
        offset = 1
    return DateExpression(s, e, text[s:e], "anaphoric_day", offset=offset, unit="day")


def _b_ago(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    raw_num = m.group("num").lower()
    num = _NUMBER_WORDS.get(raw_num) or int(raw_num)
    direction = m.group("dir").lower()
    if direction == "time":
        if m.group("in") is None:
            return None
        sign = 1
    else:
        sign = -1 if direction == "ago" else 1
        s = m.start("num")  # "in two days ago": the expression starts at the number
    if num == 0:
        return None
    unit = m.group("unit").lower().rstrip("s")
    return DateExpression(s, e, text[s:e], f"relative_{unit}", offset=sign * num, unit=unit)


def _month_context_ok(text: str, m: regex.Match[str]) -> bool:
    """Whether a bare month name (no day, no year, no modifier) is used as a date."""
    mon_start = m.start("mon")
    name = m.group("mon")
    prev = _words_before(text, mon_start, 3)
    if not prev:
        return False
    word = prev[-1]
    after = text[m.end("mon") : m.end("mon") + 12]
    if word in _RANGE_WORDS and len(prev) >= 2 and prev[-2] in _MONTH_NUMBER:
        return True  # "between March and May"
    if name.lower() != "may":
        return word in _MONTH_CONTEXT
    # "May": Theresa May, the modal at the start of a headline in capitals, "May said".
    if word in _MAY_STRONG:
        return not (word == "in" and len(prev) >= 2 and prev[-2] in _TRUST_WORDS)
    if word in _MAY_WEAK:
        stripped = after.lstrip()
        if not stripped or stripped[0] in ".,;:!?)":
            return True
        nxt = stripped.split()[0].lower() if stripped.split() else ""
        return nxt in ("and", "to", "or", "through", "until", "till")
    return False


def _b_month(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    modifier = _modifier_of(m.group("mod"))
    if modifier is None and not _month_context_ok(text, m):
        return None
    month = _month_of(m.group("mon"))
    return DateExpression(s, e, text[s:e], "month", month=month, modifier=modifier)


_YEAR: Final = regex.compile(r"(?:1[89]|20)\d\d")


def _b_year(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    prev = _words_before(text, s, 2)
    if not prev:
        return None
    word = prev[-1]
    ok = word in _YEAR_CONTEXT
    if not ok and word in _RANGE_WORDS and len(prev) >= 2:
        ok = _YEAR.fullmatch(prev[-2]) is not None  # "from 2014 to 2016"
    if not ok and word == "of" and len(prev) >= 2:
        ok = prev[-2] == "as"  # "as of 2015"
    if not ok and word == "as" and len(prev) >= 2:
        ok = prev[-2] in ("early", "late", "recently", "soon")  # "as early as 2015"
    if not ok:
        return None
    return DateExpression(s, e, text[s:e], "year", year=int(m.group("year")))


def _b_day_of_month(m: regex.Match[str], text: str, s: int, e: int) -> DateExpression | None:
    prev = _words_before(text, s, 1)
    if not prev or prev[-1] not in _DOM_CONTEXT:
        return None
    rest = text[e : e + 16]
    stripped = rest.lstrip()
    if stripped and stripped[0].isalnum():
        nxt = stripped.split()[0].lower()
        if nxt not in ("and", "or", "to"):
            return None  # "on the 30th anniversary", "by the 5th Fleet"
    return DateExpression(s, e, text[s:e], "day_of_month", day=int(m.group("day")))


_BUILDERS: Final[dict[str, Callable[[regex.Match[str], str, int, int], DateExpression | None]]] = {
    "k_iso": _b_numeric,
    "k_num": _b_numeric,
    "k_dmy": _b_day_month,
    "k_dm": _b_day_month,
    "k_md": _b_day_month,
    "k_my": _b_month_year,
    "k_mp": _b_month_part,
    "k_yp": _b_year_part,
    "k_rel": _b_relative,
    "k_rel0": _b_relative,
    "k_season": _b_season,
    "k_wkd": _b_weekend,
    "k_wd": _b_weekday,
    "k_rd": _b_relative_day,
    "k_ana": _b_anaphoric,
    "k_ago": _b_ago,
    "k_m": _b_month,
    "k_y": _b_year,
    "k_dom": _b_day_of_month,
}
assert set(_BUILDERS) == set(_KIND_GROUPS), "NOTE: keep _BUILDERS in sync with _MASTER_TEMPLATE"

_DAYLIKE: Final = frozenset({"day_month", "full_date", "numeric"})
_MONTHLIKE: Final = frozenset({"month", "month_part"})


def _merge_pair(a: DateExpression, b: DateExpression, text: str) -> DateExpression | None:
    """One range expression for "a - b" / "a and b" / "a to b", or None if they don't pair."""
    if a.year is not None and b.year is None:
        return None  # a range states its year at the end or on both sides, not on the start only
    if a.kind in _DAYLIKE and b.kind in _DAYLIKE and a.day is not None and b.day is not None:
        pass
    elif a.kind == b.kind == "weekday" and b.modifier is None:
        pass
    elif a.kind in _MONTHLIKE and b.kind in _MONTHLIKE and a.modifier is None:
        pass
    elif a.kind == b.kind == "year":
        pass
    else:
        return None
    year = a.year
    kind = a.kind
    if year is None and b.year is not None and a.month is not None and b.month is not None:
        year = b.year if a.month <= b.month else b.year - 1
        if kind == "day_month":
            kind = "full_date"
        if not _valid_day(a.month, a.day, year):
            return None
    return replace(a, end=b.end, text=text[a.start : b.end], kind=kind, year=year, range_end=b)


def _merge_ranges(exprs: list[DateExpression], text: str) -> list[DateExpression]:
    out: list[DateExpression] = []
    for expr in exprs:
        if out:
            prev = out[-1]
            if prev.range_end is None and _RANGE_CONNECTOR.fullmatch(text, prev.end, expr.start):
                merged = _merge_pair(prev, expr, text)
                if merged is not None:
                    out[-1] = merged
                    continue
        out.append(expr)
    return out


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation factored by common prefixes ("ma(?:rch|y)"), fast to scan with (the
    ``regex`` engine runs it several times faster than a flat alternation of the same words).

    >>> trie_pattern(["talk", "talks", "talked"])
    'talk(?:(?:ed|s))?'
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [regex.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# Every date expression contains at least one anchor: a digit, a month or weekday name, or one
# of these words. NOTE: keep in sync with the branches of _MASTER_TEMPLATE.
_ANCHOR_WORDS: Final = sorted(
    {w.lower() for w in (*_MONTHS, *_MONTH_ABBR, *_WEEKDAYS)}
    | set(
        "week weeks weekend month months year years day days yesterday today tonight tomorrow "
        "night morning afternoon evening spring summer autumn fall winter".split()
    )
)
_ANCHOR: Final = regex.compile(
    r"""
    \d+                                                          # a number
  | \b(?i:%s)\b                                                  # a date word (prefix trie)
    """
    % trie_pattern(_ANCHOR_WORDS),
    regex.VERBOSE,
)
# Words that can begin a date expression. NOTE: keep in sync with the branches of _MASTER_TEMPLATE
# (a test checks that every branch can only start with one of these, or a digit).
_STARTERS: Final = frozenset(
    {w.lower() for w in (*_MONTHS, *_MONTH_ABBR, *_WEEKDAYS, *_WEEKDAY_ABBR)}
    | set(_NUMBER_WORDS)
    | set(
        "the in early mid late end beginning start middle first second third fourth last final "
        "earlier later this next past coming yesterday tomorrow today tonight spring summer "
        "autumn fall winter".split()
    )
)
_DIGIT_KEY: Final = "#digit"


# For each starter word (and for digits), the indices of the branches of _BRANCHES it can
# begin: a branch belongs to a word when the word, in lower, capitalised or upper case, is a
# possible beginning of a match (``partial=True``). Trying only those branches at a position
# gives the same result as trying all of them, in the same order, and is ~5x faster. Written out
# because working it out needs every branch compiled (~0.6 s at start-up);
# ``branches_by_starter()`` works it out and a test checks that this table equals it.
_BRANCHES_OF_STARTERS: Final = {
    (0, 1, 2, 3, 15, 17): (_DIGIT_KEY,),
    (3, 4, 12): ("fri", "friday", "mon", "monday", "sat", "saturday", "sun", "sunday", "thu", "thur", "thurs",
                 "thursday", "tue", "tues", "tuesday", "wed", "wednesday"),
    (3, 6, 7, 8, 9, 10, 11, 13, 14, 18): ("the",),
    (4, 5, 10, 14, 15, 16): ("a",),
    (4, 5, 16): ("apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
                 "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep", "sept",
                 "september"),
    (6, 7, 8): ("final", "first", "fourth", "second", "third"),
    (6, 7, 8, 9): ("beginning", "end", "middle", "start"),
    (6, 7, 8, 9, 10): ("mid",),
    (6, 7, 8, 9, 10, 13): ("late",),
    (6, 7, 8, 10): ("early",),
    (6, 7, 8, 10, 11, 12, 13, 16): ("last",),
    (6, 7, 8, 15): ("four",),
    (8, 9, 13): ("earlier", "later"),
    (8, 10, 11, 12): ("past",),
    (8, 10, 11, 12, 13, 16): ("this",),
    (8, 10, 11, 12, 16): ("coming", "next"),
    (10,): ("autumn", "fall", "spring", "summer", "winter"),
    (13,): ("today", "tomorrow", "tonight", "yesterday"),
    (15,): ("an", "eight", "eleven", "five", "in", "nine", "one", "seven", "six", "ten", "three", "twelve", "two"),
}
_STARTER_BRANCHES: Final = {word: subset for subset, words in _BRANCHES_OF_STARTERS.items() for word in words}
# Some starters begin their longer branches only when a certain word follows them, as those
# branches spell out: a weekday or a month name a longer date ("Tuesday, March 12", "March 12",
# "March 2014") only before a day number, a month name or a year, "in" a count only before a
# number ("in two weeks' time"). Without it, only the other branches are tried at that word;
# the longer ones, the costliest to compile, are then compiled only once a text needs them.
# Each: the words, what must follow them for the longer branches, and the branches left.
_NARROWINGS: Final = (
    (  # "Tue., 12 March" (k_dm), "Tuesday, March 12" (k_md); else "Tuesday" (k_wd)
        [w for w, s in _STARTER_BRANCHES.items() if s == _STARTER_BRANCHES["tuesday"]],
        r"\.?[.,]{0,2}%(WS)s(?:(?i:the)%(WS)s)?[0-9A-Z]",
        ("k_wd",),
    ),
    (  # "April 12" (k_md), "April, 2014" (k_my); else "April" (k_m)
        [w for w, s in _STARTER_BRANCHES.items() if s == _STARTER_BRANCHES["april"]],
        r"\.?,?%(WS)s(?:(?i:the)%(WS)s)?[0-9]",
        ("k_m",),
    ),
    (  # "in two weeks' time" (k_ago); else nothing
        ["in"],
        r"%(WS)s(?:(?i:an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\d)",
        (),
    ),
)
_NARROWED: Final = {
    word: (guard, tuple(_KIND_GROUPS.index(k) for k in kinds))
    for words, after, kinds in _NARROWINGS
    for guard in [regex.compile(after % _PIECES)]
    for word in words
}


def branches_by_starter() -> dict[str, tuple[int, ...]]:
    """Work out, from the compiled branches, which branches each starter word can begin (what
    ``_BRANCHES_OF_STARTERS`` writes out)."""
    compiled = [regex.compile(b, _FLAGS) for b in _BRANCHES]
    samples = {w: (w, w.capitalize(), w.upper()) for w in _STARTERS}
    samples[_DIGIT_KEY] = tuple("0123456789")
    out = {}
    for key, tokens in samples.items():
        subset = tuple(i for i, branch in enumerate(compiled) if any(branch.match(t, partial=True) is not None for t in tokens))
        if subset:
            out[key] = subset
    return out


@functools.cache
def _branch_pattern(subset: tuple[int, ...]) -> tuple[regex.Pattern[str], tuple[str, ...]]:
    """The alternation of some branches, each starting a word, and its kind groups; compiled
    on first use (each costs ~25 ms to compile)."""
    branches = (f"(?<!\\w)(?:\n{_BRANCHES[i]}\n)" for i in subset)  # start a word
    pattern = regex.compile("|".join(branches), _FLAGS)
    return pattern, tuple(n for n in pattern.groupindex if n.startswith("k_"))


_WORD_START: Final = regex.compile(r"(?<!\w)\w+")
# The longest lead before an anchor is "the fourth quarter of this past " (32 characters, up to
# ~45 with the widest allowed spacing).
_LOOKBACK: Final = 64


def find_date_expressions(
    text: str, start: int = 0, end: int | None = None
) -> list[DateExpression]:
    """All date expressions in `text[start:end]`, in order, non-overlapping, offsets absolute.

    Words just before `start` may serve as context ("in" of "in April").

    Args:
        text: The document text.
        start: Offset where the search starts.
        end: Offset where it ends (default: the end of the text).

    Returns:
        The expressions, possibly empty.

    Examples:
        >>> [e.text for e in find_date_expressions("Talks on Tuesday and in early April.")]
        ['Tuesday', 'early April']
        >>> find_date_expressions("Theresa May may suspend the march.")
        []
    """
    n = len(text)
    end = n if end is None else max(0, min(end, n))
    start = max(0, min(start, end))
    found: list[DateExpression] = []
    pos = start  # nothing may start before this (end of the last match)
    tried = start  # candidate starts below this were already tried
    # This emulates `_MASTER.finditer(text, start, end)` (leftmost match first, then continue
    # after it) but only tries word starts that can begin an expression, within _LOOKBACK
    # characters before an anchor, and only the branches that can begin with that word: the
    # full alternation tried at every position runs at ~0.2 MB/s, this at ~10 MB/s.
    for anchor in _ANCHOR.finditer(text, start, end):
        a = anchor.start()
        if a < pos:
            continue
        lo = max(pos, tried, a - _LOOKBACK)
        for w in _WORD_START.finditer(text, lo, end):
            s = w.start()
            if s > a:
                break
            if s < pos:
                continue
            word = w.group()
            key = _DIGIT_KEY if word[0].isdigit() else word.lower()
            subset = _STARTER_BRANCHES.get(key)
            if subset is None:
                continue
            narrowed = _NARROWED.get(key)
            if narrowed is not None and narrowed[0].match(text, w.end(), end) is None:
                subset = narrowed[1]
                if not subset:
                    continue
            pattern, kinds = _branch_pattern(subset)
            m = pattern.match(text, s, end)
            if m is None:
                continue
            e = m.end()
            for group in kinds:
                if m.start(group) >= 0:
                    expr = _BUILDERS[group](m, text, s, e)
                    if expr is not None:
                        found.append(expr)
                    break
            pos = e
        tried = max(tried, a + 1)
    return _merge_ranges(found, text)


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------

_Resolved = tuple[datetime.date, Precision] | None


def _monday(d: datetime.date) -> datetime.date:
    return d - datetime.timedelta(days=d.weekday())


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    y, m0 = divmod(year * 12 + month - 1 + k, 12)
    return y, m0 + 1


def _pick(cands: list[datetime.date], p: datetime.date, tense: str | None) -> datetime.date | None:
    """The candidate that fits the tense: latest <= p, earliest >= p, or nearest to p."""
    if not cands:
        return None
    if tense == "past":
        before = [d for d in cands if d <= p]
        return max(before) if before else None
    if tense == "future":
        after = [d for d in cands if d >= p]
        return min(after) if after else None
    return min(cands, key=lambda d: (abs((d - p).days), d < p))


def _r_weekday(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    assert x.weekday is not None
    back = (p.weekday() - x.weekday) % 7  # days back to the most recent such day (0 = today)
    fwd = (x.weekday - p.weekday()) % 7  # days ahead to the next such day (0 = today)
    mod = x.modifier
    if mod == "last":
        d = p - datetime.timedelta(days=back or 7)
    elif mod in ("next", "coming"):
        d = p + datetime.timedelta(days=fwd or 7)
    elif mod == "this" and tense not in ("past", "future"):
        d = _monday(p) + datetime.timedelta(days=x.weekday)  # the day of the publication's ISO week
    elif tense == "future":
        d = p + datetime.timedelta(days=fwd)  # same weekday as publication: the publication day
    else:
        d = p - datetime.timedelta(days=back)  # same weekday as publication: the publication day
    return d, "day"


def _r_weekend(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    week = _monday(p)
    mod = x.modifier
    if mod == "last":
        week -= datetime.timedelta(days=7)
    elif mod == "next":
        week += datetime.timedelta(days=7)
    elif mod == "coming":
        week += datetime.timedelta(days=7 if p.weekday() == 6 else 0)
    elif (tense == "past" and p.weekday() < 5) or (
        tense is None and mod is None and p.weekday() < 2
    ):
        week -= datetime.timedelta(days=7)  # "over the weekend" on a Monday: the one just gone
    return week, "week"


def _r_relative_day(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    assert x.offset is not None
    return p + datetime.timedelta(days=x.offset), "day"


def _r_relative_week(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    assert x.offset is not None
    offset = x.offset
    if x.modifier == "coming":
        offset = 1 if p.weekday() >= 5 else 0  # "this coming week" from a weekend: next week
    return _monday(p) + datetime.timedelta(days=7 * offset), "week"


def _r_relative_month(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    assert x.offset is not None
    y, m = _add_months(p.year, p.month, x.offset)
    return datetime.date(y, m, 1), "month"


def _r_relative_year(x: DateExpression, p: datetime.date, tense: str | None) -> _Resolved:
    assert x.offset is not None
    return datetime.date(p.year + x.offset, 1, 1), "year"


def _month_year(month: int, modifier: str | None, p: datetime.date, tense: str | None) -> int:
    """The year of a month named without one ("in April", "last May")."""
    if modifier == "last":
        return p.year if month < p.month else p.year - 1
    if modifier == "next":
        return p.year if month > p.month else p.year + 1
    if modifier == "coming":
        return p.year if month >= p.month else p.year + 1
    if modifier == "this":
        return p.year
    if tense == "past":
        return p.year if month <= p.month else p.year - 1
    if tense == "future":
        return p.year if month >= p.month else p.year + 1
    diff = month - p.month  # nearest occurrence, same year unless more than 6 months away
    if diff > 6:
        return p.year - 1
    if diff < -6:
        return p.year + 1
    return p.year


def _r_month(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    assert x.month is not None
    if x.year is not None:
        return datetime.date(x.year, x.month, 1), "month"
    if p is None:
        return None
    return datetime.date(_month_year(x.month, x.modifier, p, tense), x.month, 1), "month"


def _r_day(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    if x.month is None or x.day is None:  # ambiguous numeric date: only the year is known
        return (datetime.date(x.year, 1, 1), "year") if x.year is not None else None
    if x.year is not None:
        return datetime.date(x.year, x.month, x.day), "day"
    if p is None:
        return None
    cands = []
    for y in (p.year - 1, p.year, p.year + 1):
        if _valid_day(x.month, x.day, y):
            cands.append(datetime.date(y, x.month, x.day))
    if x.weekday is not None:
        agree = [d for d in cands if d.weekday() == x.weekday]
        if agree:
            best = _pick(agree, p, tense) or _pick(agree, p, None)
            return (best, "day") if best is not None else None
    d = _pick(cands, p, tense)
    return (d, "day") if d is not None else None


def _r_day_of_month(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    assert x.day is not None
    if p is None:
        return None
    cands = []
    for k in (-2, -1, 0, 1, 2):
        y, m = _add_months(p.year, p.month, k)
        if _valid_day(m, x.day, y):
            cands.append(datetime.date(y, m, x.day))
    if tense not in ("past", "future") and _valid_day(p.month, x.day, p.year):
        return datetime.date(p.year, p.month, x.day), "day"  # no tense: the publication month
    d = _pick(cands, p, tense)
    return (d, "day") if d is not None else None


def _r_year(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    assert x.year is not None
    return datetime.date(x.year, 1, 1), "year"


def _season_bounds(season: str, year: int) -> tuple[datetime.date, datetime.date]:
    first = _SEASON_FIRST_MONTH[season]
    y2, m2 = _add_months(year, first, 3)
    return datetime.date(year, first, 1), datetime.date(y2, m2, 1)


def _r_season(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    assert x.season is not None
    if x.year is not None:
        year = x.year
    else:
        if p is None:
            return None
        years = (p.year - 2, p.year - 1, p.year, p.year + 1)
        spans = {y: _season_bounds(x.season, y) for y in years}
        containing = [y for y in years if spans[y][0] <= p < spans[y][1]]
        mod = x.modifier
        if mod == "last":
            year = max(y for y in years if spans[y][1] <= p)
        elif mod in ("next", "coming"):
            year = min(y for y in years if spans[y][0] > p)
        elif containing:
            year = containing[0]
        elif tense == "past":
            year = max(y for y in years if spans[y][0] <= p)
        elif tense == "future":
            year = min(y for y in years if spans[y][0] > p)
        elif mod == "this":
            year = p.year
        else:  # "in the spring" without tense: the nearest instance
            year = min(years, key=lambda y: abs((spans[y][0] - p).days))
    y, m = _add_months(year, _SEASON_FIRST_MONTH[x.season], _PART_MONTH_INDEX[x.part])
    return datetime.date(y, m, 1), "month"


def _r_none(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
    return None


def _needs_published(
    f: Callable[[DateExpression, datetime.date, str | None], _Resolved],
) -> Callable[[DateExpression, datetime.date | None, str | None], _Resolved]:
    def wrapped(x: DateExpression, p: datetime.date | None, tense: str | None) -> _Resolved:
        return None if p is None else f(x, p, tense)

    return wrapped


_Resolver = Callable[[DateExpression, datetime.date | None, str | None], _Resolved]
_RESOLVERS: Final[dict[str, _Resolver]] = {
    "weekday": _needs_published(_r_weekday),
    "weekend": _needs_published(_r_weekend),
    "relative_day": _needs_published(_r_relative_day),
    "anaphoric_day": _r_none,
    "relative_week": _needs_published(_r_relative_week),
    "relative_month": _needs_published(_r_relative_month),
    "relative_year": _needs_published(_r_relative_year),
    "month": _r_month,
    "month_part": _r_month,
    "day_month": _r_day,
    "full_date": _r_day,
    "numeric": _r_day,
    "day_of_month": _r_day_of_month,
    "year": _r_year,
    "year_part": _r_year,
    "season": _r_season,
}


def resolve(
    expr: DateExpression, published: datetime.date | None, tense: Tense | None = None
) -> ResolvedDate | None:
    """Resolve a date expression against the publication date.

    Args:
        expr: An expression from `find_date_expressions`.
        published: The publication date; relative expressions need it.
        tense: The tense of the clause the expression belongs to; "present" is treated like
            None except for weekdays, where past, present and None all look back.

    Returns:
        The resolved date, or None when the expression cannot be resolved (a relative
        expression without a publication date, an anaphoric "the day before", a Feb 29 with no
        leap year in reach, an invalid stated date).

    Examples:
        >>> e = find_date_expressions("They met on Tuesday.")[0]
        >>> render(resolve(e, datetime.date(2014, 1, 29), "past"))
        '2014-01-28'
    """
    t = tense if tense in ("past", "future") else None
    resolver = _RESOLVERS.get(expr.kind)
    if resolver is None:
        return None
    try:
        out = resolver(expr, published, t)
    except (ValueError, OverflowError):
        return None
    if out is None:
        return None
    value, precision = out
    return ResolvedDate(value, precision, expr.start, expr.end, expr.text)


def render(resolved: ResolvedDate) -> str:
    """The gold-file form of a resolved date: YYYY-MM-DD, YYYY-Www (ISO week), YYYY-MM or YYYY.

    Examples:
        >>> render(ResolvedDate(datetime.date(2015, 12, 28), "week", 0, 9, "next week"))
        '2015-W53'
        >>> render(ResolvedDate(datetime.date(2014, 4, 1), "month", 0, 11, "early April"))
        '2014-04'
    """
    v = resolved.value
    if resolved.precision == "day":
        return f"{v.year:04d}-{v.month:02d}-{v.day:02d}"
    if resolved.precision == "week":
        iso = v.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if resolved.precision == "month":
        return f"{v.year:04d}-{v.month:02d}"
    return f"{v.year:04d}"


# --------------------------------------------------------------------------------------------
# Publication dates
# --------------------------------------------------------------------------------------------

_PUB_WINDOW: Final = 1500  # only the head of a document carries its stamps

# The stamp and dateline patterns are compiled when a document first needs them (one given
# without a publication date, or find_dateline): together they cost ~8 ms to compile, more
# than the rest of this module, and most callers pass the date.


@functools.cache
def _dateline() -> regex.Pattern[str]:
    """A news dateline: "MOSCOW, June 26 (RIA Novosti) -"."""
    return regex.compile(
        _expand(
            r"""
    (?P<place>[A-Z][\w'\u2019.\-]+(?:[^\S\n][A-Z][\w'\u2019.\-]+){0,3})  # "MOSCOW", "NEW YORK"
    (?:,[^\S\n]{1,2}[A-Z][\w'\u2019.\-]*(?:[^\S\n][A-Z][\w'\u2019.\-]+){0,2}){0,2}  # ", Ukraine"
    ,[^\S\n]{1,2}                                                # comma before the date
    (?P<date>                                                    # the date:
        (?P<mon>%(MONTH)s)[^\S\n]{1,2}(?P<day>%(DAY)s)%(ORD)s    #   "June 26", "Jan. 5"
      | (?P<day>%(DAY)s)%(ORD)s[^\S\n]{1,2}(?P<mon>%(MONTH)s)    #   "26 June"
    )
    (?:,?[^\S\n]{1,2}(?P<year>%(YEAR)s))?                        # optional year
    [^\S\n]{0,3}                                                 # blanks
    (?:\([^)\n]{1,40}\)[^\S\n]{0,3})?                            # optional "(RIA Novosti)"
    (?:%(DASH)s|/|:|\(|$)                                        # "-", "/PRNewswire/", ":"
            """
        ),
        regex.VERBOSE | regex.MULTILINE,
    )


@functools.cache
def _dateline_start() -> regex.Pattern[str]:
    """Where a dateline may start: the text start, a line start, or after a sentence end (for
    texts whose line breaks were collapsed)."""
    return regex.compile(
        r"""
    \n[^\S\n]*                                                  # a line start and its indentation
  | [.!?"\u201d\u2019|][^\S\n]{1,3}(?=[A-Z])                      # a sentence end
        """,
        regex.VERBOSE,
    )


def _datelines(text: str, window: int) -> list[regex.Match[str]]:
    starts = [len(text[:window]) - len(text[:window].lstrip(" \t\u00a0"))]
    starts += [m.end() for m in _dateline_start().finditer(text, 0, window)]
    out = []
    for pos in starts:
        m = _dateline().match(text, pos, window)
        if m is not None:
            out.append(m)
    return out


@functools.cache
def _stamp_label() -> regex.Pattern[str]:
    """A stamp's label: "Published", "Last updated"."""
    return regex.compile(
        r"""
    \b(?P<label>                                                 # a stamp label:
        (?i:first[^\S\n]+published|published|posted|created|issued|dated|date)  # publication
      | (?i:last[^\S\n]+updated|last[^\S\n]+modified|updated|update|modified)   # update
    )\b
        """,
        regex.VERBOSE,
    )


@functools.cache
def _label_with_colon() -> regex.Pattern[str]:
    """A label, a colon and what follows it on the line: "Published: 12th Mar '23"."""
    return regex.compile(
        r"""
    \b(?i:published|posted|updated|date)                         # a label
    (?:[^\S\n]+(?i:on))?                                         # optional "on"
    [^\S\n]*:[^\S\n]*                                            # a colon
    (?P<rest>[^\n]{4,40})                                        # what follows on the line
        """,
        regex.VERBOSE,
    )


_LINE: Final = regex.compile(r"[^\n]+")
# every year a stamp can state (the "year" groups of the branches: 1800-2099 in four digits)
_YEAR_DIGITS: Final = regex.compile(r"(?:1[89]|20)\d\d")
_LOWER_WORD: Final = regex.compile(r"\b[a-z][a-z]+\b")
_US_ZONE: Final = regex.compile(r"\b(?:E[SD]T|C[SD]T|M[SD]T|P[SD]T|ET|PT)\b")
# Lower-case words that may sit on a stamp line ("2:03 pm", "by", "5 min read").
_STAMP_FILLER: Final = frozenset({
    "am", "pm", "by", "updated", "published", "posted", "last", "first", "update", "modified",
    "min", "mins", "read", "ago", "hour", "hours", "minutes", "utc", "gmt", "et",
})  # fmt: skip
# ... and between a label and its date ("Published on", "Updated at 3:04 pm on").
_LABEL_FILLER: Final = _STAMP_FILLER | {"on", "at", "of"}


def _sentence_words(fragment: str, filler: frozenset[str] = _STAMP_FILLER) -> int:
    return sum(1 for w in _LOWER_WORD.findall(fragment) if w not in filler)


_MONTH_FIRST: Final = regex.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _numeric_month_first(expr: DateExpression) -> datetime.date | None:
    m = _MONTH_FIRST.match(expr.text)
    if m is None:
        return None
    try:
        return datetime.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def _stamp_candidates(text: str, window: int) -> list[tuple[int, int, PublicationDate]]:
    """(rank, start, date) for every stamp-like date in the head of the text."""
    out: list[tuple[int, int, PublicationDate]] = []
    for line in _LINE.finditer(text, 0, window):
        ls, le = line.span()
        if _YEAR_DIGITS.search(text, ls, le) is None:
            continue  # a stamp states its year: no expression of this line can be one
        exprs = find_date_expressions(text, ls, le)
        if not exprs:
            continue
        residue = "".join(text[a:b] for a, b in _gaps(ls, le, exprs))
        stamp_line = le - ls <= 120 and _sentence_words(residue) == 0
        us_zone = _US_ZONE.search(text, ls, le) is not None
        prev_end = ls
        for expr in exprs:
            gap_start, prev_end = prev_end, expr.end
            if expr.year is None or expr.kind not in _DAYLIKE:
                continue
            if expr.day is not None and expr.month is not None:
                try:
                    value = datetime.date(expr.year, expr.month, expr.day)
                except ValueError:
                    continue
            elif us_zone and (v := _numeric_month_first(expr)) is not None:
                value = v
            else:
                continue
            segment = text[gap_start : expr.start]
            labels = list(_stamp_label().finditer(segment))
            label = labels[-1] if labels else None
            adjacent = (
                label is not None and _sentence_words(segment[label.end() :], _LABEL_FILLER) == 0
            )
            if adjacent and label is not None:
                published_like = not label.group("label").lower().startswith(
                    ("update", "last", "modified")
                )
                rank = 3 if published_like else 1
            elif stamp_line:
                rank = 2
            else:
                continue
            source = "byline" if text[ls:le].lstrip().lower().startswith("by ") else "stamp"
            found = PublicationDate(value, expr.start, expr.end, expr.text, source)
            out.append((rank, expr.start, found))
    return out


def _gaps(ls: int, le: int, exprs: list[DateExpression]) -> list[tuple[int, int]]:
    spans, pos = [], ls
    for e in exprs:
        spans.append((pos, e.start))
        pos = e.end
    spans.append((pos, le))
    return spans


def _dateparser_stamp(text: str, window: int) -> PublicationDate | None:
    """Fallback for labelled stamps the fast path cannot read ("Published: 12th Mar '23")."""
    for m in _label_with_colon().finditer(text, 0, window):
        rest = m.group("rest")
        if not any(c.isdigit() for c in rest):
            continue
        import dateparser  # noqa: PLC0415 - slow import (~0.5 s), only needed here

        parsed = dateparser.parse(
            rest,
            languages=["en"],
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PARSERS": ["custom-formats", "absolute-time"],
                "STRICT_PARSING": True,
            },
        )
        if parsed is not None and 1800 <= parsed.year <= 2100:
            s = m.start("rest")
            stripped = rest.rstrip()
            return PublicationDate(parsed.date(), s, s + len(stripped), stripped, "stamp")
    return None


def find_dateline(text: str) -> tuple[int, int, tuple[int, int]] | None:
    """The month and day of a news dateline in the head of the text.

    Datelines such as "MOSCOW, June 26 (RIA Novosti) -" often have no year; callers that know
    the year (from metadata) can combine the two. Datelines with a year are also reported by
    `find_publication_date`.

    Args:
        text: The document text.

    Returns:
        `(month, day, (start, end))` with the span of the date inside the dateline (its year
        included when there is one), or None.

    Examples:
        >>> find_dateline("MOSCOW, June 26 (RIA Novosti) - Russia's foreign minister said")
        (6, 26, (8, 15))
    """
    for m in _datelines(text, min(len(text), _PUB_WINDOW)):
        month, day = _month_of(m.group("mon")), int(m.group("day"))
        if _valid_day(month, day, None):
            end = m.end("year") if m.group("year") else m.end("date")
            return month, day, (m.start("date"), end)
    return None


def find_publication_date(text: str) -> PublicationDate | None:
    """The publication date stated in the head of the document (first ~1500 characters).

    Only stamp-like places count: a line that is mostly a date ("January 28, 2014, 2:03 pm",
    "Ahmet Gencturk | 05.07.2024 - Update : 06.07.2024"), a date right after a label
    ("Published: 12 March 2023", "Updated 3:04 PM EDT, Fri March 12, 2021") and a dateline with
    a year ("WASHINGTON, March 12, 2021 (Reuters) -"). Dates inside sentences are events, not
    stamps. A "Published"/"Posted" date beats an unlabelled stamp or a dateline, which beat an
    "Updated" date; ties go to the earliest. A dateline without a year ("MOSCOW, June 26") gives
    None here: only dates whose year the text states are returned; see `find_dateline`.

    Args:
        text: The document text.

    Returns:
        The publication date, or None.

    Examples:
        >>> find_publication_date("Ahmet Gencturk  | 05.07.2024 - Update : 06.07.2024\\n").value
        datetime.date(2024, 7, 5)
    """
    window = min(len(text), _PUB_WINDOW)
    cands: list[tuple[int, int, PublicationDate]] = []
    for m in _datelines(text, window):
        if m.group("year") is None:
            continue
        month, day, year = _month_of(m.group("mon")), int(m.group("day")), int(m.group("year"))
        if _valid_day(month, day, year):
            s, e = m.span("date")[0], m.end("year")
            value = datetime.date(year, month, day)
            cands.append((2, s, PublicationDate(value, s, e, text[s:e], "dateline")))
    claimed = {c[1] for c in cands}
    cands += [c for c in _stamp_candidates(text, window) if c[1] not in claimed]
    if cands:
        return min(cands, key=lambda c: (-c[0], c[1]))[2]
    return _dateparser_stamp(text, window)
