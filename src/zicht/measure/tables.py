"""The 2021 baseline tables over unique advertisers, in standard SQL (DuckDB and Spark SQL).

Unit: one representative record per advertiser_key of a linking method ('baseline' = the 2021 rules by
default). Per field the record holds the most recent non-null value observed for any of the advertiser's ads
(latest moment first; within a moment site a, then b, c, then the ad code). An empty list of work types counts
as "not stated". Licence terms are different: an advertiser has a term when any of its observations
mentions it (the 2021 keyword search ran over every collected ad).

Variables, bins and labels follow ../shared/reference/baseline-2021.md section 2 and zicht.vocab. Every table
carries a "2021 report" column with the published figure where the digest gives one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from zicht.errors import StoreError
from zicht.measure import reference2021 as ref
from zicht.measure.columns import Column, PublishedTable, RowKind, make_table
from zicht.refdata import ReferenceData
from zicht.vocab import AGE_BINS, PRICE_BINS

# The terms of table 2.6, as extraction writes them into licence_terms.
LICENCE_TERMS: tuple[str, ...] = ("club", "privéhuis", "bureau", "KvK")
_LICENCE_COLUMNS = {
    "club": "licence_club",
    "privéhuis": "licence_privehuis",
    "bureau": "licence_bureau",
    "KvK": "licence_kvk",
}

_FIELDS: dict[str, str] = {  # field -> condition for "stated"
    "gender": "gender IS NOT NULL",
    "types": "types IS NOT NULL AND cardinality(types) > 0",
    "origin_country": "origin_country IS NOT NULL",
    "origin_group": "origin_group IS NOT NULL",
    "age": "age IS NOT NULL",
    "price_per_hour": "price_per_hour IS NOT NULL",
    "municipality_code": "municipality_code IS NOT NULL",
}


def _latest(field: str, condition: str) -> str:
    return f"""latest_{field} AS (
  SELECT advertiser_key, {field} FROM (
    SELECT advertiser_key, {field},
      ROW_NUMBER() OVER (PARTITION BY advertiser_key ORDER BY week DESC, site, site_ad_id) AS rn
    FROM linked WHERE {condition}
  ) t WHERE rn = 1
)"""


REPRESENTATIVES_SQL = (
    """
WITH linked AS (
  SELECT l.advertiser_key, m.week, o.*
  FROM observations o
  JOIN moments m ON m.moment_id = o.moment_id
  JOIN ad_links l ON l.method = ? AND l.site = o.site AND l.site_ad_id = o.site_ad_id
),
totals AS (
  SELECT advertiser_key,
    COUNT(DISTINCT site || ':' || site_ad_id) AS n_ads,
    COUNT(*) AS n_observations,
"""
    + ",\n".join(
        f"    MAX(CASE WHEN array_contains(licence_terms, '{term}') THEN 1 ELSE 0 END) AS {name}"
        for term, name in _LICENCE_COLUMNS.items()
    )
    + """
  FROM linked GROUP BY advertiser_key
),
"""
    + ",\n".join(_latest(field, condition) for field, condition in _FIELDS.items())
    + """
SELECT t.*, """
    + ", ".join(f"latest_{field}.{field}" for field in _FIELDS)
    + """
FROM totals t
"""
    + "\n".join(
        f"LEFT JOIN latest_{field} ON latest_{field}.advertiser_key = t.advertiser_key" for field in _FIELDS
    )
    + "\nORDER BY t.advertiser_key"
)


def representatives(con: duckdb.DuckDBPyConnection, method: str = "baseline") -> pa.Table:
    """One row per advertiser_key of `method`: n_ads, n_observations, licence flags and the latest fields."""
    return con.sql(REPRESENTATIVES_SQL, params=[method]).to_arrow_table()


def age_bin_sql(expr: str) -> str:
    """CASE expression putting an age into the AGE_BINS labels (NULL outside every bin)."""
    whens = " ".join(f"WHEN {expr} BETWEEN {low} AND {high} THEN '{label}'" for label, low, high in AGE_BINS)
    return f"CASE {whens} END"


def price_bin_sql(expr: str) -> str:
    """CASE expression putting a price into the PRICE_BINS labels: '<50' below 50, then upper bounds."""
    whens = [f"WHEN {expr} < 50 THEN '{PRICE_BINS[0][0]}'"]
    whens += [f"WHEN {expr} <= {upper} THEN '{label}'" for label, upper in PRICE_BINS[1:-1]]
    return f"CASE {' '.join(whens)} ELSE '{PRICE_BINS[-1][0]}' END"


@dataclass(frozen=True)
class Distribution:
    """Counts per bin, the number of values and their mean and sample sd (None for fewer than 2)."""

    counts: dict[str, int]
    n: int
    mean: float | None
    sd: float | None


def distributions(
    con: duckdb.DuckDBPyConnection, subsets: Sequence[tuple[str, str, str]], bin_sql: str
) -> dict[str, Distribution]:
    """Per named subset (name, value expression, condition) of `advertisers`: binned counts and moments.
    `bin_sql` bins the column `v` (see age_bin_sql, price_bin_sql)."""
    union = "\nUNION ALL\n".join(
        f"SELECT '{name}' AS grp, {value} AS v FROM advertisers WHERE {value} IS NOT NULL AND ({condition})"
        for name, value, condition in subsets
    )
    binned = con.execute(
        f"WITH base AS ({union}) SELECT grp, {bin_sql} AS bin, COUNT(*) AS n FROM base GROUP BY 1, 2"
    ).fetchall()
    stats = con.execute(
        f"WITH base AS ({union}) SELECT grp, COUNT(*), AVG(v), STDDEV_SAMP(v) FROM base GROUP BY grp"
    ).fetchall()
    result = {name: Distribution({}, 0, None, None) for name, _, _ in subsets}
    for grp, n, mean, sd in stats:
        result[grp] = Distribution({}, int(n), mean, sd)
    for grp, label, n in binned:
        if label is not None:
            result[grp].counts[label] = int(n)
    return result


def _frequency_table(
    label: str,
    bins: Sequence[str],
    columns: Sequence[tuple[str, Distribution, Sequence[str] | None]],
) -> pa.Table:
    """A 2021-style frequency table: one count and share column per group, rows bins + total + mean + sd;
    then one "2021 report" column per group that has published figures (bins, total, mean, sd)."""
    rows = [*bins, "total", "mean", "sd"]
    total_row = len(bins)
    cols: list[Column] = [Column(label, rows)]
    for name, dist, _ in columns:
        counts: list[float | None] = [float(dist.counts.get(b, 0)) for b in bins]
        counts += [float(dist.n), dist.mean, dist.sd]
        shares: list[float | None] = [(dist.counts.get(b, 0) / dist.n) if dist.n else None for b in bins]
        shares += [1.0 if dist.n else None, None, None]
        cols.append(Column(name, counts, "count", type=pa.float64()))
        cols.append(Column(f"{name} share", shares, "share", base=name))
    for name, _, published in columns:
        if published is not None:
            cols.append(Column(f"{name}: 2021 report", list(published), "reference"))
    return make_table(
        cols, {total_row + 1: RowKind("mean", total_row), total_row + 2: RowKind("sd", total_row)}
    )


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    rows = con.execute(sql).fetchall()
    return rows[0][0] if rows else None


# --- the tables -------------------------------------------------------------------------------------------

GENDER_LABELS = {
    "female": "female (vrouw)",
    "male": "male (man)",
    "trans": "trans (transgender)",
    "couple": "couple (stel)",
}


def gender_table(con: duckdb.DuckDBPyConnection, n: int) -> PublishedTable:
    counts = dict(con.execute("SELECT gender, COUNT(*) FROM advertisers GROUP BY gender").fetchall())
    keys = [*GENDER_LABELS, None]
    labels = [*GENDER_LABELS.values(), "not stated (onbekend)"]
    values = [int(counts.get(k, 0)) for k in keys]
    table = make_table(
        [
            Column("gender (geslacht)", [*labels, "total"]),
            Column("advertisers", [*values, n], "count"),
            Column(
                "share", [v / n if n else None for v in values] + [1.0 if n else None], "share", "advertisers"
            ),
            Column(
                "2021 report",
                [ref.GENDER.get(str(k), "") for k in keys] + [ref.UNIQUE_ADVERTISERS],
                "reference",
            ),
        ]
    )
    return PublishedTable("Gender", "Gender of unique advertisers", table, "Share of all unique advertisers.")


TYPE_MIX_ROWS: tuple[tuple[str, str], ...] = (
    ("H", "home only (alleen thuis-/privé-ontvangst)"),
    ("HE", "home + escort"),
    ("HM", "home + massage"),
    ("E", "escort only (alleen escort)"),
    ("HEM", "home + massage + escort"),
    ("M", "massage only (alleen erotische massage)"),
    ("EM", "escort + massage"),
    ("", "not stated (onbekend)"),
)

TYPE_CODE_SQL = (
    "CASE WHEN types IS NULL THEN '' ELSE "
    "(CASE WHEN array_contains(types, 'home') THEN 'H' ELSE '' END) || "
    "(CASE WHEN array_contains(types, 'escort') THEN 'E' ELSE '' END) || "
    "(CASE WHEN array_contains(types, 'massage') THEN 'M' ELSE '' END) END"
)


def type_mix_counts(con: duckdb.DuckDBPyConnection, municipality: str | None = None) -> dict[str, int]:
    """Advertisers per type combination code ('H', 'HE', ..., '' = not stated) and any_home/escort/massage,
    of one municipality or (None) of all."""
    where, params = ("municipality_code = ?", [municipality]) if municipality else ("1 = 1", [])
    codes = {
        code: int(n)
        for code, n in con.execute(
            f"SELECT {TYPE_CODE_SQL} AS code, COUNT(*) FROM advertisers WHERE {where} GROUP BY 1",
            params,
        ).fetchall()
    }
    for letter, key in (("H", "any_home"), ("E", "any_escort"), ("M", "any_massage")):
        codes[key] = sum(n for code, n in codes.items() if not code.startswith("any_") and letter in code)
    return codes


def type_mix_table(con: duckdb.DuckDBPyConnection, n: int) -> PublishedTable:
    codes = type_mix_counts(con)
    rows = [
        *TYPE_MIX_ROWS,
        ("any_home", "any home (thuisontvangst, totaal)"),
        ("any_escort", "any escort (escort, totaal)"),
        ("any_massage", "any massage (massage, totaal)"),
    ]
    values = [codes.get(code, 0) for code, _ in rows]
    table = make_table(
        [
            Column("type of sex work (type sekswerk)", [label for _, label in rows] + ["total"]),
            Column("advertisers", [*values, n], "count"),
            Column(
                "share", [v / n if n else None for v in values] + [1.0 if n else None], "share", "advertisers"
            ),
            Column(
                "2021 report",
                [ref.TYPE_MIX.get(code, "") for code, _ in rows] + [ref.UNIQUE_ADVERTISERS],
                "reference",
            ),
        ]
    )
    note = "Fig 2.7. Combinations are exclusive; the 'any' rows overlap. Shares of all unique advertisers."
    return PublishedTable("Type mix", "Type of sex work offered (Fig 2.7)", table, note)


def price_table(con: duckdb.DuckDBPyConnection) -> PublishedTable:
    price = "price_per_hour"
    home = "array_contains(types, 'home')"
    escort = "array_contains(types, 'escort')"
    subsets = [("all", price, home), ("all", price, escort), ("home", price, home), ("escort", price, escort)]
    dists = distributions(con, subsets, price_bin_sql("v"))
    bins = [label for label, _ in PRICE_BINS]
    table = _frequency_table(
        "euro per hour",
        bins,
        [
            ("all", dists["all"], ref.PRICE["all"]),
            ("home", dists["home"], ref.PRICE["home"]),
            ("escort", dists["escort"], ref.PRICE["escort"]),
        ],
    )
    priced = _scalar(con, f"SELECT COUNT(*) FROM advertisers WHERE {price} IS NOT NULL")
    note = (
        f"Table 2.2. {priced:,} advertisers state an hourly price. 'all' adds the home and the escort "
        "observations: an advertiser offering both counts in both columns (as in the 2021 report). "
        "2021 report columns: share per bin, then total, mean and sd."
    )
    return PublishedTable("T2.2 Price", "Table 2.2: hourly price by type", table, note)


def age_origin_table(con: duckdb.DuckDBPyConnection) -> PublishedTable:
    subsets = [
        ("all", "age", "1 = 1"),
        ("Dutch", "age", "origin_group = 'NL'"),
        ("non-Dutch", "age", "origin_group <> 'NL'"),
    ]
    dists = distributions(con, subsets, age_bin_sql("v"))
    table = _frequency_table(
        "age (leeftijd)",
        [label for label, _, _ in AGE_BINS],
        [
            ("all", dists["all"], ref.AGE["all"]),
            ("Dutch", dists["Dutch"], ref.AGE["dutch"]),
            ("non-Dutch", dists["non-Dutch"], ref.AGE["non_dutch"]),
        ],
    )
    note = (
        "Table 2.3. Stated age. 'all' includes advertisers whose origin is not stated. Age 30 is put in "
        "'<30' (the report leaves it unassigned)."
    )
    return PublishedTable("T2.3 Age by origin", "Table 2.3: age by origin", table, note)


REGIONS: tuple[tuple[str, str, str], ...] = (
    ("Europe (non-NL)", "europe", "origin_group IN ('europe_east', 'europe_other')"),
    ("South America", "south_america", "origin_group = 'south_america'"),
    ("other", "other", "origin_group = 'other'"),
)


def age_region_table(con: duckdb.DuckDBPyConnection) -> PublishedTable:
    subsets = [(label, "age", condition) for label, _, condition in REGIONS]
    dists = distributions(con, subsets, age_bin_sql("v"))
    bins = [label for label, _, _ in AGE_BINS]
    columns = []
    for label, key, _ in REGIONS:
        published = ref.AGE_REGION[key]
        columns.append((label, dists[label], [published.get(b, "") for b in [*bins, "total", "mean", "sd"]]))
    table = _frequency_table("age (leeftijd)", bins, columns)
    note = "Table 2.5 (first). Non-Dutch advertisers with a stated age, by region of origin."
    return PublishedTable(
        "T2.5 Age by region", "Table 2.5: age of non-Dutch advertisers by region", table, note
    )


def origin_table(con: duckdb.DuckDBPyConnection, n: int) -> PublishedTable:
    counts = {
        group: int(c)
        for group, c in con.execute(
            "SELECT origin_group, COUNT(*) FROM advertisers GROUP BY origin_group"
        ).fetchall()
    }
    nl = counts.get("NL", 0)
    east, other_eu = counts.get("europe_east", 0), counts.get("europe_other", 0)
    sa, other = counts.get("south_america", 0), counts.get("other", 0)
    europe = east + other_eu
    non_nl = europe + sa + other
    known = nl + non_nl
    unknown = counts.get(None, 0)

    def share(value: int, of: int) -> float | None:
        return value / of if of else None

    rows = [
        ("Dutch (Nederlands)", nl, share(nl, known), "stated origin", ref.ORIGIN["NL"]),
        ("non-Dutch (niet-Nederlands)", non_nl, share(non_nl, known), "stated origin", ref.ORIGIN["non_NL"]),
        ("Europe, non-NL (Europa)", europe, share(europe, non_nl), "non-Dutch", ref.ORIGIN["europe"]),
        (
            "of which Eastern Europe (Oost-Europa)",
            east,
            share(east, europe),
            "Europe",
            ref.ORIGIN["europe_east"],
        ),
        ("South America (Zuid-Amerika)", sa, share(sa, non_nl), "non-Dutch", ref.ORIGIN["south_america"]),
        ("other (overig)", other, share(other, non_nl), "non-Dutch", ref.ORIGIN["other"]),
        ("not stated (onbekend)", unknown, share(unknown, n), "all advertisers", ""),
    ]
    table = make_table(
        [
            Column("origin (afkomst)", [r[0] for r in rows]),
            Column("advertisers", [r[1] for r in rows], "count"),
            Column("share", [r[2] for r in rows], "share", "advertisers"),
            Column("share of", [r[3] for r in rows]),
            Column("2021 report", [r[4] for r in rows], "reference"),
        ]
    )
    note = "Fig 2.10. Eastern Europe and South America as zicht.vocab defines them (interfaces.md)."
    return PublishedTable("Origin", "Origin of unique advertisers (Fig 2.10)", table, note)


def _municipality_counts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return [
        (code, int(c))
        for code, c in con.execute(
            "SELECT municipality_code, COUNT(*) AS c FROM advertisers WHERE municipality_code IS NOT NULL "
            "GROUP BY municipality_code ORDER BY c DESC, municipality_code"
        ).fetchall()
    ]


def _name(reference: ReferenceData, code: str) -> str:
    municipality = reference.by_code.get(code)
    return municipality.common_name if municipality else f"unknown code {code}"


def top_municipalities_table(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, n: int, top: int = 10
) -> PublishedTable:
    counts = _municipality_counts(con)[:top]
    together = sum(c for _, c in counts)
    names = [_name(reference, code) for code, _ in counts] + [f"top {top} together"]
    values = [c for _, c in counts] + [together]
    table = make_table(
        [
            Column("municipality (gemeente)", names),
            Column("CBS code", [code for code, _ in counts] + [""]),
            Column("advertisers", values, "count"),
            Column("share of all", [v / n if n else None for v in values], "share", "advertisers"),
            Column(
                "2021 report",
                [ref.TOP10.get(code, "") for code, _ in counts] + ["14,780 (54.3%)"],
                "reference",
            ),
        ]
    )
    note = "Table 2.4. The municipality named in the ad, not necessarily where the advertiser lives or works."
    return PublishedTable("T2.4 Top municipalities", "Table 2.4: top 10 municipalities by ads", table, note)


def per_100k_table(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, min_count: int = 0
) -> PublishedTable:
    """Ads per 100,000 inhabitants for every municipality. Ranked by rate among municipalities with at least
    `min_count` ads; the others follow by name, so that the ranking cannot reveal a suppressed count."""
    counts = dict(_municipality_counts(con))
    rows = []
    for m in reference.municipalities:
        ads = counts.get(m.code, 0)
        rate = ads / m.population * 100_000 if m.population else None
        rows.append((m.common_name, m.code, m.province, ads, m.population, rate))
    ranked = sorted((r for r in rows if r[3] >= min_count and r[3] > 0), key=lambda r: (-(r[5] or 0), r[0]))
    rest = sorted((r for r in rows if not (r[3] >= min_count and r[3] > 0)), key=lambda r: r[0])
    rows = ranked + rest
    table = make_table(
        [
            Column("municipality (gemeente)", [r[0] for r in rows]),
            Column("CBS code", [r[1] for r in rows]),
            Column("province", [r[2] for r in rows]),
            Column("advertisers", [r[3] for r in rows], "count"),
            Column("inhabitants 2021 (CBS)", [r[4] for r in rows], "value"),
            Column("ads per 100,000 inhabitants", [r[5] for r in rows], "rate", "advertisers"),
            Column("2021 report", [ref.PER_100K.get(r[1], "") for r in rows], "reference"),
        ]
    )
    unknown = sum(c for code, c in counts.items() if code not in reference.by_code)
    note = (
        "Table 2.5 (second) and Fig 2.11. Population: CBS, 1 January 2021. Municipalities with fewer ads "
        "than the publication threshold are listed after the ranking, by name."
        + (f" {unknown:,} advertisers name a code outside the 2021 list." if unknown else "")
    )
    return PublishedTable("T2.5 Per 100k", "Ads per 100,000 inhabitants per municipality", table, note)


def type_by_municipality_table(
    con: duckdb.DuckDBPyConnection, reference: ReferenceData, top: int = 10
) -> PublishedTable:
    codes = [code for code, _ in _municipality_counts(con)[:top]]
    names, totals, homes, escorts, massages = [], [], [], [], []
    for code in [*codes, None]:
        mix = type_mix_counts(con, code)
        names.append(_name(reference, code) if code else "Netherlands (all advertisers)")
        totals.append(sum(v for k, v in mix.items() if not k.startswith("any_")))
        homes.append(mix["any_home"])
        escorts.append(mix["any_escort"])
        massages.append(mix["any_massage"])
    cols = [Column("municipality (gemeente)", names), Column("advertisers", totals, "count")]
    for label, values in (("home", homes), ("escort", escorts), ("massage", massages)):
        cols.append(Column(label, values, "count"))
        cols.append(
            Column(
                f"{label} share",
                [v / t if t else None for v, t in zip(values, totals, strict=True)],
                "share",
                label,
            )
        )
    note = (
        "Fig 2.12. Advertisers offering each type (an advertiser offering several counts in "
        "several columns), top municipalities by ads. 2021 report: in Almere about 90% offer home "
        "reception; Amsterdam relatively much escort."
    )
    return PublishedTable(
        "Type by municipality", "Type of sex work per municipality (Fig 2.12)", make_table(cols), note
    )


def licence_table(con: duckdb.DuckDBPyConnection, n: int) -> PublishedTable:
    sums = ", ".join(f"SUM({name})" for name in _LICENCE_COLUMNS.values())
    any_term = " OR ".join(f"{name} = 1" for name in _LICENCE_COLUMNS.values())
    row = con.execute(
        f"SELECT {sums}, SUM(CASE WHEN {any_term} THEN 1 ELSE 0 END) FROM advertisers"
    ).fetchall()[0]
    values = [int(v or 0) for v in (row or [0] * (len(LICENCE_TERMS) + 1))]
    keys = [*LICENCE_TERMS, "total"]
    table = make_table(
        [
            Column("term in ad", [*LICENCE_TERMS, "total (any term)"]),
            Column("advertisers", values, "count"),
            Column("share", [v / n if n else None for v in values], "share", "advertisers"),
            Column("2021 report: ads", [ref.LICENCE[k][0] for k in keys], "reference"),
            Column("2021 report: actually licensed", [ref.LICENCE[k][1] for k in keys], "reference"),
        ]
    )
    note = (
        "Table 2.6. Advertisers with an ad mentioning the term. The 2021 study then checked every hit by "
        "hand; Zicht does not: a term is a sign, not proof, of licensed work "
        "(see the register section if present)."
    )
    return PublishedTable("T2.6 Licence terms", "Table 2.6: signs of licensed work", table, note)


FILL_VARIABLES: tuple[tuple[str, str, str, str], ...] = (
    ("moment", "meetmoment", "moment_id IS NOT NULL", "moment"),
    ("gender", "geslacht", "gender IS NOT NULL", "gender"),
    ("type of sex work", "type sekswerk", "types IS NOT NULL AND cardinality(types) > 0", "types"),
    ("origin", "afkomst", "origin_group IS NOT NULL", "origin"),
    ("age", "leeftijd", "age IS NOT NULL", "age"),
    ("hourly price", "prijs", "price_per_hour IS NOT NULL", "price"),
    ("municipality", "gemeente", "municipality_code IS NOT NULL", "municipality"),
    ("language of the text", "taal", "language IS NOT NULL", ""),
    ("phone number (pseudonym)", "telefoonnummer", "phone_pseudonym IS NOT NULL", ""),
    ("advertiser name (pseudonym)", "naam", "name_pseudonym IS NOT NULL", ""),
)


def fill_table(con: duckdb.DuckDBPyConnection) -> PublishedTable:
    sums = ", ".join(f"SUM(CASE WHEN {cond} THEN 1 ELSE 0 END)" for _, _, cond, _ in FILL_VARIABLES)
    row = con.execute(f"SELECT COUNT(*), {sums} FROM observations").fetchall()[0]
    total, values = int(row[0] or 0), [int(v or 0) for v in row[1:]]
    table = make_table(
        [
            Column("variable", [v[0] for v in FILL_VARIABLES]),
            Column("Dutch term", [v[1] for v in FILL_VARIABLES]),
            Column("observations with a value", values, "count"),
            Column(
                "fill rate",
                [v / total if total else None for v in values],
                "share",
                "observations with a value",
            ),
            Column("2021 report", [ref.FILL.get(v[3], "") for v in FILL_VARIABLES], "reference"),
        ]
    )
    note = (
        f"Share of all {total:,} observations (ads seen on a site at a moment; 2021: {ref.RAW_ADS} raw ads)."
    )
    return PublishedTable("Fill rates", "Fill rate per variable", table, note)


def summary_table(con: duckdb.DuckDBPyConnection, n: int, method: str) -> PublishedTable:
    observations = _scalar(con, "SELECT COUNT(*) FROM observations") or 0
    ads = _scalar(con, "SELECT COUNT(*) FROM (SELECT DISTINCT site, site_ad_id FROM observations) t") or 0
    methods = dict(
        con.execute("SELECT method, COUNT(DISTINCT advertiser_key) FROM ad_links GROUP BY method").fetchall()
    )
    rows: list[tuple[str, int, str]] = [
        ("observations (ads seen on a site at a moment)", int(observations), f"{ref.RAW_ADS} raw ads"),
        ("unique ads (site + ad code)", int(ads), ""),
        (f"unique advertisers, method '{method}' (the tables' unit)", n, ref.UNIQUE_ADVERTISERS),
    ]
    estimate = zicht_estimate(con)
    for other, count in sorted(methods.items()):
        if other == method:
            continue
        if other == "zicht" and estimate is not None:
            # the report's one Zicht figure: the estimate with its interval, as in the advertisers section
            point, low, high = estimate
            label = f"advertisers, Zicht's estimate (95% interval {low:,}-{high:,})"
            rows.append((label, point, ""))
        else:
            rows.append((f"unique advertisers, method '{other}'", int(count), ""))
    table = make_table(
        [
            Column("measure", [r[0] for r in rows]),
            Column("count", [r[1] for r in rows], "count"),
            Column("2021 report", [r[2] for r in rows], "reference"),
        ]
    )
    return PublishedTable(
        "Summary", "Key figures", table, "Method 'baseline' = the 2021 deduplication rules."
    )


def zicht_estimate(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int] | None:
    """Zicht's advertiser count and interval as linking recorded it (meta 'advertisers'), if it did."""
    import json

    rows = con.execute("SELECT value FROM meta WHERE key = 'advertisers'").fetchall()
    if not rows:
        return None
    counts = json.loads(rows[0][0])
    return round(counts["zicht"]), round(counts["zicht_low"]), round(counts["zicht_high"])


def register_advertisers(con: duckdb.DuckDBPyConnection, method: str = "baseline") -> int:
    """Register the representative records of `method` as the view `advertisers`; returns their number."""
    known = [m for (m,) in con.execute("SELECT DISTINCT method FROM ad_links ORDER BY method").fetchall()]
    if method not in known:
        raise StoreError(
            f"the store has no advertiser links for method '{method}' (it has: {', '.join(known) or 'none'})",
            "run the deduplication stage first",
        )
    con.register("advertisers", representatives(con, method))
    return int(_scalar(con, "SELECT COUNT(*) FROM advertisers") or 0)


def baseline_tables(
    con: duckdb.DuckDBPyConnection,
    reference: ReferenceData,
    method: str = "baseline",
    min_count: int = 0,
) -> list[PublishedTable]:
    """Every 2021 table over the unique advertisers of `method`, in report order. `min_count` (the
    publication threshold) only decides which municipalities the per-100k ranking may rank."""
    n = register_advertisers(con, method)
    return [
        summary_table(con, n, method),
        gender_table(con, n),
        type_mix_table(con, n),
        price_table(con),
        origin_table(con, n),
        age_origin_table(con),
        age_region_table(con),
        top_municipalities_table(con, reference, n),
        per_100k_table(con, reference, min_count),
        type_by_municipality_table(con, reference),
        licence_table(con, n),
        fill_table(con),
    ]
