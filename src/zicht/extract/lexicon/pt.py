"""Portuguese (European and Brazilian spellings)."""

from zicht.extract.lexicon import Lexicon, numbers

LEXICON = Lexicon(
    code="pt",
    numbers=numbers(
        "zero um dois três quatro cinco seis sete oito nove",
        "dez onze doze treze catorze quinze dezasseis dezassete dezoito dezanove",
        "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
        "{tens} e {unit}",
        variants={"dezesseis": 16, "dezessete": 17, "dezenove": 19, "quatorze": 14, "uma": 1, "duas": 2},
    ),
    first_person=("sou", "tenho"),
    age_units=("anos", "aninhos"),
    hour_words=("hora", "horas"),
    half_hour=("meia hora",),
    phone_old=("antigo", "anterior", "velho"),
    phone_new=("novo", "atual"),
)
