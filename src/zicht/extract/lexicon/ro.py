"""Romanian."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="ro",
    numbers=numbers(
        "zero unu doi trei patru cinci șase șapte opt nouă",
        "zece unsprezece doisprezece treisprezece paisprezece cincisprezece șaisprezece șaptesprezece "
        "optsprezece nouăsprezece",
        "douăzeci treizeci patruzeci cincizeci șaizeci șaptezeci optzeci nouăzeci",
        "{tens} și {unit}",  # douăzeci și cinci
        variants={"una": 1, "două": 2, "sase": 6},
    ),
    first_person=("sunt", "am"),
    age_units=("ani", "de ani"),
    hour_words=("ora", "ore"),
    half_hour=("jumătate de oră",),
    phone_old=("vechi", "vechiul", "fostul"),
    phone_new=("nou", "noul", "actual"),
)
