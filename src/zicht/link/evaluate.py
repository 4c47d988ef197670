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
import zlib
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from zicht.link.metrics import clustering_metrics
from zicht.link.textsig import text_signature
from zicht.store.pseudonyms import pseudonymise

_WORDS = (
    "lief sexy nieuw discreet warm mooie dame jong slank heerlijk verwennen massage escort thuis prive "
    "genieten "
    "samen relax zacht ontspannen afspraak bellen whatsapp vandaag morgen avond nacht hotel bezoek service "
    "sweet hot new town call me now available incall outcall girl body kiss fun night relax love real photos "
    "latina brazilian polish romanian dutch blonde brunette curvy petite natural open minded friendly"
).split()


def pseudo_text(seed: int, noise_seed: int | None = None, noise: float = 0.1) -> str:
    """A stand-in ad text for tests: the words follow text_seed; `noise` of them change per copy."""
    rng = np.random.default_rng(seed)
    words = [_WORDS[i] for i in rng.integers(0, len(_WORDS), 40)]
    if noise_seed is not None:
        jitter = np.random.default_rng(noise_seed)
        for i in np.flatnonzero(jitter.random(len(words)) < noise):
            words[i] = _WORDS[int(jitter.integers(0, len(_WORDS)))]
    return " ".join(words)


def observations_from_truth(sim_dir: Path, secret: bytes, texts: bool = False) -> tuple[pa.Table, pa.Table]:
    """The (observations, moments) tables a perfect crawl + extraction of a simulation would store.

    Each listings row joins its ad's content columns; phone and display name are pseudonymised with `secret`.
    With `texts`, text_signature is the MinHash of the text the simulated site shows (the simulator's
    `ad_wording`, when the truth has its columns) or else of a stand-in text driven by the ad's text_seed;
    without, it is null.
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
            "origin_group": _origin_group(country),
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
    if row.get("phone_style") is not None:
        try:
            from zicht.simulate.texts import ad_wording
            from zicht.simulate.web import Ad

            return text_signature(ad_wording(Ad.from_row(row)).text)
        except ImportError:
            pass
    return text_signature(pseudo_text(int(row["text_seed"]), zlib.crc32(str(row["ad_key"]).encode())))


_OBS_FIELDS: dict[str, pa.DataType] = {
    "moment_id": pa.string(),
    "site": pa.string(),
    "site_ad_id": pa.string(),
    "gender": pa.string(),
    "types": pa.list_(pa.string()),
    "origin_country": pa.string(),
    "origin_group": pa.string(),
    "age": pa.int32(),
    "price_per_hour": pa.float64(),
    "municipality_code": pa.string(),
    "language": pa.string(),
    "indicators": pa.list_(pa.string()),
    "phone_pseudonym": pa.string(),
    "name_pseudonym": pa.string(),
    "text_signature": pa.list_(pa.uint64()),
}


def _origin_group(country: str | None) -> str | None:
    from zicht.vocab import origin_group

    return origin_group(country)


def write_toy_market(
    out_dir: Path,
    seed: int = 1,
    workers: int = 600,
    weeks: int = 12,
    repost_rate: float = 0.06,
    shared_phone_rate: float = 0.04,
    crosspost_rate: float = 0.5,
    obfuscation_rate: float = 0.1,
) -> Path:
    """A small market in the truth-file layout of docs/simulated-market.md, for tests and benchmarks of
    linking while (or where) the full simulator is not wanted. Not calibrated to 2021: it only exercises the
    hard cases: re-posts under new codes, cross-posts, hidden phones on site c, intermediary phones shared by
    several workers, ads shared by two workers, common names, moves and name variants (`obfuscation_rate`)."""
    rng = np.random.default_rng(seed)
    names = [f"name{i:03d}" for i in range(max(50, workers // 4))]  # collisions on purpose
    munis = [f"GM{i:04d}" for i in range(40)]
    muni_p = 1 / np.arange(1, 41)
    muni_p /= muni_p.sum()
    people: list[dict[str, Any]] = []
    intermediaries: list[str] = []
    for w in range(workers):
        if intermediaries and rng.random() < shared_phone_rate * 3 and rng.random() < 0.7:
            phone = intermediaries[int(rng.integers(len(intermediaries)))]
        elif rng.random() < shared_phone_rate:
            phone = f"+316{90000000 + len(intermediaries):08d}"
            intermediaries.append(phone)
        else:
            phone = f"+316{10000000 + w:08d}"
        start = int(rng.integers(0, weeks))
        people.append(
            {
                "worker_id": f"w{w:07d}",
                "name": names[int(rng.integers(len(names)))],
                "phone": phone,
                "municipality_code": munis[int(rng.choice(40, p=muni_p))],
                "age": int(rng.integers(19, 55)),
                "gender": "female" if rng.random() < 0.93 else "male",
                "origin": str(rng.choice(["NL", "RO", "CO", "PL", "BR", "HU"])),
                "types": sorted(set(rng.choice(["home", "escort", "massage"], int(rng.integers(1, 3))))),
                "price": float(rng.choice([100, 120, 150, 180, 200, 250])),
                "from": start,
                "to": min(weeks - 1, start + int(rng.integers(0, weeks))),
                "site": str(rng.choice(["a", "b", "c"], p=[0.55, 0.3, 0.15])),
            }
        )
    ad_rows: list[dict[str, Any]] = []
    listing_rows: list[dict[str, Any]] = []
    counter = [0]

    def post(
        person: dict[str, Any], site: str, week: int, partner: dict[str, Any] | None = None, **extra: Any
    ) -> str:
        counter[0] += 1
        ad_key = f"a:K{counter[0]:07d}"
        site_ad_id = f"{site}{int(rng.integers(10**6, 10**7))}{counter[0]}"
        moved = rng.random() < 0.05
        display = person["name"] if rng.random() >= obfuscation_rate * 0.5 else person["name"] + "x"
        base = {
            "ad_key": ad_key,
            "site": site,
            "site_ad_id": site_ad_id,
            "display_name": display,
            "phone_e164": None if site == "c" else person["phone"],
            "posted_week": week,
            "removed_week": None,
            "n_workers": 2 if partner else 1,
            "ad_gender": "couple" if partner else person["gender"],
            "ad_types": person["types"],
            "stated_age": person["age"] if rng.random() < 0.96 else None,
            "stated_origin_country": person["origin"] if rng.random() < 0.72 else None,
            "price_per_hour": person["price"] if rng.random() < 0.71 else None,
            "municipality_code": munis[int(rng.choice(40, p=muni_p))]
            if moved
            else person["municipality_code"],
            "language": "nl",
            "indicators": ["several_workers"] if partner else [],
            "text_seed": extra.get("text_seed", int(rng.integers(2**31))),
            "repost_of": extra.get("repost_of"),
            "crosspost_of": extra.get("crosspost_of"),
        }
        for worker in [person] + ([partner] if partner else []):
            ad_rows.append(dict(base, worker_id=worker["worker_id"]))
        return ad_key

    def run(
        person: dict[str, Any], site: str, partner: dict[str, Any] | None = None
    ) -> list[tuple[str, str]]:
        keys = []
        week = person["from"]
        key = post(person, site, week, partner)
        seed_text = ad_rows[-1]["text_seed"]
        keys.append((key, ad_rows[-1]["site_ad_id"]))
        while week <= person["to"]:
            listing_rows.append({"week": week, "site": site, "site_ad_id": keys[-1][1]})
            week += 1
            if week <= person["to"] and rng.random() < repost_rate:
                _close(keys[-1][0], week)
                key = post(person, site, week, partner, text_seed=seed_text, repost_of=keys[-1][0])
                keys.append((key, ad_rows[-1]["site_ad_id"]))
        _close(keys[-1][0], week)
        return keys

    def _close(ad_key: str, week: int) -> None:
        for row in ad_rows[::-1]:
            if row["ad_key"] == ad_key:
                row["removed_week"] = week
            elif row["ad_key"] < ad_key:
                break

    for i, person in enumerate(people):
        partner = people[i - 1] if i and rng.random() < 0.02 else None
        run(person, person["site"], partner)
        if person["site"] == "a" and rng.random() < crosspost_rate * 0.3:
            run(person, "b")
    start = dt.date(2020, 8, 25)
    for row in listing_rows:
        row["measurement_date"] = start + dt.timedelta(days=7 * row["week"])
    truth = Path(out_dir) / "truth"
    truth.mkdir(parents=True, exist_ok=True)
    workers_table = pa.table(
        {
            "worker_id": [p["worker_id"] for p in people],
            "gender": [p["gender"] for p in people],
            "age": [p["age"] for p in people],
            "municipality_code": [p["municipality_code"] for p in people],
            "active_from_week": [p["from"] for p in people],
            "active_to_week": [p["to"] for p in people],
        }
    )
    pq.write_table(workers_table, truth / "workers.parquet")
    pq.write_table(pa.Table.from_pylist(ad_rows), truth / "ads.parquet")
    pq.write_table(pa.Table.from_pylist(listing_rows), truth / "listings.parquet")
    return Path(out_dir)


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
