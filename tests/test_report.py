"""report.html and report.xlsx: suppression everywhere, sheets, charts rendered in headless Chromium, CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pyarrow as pa
import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from typer.testing import CliRunner

from zicht.config import Config, build_config
from zicht.measure.columns import Column, RowKind, column_kind, make_table, row_kinds
from zicht.measure.tables import baseline_tables
from zicht.measure.testing import make_store
from zicht.measure.weekly import weekly_tables
from zicht.refdata import ReferenceData
from zicht.report import ReportSection, publish, write_report
from zicht.report.nlmap import MapValue, render_map
from zicht.report.xlsx import sheet_names
from zicht.store.db import connect

PLOTLY_CHARTS = {
    "weekly",
    "weekly-changes",
    "price-trend",
    "gender",
    "type-mix",
    "price",
    "origin",
    "age",
    "age-region",
    "top-municipalities",
    "per-100k",
    "type-by-municipality",
    "licence",
    "fill",
    "indicators",
}
EXTRA = ReportSection(
    "Register cross-analysis",
    "Ads in municipalities by licence policy.",
    [("Ads by policy", pa.table({"policy": ["cap", "zero"], "ads": [250, 4], "ads share": [0.98, 0.02]}))],
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("report")
    store = make_store(base / "zicht.duckdb", advertisers=300, moments=8, seed=5)
    paths = write_report(store, base / "out", Config(), data_dir, [EXTRA])
    return store, paths.html, paths.xlsx


class _Cells(HTMLParser):
    """Collects (table key, kind, text, title) for every data cell of the report's tables."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[str, str, str, bool]] = []
        self._table = ""
        self._cell: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs).get("data-table") or ""
        elif tag == "td":
            self._cell, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            cell = self._cell
            self.cells.append(
                (self._table, cell.get("data-kind") or "", "".join(self._text), "title" in cell)
            )
            self._cell = None


def _xlsx(path: Path) -> dict[str, list[list[str | float | None]]]:
    """Every sheet's cells as rows of text or numbers (a minimal reader: no openpyxl needed)."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    with zipfile.ZipFile(path) as archive:
        shared = []
        if "xl/sharedStrings.xml" in archive.namelist():
            root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = [
                "".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")) for si in root.findall("m:si", ns)
            ]
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sheets = {}
        for sheet in workbook.find("m:sheets", ns) or []:
            xml = ElementTree.fromstring(
                archive.read("xl/" + targets[sheet.get(rel)].lstrip("/").removeprefix("xl/"))
            )
            rows: list[list[str | float | None]] = []
            for row in xml.iter(f"{{{ns['m']}}}row"):
                while len(rows) < int(row.get("r") or 1) - 1:
                    rows.append([])
                values: list[str | float | None] = []
                for c in row.findall("m:c", ns):
                    letters = re.match(r"[A-Z]+", c.get("r") or "A")
                    col = 0
                    for letter in letters.group(0) if letters else "A":
                        col = col * 26 + ord(letter) - ord("A") + 1
                    col -= 1
                    while len(values) < col:
                        values.append(None)
                    v = c.find("m:v", ns)
                    if v is None:
                        values.append(None)
                    elif c.get("t") == "s":
                        values.append(shared[int(v.text or 0)])
                    else:
                        values.append(float(v.text or 0))
                rows.append(values)
            sheets[sheet.get("name")] = rows
    return sheets


def test_report_files_are_written_without_leftovers(report: tuple[Path, Path, Path]) -> None:
    _, html_path, xlsx_path = report
    assert html_path.name == "report.html" and xlsx_path.name == "report.xlsx"
    assert sorted(p.name for p in html_path.parent.iterdir()) == ["report.html", "report.xlsx"]
    page = html_path.read_text(encoding="utf-8")
    assert "cdn" not in page.lower().split("<script", 1)[0]  # nothing loaded before plotly's inline source
    assert not re.search(r"<script[^>]+src=", page), "every script must be inline"
    assert page.count("plotly.js v") >= 1 and page.count("<svg") >= 1
    assert "CBS" in page and "Kadaster / CBS" in page and "2021 report" in page


def test_every_chart_has_a_container(report: tuple[Path, Path, Path]) -> None:
    page = report[1].read_text(encoding="utf-8")
    charts = set(re.findall(r'class="chart" data-chart="([^"]+)"', page))
    assert charts == PLOTLY_CHARTS
    assert re.search(r'<svg data-chart="map"', page)


def test_no_published_count_below_the_threshold_in_html(report: tuple[Path, Path, Path]) -> None:
    parser = _Cells()
    parser.feed(report[1].read_text(encoding="utf-8"))
    counts = [c for c in parser.cells if c[1] == "count"]
    assert len(counts) > 100
    suppressed = 0
    for table, _, text, hidden in counts:
        if text == "<10":
            suppressed += 1
            assert hidden
        elif text:
            assert int(text.replace(",", "")) >= 10, (table, text)
    assert suppressed > 0, "the fixture should have small cells"
    assert ("Ads by policy", "count", "<10", True) in parser.cells  # extra sections are suppressed too


def test_shares_of_suppressed_counts_are_hidden_in_html(report: tuple[Path, Path, Path]) -> None:
    parser = _Cells()
    parser.feed(report[1].read_text(encoding="utf-8"))
    gender = [c for c in parser.cells if c[0] == "Gender"]
    rows = [gender[i : i + 4] for i in range(0, len(gender), 4)]
    for _, count, share, _ in rows:
        if count[2] == "<10":
            assert share[2] == "–" and share[3]
        else:
            assert share[2].endswith("%")


def test_xlsx_has_readme_and_one_sheet_per_table(report: tuple[Path, Path, Path]) -> None:
    sheets = _xlsx(report[2])
    names = list(sheets)
    assert names[0] == "README"
    expected = [
        "Summary",
        "Weekly",
        "Weekly ranges",
        "Price trend",
        "Gender",
        "Type mix",
        "T2.2 Price",
        "Origin",
        "T2.3 Age by origin",
        "T2.5 Age by region",
        "T2.4 Top municipalities",
        "T2.5 Per 100k",
        "Type by municipality",
        "T2.6 Licence terms",
        "Fill rates",
        "Indicators per moment",
        "Indicators by municipality",
        "Indicator weaknesses",
        "Register- online ads",
        "Local rules",
        "Uniform Wrs rules",
        "Ads by policy",
    ]
    assert names[1:] == expected
    readme = " ".join(str(v) for row in sheets["README"] for v in row if v)
    assert "<10" in readme and "CBS" in readme and "Kadaster / CBS" in readme


def test_no_published_count_below_the_threshold_in_xlsx(
    report: tuple[Path, Path, Path], reference: ReferenceData
) -> None:
    store, _, xlsx_path = report
    con = connect(store, read_only=True)
    tables = {t.key: t.table for t in weekly_tables(con) + baseline_tables(con, reference, min_count=10)}
    con.close()
    tables["Ads by policy"] = EXTRA.tables[0][1]
    sheets = _xlsx(xlsx_path)
    checked = 0
    for key, table in tables.items():
        rows = sheets[key]
        header = rows[3]
        stat_rows = {r + 4 for r in row_kinds(table)}
        for column, name in enumerate(header):
            if column_kind(table, str(name))[0] != "count":
                continue
            for r, row in enumerate(rows[4:], start=4):
                value = row[column] if column < len(row) else None
                if r in stat_rows or value is None:
                    continue
                checked += 1
                assert value == "<10" or (isinstance(value, float) and value >= 10), (key, name, value)
    assert checked > 100


def test_publish_suppresses_counts_and_everything_derived_from_them() -> None:
    table = make_table(
        [
            Column("bin", ["a", "b", "total", "mean", "sd"]),
            Column("n", [25.0, 3.0, 28.0, 150.5, 40.2], "count", type=pa.float64()),
            Column("n share", [25 / 28, 3 / 28, 1.0, None, None], "share", "n"),
            Column("m", [0.0, 9.0, 9.0, 120.0, 8.0], "count", type=pa.float64()),
            Column("2021 report", ["1%", "2%", "3", "4", "5"], "reference"),
        ],
        {3: RowKind("mean", 2), 4: RowKind("sd", 2)},
    )
    grid = publish(table, 10)
    assert [c.value for c in grid.column("n")] == [25, "<10", 28, 150.5, 40.2]
    assert [c.hidden for c in grid.column("n share")] == [False, True, False, False, False]
    assert grid.column("n share")[1].value is None
    assert [c.value for c in grid.column("m")] == [
        "<10",
        "<10",
        "<10",
        None,
        None,
    ]  # mean of <10 values hidden
    assert grid.column("m")[3].hidden and grid.column("m")[3].kind == "mean"
    assert [c.value for c in grid.column("2021 report")] == ["1%", "2%", "3", "4", "5"]
    assert grid.numbers("n") == [25, None, 28, 150.5, 40.2]
    assert [c.value for c in publish(table, 0).column("m")] == [0, 9, 9, 120.0, 8.0]
    assert [c.value for c in publish(table, 5).column("m")] == ["<5", 9, 9, 120.0, 8.0]


def test_rates_and_means_from_plain_tables_follow_their_base() -> None:
    rate = make_table([Column("ads", [4, 40], "count"), Column("per 100k", [2.0, 20.0], "rate", "ads")])
    grid = publish(rate, 10)
    assert grid.numbers("per 100k") == [None, 20.0]
    plain = publish(pa.table({"ads": [9, 10], "ads share": [0.47, 0.53]}), 10)
    assert [c.value for c in plain.column("ads")] == ["<10", 10]
    assert plain.numbers("ads share") == [None, 0.53]


def test_sheet_names_are_excel_safe_and_unique() -> None:
    names = sheet_names(["a/b", "x" * 40, "x" * 40, "README", "Q?"])
    assert names == ["a-b", "x" * 31, "x" * 27 + " (2)", "README (2)", "Q-"]
    assert all(len(n) <= 31 for n in names)


def test_map_draws_every_municipality_and_greys_unpublished_ones() -> None:
    square = [[[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.1], [5.0, 52.0]]]
    geo = {
        "features": [
            {"properties": {"statcode": "GM1"}, "geometry": {"type": "Polygon", "coordinates": square}},
            {
                "properties": {"statcode": "GM2"},
                "geometry": {"type": "MultiPolygon", "coordinates": [square]},
            },
        ]
    }
    values = {"GM1": MapValue("One", 12.5, "One: 12.5"), "GM2": MapValue("Two", None, "Two: <10 ads")}
    svg = render_map(geo, values, "title", "Kadaster / CBS")
    assert svg.startswith('<svg data-chart="map"') and svg.count("<path") == 2
    assert 'fill="#e6e6e6" data-code="GM2"' in svg and "Kadaster / CBS" in svg
    assert "Two: &lt;10 ads" in svg


def test_cli_report_writes_both_files_and_fails_in_one_line(
    tmp_path: Path, report: tuple[Path, Path, Path]
) -> None:
    import zicht.report.commands  # noqa: F401  (registers the command)
    from zicht.cli import app

    runner = CliRunner()
    result = runner.invoke(
        app, ["report", "--store", str(report[0]), "--out", str(tmp_path / "o"), "--threshold", "5"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "o" / "report.html").is_file() and (tmp_path / "o" / "report.xlsx").is_file()
    assert "&quot;&lt;5&quot;" in (tmp_path / "o" / "report.html").read_text(encoding="utf-8")
    missing = runner.invoke(
        app, ["report", "--store", str(tmp_path / "nope.duckdb"), "--out", str(tmp_path / "x")]
    )
    assert missing.exit_code == 2 and "store not found" in missing.output
    assert not (tmp_path / "x").exists()


def test_threshold_comes_from_config(tmp_path: Path, report: tuple[Path, Path, Path], data_dir: Path) -> None:
    config = build_config({"report": {"small_cell_threshold": 50}})
    paths = write_report(report[0], tmp_path, config, data_dir)
    parser = _Cells()
    parser.feed(paths.html.read_text(encoding="utf-8"))
    for _, kind, text, _ in parser.cells:
        if kind == "count" and text and text != "<50":
            assert int(text.replace(",", "")) >= 50


def _chromium_dom(html_path: Path, profile: Path) -> str:
    command = [
        str(CHROMIUM),
        *CHROMIUM_ARGS,
        f"--user-data-dir={profile}",
        "--virtual-time-budget=10000",
        "--dump-dom",
        html_path.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_every_chart_renders_in_headless_chromium(report: tuple[Path, Path, Path], tmp_path: Path) -> None:
    if not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None:
        pytest.skip("headless check needs /usr/bin/chromium (apt-get install -y chromium)")
    dom = _chromium_dom(report[1], tmp_path / "profile")
    parts = re.split(r'<div class="chart" data-chart="([^"]+)">', dom)
    rendered = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        rendered[name] = 'class="main-svg"' in body.split('class="chart" data-chart=', 1)[0]
    assert set(rendered) == PLOTLY_CHARTS
    assert all(rendered.values()), [name for name, ok in rendered.items() if not ok]
    svg = re.search(r'<svg data-chart="map".*?</svg>', dom, re.S)
    assert svg is not None and svg.group(0).count("<path") > 300


def test_sums_from_duckdb_are_counts_and_suppressed() -> None:
    import duckdb

    table = duckdb.sql("SELECT 'x' AS kind, sum(n) AS ads FROM (VALUES (2), (3)) t(n)").to_arrow_table()
    assert pa.types.is_decimal(table.schema.field("ads").type)
    assert publish(table, 10).rows[0][1].value == "<10"
