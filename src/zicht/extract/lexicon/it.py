"""Italian."""

from zicht.extract.lexicon import Lexicon, numbers

_TENS = "venti trenta quaranta cinquanta sessanta settanta ottanta novanta"

LEXICON = Lexicon(
    code="it",
    numbers=numbers(
        "zero uno due tre quattro cinque sei sette otto nove",
        "dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove",
        _TENS,
        "{tens}{unit}",  # venticinque, ventitré; ventuno, ventotto (elided)
        elide=True,
        # the elided tens before "anni": trent'anni
        variants={t[:-1] + "'": 20 + 10 * i for i, t in enumerate(_TENS.split())},
    ),
    first_person=("sono", "ho"),
    age_units=("anni",),
    hour_words=("ora", "ore"),
    half_hour=("mezz'ora", "mezzora"),
    phone_old=("vecchio", "precedente"),
    phone_new=("nuovo", "attuale"),
)
