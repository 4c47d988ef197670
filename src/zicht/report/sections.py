"""Report sections of other stages: advertiser counts (link), local rules against online supply (register)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pyarrow as pa

from zicht.refdata import ReferenceData
from zicht.report.models import ReportSection

if TYPE_CHECKING:
    import duckdb

ADVERTISERS_INTRO = (
    "How many different advertisers are behind the ads. The 2021 rules count an ad code with an advertiser "
    "name once, so a re-posted ad counts again and an intermediary's several workers can count once. Zicht "
    "links ads across weeks, sites and re-posts and gives an interval. Shared contacts are groups of ads of "
    "several advertisers behind one phone number or one ad text: counts only, never a list."
)
REGISTER_INTRO = (
    "Online ads by type of work set against the local rules of the municipalities in the register (sources: "
    "the five reports, each fact with its line), and the same under one uniform national rule set, modelled "
    "on the Wrs. Unique ads of the period by the Zicht linking; counts only. An ad outside the local rules "
    "describes an ad, not a person: unlicensed is not trafficked."
)


def _meta(con: duckdb.DuckDBPyConnection, key: str) -> dict | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    return json.loads(rows[0][0]) if rows else None


def advertisers_section(con: duckdb.DuckDBPyConnection) -> ReportSection | None:
    counts = _meta(con, "advertisers")
    if counts is None:
        return None
    methods = ["2021 rules (ad code + name)", "Zicht entity resolution"]
    table = pa.table(
        {
            "method": methods,
            "unique advertisers": [counts["baseline"], counts["zicht"]],
            "interval low": pa.array([None, round(counts["zicht_low"])], pa.int64()),
            "interval high": pa.array([None, round(counts["zicht_high"])], pa.int64()),
        }
    )
    tables = [("Unique advertisers", table)]
    has_groups = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'shared_contacts'"
    ).fetchall()[0][0]
    if has_groups:
        groups = con.sql(
            'SELECT kind AS "shared contact", count(*) AS groups, '
            "CAST(sum(advertisers) AS BIGINT) AS advertisers, CAST(sum(ads) AS BIGINT) AS ads "
            "FROM shared_contacts GROUP BY kind ORDER BY kind"
        ).to_arrow_table()
        tables.append(("Shared contacts", groups))
    return ReportSection("Advertisers behind the ads", ADVERTISERS_INTRO, tables)


def register_section(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, threshold: int
) -> ReportSection:
    from zicht.register import (
        cross_analysis,
        cross_analysis_uniform,
        load_register,
        population_from_reference,
    )

    linked = con.execute("SELECT count(*) FROM ad_links WHERE method = 'zicht'").fetchall()[0][0]
    method = "zicht" if linked else "baseline"
    ads = con.sql(
        """
        SELECT arg_max(o.municipality_code, m.week) FILTER (WHERE o.municipality_code IS NOT NULL)
                 AS municipality_code,
               list_distinct(flatten(list(o.types))) AS types
        FROM observations o JOIN moments m USING (moment_id)
        JOIN ad_links l ON l.method = ? AND l.site = o.site AND l.site_ad_id = o.site_ad_id
        GROUP BY l.advertiser_key
        """,
        params=[method],
    ).to_arrow_table()
    register = load_register(reference=reference)
    population = population_from_reference(reference)
    local = cross_analysis(ads, register, population, threshold)
    uniform = cross_analysis_uniform(ads, register, population, threshold)
    return ReportSection(
        "Local rules and online supply (register)",
        REGISTER_INTRO,
        [
            ("Register: online ads", _register_ads([r.as_dict() for r in local])),
            ("Local rules", _register_rules([r.as_dict() for r in local])),
            ("Uniform Wrs rules", _register_rules([r.as_dict() for r in uniform])),
        ],
    )


# The register tables with human labels, split so each fits the page: the ads, then the rules and what
# they mean for the home ads (the cells arrive rendered, small counts already "<threshold").
_ADS_COLUMNS = {
    "municipality": "municipality",
    "rules_as_of": "rules as of",
    "ads": "unique ads",
    "ads_per_100k": "per 100,000 inhabitants",
    "home_ads": "home ads",
    "escort_ads": "escort ads",
    "massage_ads": "massage ads",
}
_RULE_COLUMNS = {
    "municipality": "municipality",
    "home_status": "home work",
    "independent_escort_status": "independent escort",
    "escort_business_status": "escort business",
    "erotic_massage_status": "erotic massage",
    "home_ads_where_commercial_home_work_restricted": "home ads where business-like home work is restricted",
    "home_ads_where_advertising_not_allowed": "home ads where advertising needs a licence",
}


def _relabel(rows: list[dict], columns: dict[str, str]) -> pa.Table:
    def text(value: object) -> object:
        if isinstance(value, float):
            return round(value, 1)
        return value.replace("_", " ") if isinstance(value, str) else value

    return pa.Table.from_pylist([{label: text(row[key]) for key, label in columns.items()} for row in rows])


def _register_ads(rows: list[dict]) -> pa.Table:
    return _relabel(rows, _ADS_COLUMNS)


def _register_rules(rows: list[dict]) -> pa.Table:
    return _relabel(rows, _RULE_COLUMNS)


INDICATORS_INTRO = (
    "Signals in the wording of ads that police and outreach workers ask about. They describe ads, never "
    "people: none of them alone signals exploitation, and unlicensed is not trafficked. Each is a share of "
    "the ads active at a moment (per municipality: of the period's unique ads there); the last table gives "
    "each indicator's known weakness. Never a list of ads."
)


def indicator_texts() -> dict[str, dict[str, str]]:
    """Label and documented weakness per indicator (report/data/indicators.toml)."""
    import tomllib
    from importlib import resources

    text = resources.files("zicht.report").joinpath("data/indicators.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


_KEPT = """
    SELECT o.* FROM observations o
    LEFT JOIN weekly_duplicates d USING (moment_id, site, site_ad_id)
    WHERE d.moment_id IS NULL
"""


def indicators_section(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, threshold: int
) -> ReportSection:
    from zicht.measure.columns import Column, make_table

    texts = indicator_texts()
    flags = list(texts)
    counts = ", ".join(f"count(*) FILTER (WHERE list_contains(indicators, '{f}')) AS \"{f}\"" for f in flags)
    per_moment = con.sql(
        f"""SELECT CAST(m.measured_on AS VARCHAR) AS moment, count(*) AS ads, {counts}
            FROM ({_KEPT}) o JOIN moments m USING (moment_id) GROUP BY m.measured_on ORDER BY m.measured_on"""
    ).fetchall()
    per_place = con.sql(
        f"""WITH ads AS (
              SELECT site, site_ad_id, arg_max(municipality_code, moment_id) AS municipality_code,
                     flatten(list(indicators)) AS indicators
              FROM ({_KEPT}) o WHERE municipality_code IS NOT NULL GROUP BY site, site_ad_id)
            SELECT municipality_code, count(*) AS ads, {counts}
            FROM ads GROUP BY municipality_code HAVING count(*) >= ?
            ORDER BY ads DESC, municipality_code""",
        params=[threshold],  # a municipality with fewer ads would publish nothing but "<threshold"
    ).fetchall()
    names = {m.code: m.common_name for m in reference.municipalities}

    def table(first: Column, rows: list[tuple]) -> pa.Table:
        columns = [first, Column("ads", [r[1] for r in rows], "count")]
        for i, flag in enumerate(flags, start=2):
            label = texts[flag]["short"]  # short headers keep the table within the page
            columns.append(Column(label, [r[i] for r in rows], "count"))
            columns.append(
                Column(f"{label} share", [r[i] / r[1] if r[1] else None for r in rows], "share", label)
            )
        return make_table(columns)

    weaknesses = make_table(
        [
            Column("indicator", [texts[f]["label"] for f in flags]),
            Column("known weakness", [texts[f]["weakness"] for f in flags]),
        ]
    )
    return ReportSection(
        "Indicators in the ads (signalen)",
        INDICATORS_INTRO,
        [
            ("Indicators per moment", table(Column("moment", [r[0] for r in per_moment]), per_moment)),
            (
                "Indicators by municipality",
                table(Column("municipality", [names.get(r[0], r[0]) for r in per_place]), per_place),
            ),
            ("Indicator weaknesses", weaknesses),
        ],
    )


def standard_sections(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, threshold: int
) -> list[ReportSection]:
    sections = [
        advertisers_section(con),
        indicators_section(con, reference, threshold),
        register_section(con, reference, threshold),
    ]
    return [s for s in sections if s is not None]
