"""Render the three simulated ad sites as HTML: truth rows in, UTF-8 page bytes out (no I/O, no state).

The markup, selectors and URL patterns are the contract in docs/simulated-market.md; the site adapters rely
on them. Site a is modelled on kinky.nl (Dutch labels, phone shown), site b on sexjobs.nl (Dutch labels,
phone shown), site c on topescortbabes (English labels, a rates table, phone hidden).

Pre-filled fields follow what the ad states (absent when not stated). Gender, age, place and work types are
always fields when stated; origin and price are fields on sites a and b only for part of the ads and are
otherwise written into the free text (`texts.Wording.origin_field` / `price_field`); site c shows them all.
The phone is a field only for phone_style plain/international (sites a and b).

Every page ends with `</html>`; an ad page is a function of the ad alone, so it is the same bytes every week.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from zicht.simulate.texts import ORIGIN_ADJ, Wording, amount_text, country_name, stated_price

SITES = ("a", "b", "c")
PAGE_SIZE = {"a": 48, "b": 30, "c": 24}
OVERVIEW_PATH = {"a": "/advertenties", "b": "/sekswerkers", "c": "/escorts/netherlands"}
PAGE_PARAM = {"a": "pagina", "b": "page", "c": "p"}
SITE_NAME = {"a": "Prikbord A", "b": "Werkplek B", "c": "Elite Escorts C"}
SITE_LANG = {"a": "nl", "b": "nl", "c": "en"}

ROBOTS_TXT = b"User-agent: *\nDisallow: /_zicht/\nDisallow: /account/\n"


@dataclass(frozen=True)
class Ad:
    """One ad (one ad_key) as it states itself: the ads.parquet columns, with the worker rows folded."""

    ad_key: str
    site: str
    site_ad_id: str
    display_name: str
    phone_e164: str | None
    posted_week: int
    removed_week: int | None
    n_workers: int
    ad_gender: str | None
    ad_types: tuple[str, ...]
    stated_age: int | None
    stated_origin_country: str | None
    price_per_hour: float | None
    price_unit: str | None
    price_amount: float | None
    municipality_code: str | None
    place_name: str | None
    language: str
    phone_style: str
    licence_term: str | None
    indicators: tuple[str, ...]
    text_seed: int
    repost_of: str | None = None
    crosspost_of: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Ad:
        """Build from one ads.parquet row (a dict); extra columns such as worker_id are ignored."""

        def opt(name: str) -> Any:
            return row.get(name)

        return cls(
            ad_key=str(row["ad_key"]),
            site=str(row["site"]),
            site_ad_id=str(row["site_ad_id"]),
            display_name=str(row.get("display_name") or ""),
            phone_e164=opt("phone_e164"),
            posted_week=int(row.get("posted_week") or 0),
            removed_week=None if row.get("removed_week") is None else int(row["removed_week"]),
            n_workers=int(row.get("n_workers") or 1),
            ad_gender=opt("ad_gender"),
            ad_types=tuple(row.get("ad_types") or ()),
            stated_age=None if row.get("stated_age") is None else int(row["stated_age"]),
            stated_origin_country=opt("stated_origin_country"),
            price_per_hour=None if row.get("price_per_hour") is None else float(row["price_per_hour"]),
            price_unit=opt("price_unit"),
            price_amount=None if row.get("price_amount") is None else float(row["price_amount"]),
            municipality_code=opt("municipality_code"),
            place_name=opt("place_name"),
            language=str(row.get("language") or "nl"),
            phone_style=str(row.get("phone_style") or "hidden"),
            licence_term=opt("licence_term"),
            indicators=tuple(row.get("indicators") or ()),
            text_seed=int(row.get("text_seed") or 0),
            repost_of=opt("repost_of"),
            crosspost_of=opt("crosspost_of"),
        )


# ------------------------------------------------------------------------------------------ site wording

_GENDER = {
    "a": {"female": "Vrouw", "male": "Man", "trans": "Transgender", "couple": "Stel"},
    "b": {"female": "Vrouw", "male": "Man", "trans": "Trans", "couple": "Koppel"},
    "c": {"female": "Female", "male": "Male", "trans": "Trans", "couple": "Couple"},
}
_TYPE = {
    "a": {"home": "Privé-ontvangst", "escort": "Escort", "massage": "Massage"},
    "b": {"home": "Thuisontvangst", "escort": "Escort", "massage": "Erotische massage"},
}
_UNIT_A = {"30min": "per half uur", "1h": "per uur", "2h": "per 2 uur", "night": "per nacht"}
_UNIT_B = {"30min": "/ 30 min", "1h": "/ uur", "2h": "/ 2 uur", "night": "/ nacht"}
_UNIT_C = {"30min": "30 minutes", "1h": "1 hour", "2h": "2 hours", "night": "Overnight"}
_UNIT_ORDER = ("30min", "1h", "2h", "night")


def _origin_label(code: str, site: str) -> str:
    adj = ORIGIN_ADJ.get(code.upper())
    if site == "a":
        return adj[0] if adj else country_name(code, "nl")
    if site == "b":
        return country_name(code, "nl")
    return adj[1] if adj else country_name(code, "en")


def _services_c(types: Sequence[str]) -> str:
    parts = []
    if "home" in types and "escort" in types:
        parts.append("Incall/Outcall")
    elif "home" in types:
        parts.append("Incall")
    elif "escort" in types:
        parts.append("Outcall")
    if "massage" in types:
        parts.append("Massage")
    return ", ".join(parts)


def slug(text: str) -> str:
    """ASCII slug for site-c URLs: "Zoë Den Haag" -> "zoe-den-haag"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    out = "".join(ch if ch.isalnum() else "-" for ch in ascii_text)
    return "-".join(part for part in out.split("-") if part) or "escort"


def ad_path(ad: Ad) -> str:
    """The URL path of an ad's page on its site."""
    if ad.site == "a":
        return f"/advertentie/{ad.site_ad_id}"
    if ad.site == "b":
        return f"/profiel/{ad.site_ad_id}"
    words = f"{ad.display_name} {ad.place_name or ''}"
    return f"/escort/{slug(words)}-{ad.site_ad_id}"


def overview_path(site: str, page: int) -> str:
    """Overview page `page` (1-based); page 1 has no parameter."""
    base = OVERVIEW_PATH[site]
    return base if page <= 1 else f"{base}?{PAGE_PARAM[site]}={page}"


# ------------------------------------------------------------------------------------------------ frame


def _page(site: str, title: str, body: str) -> bytes:
    """Wrap a body in the site's frame: header with account links (robots-disallowed), footer."""
    account = {
        "a": '<a href="/account/login" rel="nofollow">Inloggen</a> '
        '<a href="/account/plaatsen">Plaats advertentie</a>',
        "b": '<a href="/account/inloggen">Mijn account</a> <a href="/account/registreren">Registreren</a>',
        "c": '<a href="/account/signin">Sign in</a> <a href="/account/join">Join</a>',
    }[site]
    overview = OVERVIEW_PATH[site]
    return (
        f'<!DOCTYPE html>\n<html lang="{SITE_LANG[site]}"><head><meta charset="utf-8">'
        f"<title>{escape(title)} | {SITE_NAME[site]}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>\n'
        f'<body class="site-{site}"><header><a class="logo" href="/">{SITE_NAME[site]}</a> '
        f'<nav><a href="{overview}">{"Escorts" if site == "c" else "Advertenties"}</a> '
        f"{account}</nav></header>\n"
        f"<main>\n{body}\n</main>\n"
        f"<footer><p>Synthetische advertenties (Zicht-simulatie). Geen echte personen.</p></footer>\n"
        "</body></html>"
    ).encode()


def _text_html(wording: Wording) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in wording.paragraphs)


# -------------------------------------------------------------------------------------------- ad pages


def ad_fields(ad: Ad, wording: Wording) -> list[tuple[str, str]]:
    """The pre-filled (label, value) pairs the ad's site shows, in page order."""
    fields: list[tuple[str, str]] = []
    site = ad.site
    price = stated_price(ad)
    gender = _GENDER[site].get(ad.ad_gender or "")
    show_origin = ad.stated_origin_country and (wording.origin_field or site == "c")
    show_price = price is not None and (wording.price_field or site == "c")
    if site == "a":
        if gender:
            fields.append(("Geslacht", gender))
        if ad.stated_age is not None:
            fields.append(("Leeftijd", f"{ad.stated_age} jaar"))
        if ad.place_name:
            fields.append(("Plaats", ad.place_name))
        if ad.ad_types:
            fields.append(("Ontvangst", ", ".join(_TYPE["a"][t] for t in ad.ad_types if t in _TYPE["a"])))
        if show_origin:
            fields.append(("Afkomst", _origin_label(str(ad.stated_origin_country), "a")))
        if show_price and price:
            fields.append(("Tarief", f"€ {amount_text(price[1])} {_UNIT_A[price[0]]}"))
    elif site == "b":
        if ad.stated_age is not None:
            fields.append(("Leeftijd", str(ad.stated_age)))
        if ad.place_name:
            fields.append(("Woonplaats", ad.place_name))
        if gender:
            fields.append(("Geslacht", gender))
        if ad.ad_types:
            fields.append(("Soort", " / ".join(_TYPE["b"][t] for t in ad.ad_types if t in _TYPE["b"])))
        if show_origin:
            fields.append(("Afkomst", _origin_label(str(ad.stated_origin_country), "b")))
        if show_price and price:
            fields.append(("Prijs", f"{amount_text(price[1])} euro {_UNIT_B[price[0]]}"))
    else:
        if ad.stated_age is not None:
            fields.append(("Age", str(ad.stated_age)))
        if ad.place_name:
            fields.append(("City", ad.place_name))
        if show_origin:
            fields.append(("Nationality", _origin_label(str(ad.stated_origin_country), "c")))
        if gender:
            fields.append(("Gender", gender))
        if ad.ad_types:
            fields.append(("Services", _services_c(ad.ad_types)))
    return fields


def rates_rows(ad: Ad, wording: Wording) -> list[tuple[str, str, str]]:
    """Site c's rates table: (duration, incall, outcall). The stated unit's row carries the stated amount in
    the incall column (outcall when the ad offers escort only); outcall is dearer. A "1 hour" row with the
    normalised hourly price is added to some ads stated in another unit."""
    price = stated_price(ad)
    if price is None:
        return []
    unit, amount = price
    rows = {unit: amount}
    if unit != "1h" and ad.price_per_hour is not None and ad.text_seed % 2 == 0:
        rows["1h"] = float(ad.price_per_hour)
    incall = "home" in ad.ad_types or "escort" not in ad.ad_types
    outcall = "escort" in ad.ad_types
    surcharge = 50.0 if ad.text_seed % 3 else 80.0
    out = []
    for key in _UNIT_ORDER:
        if key not in rows:
            continue
        value = rows[key]
        inc = f"{amount_text(value)} EUR" if incall else "-"
        outc = f"{amount_text(value + surcharge if incall else value)} EUR" if outcall else "-"
        out.append((_UNIT_C[key], inc, outc))
    return out


def render_ad_page(ad: Ad, wording: Wording) -> bytes:
    """The ad's page on its site (UTF-8 bytes)."""
    fields = ad_fields(ad, wording)
    name = escape(ad.display_name)
    code = escape(ad.site_ad_id)
    if ad.site == "a":
        dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in fields)
        phone = (
            f'<p><a class="ad-phone" href="tel:{escape(ad.phone_e164 or "")}">'
            f"{escape(wording.phone_field)}</a></p>"
            if wording.phone_field
            else ""
        )
        body = (
            f'<article class="ad">\n<h1 class="ad-title">{escape(wording.title)}</h1>\n'
            f'<p class="ad-meta"><span class="ad-name">{name}</span> '
            f'<span class="ad-code">Advertentiecode: {code}</span></p>\n'
            f'<dl class="ad-fields">{dl}</dl>\n<div class="ad-text">{_text_html(wording)}</div>\n{phone}'
            f'<p class="ad-actions"><a href="/account/favorieten?ad={code}" rel="nofollow">Bewaar</a> '
            f'<a href="/account/melden?ad={code}" rel="nofollow">Meld deze advertentie</a></p>\n</article>'
        )
        return _page("a", wording.title, body)
    if ad.site == "b":
        rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in fields)
        phone = (
            f'<div class="contact" data-phone="{escape(ad.phone_e164 or "")}">'
            f"<span>{escape(wording.phone_field)}"
            "</span></div>\n"
            if wording.phone_field
            else ""
        )
        body = (
            f'<div class="profile">\n<h1 class="profile-name">{name}</h1>\n'
            f'<div class="profile-id">ID: {code}</div>\n'
            f'<h2 class="profile-title">{escape(wording.title)}</h2>\n'
            f'<table class="profile-data">{rows}</table>\n'
            f'<section class="description">{_text_html(wording)}</section>\n{phone}'
            f'<p><a href="/account/berichten?naar={code}">Stuur bericht</a></p>\n</div>'
        )
        return _page("b", wording.title, body)
    params = "".join(
        f'<li><span class="label">{escape(k)}</span><span class="value">{escape(v)}</span></li>'
        for k, v in fields
    )
    rates = "".join(
        f'<tr><td class="duration">{d}</td><td class="incall">{i}</td><td class="outcall">{o}</td></tr>'
        for d, i, o in rates_rows(ad, wording)
    )
    rates_html = (
        f'<table class="rates"><tr><th>Duration</th><th>Incall</th><th>Outcall</th></tr>{rates}</table>\n'
        if rates
        else ""
    )
    body = (
        f'<div class="profile" data-id="{code}">\n<h1 class="name">{name}</h1>\n'
        f'<ul class="params">{params}</ul>\n{rates_html}'
        f'<div class="about">{_text_html(wording)}</div>\n'
        '<button class="show-phone" disabled>Phone for members only</button> '
        '<a href="/account/join">Become a member</a>\n</div>'
    )
    return _page("c", ad.display_name, body)


# ------------------------------------------------------------------------------------------- overviews


def page_count(total: int, site: str) -> int:
    """Number of overview pages (at least 1, an empty first page when nothing is listed)."""
    return max(1, -(-total // PAGE_SIZE[site]))


def render_overview(site: str, cards: Sequence[tuple[Ad, Wording]], page: int, total: int) -> bytes:
    """Overview page `page` (1-based) of a site, showing `cards` (that page's ads, newest first)."""
    pages = page_count(total, site)
    nxt = overview_path(site, page + 1) if page < pages else None
    prev = overview_path(site, page - 1) if page > 1 else None
    if site == "a":
        items = "".join(
            f'<li class="ad-card" data-ad="{escape(ad.site_ad_id)}"><a class="ad-card__link" '
            f'href="{ad_path(ad)}">{escape(w.title)}</a> <span class="ad-card__place">'
            f"{escape(ad.place_name or '')}</span></li>\n"
            for ad, w in cards
        )
        nav = (f'<a class="pagination__prev" rel="prev" href="{prev}">Vorige</a> ' if prev else "") + (
            f'<span class="pagination__current">Pagina {page} van {pages}</span>'
        )
        nav += f' <a class="pagination__next" rel="next" href="{nxt}">Volgende</a>' if nxt else ""
        body = (
            "<h1>Advertenties</h1>\n"
            f'<p class="result-count"><span id="total">{total}</span> advertenties</p>\n'
            f'<ul class="ad-list">\n{items}</ul>\n<nav class="pagination">{nav}</nav>'
        )
        return _page("a", f"Advertenties - pagina {page}", body)
    if site == "b":
        items = "".join(
            f'<div class="result"><h2><a href="{ad_path(ad)}">{escape(w.title)}</a></h2>'
            f'<p class="result-place">{escape(ad.place_name or "")}</p></div>\n'
            for ad, w in cards
        )
        nav = (f'<li class="prev"><a href="{prev}">«</a></li>' if prev else "") + (
            f'<li class="current">{page}</li>'
        )
        nav += f'<li class="next"><a href="{nxt}">»</a></li>' if nxt else ""
        body = (
            f'<h1>Sekswerkers</h1>\n<div class="results-meta" data-total="{total}">{total} resultaten</div>\n'
            f'<div class="results">\n{items}</div>\n<ul class="pager">{nav}</ul>'
        )
        return _page("b", f"Sekswerkers - pagina {page}", body)
    items = "".join(
        f'<div class="escort-tile"><a class="tile-link" href="{ad_path(ad)}">{escape(ad.display_name)}</a>'
        f'<span class="tile-city">{escape(ad.place_name or "")}</span>'
        + (f'<span class="tile-age">{ad.stated_age}</span>' if ad.stated_age is not None else "")
        + "</div>\n"
        for ad, _w in cards
    )
    nav = (f'<a class="prev-page" href="{prev}">Previous</a> ' if prev else "") + (
        f'<a class="next-page" href="{nxt}">Next</a>' if nxt else ""
    )
    body = (
        f'<h1>Escorts in the Netherlands</h1>\n<p><span class="count">{total} escorts</span></p>\n'
        f'<div class="tiles">\n{items}</div>\n<div class="paging">{nav}</div>'
    )
    return _page("c", f"Escorts Netherlands - page {page}", body)


def render_home(site: str) -> bytes:
    """The site's front page: one link to the overview."""
    label = "Escorts in the Netherlands" if site == "c" else "Alle advertenties"
    return _page(site, SITE_NAME[site], f'<p><a href="{OVERVIEW_PATH[site]}">{label}</a></p>')


def render_not_found(site: str) -> bytes:
    """The 404 page."""
    text = "Page not found" if site == "c" else "Deze pagina bestaat niet (meer)."
    return _page(site, "404", f'<h1 class="not-found">{text}</h1>')
