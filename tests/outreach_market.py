"""A small simulated market (store + archive) for the outreach app's tests, dated up to today so its raw pages
are within retention; plus the same store as it was one week earlier ("last week's store")."""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from zicht.config import load_config

WEEKS = 4


@dataclass(frozen=True)
class Market:
    root: Path
    sim: Path
    archive: Path
    store: Path  # every week
    store_before: Path  # the same store without its last moment: "last week"


def build_market(out: Path, data_dir: Path) -> Market:
    from zicht.crawl import crawl_run
    from zicht.pipeline import ingest_runs, link_store, moment_for_week
    from zicht.simulate.market import simulate
    from zicht.simulate.serve import SiteServer
    from zicht.sites import load_adapters

    start = dt.date.today() - dt.timedelta(weeks=WEEKS - 1)
    config = load_config(
        None, weeks=WEEKS, scale=0.03, seed=11, repost_rate=0.3, start_date=start.isoformat()
    )
    sim, archive, store = out / "sim", out / "archive", out / "zicht.duckdb"
    simulate(config, sim, data_dir)
    moments = [moment_for_week(config, week) for week in range(WEEKS)]
    with SiteServer(sim) as server:
        for moment in moments:
            server.set_week(moment.week)
            crawl_run(load_adapters(), server.base_urls, moment.moment_id, archive, config)
    ingest_runs(store, archive, moments, data_dir, config)
    link_store(store)
    before = out / "zicht-before.duckdb"
    shutil.copyfile(store, before)
    con = duckdb.connect(str(before))
    last = moments[-1].moment_id
    con.execute("DELETE FROM observations WHERE moment_id = ?", [last])
    con.execute("DELETE FROM moments WHERE moment_id = ?", [last])
    con.close()
    return Market(out, sim, archive, store, before)


# -- shared by the tests/test_outreach_*.py modules (one Django configuration and one market per process) --


@functools.cache
def shared_market() -> Market:
    """The simulated market, built once per test process (about half a minute)."""
    from zicht.refdata import shipped_data_dir

    root = Path(tempfile.mkdtemp(prefix="zicht-outreach-market-"))
    atexit.register(shutil.rmtree, root, True)
    return build_market(root, shipped_data_dir())


@functools.cache
def django_app() -> Path:
    """Configure Django once in this process on a fresh SQLite file; returns its path."""
    from zicht.app.settings import AppPaths, configure

    root = Path(tempfile.mkdtemp(prefix="zicht-outreach-app-"))
    atexit.register(shutil.rmtree, root, True)
    db = root / "app.sqlite3"
    configure(AppPaths(db=str(db), store=None, archive=root, retention_days=90))
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]  # the Django test client's host
    return db


# -- a hand-made store: a few ads whose advertisers, re-posts and cross-posts are known --


@dataclass(frozen=True)
class TinyAd:
    site: str
    code: str
    municipality: str
    gender: str
    language: str
    phone: str | None  # a pseudonym
    key: str  # the 'zicht' advertiser key
    moments: tuple[str, ...] = ("w1",)
    types: tuple[str, ...] = ("home",)


TINY_ADS = (
    TinyAd("a", "1", "GM0363", "female", "nl", "P1", "K1", ("w0", "w1")),
    TinyAd("a", "2", "GM0363", "male", "es", "P2", "K2"),
    TinyAd("b", "9", "GM0363", "male", "es", "P2", "K2", types=("escort",)),  # a cross-post of a/2
    TinyAd("a", "3", "GM0363", "trans", "en", "P3", "K3", types=("escort",)),
    TinyAd("a", "4", "GM0363", "female", "fr", "P4", "K4"),
    TinyAd("a", "5", "GM0599", "female", "nl", "P5", "K5"),  # another region
    TinyAd("a", "7", "GM0363", "male", "nl", "P6a", "K6", ("w0",)),  # last week's ad ...
    TinyAd("a", "6", "GM0363", "male", "nl", "P6b", "K6"),  # ... re-posted with a new code and number
)


def tiny_store(path: Path) -> Path:
    from zicht.store import connect

    today = dt.date.today()
    con = connect(path)
    con.execute("INSERT INTO moments VALUES ('w0', 0, ?), ('w1', 1, ?)", [today - dt.timedelta(7), today])
    for ad in TINY_ADS:
        for moment in ad.moments:
            con.execute(
                """INSERT INTO observations (moment_id, site, site_ad_id, gender, types, municipality_code,
                   language, phone_pseudonym) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [moment, ad.site, ad.code, ad.gender, list(ad.types), ad.municipality, ad.language, ad.phone],
            )
        con.execute("INSERT INTO ad_links VALUES ('zicht', ?, ?, ?)", [ad.site, ad.code, ad.key])
    con.close()
    return path


def make_member(org: str, region: list[str], role: str = "worker", **policy: object) -> object:
    """A user (no usable password: tests log in with force_login) in a new organisation `org`."""
    from django.contrib.auth.models import User

    from zicht.app.outreach.models import Member, Organisation

    organisation, _ = Organisation.objects.get_or_create(name=org, defaults={"region": region, **policy})
    user = User.objects.create(username=f"{org}-{role}-{User.objects.count()}", first_name="Sam")
    Member.objects.create(user=user, organisation=organisation, role=role)
    return user


class StubGateway:
    """A local SMS gateway stub: records each JSON request and answers {"id": "stub-N"}."""

    def __init__(self) -> None:
        import http.server
        import json
        import threading

        received = self.received = []  # type: list[dict[str, object]]

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                received.append({**body, "authorization": self.headers.get("Authorization")})
                answer = json.dumps({"id": f"stub-{len(received)}"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StubGateway:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def phone_forms(phone: str) -> tuple[str, ...]:
    """The ways a clear number could be written down: E.164, without '+', national, spaced national."""
    national = "0" + phone[3:] if phone.startswith("+31") else phone
    return (phone, phone[1:], national, f"{national[:2]} {national[2:]}")


def truth_phones(market: Market) -> dict[tuple[str, str], str]:
    import pyarrow.parquet as pq

    rows = pq.read_table(market.sim / "truth" / "ads.parquet", columns=["site", "site_ad_id", "phone_e164"])
    return {(r["site"], r["site_ad_id"]): r["phone_e164"] for r in rows.to_pylist() if r["phone_e164"]}
