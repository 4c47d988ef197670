"""Open the store, write observations of a measurement moment idempotently, export to Parquet."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from zicht.errors import StoreError
from zicht.models import AdInput, AdRecord, RawPage
from zicht.store.pseudonyms import pseudonymise

SCHEMA_VERSION = "1"
TABLES = ("moments", "observations", "ad_links", "weekly_duplicates")

OBSERVATION_COLUMNS: dict[str, pa.DataType] = {
    "moment_id": pa.string(),
    "site": pa.string(),
    "site_ad_id": pa.string(),
    "warc_file": pa.string(),
    "warc_offset": pa.int64(),
    "gender": pa.string(),
    "types": pa.list_(pa.string()),
    "origin_country": pa.string(),
    "origin_group": pa.string(),
    "age": pa.int32(),
    "price_per_hour": pa.float64(),
    "municipality_code": pa.string(),
    "language": pa.string(),
    "licence_terms": pa.list_(pa.string()),
    "indicators": pa.list_(pa.string()),
    "phone_pseudonym": pa.string(),
    "name_pseudonym": pa.string(),
    "text_signature": pa.list_(pa.uint64()),
}
OBSERVATION_SCHEMA = pa.schema(list(OBSERVATION_COLUMNS.items()))


@dataclass(frozen=True)
class Moment:
    """A measurement moment: one weekly crawl of every site."""

    moment_id: str
    week: int  # position among the store's moments by date; the store recomputes it on every write
    measured_on: dt.date


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and on first use create) the store with its schema."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"store not found: {path}", "run `zicht demo` or `zicht ingest` first")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        raise StoreError(f"cannot open store {path}: {error}") from None
    if not read_only:
        con.execute(resources.files("zicht.store").joinpath("schema.sql").read_text(encoding="utf-8"))
        con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    return con


def observation_rows(
    moment_id: str,
    items: Iterable[tuple[str, RawPage | None, AdInput]],
    extract: Callable[[AdInput], AdRecord],
    secret: bytes,
    signature: Callable[[str], list[int] | None] | None = None,
) -> pa.Table:
    """Extract and pseudonymise one moment's ads into observation rows; clear phones and names stop here."""
    columns: dict[str, list[Any]] = {name: [] for name in OBSERVATION_COLUMNS}
    seen: set[tuple[str, str]] = set()
    for site, page, ad in items:
        site_ad_id = ad.fields.get("code") or ad.id
        if (site, site_ad_id) in seen:  # an ad fetched twice in one run is one observation
            continue
        seen.add((site, site_ad_id))
        record = extract(ad)
        values = {
            "moment_id": moment_id,
            "site": site,
            "site_ad_id": site_ad_id,
            "warc_file": page.warc_file if page else None,
            "warc_offset": page.warc_offset if page else None,
            "gender": record.gender,
            "types": list(record.types),
            "origin_country": record.origin_country,
            "origin_group": record.origin_group,
            "age": record.age,
            "price_per_hour": record.price_per_hour,
            "municipality_code": record.municipality_code,
            "language": record.language,
            "licence_terms": list(record.licence_terms),
            "indicators": list(record.indicators),
            "phone_pseudonym": pseudonymise(secret, record.phone, "phone"),
            "name_pseudonym": pseudonymise(secret, ad.fields.get("name") or record.name, "name"),
            "text_signature": signature(ad.text) if signature else None,
        }
        for name, value in values.items():
            columns[name].append(value)
    return pa.Table.from_pydict(columns, schema=OBSERVATION_SCHEMA)


def replace_moment(con: duckdb.DuckDBPyConnection, moment: Moment, rows: pa.Table) -> int:
    """Write one moment's observations, replacing any earlier ingest of it (re-ingesting changes nothing)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM observations WHERE moment_id = ?", [moment.moment_id])
        con.execute("DELETE FROM moments WHERE moment_id = ?", [moment.moment_id])
        con.execute(
            "INSERT INTO moments VALUES (?, ?, ?)", [moment.moment_id, moment.week, moment.measured_on]
        )
        con.register("incoming_rows", rows)
        con.execute(f"INSERT INTO observations SELECT {', '.join(OBSERVATION_COLUMNS)} FROM incoming_rows")
        con.unregister("incoming_rows")
        renumber_weeks(con)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return rows.num_rows


def renumber_weeks(con: duckdb.DuckDBPyConnection) -> None:
    """Every moment's week is its position among the store's moments by date (then id), whatever order they
    were ingested in: a weekly cron job ingesting one moment at a time gets the same weeks as one batch."""
    con.execute(
        """UPDATE moments SET week = ordered.position
           FROM (SELECT moment_id, row_number() OVER (ORDER BY measured_on, moment_id) - 1 AS position
                 FROM moments) AS ordered
           WHERE moments.moment_id = ordered.moment_id AND moments.week IS DISTINCT FROM ordered.position"""
    )


def export_parquet(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    """Write every store table to out_dir/<table>.parquet (for Spark, pandas or R users), each file whole or
    not at all. Table names and the path are quoted, never pasted into the SQL."""
    out_dir = Path(out_dir)
    tables = store_tables(con)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for table in tables:
        target = out_dir / f"{table}.parquet"
        partial = out_dir / f".{table}.parquet.partial"
        try:
            con.execute(f"COPY {sql_identifier(table)} TO {sql_string(str(partial))} (FORMAT parquet)")
            partial.replace(target)
        except duckdb.Error as error:
            raise StoreError(
                f"cannot export table {table} to {target}: {str(error).splitlines()[0]}"
            ) from None
        finally:
            partial.unlink(missing_ok=True)
        written.append(target)
    return written


def store_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The base tables of the store's own main schema (no views, no attached databases), each a plain name:
    a crafted store with any other table name is refused, as the name also becomes a file name."""
    names = [
        row[0]
        for row in con.execute(
            """SELECT table_name FROM information_schema.tables
               WHERE table_catalog = current_database() AND table_schema = 'main'
                 AND table_type = 'BASE TABLE'
               ORDER BY table_name"""
        ).fetchall()
    ]
    odd = [name for name in names if not _PLAIN_NAME.fullmatch(name)]
    if odd:
        raise StoreError(f"the store has tables with names that are not plain: {odd}", "is it a Zicht store?")
    return names


_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


def sql_identifier(name: str) -> str:
    """A double-quoted SQL identifier (a double quote inside is doubled)."""
    return '"' + name.replace('"', '""') + '"'


def sql_string(text: str) -> str:
    """A single-quoted SQL string literal (a single quote inside is doubled)."""
    return "'" + text.replace("'", "''") + "'"
