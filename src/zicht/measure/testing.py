"""A small plausible store for tests, examples and benchmarks of the measure and report stages.

Not the simulator: no pages, no WARC, no ground truth; just rows in the store's schema drawn with numpy,
shaped roughly like the 2021 market (mostly female, home/escort mixes, prices around 150 euro, ages around
30, big-city municipalities), with site-b copies of site-a ads that the baseline's rule 1 marks as weekly
duplicates, and baseline (per ad) and 'zicht' (per advertiser) links.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from zicht.vocab import origin_group

_COMBOS = (("home",), ("home", "escort"), ("home", "massage"), ("escort",), ("home", "escort", "massage"),
           ("massage",), ("escort", "massage"), ())  # fmt: skip
_COMBO_P = (0.22, 0.22, 0.17, 0.16, 0.10, 0.02, 0.07, 0.04)
_COUNTRIES = ("NL", "RO", "PL", "HU", "ES", "DE", "CO", "BR", "DO", "VE", "TH", "NG")
_COUNTRY_P = (0.21, 0.2, 0.1, 0.05, 0.05, 0.05, 0.1, 0.08, 0.06, 0.04, 0.04, 0.02)
_MUNICIPALITIES = ("GM0363", "GM0599", "GM0518", "GM0344", "GM0772", "GM0855", "GM0202", "GM0758", "GM0034",
                   "GM0268", "GM0014", "GM0957", "GM0917", "GM0384", "GM0756")  # fmt: skip
_MUNICIPALITY_P = np.array([20, 11, 7, 4, 3, 2, 2, 2, 1.7, 1.5, 1.5, 1, 1, 0.5, 0.5])
_GENDERS = ("female", "male", "trans", "couple")
_GENDER_P = (0.92, 0.04, 0.02, 0.02)
_TERMS = ("club", "privéhuis", "bureau", "KvK")


def _hex(rng: np.random.Generator) -> str:
    return rng.bytes(32).hex()


def make_store(
    path: Path, advertisers: int = 120, moments: int = 8, seed: int = 7, start: dt.date = dt.date(2020, 8, 25)
) -> Path:
    """Write a store at `path` with `moments` weekly moments and about advertisers * moments / 2 rows."""
    from zicht.store.db import OBSERVATION_SCHEMA, connect

    rng = np.random.default_rng(seed)
    observations: dict[str, list[Any]] = {name: [] for name in OBSERVATION_SCHEMA.names}
    links: list[tuple[str, str, str, str]] = []
    duplicates: list[tuple[str, str, str, str, str]] = []
    moment_ids = [f"w{k:03d}" for k in range(moments)]
    next_code = 100000
    for a in range(advertisers):
        gender = str(rng.choice(_GENDERS, p=_GENDER_P))
        types = list(_COMBOS[rng.choice(len(_COMBOS), p=_COMBO_P)])
        country = str(rng.choice(_COUNTRIES, p=_COUNTRY_P))
        age = int(np.clip(rng.normal(30 if country != "NL" else 33, 7), 18, 75))
        price = float(np.round(rng.normal(160 if "escort" in types else 140, 45), 0))
        municipality = str(rng.choice(_MUNICIPALITIES, p=_MUNICIPALITY_P / _MUNICIPALITY_P.sum()))
        phone, name = _hex(rng), _hex(rng)
        term = [str(rng.choice(_TERMS))] if rng.random() < 0.05 else []
        first = int(rng.integers(0, moments))
        last = int(min(moments - 1, first + rng.geometric(0.25) - 1))
        sites = ["a"] if rng.random() < 0.6 else ["b"] if rng.random() < 0.6 else ["c"]
        if sites == ["a"] and rng.random() < 0.2:
            sites.append("b")  # a site-b copy of the site-a ad: rule 1 duplicates
        codes = {}
        for site in sites:
            codes[site] = str(next_code)
            next_code += 1
            links.append(("baseline", site, codes[site], f"{site}:{codes[site]}"))
            links.append(("zicht", site, codes[site], f"adv{a:05d}"))
        for k in range(first, last + 1):
            if k not in (first, last) and rng.random() < 0.1:
                continue  # missed a week
            for site in sites:
                missing = rng.random(5)
                row = {
                    "moment_id": moment_ids[k],
                    "site": site,
                    "site_ad_id": codes[site],
                    "warc_file": None,
                    "warc_offset": None,
                    "gender": gender,
                    "types": [] if missing[0] < 0.02 else types,
                    "origin_country": None if missing[1] < 0.28 else country,
                    "origin_group": None,
                    "age": None if missing[2] < 0.04 else age,
                    "price_per_hour": None if missing[3] < 0.29 else price,
                    "municipality_code": None if missing[4] < 0.02 else municipality,
                    "language": "nl",
                    "licence_terms": term,
                    "indicators": [],
                    "phone_pseudonym": None if site == "c" else phone,
                    "name_pseudonym": name,
                    "text_signature": None,
                }
                row["origin_group"] = origin_group(None if missing[1] < 0.28 else country)
                for key, value in row.items():
                    observations[key].append(value)
            if "b" in codes and "a" in codes:
                duplicates.append((moment_ids[k], "b", codes["b"], "a", codes["a"]))
    con = connect(Path(path))
    try:
        for k, moment_id in enumerate(moment_ids):
            con.execute(
                "INSERT INTO moments VALUES (?, ?, ?)", [moment_id, k, start + dt.timedelta(days=7 * k)]
            )
        rows = pa.Table.from_pydict(observations, schema=OBSERVATION_SCHEMA)
        con.register("incoming_rows", rows)
        con.execute("INSERT INTO observations SELECT * FROM incoming_rows")
        con.unregister("incoming_rows")
        con.executemany("INSERT INTO ad_links VALUES (?, ?, ?, ?)", links)
        con.executemany("INSERT INTO weekly_duplicates VALUES (?, ?, ?, ?, ?)", duplicates)
    finally:
        con.close()
    return Path(path)
