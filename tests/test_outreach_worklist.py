"""The outreach worklist on a hand-made store: the region's ads that fit the target group, one per advertiser,
newest first; an approach removes the advertiser (re-posts and cross-posts too) for the quiet period, "not
wanted" for good; drafts in the ad's language; outcomes in one click; counts with small cells hidden."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from outreach_market import django_app, make_member, tiny_store

django_app()

from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402

from zicht.app.drafts import DEFAULT_TEMPLATES, draft  # noqa: E402
from zicht.app.outreach.models import NOT_WANTED, REPLIED, Approach, MessageTemplate, Organisation  # noqa: E402
from zicht.app.outreach.views import counts_of  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tiny_store(tmp_path_factory.mktemp("tiny") / "store.duckdb")
    with override_settings(ZICHT_STORE=path):
        yield path


_count = iter(range(10**6))


def client(
    store: Path, region: tuple[str, ...] = ("GM0363",), **policy: object
) -> tuple[Client, Organisation]:
    user = make_member(f"org-{next(_count)}", list(region), **policy)
    browser = Client()
    browser.force_login(user)
    return browser, user.member.organisation  # type: ignore[attr-defined]


def worklist(browser: Client) -> list[str]:
    response = browser.get("/")
    assert response.status_code == 200
    return re.findall(r'<tr data-ad="([^"]+)"', response.content.decode())


def test_worklist_is_the_regions_ads_one_per_advertiser_newest_first(store: Path) -> None:
    browser, _ = client(store)
    refs = worklist(browser)
    assert "a/5" not in refs, "an ad of another region"
    assert "a/7" not in refs, "an ad no longer active"
    assert len({"a/2", "b/9"} & set(refs)) == 1, "a cross-posted advertiser is one item"
    assert set(refs) - {"a/2", "b/9"} == {"a/1", "a/3", "a/4", "a/6"}
    assert refs[-1] == "a/1", "the ad seen since last week comes after this week's new ads"


def test_the_target_group_policy_chooses_genders_types_and_languages(store: Path) -> None:
    men_and_trans, _ = client(store, genders=["male", "trans"])
    assert set(worklist(men_and_trans)) - {"a/2", "b/9"} == {"a/3", "a/6"}
    spanish, _ = client(store, languages=["es"])
    assert len(worklist(spanish)) == 1
    escort, _ = client(store, types=["escort"])
    assert set(worklist(escort)) == {"a/3", "b/9"}


def test_an_approach_removes_the_advertiser_with_its_crossposts_and_reposts(store: Path) -> None:
    browser, org = client(store)
    item = next(ref for ref in worklist(browser) if ref in ("a/2", "b/9"))
    response = browser.post(f"/ad/{item}/record", {"outcome": "contacted", "channel": "whatsapp"})
    assert response.status_code == 302
    approach = Approach.objects.get(organisation=org)
    assert (approach.phone_pseudonym, approach.advertiser_key, approach.channel) == ("P2", "K2", "whatsapp")
    assert not {"a/2", "b/9"} & set(worklist(browser))
    # Last week the organisation approached a/7; its advertiser re-posted it as a/6 with a new number.
    Approach.objects.create(
        organisation=org, site="a", site_ad_id="7", moment_id="w0", phone_pseudonym="P6a",
        advertiser_key="K6", channel="sms", created_at=timezone.now() - dt.timedelta(days=7),
    )  # fmt: skip
    assert "a/6" not in worklist(browser), "a re-post under a new code and number is the same advertiser"
    # Recorded by phone pseudonym alone (no advertiser key): still recognised.
    Approach.objects.create(
        organisation=org, site="x", site_ad_id="0", moment_id="w0", phone_pseudonym="P3", channel="sms"
    )
    assert "a/3" not in worklist(browser)
    # A second "contacted" on the same advertiser updates the approach instead of adding one.
    browser.post(f"/ad/{item}/record", {"outcome": "replied", "channel": "sms"})
    assert Approach.objects.filter(organisation=org, advertiser_key="K2").count() == 1
    assert Approach.objects.get(organisation=org, advertiser_key="K2").outcome == REPLIED


def test_the_quiet_period_ends_but_not_wanted_is_for_good(store: Path) -> None:
    browser, org = client(store)
    long_ago = timezone.now() - dt.timedelta(weeks=100)
    for phone, key, outcome in (("P1", "K1", NOT_WANTED), ("P3", "K3", "contacted")):
        Approach.objects.create(
            organisation=org, site="a", site_ad_id="x", moment_id="w0", phone_pseudonym=phone,
            advertiser_key=key, channel="sms", outcome=outcome, created_at=long_ago,
        )  # fmt: skip
    refs = worklist(browser)
    assert "a/3" in refs, "approached 100 weeks ago: back on the list"
    assert "a/1" not in refs, "not wanted: never again"
    page = browser.get("/ad/a/1/").content.decode()
    assert "do not want contact" in page and 'id="sms-link"' not in page and 'id="message"' not in page
    assert browser.post("/ad/a/1/record", {"outcome": "contacted", "channel": "sms"}).status_code == 409
    other, _ = client(store)
    assert "a/1" in worklist(other), "another organisation's records do not reach this one"


def test_one_click_outcomes_on_the_approaches_page(store: Path) -> None:
    browser, org = client(store)
    browser.post("/ad/a/4/record", {"outcome": "contacted", "channel": "sms"})
    approach = Approach.objects.get(organisation=org)
    assert "a/4" in browser.get("/approaches/").content.decode()
    for outcome in ("no_answer", "replied", "not_wanted"):
        assert browser.post(f"/approaches/{approach.pk}/outcome", {"outcome": outcome}).status_code == 302
        approach.refresh_from_db()
        assert approach.outcome == outcome
    assert browser.post(f"/approaches/{approach.pk}/outcome", {"outcome": "bogus"}).status_code == 400


def test_a_note_may_not_hold_a_phone_number(store: Path) -> None:
    browser, org = client(store)
    browser.post("/ad/a/4/record", {"outcome": "contacted", "channel": "sms"})
    approach = Approach.objects.get(organisation=org)
    for number in ("06 12 34 56 78", "+31612345678", "06-1234.5678"):
        assert browser.post(f"/approaches/{approach.pk}/", {"note": f"call {number}"}).status_code == 400
    assert (
        browser.post(f"/approaches/{approach.pk}/", {"note": "asked about health checks"}).status_code == 302
    )
    approach.refresh_from_db()
    assert approach.note == "asked about health checks"


def test_the_draft_is_in_the_ads_language_else_english_and_uses_the_organisations_templates(
    store: Path,
) -> None:
    assert {"nl", "en", "es", "pl", "ro", "pt", "de"} <= set(DEFAULT_TEMPLATES)
    browser, org = client(store)
    assert "Hola, soy Sam de" in browser.get("/ad/a/2/").content.decode()
    assert "Hi, I&#x27;m Sam from" in browser.get("/ad/a/4/").content.decode(), "French: English"
    MessageTemplate.objects.create(
        organisation=org, language="nl", text="Dag, {worker} hier, van {organisation}."
    )
    assert f"Dag, Sam hier, van {org.name}." in browser.get("/ad/a/6/").content.decode()
    assert draft({}, "pl", "Ola", "X")[0] == "pl"
    assert draft({}, None, "Ola", "X")[0] == "en"
    assert draft({"en": "Hi {unknown} {"}, "en", "Ola", "X")[1] == "Hi {unknown} {"


def test_counts_hide_small_cells(store: Path) -> None:
    _, org = client(store)

    def add(language: str, outcome: str) -> None:
        Approach.objects.create(
            organisation=org, site="a", site_ad_id="x", moment_id="w1", language=language, gender="male",
            channel="sms", outcome=outcome,
        )  # fmt: skip

    for i in range(12):
        add("en", REPLIED if i < 3 else "contacted")
    add("nl", REPLIED)
    tables = counts_of(org)
    by_language = {row["label"]: row for row in tables["language"]}
    assert by_language["en"] == {"label": "en", "contacts": "12", "responses": "<5", "rate": "–"}
    assert by_language["nl"]["contacts"] == "<5" and by_language["nl"]["rate"] == "–"
    for _ in range(3):
        add("en", NOT_WANTED)
    tables = counts_of(org)
    assert {row["label"]: row for row in tables["language"]}["en"]["rate"] == "40%"  # 6 of 15
    assert tables["target group"][0] == {"label": "male", "contacts": "16", "responses": "7", "rate": "44%"}
    assert len(tables["week"]) == 1
