"""Spanish."""

from zicht.extract.lexicon import Lexicon, numbers

_UNITS = "cero uno dos tres cuatro cinco seis siete ocho nueve"

LEXICON = Lexicon(
    code="es",
    numbers=numbers(
        _UNITS,
        "diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve",
        "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
        "{tens} y {unit}",
        # 21-29 are one word: veintiuno, veintitrés
        variants={f"veinti{u}": 20 + i for i, u in enumerate(_UNITS.split()) if i}
        | {"veintidós": 22, "veintitrés": 23, "veintiséis": 26, "un": 1, "una": 1},
    ),
    first_person=("soy", "tengo"),
    age_units=("años", "añitos", "anyos"),
    hour_words=("hora", "horas"),
    half_hour=("media hora",),
    currency=("euros",),
    phone_old=("antiguo", "anterior", "viejo"),
    phone_new=("nuevo", "actual"),
)
