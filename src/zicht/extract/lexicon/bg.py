"""Bulgarian (with the Russian age words "лет", "года" that Bulgarian ads also show)."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="bg",
    numbers=numbers(
        "нула едно две три четири пет шест седем осем девет",
        "десет единадесет дванадесет тринадесет четиринадесет петнадесет шестнадесет седемнадесет "
        "осемнадесет деветнадесет",
        "двадесет тридесет четиридесет петдесет шестдесет седемдесет осемдесет деветдесет",
        "{tens} и {unit}",  # двадесет и пет
        variants={"един": 1, "една": 1, "два": 2},
    ),
    first_person=("аз съм",),
    age_units=("години", "годинки", "лет", "года", "г.", "г"),
    hour_words=("час", "часа"),
    half_hour=("половин час",),
    currency=("евро",),
    phone_old=("стар", "стария"),
    phone_new=("нов", "новия"),
)
