"""Evaluation against ground truth: observations built from the simulator's truth files, and the
`zicht eval dedupe` figures for the baseline rules and Zicht's linking side by side.

Truth of an ad: an advertiser is a worker_id; a pair of ads truly matches when they share a worker_id. An ad
shared by several workers (one truth row per worker) counts for its lowest worker_id in the clustering metrics
(a clustering is a partition, so each ad gets one label); every worker_id of a listed ad counts in the true
number of advertisers, which is why Zicht's estimate adds the extra workers of ads that state several workers.
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from zicht.link.metrics import clustering_metrics
from zicht.link.textsig import text_signature
from zicht.store.db import OBSERVATION_COLUMNS
from zicht.store.pseudonyms import pseudonymise
from zicht.vocab import origin_group


def observations_from_truth(sim_dir: Path, secret: bytes, texts: bool = False) -> tuple[pa.Table, pa.Table]:
    """The (observations, moments) tables a perfect crawl + extraction of a simulation would store.

    Each listings row joins its ad's content columns; phone and display name are pseudonymised with `secret`.
    With `texts`, text_signature is the MinHash of the text the simulated site shows (the simulator's
    `ad_wording`); without, it is null.
    """
    truth = Path(sim_dir) / "truth"
    for name in ("ads.parquet", "listings.parquet"):
        if not (truth / name).exists():
            from zicht.errors import InputError

            raise InputError(f"truth file missing: {truth / name}", "run `zicht simulate` first")
    ads = pq.read_table(truth / "ads.parquet").to_pylist()
    listings = pq.read_table(truth / "listings.parquet")
    by_ad: dict[tuple[str, str], dict[str, Any]] = {}
    for row in sorted(ads, key=lambda r: (r["site"], r["site_ad_id"], r["worker_id"])):
        key = (row["site"], row["site_ad_id"])
        if key not in by_ad:  # an ad shared by several workers: content is identical on every row
            by_ad[key] = row
    content: dict[tuple[str, str], dict[str, Any]] = {}
    for key, row in by_ad.items():
        signature = _signature(row) if texts and row.get("text_seed") is not None else None
        country = row.get("stated_origin_country")
        content[key] = {
            "gender": row.get("ad_gender"),
            "types": list(row.get("ad_types") or []),
            "origin_country": country,
            "origin_group": origin_group(country),
            "age": row.get("stated_age"),
            "price_per_hour": row.get("price_per_hour"),
            "municipality_code": row.get("municipality_code"),
            "language": row.get("language"),
            "indicators": list(row.get("indicators") or []),
            "phone_pseudonym": pseudonymise(secret, row.get("phone_e164"), "phone"),
            "name_pseudonym": pseudonymise(secret, row.get("display_name"), "name"),
            "text_signature": signature,
        }
    columns: dict[str, list[Any]] = {c: [] for c in _OBS_FIELDS}
    moments: dict[int, dt.date] = {}
    for week, date, site, site_ad_id in zip(
        *(listings.column(c).to_pylist() for c in ("week", "measurement_date", "site", "site_ad_id")),
        strict=True,
    ):
        values = content.get((site, site_ad_id))
        if values is None:
            continue
        moments[week] = date
        columns["moment_id"].append(f"w{week:03d}")
        columns["site"].append(site)
        columns["site_ad_id"].append(site_ad_id)
        for name, value in values.items():
            columns[name].append(value)
    observations = pa.Table.from_pydict(columns, schema=pa.schema([(c, _OBS_FIELDS[c]) for c in _OBS_FIELDS]))
    moment_table = pa.table(
        {
            "moment_id": [f"w{w:03d}" for w in sorted(moments)],
            "week": pa.array(sorted(moments), pa.int32()),
            "measured_on": [moments[w] for w in sorted(moments)],
        }
    )
    return observations, moment_table


def _signature(row: dict[str, Any]) -> list[int] | None:
    """The text signature of the ad as the simulated site words it (what ingestion would store)."""
    from zicht.simulate.texts import ad_wording
    from zicht.simulate.web import Ad

    return text_signature(ad_wording(Ad.from_row(row)).text)


# The observation columns linking reads (the store keeps more: WARC pointers, licence terms).
_OBS_FIELDS: dict[str, pa.DataType] = {
    name: kind
    for name, kind in OBSERVATION_COLUMNS.items()
    if name not in ("warc_file", "warc_offset", "licence_terms")
}


def store_from_truth(sim_dir: Path, secret: bytes, texts: bool = False) -> duckdb.DuckDBPyConnection:
    """An in-memory store (the real schema) holding the observations of a perfect crawl of a simulation."""
    from zicht.store.db import connect

    observations, moments = observations_from_truth(sim_dir, secret, texts)
    con = connect(Path(":memory:"))
    con.execute("SET enable_progress_bar = false")
    con.register("incoming_observations", observations)
    con.register("incoming_moments", moments)
    con.execute("INSERT INTO moments BY NAME SELECT * FROM incoming_moments")
    con.execute("INSERT INTO observations BY NAME SELECT * FROM incoming_observations")
    con.unregister("incoming_observations")
    con.unregister("incoming_moments")
    return con


def _truth_labels(con: duckdb.DuckDBPyConnection, truth_ads: pa.Table) -> tuple[int, int]:
    """Temp table link_truth(site, site_ad_id, worker_id = lowest worker of the ad) over observed ads;
    returns (observed ads with a truth row, distinct workers behind the observed ads)."""
    con.register("link_truth_np", truth_ads.select(["site", "site_ad_id", "worker_id"]))
    con.execute("""
        CREATE OR REPLACE TEMP TABLE link_truth_rows AS
        SELECT t.site, t.site_ad_id, t.worker_id FROM link_truth_np AS t
        WHERE EXISTS (SELECT 1 FROM observations AS o WHERE o.site = t.site AND o.site_ad_id = t.site_ad_id)
    """)
    con.unregister("link_truth_np")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE link_truth AS
        SELECT site, site_ad_id, min(worker_id) AS worker_id FROM link_truth_rows GROUP BY site, site_ad_id
    """)
    ads = con.execute("SELECT count(*) FROM link_truth").fetchall()[0][0]
    workers = con.execute("SELECT count(DISTINCT worker_id) FROM link_truth_rows").fetchall()[0][0]
    return int(ads), int(workers)


def _method_metrics(con: duckdb.DuckDBPyConnection, method: str) -> dict[str, dict[str, float]]:
    rows = con.execute(
        """SELECT l.advertiser_key, t.worker_id FROM ad_links AS l
           JOIN link_truth AS t USING (site, site_ad_id) WHERE l.method = ?""",
        [method],
    ).fetchnumpy()
    return clustering_metrics(rows["advertiser_key"], rows["worker_id"])


def evaluate_dedupe(
    con: duckdb.DuckDBPyConnection, truth_ads: pa.Table, config: Any = None
) -> dict[str, Any]:
    """Run the baseline rules and Zicht's linking on the store's observations and score both against the truth
    (the `zicht eval dedupe --json` object of interfaces.md). `config`: a LinkConfig or None."""
    from zicht.link.baseline import link_baseline
    from zicht.link.resolve import link_zicht

    _, true_workers = _truth_labels(con, truth_ads)
    started = time.perf_counter()
    link_baseline(con)
    baseline_seconds = time.perf_counter() - started
    result = link_zicht(con, config)
    baseline_count = con.execute(
        "SELECT count(DISTINCT advertiser_key) FROM ad_links WHERE method = 'baseline'"
    ).fetchall()[0][0]
    return {
        "baseline": {
            **_method_metrics(con, "baseline"),
            "estimated_advertisers": int(baseline_count),
            "interval": None,
            "true_advertisers": true_workers,
            "seconds": round(baseline_seconds, 3),
        },
        "zicht": {
            **_method_metrics(con, "zicht"),
            "estimated_advertisers": result.estimate.point,
            "interval": [result.estimate.low, result.estimate.high],
            "true_advertisers": true_workers,
            "seconds": round(result.seconds, 3),
        },
    }


def evaluate_store(store: Path, sim_dir: Path, config: Any = None) -> dict[str, Any]:
    """`zicht eval dedupe`: link the store's observations with both methods (this rewrites its `ad_links`,
    `weekly_duplicates` and `shared_contacts`) and score them against the simulation's truth."""
    from zicht.errors import InputError
    from zicht.store.db import connect

    ads_file = Path(sim_dir) / "truth" / "ads.parquet"
    if not ads_file.is_file():
        raise InputError(f"truth file missing: {ads_file}", "run `zicht simulate` first")
    con = connect(Path(store))
    try:
        return evaluate_dedupe(con, pq.read_table(ads_file), config)
    finally:
        con.close()
