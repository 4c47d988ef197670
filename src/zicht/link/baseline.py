"""The 2021 deduplication rules, as ../shared/reference/baseline-2021.md section 1 describes them.

Rule 1 (between sources, per measurement moment, for trends): key = phone number + municipality, only sites
"a" (kinky.nl) and "b" (sexjobs.nl) because site "c" hides phones. A site-b ad whose key equals that of a
site-a ad at the same moment is a duplicate; the site-a copy is kept. Output: `weekly_duplicates`.
Our reading: only b-versus-a matches count (the report describes a between-sources rule); when several site-a
ads share the key, the kept copy is the one with the smallest site ad code. Ads lacking a phone or a
municipality never match.

Rule 2 (within and between sources, unique sex workers): key = the site's own ad code + the advertiser's name.
Our reading, taken literally: the key is the pair (site_ad_id, name) without the site, so "between sources"
only merges ads whose code and name coincide on two sites. INCONSISTENCY noted: ad codes are site-specific, so
the literal rule cannot link a cross-post; the report nevertheless calls it a between-sources rule. We do not
"fix" this (the rule would otherwise need rule 1's links, which the report does not say). The name of an ad is
the name seen at most of its moments (ties: the smallest pseudonym); an ad without a name is keyed on its
code.
Output: `ad_links` rows with method 'baseline'.
"""

from __future__ import annotations

import duckdb

RULE1_SQL = """
WITH keyed AS (
    SELECT moment_id, site, site_ad_id, phone_pseudonym, municipality_code
    FROM observations
    WHERE site IN ('a', 'b') AND phone_pseudonym IS NOT NULL AND municipality_code IS NOT NULL
),
kept AS (
    SELECT moment_id, phone_pseudonym, municipality_code, min(site_ad_id) AS kept_site_ad_id
    FROM keyed WHERE site = 'a'
    GROUP BY moment_id, phone_pseudonym, municipality_code
)
SELECT b.moment_id, b.site, b.site_ad_id, 'a' AS kept_site, k.kept_site_ad_id
FROM keyed AS b
JOIN kept AS k USING (moment_id, phone_pseudonym, municipality_code)
WHERE b.site = 'b'
"""

RULE2_SQL = """
WITH names AS (
    SELECT site, site_ad_id, name_pseudonym, count(*) AS seen
    FROM observations
    GROUP BY site, site_ad_id, name_pseudonym
),
ranked AS (
    SELECT site, site_ad_id, name_pseudonym,
           row_number() OVER (
               PARTITION BY site, site_ad_id
               ORDER BY (name_pseudonym IS NULL), seen DESC, name_pseudonym
           ) AS rank
    FROM names
)
SELECT 'baseline' AS method, site, site_ad_id,
       'b:' || md5(site_ad_id || '|' || coalesce(name_pseudonym, '')) AS advertiser_key
FROM ranked WHERE rank = 1
"""


def link_baseline(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `ad_links` (method 'baseline') and `weekly_duplicates` from the `observations` table."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM weekly_duplicates")
        con.execute(f"INSERT INTO weekly_duplicates {RULE1_SQL}")
        con.execute("DELETE FROM ad_links WHERE method = 'baseline'")
        con.execute(f"INSERT INTO ad_links {RULE2_SQL}")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
