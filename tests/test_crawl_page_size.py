"""A page larger than crawl.max_page_bytes fails its URL once, with that reason, instead of being retried."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from crawlsite import AD_PAGE, AdSite, Reply, make_config, serve

from zicht.config import load_config
from zicht.crawl import crawl_run, load_manifest
from zicht.errors import ConfigError
from zicht.sites import load_adapters

ADAPTERS = load_adapters()
CAP = 100_000


def oversized(code: str) -> bytes:
    """A whole ad page (it ends with </html>) of about three times the cap."""
    return AD_PAGE.replace("K4105052", code).replace("</body>", f"<!-- {'x' * 3 * CAP} --></body>").encode()


def test_an_oversized_page_fails_once_with_a_clear_reason(tmp_path: Path) -> None:
    asked: Counter[str] = Counter()

    def counted(path: str, reply: Reply) -> Reply:
        asked[path] += 1
        return reply

    site = AdSite(n_ads=4)
    site.routes = {
        "/advertentie/K0000002": lambda: counted("K0000002", Reply(body=oversized("K0000002"))),
        "/advertentie/K0000003": lambda: counted("K0000003", Reply(body=oversized("K0000003"), chunked=True)),
    }
    with serve(site.respond) as base:
        summary = crawl_run(ADAPTERS, {"a": base}, "w001", tmp_path, make_config(max_page_bytes=CAP))

    assert not summary.complete
    too_big = f"larger than crawl.max_page_bytes ({CAP} bytes)"
    failed = {row["url"]: row["reason"] for row in load_manifest(tmp_path, "w001")["failed"]}
    assert failed == {f"{base}/advertentie/K0000002": too_big, f"{base}/advertentie/K0000003": too_big}
    assert asked == {"K0000002": 1, "K0000003": 1}  # not retried
    assert summary.sites[0].ads == 2


def test_max_page_bytes_is_configurable_and_positive(tmp_path: Path) -> None:
    assert load_config(None).crawl.max_page_bytes == 5_000_000
    config = tmp_path / "zicht.toml"
    config.write_text("[crawl]\nmax_page_bytes = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="crawl.max_page_bytes"):
        load_config(config)
