"""`zicht eval crawl`: per week and site, the ads the truth lists against the ads the store holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


def crawl_completeness(sim_dir: Path, store: Path) -> list[dict[str, Any]]:
    """Rows {week, site, listed, found, missing, duplicates} joined on (date, site, site_ad_id).

    A store moment belongs to the simulated week whose measurement date it carries (`zicht run --date`), so
    the store may hold any stretch of the simulated weeks; weeks between its first and last moment count,
    and a week with no moment in that stretch shows all its ads as missing. `found` counts listed ads the
    store holds for the week's moment; `duplicates` counts store rows beyond one per ad (the schema's key
    makes this 0 unless a store was built without it: a guard against regressions).
    """
    con = duckdb.connect()
    con.execute(f"ATTACH '{store}' AS store (READ_ONLY)")
    listings = str(Path(sim_dir) / "truth" / "listings.parquet")
    rows = con.execute(
        f"""
        WITH span AS (SELECT min(measured_on) AS first, max(measured_on) AS last FROM store.moments),
        listed AS (
            SELECT DISTINCT week, measurement_date, site, site_ad_id FROM read_parquet('{listings}'), span
            WHERE measurement_date BETWEEN span.first AND span.last
        ),
        weeks AS (SELECT DISTINCT week, measurement_date FROM listed),
        held AS (
            SELECT w.week, o.site, o.site_ad_id, count(*) AS copies
            FROM store.observations o JOIN store.moments m USING (moment_id)
            JOIN weeks w ON w.measurement_date = m.measured_on
            GROUP BY ALL
        ),
        cells AS (SELECT DISTINCT week, site FROM listed UNION SELECT DISTINCT week, site FROM held)
        SELECT c.week, c.site,
               (SELECT count(*) FROM listed l WHERE l.week = c.week AND l.site = c.site) AS listed,
               (SELECT count(*) FROM listed l JOIN held h USING (week, site, site_ad_id)
                 WHERE l.week = c.week AND l.site = c.site) AS found,
               (SELECT coalesce(sum(copies - 1), 0) FROM held h WHERE h.week = c.week AND h.site = c.site)
                 AS duplicates
        FROM cells c ORDER BY c.week, c.site
        """
    ).fetchall()
    return [
        {
            "week": week,
            "site": site,
            "listed": listed,
            "found": found,
            "missing": listed - found,
            "duplicates": int(dups),
        }
        for week, site, listed, found, dups in rows
    ]
