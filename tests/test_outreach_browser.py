"""End to end in headless Chromium (Playwright driving Debian's /usr/bin/chromium) against `zicht app serve`:
log in, switch the SMS gateway on (a local stub), see the region's worklist, open an ad, edit and send the
message through the stub, record an outcome; the ad leaves the worklist, and next week its re-post under a
new code does not come back; log out. Then no clear number is in the app's database or the server's log, and
the analysis stores are unchanged."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from outreach_market import Market, StubGateway, phone_forms, shared_market, truth_phones

from zicht.app import market as app_market

PASSWORD = "a long passphrase for tests"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="Debian's chromium is not installed at /usr/bin/chromium (.ci/run installs it)",
)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _target(m: Market) -> tuple[app_market.Ad, str, str]:
    """An advertiser active last week whose ad is re-posted this week under a new code (same phone
    pseudonym), with a visible number: (last week's worklist item, region, this week's new code)."""
    con = duckdb.connect(str(m.store), read_only=True)
    last, previous = (
        r[0]
        for r in con.execute("SELECT moment_id FROM moments ORDER BY measured_on DESC LIMIT 2").fetchall()
    )
    pairs = con.execute(
        """SELECT o1.municipality_code, o1.phone_pseudonym, o2.site, o2.site_ad_id
           FROM observations o1 JOIN observations o2 ON o1.phone_pseudonym = o2.phone_pseudonym
             AND o1.municipality_code = o2.municipality_code AND o1.site_ad_id <> o2.site_ad_id
           WHERE o1.moment_id = ? AND o2.moment_id = ? AND o1.site IN ('a', 'b')
             AND NOT EXISTS (SELECT 1 FROM observations x WHERE x.moment_id = ? AND x.site = o1.site
                             AND x.site_ad_id = o1.site_ad_id)
             AND NOT EXISTS (SELECT 1 FROM observations x WHERE x.moment_id = ? AND x.site = o2.site
                             AND x.site_ad_id = o2.site_ad_id)
           ORDER BY 1, 2""",
        [previous, last, last, previous],
    ).fetchall()
    con.close()
    truth = truth_phones(m)
    for region, phone, site, code in pairs:
        items = app_market.active_ads(m.store_before, app_market.Policy((region,)))
        item = next((ad for ad in items if ad.phone_pseudonym == phone), None)
        if item is None or item.site == "c" or (item.site, item.site_ad_id) not in truth:
            continue
        contact = app_market.read_contact(m.archive, item, item.measured_on, 90)
        if contact and contact.phone == truth[(item.site, item.site_ad_id)]:
            return item, region, f"{site}/{code}"
    raise AssertionError("the simulated market has no re-posted advertiser to test with")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    m = shared_market()
    item, region, repost = _target(m)
    work = tmp_path_factory.mktemp("browser")
    store = work / "store.duckdb"
    shutil.copyfile(m.store_before, store)  # last week's store; replaced by this week's below
    db = work / "app.sqlite3"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cli = [sys.executable, "-m", "zicht", "app"]
    subprocess.run(
        [*cli, "org", "add", "--db", str(db), "--name", "Stichting Test", "--region", region],
        check=True, env=env, capture_output=True,
    )  # fmt: skip
    subprocess.run(
        [*cli, "user", "add", "--db", str(db), "--org", "Stichting Test", "--username", "sam",
         "--role", "coordinator", "--first-name", "Sam", "--password-stdin"],
        input=PASSWORD + "\n", text=True, check=True, env=env, capture_output=True,
    )  # fmt: skip
    hashes = {path: _sha(path) for path in (m.store, m.store_before)}
    server = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--store", str(store), "--archive", str(m.archive), "--port", "0"],
        stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert server.stderr is not None
    first = server.stderr.readline()
    assert "outreach app on http://127.0.0.1:" in first, first
    log: list[str] = [first]
    drain = threading.Thread(target=lambda: log.extend(server.stderr), daemon=True)  # type: ignore[arg-type]
    drain.start()
    base = first.split("http://", 1)[1].split("/", 1)[0]
    try:
        with StubGateway() as gateway:
            yield {
                "base": f"http://{base}",
                "market": m,
                "item": item,
                "repost": repost,
                "store": store,
                "db": db,
                "gateway": gateway,
                "log": log,
                "hashes": hashes,
                "truth": truth_phones(m),
            }
    finally:
        server.terminate()
        server.wait(timeout=30)
        drain.join(timeout=30)


def test_outreach_end_to_end_in_chromium(served: dict[str, object], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, item, gateway = served["base"], served["item"], served["gateway"]
    assert isinstance(item, app_market.Ad) and isinstance(gateway, StubGateway)
    m = served["market"]
    assert isinstance(m, Market)
    phone = served["truth"][(item.site, item.site_ad_id)]  # type: ignore[index]
    row = f'tr[data-ad="{item.ref}"]'
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
        )
        page = browser.new_page()
        page.goto(f"{base}/")
        expect(page).to_have_url(f"{base}/login/?next=/")
        page.fill("#username", "sam")
        page.fill("#password", PASSWORD)
        page.get_by_role("button", name="Log in").click()
        expect(page).to_have_url(f"{base}/")

        # The coordinator switches the SMS gateway on (a local stub).
        page.get_by_role("link", name="Settings").click()
        page.check("#gateway_enabled")
        page.fill("#gateway_url", gateway.url)
        page.click("#save-settings")
        expect(page.locator("#gateway_enabled")).to_be_checked()

        # The region's worklist holds the ad; open it: its number is read from the archive.
        page.get_by_role("link", name="Worklist").click()
        expect(page.locator(row)).to_be_visible()
        page.locator(f"{row} a").click()
        expect(page.locator("#phone")).to_have_text(phone)
        assert item.site_ad_id in (page.get_attribute("#ad-link", "href") or "")
        assert page.locator("#sms-link").get_attribute("href").startswith(f"sms:{phone}?body=")  # type: ignore[union-attr]
        draft = page.input_value("#message")
        assert "Sam" in draft and "Stichting Test" in draft
        page.fill("#message", draft + " (edited)")
        edited = f"https://wa.me/{phone[1:]}?text=" + _quote(draft + " (edited)")
        expect(page.locator("#whatsapp-link")).to_have_attribute("href", edited)
        page.click("#send-gateway")
        expect(page).to_have_url(f"{base}/approaches/")
        assert len(gateway.received) == 1
        assert gateway.received[0]["to"] == phone and str(gateway.received[0]["text"]).endswith("(edited)")

        # Outcome in one click.
        page.locator(row).get_by_role("button", name="replied").click()
        expect(page.locator(f"{row} .outcome")).to_have_text("replied")

        # The advertiser has left the worklist ...
        page.get_by_role("link", name="Worklist").click()
        expect(page.locator("#worklist")).to_be_visible()
        expect(page.locator(row)).to_have_count(0)
        # ... and next week (this week's store) its re-post under a new code does not come back.
        shutil.copyfile(m.store, served["store"])  # type: ignore[arg-type]
        page.reload()
        expect(page.locator("#worklist tbody tr").first).to_be_visible()
        expect(page.locator(f'tr[data-ad="{served["repost"]}"]')).to_have_count(0)

        page.click("#logout")
        expect(page).to_have_url(f"{base}/login/")
        page.goto(f"{base}/approaches/")
        expect(page).to_have_url(f"{base}/login/?next=/approaches/")
        browser.close()

    # The re-post is active this week in the region: only the recorded approach keeps it off the list.
    this_week = app_market.active_ads(m.store, app_market.Policy((item.municipality_code or "",)))
    assert any(ad.phone_pseudonym == item.phone_pseudonym for ad in this_week)


def _quote(text: str) -> str:
    """encodeURIComponent, as the page's script does."""
    from urllib.parse import quote

    return quote(text, safe="-_.!~*'()")


def test_no_clear_number_in_the_app_database_or_log_and_the_stores_unchanged(
    served: dict[str, object],
) -> None:
    if not served["gateway"].received:  # type: ignore[attr-defined]
        pytest.skip("needs the end-to-end test first")
    log = "".join(served["log"])  # type: ignore[arg-type]
    db = served["db"]
    assert isinstance(db, Path)
    stored = b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))
    for phone in served["truth"].values():  # type: ignore[attr-defined]
        for form in phone_forms(phone):
            assert form.encode() not in stored, "a clear number in the app database"
            assert form not in log, "a clear number in the server log"
    for path, digest in served["hashes"].items():  # type: ignore[attr-defined]
        assert _sha(path) == digest, f"{path} was changed"
        assert not Path(f"{path}.wal").exists()
