"""The ground-truth files of a simulation: their schemas, writing them (all or nothing) and reading them back.

Layout (docs/simulated-market.md): DIR/truth/workers.parquet, DIR/truth/ads.parquet,
DIR/truth/listings.parquet and DIR/config.toml (the Config the simulation ran with). `read_truth(DIR)` is
what the web layer, the evaluations and the calibration use.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from zicht.config import Config, load_config
from zicht.errors import InputError

TRUTH_DIR = "truth"
CONFIG_FILE = "config.toml"
WORKERS_FILE, ADS_FILE, LISTINGS_FILE = "workers.parquet", "ads.parquet", "listings.parquet"

_str, _int, _float = pa.string(), pa.int32(), pa.float64()
_list = pa.list_(pa.string())

WORKERS_SCHEMA = pa.schema(
    [
        ("worker_id", _str),
        ("gender", _str),
        ("origin_country", _str),
        ("origin_group", _str),
        ("age", _int),
        ("municipality_code", _str),
        ("types", _list),
        ("price_per_hour", _float),
        ("active_from_week", _int),
        ("active_to_week", _int),
        # + columns (docs/simulated-market.md)
        ("advertiser_id", _str),
        ("name", _str),
    ]
)
ADS_SCHEMA = pa.schema(
    [
        ("ad_key", _str),
        ("site", _str),
        ("site_ad_id", _str),
        ("worker_id", _str),
        ("display_name", _str),
        ("phone_e164", _str),
        ("posted_week", _int),
        ("removed_week", _int),
        # + what the ad states: identical on every row of the same ad_key
        ("n_workers", _int),
        ("ad_gender", _str),
        ("ad_types", _list),
        ("stated_age", _int),
        ("stated_origin_country", _str),
        ("price_per_hour", _float),
        ("price_unit", _str),
        ("price_amount", _float),
        ("municipality_code", _str),
        ("place_name", _str),
        ("language", _str),
        ("phone_style", _str),
        ("licence_term", _str),
        ("indicators", _list),
        ("text_seed", pa.int64()),
        ("repost_of", _str),
        ("crosspost_of", _str),
    ]
)
LISTINGS_SCHEMA = pa.schema(
    [
        ("week", _int),
        ("measurement_date", pa.date32()),
        ("site", _str),
        ("site_ad_id", _str),
    ]
)
SCHEMAS = {WORKERS_FILE: WORKERS_SCHEMA, ADS_FILE: ADS_SCHEMA, LISTINGS_FILE: LISTINGS_SCHEMA}


@dataclass(frozen=True)
class Truth:
    """A simulation read back: the three truth tables and the Config it ran with."""

    workers: pa.Table
    ads: pa.Table
    listings: pa.Table
    config: Config

    @property
    def weeks(self) -> int:
        return self.config.weeks


def config_to_toml(config: Config) -> str:
    """Serialise a Config as TOML (scalars, lists, and one level of tables), in field order."""
    data = config.model_dump()
    top, tables = [], []
    for key, value in data.items():
        if isinstance(value, dict) and key != "language_mix":
            body = "\n".join(f"{k} = {_toml_value(v)}" for k, v in value.items() if v is not None)
            tables.append(f"[{key}]\n{body}\n")
        elif value is not None:
            top.append(f"{key} = {_toml_value(value)}")
    return "\n".join(top) + "\n\n" + "\n".join(tables)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def write_truth(out: Path, tables: dict[str, pa.Table], config: Config) -> None:
    """Write DIR/truth/*.parquet and DIR/config.toml all at once: everything goes to a hidden sibling folder
    first and is moved into place at the end, so a failure leaves no half-written simulation behind."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.zicht-tmp-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        (staging / TRUTH_DIR).mkdir(parents=True)
        for file, schema in SCHEMAS.items():
            table = tables[file]
            if table.schema != schema:
                raise ValueError(f"{file}: schema differs from the contract:\n{table.schema}")
            pq.write_table(table, staging / TRUTH_DIR / file, compression="zstd")
        (staging / CONFIG_FILE).write_text(config_to_toml(config), encoding="utf-8")
        out.mkdir(exist_ok=True)
        for item in (TRUTH_DIR, CONFIG_FILE):
            target = out / item
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.exists() or target.is_symlink():
                target.unlink()
            os.replace(staging / item, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_truth(sim_dir: Path) -> Truth:
    """Read a simulation folder written by `zicht simulate`; a missing or foreign folder is an InputError."""
    sim_dir = Path(sim_dir)
    missing = [
        str(p)
        for p in (sim_dir / CONFIG_FILE, *(sim_dir / TRUTH_DIR / f for f in SCHEMAS))
        if not p.is_file()
    ]
    if missing:
        raise InputError(
            f"{sim_dir} is not a simulation folder: missing {', '.join(missing)}",
            "run `zicht simulate --out DIR` first",
        )
    tables = {}
    for file, schema in SCHEMAS.items():
        table = pq.read_table(sim_dir / TRUTH_DIR / file)
        absent = [name for name in schema.names if name not in table.schema.names]
        if absent:
            raise InputError(
                f"{sim_dir / TRUTH_DIR / file} lacks columns {absent}",
                "re-run `zicht simulate` with this version",
            )
        tables[file] = table.select(schema.names)
    config = load_config(sim_dir / CONFIG_FILE)
    return Truth(tables[WORKERS_FILE], tables[ADS_FILE], tables[LISTINGS_FILE], config)
