"""Ad wording for the simulated sites: phrase banks per language and the composition of one ad's text.

`ad_wording(ad)` turns what an ad states (the truth columns of docs/simulated-market.md) into a title and a
free text in the ad's language. It is deterministic: everything is drawn from `random.Random(ad.text_seed)`,
so the same ad reads the same every week, and it does not depend on the site, so a cross-posted copy with the
same seed reads the same on both sites.

What the text may say is bounded by the truth: a stated value (age, origin, price, place, work types) is
woven in with the ad's own wording; an unstated one is never invented. Indicator phrases appear only when
the ad carries the indicator, and licence phrases only with a licence term. Deliberate traps for extraction:
another person's age or a year ("mijn vriendin van 25", "sinds 2019"), years of experience, a taxi surcharge,
an outcall city other than the ad's place, a KvK number that looks like a phone number.

Nothing here is explicit: services are named in general words (massage, escort, privé-ontvangst, incall).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zicht.simulate.web import Ad

LANGUAGES = ("nl", "en", "mixed", "es", "pl", "ro")
PHONE_STYLES = ("plain", "spaced", "dotted", "words", "homoglyph", "international", "hidden")
FIELD_PHONE_STYLES = frozenset({"plain", "international"})  # the styles a site shows as a phone field

# ---------------------------------------------------------------------------------------------- numbers

_NL_UNITS = "nul een twee drie vier vijf zes zeven acht negen".split()
_NL_TEENS = "tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien".split()
_NL_TENS = "_ _ twintig dertig veertig vijftig zestig zeventig tachtig negentig".split()
_EN_UNITS = "zero one two three four five six seven eight nine".split()
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def dutch_number(n: int) -> str:
    """Write 0-99 out in Dutch: 23 -> "drieëntwintig" (the trema where two vowels meet)."""
    if not 0 <= n < 100:
        raise ValueError(f"dutch_number: {n} is out of range 0-99")
    if n < 10:
        return _NL_UNITS[n]
    if n < 20:
        return _NL_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    if unit == 0:
        return _NL_TENS[tens]
    first = _NL_UNITS[unit]
    return f"{first}{'ën' if first.endswith('e') else 'en'}{_NL_TENS[tens]}"


def english_number(n: int) -> str:
    """Write 0-99 out in English: 23 -> "twenty-three"."""
    if not 0 <= n < 100:
        raise ValueError(f"english_number: {n} is out of range 0-99")
    if n < 10:
        return _EN_UNITS[n]
    if n < 20:
        return _EN_TEENS[n - 10]
    tens, unit = divmod(n, 10)
    return _EN_TENS[tens] if unit == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[unit]}"


# ----------------------------------------------------------------------------------------------- phones


def national_digits(e164: str) -> str:
    """The national dialling form's digits: "+31612345678" -> "0612345678"; other countries keep "+cc"."""
    if e164.startswith("+31"):
        return "0" + e164[3:]
    return e164


def _international(e164: str) -> str:
    """The number in international format with the country's grouping: "+40 712 345 678"."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def format_phone(e164: str, style: str, rng: random.Random, words_lang: str = "nl") -> str:
    """Write a phone number the way an ad of this phone_style does (see the module docstring of web.py)."""
    national = national_digits(e164)
    dutch = national.startswith("0")
    if style == "plain":
        if dutch and national.startswith("06"):
            return rng.choice([f"06-{national[2:]}", national, f"06 {national[2:]}"])
        return national if dutch else rng.choice([e164, _international(e164)])
    if style == "international":
        if dutch:
            rest = e164[3:]
            return rng.choice(
                [f"+31 {rest[0]} {rest[1:5]} {rest[5:]}", e164, f"0031 {rest[0]} {rest[1:]}", f"+31 {rest}"]
            )
        return rng.choice([e164, _international(e164), "00" + e164[1:]])
    if style == "spaced":
        return " ".join(national) if dutch else "+" + " ".join(national[1:])
    if style == "dotted":
        if not dutch:  # foreign numbers keep their country code: "+40.712.345.678"
            return _international(e164).replace(" ", ".")
        pairs = [national[i : i + 2] for i in range(0, len(national), 2)]
        return ".".join(pairs)
    if style == "words":
        units = _NL_UNITS if words_lang == "nl" else _EN_UNITS
        plus = "plus " if national.startswith("+") else ""
        return plus + " ".join(units[int(d)] for d in national if d.isdigit())
    if style == "homoglyph":
        shown = f"06-{national[2:]}" if national.startswith("06") else national
        return shown.replace("0", "O").replace("1", "l")
    raise ValueError(f"no text form for phone_style {style!r}")


# ---------------------------------------------------------------------------------------------- origins

# country -> (Dutch adjective, English adjective); other countries: "uit <land>" / "from <country>"
ORIGIN_ADJ: dict[str, tuple[str, str]] = {
    "NL": ("Nederlandse", "Dutch"),
    "BE": ("Belgische", "Belgian"),
    "DE": ("Duitse", "German"),
    "FR": ("Franse", "French"),
    "ES": ("Spaanse", "Spanish"),
    "IT": ("Italiaanse", "Italian"),
    "PT": ("Portugese", "Portuguese"),
    "GB": ("Engelse", "British"),
    "RO": ("Roemeense", "Romanian"),
    "BG": ("Bulgaarse", "Bulgarian"),
    "HU": ("Hongaarse", "Hungarian"),
    "PL": ("Poolse", "Polish"),
    "CZ": ("Tsjechische", "Czech"),
    "SK": ("Slowaakse", "Slovak"),
    "UA": ("Oekraïense", "Ukrainian"),
    "RU": ("Russische", "Russian"),
    "MD": ("Moldavische", "Moldovan"),
    "LT": ("Litouwse", "Lithuanian"),
    "LV": ("Letse", "Latvian"),
    "AL": ("Albanese", "Albanian"),
    "RS": ("Servische", "Serbian"),
    "HR": ("Kroatische", "Croatian"),
    "CO": ("Colombiaanse", "Colombian"),
    "VE": ("Venezolaanse", "Venezuelan"),
    "DO": ("Dominicaanse", "Dominican"),
    "BR": ("Braziliaanse", "Brazilian"),
    "AR": ("Argentijnse", "Argentinian"),
    "PE": ("Peruaanse", "Peruvian"),
    "EC": ("Ecuadoraanse", "Ecuadorian"),
    "CU": ("Cubaanse", "Cuban"),
    "MX": ("Mexicaanse", "Mexican"),
    "SR": ("Surinaamse", "Surinamese"),
    "TH": ("Thaise", "Thai"),
    "PH": ("Filipijnse", "Filipina"),
    "CN": ("Chinese", "Chinese"),
    "JP": ("Japanse", "Japanese"),
    "NG": ("Nigeriaanse", "Nigerian"),
    "MA": ("Marokkaanse", "Moroccan"),
    "TR": ("Turkse", "Turkish"),
    "GR": ("Griekse", "Greek"),
    "AT": ("Oostenrijkse", "Austrian"),
    "CH": ("Zwitserse", "Swiss"),
    "SE": ("Zweedse", "Swedish"),
    "CL": ("Chileense", "Chilean"),
    "US": ("Amerikaanse", "American"),
    "ID": ("Indonesische", "Indonesian"),
    "VN": ("Vietnamese", "Vietnamese"),
    "IN": ("Indiase", "Indian"),
}
_ES_ADJ = {
    "CO": "colombiana", "VE": "venezolana", "DO": "dominicana", "BR": "brasileña", "AR": "argentina",
    "PE": "peruana", "EC": "ecuatoriana", "CU": "cubana", "MX": "mexicana", "ES": "española",
    "RO": "rumana", "NL": "holandesa", "CL": "chilena", "IT": "italiana", "PT": "portuguesa",
}  # fmt: skip
_PL_FORMS = {"PL": ("polska dziewczyna", "Polka", "z Polski"), "UA": ("z Ukrainy",), "RO": ("z Rumunii",)}
_RO_FORMS = {"RO": ("româncă", "din România", "fată din România"), "MD": ("din Moldova",)}


_THE = {
    ("NL", "en"): "the Netherlands",
    ("DO", "en"): "the Dominican Republic",
    ("PH", "en"): "the Philippines",
}


@lru_cache(maxsize=512)
def country_name(code: str, lang: str) -> str:
    """A country's name in a language, from the phonenumbers geocoder (the code itself when unknown)."""
    import phonenumbers
    from phonenumbers import geocoder

    if (code, lang) in _THE:
        return _THE[(code, lang)]
    example = phonenumbers.example_number(code)
    name = geocoder.country_name_for_number(example, lang) if example else ""
    return name or code


def origin_phrases(code: str, lang: str) -> tuple[str, ...]:
    """The ways an ad in `lang` may state origin `code` (e.g. "Roemeense", "uit Roemenië")."""
    code = code.upper()
    if lang == "nl":
        adj = ORIGIN_ADJ.get(code, (None, None))[0]
        named = f"uit {country_name(code, 'nl')}"
        return (adj, named) if adj else (named,)
    if lang == "en":
        adj = ORIGIN_ADJ.get(code, (None, None))[1]
        named = f"from {country_name(code, 'en')}"
        return (adj, named) if adj else (named,)
    if lang == "es":
        adj_es = _ES_ADJ.get(code)
        named = f"de {country_name(code, 'es')}"
        return (adj_es, named) if adj_es else (named,)
    if lang == "pl" and code in _PL_FORMS:
        return _PL_FORMS[code]
    if lang == "ro" and code in _RO_FORMS:
        return _RO_FORMS[code]
    return origin_phrases(code, "en")  # foreign-language ads name other countries in English


# ----------------------------------------------------------------------------------------------- prices

PRICE_UNITS = ("30min", "1h", "2h", "night")

_PRICE_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "30min": ("30 min {a} euro", "half uur €{a}", "€{a} per half uur", "30 minuten {a},-"),
        "1h": ("1 uur €{a}", "€{a} p/u", "{a} euro per uur", "{a} euro het uur"),
        "2h": ("2 uur {a}", "2 uur €{a}", "€{a} voor 2 uur"),
        "night": ("hele nacht {a}", "nacht €{a}", "een hele nacht voor {a} euro"),
    },
    "en": {
        "30min": ("30 min {a} euro", "half hour €{a}", "30 minutes {a} EUR"),
        "1h": ("1 hour €{a}", "€{a}/hour", "{a} euro per hour", "1h {a}€"),
        "2h": ("2 hours {a} eur", "2 hours €{a}"),
        "night": ("overnight €{a}", "whole night {a} euro"),
    },
    "es": {
        "30min": ("media hora {a} euros", "30 min {a}€"),
        "1h": ("1 hora {a}€", "una hora {a} euros"),
        "2h": ("2 horas {a} euros",),
        "night": ("toda la noche {a}€",),
    },
    "pl": {
        "30min": ("30 min {a} euro", "pół godziny {a} euro"),
        "1h": ("1 godzina {a} euro", "godzina {a}€"),
        "2h": ("2 godziny {a} euro",),
        "night": ("cała noc {a} euro",),
    },
    "ro": {
        "30min": ("30 min {a} euro", "jumătate de oră {a} euro"),
        "1h": ("1 oră {a} euro", "o oră {a}€"),
        "2h": ("2 ore {a} euro",),
        "night": ("toată noaptea {a} euro",),
    },
}


def amount_text(amount: float) -> str:
    """80.0 -> "80", 72.5 -> "72,50" (Dutch decimal comma)."""
    return f"{amount:.0f}" if float(amount).is_integer() else f"{amount:.2f}".replace(".", ",")


def stated_price(ad: Ad) -> tuple[str, float] | None:
    """(unit, amount) the ad shows, or None; an hourly price without a unit is shown per hour."""
    if ad.price_unit and ad.price_amount is not None:
        return ad.price_unit, float(ad.price_amount)
    if ad.price_per_hour is not None:
        return "1h", float(ad.price_per_hour)
    return None


# ------------------------------------------------------------------------------------------ phrase banks

_EMOJI = ("💋", "🌹", "✨", "😘", "🔥", "💕", "🌸", "😉", "❤️", "🥂")

# gender key: "f" female, "m" male, "t" trans, "p" plural (couple or an ad of several workers), "x" unstated
_NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "f": ("meid", "dame", "vrouw"),
        "m": ("man", "jongen"),
        "t": ("trans dame", "TS meid", "transgender vrouw"),
        "x": ("persoon",),
    },
    "en": {
        "f": ("girl", "lady", "woman"),
        "m": ("man", "guy"),
        "t": ("trans girl", "TS lady", "transgender woman"),
        "x": ("person",),
    },
    "es": {"f": ("chica", "mujer"), "m": ("chico", "hombre"), "t": ("chica trans",), "x": ("persona",)},
    "pl": {
        "f": ("dziewczyna", "kobieta"),
        "m": ("facet", "mężczyzna"),
        "t": ("trans dziewczyna",),
        "x": ("osoba",),
    },
    "ro": {"f": ("fată", "femeie"), "m": ("băiat", "bărbat"), "t": ("fată trans",), "x": ("persoană",)},
}

_GREETING = {
    "nl": (
        "Hoi schat!",
        "Hallo heren,",
        "Welkom op mijn pagina!",
        "Hey lieverd,",
        "Goedendag,",
        "Hallo!",
        "Hoi hoi,",
        "Fijn dat je even kijkt!",
    ),
    "en": (
        "Hi darling!",
        "Hello gentlemen,",
        "Welcome to my page!",
        "Hey there,",
        "Hi guys!",
        "Hello!",
        "Hi handsome,",
        "Thanks for stopping by!",
    ),
    "es": ("¡Hola cariño!", "Hola amor,", "¡Bienvenido!"),
    "pl": ("Cześć!", "Witam panów,", "Hej kochanie,"),
    "ro": ("Bună!", "Salut dragule,", "Bine ai venit!"),
}

_SELF = {
    "nl": {
        "s": (
            "Ik ben {name}, een lieve en spontane {noun}{origin_sp}{age_c}.",
            "Mijn naam is {name}: vrolijk, verzorgd en discreet{age_c}.",
            "{name} hier, een sportieve {noun}{origin_sp} met een mooie glimlach{age_c}.",
            "Ben jij op zoek naar een warme, sensuele {noun}? Dan ben je bij {name} aan het goede adres.",
            "Ik ben {name}{age_c}, een {origin_adj}{noun} die houdt van gezelligheid en een goed gesprek.",
            "Hoi, ik ben {name}{age_c}. Een echte genieter, rustig en zonder haast.",
            "{name}{age_c}: natuurlijk, slank en altijd goed verzorgd.",
            "Ik ben {name}, een stijlvolle {origin_adj}{noun} met een warm karakter{age_c}.",
        ),
        "p": (
            "Wij zijn {name}, met z'n {kk} en altijd in voor gezelligheid.",
            "Hier {name}: {k} lieve meiden die graag samen werken.",
            "Wij zijn {name}, {k} vriendinnen: jij bent welkom bij ons allemaal.",
        ),
        "c": ("Wij zijn {name}, een spontaan stel.", "Hier {name}: een ervaren stel voor dames en heren."),
    },
    "en": {
        "s": (
            "I am {name}, a sweet and open-minded {noun}{origin_sp}{age_c}.",
            "My name is {name}: cheerful, well groomed and discreet{age_c}.",
            "{name} here, a sporty {noun}{origin_sp} with a lovely smile{age_c}.",
            "Looking for a warm and sensual {noun}? {name} is waiting for you.",
            "I'm {name}{age_c}, a {origin_adj}{noun} who loves good company and a nice chat.",
            "Hi, I'm {name}{age_c}. Relaxed, natural and never in a hurry.",
            "{name}{age_c}: elegant, slim and always well dressed.",
            "I'm {name}, a classy {origin_adj}{noun} with a warm personality{age_c}.",
        ),
        "p": (
            "We are {name}, {k} friends who love to work together.",
            "Meet {name}: {k} playful ladies, more fun together.",
        ),
        "c": ("We are {name}, a fun-loving couple.", "Meet {name}: an open-minded couple."),
    },
    "es": {
        "s": (
            "Soy {name}, una {noun} cariñosa y discreta{age_c}.",
            "Me llamo {name}{age_c}, {noun} alegre y elegante.",
        ),
        "p": ("Somos {name}, {k} amigas que trabajan juntas.",),
        "c": ("Somos {name}, una pareja muy abierta.",),
    },
    "pl": {
        "s": ("Jestem {name}, miła i dyskretna {noun}{age_c}.", "Mam na imię {name}{age_c}, {noun} z klasą."),
        "p": ("Jesteśmy {name}, {k} przyjaciółki.",),
        "c": ("Jesteśmy {name}, otwarta para.",),
    },
    "ro": {
        "s": ("Sunt {name}, o {noun} dulce și discretă{age_c}.", "Mă numesc {name}{age_c}, {noun} elegantă."),
        "p": ("Suntem {name}, {k} prietene.",),
        "c": ("Suntem {name}, un cuplu deschis.",),
    },
}

# a sentence of its own for an origin phrase the self-description did not take in
_ORIGIN_SENTENCE = {
    "nl": ("{adj} {noun}.", "Ik kom {phrase}."),
    "en": ("{adj} {noun}.", "I'm {phrase}."),
    "es": ("Soy {phrase}.", "Soy {phrase}."),
    "pl": ("Jestem {phrase}.", "Jestem {phrase}."),
    "ro": ("Sunt {phrase}.", "Sunt {phrase}."),
}


def _origin_sentence(lang: str, phrase: str, noun: str) -> str:
    is_adj = phrase[:1].isupper()
    if lang in ("pl", "ro") and " " in phrase and phrase.split()[0] not in ("z", "din"):
        return phrase[0].upper() + phrase[1:] + "."  # "polska dziewczyna", "fată din România"
    template = _ORIGIN_SENTENCE[lang][0 if is_adj else 1]
    return template.format(adj=phrase, noun=noun, phrase=phrase)


_AGE = {
    "nl": ("{n} jaar", "{n} jaar jong", "{w} jaar", "ik ben {n}"),
    "en": ("{n}yo", "{n} years old", "{w} years young", "I'm {n}"),
    "es": ("{n} años", "tengo {n} años"),
    "pl": ("{n} lat", "mam {n} lat"),
    "ro": ("{n} ani", "am {n} de ani"),
}

_PLACE = {
    "nl": ("Je vindt mij in {place}.", "📍 {place}", "Ik werk in {place} en omgeving.", "Regio {place}."),
    "en": ("You can find me in {place}.", "📍 {place}", "Based in {place}."),
    "es": ("Estoy en {place}.", "📍 {place}"),
    "pl": ("Jestem w {place}.", "📍 {place}"),
    "ro": ("Sunt în {place}.", "📍 {place}"),
}

_SERVICES: dict[str, dict[str, tuple[str, ...]]] = {
    "nl": {
        "home": ("privé-ontvangst in een discreet appartement", "thuisontvangst", "ontvangst bij mij thuis"),
        "escort": ("escort naar hotel of thuis", "hotelbezoek mogelijk", "ik kom ook naar je toe (escort)"),
        "massage": ("een ontspannende massage", "erotische massage", "een heerlijke body-to-body massage"),
        "lead": ("Ik bied {list}.", "Bij mij kun je terecht voor {list}.", "Mogelijk: {list}."),
    },
    "en": {
        "home": ("incall in a private apartment", "private incall", "incall at my place"),
        "escort": ("outcall to hotels and homes", "hotel visits", "escort (outcall)"),
        "massage": ("a relaxing massage", "sensual massage", "a soothing body massage"),
        "lead": ("I offer {list}.", "Available for {list}.", "On offer: {list}."),
    },
    "es": {
        "home": ("recibo en mi apartamento privado",),
        "escort": ("salidas a hotel y domicilio (escort)",),
        "massage": ("masajes relajantes",),
        "lead": ("Ofrezco: {list}.",),
    },
    "pl": {
        "home": ("przyjmuję u siebie (privé-ontvangst)",),
        "escort": ("dojazd do hotelu (escort)",),
        "massage": ("masaż relaksacyjny",),
        "lead": ("Oferuję: {list}.",),
    },
    "ro": {
        "home": ("primesc la mine (privé)",),
        "escort": ("deplasări la hotel (escort)",),
        "massage": ("masaj relaxant",),
        "lead": ("Ofer: {list}.",),
    },
}

_PRICE_LEAD = {
    "nl": ("Tarief: {p}.", "Prijzen: {p}.", "{p}, vaste prijs.", "Mijn tarief is {p}."),
    "en": ("Rates: {p}.", "Price: {p}.", "My rate is {p}."),
    "es": ("Precio: {p}.",),
    "pl": ("Cena: {p}.",),
    "ro": ("Preț: {p}.",),
}

_AVAILABILITY = {
    "nl": (
        "Ma t/m vr van 10:00 tot 22:00, ook in het weekend.",
        "Alleen op afspraak, bel of app even.",
        "Overdag en 's avonds bereikbaar.",
        "Ik werk op afspraak, graag een dag van tevoren.",
        "Vandaag nog beschikbaar, stuur gerust een berichtje.",
        "Alleen serieuze aanvragen, geen anonieme nummers.",
        "Bereikbaar van 12:00 tot 02:00.",
    ),
    "en": (
        "Available Mon-Sat from 11 am till late.",
        "By appointment only, call or text me.",
        "Daytime and evening appointments.",
        "Available today, just send me a message.",
        "Serious requests only, no hidden numbers.",
    ),
    "es": ("Disponible de lunes a sábado.", "Solo con cita previa."),
    "pl": ("Dostępna od poniedziałku do soboty.", "Tylko po wcześniejszym umówieniu."),
    "ro": ("Disponibilă de luni până sâmbătă.", "Doar cu programare."),
}

_PHONE_LEAD = {
    "nl": ("Bel of app: {phone}", "Tel: {phone}", "Whatsapp {phone}", "Bel mij op {phone}"),
    "en": ("Call or text: {phone}", "Phone {phone}", "WhatsApp me: {phone}"),
    "es": ("Llámame: {phone}", "WhatsApp {phone}"),
    "pl": ("Zadzwoń: {phone}", "Tel. {phone}"),
    "ro": ("Sună-mă: {phone}", "Tel {phone}"),
}

_CLOSING = {
    "nl": (
        "Tot snel!",
        "Liefs,",
        "Kusjes",
        "Ik zie je graag snel.",
        "Hygiëne en discretie gegarandeerd.",
        "Respect en hygiëne vind ik belangrijk.",
    ),
    "en": (
        "See you soon!",
        "Kisses,",
        "Hygiene and discretion guaranteed.",
        "Don't be shy!",
        "Respect is key.",
    ),
    "es": ("¡Besos!", "Te espero."),
    "pl": ("Buziaki!", "Zapraszam."),
    "ro": ("Pupici!", "Te aștept."),
}

_LICENCE = {
    "club": {
        "nl": ("Werkzaam in club {club}.", "Je vindt mij in club {club}.", "Club {club}, kom gerust langs."),
        "en": ("Working in club {club}.", "Find me at club {club}."),
        "es": ("Trabajo en club {club}.",),
        "pl": ("Pracuję w club {club}.",),
        "ro": ("Lucrez în club {club}.",),
    },
    "privéhuis": {
        "nl": (
            "Te vinden in privéhuis {house}.",
            "Ontvangst in ons privéhuis.",
            "Privéhuis {house}, vergunning aanwezig.",
        ),
        "en": ("Working in privéhuis {house}.", "Incall at our privéhuis."),
        "es": ("Trabajo en privéhuis {house}.",),
        "pl": ("Pracuję w privéhuis {house}.",),
        "ro": ("Lucrez în privéhuis {house}.",),
    },
    "bureau": {
        "nl": (
            "Afspraken via ons bureau.",
            "Escortbureau {agency}, bel voor beschikbaarheid.",
            "Via ons bureau.",
        ),
        "en": ("Bookings via our bureau.", "Escort agency (bureau) {agency}."),
        "es": ("Reservas via bureau {agency}.",),
        "pl": ("Rezerwacje przez bureau {agency}.",),
        "ro": ("Rezervări prin bureau {agency}.",),
    },
    "KvK": {
        "nl": ("KvK {kvk}.", "Ingeschreven bij de KvK: {kvk}.", "KvK-nummer {kvk}"),
        "en": ("KvK {kvk}.", "Registered with the KvK ({kvk})."),
        "es": ("KvK {kvk}.",),
        "pl": ("KvK {kvk}.",),
        "ro": ("KvK {kvk}.",),
    },
}
_CLUBS = ("Venus", "Paradise", "Flamingo", "Maxim", "Red Velvet", "Bonaparte", "Elysee")
_HOUSES = ("Mirage", "De Roos", "Villa Lux", "Het Hofje", "Amour")
_AGENCIES = ("Diamond", "Golden Rose", "Velvet", "First Class", "Royal")

_INDICATOR = {
    "available_24_7": {
        "nl": ("24/7 bereikbaar!", "Dag en nacht beschikbaar, 24/7.", "24 uur per dag, 7 dagen per week."),
        "en": ("Available 24/7!", "24/7, day and night."),
        "es": ("Disponible 24/7.",),
        "pl": ("Dostępna 24/7.",),
        "ro": ("Disponibilă 24/7.",),
    },
    "unsafe_sex": {
        "nl": ("Ook zonder condoom mogelijk.", "Zonder bescherming bespreekbaar."),
        "en": ("No condom possible.", "Without protection on request."),
        "es": ("Sin condón posible.",),
        "pl": ("Możliwe bez zabezpieczenia.",),
        "ro": ("Posibil fără prezervativ.",),
    },
    "third_party": {
        "nl": (
            "Bel mijn manager voor een afspraak.",
            "Mijn manager neemt de telefoon op.",
            "Afspraken via mijn chauffeur.",
        ),
        "en": ("Call my manager for bookings.", "My manager answers the phone.", "Bookings via my driver."),
        "es": ("Llama a mi manager.",),
        "pl": ("Zadzwoń do mojego managera.",),
        "ro": ("Sună managerul meu.",),
    },
    "new_in_town": {
        "nl": ("Nieuw in de stad!", "Nieuw in {place}!", "Deze week nieuw in {place}."),
        "en": ("New in town!", "New in {place}!", "Just arrived in {place}."),
        "es": ("¡Nueva en la ciudad!",),
        "pl": ("Nowa w mieście!",),
        "ro": ("Nouă în oraș!",),
    },
    "several_workers": {
        "nl": (
            "{n} meiden beschikbaar.",
            "Wij zijn met {n} meiden, ook duo mogelijk.",
            "Keuze uit meerdere dames.",
        ),
        "en": ("{n} girls available.", "Duo possible, {n} girls.", "Several ladies available."),
        "es": ("Somos dos chicas.",),
        "pl": ("Dwie dziewczyny.",),
        "ro": ("Două fete.",),
    },
}

_TRAPS = {
    "nl": (
        "Mijn vriendin van {n} zegt dat ik de beste ben.",
        "Sinds {year} actief in deze mooie regio.",
        "Al {k} jaar ervaring.",
    ),
    "en": (
        "My friend ({n}) says I'm the best.",
        "In this business since {year}.",
        "{k} years of experience.",
    ),
    "es": ("Desde {year} en Holanda.",),
    "pl": ("W Holandii od {year}.",),
    "ro": ("În Olanda din {year}.",),
}
_TAXI = {"nl": "Taxikosten €{t} extra.", "en": "Taxi costs €{t} extra."}
_CITIES = ("Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen")
_OUTCALL_CITY = {"nl": "Escort ook naar {city}.", "en": "Outcall also to {city}."}

_TITLE = {
    "nl": (
        "{name} in {place}",
        "Sensuele {name} {emoji}",
        "Lieve {name} voor ontspanning",
        "{name} - {place}",
    ),
    "en": ("{name} in {place}", "Sensual {name} {emoji}", "Sweet {name} waiting for you", "{name} - {place}"),
    "es": ("{name} en {place}", "{name} {emoji}"),
    "pl": ("{name} w {place}", "{name} {emoji}"),
    "ro": ("{name} în {place}", "{name} {emoji}"),
}


# -------------------------------------------------------------------------------------------- composing


@dataclass(frozen=True)
class Wording:
    """One ad's words, shared by every site that shows the ad.

    `origin_field` / `price_field`: whether sites a and b show origin and price as a pre-filled field; when
    False the value is written into the text instead (as on the real sites, where origin and price are mined
    from text). `phone_field`: the phone as the site shows it in a field (phone_style plain/international), or
    None. `phone_in_text`: the phone as written in the text, or None.
    """

    title: str
    paragraphs: tuple[str, ...]
    origin_field: bool
    price_field: bool
    phone_field: str | None
    phone_in_text: str | None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


# how many workers share an ad, in words: (count, "met z'n ..." form)
_COUNT = {
    "nl": {2: ("twee", "tweeën"), 3: ("drie", "drieën")},
    "en": {2: ("two", "two"), 3: ("three", "three")},
    "es": {2: ("dos", "dos"), 3: ("tres", "tres")},
    "pl": {2: ("dwie", "dwie"), 3: ("trzy", "trzy")},
    "ro": {2: ("două", "două"), 3: ("trei", "trei")},
}


def _count_words(lang: str, n: int) -> tuple[str, str]:
    return _COUNT[lang].get(n, (str(n), str(n)))


def _gender_key(ad: Ad) -> str:
    """f female, m male, t trans, x unstated; c couple, p several workers (plural wording)."""
    if ad.ad_gender == "couple":
        return "c"
    if ad.n_workers > 1:
        return "p"
    return {"female": "f", "male": "m", "trans": "t"}.get(ad.ad_gender or "", "x")


class _Composer:
    """Draws one ad's sentences; `lang_for()` alternates nl/en sentences for mixed ads."""

    def __init__(self, ad: Ad) -> None:
        self.ad = ad
        self.rng = random.Random(ad.text_seed)
        self.lang = ad.language if ad.language in LANGUAGES else "nl"
        self.gkey = _gender_key(ad)

    def lang_for(self) -> str:
        if self.lang == "mixed":
            return self.rng.choice(("nl", "en"))
        return self.lang

    def pick(self, bank: tuple[str, ...]) -> str:
        return self.rng.choice(bank)

    def age_text(self, lang: str) -> str:
        n = int(self.ad.stated_age) if self.ad.stated_age is not None else 0
        template = self.pick(_AGE[lang])
        words = dutch_number(n) if lang == "nl" else english_number(n) if lang == "en" else str(n)
        return template.format(n=n, w=words if n < 100 else n)

    def origin_text(self, lang: str) -> str:
        return self.pick(origin_phrases(self.ad.stated_origin_country or "", lang))

    def price_text(self, lang: str) -> str:
        unit, amount = stated_price(self.ad) or ("1h", 0.0)
        return self.pick(_PRICE_TEXT[lang][unit]).format(a=amount_text(amount))


def ad_wording(ad: Ad) -> Wording:
    """Compose the title and free text of one ad (deterministic in ad.text_seed and the stated values)."""
    c = _Composer(ad)
    rng = c.rng
    origin_field = ad.stated_origin_country is not None and rng.random() < 0.55
    price_field = stated_price(ad) is not None and rng.random() < 0.5
    say_age = ad.stated_age is not None and rng.random() < 0.5
    say_origin = ad.stated_origin_country is not None and (not origin_field or rng.random() < 0.4)
    say_price = stated_price(ad) is not None and (not price_field or rng.random() < 0.5)
    say_place = bool(ad.place_name) and rng.random() < 0.6
    words_lang = "nl" if c.lang in ("nl", "mixed") else "en"

    phone_field: str | None = None
    phone_in_text: str | None = None
    style = ad.phone_style or "hidden"
    if ad.phone_e164 and style != "hidden":
        shown = format_phone(ad.phone_e164, style, rng, words_lang)
        if style in FIELD_PHONE_STYLES:
            phone_field = shown
            if rng.random() < 0.4:
                phone_in_text = format_phone(ad.phone_e164, style, rng, words_lang)
        else:
            phone_in_text = shown

    name = ad.display_name or "?"
    emoji = lambda: rng.choice(_EMOJI)  # noqa: E731
    sentences: list[str] = []

    # greeting and self-description (age and origin may ride along)
    lang = c.lang_for()
    sentences.append(
        f"{c.pick(_GREETING[lang])} {emoji()}" if rng.random() < 0.6 else c.pick(_GREETING[lang])
    )
    lang = c.lang_for()
    age_s = c.age_text(lang) if say_age else ""
    origin_s = c.origin_text(lang) if say_origin else ""
    noun = c.pick(_NOUNS[lang][c.gkey if c.gkey in "fmtx" else "f"])
    template = c.pick(_SELF[lang][c.gkey if c.gkey in "pc" else "s"])
    k, kk = _count_words(lang, ad.n_workers)
    origin_is_adj = origin_s[:1].isupper()
    fits_origin = (origin_is_adj and "{origin_adj}" in template) or (
        bool(origin_s) and not origin_is_adj and "{origin_sp}" in template
    )
    sentence = template.format(
        k=k,
        kk=kk,
        name=name,
        noun=noun,
        age_c=f", {age_s}" if age_s and "{age_c}" in template else "",
        origin_sp=f" {origin_s}" if fits_origin and not origin_is_adj else "",
        origin_adj=f"{origin_s} " if fits_origin and origin_is_adj else "",
    )
    sentences.append(sentence)
    if age_s and "{age_c}" not in template:
        sentences.append(age_s[0].upper() + age_s[1:] + ".")
    if origin_s and not fits_origin:
        sentences.append(f"{_origin_sentence(lang, origin_s, noun)} {emoji()}")

    if c.gkey == "t":
        sentences.append("Transgender 🏳️‍⚧️" if rng.random() < 0.5 else "TS / trans.")
    if ad.n_workers > 1 and "several_workers" not in ad.indicators:
        lang = c.lang_for()
        k, kk = _count_words("nl" if lang == "nl" else "en", ad.n_workers)
        sentences.append(
            f"Wij zijn met z'n {kk}: duo mogelijk." if lang == "nl" else f"{k.title()} of us available."
        )

    if ad.place_name and (say_place or "new_in_town" in ad.indicators):
        sentences.append(c.pick(_PLACE[c.lang_for()]).format(place=ad.place_name))

    if ad.ad_types:
        lang = c.lang_for()
        items = [c.pick(_SERVICES[lang][t]) for t in ad.ad_types if t in _SERVICES[lang]]
        if items:
            joined = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " & " + items[-1]
            sentences.append(c.pick(_SERVICES[lang]["lead"]).format(list=joined))
        if "escort" in ad.ad_types and lang in _TAXI and rng.random() < 0.15:
            sentences.append(_TAXI[lang].format(t=rng.choice((15, 20, 25, 30))))
        if "escort" in ad.ad_types and lang in _OUTCALL_CITY and rng.random() < 0.1:
            city = rng.choice([x for x in _CITIES if x != ad.place_name])
            sentences.append(_OUTCALL_CITY[lang].format(city=city))

    if say_price:
        lang = c.lang_for()
        sentences.append(c.pick(_PRICE_LEAD[lang]).format(p=c.price_text(lang)))

    if ad.licence_term in _LICENCE:
        lang = c.lang_for()
        sentences.append(
            c.pick(_LICENCE[ad.licence_term][lang]).format(
                club=rng.choice(_CLUBS),
                house=rng.choice(_HOUSES),
                agency=rng.choice(_AGENCIES),
                kvk=str(rng.randrange(10_000_000, 99_999_999)),
            )
        )

    for indicator in ad.indicators:
        bank_i = _INDICATOR.get(indicator)
        if not bank_i:
            continue  # age_under_21 is carried by the stated age itself
        lang = c.lang_for()
        if lang in ("es", "pl", "ro") and rng.random() < 0.5:
            lang = "en"  # stock phrases are often in English
        sentences.append(
            c.pick(bank_i[lang]).format(place=ad.place_name or "de stad", n=max(ad.n_workers, 2))
        )

    if rng.random() < 0.2:
        lang = c.lang_for()
        sentences.append(
            c.pick(_TRAPS[lang]).format(
                n=rng.randrange(19, 45), year=rng.randrange(2012, 2021), k=rng.randrange(2, 12)
            )
        )

    lang = c.lang_for()
    sentences.append(c.pick(_AVAILABILITY[lang]))
    if phone_in_text:
        sentences.append(c.pick(_PHONE_LEAD[c.lang_for()]).format(phone=phone_in_text))
    sentences.append(f"{c.pick(_CLOSING[c.lang_for()])} {emoji()}")

    paragraphs = _paragraphs(sentences, rng)
    title_lang = "en" if c.lang == "mixed" and rng.random() < 0.5 else ("nl" if c.lang == "mixed" else c.lang)
    title_bank = (
        _TITLE[title_lang] if ad.place_name else tuple(t for t in _TITLE[title_lang] if "{place}" not in t)
    )
    title = rng.choice(title_bank).format(name=name, place=ad.place_name or "", emoji=emoji())
    return Wording(
        title=title,
        paragraphs=paragraphs,
        origin_field=origin_field,
        price_field=price_field,
        phone_field=phone_field,
        phone_in_text=phone_in_text,
    )


def _paragraphs(sentences: list[str], rng: random.Random) -> tuple[str, ...]:
    """Group sentences into 2-4 paragraphs, keeping their order."""
    if len(sentences) <= 3:
        return (" ".join(sentences),)
    cuts = sorted(rng.sample(range(1, len(sentences)), k=min(len(sentences) - 1, rng.randrange(1, 4))))
    bounds = [0, *cuts, len(sentences)]
    return tuple(" ".join(sentences[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if a < b)
