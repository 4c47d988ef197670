"""Table-driven tests for the gender and types phenomena read in heldout7's misses (round 8): the advertiser
giving out her address, the abbreviation "ontv", a hosting verb before a hotel (a hotel room she receives in,
not outcall), a domina's studio or a dungeon, Portuguese "saídas", the speaker awaiting the client somewhere
("te aștept în", "ik wacht op je in", "te espero en"), "also" before any outcall wording implying reception,
and the clientele written with an article ("voor de vrouw die"). Each case names its phenomenon; non-cases
guard against over-reading."""

from __future__ import annotations

import pytest

from zicht.extract.gender import gender_from_text
from zicht.extract.text import prepare
from zicht.extract.types import types_from

GENDER_CASES = [
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


@pytest.mark.parametrize(("text", "expected", "case"), GENDER_CASES, ids=[c[2] for c in GENDER_CASES])
def test_gender(text: str, expected: str | None, case: str) -> None:
    found = gender_from_text(prepare(text))
    assert (found[0] if found else None) == expected


TYPE_CASES = [
    # the advertiser gives out her own address: clients come to her
    ("Mijn adres krijg je na het bellen.", {"home"}, "nl-mijn-adres"),
    ("Adres na afspraak. Uur 120.", {"home"}, "nl-adres-na-afspraak"),
    ("Het adres krijg je na een belletje", {"home"}, "nl-adres-na-belletje"),
    ("App voor het adres 06-12345678", {"home"}, "nl-app-voor-adres"),
    ("Discreet adres in Zwolle", {"home"}, "nl-discreet-adres"),
    ("Address on request, 1 hour 150", {"home"}, "en-address-on-request"),
    ("I send you my address after booking", {"home"}, "en-my-address"),
    ("Dirección por WhatsApp", {"home"}, "es-direccion-por-whatsapp"),
    ("Endereço após marcação", {"home"}, "pt-endereco-apos-marcacao"),
    ("Stuur je adres via whatsapp en ik kom", {"escort"}, "non-je-adres-is-client"),
    ("Send your address by sms", set(), "non-your-address"),
    ("Dan ben je bij mij aan het juiste adres.", set(), "non-juiste-adres-idiom"),
    ("Mail naar mijn e-mailadres via de site", set(), "non-emailadres"),
    # "ontv" for ontvangst
    ("Ontv + escort. 80/u.", {"home", "escort"}, "nl-ontv"),
    ("Ontv. in Delft", {"home"}, "nl-ontv-dot"),
    # a hosting verb before a hotel: reception only
    ("Primesc la hotel, 30 min 100", {"home"}, "ro-primesc-la-hotel"),
    ("Ik ontvang in een hotel in Utrecht", {"home"}, "nl-ontvang-in-hotel"),
    ("Primesc la mine. Fac și deplasări la hotel.", {"home", "escort"}, "ro-deplasari-stays-escort"),
    ("Ik ontvang thuis en kom naar je hotel", {"home", "escort"}, "non-ontvang-then-kom-naar-je-hotel"),
    ("Vin la hotel", {"escort"}, "non-vin-la-hotel"),
    # a domina's studio, a dungeon
    ("DOMINA MISTRESS CARMEN. Studio in Zwijndrecht.", {"home"}, "domina-studio"),
    ("Mistress Raven. Fully equipped dungeon in Nijmegen.", {"home"}, "en-dungeon"),
    ("Strenge meesteres, SM-kamer in Venlo", {"home"}, "nl-sm-kamer"),
    ("Relax massage studio Harmony in Veenendaal", {"massage"}, "non-massage-studio-name"),
    ("Foto's gemaakt in een studio, escort in Breda", {"escort"}, "non-photo-studio"),
    ("Meesteres, geen studio, ik kom naar je toe", {"escort"}, "non-negated-studio"),
    # Portuguese outcall
    ("Faço saídas.", {"escort"}, "pt-faco-saidas"),
    ("Também faço saídas.", {"home", "escort"}, "pt-tambem-implies-home"),
    ("Atendo a domicílio e em hotéis", {"escort"}, "pt-a-domicilio"),
    ("Vou até você", {"escort"}, "pt-vou-ate-voce"),
    # the speaker awaits the client somewhere
    ("Fată simpatică, te aștept în Zaandam", {"home"}, "ro-te-astept-in"),
    ("Ik wacht op je in Almere", {"home"}, "nl-wacht-op-je-in"),
    ("I'll be waiting for you at my place", {"home"}, "en-waiting-for-you-at"),
    ("Waiting for you in Amsterdam Zuid", {"home"}, "en-waiting-for-you-in"),
    ("Te espero en Rotterdam", {"home"}, "es-te-espero-en"),
    ("Czekam na ciebie w Hadze", {"home"}, "pl-czekam-na-ciebie-w"),
    ("Ti aspetto a Rotterdam", {"home"}, "it-ti-aspetto-a"),
    ("Je t'attends à Lille", {"home"}, "fr-je-t-attends"),
    ("Ik wacht op je bericht op WhatsApp", set(), "non-wacht-op-bericht"),
    ("Waiting for your call", set(), "non-waiting-for-your-call"),
    ("Te espero en tu hotel", {"escort"}, "non-te-espero-en-tu-hotel"),
    ("Te aștept la tine", {"escort"}, "non-astept-la-tine"),
    ("Te aștept la telefon", set(), "non-astept-la-telefon"),
    ("Ti aspetto a presto", set(), "non-aspetto-a-presto"),
    ("Espero en Dios", set(), "non-espero-without-te"),
    # "also" before any outcall wording implies reception (no reception field)
    ("Ontspannende bodymassage. Ook aan huis.", {"home", "escort", "massage"}, "nl-ook-aan-huis"),
    ("Ook voor hotel gasten, ik kom naar je hotel toe", {"home", "escort"}, "nl-ook-voor-hotel"),
    ("Ook bij jou thuis mogelijk", {"home", "escort"}, "nl-ook-bij-jou"),
    ("Also outcall to your hotel", {"home", "escort"}, "en-also-outcall"),
    ("También salidas a hotel", {"home", "escort"}, "es-tambien-salidas"),
    ("Massage aan huis, ook niet aan huis", {"escort", "massage"}, "non-ook-niet"),
    ("Alleen escort, ook hotelbezoek", {"escort"}, "non-outcall-only"),
    ("Massage aan huis", {"escort", "massage"}, "non-aan-huis-without-ook"),
]


@pytest.mark.parametrize(("text", "expected", "case"), TYPE_CASES, ids=[c[2] for c in TYPE_CASES])
def test_types(text: str, expected: set[str], case: str) -> None:
    assert types_from(text)[0] == expected


def test_implied_home_not_with_a_reception_field() -> None:
    """The "also" inference is off when the site has a reception field (implied=False)."""
    assert types_from("Ook aan huis", implied=False)[0] == {"escort"}
