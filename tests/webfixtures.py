"""A small hand-made truth (the contract's columns of docs/simulated-market.md) for the web-layer tests and
benchmarks, independent of the simulator: every phone style, language, price unit, licence term and
indicator occurs, with nulls, shared ads and ads that come and go between weeks."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

LANGS = ("nl", "en", "mixed", "es", "pl", "ro")
STYLES = ("plain", "spaced", "dotted", "words", "homoglyph", "international")
UNITS = ("30min", "1h", "2h", "night")
HOURS = {"30min": 0.5, "1h": 1.0, "2h": 2.0, "night": 8.0}
ORIGINS = ("NL", "RO", "CO", "PL", "BG", "DO", "TH", "HU", "VE", "BR")
PLACES = (
    ("GM0363", "Amsterdam"),
    ("GM0599", "Rotterdam"),
    ("GM0344", "Utrecht"),
    ("GM0518", "'s-Gravenhage"),
    ("GM0855", "Tilburg"),
    ("GM0796", "Den Bosch"),
    ("GM0014", "Groningen"),
)
NAMES = ("Anna", "Lisa", "Zoë", "Maria", "Ioana", "Kasia", "Valentina", "Sophie", "Mila", "Carmen")
INDICATORS = ("available_24_7", "unsafe_sex", "third_party", "new_in_town", "several_workers")
LICENCES = (None, None, None, "club", "privéhuis", "bureau", "KvK")

ADS_SCHEMA = pa.schema(
    [
        ("ad_key", pa.string()),
        ("site", pa.string()),
        ("site_ad_id", pa.string()),
        ("worker_id", pa.string()),
        ("display_name", pa.string()),
        ("phone_e164", pa.string()),
        ("posted_week", pa.int32()),
        ("removed_week", pa.int32()),
        ("n_workers", pa.int32()),
        ("ad_gender", pa.string()),
        ("ad_types", pa.list_(pa.string())),
        ("stated_age", pa.int32()),
        ("stated_origin_country", pa.string()),
        ("price_per_hour", pa.float64()),
        ("price_unit", pa.string()),
        ("price_amount", pa.float64()),
        ("municipality_code", pa.string()),
        ("place_name", pa.string()),
        ("language", pa.string()),
        ("phone_style", pa.string()),
        ("licence_term", pa.string()),
        ("indicators", pa.list_(pa.string())),
        ("text_seed", pa.int64()),
        ("repost_of", pa.string()),
        ("crosspost_of", pa.string()),
    ]
)


def make_ads(
    n_ads: dict[str, int], weeks: int, seed: int
) -> tuple[list[dict[str, Any]], list[tuple[int, str, str]]]:
    """Ad rows (one per worker) and listings (week, site, site_ad_id)."""
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    listings: list[tuple[int, str, str]] = []
    worker = 0
    for site, count in n_ads.items():
        for i in range(count):
            code = {"a": f"K{100000 + i}", "b": f"{5000 + i}", "c": f"{700 + i}"}[site]
            n_workers = 2 if i % 17 == 5 else 3 if i % 29 == 7 else 1
            gender = rng.choice(("female",) * 8 + ("male", "trans", "couple", None))
            unit = rng.choice(UNITS + (None,))
            amount = float(rng.choice((80, 100, 120, 150, 180, 250, 900))) if unit else None
            style = "hidden" if site == "c" else STYLES[i % len(STYLES)]
            phone = None if site == "c" else f"+316{rng.randrange(10_000_000, 99_999_999)}"
            if phone and i % 11 == 3:  # a foreign number now and then
                phone = rng.choice(("+407", "+4917")) + str(rng.randrange(10_000_000, 99_999_999))
            code_place = rng.choice(PLACES)
            posted = rng.randrange(0, weeks)
            removed = rng.choice((posted + 1, posted + 2, None))
            indicators = sorted(set(rng.sample(INDICATORS, k=rng.choice((0, 0, 1, 2)))))
            age = rng.choice((None, 19, 20, 23, 27, 31, 38, 45))
            if age is not None and age < 21:
                indicators.append("age_under_21")
            base = {
                "ad_key": f"{site}:{code}",
                "site": site,
                "site_ad_id": code,
                "display_name": rng.choice(NAMES) + (" & " + rng.choice(NAMES) if n_workers > 1 else ""),
                "phone_e164": phone,
                "posted_week": posted,
                "removed_week": removed,
                "n_workers": n_workers,
                "ad_gender": gender,
                "ad_types": sorted(rng.sample(("home", "escort", "massage"), k=rng.choice((0, 1, 1, 2, 3)))),
                "stated_age": age,
                "stated_origin_country": rng.choice(ORIGINS + (None,)),
                "price_per_hour": amount / HOURS[unit] if unit and amount else None,
                "price_unit": unit,
                "price_amount": amount,
                "municipality_code": code_place[0],
                "place_name": rng.choice((code_place[1],) * 9 + (None,)),
                "language": LANGS[i % len(LANGS)],
                "phone_style": style,
                "licence_term": rng.choice(LICENCES),
                "indicators": indicators,
                "text_seed": rng.randrange(2**31),
                "repost_of": None,
                "crosspost_of": None,
            }
            for _ in range(n_workers):
                worker += 1
                rows.append({**base, "worker_id": f"w{worker:07d}"})
            last = weeks if removed is None else min(removed, weeks)
            listings.extend((w, site, code) for w in range(posted, last))
    return rows, listings


def write_truth(
    out: Path, *, n_ads: dict[str, int] | None = None, weeks: int = 3, seed: int = 7, fault_rate: float = 0.0
) -> Path:
    """Write out/truth/{workers,ads,listings}.parquet and out/config.toml; return out."""
    n_ads = n_ads or {"a": 110, "b": 70, "c": 55}
    rows, listings = make_ads(n_ads, weeks, seed)
    truth = out / "truth"
    truth.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=ADS_SCHEMA), truth / "ads.parquet")
    pq.write_table(
        pa.table(
            {
                "week": pa.array([w for w, _, _ in listings], pa.int32()),
                "measurement_date": pa.array([None] * len(listings), pa.date32()),
                "site": [s for _, s, _ in listings],
                "site_ad_id": [c for _, _, c in listings],
            }
        ),
        truth / "listings.parquet",
    )
    workers = [{"worker_id": r["worker_id"], "name": r["display_name"]} for r in rows]
    pq.write_table(pa.Table.from_pylist(workers), truth / "workers.parquet")
    (out / "config.toml").write_text(
        f"seed = {seed}\nweeks = {weeks}\nfault_rate = {fault_rate}\n", encoding="utf-8"
    )
    return out
