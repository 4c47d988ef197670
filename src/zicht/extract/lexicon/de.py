"""German."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="de",
    numbers=numbers(
        "null eins zwei drei vier fünf sechs sieben acht neun",
        "zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn",
        "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
        "{unit}und{tens}",  # fünfundzwanzig
        one_in_compound="ein",
        variants={"ein": 1, "eine": 1, "zwo": 2},
    ),
    first_person=("ich bin",),
    age_units=("jahre", "jahren"),
    hour_words=("std", "stunde", "stunden"),
    half_hour=("halbe stunde",),
    phone_old=("alte", "alten", "bisherige", "frühere"),
    phone_new=("neue", "neuen", "neu", "aktuelle"),
)
