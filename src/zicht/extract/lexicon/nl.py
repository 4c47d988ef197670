"""Dutch."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="nl",
    numbers=numbers(
        "nul een twee drie vier vijf zes zeven acht negen",
        "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien",
        "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
        "{unit}en{tens}",  # eenenveertig, tweeëntwintig (folded: tweeentwintig)
        variants={"één": 1},
    ),
    first_person=("ik ben",),
    age_units=("jaar", "jaartjes", "jr", "j", "jarige"),
    hour_words=("uur", "uurtje", "u"),
    half_hour=("half uur", "halfuur", "halfuurtje", "halfje"),
    currency=("rozen",),
    phone_old=("oud", "oude", "vorig", "vorige", "niet meer", "vroeger", "ex"),
    phone_new=("nieuw", "nieuwe", "huidig", "huidige", "nu", "voortaan"),
)
