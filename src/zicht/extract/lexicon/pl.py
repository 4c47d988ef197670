"""Polish."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="pl",
    numbers=numbers(
        "zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć",
        "dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście "
        "osiemnaście dziewiętnaście",
        "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt "
        "dziewięćdziesiąt",
        "{tens} {unit}",  # dwadzieścia pięć
    ),
    first_person=("jestem", "mam"),
    age_units=("lat", "lata"),
    hour_words=("godzina", "godziny", "godzin", "godz"),
    half_hour=("pół godziny",),
    phone_old=("stary", "poprzedni", "nieaktualny"),
    phone_new=("nowy", "aktualny"),
)
