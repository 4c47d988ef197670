"""Rendering of the simulated sites (zicht.simulate.web, texts): markup per the contract, stated values shown,
nothing unstated invented, deterministic bytes."""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from webfixtures import make_ads

from zicht.simulate.texts import (
    ad_wording,
    amount_text,
    dutch_number,
    english_number,
    format_phone,
    national_digits,
    stated_price,
)
from zicht.simulate.web import (
    PAGE_SIZE,
    Ad,
    ad_fields,
    ad_path,
    overview_path,
    page_count,
    render_ad_page,
    render_overview,
    slug,
)

ROWS, _ = make_ads({"a": 240, "b": 120, "c": 90}, weeks=3, seed=11)
ADS = list({r["ad_key"]: Ad.from_row(r) for r in ROWS}.values())

# origin words written independently of texts.py: any of these stems shows the origin was stated
ORIGIN_STEMS = {
    "NL": ("nederland", "netherlands", "dutch", "holandesa", "holanda"),
    "RO": ("roemeen", "roemeni", "romania", "rumun", "român", "româncă", "rumana", "rumania"),
    "CO": ("colombia", "kolumbi"),
    "PL": ("pools", "polish", "polsk", "polka", "poland", "polonia", "polen"),
    "BG": ("bulga",),
    "DO": ("dominica",),
    "TH": ("thai", "thailand", "tailandia"),
    "HU": ("hongaar", "hungar", "hongarije", "hungr", "węgier", "wegier", "ungar"),
    "VE": ("venezola", "venezuela"),
    "BR": ("brazili", "brasil", "brazil"),
}
NL_DIGITS = {w: str(i) for i, w in enumerate("nul een twee drie vier vijf zes zeven acht negen".split())}
EN_DIGITS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}


def decode_phones(text: str) -> str:
    """Undo the obfuscations (number words, letter O / l for 0 / 1) and keep the digits, in text order."""
    out = []
    for token in text.split():
        word = token.lower().strip(".,:;!")
        if word in NL_DIGITS or word in EN_DIGITS:
            out.append(NL_DIGITS.get(word) or EN_DIGITS[word])
            continue
        swapped = word.replace("o", "0").replace("l", "1")
        if sum(ch.isdigit() for ch in swapped) >= 6 and all(ch in "0123456789.-+()" for ch in swapped):
            word = swapped
        out.append(re.sub(r"\D", "", word))
    return "".join(out)


def parse(ad: Ad) -> tuple[HTMLParser, str]:
    page = render_ad_page(ad, ad_wording(ad))
    return HTMLParser(page.decode("utf-8")), page.decode("utf-8")


def pairs(tree: HTMLParser, ad: Ad) -> dict[str, str]:
    if ad.site == "a":
        dts = tree.css("dl.ad-fields dt")
        dds = tree.css("dl.ad-fields dd")
        return {dt.text(): dd.text() for dt, dd in zip(dts, dds, strict=True)}
    if ad.site == "b":
        return {
            tr.css_first("th").text(): tr.css_first("td").text() for tr in tree.css("table.profile-data tr")
        }
    return {
        li.css_first("span.label").text(): li.css_first("span.value").text()
        for li in tree.css("ul.params li")
    }


def free_text(tree: HTMLParser, ad: Ad) -> str:
    selector = {"a": "div.ad-text", "b": "section.description", "c": "div.about"}[ad.site]
    return tree.css_first(selector).text(separator=" ")


LABELS = {
    "a": {
        "age": "Leeftijd",
        "place": "Plaats",
        "gender": "Geslacht",
        "types": "Ontvangst",
        "origin": "Afkomst",
        "price": "Tarief",
    },
    "b": {
        "age": "Leeftijd",
        "place": "Woonplaats",
        "gender": "Geslacht",
        "types": "Soort",
        "origin": "Afkomst",
        "price": "Prijs",
    },
    "c": {"age": "Age", "place": "City", "gender": "Gender", "types": "Services", "origin": "Nationality"},
}
TYPE_WORDS = {
    "home": ("privé-ontvangst", "thuisontvangst", "incall"),
    "escort": ("escort", "outcall"),
    "massage": ("massage",),
}


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (18, "achttien"),
        (21, "eenentwintig"),
        (23, "drieëntwintig"),
        (32, "tweeëndertig"),
        (40, "veertig"),
        (99, "negenennegentig"),
    ],
)
def test_dutch_number(n: int, words: str) -> None:
    assert dutch_number(n) == words


@pytest.mark.parametrize(("n", "words"), [(19, "nineteen"), (23, "twenty-three"), (40, "forty")])
def test_english_number(n: int, words: str) -> None:
    assert english_number(n) == words


@pytest.mark.parametrize(
    ("style", "pattern"),
    [
        ("plain", r"^06[- ]?12345678$"),
        ("international", r"^(\+31 6 1234 5678|\+31612345678|0031 6 12345678|\+31 612345678)$"),
        ("spaced", r"^0 6 1 2 3 4 5 6 7 8$"),
        ("dotted", r"^06\.12\.34\.56\.78$"),
        ("words", r"^nul zes een twee drie vier vijf zes zeven acht$"),
        ("homoglyph", r"^O6-l2345678$"),
    ],
)
def test_phone_styles(style: str, pattern: str) -> None:
    for seed in range(6):
        assert re.match(pattern, format_phone("+31612345678", style, random.Random(seed))), style


def test_slug_and_paths() -> None:
    assert slug("Zoë 's-Gravenhage") == "zoe-s-gravenhage"
    c_ad = next(ad for ad in ADS if ad.site == "c")
    assert re.fullmatch(rf"/escort/[a-z0-9-]+-{c_ad.site_ad_id}", ad_path(c_ad))
    assert overview_path("a", 1) == "/advertenties"
    assert overview_path("a", 3) == "/advertenties?pagina=3"
    assert overview_path("b", 2) == "/sekswerkers?page=2"
    assert overview_path("c", 2) == "/escorts/netherlands?p=2"


def test_pages_are_complete_small_and_deterministic() -> None:
    for ad in ADS:
        page = render_ad_page(ad, ad_wording(ad))
        assert page.endswith(b"</html>")  # exactly: a crawler may test the last bytes
        assert len(page) < 6000, (ad.ad_key, len(page))
        again = render_ad_page(Ad.from_row({**ad.__dict__}), ad_wording(Ad.from_row({**ad.__dict__})))
        assert page == again


def test_wording_does_not_depend_on_site() -> None:
    ad = next(ad for ad in ADS if ad.site == "a")
    assert ad_wording(ad) == ad_wording(replace(ad, site="b", site_ad_id="999"))


def test_contract_selectors_and_codes() -> None:
    for ad in ADS:
        tree, _ = parse(ad)
        if ad.site == "a":
            assert tree.css_first("h1.ad-title").text()
            assert tree.css_first("span.ad-name").text() == ad.display_name
            assert tree.css_first("span.ad-code").text() == f"Advertentiecode: {ad.site_ad_id}"
        elif ad.site == "b":
            assert tree.css_first("h1.profile-name").text() == ad.display_name
            assert tree.css_first("div.profile-id").text() == f"ID: {ad.site_ad_id}"
        else:
            assert tree.css_first("div.profile").attributes["data-id"] == ad.site_ad_id
            assert tree.css_first("h1.name").text() == ad.display_name
            assert tree.css_first("button.show-phone") is not None
        assert tree.css('a[href^="/account/"]'), "pages link into /account/ (robots-disallowed)"


def test_stated_values_are_shown_and_unstated_absent() -> None:
    for ad in ADS:
        tree, _ = parse(ad)
        fields = pairs(tree, ad)
        text = free_text(tree, ad)
        labels = LABELS[ad.site]
        if ad.stated_age is None:
            assert labels["age"] not in fields
        else:
            assert re.match(rf"^{ad.stated_age}( jaar)?$", fields[labels["age"]])
        assert fields.get(labels["place"]) == ad.place_name
        assert (labels["gender"] in fields) == (ad.ad_gender is not None)
        if ad.ad_types:
            shown = fields[labels["types"]].lower()
            for work_type in ad.ad_types:
                assert any(w in shown for w in TYPE_WORDS[work_type]), (ad.ad_key, work_type, shown)
        else:
            assert labels["types"] not in fields
        # origin: a field, or else in the text; never when unstated
        origin_field = fields.get(labels["origin"])
        if ad.stated_origin_country is None:
            assert origin_field is None
        else:
            where = (origin_field or text).lower()
            assert any(stem in where for stem in ORIGIN_STEMS[ad.stated_origin_country]), (ad.ad_key, where)
        # price: a field (sites a, b), the rates table (site c), or the text
        price = stated_price(ad)
        if ad.site == "c":
            cells = " ".join(td.text() for td in tree.css("table.rates td"))
            assert (price is None) == (tree.css_first("table.rates") is None)
            if price:
                assert f"{amount_text(price[1])} EUR" in cells
        elif price is None:
            assert labels["price"] not in fields
        else:
            assert amount_text(price[1]) in fields.get(labels["price"], text), (ad.ad_key, text)


def test_phone_field_only_for_plain_and_international() -> None:
    for ad in ADS:
        tree, html = parse(ad)
        text = free_text(tree, ad)
        field = tree.css_first("a.ad-phone") if ad.site == "a" else tree.css_first("div.contact")
        if ad.site == "c" or not ad.phone_e164:
            assert field is None
            continue
        expected = re.sub(r"\D", "", national_digits(ad.phone_e164))
        if ad.phone_style in ("plain", "international"):
            assert field is not None
            attr = field.attributes["href"] if ad.site == "a" else field.attributes["data-phone"]
            assert attr in (f"tel:{ad.phone_e164}", ad.phone_e164)
            assert re.sub(r"\D", "", field.text()) in (expected, ad.phone_e164[1:], "00" + ad.phone_e164[1:])
        else:
            assert field is None
            assert expected in decode_phones(text), (ad.phone_style, text)
            assert ad.phone_e164 not in html  # obfuscated numbers are not in the markup in clear


def test_indicator_and_licence_phrases_only_when_stated() -> None:
    checks = {
        "available_24_7": r"24/7|24 uur per dag",
        "third_party": r"manager|chauffeur|driver",
        "new_in_town": r"nieuw in|new in|just arrived|nueva en|nowa w|nouă în",
        "unsafe_sex": r"condoom|condom|condón|bescherming|protection|zabezpiecz|prezervativ",
    }
    licences = {"club": r"\bclub\b", "privéhuis": r"privéhuis", "bureau": r"bureau", "KvK": r"\bKvK\b"}
    for ad in ADS:
        tree, _ = parse(ad)
        text = free_text(tree, ad)
        for indicator, pattern in checks.items():
            found = re.search(pattern, text, re.IGNORECASE) is not None
            assert found == (indicator in ad.indicators), (ad.ad_key, indicator, text)
        for term, pattern in licences.items():
            found = re.search(pattern, text, re.IGNORECASE) is not None
            assert found == (ad.licence_term == term), (ad.ad_key, term, text)


def test_shared_ads_mention_two() -> None:
    shared = [ad for ad in ADS if ad.n_workers > 1]
    assert shared
    for ad in shared:
        text = free_text(parse(ad)[0], ad).lower()
        assert re.search(
            r"twee|two|drie|three|duo|\d meiden|\d girls|dos|tres|dwie|trzy|două|trei|meerdere|several", text
        ), text


def test_texts_are_in_the_ad_language() -> None:
    from lingua import Language, LanguageDetectorBuilder

    codes = {
        Language.DUTCH: "nl",
        Language.ENGLISH: "en",
        Language.SPANISH: "es",
        Language.POLISH: "pl",
        Language.ROMANIAN: "ro",
    }
    detector = LanguageDetectorBuilder.from_languages(*codes).build()
    sample = [ad for ad in ADS if ad.language != "mixed"][:120]
    wrong = [
        ad for ad in sample if codes.get(detector.detect_language_of(ad_wording(ad).text)) != ad.language
    ]
    assert len(wrong) <= len(sample) // 20, [(ad.language, ad_wording(ad).text) for ad in wrong]


def test_overview_pages() -> None:
    site_ads = [ad for ad in ADS if ad.site == "a"][:100]
    total = len(site_ads)
    assert page_count(total, "a") == 3
    seen: list[str] = []
    for page in (1, 2, 3):
        chunk = site_ads[(page - 1) * PAGE_SIZE["a"] : page * PAGE_SIZE["a"]]
        html = render_overview("a", [(ad, ad_wording(ad)) for ad in chunk], page, total).decode()
        tree = HTMLParser(html)
        assert tree.css_first("p.result-count span#total").text() == str(total)
        seen += [li.attributes["data-ad"] for li in tree.css("ul.ad-list li.ad-card")]
        links = [a.attributes["href"] for a in tree.css("li.ad-card a.ad-card__link")]
        assert links == [ad_path(ad) for ad in chunk]
        nxt = tree.css_first("a.pagination__next")
        assert (nxt is None) == (page == 3)
        if nxt:
            assert nxt.attributes["href"] == f"/advertenties?pagina={page + 1}"
    assert seen == [ad.site_ad_id for ad in site_ads]
    empty = render_overview("b", [], 1, 0).decode()
    assert 'data-total="0"' in empty and 'class="next"' not in empty


def test_fields_follow_truth_for_null_heavy_ad() -> None:
    ad = replace(
        ADS[0],
        stated_age=None,
        place_name=None,
        ad_gender=None,
        ad_types=(),
        stated_origin_country=None,
        price_unit=None,
        price_amount=None,
        price_per_hour=None,
        indicators=(),
        licence_term=None,
    )
    assert ad_fields(ad, ad_wording(ad)) == []
    tree, _ = parse(ad)
    assert tree.css_first("h1.ad-title").text()
