"""Ad records and candidate pairs, in SQL that runs on DuckDB (and, table for table, on Spark SQL).

1. `link_ads`: one row per ad (site, site_ad_id), i.e. the observations blocked on the site ad code: the
   values seen at most moments (phone and name pseudonyms, municipality, gender, origin, types), median age
   and price, the first text signature, first and last week, whether the ad states several workers.
   Per phone: `phone_shared` = the phone shows two or more different names in one week (an intermediary's
   phone, a shared contact) and `phone_names` = how many names it shows over the period.
2. `link_pairs`: candidate pairs (l < r) from five blocking rules: same phone pseudonym; same name pseudonym +
   municipality; same name + stated age; a re-post (same site, age and municipality, the second ad first seen
   within 2 weeks after the first one's last week: catches a new code with a new name and phone, and site c,
   where phones are hidden); a shared MinHash-LSH band of the text signature (16 bands of 4 rows:
   texts with Jaccard 0.6 collide in at least one band with probability 0.88, at 0.3 with 0.12). Blocks larger
   than `max_block` ads only yield pairs that also agree on the name, so one template or intermediary phone
   cannot make the pair count explode.
"""

from __future__ import annotations

import duckdb

from zicht.link.textsig import SIGNATURE_SIZE

BANDS = 16
ROWS_PER_BAND = SIGNATURE_SIZE // BANDS


def _has_column(con: duckdb.DuckDBPyConnection, table: str, column: str) -> bool:
    rows = con.execute(f"SELECT * FROM {table} LIMIT 0").description or []
    return any(row[0] == column for row in rows)


def build_ads(con: duckdb.DuckDBPyConnection) -> int:
    """Create the temp table `link_ads` from `observations` + `moments`; returns the number of ads."""
    several = (
        "bool_or(coalesce(list_contains(indicators, 'several_workers'), false) OR gender = 'couple')"
        if _has_column(con, "observations", "indicators")
        else "bool_or(coalesce(gender = 'couple', false))"
    )
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE link_obs AS
        SELECT o.site, o.site_ad_id, m.week, o.phone_pseudonym AS phone, o.name_pseudonym AS name,
               o.municipality_code AS muni, o.gender, o.origin_country AS origin, o.age,
               o.price_per_hour AS price,
               array_to_string(list_sort(o.types), ',') AS types, o.text_signature AS sig
               {", o.indicators" if _has_column(con, "observations", "indicators") else ""}
        FROM observations AS o JOIN moments AS m USING (moment_id)
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE link_ads AS
        WITH per_ad AS (
            SELECT site, site_ad_id,
                   mode(phone) AS phone, mode(name) AS name, mode(muni) AS muni, mode(gender) AS gender,
                   mode(origin) AS origin, CAST(round(median(age)) AS INTEGER) AS age, median(price) AS price,
                   mode(nullif(types, '')) AS types,
                   arg_min(sig, week) FILTER (WHERE sig IS NOT NULL) AS sig,
                   min(week) AS first_week, max(week) AS last_week, count(*) AS n_obs,
                   {several} AS several, bool_or(coalesce(gender = 'couple', false)) AS couple
            FROM link_obs GROUP BY site, site_ad_id
        ),
        phone_week AS (
            SELECT phone, week, count(DISTINCT name) AS names FROM link_obs
            WHERE phone IS NOT NULL GROUP BY phone, week
        ),
        phones AS (
            SELECT p.phone, max(p.names) >= 2 AS phone_shared,
                   (SELECT count(DISTINCT name) FROM link_obs AS x WHERE x.phone = p.phone) AS phone_names
            FROM phone_week AS p GROUP BY p.phone
        ),
        names AS (SELECT name, count(*) AS name_ads FROM per_ad WHERE name IS NOT NULL GROUP BY name)
        SELECT CAST(row_number() OVER (ORDER BY a.site, a.site_ad_id) - 1 AS BIGINT) AS ad_idx, a.*,
               coalesce(p.phone_shared, false) AS phone_shared, coalesce(p.phone_names, 0) AS phone_names,
               coalesce(n.name_ads, 0) AS name_ads
        FROM per_ad AS a LEFT JOIN phones AS p USING (phone) LEFT JOIN names AS n USING (name)
        ORDER BY ad_idx
    """)
    return int(con.execute("SELECT count(*) FROM link_ads").fetchall()[0][0])


def _block(key: str, max_block: int) -> str:
    return f"""
        SELECT a.ad_idx AS l, b.ad_idx AS r FROM (
            SELECT *, count(*) OVER (PARTITION BY {key}) AS block_size FROM link_ads
            WHERE {" AND ".join(f"{k.strip()} IS NOT NULL" for k in key.split(","))}
        ) AS a JOIN link_ads AS b ON {" AND ".join(f"a.{k.strip()} = b.{k.strip()}" for k in key.split(","))}
        WHERE a.ad_idx < b.ad_idx AND (a.block_size <= {max_block} OR a.name = b.name)"""


# a re-post that changed name and phone (or shows no phone, site c): same site, age and municipality, the
# second ad appearing within 2 weeks of the first one's last week
REPOST_BLOCK = """
        SELECT least(a.ad_idx, b.ad_idx) AS l, greatest(a.ad_idx, b.ad_idx) AS r
        FROM link_ads AS a JOIN link_ads AS b
          ON a.site = b.site AND a.age = b.age AND a.muni = b.muni
         AND b.first_week > a.last_week AND b.first_week <= a.last_week + 2"""


def build_pairs(
    con: duckdb.DuckDBPyConnection, max_block: int = 400, use_text: bool = True, repost_block: bool = False
) -> int:
    """Create the temp table `link_pairs` (l, r) of candidate pairs; returns their number."""
    parts = [
        _block("phone", max_block),
        _block("name, muni", max_block),
        _block("name, age", max_block),
        *([REPOST_BLOCK] if repost_block else []),
    ]
    if use_text:
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE link_bands AS
            SELECT ad_idx, band, name,
                   hash(list_slice(sig, band * {ROWS_PER_BAND} + 1, (band + 1) * {ROWS_PER_BAND})) AS band_key
            FROM (SELECT ad_idx, sig, name, unnest(range({BANDS})) AS band
                  FROM link_ads WHERE sig IS NOT NULL)
        """)
        parts.append(f"""
            SELECT a.ad_idx AS l, b.ad_idx AS r FROM (
                SELECT *, count(*) OVER (PARTITION BY band, band_key) AS block_size FROM link_bands
            ) AS a JOIN link_bands AS b USING (band, band_key)
            WHERE a.ad_idx < b.ad_idx AND (a.block_size <= {max_block} OR a.name = b.name)""")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE link_pairs AS SELECT DISTINCT l, r FROM ("
        + " UNION ALL ".join(parts)
        + ")"
    )
    return int(con.execute("SELECT count(*) FROM link_pairs").fetchall()[0][0])
