"""Hungarian."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="hu",
    numbers=numbers(
        "nulla egy kettő három négy öt hat hét nyolc kilenc",
        "tíz tizenegy tizenkettő tizenhárom tizennégy tizenöt tizenhat tizenhét tizennyolc tizenkilenc",
        "húsz harminc negyven ötven hatvan hetven nyolcvan kilencven",
        "{tens}{unit}",  # huszonöt, negyvenegy
        tens_in_compound="huszon harminc negyven ötven hatvan hetven nyolcvan kilencven",
    ),
    age_units=("éves",),
    hour_words=("óra", "órák"),
    half_hour=("fél óra",),
    phone_old=("régi",),
    phone_new=("új",),
)
