"""French (with the Belgian and Swiss tens)."""

from zicht.extract.lexicon import Lexicon, numbers

_TEENS = "dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf"

LEXICON = Lexicon(
    code="fr",
    numbers=numbers(
        "zéro un deux trois quatre cinq six sept huit neuf",
        _TEENS,
        "vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix",
        "{tens}-{unit}",  # vingt-cinq, soixante-dix-sept, quatre-vingt-trois
        # "et un", 71-76 and 91-96 are built on the teens; 80 takes an s
        variants={f"{t} et un": v + 1 for t, v in (("vingt", 20), ("trente", 30), ("quarante", 40))}
        | {"cinquante et un": 51, "soixante et un": 61, "soixante et onze": 71, "quatre-vingts": 80}
        | {f"soixante-{t}": 70 + i for i, t in enumerate(_TEENS.split()) if 1 < i < 7}
        | {f"quatre-vingt-{t}": 90 + i for i, t in enumerate(_TEENS.split()) if 0 < i < 7}
        | {"septante": 70, "huitante": 80, "octante": 80, "nonante": 90},
    ),
    first_person=("je suis", "j'ai"),
    age_units=("ans",),
    hour_words=("heure", "heures"),
    half_hour=("demi-heure",),
    phone_old=("ancien", "ancienne"),
    phone_new=("nouveau", "nouvelle", "actuel"),
)
