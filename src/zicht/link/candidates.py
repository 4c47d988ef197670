"""Ad records (one row per ad) and near-duplicate texts, in SQL that runs on DuckDB (and on Spark SQL).

1. `link_ads`: one row per ad (site, site_ad_id), i.e. the observations blocked on the site ad code: the
   values seen at most moments (phone and name pseudonyms, municipality, gender, origin country and group,
   types), median age and price, the first text signature, first and last week, whether the ad states several
   workers. Per phone: `phone_shared` = the phone shows, in one week, three names, or two with stated ages
   more than 5 years apart or two origins (an intermediary's phone, a shared contact; two names alone are
   also one person's name variants). Block sizes for Splink's blocking rules (`model.blocking_rules`):
   `phone_block` (ads per phone), `name_muni_block`, `name_age_block`.
2. `template_pairs`: pairs of ads whose texts are near-identical (MinHash LSH, 16 bands of 4 rows, then at
   least 60% equal signature values): the "template" shared contacts. Not a candidate source of the model:
   on the simulated markets text candidates cost precision and the text comparison added nothing.
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
               o.municipality_code AS muni, o.gender, o.origin_country AS origin, o.origin_group, o.age,
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
                   mode(origin) AS origin, mode(origin_group) AS origin_group,
                   CAST(round(median(age)) AS INTEGER) AS age, median(price) AS price,
                   mode(nullif(types, '')) AS types,
                   arg_min(sig, week) FILTER (WHERE sig IS NOT NULL) AS sig,
                   min(week) AS first_week, max(week) AS last_week, count(*) AS n_obs,
                   {several} AS several, bool_or(coalesce(gender = 'couple', false)) AS couple
            FROM link_obs GROUP BY site, site_ad_id
        ),
        phone_week AS (
            SELECT phone, week, count(DISTINCT name) AS names, max(age) - min(age) AS age_span,
                   count(DISTINCT origin) AS origins
            FROM link_obs WHERE phone IS NOT NULL GROUP BY phone, week
        ),
        phones AS (
            -- shared: three names in one week, or two with ages 6+ years apart or two origins (one person
            -- showing a name variant on a second ad is not an intermediary)
            SELECT p.phone,
                   coalesce(bool_or(p.names >= 3
                                    OR (p.names >= 2 AND (p.age_span > 5 OR p.origins >= 2))), false)
                   AS phone_shared,
                   (SELECT count(DISTINCT name) FROM link_obs AS x WHERE x.phone = p.phone) AS phone_names
            FROM phone_week AS p GROUP BY p.phone
        ),
        names AS (SELECT name, count(*) AS name_ads FROM per_ad WHERE name IS NOT NULL GROUP BY name)
        SELECT CAST(row_number() OVER (ORDER BY a.site, a.site_ad_id) - 1 AS BIGINT) AS ad_idx, a.*,
               coalesce(p.phone_shared, false) AS phone_shared, coalesce(p.phone_names, 0) AS phone_names,
               coalesce(n.name_ads, 0) AS name_ads,
               CAST(count(*) OVER (PARTITION BY a.phone) AS INTEGER) AS phone_block,
               CAST(count(*) OVER (PARTITION BY a.name, a.muni) AS INTEGER) AS name_muni_block,
               CAST(count(*) OVER (PARTITION BY a.name, a.age) AS INTEGER) AS name_age_block
        FROM per_ad AS a LEFT JOIN phones AS p USING (phone) LEFT JOIN names AS n USING (name)
        ORDER BY ad_idx
    """)
    return int(con.execute("SELECT count(*) FROM link_ads").fetchall()[0][0])


TEMPLATE_SHARE = 0.6  # share of equal MinHash values (~ Jaccard of the word 3-shingles) for a template


def template_pairs(con: duckdb.DuckDBPyConnection, max_block: int = 400) -> int:
    """Create the temp table `link_templates` (l, r) of ads with near-identical texts; returns their number.

    Spark: `hash(slice(...))` for the band key and `size(array_intersect(a, b))` for the overlap.
    """
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE link_bands AS
        SELECT ad_idx, band,
               hash(list_slice(sig, band * {ROWS_PER_BAND} + 1, (band + 1) * {ROWS_PER_BAND})) AS band_key
        FROM (SELECT ad_idx, sig, unnest(range({BANDS})) AS band FROM link_ads WHERE sig IS NOT NULL)
    """)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE link_templates AS
        SELECT DISTINCT p.l, p.r FROM (
            SELECT a.ad_idx AS l, b.ad_idx AS r FROM (
                SELECT *, count(*) OVER (PARTITION BY band, band_key) AS block_size FROM link_bands
            ) AS a JOIN link_bands AS b USING (band, band_key)
            WHERE a.ad_idx < b.ad_idx AND a.block_size <= {max_block}
        ) AS p JOIN link_ads AS x ON x.ad_idx = p.l JOIN link_ads AS y ON y.ad_idx = p.r
        WHERE len(list_intersect(x.sig, y.sig)) >= {int(TEMPLATE_SHARE * SIGNATURE_SIZE)}
    """)
    return int(con.execute("SELECT count(*) FROM link_templates").fetchall()[0][0])
