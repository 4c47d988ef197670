"""English."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="en",
    numbers=numbers(
        "zero one two three four five six seven eight nine",
        "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen",
        "twenty thirty forty fifty sixty seventy eighty ninety",
        "{tens}-{unit}",  # forty-one; "forty one" matches too (alternation joins on spaces or hyphens)
    ),
    first_person=("i am", "i'm", "im"),
    age_units=("years old", "year old", "years", "year", "yrs", "yr", "yo", "y/o", "y.o"),
    hour_words=("hour", "hours", "hr", "hrs", "h"),
    half_hour=("half hour", "half an hour", "hh"),
    currency=("roses", "$", "usd", "dollar", "dollars"),
    phone_old=("old", "previous", "former", "no longer", "not in use"),
    phone_new=("new", "current", "now"),
)
