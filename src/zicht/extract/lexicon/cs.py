"""Czech: the language added as data only (this file and tests/data/extract_cases/lexicon_cs.toml).

Numbers from num2words' forms, with the joined (dvacetpět) and inverted (pětadvacet) compounds ads write too.
"""

from zicht.extract.lexicon import Lexicon, numbers

_UNITS = "nula jedna dva tři čtyři pět šest sedm osm devět"
_TENS = "dvacet třicet čtyřicet padesát šedesát sedmdesát osmdesát devadesát"

LEXICON = Lexicon(
    code="cs",
    numbers=numbers(
        _UNITS,
        "deset jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct",
        _TENS,
        "{tens} {unit}",  # dvacet pět
        variants={"jeden": 1, "dvě": 2}
        | {
            f"{t}{u}": 20 + 10 * i + j
            for i, t in enumerate(_TENS.split())
            for j, u in enumerate(_UNITS.split())
            if j
        }
        | {
            f"{u}a{t}": 20 + 10 * i + j
            for i, t in enumerate(_TENS.split())
            for j, u in enumerate(_UNITS.split())
            if j
        },
    ),
    first_person=("jsem", "je mi"),
    age_units=("let", "roky", "roků"),
    hour_words=("hodina", "hodinu", "hodiny", "hod"),
    half_hour=("půl hodiny",),
    nationality={
        "Češka": "CZ",
        "Slovenka": "SK",
        "Ukrajinka": "UA",
        "Rumunka": "RO",
        "Maďarka": "HU",
        "Bulharka": "BG",
        "Brazilka": "BR",
        "Kolumbijka": "CO",
        "Venezuelanka": "VE",
        "Thajka": "TH",
    },  # fmt: skip
    reception=("přijímám", "u mě", "u mne", "u sebe", "ve svém bytě", "v mém bytě", "přijď za mnou"),
    outcall=("přijedu", "přijedu za tebou", "přijedu za vámi", "k tobě", "k vám", "na hotel", "do hotelu"),
    phone_old=("staré", "starého", "původní"),
    phone_new=("nové", "aktuální"),
)
