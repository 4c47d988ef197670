"""The crawler against a small fixture site (robots.txt, pagination, a 503 and a truncated page that succeed
on retry, a changed layout, a slow site to kill mid-way) and, marked slow, against the simulated market."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from base64 import b32encode
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from zicht.cli import _register_stage_commands, app
from zicht.config import Config, load_config
from zicht.crawl import crawl_run, iter_archived_ads, load_manifest
from zicht.crawl.run import current_worker
from zicht.errors import CrawlError
from zicht.sites import load_adapters

AD_PAGE = (Path(__file__).resolve().parent / "sites" / "a" / "ad-1.html").read_text(encoding="utf-8")
ADAPTERS = load_adapters()
ROBOTS = b"User-agent: *\nDisallow: /_zicht/\nDisallow: /account/\n"


@dataclass
class FixtureSite:
    """Site a's markup (docs/simulated-market.md) for `n_ads` ads, `per_page` per overview page."""

    n_ads: int = 12
    per_page: int = 5
    fail_once: set[str] = field(default_factory=lambda: {"/advertentie/K0000003", "/advertenties?pagina=2"})
    truncate_once: set[str] = field(default_factory=lambda: {"/advertentie/K0000005"})
    layout: str = "ok"  # "ok", "overview" (overview classes renamed) or "ad" (ad page classes renamed)
    delay: float = 0.0  # seconds per ad page
    log: list[tuple[str, str, int]] = field(default_factory=list)  # (path, user agent, status)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def code(self, i: int) -> str:
        return f"K{i:07d}"

    def overview(self, page: int) -> str:
        codes = [self.code(i) for i in range(1, self.n_ads + 1)]
        pages = max(1, -(-len(codes) // self.per_page))
        items = "".join(
            f'<li class="ad-card"><a class="ad-card__link" href="/advertentie/{c}">{c}</a></li>\n'
            for c in codes[(page - 1) * self.per_page : page * self.per_page]
        )
        nxt = f'<a class="pagination__next" rel="next" href="/advertenties?pagina={page + 1}">Volgende</a>'
        html = (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
            '<nav><a href="/account/login">In</a></nav>'
            f'<p class="result-count"><span id="total">{len(codes)}</span> advertenties</p>\n'
            f'<ul class="ad-list">\n{items}</ul><nav>{nxt if page < pages else ""}</nav></body></html>\n'
        )
        if self.layout == "overview":
            html = html.replace("ad-card__link", "card-link").replace('id="total"', 'id="aantal"')
        return html

    def ad(self, code: str) -> str:
        html = AD_PAGE.replace("K4105052", code)
        if self.layout == "ad":
            html = html.replace("ad-code", "code").replace("ad-name", "naam").replace("ad-text", "tekst")
        return html

    def respond(self, path: str) -> tuple[int, bytes]:
        with self.lock:
            first = all(p != path for p, _, _ in self.log)
        if path == "/robots.txt":
            return 200, ROBOTS
        if first and path in self.fail_once:
            return 503, b"<html><body>busy</body></html>"
        if path == "/advertenties" or path.startswith("/advertenties?pagina="):
            page = int(path.rsplit("=", 1)[1]) if "=" in path else 1
            body = self.overview(page).encode()
        elif path.startswith("/advertentie/K"):
            if self.delay:
                time.sleep(self.delay)
            body = self.ad(path.rsplit("/", 1)[1]).encode()
        else:
            return 404, b"<html><body>niet gevonden</body></html>\n"
        if first and path in self.truncate_once:
            body = body[: len(body) // 2]
        return 200, body


@pytest.fixture
def fixture_site() -> Iterator[tuple[FixtureSite, str]]:
    site = FixtureSite()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            status, body = site.respond(self.path)
            with site.lock:
                site.log.append((self.path, self.headers.get("User-Agent", ""), status))
            self.send_response(status)
            kind = "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.handle_error = lambda request, address: None  # type: ignore[method-assign]  # killed clients
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def make_config(**crawl: Any) -> Config:
    config = load_config(None)
    settings = {"loopback_only": True, "autothrottle": False, "concurrency_per_site": 4, **crawl}
    return config.model_copy(update={"crawl": config.crawl.model_copy(update=settings)})


def warc_responses(path: Path) -> list[Any]:
    """(url, status, payload digest, sha1 of the payload, whole page?) of every response record in a WARC."""
    out = []
    with open(path, "rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                body = record.content_stream().read()
                digest = "sha1:" + b32encode(hashlib.sha1(body).digest()).decode()
                out.append(
                    (
                        record.rec_headers.get_header("WARC-Target-URI"),
                        record.http_headers.get_statuscode(),
                        record.rec_headers.get_header("WARC-Payload-Digest"),
                        digest,
                        body.rstrip().endswith(b"</html>"),
                    )
                )
    return out


def test_crawl_a_fixture_site(fixture_site: tuple[FixtureSite, str], tmp_path: Path) -> None:
    site, base = fixture_site
    config = make_config()
    summary = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, config)

    (result,) = summary.sites
    assert summary.complete and summary.error is None
    assert (result.listed, result.found, result.ads, result.missing, result.duplicates) == (12, 12, 12, 0, 0)
    assert result.errors == 0 and result.retries == 3  # one 503 overview, one 503 ad, one truncated ad
    # polite: robots.txt first, its disallowed links never fetched, identified by the configured user agent
    paths = [p for p, _, _ in site.log]
    assert paths[0] == "/robots.txt"
    assert not any(p.startswith("/account/") for p in paths)
    assert {ua for _, ua, _ in site.log} == {config.crawl.user_agent}
    served = Counter(p for p, _, s in site.log if s == 200 and p.startswith("/advertentie/"))
    assert served == {
        f"/advertentie/{site.code(i)}": 2 if i == 5 else 1 for i in range(1, 13)
    }  # 5: truncated

    manifest = load_manifest(tmp_path, "w001")
    kinds = Counter(row["kind"] for row in manifest["fetched"])
    assert kinds == {"robots": 1, "overview": 3, "ad": 12}
    assert manifest["failed"] == [] and manifest["run_id"] == "w001" and manifest["started_at"]

    # the WARC holds every response received (also the 503 and the truncated one), with true payload digests
    responses = warc_responses(tmp_path / "w001" / "a.warc.gz")
    assert len(responses) == 16 + 3
    assert all(recorded == computed for _, _, recorded, computed, _ in responses)
    assert [s for _, s, _, _, _ in responses].count("503") == 2
    cut = [
        url for url, status, _, _, whole in responses if status == "200" and not whole and "robots" not in url
    ]
    assert cut == [f"{base}/advertentie/K0000005"]

    ads = list(iter_archived_ads(tmp_path, "w001"))
    assert sorted(ad.fields["code"] for _, _, ad in ads) == [site.code(i) for i in range(1, 13)]
    site_name, page, ad = ads[0]
    assert site_name == "a" and page.kind == "ad" and page.warc_file == "w001/a.warc.gz"
    assert (ad.fields.get("name"), ad.fields.get("phone")) == ("Jasmine", "+31631657769"), ad


def test_runs_reuse_one_worker_and_a_finished_run_is_not_fetched_again(
    fixture_site: tuple[FixtureSite, str], tmp_path: Path
) -> None:
    site, base = fixture_site
    crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config())
    pid = current_worker().pid
    fetched = len(site.log)
    again = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config())
    assert current_worker().pid == pid
    assert len(site.log) == fetched  # everything came from the archive
    assert again.complete and again.sessions == 2 and again.sites[0].ads == 12
    other = crawl_run(ADAPTERS, {"a": base}, "w002", tmp_path, make_config())
    assert other.complete and len(site.log) > fetched


@pytest.mark.parametrize(
    "layout,message",
    [
        ("overview", r"site a: listed_total selector 'p.result-count #total' found nothing"),
        ("ad", r"site a: field 'code' \(selector 'span.ad-code'\) found nothing on 12 of 12 ad pages"),
    ],
)
def test_changed_layout_fails_the_run_loudly(
    fixture_site: tuple[FixtureSite, str], tmp_path: Path, layout: str, message: str
) -> None:
    site, base = fixture_site
    site.layout = layout
    with pytest.raises(CrawlError, match=message):
        crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config())
    manifest = load_manifest(tmp_path, "w001")
    assert manifest["complete"] is False and "site a" in manifest["error"]
    with pytest.raises(CrawlError, match="failed and is not ingested"):
        list(iter_archived_ads(tmp_path, "w001"))


def test_kill_and_resume(fixture_site: tuple[FixtureSite, str], tmp_path: Path) -> None:
    site, base = fixture_site
    site.n_ads, site.per_page, site.delay = 40, 10, 0.03
    config = make_config(concurrency_per_site=2)
    errors: list[Exception] = []

    def first_session() -> None:
        try:
            crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, config)
        except CrawlError as error:
            errors.append(error)

    thread = threading.Thread(target=first_session)
    thread.start()
    journal = tmp_path / "w001" / "journal.jsonl"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if journal.exists() and journal.read_text(encoding="utf-8").count('"kind": "ad"') >= 10:
            break
        time.sleep(0.01)
    os.kill(current_worker().pid, signal.SIGKILL)
    thread.join(timeout=30)
    assert errors and "crawl worker" in str(errors[0])
    assert not (tmp_path / "w001" / "manifest.json").exists()
    archived_before = journal.read_text(encoding="utf-8").count('"kind": "ad"')
    assert 10 <= archived_before < 40

    summary = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, config)
    assert summary.complete and summary.sessions == 2
    assert (summary.sites[0].ads, summary.sites[0].duplicates, summary.sites[0].missing) == (40, 0, 0)
    ad_urls = [
        url
        for url, status, _, _, whole in warc_responses(tmp_path / "w001" / "a.warc.gz")
        if status == "200" and whole and "/advertentie/" in url
    ]
    assert len(ad_urls) == len(set(ad_urls)) == 40  # no duplicates, no gaps
    codes = [ad.fields["code"] for _, _, ad in iter_archived_ads(tmp_path, "w001")]
    assert sorted(codes) == [site.code(i) for i in range(1, 41)]
    journaled = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert sum(1 for e in journaled if e.get("session_started")) == 2


def test_refuses_non_loopback_and_unknown_sites(tmp_path: Path) -> None:
    with pytest.raises(CrawlError, match="not a loopback address"):
        crawl_run(ADAPTERS, {"a": "http://example.com"}, "w001", tmp_path, make_config())
    with pytest.raises(CrawlError, match=r"no adapter for site\(s\) \['x'\]"):
        crawl_run(ADAPTERS, {"x": "http://127.0.0.1:9"}, "w001", tmp_path, make_config())
    assert not (tmp_path / "w001").exists()


def test_cli_crawl(fixture_site: tuple[FixtureSite, str], tmp_path: Path) -> None:
    _, base = fixture_site
    _register_stage_commands()
    config_file = tmp_path / "zicht.toml"
    config_file.write_text("[crawl]\nloopback_only = true\nautothrottle = false\n", encoding="utf-8")
    runner = CliRunner()
    args = [
        "crawl",
        "--base-url",
        f"a={base}",
        "--run-id",
        "r1",
        "--archive",
        str(tmp_path / "arch"),
        "--config",
        str(config_file),
        "--no-progress",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "run r1: 16 pages" in result.output and "complete" in result.output
    bad = runner.invoke(app, ["crawl", "--base-url", "a", "--archive", str(tmp_path / "arch")])
    assert bad.exit_code == 2 and "must look like SITE=URL" in bad.output
    adapters = tmp_path / "adapters"
    adapters.mkdir()
    (adapters / "d.yaml").write_text("name: d\nstart_paths: [/]\n", encoding="utf-8")
    broken = runner.invoke(app, [*args[:-1], "--adapters", str(adapters)])
    assert broken.exit_code == 2 and "d.yaml: overview: missing" in broken.output


# ------------------------------------------------------------------------------------- simulated market


@pytest.fixture(scope="module")
def sim_week(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    market = pytest.importorskip("zicht.simulate.market")
    out = tmp_path_factory.mktemp("sim")
    market.simulate(load_config(None, weeks=2, scale=0.1, seed=5), out, data_dir)
    return out


@pytest.mark.slow
def test_simulated_week_with_faults_is_complete(sim_week: Path, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from zicht.simulate.serve import SiteServer

    listings = pq.read_table(sim_week / "truth" / "listings.parquet").to_pylist()
    with SiteServer(sim_week, fault_rate=0.05) as server:
        server.set_week(1)
        summary = crawl_run(ADAPTERS, server.base_urls, "w001", tmp_path, make_config())
    assert summary.complete
    seen = Counter((site, ad.fields["code"]) for site, _, ad in iter_archived_ads(tmp_path, "w001"))
    truth = {(row["site"], row["site_ad_id"]) for row in listings if row["week"] == 1}
    assert set(seen) == truth  # 100% of the listed ads on every site
    assert max(seen.values()) == 1  # no duplicates
    assert sum(site.retries for site in summary.sites) > 0  # the faults happened and were retried
