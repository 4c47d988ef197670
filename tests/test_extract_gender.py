"""Gender cues in the text.

Behaviour cases of the development rounds, grouped by field. Each section names the file its cases came
from (the batch misses they fixed are in docs/extraction.md); the cases are unchanged. New cases go to
the case tables in tests/data/extract_cases/."""

from __future__ import annotations

import pytest

from zicht.extract.gender import gender_from_text
from zicht.extract.text import prepare

# From test_extract_round10.py (r10): Table-driven tests for the phenomena read in heldout9's misses
# (round 10): outcall compounds and visiting hotels across languages (hotelmassage, huisbezoek, "I visit
# hotels", pt "vou até você no hotel", pl "przyjechać do hotelu"); a pair of language names (no origin),
# an uninflected Dutch city adjective after "echt"/"ik ben", a profile-list item after a blanked display
# name, "ook <nationality>" among a business's ladies; an age range after between/tussen/entre; a vocative
# "Dames," before the advertiser's own words. Each case names its phenomenon; non-cases guard against
# over-reading.

GENDER_CASES_R10 = [
    # a vocative "Dames," addresses the readers; the advertiser speaks after it
    ("Dames, mag ik mij even voorstellen? Ik ben een gentleman die luistert.", "male", "nl-vocative-dames"),
    ("Lieve dames! Ik ben een ervaren masseur", "male", "nl-lieve-dames-vocative"),
    ("Ladies, I am a friendly guy from Utrecht", "male", "en-ladies-vocative"),
    ("I am a gentleman who listens", "male", "en-i-am-a-gentleman"),
    # non-cases: a woman noun with an age or a list, or not at the start of a sentence
    ("Dames, 25, uit Utrecht", "female", "non-age-after"),
    ("Dames: Linda en Romy", "female", "non-roster"),
    ("Sexy dames, nieuw in Breda", "female", "non-adjective-before"),
]


@pytest.mark.parametrize("text,expected,case", GENDER_CASES_R10, ids=[c[2] for c in GENDER_CASES_R10])
def test_gender_r10(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


# From test_extract_round4.py (r4): Table-driven tests for the phenomena added after the third held-out
# batch was read (fourth round): negated reception/outcall ("Ik ontvang niet", "I don't do outcall"),
# "naar je toe komen", own rooms and studios as reception, language lists and hyphenated or uninflected
# nationality words, two people's ages, dot-leader price lists and Romanian "minute", streets and
# provinces that contain a place name, greetings ("Dames en heren"), and new-in-town / 24-hour wording in
# es/en. Each case names its phenomenon.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dames en heren, Sven (30) hier, hetero man", "male"),
        ("Ladies and gentlemen, welcome", None),
        ("Lieve dame voor heren", "female"),
    ],
    ids=["nl-greeting-then-man", "en-greeting-only", "dame-still-female"],
)
def test_greeting_is_not_a_gender_cue_r4(text: str, expected: str | None) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


# From test_extract_round6.py (r6): Table-driven tests for the phenomena added after the fifth held-out
# batch was read (sixth round): bare site rate fields, "1u 120" before a phone number, a club's half-hour
# price "met dame", run-on lower-case "name number place" ads, "ik ben <naam> 31", two ages "(35/33)", an
# age never read from a price, uninflected and new nationality words, flag emoji, several countries in a
# venue ad, male cues "joven latino" / "man voor vrouwen", and new-in-town wording. Each case names its
# phenomenon; non-cases guard against over-reading.

GENDER_CASES_R6 = [
    ("Joven latino Andrés, 26, de Venezuela. Masajes para hombres y mujeres", "male", "es-joven-latino"),
    ("Marcel, 39, discrete man voor vrouwen. Regio Tilburg.", "male", "nl-age-adjective-man"),
    ("Ervaren man voor dames en stellen", "male", "nl-man-voor-dames"),
    ("Chica joven y cariñosa", "female", "es-joven-chica"),
    ("Lieve meid zoekt een discrete man", "female", "client-man-after-female-cue"),
]


@pytest.mark.parametrize(("text", "expected", "case"), GENDER_CASES_R6, ids=[c[2] for c in GENDER_CASES_R6])
def test_gender_r6(text: str, expected: str, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


# From test_extract_round7.py (r7): Table-driven tests for the phenomena fixed after heldout6 was read
# (seventh round, heldout6 and the open heldout5 misses): a capitalised "Man (45)", "Gentleman, 48," and a
# nationality between adjective and "man"; Romanian and French outcall/reception, "eigen" with three
# words, "prive" in a dash list, third-person possessives, the client's "thuis" and a massage table
# brought along; dash-separated, "escort, 27," and lower-case place ages; a rate unit after the amount, a
# service word between duration and amount, "p u"; Dutch regional, French and more African/Asian/Middle-
# East nationality words; an everyday-word place after the age; several workers by count or by a list of
# names, "Ontvangst 24 uur", "N days only", "nieuw bij Club X in", "nieuw!!" after the place and a run-on
# "ook zonder". Each case names its phenomenon; non-cases guard against over-reading.

GENDER_CASES_R7 = [
    ("Man (45), verzorgd, voor dames en stellen", "male", "capital-man-before-age"),
    ("MAN, 52, discreet en verzorgd", "male", "upper-man-comma-age"),
    ("Gentleman, 48, for ladies and couples", "male", "gentleman-before-age"),
    ("Knappe Turkse man, 35, voor vrouwen", "male", "adjective-nationality-man"),
    ("Handsome Italian man for ladies", "male", "en-adjective-nationality-man"),
    ("Ik ontvang samen met mijn man (45) en zijn vriendin", None, "possessive-man-is-someone-else"),
    ("Welkom iedere gentleman die van verwennen houdt", None, "gentleman-client-without-age"),
]


@pytest.mark.parametrize(("text", "expected", "case"), GENDER_CASES_R7, ids=[c[2] for c in GENDER_CASES_R7])
def test_gender_r7(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


# From test_extract_round7_types.py (r7_types): Table-driven tests for the gender and types phenomena read
# in the round-7 development batches (dev7a-c, written by outside writers): male nouns and male
# nationality forms across the ads' languages, greetings and clienteles that are no female cue, trans and
# couple words in other languages, a trans display name; reception and outcall wording in German,
# Hungarian, Bulgarian/Russian, Italian, Portuguese, Romanian, French and Frisian; venues where clients
# come (clubs, windows, entrance fees, parking, an address given by phone); exclusive outcall ("alleen
# escort", "ik ontvang zelf niet") and room rentals (no type). Each case names its phenomenon; non-cases
# guard against over-reading.

GENDER_CASES_R7_TYPES = [
    # male nouns, nl/en/de/fr/it/pl/ro/hu/pt
    ("Brabantse vent, 48, voor vrouwen", "male", "nl-vent"),
    ("Friendly Dutch bloke offering massage for men", "male", "en-bloke"),
    ("Sympathischer Typ (45) aus Venlo verwöhnt Frauen", "male", "de-typ"),
    ("Homme français, 42 ans, pour femmes et couples", "male", "fr-homme"),
    ("Ragazzo italiano 35enne, per donne e coppie", "male", "it-ragazzo"),
    ("Polski chłopak, 27 lat, zadbany", "male", "pl-chlopak"),
    ("Băiat român, 25 ani, pentru doamne", "male", "ro-baiat"),
    ("Fiatal magyar srác, 23 éves", "male", "hu-srac"),
    ("Rapaz brasileiro, moreno, 1,80", "male", "pt-rapaz"),
    # male nationality nouns/adjectives (es/pt/it): the -o form of the -a forms read as female
    ("Brasileiro Rafael 28 anos, escort", "male", "pt-brasileiro"),
    ("Cubano moreno, 38 años, cariñoso", "male", "es-cubano"),
    ("Colombiano caliente Juan, 27 jaar", "male", "es-colombiano"),
    ("Colombiana caliente, 27", "female", "es-colombiana-female"),
    ("Hablo español e italiano", None, "language-names-no-cue"),
    # a man right before the age, or an adjective before man
    ("Rijpe heer 67 geeft ontspanningsmassage", "male", "heer-before-age"),
    ("Ik ben Joost, een rustige heer van 58", "male", "heer-van-age"),
    ("HETERO MAN 38 voor dames", "male", "hetero-man-age"),
    ("ben een lieve man en kom graag bij jou", "male", "ben-een-lieve-man"),
    ("Gentleman escort for ladies, Daniel, 45", "male", "gentleman-escort"),
    ("Voor de heer 50+ die rust zoekt, lieve dame", "female", "heer-50-plus-is-client"),
    # greetings and the clientele are no female cue
    ("Hey ladies! Jonge sportieve man uit Ede", "male", "greeting-hey-ladies"),
    ("Hi ladies, I'm Alex, 31, living in Amsterdam", None, "greeting-hi-ladies"),
    ("Lieve dame in Assen", "female", "lieve-dame-is-advertiser"),
    # trans words in other languages
    ("Transsexuală româncă Sabrina", "trans", "ro-transsexuala"),
    ("Transseksualna Patrycja, 26 lat", "trans", "pl-transseksualna"),
    ("Транссексуална Ники, 25 г.", "trans", "bg-transseksualna"),
    ("Szexi transz lány Lili", "trans", "hu-transz"),
    ("TRAVESTI LUXO Bruna", "trans", "pt-travesti"),
    ("Den Haag Transvaal, lieve vrouw", "female", "transvaal-not-trans"),
    # couple words in other languages
    ("Magyar pár vagyunk (Zoli 36, Eszter 32)", "couple", "hu-par-vagyunk"),
    ("Wir sind ein nettes Paar aus Deutschland", "couple", "de-ein-paar"),
    ("Lieve meid, een paar dagen in Breda", "female", "nl-een-paar-is-a-few"),
    ("Wir empfangen Männer und Paare", None, "de-paare-clientele"),
    ("Somos um casal liberal de Rotterdam", "couple", "pt-um-casal"),
    ("Suntem un cuplu tânăr", "couple", "ro-un-cuplu"),
    ("Siamo una coppia italiana", "couple", "it-una-coppia"),
    ("Atendo homens, mulheres e casais", None, "pt-casais-clientele"),
    ("Pentru doamne și cupluri", None, "ro-cupluri-clientele"),
    ("Jongeman (25) uit Leiden", "male", "nl-jongeman"),
    ("Garoto de programa, 24 anos", "male", "pt-garoto"),
]


@pytest.mark.parametrize(
    ("text", "expected", "case"), GENDER_CASES_R7_TYPES, ids=[c[2] for c in GENDER_CASES_R7_TYPES]
)
def test_gender_r7_types(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("TS Demi", "trans"), ("Transgirl Kim", "trans"), ("Demi", None), ("Tessa", None)],
)
def test_gender_trans_display_name_r7_types(name: str, expected: str | None) -> None:
    found = gender_from_text(prepare("Hey schat, ik ben Demi. Ontvang in Arnhem."), name)
    assert (found[0] if found and found[0] == "trans" else None) == expected


# From test_extract_round8_types.py (r8_types): Table-driven tests for the gender and types phenomena read
# in heldout7's misses (round 8): the advertiser giving out her address, the abbreviation "ontv", a
# hosting verb before a hotel (a hotel room she receives in, not outcall), a domina's studio or a dungeon,
# Portuguese "saídas", the speaker awaiting the client somewhere ("te aștept în", "ik wacht op je in", "te
# espero en"), "also" before any outcall wording implying reception, and the clientele written with an
# article ("voor de vrouw die"). Each case names its phenomenon; non-cases guard against over-reading.

GENDER_CASES_R8_TYPES = [
    (
        "Voor de vrouw die wil genieten: massage door een ervaren jongen (34)",
        "male",
        "voor-de-vrouw-clientele",
    ),
    ("For the woman who wants more: massage by a handsome guy, 30", "male", "for-the-woman-clientele"),
    ("Voor elke vrouw een lieve jongen", "male", "voor-elke-vrouw-clientele"),
    ("Sensuele massage door een ervaren man uit Arnhem", "male", "door-een-ervaren-man"),
    ("Massage by a friendly young man", "male", "by-a-young-man"),
    ("Lieve vrouw (45) uit Breda, voor de man die rust zoekt", "female", "vrouw-is-advertiser"),
    ("Ik ben de vrouw voor jou, ervaren jongen gezocht", "female", "de-vrouw-without-voor"),
    ("Massage door een ervaren dame", "female", "door-een-dame"),
]


@pytest.mark.parametrize(
    ("text", "expected", "case"), GENDER_CASES_R8_TYPES, ids=[c[2] for c in GENDER_CASES_R8_TYPES]
)
def test_gender_r8_types(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected
