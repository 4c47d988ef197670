from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from zicht.errors import StoreError
from zicht.models import AdInput, AdRecord, RawPage
from zicht.store import Moment, connect, export_parquet, observation_rows, replace_moment
from zicht.store.pseudonyms import load_or_create_secret, pseudonymise
from zicht.store.purge import purge_archive

SECRET = bytes(range(32))


def fake_extract(ad: AdInput) -> AdRecord:
    return AdRecord(
        id=ad.id,
        gender="female",
        types=("home",),
        age=int(ad.fields.get("age", 30)),
        phone=ad.fields.get("phone"),
        municipality_code="GM0363",
    )


def items(n: int) -> list[tuple[str, RawPage | None, AdInput]]:
    return [
        (
            "a",
            RawPage("w000", "a", f"http://x/{i}", 200, "ad", "w000/a.warc.gz", i * 100, "sha1:X"),
            AdInput(
                id=f"K{i}", text="hoi", fields={"code": f"K{i}", "name": f"Lisa {i}", "phone": "+31612345678"}
            ),
        )
        for i in range(n)
    ]


def test_pseudonyms_are_keyed_and_normalised() -> None:
    assert pseudonymise(SECRET, "Lisa", "name") == pseudonymise(SECRET, " LISA ", "name")
    assert pseudonymise(SECRET, "Lisa", "name") != pseudonymise(bytes(32), "Lisa", "name")
    assert pseudonymise(SECRET, "+31612345678", "phone") != pseudonymise(SECRET, "+31612345678", "name")
    assert pseudonymise(SECRET, None, "phone") is None


def test_secret_is_created_once_and_private(tmp_path: Path) -> None:
    path = tmp_path / "zicht.secret"
    first = load_or_create_secret(path)
    assert load_or_create_secret(path) == first
    assert path.stat().st_mode & 0o077 == 0


def test_ingest_is_idempotent_and_keeps_no_clear_identifiers(tmp_path: Path) -> None:
    store = tmp_path / "z.duckdb"
    con = connect(store)
    moment = Moment("w000", 0, dt.date(2020, 8, 25))
    rows = observation_rows("w000", items(5) + items(2), fake_extract, SECRET)
    assert rows.num_rows == 5  # an ad fetched twice in one run is one observation
    replace_moment(con, moment, rows)
    before = con.execute("SELECT * FROM observations ORDER BY site_ad_id").fetchall()
    replace_moment(con, moment, observation_rows("w000", items(5), fake_extract, SECRET))
    assert con.execute("SELECT * FROM observations ORDER BY site_ad_id").fetchall() == before
    con.close()
    raw = store.read_bytes()
    assert b"+31612345678" not in raw and b"Lisa" not in raw


def test_export_writes_every_table(tmp_path: Path) -> None:
    con = connect(tmp_path / "z.duckdb")
    replace_moment(
        con, Moment("w000", 0, dt.date(2020, 8, 25)), observation_rows("w000", items(3), fake_extract, SECRET)
    )
    written = export_parquet(con, tmp_path / "parquet")
    assert {p.stem for p in written} >= {"moments", "observations", "ad_links", "weekly_duplicates"}
    assert pq.read_table(tmp_path / "parquet" / "observations.parquet").num_rows == 3


def test_purge_removes_old_runs_and_their_pointers(tmp_path: Path) -> None:
    con = connect(tmp_path / "z.duckdb")
    for week in range(3):
        moment = Moment(f"w{week:03d}", week, dt.date(2020, 8, 25) + dt.timedelta(weeks=week))
        (tmp_path / "archive" / moment.moment_id).mkdir(parents=True)
        (tmp_path / "archive" / moment.moment_id / "a.warc.gz").write_bytes(b"x" * 10)
        started_at = f"{moment.measured_on.isoformat()}T10:00:00+00:00"  # purge dates runs by their crawl
        (tmp_path / "archive" / moment.moment_id / "manifest.json").write_text(
            f'{{"started_at": "{started_at}"}}'
        )
        replace_moment(con, moment, observation_rows(moment.moment_id, items(2), fake_extract, SECRET))
    result = purge_archive(con, tmp_path / "archive", dt.date(2020, 9, 5))
    assert result.runs_removed == ("w000", "w001")
    assert not (tmp_path / "archive" / "w000").exists() and (tmp_path / "archive" / "w002").exists()
    pointers = con.execute(
        "SELECT moment_id, count(warc_file) FROM observations GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert pointers == [("w000", 0), ("w001", 0), ("w002", 2)]


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="store not found"):
        connect(tmp_path / "nope.duckdb", read_only=True)


def test_schema_is_plain_sql(tmp_path: Path) -> None:
    con = connect(tmp_path / "z.duckdb")
    tables = {row[0] for row in con.execute("SHOW TABLES").fetchall()}
    assert {"moments", "observations", "ad_links", "weekly_duplicates", "meta"} <= tables
    assert isinstance(con, duckdb.DuckDBPyConnection)
