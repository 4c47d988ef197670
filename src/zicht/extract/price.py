"""Hourly price: pair each amount with the duration it is written next to, then normalise to one hour.

Rules (docs/extraction.md): the 1-hour price when the ad states one; else the stated duration closest to an
hour (ties: the shorter) scaled linearly to 60 minutes; a night counts as 8 hours. A range
("150-200") gives its
lower bound. A currency amount with no duration next to it counts as an hourly price ("Tarief: €150").
Deposits, extras, taxi, entrance fees and "each extra hour" prices are ignored.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from zicht.extract.lexicon import alternation, words
from zicht.extract.text import first_char_test, fold

NIGHT_MINUTES = 480
MIN_AMOUNT, MAX_AMOUNT = 10.0, 5000.0
MIN_HOURLY, MAX_HOURLY = 15.0, 3000.0

# The hour words of every lexicon (zicht.extract.lexicon: uur, hr, hrs, hora, godz, Stunde, hodina ...).
_HOUR_WORD = alternation(words("hour_words"))
_HALF_HOUR = alternation(words("half_hour"))
# The currency words of every lexicon beside "€" and "eur(o)(s)": rozen, roses, $, usd, евро ...
_CURRENCY = alternation(words("currency"))
# Written abbreviations keep their dot ("1 Std. 160 €", "1 godz. 140"): not a sentence end.
_ABBREVIATION_DOT = r"(?:(?<=std|hrs|min)\.|(?<=godz)\.|(?<=\bhr)\.)?"
_DURATION = re.compile(
    r"(?<![a-z])(?P<extra>(?:extra|volgend[e]?|tweede|additional|each|elk[e]?|ieder[e]?|next|second)\s+)?"
    r"(?:"
    r"(?P<ninety>anderhalf\s*uur|1[.,]5\s*" + _HOUR_WORD + r"\b|hora\s+y\s+media|1\s*1/2\s*uur|90\s*min\w*)"
    # "2,5 uur", "2.5 hours": whole hours and a half
    r"|(?P<andahalf>[2-9])[.,]5\s*" + _HOUR_WORD + r"\b"
    # misspelt "hlf uur"; hu "fel ora", it "mezz'ora", de "1/2 Std.", bg "половин час"
    # "1/2 hour", "1/2 hr" are half an hour (not 2 hours); "HH", "1hh": half an hour
    r"|(?P<half>(?:een\s+)?half\s*uur(?:tje)?|halfuur(?:tje)?|halfje|hl?f\s+uur|1/2\s*"
    + _HOUR_WORD
    + r"\b\.?|(?:1\s*)?hh\b|"
    + _HALF_HOUR
    + r"(?![a-z])|"
    r"half\s+(?:an\s+)?hour|media\s+hora|meia\s+hora|pol\s+godz\w*|jumatate\s+de\s+ora|demi[\s-]heure|"
    r"fel\s+ora|mezz'\s?ora|mezzora|половин\s+час)"
    r"|(?P<quarter>kwartier(?:tje)?|quarter(?:\s+hour)?)"
    r"|(?<![\d.,])(?P<min>\d{1,3})\s*(?:de\s+)?(?:minuten|minutes|minutos|minuti|minute|minut|mins?|m|perc|мин)\b\.?"
    # a range of hours gives its lower bound: "Overnight (8-10 hours) 1400" -> 8 hours
    r"|(?<![\d.,])(?P<hours>1[0-2]|0?[1-9])(?:\s*-\s*1?\d)?\s*"
    + _HOUR_WORD
    + r"\b"
    + _ABBREVIATION_DOT
    +
    # 13-24 before an hour word is a time of day or "24 uur per dag", not a duration and not a price
    r"|(?<![\d.,])(?P<clock>1[3-9]|2[0-4])\s*"
    + _HOUR_WORD
    + r"\b"
    r"|(?P<wordhours>een|one|a|an|una|uma|un|o|egy|1|twee|two|dos|duas|drie|three|tres)\s+"
    r"(?:heel\s+|hele\s+|full\s+)?(?:uur|uurtje|hour|hora|godzina|ora|oră|stunde|heure|ore)\b"
    r"|(?P<night>(?:hele\s+|de\s+hele\s+|toata\s+|egesz\s+)?nacht|overnight|night|noche|noite|noc|nuit|noaptea|"
    r"noapte|pernoite|notte|nottata|ejszaka|ubernachtung|нощ|12\s*hours)"
    # an explicit rate unit ("per uur", "p/u", "100 p u", "/h") binds to the amount before it
    # ("€130/uur"; a spaced "/ uur" separates the rows of a list: "Half uur 80 / uur 140")
    # "hourly" before an amount ("Hourly 180", "Hourly: 200") is the duration of the amount after it
    r"|(?P<perunit>per\s+uur|p\.?\s?/?\s?u\.?\b|/u(?:ur)?\b|/h\b|/hr\b|p/?h\b|per\s+hour|an\s+hour|"
    r"hourly(?!\s*[:=-]?\s*(?:€|\$|eur\w*)?\s*\d)|"
    r"la\s+hora|por\s+hora|a\s+hora|pro\s+stunde|pro\s+std\b\.?|/\s?std\b\.?|all'\s?ora|l'\s?ora|per\s+ora|pe\s+ora|"
    r"za\s+godzin[eę]|na\s+godzin[eę]|на\s+час)"
    # "H 180" (an hour, in a list after "HH 100"); not "H24" nor "h 24/7"
    r"|(?P<leads>hourly|h(?=(?:\s*[:=]|\s)\s*(?:€|\$)?\s*\d)(?!\s*24\b))|(?P<perhour>un'\s?ora|/\s+u(?:ur)?\b|/\s+h\b|uurtarief|uurprijs|heel\s+uur|hele\s+uur|het\s+uur|full\s+hour|uurtje|uur|hour|hora|godzina|"
    r"ora|stunde)"
    r")(?![a-z])"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_DURATION = first_char_test(_DURATION)
_WORD_HOURS = {"twee": 120, "two": 120, "dos": 120, "duas": 120, "drie": 180, "three": 180, "tres": 180}
_NUM = r"\d{1,2}\.\d{3}|\d{1,4}"
_AMOUNT = re.compile(
    r"(?:(?P<cur1>€|eur(?:o|os)?\b|£/€|" + _CURRENCY + r")\s*)?"
    r"(?<![\d.,:/+-])(?P<value>" + _NUM + r")(?:[.,](?:-{1,2}|\d{2})(?!\d))?(?![\d:]|/\d)"
    # a range stays on its line: "€60\n- 60 minuten" is a list bullet
    r"(?P<range>[^\S\n]*(?:-|tot|to|en|a)[^\S\n]*(?:€\s*)?(?P<upper>"
    + _NUM
    + r")(?:[.,](?:-|\d{2}))?(?![\d:]|/\d))?"
    r"(?P<cur2>\s*(?:€|eur(?:o|os)?\b|e\b|,-|" + _CURRENCY + r"))?"
)
# A phone number starts with + or 0 ("0612...", "+31 6", "0049"): "1u 120 06 48 39 17 25" keeps its price.
# A national number (0 + 9 digits) ends at its tenth digit unless more digits follow unspaced: in
# "0635917284 25 min 60" the 25 is the next duration.
# Each branch starts with its literal and tests the character before it afterwards ("0(?<!\d0)" is
# "(?<!\d)0"): with a literal first re scans for "+" and "0" instead of trying every position.
# North American and other ten-digit forms: "(555) 123-4567", "555-123-4567", "555.123.4567".
_PHONE_LIKE = re.compile(
    r"\+\d(?:[\s.\-]?\d){8,}|0(?<!\d0)0\d(?:[\s.\-]?\d){7,}|0(?<!\d0)[1-9](?:[\s.\-]?\d){8}\d*|"
    r"\(\d{3}\)[\s.\-]?\d{3}[\s.\-]\d{4}(?!\d)|\d(?<!\d\d)\d{2}([.\-])\d{3}\1\d{4}(?!\d)"
)
# Opening hours ("van 10 tot 22 uur", "11-01u"): not prices or durations.
_OPENING_HOURS = re.compile(
    # clock hours only (0-24): in "30 min 80 - 1 uur 140" the 80 is a price. Written digit first so that re
    # scans for digits: "\d(?<![\d.,€]\d)" is "(?<![\d.,€])\d", and the three alternatives after it are
    # those of "[01]?\d|2[0-4]" in the same order.
    r"\d(?<![\d.,€]\d)(?:(?<=[01])\d||(?<=2)[0-4])(?:[:.]\d{2})?\s*(?:-|tot|to|until|t/m|tm)\s*(?:[01]?\d|2[0-4])(?:[:.]\d{2})?(?!\d)"
    r"\s*(?:uur|u|h|hrs)\b"
)
_SENTENCE_GAP = re.compile(r"[.!?]\s")
# Dot leaders in a price list ("15 min ....... €40", "1 uur ___ 120"): a separator, not sentence ends.
_LEADERS = re.compile(r"\s*(?:[._·…-]\s?){3,}\s*")
# "\d(?<!\w\d)" is "\b\d" written digit first, so that re scans for digits
_TIME = re.compile(r"\d(?<!\w\d)\d?[:.]\d{2}\b(?!\s*(?:€|eur|euro|,-))")
_EXCLUDE_BEFORE = re.compile(
    r"(?:aanbetaling|deposit|borg|vooruit\w*|taxi\w*|reis\w*|travel|entree|entrance|extra\w*|meerprijs|"
    r"toeslag|supplement|anaal|anal|av\b|grieks|greek|tip|parkeer\w*|daarna|then|thereafter|fooi|"
    # what a worker earns in a recruitment ad is no price for a client
    r"verdien\w*|earn\w*|salaris|salary|loon|gage|inkomen|income)|\+\s*(?:€|eur\w*)?\s*$"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_EXCLUDE_BEFORE = first_char_test(_EXCLUDE_BEFORE)
_EXCLUDE_AFTER = re.compile(
    # same line only: "€130\nExtra's: ..." starts the next row of a list
    r"^[^\S\n]*(?:extra|toeslag|meerprijs|aanbetaling|borg|deposit|vooraf|in advance|taxi|reiskosten|entree|"
    # an amount per day, week or month (rent, earnings) is no hourly price
    r"(?:per|a|an|p/?|/)\s?(?:dag|day|week|wk|maand|month|dia|semana|mes|tag|woche|monat|dzien|tydzien))"
)
# Renting out a room, studio or window to workers: the ad offers no sex, so it has no price (LABELLING.md).
_RENTAL = re.compile(
    r"\b(?:te\s+huur|for\s+rent|to\s+rent|to\s+let|verhuur\w*|huurprijs|zu\s+vermieten|se\s+alquila\w*|"
    r"en\s+alquiler|para\s+alugar|aluga-se|do\s+wynajecia|de\s+inchiriat)\b|\bhuur\s*:"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_RENTAL = first_char_test(_RENTAL)
# A table row "15 min  | € 50": the bar between a duration and its amount is a column separator, not a row
# break (rows are lines here; "20 min €60 | 30 min €80" keeps its bars as row breaks).
_COLUMN_BAR = re.compile(
    r"(?m)(?<=[a-z.])([^\S\n]*)\|(?=[^\S\n]*(?:€|eur\w*)?[^\S\n]*\d[\d.,]*[^\S\n]*(?:€|eur\w*|,-)?[^\S\n]*$)"
)
_GAP = re.compile(
    r"^[\s:=\-.,()*/]*(?:(?:per|het|de|la|a|an|voor|een|for|the|um|uma|o|pe|za|heel|hele|full|first|eerste|"
    r"is|kost|kosten|costs?|only|slechts|vanaf|from|desde|ab|od|de|met|mij|me|with|bij|con|migo|comigo|"
    r"=|dame|meisje|meid|girl|lady|chica|"
    # the service priced: "2 uur tantra €180", "1 uur escort 150"
    r"tantra|massage|escort|prive|ontvangst|incall|outcall|sex|seks|erotisch\w*|body|nuru|sessie|session|"
    # "Voor een uur vraag ik 90 euro", "Een uur met ons samen 150", "2 hours minimum, €400"
    r"vraag|reken|ik|i|charge|ask|samen|together|juntos|ons|us|minimum|minimaal|min|"
    # a rate field "75 p/half uur"
    r"p)"
    r"[\s:=\-.,()*/]*){0,3}$"
)
_DIGIT = re.compile(r"\d")
_CLAUSE = re.compile(r"[.!?;\n](?:\s|$)")
_ROW_BREAK = re.compile(r"[;|•\n]")
_ROW_OR_SENTENCE = re.compile(r"[.!?;](?:\s|$)|[\n|•]")


# A NamedTuple, not a frozen dataclass: built for every amount and duration of every ad, and a NamedTuple is
# about twice as fast to build (same fields, same equality between tokens).
class _Token(NamedTuple):
    start: int
    end: int
    minutes: int | None = None  # a duration
    extra: bool = False  # "each extra hour": its price is not the base price
    rate_unit: bool = False  # "per uur", "p/u": written after the amount it qualifies
    leads: bool = False  # "Hourly 180", "H 180": written before the amount it qualifies, never after one
    amount: float | None = None  # an amount
    currency: bool = False
    excluded: bool = False


def _minutes(m: re.Match[str]) -> int | None:
    if m.group("ninety"):
        return 90
    if m.group("andahalf"):
        return int(m.group("andahalf")) * 60 + 30
    if m.group("half"):
        return 30
    if m.group("quarter"):
        return 15
    if m.group("min"):
        value = int(m.group("min"))
        return value if 10 <= value <= 600 else None
    if m.group("hours"):
        value = int(m.group("hours"))
        return value * 60 if 1 <= value <= 12 else None
    if m.group("clock"):
        return None
    if m.group("wordhours"):
        return _WORD_HOURS.get(m.group("wordhours"), 60)
    if m.group("night"):
        return NIGHT_MINUTES
    return 60


def _number(raw: str) -> float:
    return float(raw.replace(".", ""))


_CURRENCY_BEFORE = 6  # the longest currency word before an amount ("euros", "rozen") and one to spare


def _next_amount(text: str, position: int) -> re.Match[str] | None:
    """`_AMOUNT.search(text, position)`, started close to the next digit.

    _AMOUNT has no fixed first character, so re tries it at every position; that scan is its whole cost. An
    amount starts with its value (a digit) or a currency word and spaces before it, so a match that starts
    before the next digit starts at most a currency word before the spaces in front of that digit.
    """
    digit = _DIGIT.search(text, position)
    if digit is None:
        return None
    # str.rstrip() strips exactly what \s matches in a str pattern (both use Py_UNICODE_ISSPACE)
    spaces_start = position + len(text[position : digit.start()].rstrip())
    return _AMOUNT.search(text, max(position, spaces_start - _CURRENCY_BEFORE))


def _tokens(text: str) -> list[_Token]:
    durations: list[_Token] = []
    for m in _DURATION.finditer(text):
        minutes = _minutes(m)
        if minutes is not None:
            durations.append(
                _Token(
                    m.start(),
                    m.end(),
                    minutes=minutes,
                    extra=bool(m.group("extra")),
                    rate_unit=bool(m.group("perunit")),
                    leads=bool(m.group("leads")),
                )
            )
    taken = [(d.start, d.end) for d in durations]
    amounts: list[_Token] = []
    previous_end = 0
    position = 0
    while (found := _next_amount(text, position)) is not None:
        start, end = found.start("value"), found.end()
        position = max(end, found.start() + 1)
        if any(s <= start < e for s, e in taken) or found.group("value").startswith("0"):
            continue
        value = _number(found.group("value"))
        currency = bool(found.group("cur1") or (found.group("cur2") or "").strip())
        upper = found.group("upper")
        if upper and not (value <= _number(upper) <= 3 * value):
            # "80 en 1 uur", "Linda 36 - €110 p/u": not a range; the second number is read on its own
            end = position = found.start("range")
        if not MIN_AMOUNT <= value <= MAX_AMOUNT:
            continue
        lead = _CLAUSE.split(text[max(previous_end, start - 40) : found.start("value")])[-1]
        excluded = bool(_EXCLUDE_BEFORE.search(lead) or _EXCLUDE_AFTER.search(text[end : end + 20]))
        amounts.append(_Token(found.start(), end, amount=value, currency=currency, excluded=excluded))
        previous_end = end
    return sorted(durations + amounts, key=lambda t: t.start)


def _adjacent(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end : right.start]
    if right.rate_unit and re.search("[a-z]", gap):
        # "€130 per uur" binds; in "Escort vanaf 2 uur (€300), ontvangst per uur €140" the unit is the next
        # amount's
        return False
    return (
        len(gap) <= 16
        and not _ROW_BREAK.search(gap)
        and not _SENTENCE_GAP.search(gap)
        and bool(_GAP.match(gap))
    )


def _pairs(text: str) -> tuple[list[tuple[int, float, bool]], list[_Token]]:
    """(minutes, amount, extra) pairs and the amounts left without a duration."""
    tokens = _tokens(text)
    options: list[tuple[_Token, _Token | None, _Token | None]] = []
    for i, token in enumerate(tokens):
        if token.amount is None:
            continue
        before = tokens[i - 1] if i and tokens[i - 1].minutes else None
        after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i + 1].minutes else None
        after = None if after is not None and after.leads else after
        before = before if before and _adjacent(text, before, token) else None
        after = after if after and _adjacent(text, token, after) else None
        options.append((token, before, after))
    votes_before = sum(1 for _, b, a in options if b and not a)
    votes_after = sum(1 for _, b, a in options if a and not b)
    prefer_after = votes_after > votes_before
    pairs: list[tuple[int, float, bool]] = []
    loose: list[_Token] = []
    for token, before, after in options:
        duration = (after or before) if prefer_after else (before or after)
        if after is not None and after.rate_unit:
            duration = after  # "Vanaf 2 uur, €130 per uur": the rate unit beats a minimum booking before it
        if token.excluded:
            continue
        if duration is not None and duration.minutes is not None and token.amount is not None:
            pairs.append((duration.minutes, token.amount, duration.extra))
        elif token.currency:
            sole = _sole_duration(text, tokens, token)
            if sole is not None and sole.minutes is not None and token.amount is not None:
                pairs.append((sole.minutes, token.amount, sole.extra))
            else:
                loose.append(token)
    return pairs, loose


def _sole_duration(text: str, tokens: list[_Token], amount: _Token) -> _Token | None:
    """The duration of a sentence or list row that states one duration and one currency amount, whatever
    the words between ("Een sessie duurt 2 uur en kost 170 euro", "60 minuten body to body: €120")."""
    start = max((m.end() for m in _ROW_OR_SENTENCE.finditer(text, 0, amount.start)), default=0)
    end_match = _ROW_OR_SENTENCE.search(text, amount.end)
    end = end_match.start() if end_match else len(text)
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    durations = [t for t in inside if t.minutes is not None]
    amounts = [t for t in inside if t.amount is not None and t.currency and not t.excluded]
    if len(durations) != 1 or amounts != [amount] or durations[0].extra:
        return None
    duration = durations[0]
    if _NOT_BOOKED_BEFORE.search(
        text, max(0, duration.start - 12), duration.start
    ) or _NOT_BOOKED_AFTER.match(text, duration.end):
        return None
    return duration


# A duration that is no booking: notice ("bel 1 uur van tevoren"), travel time ("binnen 1 uur bij je"),
# working hours ("8 uur per dag").
_NOT_BOOKED_BEFORE = re.compile(r"\b(?:binnen|within|na|after|in|over|bel|call)\s+$")
_NOT_BOOKED_AFTER = re.compile(
    r"\s*(?:van\s+tevoren|vooraf|tevoren|in\s+advance|beforehand|before|notice|ervoor|later|geleden|ago|"
    r"per\s+(?:dag|day|week)|a\s+day|rijden|drive|reizen)\b"
)


# Written-out amounts before a currency word ("honderdtwintig euro het uur", "one hundred and fifty euros",
# "ochenta euros"): read as digits. Only before a currency word: "anderhalve ton" or "twee uur" stay words.
_NL_SMALL = {
    "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19,
}  # fmt: skip
_NL_TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
_EN_SMALL = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
}  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
            "ninety": 90}  # fmt: skip
_ES_PT = {
    "cien": 100, "cem": 100, "ciento": 100, "doscientos": 200, "duzentos": 200, "trescientos": 300,
    "trezentos": 300, "cincuenta": 50, "cinquenta": 50, "sesenta": 60, "sessenta": 60, "setenta": 70,
    "ochenta": 80, "oitenta": 80, "noventa": 90, "cuarenta": 40, "quarenta": 40, "treinta": 30, "trinta": 30,
}  # fmt: skip
_NL_BELOW_100 = (
    "(?:(?:"
    + "|".join(u for u in _NL_SMALL if _NL_SMALL[u] < 10)
    + ")en)?(?:"
    + "|".join(_NL_TENS)
    + ")|"
    + "|".join(sorted(_NL_SMALL, key=len, reverse=True))
)
_NL_NUMBER = (
    r"(?:(?:twee|drie|vier|vijf|zes|zeven|acht|negen)?honderd(?:\s*(?:en\s*)?(?:"
    + _NL_BELOW_100
    + r"))?|"
    + _NL_BELOW_100
    + ")"
)
_EN_BELOW_100 = (
    r"(?:(?:"
    + "|".join(_EN_TENS)
    + r")(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|"
    + ("|".join(sorted(_EN_SMALL, key=len, reverse=True)))
    + ")"
)
_EN_NUMBER = (
    r"(?:(?:"
    + "|".join(_EN_SMALL)
    + r")\s+hundred(?:\s+(?:and\s+)?"
    + _EN_BELOW_100
    + r")?|"
    + (_EN_BELOW_100)
    + ")"
)
_ES_PT_NUMBER = r"(?:(?:" + "|".join(_ES_PT) + r")(?:\s+(?:y|e)?\s*(?:" + "|".join(_ES_PT) + r"))?)"
_WRITTEN_AMOUNT = re.compile(
    r"\b(" + _NL_NUMBER + "|" + _EN_NUMBER + "|" + _ES_PT_NUMBER + r")\s*(?=(?:euro|eur)s?\b)"
)
# Its first characters tested ahead (same matches): places where no branch can start fail at once.
_WRITTEN_AMOUNT = first_char_test(_WRITTEN_AMOUNT)
_WRITTEN_HINT = re.compile(r"tig|honderd|hundred|ty\b|ty[-\s]|enta|cien|cem\b|ento|entos")
_VALUES = {**_NL_SMALL, **_NL_TENS, **_EN_SMALL, **_EN_TENS, **_ES_PT}
# The parts of a written-out amount, longest first ("achttien" before "acht", "eighty" before "eight").
_WORD_PART = re.compile(
    "honderd|hundred|"
    + "|".join(sorted((w for w in _VALUES if len(w) > 1), key=len, reverse=True))
    + r"|\ba\b"
)


def _written_value(words: str) -> int:
    """The value of a written-out amount matched by _WRITTEN_AMOUNT: its parts summed, a hundred multiplying
    what came before ("tweehonderdvijftig" 2 * 100 + 50, "vijfenzeventig" 5 + 70, "one hundred and fifty")."""
    total = 0
    for part in _WORD_PART.findall(words):
        total = max(total, 1) * 100 if part in ("honderd", "hundred") else total + _VALUES[part]
    return total


def _digits_for_words(folded: str) -> str:
    return _WRITTEN_AMOUNT.sub(lambda m: f"{_written_value(m.group(1))} ", folded)


def price_per_hour(text: str, folded: str | None = None) -> tuple[float, str] | None:
    """The hourly price stated in a text (a rate field or the free text) and how it was derived."""
    folded = folded if folded is not None else fold(text)
    if "eur" in folded and _WRITTEN_HINT.search(folded):
        folded = _digits_for_words(folded)
    if not _DIGIT.search(folded):
        return None  # every amount has a digit: no pairs and no loose amounts
    folded = _TIME.sub(_blank, _PHONE_LIKE.sub(_blank, folded))
    if _RENTAL.search(folded):
        return None
    if "|" in folded:
        folded = _COLUMN_BAR.sub(r"\1:", folded)
    if "u" in folded or "h" in folded:
        folded = _OPENING_HOURS.sub(_blank, folded)
    if (
        "..." in folded
        or "__" in folded
        or "---" in folded
        or "…" in folded
        or "·" in folded
        or ". ." in folded
    ):
        folded = _LEADERS.sub(" : ", folded)
    pairs, loose = _pairs(folded)
    base = [(minutes, amount) for minutes, amount, extra in pairs if not extra]
    hourly = [amount for minutes, amount in base if minutes == 60 and MIN_HOURLY <= amount <= MAX_HOURLY]
    if hourly:
        return _checked(hourly[0], f"{hourly[0]:g}/60min")
    if base:
        minutes, amount = min(base, key=lambda p: (abs(p[0] - 60), p[0]))
        return _checked(round(amount * 60 / minutes, 2), f"{amount:g}/{minutes}min")
    if loose and loose[0].amount is not None:
        return _checked(loose[0].amount, f"{loose[0].amount:g} (no duration: hourly)")
    return None


_BARE_RATE = re.compile(
    # "vanaf 140" (from 140) is its lower bound, like a range
    r"^\s*(?:(?:vanaf|v\.a\.|from|desde|ab|od|a\s+partir\s+de)\s+)?(?:€|eur(?:o|os)?)?\s*(\d{2,4})(?:[.,](?:-{1,2}|00))?\s*(?:€|eur(?:o|os)?|,-)?\s*$"
)


def price_from_field(value: str) -> tuple[float, str] | None:
    """A site's rate field: a bare number ("120", "€ 120", "120,-") is the hourly price; otherwise the field
    is read like text ("30 min 80, 1 uur 150")."""
    bare = _BARE_RATE.match(fold(value))
    if bare:
        return _checked(float(bare.group(1)), f"{bare.group(1)} (rate field)")
    return price_per_hour(value)


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _checked(value: float, how: str) -> tuple[float, str] | None:
    return (value, how) if MIN_HOURLY <= value <= MAX_HOURLY else None
