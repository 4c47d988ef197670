"""The reports as a reader's browser shows them: national, municipal and comparison pages in headless
Chromium (Debian's, driven by Playwright): every chart renders, no table is wider than the page, and axe-core
finds no serious or critical accessibility violation (WCAG 2.1 AA applies to what municipalities publish)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

from zicht.config import Config
from zicht.measure.compare import Period, compare_stores
from zicht.measure.testing import make_store
from zicht.report import write_report
from zicht.report.area import write_area_report
from zicht.report.compare_files import write_compare

START = dt.date(2020, 8, 25)
WIDER_THAN_MAIN = """() => {
  const main = document.querySelector('main').getBoundingClientRect().width;
  return Array.from(document.querySelectorAll('table'))
    .filter(t => t.getBoundingClientRect().width > main + 1)
    .map(t => t.dataset.table || (t.caption ? t.caption.textContent : 'table'));
}"""
UNDRAWN_CHARTS = """() => Array.from(document.querySelectorAll('div.chart'))
  .filter(c => !c.querySelector('.main-svg')).map(c => c.dataset.chart)"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> list[Path]:
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)")
    base = tmp_path_factory.mktemp("browser")
    store = make_store(base / "z.duckdb", advertisers=300, moments=8, seed=5)
    national = write_report(store, base / "out", Config(), data_dir).html
    municipal = [
        write_area_report(store, base / "out", code, Config(), data_dir).html for code in ("GM0363", "GM0106")
    ]
    week = lambda n: START + dt.timedelta(weeks=n)  # noqa: E731
    rows = compare_stores(store, None, Period(week(0), week(3)), Period(week(4), week(7)), replicates=100)
    comparison, _ = write_compare(base / "compare", rows, "before", "after", {}, {}, 10)
    return [national, *municipal, comparison]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_every_chart_renders_and_every_table_fits_the_page(pages: list[Path], browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1024, "height": 800})
    charts = []
    for path in pages:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        charts.append(page.locator("div.chart").count())
        assert page.evaluate(UNDRAWN_CHARTS) == [], path
        assert page.evaluate(WIDER_THAN_MAIN) == [], path
    page.close()
    assert charts[0] >= 15 and charts[1] >= 1 and charts[-1] >= 1  # each kind of page has charts to check


def test_no_serious_or_critical_accessibility_violation(pages: list[Path], browser) -> None:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    for path in pages:
        page.goto(path.as_uri())
        violations = Axe().run(page).response["violations"]
        serious = [(v["id"], len(v["nodes"])) for v in violations if v["impact"] in ("serious", "critical")]
        assert serious == [], (path.name, serious)
    page.close()
