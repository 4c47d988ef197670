"""What the outreach app reads from Zicht's data, without Django: the week's ads from the analysis store
(read-only, pseudonyms only) and, at display time, an ad's clear contact from the raw archive.

The store is opened read-only for each request and closed again, so the app never changes it and never holds
it open while the weekly routine writes. Clear data (phone number, ad URL) is read from the WARC archive only
while the ad's moment is within retention, returned to the caller for display, and never stored or logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from zicht.errors import InputError, StoreError


@dataclass(frozen=True)
class Policy:
    """An organisation's region and target group; an empty tuple means "any"."""

    region: tuple[str, ...]
    genders: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Ad:
    """An ad active at the store's latest moment, as the store holds it (pseudonyms, no clear data)."""

    site: str
    site_ad_id: str
    moment_id: str
    measured_on: dt.date
    first_seen: dt.date
    municipality_code: str | None
    language: str | None
    gender: str | None
    types: tuple[str, ...]
    phone_pseudonym: str | None
    name_pseudonym: str | None
    advertiser_key: str | None
    warc_file: str | None
    warc_offset: int | None
    also: tuple[str, ...] = field(default=())  # the advertiser's other active ads ("site/code") in the region

    @property
    def ref(self) -> str:
        return f"{self.site}/{self.site_ad_id}"

    def matches(self, phones: set[str], keys: set[str]) -> bool:
        """Whether this ad belongs to an advertiser recorded by phone pseudonym or advertiser key."""
        return bool(
            (self.phone_pseudonym and self.phone_pseudonym in phones)
            or (self.advertiser_key and self.advertiser_key in keys)
        )


_ADS_SQL = """
WITH latest AS (SELECT moment_id, measured_on FROM moments ORDER BY measured_on DESC, moment_id DESC LIMIT 1),
first_seen AS (
    SELECT o.site, o.site_ad_id, min(m.measured_on) AS first_seen
    FROM observations o JOIN moments m USING (moment_id) GROUP BY o.site, o.site_ad_id
)
SELECT o.site, o.site_ad_id, o.moment_id, latest.measured_on, f.first_seen, o.municipality_code, o.language,
       o.gender, o.types, o.phone_pseudonym, o.name_pseudonym, l.advertiser_key, o.warc_file, o.warc_offset
FROM observations o
JOIN latest USING (moment_id)
JOIN first_seen f ON f.site = o.site AND f.site_ad_id = o.site_ad_id
LEFT JOIN ad_links l ON l.method = 'zicht' AND l.site = o.site AND l.site_ad_id = o.site_ad_id
WHERE list_contains(?, o.municipality_code) {extra}
ORDER BY f.first_seen DESC, o.site, o.site_ad_id
"""


def _connect(store: Path) -> duckdb.DuckDBPyConnection:
    if not Path(store).is_file():
        raise StoreError(f"store not found: {store}")
    try:
        return duckdb.connect(str(store), read_only=True)
    except duckdb.Error as error:
        raise StoreError(f"cannot open store {store} read-only: {error}", "try again in a minute") from None


def _ads(store: Path, region: Iterable[str], extra: str = "", params: list[Any] | None = None) -> list[Ad]:
    con = _connect(store)
    try:
        rows = con.execute(_ADS_SQL.format(extra=extra), [list(region), *(params or [])]).fetchall()
    finally:
        con.close()
    return [
        Ad(
            site=r[0],
            site_ad_id=r[1],
            moment_id=r[2],
            measured_on=r[3],
            first_seen=r[4],
            municipality_code=r[5],
            language=r[6],
            gender=r[7],
            types=tuple(r[8] or ()),
            phone_pseudonym=r[9],
            name_pseudonym=r[10],
            advertiser_key=r[11],
            warc_file=r[12],
            warc_offset=r[13],
        )
        for r in rows
    ]


def fits(ad: Ad, policy: Policy) -> bool:
    """Whether an ad is in the target group: each non-empty part of the policy must match."""
    if policy.genders and ad.gender not in policy.genders:
        return False
    if policy.types and not set(ad.types) & set(policy.types):
        return False
    return not (policy.languages and (ad.language or "") not in policy.languages)


def active_ads(store: Path, policy: Policy) -> list[Ad]:
    """One ad per advertiser active at the latest moment in the region and target group, newest first.

    Ads of one advertiser (the 'zicht' advertiser key, else the phone pseudonym) are one worklist item: a
    person with three ads is approached once. The item is the advertiser's newest ad; `also` names the rest.
    """
    groups: dict[str, list[Ad]] = {}
    for ad in _ads(store, policy.region):
        if fits(ad, policy):
            key = ad.advertiser_key or ad.phone_pseudonym or f"ad:{ad.ref}"
            groups.setdefault(key, []).append(ad)
    items = []
    for ads in groups.values():  # each group is already newest first
        first = ads[0]
        items.append(_with_also(first, tuple(a.ref for a in ads[1:])))
    return sorted(items, key=lambda a: (a.first_seen, a.site, a.site_ad_id), reverse=True)


def _with_also(ad: Ad, also: tuple[str, ...]) -> Ad:
    return Ad(**{**ad.__dict__, "also": also})


def find_ad(store: Path, region: Iterable[str], site: str, site_ad_id: str) -> Ad | None:
    """An ad active at the latest moment in the region, or None (not there, or outside the region)."""
    found = _ads(store, region, "AND o.site = ? AND o.site_ad_id = ?", [site, site_ad_id])
    return found[0] if found else None


# -- clear data, for display only --


@dataclass(frozen=True)
class Contact:
    """What the outreach worker needs to write to an ad, read from its archived page. Never stored."""

    url: str
    phone: str | None  # E.164; None when the page shows no number


def within_retention(measured_on: dt.date, today: dt.date, retention_days: int) -> bool:
    return measured_on >= today - dt.timedelta(days=retention_days)


def read_contact(archive: Path, ad: Ad, today: dt.date, retention_days: int) -> Contact | None:
    """The ad's URL and phone number from its archived page, or None past retention or once purged."""
    if ad.warc_file is None or ad.warc_offset is None:
        return None
    if not within_retention(ad.measured_on, today, retention_days):
        return None
    root = Path(archive).resolve()
    path = (root / ad.warc_file).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    url, body = _read_record(path, ad.warc_offset)
    adapter = _adapter(str(root), ad.moment_id, ad.site)
    if adapter is None:
        return None
    from zicht.extract.phone import phone_from_field, phone_from_text
    from zicht.extract.text import prepare
    from zicht.sites.read import read_ad

    page = read_ad(adapter, body, url)
    phone = phone_from_field(page.fields.get("phone"))
    if phone is None:
        in_text = phone_from_text(prepare(page.text))
        phone = in_text[0] if in_text else None
    return Contact(url=url, phone=phone)


def _read_record(path: Path, offset: int) -> tuple[str, bytes]:
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        return url, bytes(record.content_stream().read())


@lru_cache(maxsize=32)
def _adapter(archive: str, moment_id: str, site: str) -> Any:
    """The site adapter the run was crawled with (recorded in its manifest)."""
    from zicht.crawl.archive import load_manifest
    from zicht.sites.schema import Adapter

    try:
        manifest = load_manifest(Path(archive), moment_id)
        return Adapter.model_validate(manifest["sites"][site]["adapter"])
    except (KeyError, ValueError, InputError):  # no manifest, or an adapter this version cannot read
        return None
