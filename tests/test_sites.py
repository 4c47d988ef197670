"""Site adapters: loading (good and malformed files) and reading saved pages, table-driven."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zicht.errors import AdapterError
from zicht.sites import load_adapters, parse_adapter, read_ad, read_overview
from zicht.sites.read import read_ad_page

PAGES = Path(__file__).resolve().parent / "sites"
ADAPTERS = {adapter.name: adapter for adapter in load_adapters()}
BASE = {"a": "http://127.0.0.1:8001", "b": "http://127.0.0.1:8002", "c": "http://127.0.0.1:8003"}


def page(site: str, name: str) -> bytes:
    return (PAGES / site / name).read_bytes()


# Expected values written by hand from the saved pages (tests/sites/README.md).
AD_CASES: list[dict[str, Any]] = [
    {
        "case": "a: every field, phone as tel: link",
        "site": "a",
        "file": "ad-1.html",
        "path": "/advertentie/K4105052",
        "fields": {
            "name": "Jasmine",
            "code": "K4105052",
            "gender": "Vrouw",
            "age": "32 jaar",
            "city": "Hardenberg",
            "reception": "Escort, Massage",
            "origin": "Thaise",
            "rate": "€ 200 per uur",
            "phone": "+31631657769",
        },
        "text_has": ["Welcome to my page! 💋", "I'm 32. Based in Hardenberg", "Call or text: 06-31657769"],
    },
    {
        "case": "a: phone only in the text, no rate field",
        "site": "a",
        "file": "ad-2.html",
        "path": "/advertentie/K4105060",
        "fields": {
            "name": "Iris",
            "code": "K4105060",
            "gender": "Vrouw",
            "age": "37 jaar",
            "city": "Voorschoten",
            "reception": "Escort",
            "origin": "Nederlandse",
        },
        "text_has": ["Tel: nul zes vijf zeven drie vijf nul een nul acht"],
    },
    {
        "case": "a: no age, foreign phone",
        "site": "a",
        "file": "ad-3.html",
        "path": "/advertentie/K4108380",
        "fields": {
            "name": "Daria",
            "code": "K4108380",
            "gender": "Vrouw",
            "city": "Groningen",
            "reception": "Privé-ontvangst, Escort",
            "origin": "Roemeense",
            "phone": "+40755287399",
        },
        "text_has": ["Mijn tarief is 200 euro het uur", "Privéhuis Villa Lux"],
    },
    {
        "case": "b: table fields, phone as data attribute",
        "site": "b",
        "file": "ad-1.html",
        "path": "/profiel/21008629",
        "fields": {
            "name": "Noemi",
            "code": "21008629",
            "age": "44",
            "city": "Baarn",
            "gender": "Vrouw",
            "reception": "Thuisontvangst / Escort / Erotische massage",
            "phone": "+491750188010",
        },
        "text_has": ["Hallo heren,", "Dag en nacht beschikbaar, 24/7."],
    },
    {
        "case": "b: origin field, phone in the text",
        "site": "b",
        "file": "ad-2.html",
        "path": "/profiel/21015244",
        "fields": {
            "name": "Sexy Natalia",
            "code": "21015244",
            "age": "24",
            "city": "Groningen",
            "gender": "Vrouw",
            "reception": "Thuisontvangst / Escort",
            "origin": "Hongarije",
        },
        "text_has": ["Price: whole night 1600 euro.", "Call or text: 06.54.64.04.52"],
    },
    {
        "case": "b: several workers, entity in the name",
        "site": "b",
        "file": "ad-3.html",
        "path": "/profiel/21018442",
        "fields": {
            "name": "Mirjam, Paula & Sandra",
            "code": "21018442",
            "age": "26",
            "city": "Biezenmortel",
            "gender": "Vrouw",
            "reception": "Thuisontvangst / Escort",
            "phone": "+31635591133",
        },
        "text_has": ["met z'n tweeën"],
    },
    {
        "case": "c: outcall-only rates, phone hidden",
        "site": "c",
        "file": "ad-1.html",
        "path": "/escort/mia-amsterdam-311037",
        "fields": {
            "name": "Mia",
            "code": "311037",
            "age": "23",
            "city": "Amsterdam",
            "origin": "German",
            "gender": "Female",
            "reception": "Outcall",
            "rate": "1 hour: 180 EUR; 2 hours: 360 EUR",
        },
        "text_has": ["Rates: 2 hours 360 eur."],
    },
    {
        "case": "c: no rates table",
        "site": "c",
        "file": "ad-2.html",
        "path": "/escort/eszter-amsterdam-310980",
        "fields": {
            "name": "Eszter",
            "code": "310980",
            "age": "23",
            "city": "Amsterdam",
            "origin": "Slovak",
            "gender": "Female",
            "reception": "Outcall",
        },
        "text_has": ["Eszter is waiting for you. I'm 23."],
    },
    {
        "case": "c: incall and outcall prices, the incall one is read",
        "site": "c",
        "file": "ad-3.html",
        "path": "/escort/lola-mia-amsterdam-300001",
        "fields": {
            "name": "Lola & Mia",
            "code": "300001",
            "age": "23",
            "city": "Amsterdam",
            "origin": "German",
            "gender": "Female",
            "reception": "Outcall",
            "rate": "30 minutes: 150 EUR; 1 hour: 250 EUR",
        },
        "text_has": [],
    },
]


@pytest.mark.parametrize("case", AD_CASES, ids=[c["case"] for c in AD_CASES])
def test_read_ad(case: dict[str, Any]) -> None:
    adapter = ADAPTERS[case["site"]]
    ad = read_ad(adapter, page(case["site"], case["file"]), BASE[case["site"]] + case["path"])
    assert ad.fields == case["fields"], case["case"]
    assert ad.id == f"{case['site']}:{case['fields']['code']}"
    for snippet in case["text_has"]:
        assert snippet in ad.text, (case["case"], snippet)
    # the free text is the ad text only: no page chrome, account links or phone button
    for chrome in ("Bewaar", "Stuur bericht", "Phone for members only", "Synthetische advertenties"):
        assert chrome not in ad.text


def test_free_text_keeps_paragraphs_as_lines() -> None:
    ad = read_ad(ADAPTERS["b"], page("b", "ad-1.html"), BASE["b"] + "/profiel/21008629")
    assert ad.text.splitlines()[0] == "Hallo heren,"
    assert len(ad.text.splitlines()) == 4


def test_read_ad_accepts_str_and_falls_back_to_the_url_code() -> None:
    html = page("a", "ad-1.html").decode().replace("Advertentiecode: K4105052", "")
    ad = read_ad(ADAPTERS["a"], html, BASE["a"] + "/advertentie/K4105052")
    assert ad.fields["code"] == "K4105052"
    assert "code" not in read_ad_page(ADAPTERS["a"], html).fields  # the layout check sees the gap


def test_hidden_field_is_never_read() -> None:
    assert ADAPTERS["c"].ad.hidden == ["phone"]
    assert "phone" not in read_ad(ADAPTERS["c"], page("c", "ad-1.html"), BASE["c"] + "/escort/x-1").fields


OVERVIEW_CASES: list[dict[str, Any]] = [
    {
        "site": "a",
        "file": "overview-1.html",
        "path": "/advertenties",
        "total": 389,
        "ads": 48,
        "first": ("/advertentie/K4117219", "K4117219"),
        "next": "/advertenties?pagina=2",
    },
    {
        "site": "a",
        "file": "overview-last.html",
        "path": "/advertenties?pagina=9",
        "total": 389,
        "ads": 5,
        "first": None,
        "next": None,
    },
    {
        "site": "b",
        "file": "overview-1.html",
        "path": "/sekswerkers",
        "total": 355,
        "ads": 30,
        "first": ("/profiel/21023780", "21023780"),
        "next": "/sekswerkers?page=2",
    },
    {
        "site": "b",
        "file": "overview-last.html",
        "path": "/sekswerkers?page=12",
        "total": 355,
        "ads": 25,
        "first": None,
        "next": None,
    },
    {
        "site": "c",
        "file": "overview-1.html",
        "path": "/escorts/netherlands",
        "total": 87,
        "ads": 24,
        "first": ("/escort/gabriela-winssen-312665", "312665"),
        "next": "/escorts/netherlands?p=2",
    },
    {
        "site": "c",
        "file": "overview-last.html",
        "path": "/escorts/netherlands?p=4",
        "total": 87,
        "ads": 15,
        "first": None,
        "next": None,
    },
]


@pytest.mark.parametrize("case", OVERVIEW_CASES, ids=[f"{c['site']}-{c['file']}" for c in OVERVIEW_CASES])
def test_read_overview(case: dict[str, Any]) -> None:
    base = BASE[case["site"]]
    seen = read_overview(ADAPTERS[case["site"]], page(case["site"], case["file"]), base + case["path"])
    assert seen.listed_total == case["total"]
    assert len(seen.ads) == case["ads"] == len({code for _, code in seen.ads})
    assert seen.unmatched == []
    assert all(url.startswith(base + "/") and "/account/" not in url for url, _ in seen.ads)
    if case["first"]:
        assert seen.ads[0] == (base + case["first"][0], case["first"][1])
    assert seen.next_url == (base + case["next"] if case["next"] else None)


def test_overview_of_a_changed_layout_finds_nothing() -> None:
    html = (
        page("a", "overview-1.html").decode().replace("ad-card__link", "card-link").replace('id="total"', "")
    )
    seen = read_overview(ADAPTERS["a"], html, BASE["a"] + "/advertenties")
    assert seen.listed_total is None and seen.ads == [] and seen.links_found == 0


GOOD = (PAGES.parent.parent / "src/zicht/sites/adapters/a.yaml").read_text(encoding="utf-8")

BAD_ADAPTERS: list[tuple[str, str, str]] = [
    ("unknown key", GOOD.replace("title:", "titel:"), "titel: unknown key"),
    (
        "unknown field",
        GOOD.replace("    city: {label: Plaats}", "    town: {label: Plaats}"),
        "ad.fields.town",
    ),
    ("bad selector", GOOD.replace("next_page: a.pagination__next", "next_page: 'a[['"), "overview.next_page"),
    (
        "bad regex",
        GOOD.replace("^/advertentie/(?P<code>[^/?#]+)$", "'(unclosed'"),
        "overview.ad_code_pattern",
    ),
    (
        "regex without group",
        GOOD.replace("^/advertentie/(?P<code>[^/?#]+)$", "^/advertentie/"),
        "needs a capture group",
    ),
    (
        "missing key",
        GOOD.replace("  ad_links: ul.ad-list li.ad-card a.ad-card__link\n", ""),
        "overview.ad_links: missing",
    ),
    ("hidden and mapped", GOOD.replace("  required: [code, name]", "  hidden: [phone]"), "both mapped"),
    (
        "selector and label",
        GOOD.replace("{label: Plaats}", "{label: Plaats, selector: dd}"),
        "exactly one of",
    ),
    ("bad name", GOOD.replace("name: a\n", "name: Site A\n"), "name: String should match pattern"),
    ("not yaml", "name: [a", "not valid YAML"),
    ("not a mapping", "- a\n- b\n", "expected a mapping"),
]


@pytest.mark.parametrize(
    "text,expected", [(t, e) for _, t, e in BAD_ADAPTERS], ids=[n for n, _, _ in BAD_ADAPTERS]
)
def test_malformed_adapter_names_file_key_and_reason(text: str, expected: str) -> None:
    with pytest.raises(AdapterError, match="adapter my/site.yaml: ") as error:
        parse_adapter(text, "my/site.yaml")
    assert expected in error.value.message


def test_user_adapter_directory(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text(GOOD.replace("name: a\n", "name: d\n"), encoding="utf-8")
    assert [adapter.name for adapter in load_adapters(tmp_path)] == ["d"]
    (tmp_path / "e.yaml").write_text(GOOD.replace("name: a\n", "name: d\n"), encoding="utf-8")
    with pytest.raises(AdapterError, match=r"e.yaml: name: site 'd' is already defined in .*d.yaml"):
        load_adapters(tmp_path)
    with pytest.raises(AdapterError, match="no adapter files"):
        load_adapters(tmp_path / "empty" if (tmp_path / "empty").mkdir() is None else tmp_path)
    with pytest.raises(AdapterError, match="adapter folder not found"):
        load_adapters(tmp_path / "missing")


def test_shipped_adapters() -> None:
    assert sorted(ADAPTERS) == ["a", "b", "c"]
    for adapter in ADAPTERS.values():
        assert set(adapter.ad.required) <= set(adapter.ad.fields)
