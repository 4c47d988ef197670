"""The report for one municipality (`zicht report --municipality CODE`): its figures beside the national ones
and the 2021 report's, its trend, type mix, prices and indicators, its local rules, and its neighbours.

Unit: the ads placed in the municipality (the place the ad names), without weekly duplicates (baseline rule
1). Every number goes through the small-cell rule; an area with fewer ads than the threshold gets a notice
instead of figures, because a small municipality's counts could point at a handful of people.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from zicht import __version__
from zicht.config import Config
from zicht.errors import InputError, StoreError
from zicht.measure import reference2021 as ref
from zicht.measure.columns import Column, PublishedTable, make_table
from zicht.measure.tables import zicht_estimate
from zicht.refdata import ReferenceData, load_reference
from zicht.report import charts
from zicht.report.build import write_report_files
from zicht.report.html import Block, Section, page_html
from zicht.report.models import ReportPaths
from zicht.report.sections import indicator_texts
from zicht.report.suppress import publish

TYPES = ("home", "escort", "massage")

_AREA_ADS = """
WITH kept AS (
  SELECT o.*, m.measured_on FROM observations o JOIN moments m USING (moment_id)
  LEFT JOIN weekly_duplicates d USING (moment_id, site, site_ad_id)
  WHERE d.moment_id IS NULL
)
SELECT k.measured_on, k.site, k.site_ad_id, k.municipality_code, k.types, k.price_per_hour, k.indicators,
       coalesce(l.advertiser_key, 'ad:' || k.site || ':' || k.site_ad_id) AS advertiser
FROM kept AS k LEFT JOIN ad_links l ON l.method = 'zicht' AND l.site = k.site AND l.site_ad_id = k.site_ad_id
"""


@dataclass(frozen=True)
class _Observations:
    """Kept observations as rows (dicts), the store's moments, and the ads' municipality."""

    rows: list[dict[str, Any]]
    moments: list[dt.date]

    def of(self, code: str | None) -> list[dict[str, Any]]:
        return [r for r in self.rows if code is None or r["municipality_code"] == code]


def _load(con: duckdb.DuckDBPyConnection) -> _Observations:
    rows = con.sql(_AREA_ADS).to_arrow_table().to_pylist()
    moments = [r[0] for r in con.execute("SELECT measured_on FROM moments ORDER BY measured_on").fetchall()]
    if not moments:
        raise StoreError("the store has no measurement moments", "crawl and ingest at least one week")
    return _Observations(rows, moments)


def _unique(rows: list[dict[str, Any]], key: str = "ad") -> int:
    if key == "ad":
        return len({(r["site"], r["site_ad_id"]) for r in rows})
    return len({r["advertiser"] for r in rows})


def _per_week(rows: list[dict[str, Any]], weeks: int) -> int:
    return round(len(rows) / weeks) if weeks else 0


def _ads_by(rows: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """One record per unique ad: its types and indicators over the period, its last stated price."""
    ads: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: r["measured_on"]):
        ad = ads.setdefault(
            (row["site"], row["site_ad_id"]), {"types": set(), "indicators": set(), "price": None}
        )
        ad["types"].update(row["types"] or ())
        ad["indicators"].update(row["indicators"] or ())
        ad["price"] = row["price_per_hour"] if row["price_per_hour"] is not None else ad["price"]
    return ads


def _key_figures(
    obs: _Observations,
    code: str,
    population: int,
    national_population: int,
    estimate: tuple[int, int, int] | None,
) -> PublishedTable:
    weeks = len(obs.moments)
    area, nl = obs.of(code), obs.of(None)
    labels = ["active ads per week (mean)", "unique ads in the period", "advertisers in the period (Zicht)"]
    area_values = [_per_week(area, weeks), _unique(area), _unique(area, "advertiser")]
    # nationally the one Zicht advertiser figure is the estimate (the national report gives its interval)
    nl_values = [_per_week(nl, weeks), _unique(nl), estimate[0] if estimate else _unique(nl, "advertiser")]
    rates = [
        area_values[0] / population * 100_000 if population else None,
        nl_values[0] / national_population * 100_000 if national_population else None,
    ]
    table = make_table(
        [
            Column("measure", [*labels, "active ads per week per 100,000 inhabitants"]),
            Column("this municipality", [*area_values, area_values[0]], "count"),
            Column("per 100,000", [None, None, None, rates[0]], "rate", "this municipality"),
            Column("the Netherlands", [*nl_values, nl_values[0]], "count"),
            Column("NL per 100,000", [None, None, None, rates[1]], "rate", "the Netherlands"),
        ]
    )
    note = (
        "Advertisers: for the municipality, the advertisers Zicht linked to its ads (one advertiser may "
        "advertise in several places); for the Netherlands, Zicht's estimate"
        + (f" (95% interval {estimate[1]:,}-{estimate[2]:,})." if estimate else ".")
    )
    return PublishedTable("Key figures", "Key figures against the Netherlands", table, note)


def _weekly(obs: _Observations, code: str) -> PublishedTable:
    area = obs.of(code)
    columns = [Column("moment", [d.isoformat() for d in obs.moments])]
    per_moment = {d: [r for r in area if r["measured_on"] == d] for d in obs.moments}
    columns.append(Column("active ads", [len(per_moment[d]) for d in obs.moments], "count"))
    for kind in TYPES:
        counts = [sum(kind in (r["types"] or ()) for r in per_moment[d]) for d in obs.moments]
        columns.append(Column(f"{kind} ads", counts, "count"))
    return PublishedTable("Weekly", "Active ads per measurement moment", make_table(columns))


def _type_mix(obs: _Observations, code: str) -> PublishedTable:
    area, nl = _ads_by(obs.of(code)), _ads_by(obs.of(None))
    area_counts = [sum(kind in ad["types"] for ad in area.values()) for kind in TYPES]
    nl_counts = [sum(kind in ad["types"] for ad in nl.values()) for kind in TYPES]
    table = make_table(
        [
            Column("type of work", list(TYPES)),
            Column("ads", area_counts, "count"),
            Column(
                "share of the municipality's ads",
                [c / len(area) if area else None for c in area_counts],
                "share",
                "ads",
            ),
            Column("NL ads", nl_counts, "count"),
            Column("NL share", [c / len(nl) if nl else None for c in nl_counts], "share", "NL ads"),
        ]
    )
    note = "An ad can offer several types, so shares add up to more than 100%."
    return PublishedTable("Type mix", "Type of work (unique ads of the period)", table, note)


def _prices(obs: _Observations, code: str) -> PublishedTable:
    area, nl = _ads_by(obs.of(code)), _ads_by(obs.of(None))

    def priced(ads: dict[tuple[str, str], dict[str, Any]], kind: str | None) -> list[float]:
        return [
            a["price"]
            for a in ads.values()
            if a["price"] is not None and (kind is None or kind in a["types"])
        ]

    kinds: list[str | None] = [None, *TYPES]
    area_prices, nl_prices = [priced(area, k) for k in kinds], [priced(nl, k) for k in kinds]
    table = make_table(
        [
            Column("type of work", ["all", *TYPES]),
            Column("ads with a price", [len(p) for p in area_prices], "count"),
            Column(
                "mean euro per hour",
                [sum(p) / len(p) if p else None for p in area_prices],
                "mean",
                "ads with a price",
            ),
            Column("NL ads with a price", [len(p) for p in nl_prices], "count"),
            Column(
                "NL mean", [sum(p) / len(p) if p else None for p in nl_prices], "mean", "NL ads with a price"
            ),
        ]
    )
    return PublishedTable("Prices", "Price per hour (unique ads, their last stated price)", table)


def _indicators(obs: _Observations, code: str) -> PublishedTable:
    texts = indicator_texts()
    area, nl = _ads_by(obs.of(code)), _ads_by(obs.of(None))
    area_counts = [sum(flag in ad["indicators"] for ad in area.values()) for flag in texts]
    nl_counts = [sum(flag in ad["indicators"] for ad in nl.values()) for flag in texts]
    table = make_table(
        [
            Column("indicator", [t["label"] for t in texts.values()]),
            Column("ads", area_counts, "count"),
            Column(
                "share of the municipality's ads",
                [c / len(area) if area else None for c in area_counts],
                "share",
                "ads",
            ),
            Column("NL share", [c / len(nl) if nl else None for c in nl_counts], "share", "NL ads"),
            Column("NL ads", nl_counts, "count"),
            Column("known weakness", [t["weakness"] for t in texts.values()]),
        ]
    )
    note = "Indicators describe ads, never people; none alone signals exploitation."
    return PublishedTable("Indicators", "Indicators in the ads (unique ads of the period)", table, note)


def _against_2021(obs: _Observations, code: str, population: int) -> PublishedTable:
    area, nl = _unique(obs.of(code)), _unique(obs.of(None))
    table = make_table(
        [
            Column("measure", ["unique ads", "ads per 100,000 inhabitants"]),
            Column("this measurement", [area, area], "count"),
            Column("share of NL", [area / nl if nl else None, None], "share", "this measurement"),
            Column(
                "per 100,000",
                [None, area / population * 100_000 if population else None],
                "rate",
                "this measurement",
            ),
            Column(
                "2021 report",
                [ref.TOP10.get(code, "not in the top 10"), ref.PER_100K.get(code, "not in the top 10")],
                "reference",
            ),
        ]
    )
    note = "2021: Regioplan (2021), Table 2.4 (top 10 by ads) and Table 2.5 (top 10 per 100,000 inhabitants)."
    return PublishedTable("Against 2021", "Against the 2021 baseline measurement", table, note)


def neighbours(reference: ReferenceData, code: str) -> list[str]:
    """Municipalities sharing a stretch of boundary with `code` (at least two boundary points)."""
    points: dict[str, set[tuple[float, float]]] = {}
    for feature in reference.boundaries()["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        points[feature["properties"]["statcode"]] = {
            (round(x, 5), round(y, 5)) for polygon in polygons for ring in polygon for x, y in ring
        }
    own = points.get(code, set())
    return sorted(
        (c for c in points if c != code and len(own & points[c]) >= 2),
        key=lambda c: reference.by_code[c].common_name if c in reference.by_code else c,
    )


def _neighbours(obs: _Observations, reference: ReferenceData, code: str) -> PublishedTable:
    weeks = len(obs.moments)
    codes = [code, *neighbours(reference, code)]
    ads = [_per_week(obs.of(c), weeks) for c in codes]
    population = [reference.by_code[c].population for c in codes]
    table = make_table(
        [
            Column("municipality", [reference.by_code[c].common_name for c in codes]),
            Column("active ads per week (mean)", ads, "count"),
            Column("inhabitants 2021 (CBS)", population, "value"),
            Column(
                "per 100,000",
                [a / p * 100_000 if p else None for a, p in zip(ads, population, strict=True)],
                "rate",
                "active ads per week (mean)",
            ),
        ]
    )
    return PublishedTable("Neighbours", "This municipality and its neighbours", table)


def _rules(code: str, reference: ReferenceData) -> str:
    from zicht.register.loader import load_register

    register = load_register(reference=reference)
    entry = register.municipalities.get(code)
    if entry is None:
        return "<p>This municipality is not in the register of local rules yet (docs/register.md).</p>"
    rows = "".join(
        f'<tr><th scope="row">{html.escape(kind)}</th><td>{html.escape(rule.status or "not stated")}</td>'
        f"<td>{html.escape(str(entry.age_for(kind) or ''))}</td></tr>"
        for kind, rule in entry.types.items()
    )
    return (
        f"<p>Rules as of {html.escape(str(entry.as_of))}, from the register (each fact cited to its report "
        'and line).</p><table class="data"><thead><tr><th scope="col">business type</th>'
        '<th scope="col">status</th><th scope="col">minimum age</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def write_area_report(store: Path, out_dir: Path, code: str, config: Config, data_dir: Path) -> ReportPaths:
    """Write out_dir/<code>/report.html and report.xlsx (each written aside and renamed)."""
    from plotly.offline import get_plotlyjs

    from zicht.store.db import connect

    reference = load_reference(Path(data_dir))
    municipality = reference.by_code.get(code)
    if municipality is None:
        raise InputError(f"--municipality {code}: not a CBS 2021 municipality code (e.g. GM0363)")
    threshold = config.report.small_cell_threshold
    con = connect(Path(store), read_only=True)
    try:
        obs = _load(con)
        estimate = zicht_estimate(con)
    except duckdb.Error as error:
        raise StoreError(
            f"cannot measure {store}: {str(error).splitlines()[0]}", "is it a Zicht store?"
        ) from None
    finally:
        con.close()
    national_population = sum(m.population for m in reference.municipalities)
    tables = [
        _key_figures(obs, code, municipality.population, national_population, estimate),
        _weekly(obs, code),
        _type_mix(obs, code),
        _prices(obs, code),
        _indicators(obs, code),
        _against_2021(obs, code, municipality.population),
        _neighbours(obs, reference, code),
    ]
    blocks = {}
    for table in tables:
        grid = publish(table.table, threshold)
        drawn: tuple[str, ...] = ()
        if table.key == "Weekly":
            series = [("active ads", "active ads"), *((f"{t} ads", f"{t} ads") for t in TYPES)]
            drawn = (
                charts.line_chart("area-weekly", grid, "moment", series, "Active ads per moment", "ads"),
            )
        blocks[table.key] = Block(table, grid, drawn)
    too_small = _unique(obs.of(code)) < threshold
    notice = (
        f'<p class="box"><strong>Too few ads to publish much.</strong> This municipality had fewer than '
        f"{threshold} ads in the period: its counts are shown as &lt;{threshold} and figures computed from "
        "them are left out, so that no one can be recognised from them. The national figures and the "
        "neighbours give the context.</p>"
        if too_small
        else ""
    )
    name = f"{municipality.common_name} ({code})"
    period = f"{obs.moments[0]} to {obs.moments[-1]}"
    sections = [
        Section(
            "Key figures",
            notice + "<p>The municipality against the Netherlands.</p>",
            (blocks["Key figures"], blocks["Against 2021"]),
        ),
        Section("Trend", "", (blocks["Weekly"],)),
        Section("Type of work and prices", "", (blocks["Type mix"], blocks["Prices"])),
        Section("Indicators", "", (blocks["Indicators"],)),
        Section("Local rules", _rules(code, reference), ()),
        Section("Neighbours", "", (blocks["Neighbours"],)),
    ]
    footer = (
        "<p>Population: CBS, 1 January 2021, CC BY 4.0. Boundaries: Kadaster / CBS. 2021 report: Regioplan "
        f"(2021) for WODC.</p><p>Generated by Zicht {__version__} on {dt.date.today()}. Counts below "
        f"{threshold} are shown as &quot;&lt;{threshold}&quot;.</p>"
    )
    page = page_html(
        f"Online sex-work advertisements: {name}",
        f"Zicht report for one municipality, {period} ({len(obs.moments)} measurement moments)",
        "",
        sections,
        footer,
        get_plotlyjs(),
    )
    readme = [
        ("Title", f"Online sex-work advertisements: {name} (Zicht)"),
        ("Period", period),
        ("Suppression", f'Counts below {threshold} are shown as "<{threshold}"; figures from them as "–".'),
        ("Attribution", "Population: CBS, CC BY 4.0. Boundaries: Kadaster / CBS."),
        ("Privacy", "No personal data: counts of ads only, never a list of ads."),
        ("Meta", json.dumps({"municipality": code, "zicht": __version__})),
    ]
    return write_report_files(Path(out_dir) / code, page, readme, [blocks[t.key] for t in tables])
