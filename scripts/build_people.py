#!/usr/bin/env python3
"""Build ``src/diplo_events/data/people.tsv`` from the PETRARCH dictionaries
plus the hand-curated ``scripts/people_supplement.tsv``.

Run by hand by developers (never at run time)::

    python scripts/build_people.py [--petrarch DIR] [--supplement FILE] [--out FILE]

Defaults: ``../shared/data/petrarch`` (relative to the repository root, i.e.
``/work/shared/data/petrarch``), ``scripts/people_supplement.tsv`` and
``src/diplo_events/data/people.tsv``.  The output is deterministic (sorted,
no timestamps) so re-running it on unchanged inputs gives a byte-identical file.

Output columns: ``name  aliases  code  role  start  end`` (see the header that
is written into the file).

How PETRARCH (TABARI format) is read
------------------------------------
* ``NAME_`` starts an entry, ``+ALIAS_`` adds a synonym, ``[CODE ...]`` (on
  its own line or on the name line) adds a code.  A name line that follows a
  name/alias line of an entry which has no codes yet is treated as a synonym of
  that entry (PETRARCH uses runs of bare name lines as synonyms, e.g. the
  ``BORIS_YELTSIN_`` block).  ``#`` starts a comment.
* Which entries are *people*: in ``Phoenix.Countries.actors.txt`` the entries
  tagged ``# CountryInfo.txt`` plus other entries with a dated code whose name
  does not look like an institution/place; in
  ``Phoenix.International.actors.txt`` entries with at least one dated code or
  tagged ``IGOrulers.txt``.  Undated organisation names (``IAEA_ [IGOUNOIAE]``)
  are therefore not people.
* Dates: ``[CODE YYMMDD-YYMMDD]``, ``[CODE >YYMMDD]`` (from), ``[CODE <YYMMDD]``
  (until), ``[CODE]`` (undated); 8-digit ``YYYYMMDD`` also occurs.  Two-digit
  years: YY >= 30 -> 19YY, else 20YY.  The source uses 8-digit dates for the
  pre-1930 cases (e.g. ``[VNMELI 19210101-750421]``); if a 6-digit start with
  YY < 30 would come after its end it is read as 19YY instead.  Impossible days
  (``040931``) are clamped to the month's last day; unparseable dates drop the
  code (counted in the summary printed to stderr).
* Undated codes are kept (with empty start/end) only for a person who has no
  dated row left after the sector filter below; otherwise they are dropped
  (they are mostly PETRARCH's catch-all ``[XXXELI]`` "former official" codes
  that would otherwise shadow every later office).

CAMEO sector mapping (which codes are kept)
-------------------------------------------
A CAMEO actor code is a 3-letter country (or ``IGO`` + region + organisation)
followed by 3-letter role/sector tokens.  The *first* role token decides:

* kept: none (plain country code), ``GOV`` (government; any secondary sector
  such as ``GOVBUS``/``GOVMIL``/``GOVAGR`` is a government minister of that
  portfolio and is kept), ``MIL`` (armed forces), ``ELI`` (elites: former or
  future officials, royals, senior statesmen), ``LEG`` (legislators), ``SPY``
  (state intelligence chiefs; they represent their state).
* dropped: ``OPP`` (opposition), ``REB``/``INS``/``SEP``/``UAF`` (rebels,
  insurgents, separatists, armed groups), ``PTY`` (parties), ``BUS``/``MNC``
  (business), ``MED`` (media), ``NGO``/``HRI``/``CVL``/``EDU``/``HLH``/``REL``
  and religious codes (civil society), ``CRM`` (criminals), ``COP``/``JUD``
  (police and courts: state organs but not diplomatic representatives),
  ``UNR`` (unrecognised entities), ``OCC`` (occupation authorities),
  ``REF``/``LAB``/``AGR``/``ENV``/``DEV`` as *primary* role, and any code whose
  first triple is not a country (``MNCUSA``, ``NGO...``, ``CHR...``).
* a territory triple after the country (``GBRVGBGOV``, ``DNKFROGOV``,
  ``USAPRIGOV``, ``SUNRUS``) is skipped: the person is coded to the sovereign
  state (first triple).
* ``IGO`` codes are mapped to the library's organisation codes
  (``IGO_MAP``/``IGO_PREFIX_MAP`` below); IGO codes with no mapping are
  dropped.  ``IGOEUREEC`` rows commented "president of the CoEU" (a national
  foreign minister chairing the rotating Council presidency) are dropped, as are
  ``IGOEUREEC`` rows spanning exactly one presidency semester (01-01..06-30 or
  07-01..12-31, the same pattern in the countries file): those people
  represent their own state.

Historical states
-----------------
USSR = ``SUN``, Yugoslavia (SFRY, FRY and Serbia and Montenegro) = ``YUG``,
Czechoslovakia = ``CSK``, East Germany = ``DDR`` (West Germany stays ``DEU``),
Kosovo = ``XKX``.  PETRARCH codes many Soviet officials as ``RUS``/``GEO``/...;
any PETRARCH row of a former Soviet republic (other than the Baltic states) is
split at that republic's independence date and the earlier part recoded to
``SUN`` (``SOVIET_SUCCESSORS``); likewise Yugoslav republics -> ``YUG`` and
Czech/Slovak rows before 1993-01-01 -> ``CSK``.  The supplement fixes the
well-known Soviet leadership explicitly.

Supplement (``scripts/people_supplement.tsv``)
----------------------------------------------
Same columns as the output.  A supplement person is matched to PETRARCH
entries by any shared full name form (name or alias, compared case-, accent-
and punctuation-insensitively).  For a matched person:

* the supplement's ``name`` becomes the canonical name and aliases are merged;
* the supplement is authoritative from its earliest ``start`` on: PETRARCH rows
  ending before it are kept, rows overlapping it are cut to end the day before,
  later rows are dropped; PETRARCH undated rows are dropped;
* a supplement row whose ``code`` is ``-`` (no dates) drops *all* PETRARCH
  rows of that person (full replacement, used e.g. where PETRARCH's early
  rows carry the wrong state).
"""
from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

try:  # dev-time only; falls back to the PETRARCH country list
    import pycountry
except ImportError:  # pragma: no cover
    pycountry = None

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PETRARCH = REPO.parent / "shared" / "data" / "petrarch"
DEFAULT_SUPPLEMENT = REPO / "scripts" / "people_supplement.tsv"
DEFAULT_OUT = REPO / "src" / "diplo_events" / "data" / "people.tsv"

HEADER = ["name", "aliases", "code", "role", "start", "end"]

ORG_CODES = {"NATO", "EU", "UN", "OSCE", "OPCW", "AU", "ASEAN", "CSTO", "G7",
             "G20", "IAEA", "ICRC", "IMF", "WTO", "LAS", "OPEC"}
HISTORICAL = {"SUN", "YUG", "DDR", "CSK", "XKX"}

# Full IGO codes first, then prefixes (longest prefix wins).
IGO_MAP = {
    "IGOUNOIAE": "IAEA",
    "IGOUNODEVWBK": None, "IGOUNODEVWBKEDU": None, "IGOUNOWBK": None,
    "IGOUNOAIE": None,  # International Energy Agency (not UN)
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOEURSCE": "OSCE",
    "IGOBUSIMF": "IMF",
    "IGOBUSWTO": "WTO",
    "IGOAFRAFU": "AU",
    "IGOAFROAU": "AU",  # Organisation of African Unity, the AU's predecessor
    "IGOSEAASN": "ASEAN",
    "IGOMEAARL": "LAS",
    "IGOBUSOPC": "OPEC",  # OPEC secretaries general (OFID, IGOBUSOPCDEV, is not)
}
IGO_PREFIX_MAP = {"IGOUNO": "UN"}

# Primary CAMEO roles that are kept (see module docstring).
KEEP_ROLES = {"GOV", "MIL", "ELI", "LEG", "SPY"}

# PETRARCH / old codes -> ISO (or library historical) codes.
CODE_FIX = {"ROM": "ROU", "TMP": "TLS", "ZAR": "COD", "KSV": "XKX",
            "USR": "SUN", "SCG": "YUG", "FRY": "YUG", "SRP": "SRB",
            "PAL": "PSE", "BUR": "MMR", "GZA": "PSE", "WBK": "PSE"}

# Republic -> first day of independence; earlier rows are recoded.
SOVIET_SUCCESSORS = {  # from PETRARCH's own [USRxxx <date] codes where present
    "RUS": "1991-12-26", "UKR": "1991-08-24", "BLR": "1991-08-25",
    "GEO": "1991-04-09", "ARM": "1990-08-23", "AZE": "1991-10-18",
    "KAZ": "1991-12-16", "KGZ": "1991-08-31", "MDA": "1991-08-27",
    "TJK": "1991-09-09", "TKM": "1991-10-27", "UZB": "1991-09-01",
}
YUGOSLAV_SUCCESSORS = {
    "HRV": "1991-06-25", "SVN": "1991-06-25", "MKD": "1991-09-08",
    "BIH": "1992-03-05", "SRB": "2006-06-05", "MNE": "2006-06-03",
}
CZECHOSLOVAK_SUCCESSORS = {"CZE": "1993-01-01", "SVK": "1993-01-01"}
SPLITS = ([(k, v, "SUN") for k, v in SOVIET_SUCCESSORS.items()]
          + [(k, v, "YUG") for k, v in YUGOSLAV_SUCCESSORS.items()]
          + [(k, v, "CSK") for k, v in CZECHOSLOVAK_SUCCESSORS.items()])
SPLIT_OF = {k: (v, h) for k, v, h in SPLITS}

# Words that mark an alias as a title/descriptor phrase rather than a name.
TITLE_WORDS = {
    "president", "presidents", "prime", "minister", "premier", "secretary",
    "secretary-general", "secy", "sec", "sec.", "gen", "gen.", "general",
    "chairman", "chairwoman", "chair", "chief", "leader", "king", "queen",
    "prince", "princess", "emir", "amir", "sheikh", "shaikh", "sultan",
    "ambassador", "envoy", "senator", "sen.", "governor", "gov.", "mr", "mr.",
    "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "chancellor", "foreign", "defense",
    "defence", "commander", "admiral", "adm.", "colonel", "col.", "lt.",
    "party", "of", "the", "former", "ex", "ex-", "un", "u.n.", "nato",
    "united", "nations", "russian", "soviet", "american", "british", "french",
    "german", "chinese", "israeli", "iranian", "iraqi", "syrian", "ukrainian",
    "turkish", "japanese", "indian", "pakistani", "afghan", "egyptian",
    "palestinian", "saudi", "moscow", "kremlin", "pope", "cardinal",
    "archbishop", "bishop", "rev.", "reverend", "vice", "deputy", "spokesman",
    "spokesperson", "head", "director", "mayor", "justice", "judge", "lord",
    "sir", "dame", "baron", "baroness", "general-secretary", "ayatollah",
    "grand", "comrade", "marshal", "field", "captain", "major", "sgt.",
    "lieutenant", "brigadier", "generalissimo", "crown", "his", "her",
    "majesty", "highness", "excellency", "mullah", "imam", "rabbi", "father",
    "administration", "government", "regime", "cabinet", "camp", "team",
    "kanzler", "bundeskanzler", "president-elect", "premier-elect", "elect",
    "hojatolislam", "hojjatoleslam", "shaykh", "amir", "field-marshal",
}
INSTITUTION_WORDS = {
    "party", "soviet", "republic", "council", "ministry", "assembly", "sfsr",
    "government", "union", "parliament", "congress", "committee", "politburo",
    "presidium", "court", "army", "forces", "police", "bank", "agency",
    "office", "department", "of", "the", "cities", "city", "province",
    "region", "state", "states", "kingdom", "federation", "islands", "island",
    "secretary", "president", "minister", "general", "senate", "duma",
    "volkskammer", "stasi", "cabinet", "administration", "authority",
    "command", "navy", "guard", "service", "regime", "junta", "front",
    "movement", "organization", "organisation", "bundestag", "knesset",
    "mission", "delegation", "embassy", "administration", "jaysh", "jaish",
    "brigade", "brigades", "force", "task", "observatory", "coalition", "council", "commission", "tribunal",
}
PARTICLES = {"de", "da", "do", "dos", "das", "du", "del", "della", "di", "van",
             "von", "der", "den", "ter", "bin", "ibn", "bint", "al", "el", "la",
             "le", "y", "e", "ben", "zu", "op"}
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
         "xii", "xiii", "xiv", "xv", "xvi"}

ROLE_PATTERNS = [  # (regex on a PETRARCH comment, role)
    (r"\bsec(retary)?\.? ?(of )?def(en[cs]e)?\b|defen[cs]e minister|minister of defen[cs]e", "defence minister"),
    (r"\bsec(retary)? (of )?state\b|foreign minister|minister of foreign affairs", "foreign minister"),
    (r"\bsupreme leader\b", "supreme leader"),
    (r"\bprime minister\b|\bpm\b|\bpremier\b", "prime minister"),
    (r"\bchancellor\b", "chancellor"),
    (r"\bsecretar(y|ies)[ -]general\b|\bsecy gen\b", "secretary general"),
    (r"\bhead of state\b|\bpresident\b", "president"),
    (r"\bking\b", "king"),
    (r"\bambassador\b|\bamb\.", "ambassador"),
    (r"\benvoy\b", "envoy"),
]
SOURCE_TAGS = re.compile(r"countryinfo\.txt|igorulers\.txt|ngo_actors|"
                         r"#?\s*[A-Za-z]{2,5} \d\d? \w{3} \d{4}", re.I)


# --------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------
def norm_key(s: str) -> str:
    """Case/accent/punctuation-insensitive key for matching name forms."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def _cap(word: str) -> str:
    if not word:
        return word
    low = word.lower()
    if low in ROMAN:
        return word.upper()
    if low in ("jr", "jr.", "sr", "sr."):
        return low.capitalize()
    if re.fullmatch(r"(?:[a-z]\.)+", low):  # initials "b." "j.r."
        return low.upper()
    if low.startswith("mc") and len(low) > 3:
        return "Mc" + low[2:].capitalize()
    if "'" in low:
        head, _, tail = low.partition("'")
        if len(head) <= 2:  # O'Brien, D'Alema, N'Diaye
            return head.capitalize() + "'" + tail.capitalize()
        return head.capitalize() + "'" + tail
    return low.capitalize()


def smart_case(name: str) -> str:
    """'BASHAR_AL-ASSAD' -> 'Bashar al-Assad'; 'MARGRETHE_II' -> 'Margrethe II'."""
    words = name.split()
    out = []
    for i, w in enumerate(words):
        parts = w.split("-")
        cased = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if (i > 0 or j > 0) and lp in PARTICLES and (len(parts) > 1 and j < len(parts) - 1 or len(parts) == 1):
                cased.append(lp)
            else:
                cased.append(_cap(p))
        out.append("-".join(cased))
    if out and out[0].islower():
        out[0] = out[0].capitalize()
    return " ".join(out)


def clean_raw_name(raw: str) -> str:
    s = raw.replace("_", " ").replace("\t", " ")
    s = re.sub(r"\s+", " ", s.replace('"', "")).strip(" ,;+")
    s = re.sub(r"\s*\.\s*$", "", s) if s.endswith(" .") else s
    return s


def parse_date(tok: str, default_century: bool = True):
    """Return (date, was_two_digit) or (None, None) when unparseable."""
    tok = tok.strip()
    if len(tok) == 10 and tok[:2] in ("19", "20") and tok[2:4] in ("19", "20"):
        tok = tok[2:]  # '1920030320' typo for '20030320'
    if len(tok) == 6 and tok.isdigit():
        yy = int(tok[:2])
        year = 1900 + yy if yy >= 30 else 2000 + yy
        two = True
        m, d = int(tok[2:4]), int(tok[4:6])
    elif len(tok) == 8 and tok.isdigit():
        year, m, d = int(tok[:4]), int(tok[4:6]), int(tok[6:8])
        two = False
    else:
        return None, None
    if not 1 <= m <= 12:
        return None, None
    last = calendar.monthrange(year, m)[1]
    d = min(max(d, 1), last)
    return dt.date(year, m, d), two


CODE_RE = re.compile(r"\[([^\]]*)\]")


def parse_code(body: str):
    """'RUSGOV 910710-991231' -> (code, start, end, ok).  None dates = open."""
    body = body.strip()
    if not body:
        return None
    parts = body.split(None, 1)
    code = parts[0].upper()
    rest = parts[1].replace(" ", "") if len(parts) > 1 else ""
    start = end = None
    if not rest:
        return code, None, None, True
    if rest.startswith(">"):
        start, _ = parse_date(rest[1:])
        return code, start, None, start is not None
    if rest.startswith("<"):
        end, _ = parse_date(rest[1:])
        return code, None, end, end is not None
    if "-" in rest:
        a, b = rest.split("-", 1)
        start, two = parse_date(a)
        end, _ = parse_date(b)
        if start is None or end is None:
            return code, None, None, False
        if start > end and two and start.year >= 2000:
            start = start.replace(year=start.year - 100)
        if start > end:
            start, end = end, start  # transposed in the source
        return code, start, end, True
    # a bare date '[USAGOV 19820101]': read as a start date
    start, _ = parse_date(rest)
    return code, start, None, start is not None


# --------------------------------------------------------------------------
# PETRARCH reader
# --------------------------------------------------------------------------
class Entry:
    __slots__ = ("names", "codes", "comments", "tags", "source")

    def __init__(self, source):
        self.names = []      # raw surface forms, first = primary
        self.codes = []      # (body, comment_on_that_line)
        self.comments = []   # comments on name/alias lines
        self.tags = set()
        self.source = source


def read_tabari(path: Path):
    entries = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            text, _, comment = line.partition("#")
            comment = comment.strip()
            stripped = text.strip()
            if not stripped:
                continue
            if stripped.startswith("["):  # code line
                if cur is None:
                    continue
                for m in CODE_RE.finditer(stripped):
                    cur.codes.append((m.group(1), comment))
                continue
            if stripped.startswith("+"):  # alias
                if cur is None:
                    continue
                name = CODE_RE.sub("", stripped[1:])
                cur.names.append(name)
                for m in CODE_RE.finditer(stripped):
                    cur.codes.append((m.group(1), comment))
                if comment:
                    cur.comments.append(comment)
                continue
            # primary name line (possibly with codes)
            name = stripped.split("[", 1)[0]
            codes = [m.group(1) for m in CODE_RE.finditer(stripped)]
            if cur is not None and not cur.codes:
                cur.names.append(name)  # run of bare name lines = synonyms
            else:
                cur = Entry(path.name)
                entries.append(cur)
                cur.names.append(name)
            for c in codes:
                cur.codes.append((c, ""))
            if comment:
                low = comment.lower()
                if "countryinfo.txt" in low:
                    cur.tags.add("countryinfo")
                if "igorulers" in low:
                    cur.tags.add("igorulers")
                cur.comments.append(comment)
    return entries


def role_from_comment(comment: str) -> str:
    c = SOURCE_TAGS.sub(" ", comment or "").lower()
    if not c.strip() or "acting" in c or "deputy" in c or "vice" in c or "under secretary" in c:
        return ""
    for pat, role in ROLE_PATTERNS:
        if re.search(pat, c):
            return role
    return ""


class Mapper:
    def __init__(self, iso3: set[str]):
        self.iso3 = iso3

    def country(self, tri: str):
        tri = CODE_FIX.get(tri, tri)
        if tri in self.iso3 or tri in HISTORICAL:
            return tri
        return None

    def has_role(self, code: str) -> bool:
        code = re.sub(r"[^A-Z]", "", code.upper())
        return (not code.startswith("IGO") and self.map(code) is not None
                and any(code[i:i + 3] in KEEP_ROLES for i in (3, 6)))

    def map(self, code: str):
        """CAMEO code -> library code, or None to drop."""
        code = re.sub(r"[^A-Z]", "", code.upper())
        if len(code) < 3:
            return None
        if code.startswith("IGO"):
            if code in IGO_MAP:
                return IGO_MAP[code]
            for pref in sorted(IGO_PREFIX_MAP, key=len, reverse=True):
                if code.startswith(pref):
                    return IGO_PREFIX_MAP[pref]
            return None
        first = code[:3]
        rest = code[3:]
        if first in ("SUN", "USR", "YUG", "CSK", "DDR"):
            # SUNRUS etc.: union first, republic second
            if len(rest) >= 3 and rest[:3] not in KEEP_ROLES and self.country(rest[:3]):
                rest = rest[3:]
        ctry = self.country(first)
        if ctry is None:
            return None
        # skip a territory triple (GBRVGBGOV -> GBR + GOV)
        if len(rest) >= 3 and rest[:3] not in KEEP_ROLES and self.country(rest[:3]):
            rest = rest[3:]
        if not rest:
            return ctry
        return ctry if rest[:3] in KEEP_ROLES else None


def looks_like_person(entry: Entry, name: str) -> bool:
    toks = norm_key(name).split()
    if not toks or len(toks) > 7:
        return False
    if any(t in INSTITUTION_WORDS for t in toks):
        return False
    return True


def alias_ok(alias: str) -> bool:
    toks = alias.lower().split()
    if len(toks) < 2:
        return False  # bare surnames / mononym fragments
    if any(t.strip(",") in TITLE_WORDS or any(x in TITLE_WORDS for x in t.split("-"))
           for t in toks):
        return False
    if any(ch in alias for ch in ',()/"'):
        return False
    return True


def iso_codes() -> set[str]:
    if pycountry is not None:
        codes = {c.alpha_3 for c in pycountry.countries}
    else:  # pragma: no cover
        codes = set()
    codes.add("XKX")
    return codes


def split_history(code, start, end):
    """Split a row at a successor state's independence date (PETRARCH rows)."""
    if code not in SPLIT_OF:
        return [(code, start, end)]
    day, hist = SPLIT_OF[code]
    cut = dt.date.fromisoformat(day)
    if start is None and end is None:
        return [(code, start, end)]
    if end is not None and end < cut:
        return [(hist, start, end)]
    if start is not None and start >= cut:
        return [(code, start, end)]
    return [(hist, start, cut - dt.timedelta(days=1)), (code, cut, end)]


def load_petrarch(pdir: Path, mapper: Mapper, stats):
    people = []  # dicts: name, forms, rows[(code, role, start, end)], undated
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        path = pdir / fname
        intl = "International" in fname
        for e in read_tabari(path):
            primary = clean_raw_name(e.names[0])
            if not primary or "," in primary:  # "ANTHONY_CROSLAND, THEN DAVID OWEN_"
                stats["bad_name"] += 1
                continue
            parsed = []
            any_dated = False
            for body, cmt in e.codes:
                pc = parse_code(body)
                if pc is None:
                    continue
                code, s, en, ok = pc
                if not ok:
                    stats["bad_date"] += 1
                    continue
                if s or en:
                    any_dated = True
                parsed.append((code, s, en, cmt))
            if intl:
                is_person = any_dated or "igorulers" in e.tags
            else:
                # untagged entries: a person needs a dated code with a kept
                # role (plain country codes and USR/UNR/OCC codes are places)
                role_dated = any((s or en) and mapper.has_role(code)
                                 for code, s, en, _c in parsed)
                is_person = "countryinfo" in e.tags or (role_dated and looks_like_person(e, primary))
            if not is_person or not looks_like_person(e, primary) and "countryinfo" not in e.tags:
                continue
            name_comment = " ".join(e.comments)
            coe = "president of the coeu" in name_comment.lower()
            rows, undated = [], []
            for code, s, en, cmt in parsed:
                semester = (s is not None and en is not None and s.year == en.year
                            and (s.month, s.day, en.month, en.day) in
                            ((1, 1, 6, 30), (7, 1, 12, 31)))
                if (coe or semester) and code.startswith("IGOEUREEC"):
                    stats["coeu_dropped"] += 1
                    continue
                mapped = mapper.map(code)
                if mapped is None:
                    stats["code_dropped"] += 1
                    continue
                role = role_from_comment(cmt)
                if s is None and en is None:
                    undated.append((mapped, role, None, None))
                    continue
                sector = re.sub(r"[^A-Z]", "", code.upper())[3:6]
                for c2, s2, e2 in split_history(mapped, s, en):
                    rows.append((c2, role, s2, e2, sector))
            if not rows and not undated:
                continue
            # a role in a name-line comment applies only when the entry has a
            # single dated GOV row (otherwise it is unclear which tenure it names)
            nrole = role_from_comment(name_comment)
            govrows = [i for i, r in enumerate(rows) if r[4] == "GOV" and not r[1]]
            if nrole and len(govrows) == 1:
                c, _r, s, en, sec = rows[govrows[0]]
                rows[govrows[0]] = (c, nrole, s, en, sec)
            rows = [r[:4] for r in rows]
            forms = [clean_raw_name(n) for n in e.names]
            people.append({"name": primary, "forms": forms, "rows": rows,
                           "undated": undated})
            stats["petrarch_entries"] += 1
    return people


# --------------------------------------------------------------------------
# merging
# --------------------------------------------------------------------------
def merge_intervals(rows):
    """Merge same (code, role) rows that overlap or touch."""
    big = dt.date(9999, 12, 31)
    small = dt.date(1, 1, 1)
    by = defaultdict(list)
    for code, role, s, e in rows:
        by[(code, role)].append((s or small, e or big))
    out = []
    for (code, role), ivs in by.items():
        ivs.sort()
        cur_s, cur_e = ivs[0]
        for s, e in ivs[1:]:
            if cur_e == big or s <= cur_e + dt.timedelta(days=1):
                cur_e = max(cur_e, e)
            else:
                out.append((code, role, cur_s, cur_e))
                cur_s, cur_e = s, e
        out.append((code, role, cur_s, cur_e))
    res = []
    for code, role, s, e in out:
        res.append((code, role, None if s == small else s, None if e == big else e))
    # drop an unrole'd row fully covered by a same-code row with a role
    final = []
    for r in res:
        code, role, s, e = r
        if not role:
            covered = any(o is not r and o[0] == code and o[1]
                          and (o[2] or small) <= (s or small)
                          and (o[3] or big) >= (e or big) for o in res)
            if covered:
                continue
        final.append(r)
    return final


def fix_boundaries(rows):
    """Generic clean-ups on one person's dated rows (after merging).

    * East Germans: PETRARCH codes some of them DEU right after the fall of
      the Wall; a DEU row of a person who also has DDR rows is recoded DDR
      before reunification (1990-10-03).
    * South Sudanese: SDN rows stop the day before independence (2011-07-09).
    * A row ending on the day a row with another code starts is cut one day
      earlier, so that no date resolves to two codes.
    """
    out = []
    if any(r[0] == "DDR" for r in rows):
        reunif = dt.date(1990, 10, 3)
        for code, role, s, e in rows:
            if code == "DEU" and (s is None or s < reunif):
                if e is not None and e < reunif:
                    out.append(("DDR", role, s, e))
                else:
                    out.append(("DDR", role, s, reunif - dt.timedelta(days=1)))
                    out.append((code, role, reunif, e))
            else:
                out.append((code, role, s, e))
        rows = merge_intervals(out)
    # South Sudanese: open SDN rows stop at independence (2011-07-09)
    if any(r[0] == "SSD" for r in rows):
        cut = dt.date(2011, 7, 9)
        rows = [(c, r, s, (cut - dt.timedelta(days=1)) if c == "SDN" and (e is None or e >= cut)
                 and (s is None or s < cut) else e)
                for c, r, s, e in rows if not (c == "SDN" and s is not None and s >= cut)]
    starts = defaultdict(set)
    for code, _r, s, _e in rows:
        if s is not None:
            starts[s].add(code)
    res = []
    for code, role, s, e in rows:
        if e is not None and (starts.get(e, set()) - {code}) and (s is None or s < e):
            e = e - dt.timedelta(days=1)
        res.append((code, role, s, e))
    return res


def read_supplement(path: Path, valid_codes=frozenset()):
    people = {}
    order = []
    with open(path, encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.reader(lines, delimiter="\t")
    header = next(reader)
    if [h.strip() for h in header] != HEADER:
        raise SystemExit(f"{path}: bad header {header!r}")
    for lineno, row in enumerate(reader, 2):
        row = [c.strip() for c in row] + [""] * (6 - len(row))
        name, aliases, code, role, start, end = row[:6]
        if not name or not code:
            raise SystemExit(f"{path}: incomplete row {row!r}")
        p = people.get(name)
        if p is None:
            p = {"name": name, "forms": [name], "rows": [], "replace": False,
                 "nick": set()}
            people[name] = p
            order.append(name)
        for a in aliases.split("|"):
            a = a.strip()
            if a and a not in p["forms"]:
                p["forms"].append(a)
                if len(a.split()) == 1 and norm_key(a) not in norm_key(name).split():
                    p["nick"].add(norm_key(a))  # Jokowi, AMLO: not a bare surname
        if code == "-":
            p["replace"] = True
            continue
        if not (code in valid_codes or code in ORG_CODES or code in HISTORICAL):
            raise SystemExit(f"{path}: unknown code {code!r} in {row!r}")
        s = dt.date.fromisoformat(start) if start else None
        e = dt.date.fromisoformat(end) if end else None
        if s and e and s > e:
            raise SystemExit(f"{path}: start after end in {row!r}")
        p["rows"].append((code, role.lower(), s, e))
    return [people[n] for n in order]


def build(pdir: Path, supp: Path, stats):
    mapper = Mapper(iso_codes())
    pet = load_petrarch(pdir, mapper, stats)

    # merge PETRARCH entries with the same canonical name
    merged = {}
    for p in pet:
        k = norm_key(p["name"])
        if k not in merged:
            merged[k] = {"name": smart_case(p["name"]), "forms": [], "rows": [],
                         "undated": [], "supp": None}
        m = merged[k]
        m["forms"] += [smart_case(f) for f in p["forms"]]
        m["rows"] += p["rows"]
        m["undated"] += p["undated"]
    form_index = defaultdict(set)
    for k, m in merged.items():
        for f in m["forms"] + [m["name"]]:
            form_index[norm_key(f)].add(k)

    # apply supplement
    for sp in read_supplement(supp, mapper.iso3):
        keys = set()
        for f in sp["forms"]:
            keys |= form_index.get(norm_key(f), set())
        keys = sorted(keys)
        if keys:
            base = merged[keys[0]]
            for k in keys[1:]:  # several PETRARCH entries for one person
                o = merged.pop(k)
                base["forms"] += o["forms"]
                base["rows"] += o["rows"]
                base["undated"] += o["undated"]
                for f in o["forms"] + [o["name"]]:
                    form_index[norm_key(f)].discard(k)
                    form_index[norm_key(f)].add(keys[0])
            stats["supp_matched"] += 1
        else:
            base = {"name": sp["name"], "forms": [], "rows": [], "undated": [],
                    "supp": None, "nick": set()}
            merged["supp:" + norm_key(sp["name"])] = base
            stats["supp_new"] += 1
        old_name = base["name"]
        base["name"] = sp["name"]
        base["forms"] = sp["forms"] + base["forms"] + [old_name]
        if sp["replace"]:
            kept = []
        else:
            starts = [s for _c, _r, s, _e in sp["rows"]]
            cutoff = min((s for s in starts if s), default=None)
            if any(s is None for s in starts):
                cutoff = dt.date(1, 1, 1)
            kept = []
            for code, role, s, e in base["rows"]:
                if cutoff is None:
                    kept.append((code, role, s, e))
                elif s is not None and s >= cutoff:
                    continue
                elif e is not None and e < cutoff:
                    kept.append((code, role, s, e))
                elif s is None or s < cutoff:
                    kept.append((code, role, s, cutoff - dt.timedelta(days=1)))
        base["rows"] = kept + sp["rows"]
        base["undated"] = []
        base["supp"] = True
        base["nick"] = base.get("nick", set()) | sp["nick"]

    out_rows = []
    for k, m in merged.items():
        name = m["name"]
        nk = norm_key(name)
        # aliases are deduplicated case-insensitively only: accented and
        # hyphenation variants ("António Guterres", "Ban Ki Moon") are kept as
        # distinct surface forms
        forms, seen = [], {name.casefold()}
        for f in m["forms"]:
            fk = norm_key(f)
            if not fk or f.casefold() in seen:
                continue
            if not (alias_ok(f) or fk in m.get("nick", ())):
                continue
            seen.add(f.casefold())
            forms.append(f)
        # drop case variants of the same ASCII form that differ only in
        # capitalisation produced by smart_case ("Ki-Moon" vs "Ki-moon")
        seen_exact = set()
        forms = [f for f in forms if not (f in seen_exact or seen_exact.add(f))]
        rows = [r for r in m["rows"] if r[2] is not None or r[3] is not None]
        if rows:
            rows = fix_boundaries(merge_intervals(rows))
        else:
            rows = sorted(set(m["undated"]))
            stats["undated_only_people"] += 1 if rows else 0
        if not rows:
            continue
        aliases = "|".join(forms)
        for code, role, s, e in rows:
            out_rows.append((name, aliases, code, role,
                             s.isoformat() if s else "", e.isoformat() if e else ""))
    out_rows.sort(key=lambda r: (norm_key(r[0]), r[0], r[4] or "0000", r[5] or "9999", r[2]))
    return out_rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--petrarch", type=Path, default=DEFAULT_PETRARCH)
    ap.add_argument("--supplement", type=Path, default=DEFAULT_SUPPLEMENT)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    stats = defaultdict(int)
    rows = build(args.petrarch, args.supplement, stats)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write("# People and their dated tenures: who represented which state or\n"
                 "# organisation when. Generated by scripts/build_people.py from the\n"
                 "# PETRARCH dictionaries (MIT, see LICENSE-petrarch.txt) and\n"
                 "# scripts/people_supplement.tsv. Do not edit by hand.\n"
                 "# code: ISO 3166-1 alpha-3, historical SUN YUG DDR CSK XKX, or an\n"
                 "# organisation code. start/end: YYYY-MM-DD, empty = open.\n")
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            if any("\t" in c or "\n" in c or '"' in c for c in r):
                raise SystemExit(f"bad characters in {r!r}")
            fh.write("\t".join(r) + "\n")
    people = len({r[0] for r in rows})
    print(f"wrote {args.out}: {len(rows)} rows, {people} names; "
          + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
