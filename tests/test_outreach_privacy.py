"""Minimal clear data, on a simulated market: numbers and ad URLs come from the raw archive only within
retention and only onto the page; the gateway sends the archived number, within the daily cap; after a
worker has opened every ad of the region, sent and recorded, no clear number is in the app's database or
logs, and the analysis store is unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from outreach_market import (
    Market,
    StubGateway,
    django_app,
    make_member,
    phone_forms,
    shared_market,
    truth_phones,
)

django_app()

from django.test import Client, override_settings  # noqa: E402

from zicht.app import market as app_market  # noqa: E402
from zicht.app.outreach.models import Approach, AuditEvent, Organisation  # noqa: E402


@pytest.fixture(scope="module")
def m() -> Iterator[Market]:
    market = shared_market()
    with override_settings(ZICHT_STORE=market.store, ZICHT_ARCHIVE=market.archive, ZICHT_RETENTION_DAYS=90):
        yield market


def _busiest_region(m: Market) -> str:
    import duckdb

    con = duckdb.connect(str(m.store), read_only=True)
    region = con.execute(
        """SELECT municipality_code FROM observations WHERE moment_id = (SELECT max(moment_id) FROM moments)
           AND site IN ('a', 'b') AND municipality_code IS NOT NULL
           GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"""
    ).fetchone()
    con.close()
    assert region
    return str(region[0])


def test_the_number_is_read_from_the_archive_within_retention_only(m: Market) -> None:
    truth = truth_phones(m)
    ads = app_market.active_ads(m.store, app_market.Policy((_busiest_region(m),)))
    shown = 0
    for ad in ads:
        contact = app_market.read_contact(m.archive, ad, ad.measured_on, 0)
        assert contact is not None and ad.site_ad_id in contact.url
        if contact.phone:
            assert contact.phone == truth[(ad.site, ad.site_ad_id)]
            shown += 1
        later = ad.measured_on + dt.timedelta(days=91)
        assert app_market.read_contact(m.archive, ad, later, 90) is None, "past retention: nothing"
    assert shown >= 3
    purged = app_market.Ad(**{**ads[0].__dict__, "warc_file": None, "warc_offset": None})
    assert app_market.read_contact(m.archive, purged, ads[0].measured_on, 90) is None
    escaping = app_market.Ad(**{**ads[0].__dict__, "warc_file": "../../etc/passwd"})
    assert app_market.read_contact(m.archive, escaping, ads[0].measured_on, 90) is None


def test_past_retention_the_page_shows_no_number(m: Market) -> None:
    user = make_member("privacy-retention", [_busiest_region(m)])
    browser = Client()
    browser.force_login(user)
    ad = app_market.active_ads(m.store, app_market.Policy((_busiest_region(m),)))[0]
    with override_settings(ZICHT_RETENTION_DAYS=-1):  # today's moment is already past retention
        page = browser.get(f"/ad/{ad.ref}/").content.decode()
    assert "past retention" in page and 'id="phone"' not in page and 'id="ad-link"' not in page


def test_gateway_sends_the_archived_number_within_the_daily_cap(m: Market) -> None:
    region = _busiest_region(m)
    user = make_member("privacy-gateway", [region], role="coordinator")
    browser = Client()
    browser.force_login(user)
    truth = truth_phones(m)
    ads = [
        ad
        for ad in app_market.active_ads(m.store, app_market.Policy((region,)))
        if (ad.site, ad.site_ad_id) in truth and ad.site != "c"
    ]
    assert len(ads) >= 3
    assert browser.post(f"/ad/{ads[0].ref}/send", {"text": "hello"}).status_code == 403, (
        "gateway off by default"
    )
    with StubGateway() as gateway:
        org = Organisation.objects.get(name="privacy-gateway")
        org.gateway_enabled, org.gateway_url, org.gateway_token, org.gateway_daily_cap = (
            True,
            gateway.url,
            "t0k",
            2,
        )
        org.save()
        for ad in ads[:2]:
            assert browser.post(f"/ad/{ad.ref}/send", {"text": "hello", "language": "en"}).status_code == 302
        assert [r["to"] for r in gateway.received] == [truth[(a.site, a.site_ad_id)] for a in ads[:2]]
        assert gateway.received[0]["authorization"] == "Bearer t0k"
        assert browser.post(f"/ad/{ads[2].ref}/send", {"text": "hello"}).status_code == 429, "daily cap"
        assert browser.post(f"/ad/{ads[0].ref}/send", {"text": "again"}).status_code == 409, (
            "approached already"
        )
        assert len(gateway.received) == 2
    assert Approach.objects.filter(organisation=org, channel="gateway").count() == 2
    assert AuditEvent.objects.filter(organisation=org, action="send_gateway").count() == 2


def test_no_clear_number_in_the_app_database_or_logs_and_the_store_unchanged(
    m: Market, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    caplog.set_level(logging.DEBUG)
    before = hashlib.sha256(m.store.read_bytes()).hexdigest()
    region = _busiest_region(m)
    user = make_member("privacy-scan", [region])
    browser = Client()
    browser.force_login(user)
    refs = re.findall(r'<tr data-ad="([^"]+)"', browser.get("/").content.decode())
    assert len(refs) >= 3
    numbers_shown = 0
    for i, ref in enumerate(refs):
        page = browser.get(f"/ad/{ref}/").content.decode()
        assert "Open the ad on the site" in page
        numbers_shown += '<strong id="phone">+' in page
        outcome = ("contacted", "replied", "not_wanted", "no_answer")[i % 4]
        browser.post(f"/ad/{ref}/record", {"outcome": outcome, "channel": "whatsapp"})
    browser.get("/approaches.csv")
    browser.get("/counts.csv")
    browser.get("/ad/a/does-not-exist/")  # a 404 is logged with its path
    assert numbers_shown >= 3, "clear numbers did pass through the app (onto pages)"
    opened = AuditEvent.objects.filter(user=user, action="open_ad").count()
    assert opened == len(refs), "every opened ad is in the audit log"
    db = Path(str(django_app()))
    stored = b"".join(path.read_bytes() for path in db.parent.glob(db.name + "*"))
    out, err = capfd.readouterr()
    logged = caplog.text + out + err
    phones = set(truth_phones(m).values())
    assert phones
    for phone in phones:
        for form in phone_forms(phone):
            assert form.encode() not in stored, "a clear number in the app database"
            assert form not in logged, "a clear number in a log"
    assert hashlib.sha256(m.store.read_bytes()).hexdigest() == before, "the app changed the analysis store"
    assert not Path(f"{m.store}.wal").exists()
