"""Weekly measures and the 2021 tables against hand-computed values and a brute-force Python oracle."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from zicht.errors import StoreError
from zicht.measure.columns import Column, RowKind, column_kind, make_table
from zicht.measure.tables import baseline_tables, representatives
from zicht.measure.testing import make_store
from zicht.measure.weekly import WEEKLY_COLUMNS, weekly_measures
from zicht.refdata import ReferenceData
from zicht.store.db import OBSERVATION_SCHEMA, connect
from zicht.vocab import AGE_BINS, PRICE_BINS, age_bin, price_bin

START = dt.date(2020, 8, 25)


def _observation(moment: str, site: str, code: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {name: None for name in OBSERVATION_SCHEMA.names}
    row.update(moment_id=moment, site=site, site_ad_id=code, types=[], licence_terms=[], indicators=[])
    row.update(fields)
    return row


def _store(path: Path, moments: int, rows: list[dict], links: list[tuple], dups: list[tuple]) -> Path:
    con = connect(path)
    for k in range(moments):
        con.execute("INSERT INTO moments VALUES (?, ?, ?)", [f"w{k}", k, START + dt.timedelta(days=7 * k)])
    if rows:
        con.register("incoming", pa.Table.from_pylist(rows, schema=OBSERVATION_SCHEMA))
        con.execute("INSERT INTO observations SELECT * FROM incoming")
    for link in links:
        con.execute("INSERT INTO ad_links VALUES (?, ?, ?, ?)", list(link))
    for dup in dups:
        con.execute("INSERT INTO weekly_duplicates VALUES (?, ?, ?, ?, ?)", list(dup))
    con.close()
    return path


# --- weekly measures -----------------------------------------------------------------------------------

# ad -> the moments (0-based) it is listed; b:5 at w2 and b:7 everywhere are rule-1 duplicates.
SIGHTINGS = {
    ("a", "1"): [0, 1, 2, 3, 4, 5, 6],
    ("a", "2"): [0],
    ("a", "3"): [0, 6],
    ("a", "4"): [1, 2],
    ("b", "5"): [1, 2, 3],
    ("c", "6"): [6],
    ("b", "7"): [2, 3],
}
DUPLICATES = [("w2", "b", "5", "a", "1"), ("w2", "b", "7", "a", "4"), ("w3", "b", "7", "a", "1")]

# By hand, per moment w0..w6, after removing the duplicates (b:5 is then seen at w1, w3; b:7 never):
EXPECTED = {
    "active": [3, 3, 2, 2, 1, 1, 3],
    "new_since_previous": [None, 2, 0, 1, 0, 0, 2],  # w1: a4, b5; w3: b5 (absent at w2); w6: a3, c6
    "new_since_previous_5": [None, None, None, None, None, 0, 2],  # w6: c6, and a3 (w0 is 6 moments back)
    "never_seen_before": [None, 2, 0, 0, 0, 0, 1],
    "one_off": [1, 0, 0, 0, 0, 0, 1],  # a2 at w0, c6 at w6
    "closed": [1, 0, 1, 1, 0, 0, None],  # a2 at w0; a4 at w2; b5 at w3
}


@pytest.fixture()
def tiny_weekly(tmp_path: Path) -> Path:
    rows = [_observation(f"w{k}", site, code) for (site, code), ks in SIGHTINGS.items() for k in ks]
    return _store(tmp_path / "tiny.duckdb", 7, rows, [], DUPLICATES)


def test_weekly_measures_match_hand_computed_values(tiny_weekly: Path) -> None:
    con = connect(tiny_weekly, read_only=True)
    result = weekly_measures(con).to_pydict()
    con.close()
    assert result["moment_id"] == [f"w{k}" for k in range(7)]
    for column, expected in EXPECTED.items():
        assert result[column] == expected, column


def _brute_weekly(seen: dict[tuple[str, str], set[int]], moments: int) -> dict[str, list[int | None]]:
    """The definitions of weekly.py, written out with Python sets."""
    out: dict[str, list[int | None]] = {c: [] for c in WEEKLY_COLUMNS}
    for k in range(moments):
        active = {ad for ad, ks in seen.items() if k in ks}
        out["active"].append(len(active))
        out["new_since_previous"].append(None if k == 0 else sum(k - 1 not in seen[ad] for ad in active))
        out["new_since_previous_5"].append(
            None if k < 5 else sum(not any(j in seen[ad] for j in range(k - 5, k)) for ad in active)
        )
        out["never_seen_before"].append(None if k == 0 else sum(min(seen[ad]) == k for ad in active))
        out["one_off"].append(sum(len(seen[ad]) == 1 for ad in active))
        out["closed"].append(None if k == moments - 1 else sum(max(seen[ad]) == k for ad in active))
    return out


def test_weekly_measures_match_brute_force_on_a_generated_store(tmp_path: Path) -> None:
    store = make_store(tmp_path / "gen.duckdb", advertisers=150, moments=9, seed=3)
    con = connect(store, read_only=True)
    dups = set(con.execute("SELECT moment_id, site, site_ad_id FROM weekly_duplicates").fetchall())
    assert dups, "the generator should produce rule-1 duplicates"
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for moment, week, site, code in con.execute(
        "SELECT o.moment_id, m.week, o.site, o.site_ad_id "
        "FROM observations o JOIN moments m USING (moment_id)"
    ).fetchall():
        if (moment, site, code) not in dups:
            seen[(site, code)].add(week)
    result = weekly_measures(con).to_pydict()
    con.close()
    expected = _brute_weekly(seen, 9)
    for column in WEEKLY_COLUMNS:
        assert result[column] == expected[column], column


# --- representative records and the tables --------------------------------------------------------------


def test_representative_takes_latest_non_null_value_per_field(tmp_path: Path) -> None:
    rows = [
        _observation("w0", "a", "1", age=25, gender="female", types=["home"], price_per_hour=100.0),
        _observation("w2", "a", "1", age=None, gender="female", types=[], price_per_hour=None),
        _observation("w1", "b", "9", age=27, gender="trans", types=["escort"], price_per_hour=150.0),
        _observation("w2", "b", "9", municipality_code="GM0599"),
        _observation("w2", "a", "2", municipality_code="GM0363", licence_terms=["club"]),
        _observation("w0", "a", "3", age=40, licence_terms=["KvK"]),
        _observation("w1", "a", "3", age=41),
    ]
    links = [
        ("baseline", "a", "1", "X"),
        ("baseline", "b", "9", "X"),
        ("baseline", "a", "2", "X"),
        ("baseline", "a", "3", "Y"),
        ("zicht", "a", "1", "Z"),
    ]
    store = _store(tmp_path / "rep.duckdb", 3, rows, links, [])
    con = connect(store, read_only=True)
    reps = {r["advertiser_key"]: r for r in representatives(con, "baseline").to_pylist()}
    con.close()
    x, y = reps["X"], reps["Y"]
    assert x["age"] == 27  # w1 (site b) is later than w0, and w2 states no age
    assert x["gender"] == "female"  # stated again at w2, the latest moment
    assert x["types"] == ["escort"] and x["price_per_hour"] == 150.0  # the empty list at w2 is "not stated"
    assert x["municipality_code"] == "GM0363"  # same moment w2: site a before site b
    assert x["n_ads"] == 3 and x["n_observations"] == 5
    assert (x["licence_club"], x["licence_kvk"]) == (1, 0)
    assert y["age"] == 41 and y["licence_kvk"] == 1  # a term mentioned at any moment counts
    assert set(reps) == {"X", "Y"}


def _brute_representatives(con: Any, method: str) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT l.advertiser_key, m.week, o.site, o.site_ad_id, o.gender, o.types, o.origin_group, o.age, "
        "o.price_per_hour, o.municipality_code, o.licence_terms FROM observations o "
        "JOIN moments m USING (moment_id) JOIN ad_links l ON l.site = o.site AND l.site_ad_id = o.site_ad_id "
        "WHERE l.method = ?",
        [method],
    ).fetchall()
    by_key: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        by_key[row[0]].append(row)
    reps = []
    for rows_of in by_key.values():
        rows_of.sort(key=lambda r: (-r[1], r[2], r[3]))
        rep: dict[str, Any] = {}
        for index, field in enumerate(
            ("gender", "types", "origin_group", "age", "price_per_hour", "municipality_code"), start=4
        ):
            rep[field] = next((r[index] for r in rows_of if r[index] not in (None, [])), None)
        rep["terms"] = {t for r in rows_of for t in (r[10] or [])}
        reps.append(rep)
    return reps


def _by_label(table: pa.Table) -> dict[str, dict[str, Any]]:
    first = table.column_names[0]
    return {row[first]: row for row in table.to_pylist()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, reference: ReferenceData) -> tuple[dict, list]:
    store = make_store(tmp_path_factory.mktemp("gen") / "gen.duckdb", advertisers=400, moments=8, seed=11)
    con = connect(store, read_only=True)
    tables = {t.key: t.table for t in baseline_tables(con, reference, "baseline", min_count=10)}
    reps = _brute_representatives(con, "baseline")
    fill_rows = con.execute(
        "SELECT gender, types, origin_group, age, price_per_hour FROM observations"
    ).fetchall()
    con.close()
    return tables, [reps, fill_rows]


def test_price_table_matches_brute_force(generated: tuple[dict, list]) -> None:
    tables, (reps, _) = generated
    table = _by_label(tables["T2.2 Price"])
    columns = {
        "home": [r["price_per_hour"] for r in reps if r["price_per_hour"] and "home" in (r["types"] or [])],
        "escort": [
            r["price_per_hour"] for r in reps if r["price_per_hour"] and "escort" in (r["types"] or [])
        ],
    }
    columns["all"] = columns["home"] + columns["escort"]  # an ad offering both counts in both
    for column, prices in columns.items():
        bins = Counter(price_bin(p) for p in prices)
        for label, _ in PRICE_BINS:
            assert table[label][column] == bins.get(label, 0), (column, label)
            assert table[label][f"{column} share"] == pytest.approx(bins.get(label, 0) / len(prices))
        assert table["total"][column] == len(prices)
        assert table["mean"][column] == pytest.approx(statistics.fmean(prices))
        assert table["sd"][column] == pytest.approx(statistics.stdev(prices))


def test_age_tables_match_brute_force(generated: tuple[dict, list]) -> None:
    tables, (reps, _) = generated
    table = _by_label(tables["T2.3 Age by origin"])
    groups = {
        "all": [r["age"] for r in reps if r["age"] is not None],
        "Dutch": [r["age"] for r in reps if r["age"] is not None and r["origin_group"] == "NL"],
        "non-Dutch": [
            r["age"] for r in reps if r["age"] is not None and r["origin_group"] not in (None, "NL")
        ],
    }
    for column, ages in groups.items():
        bins = Counter(age_bin(a) for a in ages)
        for label, _, _ in AGE_BINS:
            assert table[label][column] == bins.get(label, 0), (column, label)
        assert table["total"][column] == len(ages)
        assert table["mean"][column] == pytest.approx(statistics.fmean(ages))
    region = _by_label(tables["T2.5 Age by region"])
    europe = [
        r["age"]
        for r in reps
        if r["age"] is not None and r["origin_group"] in ("europe_east", "europe_other")
    ]
    assert region["total"]["Europe (non-NL)"] == len(europe)
    assert region["sd"]["Europe (non-NL)"] == pytest.approx(statistics.stdev(europe))


def test_type_gender_origin_municipality_and_licence_match_brute_force(generated: tuple[dict, list]) -> None:
    tables, (reps, _) = generated
    n = len(reps)
    gender = _by_label(tables["Gender"])
    assert gender["female (vrouw)"]["advertisers"] == sum(r["gender"] == "female" for r in reps)
    assert gender["total"]["advertisers"] == n

    mix = _by_label(tables["Type mix"])
    sets = [frozenset(r["types"] or []) for r in reps]
    assert mix["home only (alleen thuis-/privé-ontvangst)"]["advertisers"] == sets.count(frozenset({"home"}))
    assert mix["home + escort"]["advertisers"] == sets.count(frozenset({"home", "escort"}))
    assert mix["escort + massage"]["advertisers"] == sets.count(frozenset({"escort", "massage"}))
    assert mix["not stated (onbekend)"]["advertisers"] == sets.count(frozenset())
    assert mix["any escort (escort, totaal)"]["advertisers"] == sum("escort" in s for s in sets)
    assert mix["any home (thuisontvangst, totaal)"]["share"] == pytest.approx(
        sum("home" in s for s in sets) / n
    )

    origin = _by_label(tables["Origin"])
    groups = Counter(r["origin_group"] for r in reps)
    non_nl = sum(v for k, v in groups.items() if k not in (None, "NL"))
    assert origin["Dutch (Nederlands)"]["share"] == pytest.approx(groups["NL"] / (groups["NL"] + non_nl))
    assert origin["of which Eastern Europe (Oost-Europa)"]["share"] == pytest.approx(
        groups["europe_east"] / (groups["europe_east"] + groups["europe_other"])
    )

    top = tables["T2.4 Top municipalities"].to_pylist()
    counts = Counter(r["municipality_code"] for r in reps if r["municipality_code"])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    assert [(r["CBS code"], r["advertisers"]) for r in top[:10]] == ranked
    assert top[-1]["advertisers"] == sum(c for _, c in ranked)

    licence = _by_label(tables["T2.6 Licence terms"])
    assert licence["club"]["advertisers"] == sum("club" in r["terms"] for r in reps)
    assert licence["total (any term)"]["advertisers"] == sum(bool(r["terms"]) for r in reps)


def test_per_100k_uses_cbs_population_and_ranks_only_publishable_counts(
    generated: tuple[dict, list], reference: ReferenceData
) -> None:
    tables, (reps, _) = generated
    rows = tables["T2.5 Per 100k"].to_pylist()
    assert len(rows) == len(reference.municipalities)
    counts = Counter(r["municipality_code"] for r in reps if r["municipality_code"])
    amsterdam = next(r for r in rows if r["CBS code"] == "GM0363")
    assert amsterdam["ads per 100,000 inhabitants"] == pytest.approx(counts["GM0363"] / 873_338 * 100_000)
    ranked = [r for r in rows if r["advertisers"] >= 10]
    assert rows[: len(ranked)] == ranked  # publishable counts first...
    rates = [r["ads per 100,000 inhabitants"] for r in ranked]
    assert rates == sorted(rates, reverse=True)  # ...by rate; the rest follow by name
    rest = [r["municipality (gemeente)"] for r in rows[len(ranked) :]]
    assert rest == sorted(rest)


def test_fill_rates_are_shares_of_all_observations(generated: tuple[dict, list]) -> None:
    tables, (_, fill_rows) = generated
    fill = _by_label(tables["Fill rates"])
    assert fill["age"]["observations with a value"] == sum(r[3] is not None for r in fill_rows)
    assert fill["type of sex work"]["fill rate"] == pytest.approx(
        sum(bool(r[1]) for r in fill_rows) / len(fill_rows)
    )
    assert fill["moment"]["fill rate"] == 1.0


def test_every_table_has_a_2021_comparison_column(generated: tuple[dict, list]) -> None:
    tables, _ = generated
    for key, table in tables.items():
        if key in ("Type by municipality",):
            continue  # Fig 2.12 gives no numbers; the note quotes its description
        assert any("2021 report" in name for name in table.column_names), key


def test_missing_method_is_a_store_error(tiny_weekly: Path, reference: ReferenceData) -> None:
    con = connect(tiny_weekly, read_only=True)
    with pytest.raises(StoreError, match="no advertiser links for method 'baseline'"):
        baseline_tables(con, reference)
    con.close()


def test_column_kinds_travel_as_metadata_and_are_inferred_for_plain_tables() -> None:
    tagged = make_table(
        [
            Column("label", ["a", "mean"]),
            Column("n", [12.0, 3.5], "count", type=pa.float64()),
            Column("n share", [1.0, None], "share", "n"),
        ],
        {1: RowKind("mean", 0)},
    )
    assert column_kind(tagged, "n") == ("count", None)
    assert column_kind(tagged, "n share") == ("share", "n")
    plain = pa.table({"what": ["x"], "ads": [3], "ads share": [0.5], "mean price": [120.0]})
    assert column_kind(plain, "ads") == ("count", None)
    assert column_kind(plain, "ads share") == ("share", "ads")
    assert column_kind(plain, "mean price") == ("label", None)
    with pytest.raises(ValueError, match="needs a base column"):
        make_table([Column("s", [0.1], "share", "missing")])
