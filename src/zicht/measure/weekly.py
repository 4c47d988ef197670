"""Weekly measures per measurement moment, in standard SQL (runs on DuckDB and Spark SQL).

An "ad" is a site + site_ad_id. Observations listed in weekly_duplicates (baseline rule 1: a site-b copy of
a site-a ad in the same week) are left out first. Moments are taken in the order of their week number; the
"previous moment" is the previous one in that order, whatever the gap in days.

Definitions (k = the moment's position, 1 = first):
- active: ads seen at the moment.
- new_since_previous: active ads not seen at moment k-1. Undefined (NULL) at the first moment.
- new_since_previous_5: active ads not seen at any of moments k-5..k-1. NULL while fewer than 5 moments
  precede (k <= 5): with a shorter history the count would mix in ads that are merely old.
- never_seen_before: active ads not seen at any earlier moment. NULL at the first moment (every ad would be).
- one_off: active ads seen at exactly one moment of the whole series (at the last moment this includes ads
  that may still run on).
- closed: active ads not seen at any later moment. NULL at the last moment (nothing later to look at).
- price trend: mean hourly price of the moment's ads with a price; "all" takes each priced ad once whatever
  its type, "home" and "escort" the ads offering that type (an ad offering both is in both).
"""

from __future__ import annotations

import statistics

import duckdb
import pyarrow as pa

from zicht.measure import reference2021 as ref
from zicht.measure.columns import Column, PublishedTable, make_table

ORDERED_MOMENTS = """
SELECT moment_id, measured_on, ROW_NUMBER() OVER (ORDER BY week, moment_id) AS k FROM moments
"""

KEPT_OBSERVATIONS = """
SELECT o.*
FROM observations o
LEFT JOIN weekly_duplicates d
  ON d.moment_id = o.moment_id AND d.site = o.site AND d.site_ad_id = o.site_ad_id
WHERE d.moment_id IS NULL
"""

WEEKLY_SQL = f"""
WITH ordered AS ({ORDERED_MOMENTS}),
kept AS ({KEPT_OBSERVATIONS}),
seen AS (
  SELECT DISTINCT r.k, o.site, o.site_ad_id FROM kept o JOIN ordered r ON r.moment_id = o.moment_id
),
seq AS (
  SELECT k, site, site_ad_id,
    LAG(k) OVER (PARTITION BY site, site_ad_id ORDER BY k) AS prev_k,
    LEAD(k) OVER (PARTITION BY site, site_ad_id ORDER BY k) AS next_k,
    COUNT(*) OVER (PARTITION BY site, site_ad_id) AS n_moments
  FROM seen
),
bounds AS (SELECT MAX(k) AS last_k FROM ordered)
SELECT
  r.moment_id,
  r.measured_on,
  COUNT(s.site) AS active,
  CASE WHEN r.k > 1 THEN
    CAST(COALESCE(SUM(CASE WHEN s.prev_k IS NULL OR s.prev_k < r.k - 1 THEN 1 ELSE 0 END), 0) AS BIGINT) END
    AS new_since_previous,
  CASE WHEN r.k > 5 THEN
    CAST(COALESCE(SUM(CASE WHEN s.prev_k IS NULL OR s.prev_k < r.k - 5 THEN 1 ELSE 0 END), 0) AS BIGINT) END
    AS new_since_previous_5,
  CASE WHEN r.k > 1 THEN CAST(COALESCE(SUM(CASE WHEN s.prev_k IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) END
    AS never_seen_before,
  CAST(COALESCE(SUM(CASE WHEN s.n_moments = 1 THEN 1 ELSE 0 END), 0) AS BIGINT) AS one_off,
  CASE WHEN r.k < b.last_k THEN
    CAST(COALESCE(SUM(CASE WHEN s.next_k IS NULL THEN 1 ELSE 0 END), 0) AS BIGINT) END
    AS closed
FROM ordered r
CROSS JOIN bounds b
LEFT JOIN seq s ON s.k = r.k
GROUP BY r.k, r.moment_id, r.measured_on, b.last_k
ORDER BY r.k
"""

PRICE_TREND_SQL = f"""
WITH ordered AS ({ORDERED_MOMENTS}),
kept AS ({KEPT_OBSERVATIONS})
SELECT
  r.moment_id,
  r.measured_on,
  COUNT(o.price_per_hour) AS n_all,
  AVG(o.price_per_hour) AS mean_all,
  CAST(SUM(CASE WHEN o.price_per_hour IS NOT NULL AND array_contains(o.types, 'home') THEN 1 ELSE 0 END)
    AS BIGINT) AS n_home,
  AVG(CASE WHEN array_contains(o.types, 'home') THEN o.price_per_hour END) AS mean_home,
  CAST(SUM(CASE WHEN o.price_per_hour IS NOT NULL AND array_contains(o.types, 'escort') THEN 1 ELSE 0 END)
    AS BIGINT) AS n_escort,
  AVG(CASE WHEN array_contains(o.types, 'escort') THEN o.price_per_hour END) AS mean_escort
FROM ordered r
LEFT JOIN kept o ON o.moment_id = r.moment_id
GROUP BY r.k, r.moment_id, r.measured_on
ORDER BY r.k
"""

WEEKLY_COLUMNS = (
    "active",
    "new_since_previous",
    "new_since_previous_5",
    "never_seen_before",
    "one_off",
    "closed",
)


def weekly_measures(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """One row per moment: moment_id, measured_on and the counts in WEEKLY_COLUMNS (see module docstring)."""
    return con.sql(WEEKLY_SQL).to_arrow_table()


def price_trend(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """One row per moment: n_all, mean_all, n_home, mean_home, n_escort, mean_escort (euro per hour)."""
    return con.sql(PRICE_TREND_SQL).to_arrow_table()


WEEKLY_LABELS = {
    "active": "active ads (actief)",
    "new_since_previous": "new: not in previous moment (nieuw)",
    "new_since_previous_5": "new: not in previous 5 moments",
    "never_seen_before": "never seen before (nooit eerder gezien)",
    "one_off": "one-off: seen at one moment only (eenmalig)",
    "closed": "closed: not seen at any later moment (gestopt)",
}


def weekly_tables(con: duckdb.DuckDBPyConnection) -> list[PublishedTable]:
    """The weekly measures, their ranges beside the 2021 report's and the price trend, as published tables."""
    weekly = weekly_measures(con).to_pydict()
    moments = [str(m) for m in weekly["moment_id"]]
    dates = [d.isoformat() for d in weekly["measured_on"]]
    columns = [Column("moment", moments), Column("date (meetmoment)", dates)]
    columns += [Column(WEEKLY_LABELS[c], weekly[c], "count") for c in WEEKLY_COLUMNS]
    note = (
        "An ad is a site + ad code; a site-b copy of a site-a ad in the same week (2021 rule 1) is left out. "
        "Empty cells are undefined: 'new' needs a previous moment (five for 'previous 5'), "
        "'closed' a later one."
    )
    weekly_table = PublishedTable(
        "Weekly", "Weekly measures per measurement moment", make_table(columns), note
    )

    ranges: list[tuple[str, int | None, int | None, int | None, str]] = []
    for c in WEEKLY_COLUMNS:
        values = [v for v in weekly[c] if v is not None]
        if values:
            ranges.append(
                (WEEKLY_LABELS[c], min(values), round(statistics.median(values)), max(values), ref.WEEKLY[c])
            )
        else:
            ranges.append((WEEKLY_LABELS[c], None, None, None, ref.WEEKLY[c]))
    range_table = make_table(
        [
            Column("measure", [r[0] for r in ranges]),
            Column("lowest", [r[1] for r in ranges], "count"),
            Column("median", [r[2] for r in ranges], "count"),
            Column("highest", [r[3] for r in ranges], "count"),
            Column("2021 report", [r[4] for r in ranges], "reference"),
        ]
    )
    range_note = (
        "Over the moments where the measure is defined. 2021 report: ranges over Aug 2020 - Aug 2021."
    )

    trend = price_trend(con).to_pydict()
    trend_columns = [Column("moment", moments), Column("date (meetmoment)", dates)]
    for key, label in (("all", "all"), ("home", "home"), ("escort", "escort")):
        trend_columns.append(Column(f"{label}: ads with a price", trend[f"n_{key}"], "count"))
        trend_columns.append(
            Column(f"{label}: mean euro/hour", trend[f"mean_{key}"], "mean", f"{label}: ads with a price")
        )
    trend_note = (
        "Fig 2.9. 'all' takes each priced ad once, whatever its type. 2021 report: " + ref.PRICE_TREND
    )
    return [
        weekly_table,
        PublishedTable("Weekly ranges", "Weekly measures: range over the series", range_table, range_note),
        PublishedTable(
            "Price trend", "Mean hourly price per moment by type", make_table(trend_columns), trend_note
        ),
    ]
