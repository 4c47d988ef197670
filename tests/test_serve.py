"""The simulated sites over HTTP (zicht.simulate.serve): pagination covers the week's listings, ad pages,
robots.txt, 404s, week switching, deterministic faults that a retry gets past."""

from __future__ import annotations

import http.client
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pyarrow.parquet as pq
import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from webfixtures import write_truth

from zicht.errors import ServeError
from zicht.simulate.serve import SiteServer, draw_fault
from zicht.simulate.web import OVERVIEW_PATH

WEEKS = 3

# the contract's selectors: (ad links on an overview page, next-page link, the listed total)
OVERVIEW = {
    "a": ("ul.ad-list li.ad-card a.ad-card__link", "a.pagination__next", "p.result-count span#total"),
    "b": ("div.result h2 a", "li.next a", "div.results-meta"),
    "c": ("div.escort-tile a.tile-link", "a.next-page", "span.count"),
}


class Client:
    """One keep-alive connection per site."""

    def __init__(self, base_urls: dict[str, str]) -> None:
        self.conns = {
            site: http.client.HTTPConnection(urlsplit(url).hostname, urlsplit(url).port, timeout=10)
            for site, url in base_urls.items()
        }

    def request(self, site: str, path: str, method: str = "GET") -> tuple[int, str]:
        conn = self.conns[site]
        conn.request(method, path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")

    def close(self) -> None:
        for conn in self.conns.values():
            conn.close()


@pytest.fixture(scope="module")
def sim_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_truth(tmp_path_factory.mktemp("sim"), weeks=WEEKS, fault_rate=0.25)


@pytest.fixture(scope="module")
def listings(sim_dir: Path) -> dict[tuple[int, str], set[str]]:
    table = pq.read_table(sim_dir / "truth" / "listings.parquet").to_pylist()
    out: dict[tuple[int, str], set[str]] = {}
    for row in table:
        out.setdefault((row["week"], row["site"]), set()).add(row["site_ad_id"])
    return out


@pytest.fixture(scope="module")
def server(sim_dir: Path) -> Iterator[SiteServer]:
    with SiteServer(sim_dir, port=0, fault_rate=0.0) as srv:
        yield srv


@pytest.fixture()
def client(server: SiteServer) -> Iterator[Client]:
    c = Client(server.base_urls)
    yield c
    c.close()


def crawl_overview(client: Client, site: str) -> tuple[list[str], int, int]:
    """Follow the next links; return (ad hrefs in order, the total shown, pages fetched)."""
    links, next_sel, total_sel = OVERVIEW[site]
    path: str | None = OVERVIEW_PATH[site]
    hrefs: list[str] = []
    total = pages = 0
    while path:
        status, html = client.request(site, path)
        assert status == 200 and html.endswith("</html>"), (site, path, status)
        tree = HTMLParser(html)
        node = tree.css_first(total_sel)
        shown = node.attributes["data-total"] if site == "b" else node.text().split()[0]
        total = int(shown or 0)
        hrefs += [a.attributes["href"] for a in tree.css(links)]
        nxt = tree.css_first(next_sel)
        path = nxt.attributes["href"] if nxt else None
        pages += 1
    return hrefs, total, pages


def code_of(site: str, href: str) -> str:
    return href.rsplit("/", 1)[1] if site != "c" else href.rsplit("-", 1)[1]


def test_base_urls_are_three_loopback_origins(server: SiteServer) -> None:
    urls = server.base_urls
    assert sorted(urls) == ["a", "b", "c"]
    assert len({urlsplit(u).port for u in urls.values()}) == 3
    assert all(u.startswith("http://127.0.0.1:") for u in urls.values())


@pytest.mark.parametrize("site", ["a", "b", "c"])
def test_pagination_covers_the_weeks_listings(
    server: SiteServer, client: Client, listings: dict[tuple[int, str], set[str]], site: str
) -> None:
    for week in range(WEEKS):
        server.set_week(week)
        hrefs, total, pages = crawl_overview(client, site)
        codes = [code_of(site, h) for h in hrefs]
        expected = listings.get((week, site), set())
        assert len(codes) == len(set(codes)), "no ad twice"
        assert set(codes) == expected
        assert total == len(expected)
        assert pages >= 2 or len(expected) <= {"a": 48, "b": 30, "c": 24}[site]
    server.set_week(0)


def test_ad_pages_of_the_week(server: SiteServer, client: Client) -> None:
    server.set_week(1)
    for site in ("a", "b", "c"):
        hrefs, _, _ = crawl_overview(client, site)
        for href in hrefs:
            status, html = client.request(site, href)
            assert status == 200 and html.endswith("</html>")
            code = code_of(site, href)
            tree = HTMLParser(html)
            if site == "a":
                assert tree.css_first("span.ad-code").text() == f"Advertentiecode: {code}"
                assert tree.css_first("dl.ad-fields") is not None
            elif site == "b":
                assert tree.css_first("div.profile-id").text() == f"ID: {code}"
            else:
                assert tree.css_first("div.profile").attributes["data-id"] == code
                assert tree.css_first("a.ad-phone, div.contact") is None
    server.set_week(0)


def test_ad_page_is_the_same_every_week(server: SiteServer, client: Client, listings: dict) -> None:
    both = sorted(listings[(0, "a")] & listings[(1, "a")])
    assert both
    pages = []
    for week in (0, 1):
        server.set_week(week)
        pages.append(client.request("a", f"/advertentie/{both[0]}"))
    assert pages[0] == pages[1]
    server.set_week(0)


def test_robots_txt(client: Client) -> None:
    for site in ("a", "b", "c"):
        status, body = client.request(site, "/robots.txt")
        assert status == 200
        assert "Disallow: /_zicht/" in body and "Disallow: /account/" in body


def test_not_listed_and_unknown_pages_are_404(server: SiteServer, client: Client, listings: dict) -> None:
    server.set_week(0)
    hidden = sorted(listings[(2, "a")] - listings[(0, "a")])
    assert hidden
    status, html = client.request("a", f"/advertentie/{hidden[0]}")
    assert status == 404 and html.endswith("</html>")
    assert client.request("a", "/advertentie/nope")[0] == 404
    assert client.request("b", "/profiel/")[0] == 404
    assert client.request("a", "/advertenties?pagina=999")[0] == 404
    assert client.request("a", "/advertenties?pagina=x")[0] == 404
    assert client.request("a", "/advertenties?pagina=1")[0] == 200
    assert client.request("c", "/escort/wrong-slug-999999")[0] == 404


def test_week_switching_over_http(server: SiteServer, client: Client) -> None:
    status, body = client.request("b", "/_zicht/week/2", method="PUT")
    assert status == 200 and json.loads(body) == {"week": 2, "weeks": WEEKS}
    assert server.week == 2
    status, body = client.request("c", "/_zicht/week")
    assert json.loads(body) == {"week": 2, "weeks": WEEKS}
    assert client.request("a", f"/_zicht/week/{WEEKS}", method="PUT")[0] == 400
    assert client.request("a", "/_zicht/week/-1", method="PUT")[0] == 400
    assert server.week == 2
    server.set_week(0)
    assert json.loads(client.request("a", "/_zicht/week")[1])["week"] == 0
    with pytest.raises(ServeError):
        server.set_week(WEEKS)


def test_no_truncated_page_without_faults(server: SiteServer, client: Client) -> None:
    for site, path in OVERVIEW_PATH.items():
        for _ in range(5):
            status, html = client.request(site, path)
            assert status == 200 and html.endswith("</html>")


def test_draw_fault_is_a_pure_function() -> None:
    draws = [draw_fault(1, "a", 0, f"/advertentie/K{i}", 0, 0.3) for i in range(2000)]
    assert draws == [draw_fault(1, "a", 0, f"/advertentie/K{i}", 0, 0.3) for i in range(2000)]
    share = sum(d is not None for d in draws) / len(draws)
    assert 0.25 < share < 0.35
    assert {d.kind for d in draws if d} == {"503", "slow", "truncate"}
    assert all(draw_fault(1, "a", 0, f"/x{i}", 0, 0.0) is None for i in range(100))


def _fetch_with_retries(client: Client, site: str, path: str) -> list[str]:
    """Retry until a complete page; return the outcome of each attempt."""
    outcomes = []
    for _ in range(30):
        status, html = client.request(site, path)
        complete = html.endswith("</html>")
        outcomes.append(f"{status}{'' if complete else '-truncated'}")
        if status == 200 and complete:
            return outcomes
    raise AssertionError(f"{path} never succeeded: {outcomes}")


def test_faults_are_deterministic_and_retries_succeed(sim_dir: Path) -> None:
    runs = []
    for _ in range(2):
        with SiteServer(sim_dir, slow_seconds=(0.0, 0.01)) as srv:  # fault_rate 0.25 from config.toml
            assert srv.app.fault_rate == 0.25
            client = Client(srv.base_urls)
            overview_paths, hrefs = crawl_overview_retrying(client)
            runs.append({p: _fetch_with_retries(client, "a", p) for p in [*overview_paths, *hrefs]})
            for _ in range(20):  # robots.txt is never faulted
                assert client.request("a", "/robots.txt")[0] == 200
            client.close()
    assert runs[0] == runs[1]
    outcomes = [o for seq in runs[0].values() for o in seq]
    assert "503" in outcomes and "200-truncated" in outcomes


def crawl_overview_retrying(client: Client) -> tuple[list[str], list[str]]:
    """Site a's overview pages (retrying faults) and the ad links on them."""
    links, next_sel, _ = OVERVIEW["a"]
    path: str | None = OVERVIEW_PATH["a"]
    hrefs: list[str] = []
    pages: list[str] = []
    while path:
        pages.append(path)
        for _ in range(30):
            status, html = client.request("a", path)
            if status == 200 and html.endswith("</html>"):
                break
        tree = HTMLParser(html)
        hrefs += [a.attributes["href"] for a in tree.css(links)]
        nxt = tree.css_first(next_sel)
        path = nxt.attributes["href"] if nxt else None
    return pages, hrefs


def test_port_in_use_is_a_one_line_error(sim_dir: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match="cannot listen"):
            SiteServer(sim_dir, port=port)


def test_missing_simulation_is_an_input_error(tmp_path: Path) -> None:
    from zicht.errors import InputError

    with pytest.raises(InputError, match="ads.parquet not found") as caught:
        SiteServer(tmp_path)
    assert "zicht simulate" in caught.value.one_line()
