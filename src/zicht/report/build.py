"""write_report: measure the store, suppress small cells, and write report.html and report.xlsx atomically."""

from __future__ import annotations

import datetime as dt
import html
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from zicht import __version__
from zicht.config import Config
from zicht.errors import StoreError
from zicht.measure.columns import PublishedTable
from zicht.refdata import ReferenceData, load_reference
from zicht.report import charts
from zicht.report.html import Block, Section, page_html
from zicht.report.models import ReportPaths, ReportSection
from zicht.report.nlmap import MapValue, render_map
from zicht.report.suppress import Grid, publish
from zicht.report.xlsx import write_xlsx

if TYPE_CHECKING:
    import duckdb

POPULATION_CREDIT = "Population: CBS (Statistics Netherlands), 1 January 2021, CC BY 4.0"
MAP_CREDIT = "Map: Kadaster / CBS, municipal boundaries 2021"
COMPARISON_CREDIT = "2021 report: Regioplan (2021), baseline measurement of the sex-work sector, for WODC"


def _weekly_charts(key: str, grid: Grid) -> tuple[str, ...]:
    date = "date (meetmoment)"
    if key == "Weekly":
        active = [("active ads", "active ads (actief)")]
        changes = [
            ("new: not in previous moment", "new: not in previous moment (nieuw)"),
            ("new: not in previous 5", "new: not in previous 5 moments"),
            ("never seen before", "never seen before (nooit eerder gezien)"),
            ("one-off", "one-off: seen at one moment only (eenmalig)"),
            ("closed", "closed: not seen at any later moment (gestopt)"),
        ]
        return (
            charts.line_chart("weekly", grid, date, active, "Active unique ads per moment", "ads"),
            charts.line_chart("weekly-changes", grid, date, changes, "New, one-off and closed ads", "ads"),
        )
    if key == "Indicators per moment":
        from zicht.report.sections import indicator_texts

        texts = indicator_texts().values()
        series = [(text["label"], f"{text['short']} share") for text in texts]
        return (
            charts.line_chart(
                "indicators", grid, "moment", series, "Share of ads with each indicator", "share"
            ),
        )
    if key == "Price trend":
        series = [(t, f"{t}: mean euro/hour") for t in ("all", "home", "escort")]
        return (charts.line_chart("price-trend", grid, date, series, "Mean hourly price", "euro per hour"),)
    return ()


@dataclass(frozen=True)
class BarSpec:
    """How one published table is drawn as a bar chart (the rows: bins, or every row but the total)."""

    chart: str
    series: tuple[tuple[str, str], ...]  # (legend name, column)
    title: str
    y_title: str
    reference: str | None = None  # a "2021 report" column drawn as markers
    horizontal: bool = False
    percent: bool = True
    rows: str = "all but total"  # "bins" (frequency tables), "all but total" or "all"


SHARE = "% of advertisers"
PER_COLUMN = "% per column"
BAR_SPECS: dict[str, BarSpec] = {
    "Gender": BarSpec("gender", (("Zicht", "share"),), "Gender", SHARE, "2021 report"),
    "Type mix": BarSpec(
        "type-mix", (("Zicht", "share"),), "Type of sex work (Fig 2.7)", SHARE, "2021 report", horizontal=True
    ),
    "T2.2 Price": BarSpec(
        "price",
        tuple((c, f"{c} share") for c in ("all", "home", "escort")),
        "Hourly price (table 2.2)",
        PER_COLUMN,
        "all: 2021 report",
        rows="bins",
    ),
    "Origin": BarSpec(
        "origin", (("Zicht", "share"),), "Origin (Fig 2.10)", "% of the group named", "2021 report", True
    ),
    "T2.3 Age by origin": BarSpec(
        "age",
        tuple((c, f"{c} share") for c in ("all", "Dutch", "non-Dutch")),
        "Age by origin (table 2.3)",
        PER_COLUMN,
        "all: 2021 report",
        rows="bins",
    ),
    "T2.5 Age by region": BarSpec(
        "age-region",
        tuple((c, f"{c} share") for c in ("Europe (non-NL)", "South America", "other")),
        "Age of non-Dutch advertisers by region",
        PER_COLUMN,
        rows="bins",
    ),
    "T2.4 Top municipalities": BarSpec(
        "top-municipalities", (("Zicht", "share of all"),), "Top 10 municipalities by ads (table 2.4)", SHARE
    ),
    "Type by municipality": BarSpec(
        "type-by-municipality",
        tuple((c, f"{c} share") for c in ("home", "escort", "massage")),
        "Type of sex work per municipality (Fig 2.12)",
        "% of the municipality's advertisers",
        rows="all",
    ),
    "T2.6 Licence terms": BarSpec(
        "licence",
        (("advertisers", "advertisers"),),
        "Licence terms in ads",
        "advertisers",
        percent=False,
        rows="all",
    ),
    "Fill rates": BarSpec(
        "fill",
        (("Zicht", "fill rate"),),
        "Fill rate per variable",
        "% of observations",
        "2021 report",
        rows="all",
    ),
}


def _bar_rows(spec: BarSpec, grid: Grid, label: str) -> list[int] | None:
    if spec.rows == "bins":
        return charts.frequency_rows(grid, label)
    if spec.rows == "all but total":
        return list(range(len(grid.rows) - 1))
    return None


def _table_charts(key: str, grid: Grid, map_svg: Callable[[Grid], str]) -> tuple[str, ...]:
    """The charts drawn from one published table, by table key."""
    label = grid.headers[0]
    if key == "T2.5 Per 100k":
        rate = "ads per 100,000 inhabitants"
        title = "Ads per 100,000 inhabitants: top 25 municipalities"
        return charts.ranked_rate_chart("per-100k", grid, label, rate, title), map_svg(grid)
    spec = BAR_SPECS.get(key)
    if spec is None:
        return ()
    return (
        charts.bar_chart(
            spec.chart,
            grid,
            label,
            spec.series,
            spec.title,
            spec.y_title,
            spec.reference,
            percent=spec.percent,
            horizontal=spec.horizontal,
            rows=_bar_rows(spec, grid, label),
        ),
    )


def _map(reference: ReferenceData) -> Callable[[Grid], str]:
    def draw(grid: Grid) -> str:
        values = {}
        for row in grid.rows:
            cells = dict(zip(grid.headers, row, strict=True))
            name, code = str(cells["municipality (gemeente)"].value), str(cells["CBS code"].value)
            rate = cells["ads per 100,000 inhabitants"]
            count = cells["advertisers"]
            if rate.value is not None and not rate.hidden:
                label = (
                    f"{name}: {rate.value:.1f} ads per 100,000 inhabitants ({int(count.value or 0):,} ads)"
                )
                values[code] = MapValue(name, float(rate.value), label)
            else:
                values[code] = MapValue(name, None, f"{name}: {count.value} ads (too few to publish a rate)")
        svg = render_map(reference.boundaries(), values, "Ads per 100,000 inhabitants (Fig 2.11)", MAP_CREDIT)
        return (
            f'<figure class="map">{svg}<figcaption class="note">Ads per 100,000 inhabitants per municipality '
            f"(Fig 2.11). {MAP_CREDIT}. {POPULATION_CREDIT}.</figcaption></figure>"
        )

    return draw


def _blocks(tables: Sequence[PublishedTable], threshold: int, map_svg: Callable[[Grid], str]) -> list[Block]:
    blocks = []
    for table in tables:
        grid = publish(table.table, threshold)
        drawn = _weekly_charts(table.key, grid) + _table_charts(table.key, grid, map_svg)
        blocks.append(Block(table, grid, drawn))
    return blocks


def _preamble(info: dict[str, str], threshold: int) -> str:
    """The method, privacy and caveat notes (templates/preamble.html)."""
    template = resources.files("zicht.report").joinpath("templates/preamble.html").read_text(encoding="utf-8")
    values = {**info, "threshold": str(threshold), "suppressed": f"<{threshold}"}
    return string.Template(template).substitute({k: html.escape(v) for k, v in values.items()})


def _key_findings(blocks: dict[str, Block], estimate: tuple[int, int, int] | None) -> str:
    """Plain-language findings at the top, each from a published (suppressed) figure, with its uncertainty."""
    findings = []
    if "Weekly" in blocks:
        active = [v for v in blocks["Weekly"].grid.numbers("active ads (actief)") if v is not None]
        if active:
            findings.append(
                f"On average {sum(active) / len(active):,.0f} ads were online at a measurement moment "
                f"(lowest {min(active):,.0f}, highest {max(active):,.0f}). Counts at a moment are more "
                "reliable than totals over the whole period."
            )
    if estimate is not None:
        point, low, high = estimate
        findings.append(
            f"Zicht estimates {point:,} different advertisers behind the period's ads, with a 95% interval "
            f"of {low:,} to {high:,}: the true number is very likely in that range."
        )
    if "T2.4 Top municipalities" in blocks:
        grid = blocks["T2.4 Top municipalities"].grid
        names = [c.value for c in grid.column("municipality (gemeente)")][:3]
        shares = grid.numbers("share of all")[:3]
        named = [f"{n} ({s * 100:.0f}%)" for n, s in zip(names, shares, strict=True) if s is not None]
        if named:
            findings.append(f"Most advertisers name {', '.join(named[:-1])} and {named[-1]} in their ads.")
    if "Type mix" in blocks:
        grid = blocks["Type mix"].grid
        labels = [str(c.value) for c in grid.column("type of sex work (type sekswerk)")]
        by_type = dict(zip(labels, grid.numbers("share"), strict=True))
        parts = [
            f"{(by_type[label] or 0) * 100:.0f}% {word}"
            for label, word in (
                ("any home (thuisontvangst, totaal)", "receive at home (thuisontvangst)"),
                ("any escort (escort, totaal)", "offer escort"),
                ("any massage (massage, totaal)", "offer massage"),
            )
            if by_type.get(label) is not None
        ]
        if parts:
            findings.append(f"Of the advertisers, {', '.join(parts)} (one can offer several).")
    if not findings:
        return ""
    items = "".join(f"<li>{html.escape(f)}</li>" for f in findings)
    return f'<section class="box" id="key-findings"><h2>Key findings</h2><ul>{items}</ul></section>'


SECTIONS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("Key figures", "key-figures", ("Summary",), ""),
    (
        "Weekly dynamics (ontwikkeling per meetmoment)",
        "weekly",
        ("Weekly", "Weekly ranges", "Price trend"),
        "<p>Ads active at each measurement moment and how many are new, one-off or closed. Prefer these "
        "counts and changes over totals for the whole period.</p>",
    ),
    (
        "Who advertises: unique advertisers (kenmerken)",
        "characteristics",
        ("Gender", "Type mix", "T2.2 Price", "Origin", "T2.3 Age by origin", "T2.5 Age by region"),
        "<p>One record per unique advertiser (2021 rules). Shares are of all unique advertisers unless a "
        "table says otherwise.</p>",
    ),
    (
        "Where: municipalities (gemeenten)",
        "municipalities",
        ("T2.4 Top municipalities", "T2.5 Per 100k", "Type by municipality"),
        f"<p>The municipality named in the ad. {POPULATION_CREDIT}. {MAP_CREDIT}.</p>",
    ),
    ("Signs of licensed work (vergunde sekswerk)", "licence", ("T2.6 Licence terms",), ""),
    ("Data quality: fill rates (vulling)", "fill", ("Fill rates",), ""),
)


def _store_info(con: duckdb.DuckDBPyConnection, store: Path) -> dict[str, str]:
    count, first, last = con.execute(
        "SELECT COUNT(*), MIN(measured_on), MAX(measured_on) FROM moments"
    ).fetchall()[0]
    if not count:
        raise StoreError(
            f"the store {store} has no measurement moments", "crawl and ingest at least one week"
        )
    return {"moments": str(count), "period": f"{first} to {last}", "store": store.name}


def _extra(section: ReportSection) -> tuple[str, str, list[PublishedTable]]:
    tables = [PublishedTable(title[:31], title, table) for title, table in section.tables]
    return section.title, f"<p>{html.escape(section.intro)}</p>", tables


def write_report(
    store: Path,
    out_dir: Path,
    config: Config,
    data_dir: Path,
    extra_sections: Sequence[ReportSection] = (),
) -> ReportPaths:
    """Write out_dir/report.html and out_dir/report.xlsx from the store (each written to a temporary file and
    renamed, so a failure never leaves a half-written report)."""
    import duckdb
    from plotly.offline import get_plotlyjs

    from zicht.measure.tables import baseline_tables, zicht_estimate
    from zicht.measure.weekly import weekly_tables
    from zicht.report.sections import standard_sections
    from zicht.store.db import connect

    store, out_dir = Path(store), Path(out_dir)
    threshold = config.report.small_cell_threshold
    reference = load_reference(Path(data_dir))
    con = connect(store, read_only=True)
    try:
        info = _store_info(con, store)
        estimate = zicht_estimate(con)
        tables = weekly_tables(con) + baseline_tables(con, reference, "baseline", threshold)
        extra_sections = [*standard_sections(con, reference, threshold), *extra_sections]
    except duckdb.Error as error:
        raise StoreError(
            f"cannot measure {store}: {str(error).splitlines()[0]}", "is it a Zicht store?"
        ) from None
    finally:
        con.close()

    by_key = {t.key: t for t in tables}
    blocks = {b.table.key: b for b in _blocks(tables, threshold, _map(reference))}
    sections = [
        Section(title, intro, tuple(blocks[k] for k in keys if k in by_key), anchor)
        for title, anchor, keys, intro in SECTIONS
    ]
    for extra in extra_sections:
        title, intro, extra_tables = _extra(extra)
        sections.append(Section(title, intro, tuple(_blocks(extra_tables, threshold, _map(reference)))))

    today = dt.date.today().isoformat()
    footer = (
        f"<p>{html.escape(POPULATION_CREDIT)}. {html.escape(MAP_CREDIT)}.</p>"
        f"<p>{html.escape(COMPARISON_CREDIT)}.</p>"
        f"<p>Generated by Zicht {__version__} on {today}. Counts below {threshold} are shown as "
        f"&quot;&lt;{threshold}&quot;.</p>"
    )
    page = page_html(
        "Online sex-work advertisements in the Netherlands: baseline measurement",
        f"Zicht report, {info['period']} ({info['moments']} measurement moments)",
        _key_findings(blocks, estimate) + _preamble(info, threshold),
        sections,
        footer,
        get_plotlyjs(),
        max_rows={"T2.5 Per 100k": 25},
    )
    readme = [
        ("Title", "Online sex-work advertisements in the Netherlands: baseline measurement (Zicht)"),
        ("Source", f"Zicht store {info['store']}: {info['moments']} measurement moments, {info['period']}."),
        (
            "Method",
            "Weekly collection of public ads; duplicates removed with the 2021 rules (rule 1 per week on "
            "phone + municipality, rule 2 on ad code + advertiser name); tables over unique advertisers, "
            "one record per advertiser with the most recent stated value per variable.",
        ),
        (
            "Suppression",
            f'Counts below {threshold} are shown as "<{threshold}"; shares, means, sds and rates '
            'computed from them are shown as "–".',
        ),
        ("Comparison", f"Columns '2021 report' quote the published figures. {COMPARISON_CREDIT}."),
        ("Attribution", f"{POPULATION_CREDIT}. {MAP_CREDIT}."),
        (
            "Privacy",
            "No personal data: phone numbers and names are kept only as keyed pseudonyms in the store "
            "and never appear here.",
        ),
        ("Generated", f"Zicht {__version__}, {today}"),
    ]

    return write_report_files(out_dir, page, readme, [b for s in sections for b in s.blocks])


def write_report_files(
    folder: Path, page: str, readme: Sequence[tuple[str, str]], blocks: Sequence[Block]
) -> ReportPaths:
    """folder/report.html and folder/report.xlsx, each written aside and renamed into place, so that a failure
    never leaves a half-written report."""
    folder.mkdir(parents=True, exist_ok=True)
    html_path, xlsx_path = folder / "report.html", folder / "report.xlsx"
    html_tmp, xlsx_tmp = folder / ".report.html.partial", folder / ".report.xlsx.partial"
    try:
        html_tmp.write_text(page, encoding="utf-8")
        write_xlsx(xlsx_tmp, readme, blocks)
        html_tmp.replace(html_path)
        xlsx_tmp.replace(xlsx_path)
    finally:
        html_tmp.unlink(missing_ok=True)
        xlsx_tmp.unlink(missing_ok=True)
    return ReportPaths(html_path, xlsx_path)
