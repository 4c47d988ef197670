"""The synthetic market (zicht.simulate.market, truth, calibration, commands): schema of the truth files,
determinism, config errors, invariants between workers, ads and listings, and the 2021 calibration."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from typer.testing import CliRunner

import zicht.simulate.commands  # noqa: F401  (registers the commands on the app)
from zicht.cli import app
from zicht.config import load_config
from zicht.errors import InputError
from zicht.simulate import SimulationSummary, Truth, read_truth, simulate
from zicht.simulate.calibration import check, failures, measure, render
from zicht.simulate.market import UNIT_HOURS, municipality_weights
from zicht.simulate.truth import ADS_SCHEMA, LISTINGS_SCHEMA, WORKERS_SCHEMA
from zicht.vocab import GENDERS, ORIGIN_GROUPS, WORK_TYPES, origin_group

# The columns interfaces.md requires; the contract (docs/simulated-market.md) adds the "+" columns.
REQUIRED = {
    "workers": [
        "worker_id",
        "gender",
        "origin_country",
        "origin_group",
        "age",
        "municipality_code",
        "types",
        "price_per_hour",
        "active_from_week",
        "active_to_week",
    ],
    "ads": [
        "ad_key",
        "site",
        "site_ad_id",
        "worker_id",
        "display_name",
        "phone_e164",
        "posted_week",
        "removed_week",
    ],
    "listings": ["week", "measurement_date", "site", "site_ad_id"],
}
CONTRACT_EXTRA = {
    "workers": ["advertiser_id", "name"],
    "ads": [
        "n_workers",
        "ad_gender",
        "ad_types",
        "stated_age",
        "stated_origin_country",
        "price_per_hour",
        "price_unit",
        "price_amount",
        "municipality_code",
        "place_name",
        "language",
        "phone_style",
        "licence_term",
        "indicators",
        "text_seed",
        "repost_of",
        "crosspost_of",
    ],
}
CONTENT = CONTRACT_EXTRA["ads"][:-2]  # what the ad states: the same on every row of an ad

runner = CliRunner()


def _simulate(out: Path, data_dir: Path, **values: object) -> SimulationSummary:
    return simulate(load_config(None, **{"scale": 0.05, "weeks": 8, "seed": 3, **values}), out, data_dir)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Truth:
    out = tmp_path_factory.mktemp("sim") / "sim"
    _simulate(out, data_dir, weeks=14, scale=0.08)
    return read_truth(out)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Truth:
    out = tmp_path_factory.mktemp("year") / "sim"
    simulate(load_config(None, seed=1, weeks=52), out, data_dir)
    return read_truth(out)


def rows(table: pa.Table) -> list[dict]:
    return table.to_pylist()


# ------------------------------------------------------------------------------------------------ schema


@pytest.mark.parametrize(
    ("name", "schema"), [("workers", WORKERS_SCHEMA), ("ads", ADS_SCHEMA), ("listings", LISTINGS_SCHEMA)]
)
def test_schema_has_the_interface_and_contract_columns(small: Truth, name: str, schema: pa.Schema) -> None:
    table = getattr(small, name)
    assert table.schema.names == REQUIRED[name] + CONTRACT_EXTRA.get(name, [])
    assert table.schema == schema
    assert table.num_rows > 0


def test_column_types(small: Truth) -> None:
    assert small.workers.schema.field("types").type == pa.list_(pa.string())
    assert small.ads.schema.field("ad_types").type == pa.list_(pa.string())
    assert small.listings.schema.field("measurement_date").type == pa.date32()
    assert pa.types.is_integer(small.listings.schema.field("week").type)


def test_config_is_written_and_read_back(tmp_path: Path, data_dir: Path) -> None:
    config = load_config(None, seed=9, weeks=3, scale=0.05, crosspost_rate=0.2, language_mix={"nl": 1.0})
    simulate(config, tmp_path / "sim", data_dir)
    assert read_truth(tmp_path / "sim").config == config


# ------------------------------------------------------------------------------------------- determinism


def test_same_seed_gives_byte_identical_files(tmp_path: Path, data_dir: Path) -> None:
    _simulate(tmp_path / "one", data_dir)
    _simulate(tmp_path / "two", data_dir)
    _simulate(tmp_path / "other", data_dir, seed=4)
    files = ["truth/workers.parquet", "truth/ads.parquet", "truth/listings.parquet", "config.toml"]
    for file in files:
        assert (tmp_path / "one" / file).read_bytes() == (tmp_path / "two" / file).read_bytes(), file
    assert (tmp_path / "one" / files[1]).read_bytes() != (tmp_path / "other" / files[1]).read_bytes()


def test_rewriting_a_folder_replaces_the_simulation(tmp_path: Path, data_dir: Path) -> None:
    _simulate(tmp_path / "sim", data_dir, seed=5)
    (tmp_path / "sim" / "notes.txt").write_text("mine")
    _simulate(tmp_path / "sim", data_dir, seed=6)
    assert read_truth(tmp_path / "sim").config.seed == 6
    assert (tmp_path / "sim" / "notes.txt").read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["sim"]  # no staging folder left


def test_a_failed_write_leaves_nothing(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    calls = []

    def failing(table: pa.Table, where: object, **kwargs: object) -> None:
        calls.append(where)
        if len(calls) == 2:
            raise OSError("disk full")
        original(table, where, **kwargs)

    original = pq.write_table
    monkeypatch.setattr(pq, "write_table", failing)
    with pytest.raises(OSError):
        _simulate(tmp_path / "sim", data_dir)
    assert list(tmp_path.iterdir()) == []


def test_scale_multiplies_the_market(tmp_path: Path, data_dir: Path) -> None:
    small = _simulate(tmp_path / "s", data_dir, scale=0.05)
    double = _simulate(tmp_path / "d", data_dir, scale=0.1)
    assert 1.7 < double.listings / small.listings < 2.3
    assert 1.7 < double.workers / small.workers < 2.3


# ------------------------------------------------------------------------------------------ config errors


def test_unknown_config_key_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("seed = 2\nrepost_rte = 0.1\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["simulate", "--config", str(config), "--out", str(out)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "repost_rte" in lines[0] and "unknown key" in lines[0]
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "key"), [(["--weeks", "0"], "weeks"), (["--scale", "-1"], "scale"), (["--scale", "50"], "scale")]
)
def test_bad_option_value_names_the_key(tmp_path: Path, args: list[str], key: str) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["simulate", *args, "--out", str(out)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and key in result.output
    assert not out.exists()


def test_bad_value_in_config_file(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('crosspost_rate = 2.0\nhidden_phone_sites = ["x"]\n')
    result = runner.invoke(app, ["simulate", "--config", str(config), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "crosspost_rate" in result.output and "hidden_phone_sites" in result.output
    assert not (tmp_path / "out").exists()


def test_out_that_is_a_file_is_an_error(tmp_path: Path, data_dir: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match="is a file"):
        _simulate(tmp_path / "f", data_dir)


def test_serve_without_a_simulation_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--sim", str(tmp_path / "nothing"), "--port", "0"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "zicht simulate" in result.output


def test_read_truth_of_a_foreign_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a simulation folder"):
        read_truth(tmp_path)


def test_cli_simulate_writes_and_summarises(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "sim"
    result = runner.invoke(
        app,
        [
            "simulate",
            "--seed",
            "2",
            "--weeks",
            "3",
            "--scale",
            "0.05",
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 weeks" in result.output and "listings" in result.output
    assert read_truth(out).config.weeks == 3


# --------------------------------------------------------------------------------------------- invariants


def test_every_listing_has_an_ad_that_is_online(small: Truth) -> None:
    ads = {
        (r["site"], r["site_ad_id"]): r
        for r in rows(small.ads.select(["site", "site_ad_id", "posted_week", "removed_week"]))
    }
    start = date.fromisoformat(small.config.start_date)
    seen = set()
    for r in rows(small.listings):
        key = (r["site"], r["site_ad_id"])
        assert key in ads, key
        ad = ads[key]
        assert ad["posted_week"] <= r["week"] < ad["removed_week"]
        assert r["measurement_date"] == start + timedelta(days=7 * r["week"])
        assert 0 <= r["week"] < small.weeks
        assert (r["week"], *key) not in seen
        seen.add((r["week"], *key))


def test_ad_keys_workers_and_codes_are_consistent(small: Truth) -> None:
    ads = rows(small.ads)
    workers = {w["worker_id"]: w for w in rows(small.workers)}
    assert len(workers) == small.workers.num_rows
    pairs = Counter((a["ad_key"], a["worker_id"]) for a in ads)
    assert max(pairs.values()) == 1
    codes: dict[tuple[str, str], str] = {}
    for a in ads:
        assert a["worker_id"] in workers
        assert a["ad_key"] == f"{a['site']}:{a['site_ad_id']}"
        assert codes.setdefault((a["site"], a["site_ad_id"]), a["ad_key"]) == a["ad_key"]
        assert a["posted_week"] <= a["removed_week"] <= small.weeks
    for w in workers.values():
        assert w["active_from_week"] <= w["active_to_week"] < small.weeks
        assert w["gender"] in GENDERS and w["origin_group"] == origin_group(w["origin_country"])
        assert set(w["types"]) <= set(WORK_TYPES) and w["types"]
        assert w["age"] >= 18 and w["price_per_hour"] > 0


def test_rows_of_a_shared_ad_share_what_the_ad_states(small: Truth) -> None:
    by_key: dict[str, list[dict]] = {}
    for a in rows(small.ads):
        by_key.setdefault(a["ad_key"], []).append(a)
    shared = [group for group in by_key.values() if len(group) > 1]
    assert shared, "the market has ads shared by several workers"
    for group in by_key.values():
        first = group[0]
        assert first["n_workers"] == len(group)
        assert len({g["worker_id"] for g in group}) == len(group)
        for other in group[1:]:
            for column in (*CONTENT, "display_name", "phone_e164", "posted_week", "removed_week"):
                assert other[column] == first[column], column


def test_phones_are_hidden_on_site_c_and_e164_elsewhere(small: Truth) -> None:
    e164 = re.compile(r"^\+(316[1-5]\d{7}|32\d{9}|49\d{11}|40\d{9}|48\d{9}|57\d{10})$")
    styles = Counter()
    for a in rows(small.ads):
        if a["site"] == "c":
            assert a["phone_e164"] is None and a["phone_style"] == "hidden"
        else:
            assert a["phone_e164"] and e164.match(a["phone_e164"]), a["phone_e164"]
            assert a["phone_style"] != "hidden"
        styles[a["phone_style"]] += 1
    assert {"plain", "international", "hidden"} <= set(styles)


def test_phones_are_valid_mobile_numbers(small: Truth) -> None:
    import phonenumbers

    phones = {a["phone_e164"] for a in rows(small.ads) if a["phone_e164"]}
    for phone in phones:
        number = phonenumbers.parse(phone)
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE, phone


def test_what_the_ads_state_is_in_the_vocabularies(small: Truth, reference) -> None:  # type: ignore[no-untyped-def]
    codes = reference.by_code
    for a in rows(small.ads):
        assert a["ad_gender"] in GENDERS
        assert set(a["ad_types"]) <= set(WORK_TYPES)
        assert a["language"] in ("nl", "en", "mixed", "es", "pl", "ro")
        assert a["licence_term"] in (None, "club", "privéhuis", "bureau", "KvK")
        assert set(a["indicators"]) <= {
            "age_under_21",
            "available_24_7",
            "unsafe_sex",
            "third_party",
            "new_in_town",
            "several_workers",
        }
        assert ("age_under_21" in a["indicators"]) == (a["stated_age"] is not None and a["stated_age"] < 21)
        assert ("several_workers" in a["indicators"]) == (a["n_workers"] > 1)
        if a["stated_origin_country"] is not None:
            assert origin_group(a["stated_origin_country"]) in ORIGIN_GROUPS
        if a["municipality_code"] is None:
            assert a["place_name"] is None
        else:
            assert a["municipality_code"] in codes and a["place_name"]
        if a["price_per_hour"] is None:
            assert a["price_unit"] is None and a["price_amount"] is None
        else:
            assert a["price_amount"] / UNIT_HOURS[a["price_unit"]] == pytest.approx(a["price_per_hour"])
        if a["site"] == "c":
            assert a["language"] == "en" and "escort" in (a["ad_types"] or ["escort"])


def test_reposts_and_crossposts_point_to_real_ads(small: Truth) -> None:
    ads = {a["ad_key"]: a for a in rows(small.ads)}
    crossposts = reposts = 0
    for a in ads.values():
        if a["crosspost_of"]:
            crossposts += 1
            parent = ads[a["crosspost_of"]]
            assert a["site"] == "b" and parent["site"] == "a"
            for column in ("phone_e164", "municipality_code", "display_name", "posted_week", "removed_week"):
                assert a[column] == parent[column], column
        if a["repost_of"]:
            reposts += 1
            old = ads[a["repost_of"]]
            assert old["site"] == a["site"] and old["removed_week"] == a["posted_week"]
            assert old["worker_id"] == a["worker_id"]
    assert crossposts and reposts


def test_den_haag_is_mostly_called_den_haag(year: Truth) -> None:
    names = Counter(
        a["place_name"]
        for a in rows(year.ads.select(["municipality_code", "place_name"]))
        if a["municipality_code"] == "GM0518"
    )
    assert names.most_common(1)[0][0] == "Den Haag"
    assert names["Den Haag"] / sum(names.values()) > 0.7


def test_the_market_has_what_the_baseline_names(year: Truth) -> None:
    ads = rows(year.ads.select(["ad_key", "posted_week", "removed_week", "n_workers"]))
    listed = set(
        pc.binary_join_element_wise(year.listings["site"], year.listings["site_ad_id"], ":").to_pylist()
    )
    # ads online for less than a week, between two measurements: in the truth, in no listing
    brief = {a["ad_key"] for a in ads if a["posted_week"] == a["removed_week"]}
    assert brief and not brief & listed
    workers = rows(year.workers.select(["worker_id", "advertiser_id", "active_to_week"]))
    assert any(w["advertiser_id"].startswith("i") for w in workers)  # intermediaries
    ended = {w["worker_id"]: w["active_to_week"] for w in workers}
    stale = [
        a
        for a in rows(year.ads.select(["worker_id", "removed_week"]))
        if a["removed_week"] > ended[a["worker_id"]] + 1
    ]
    assert stale  # ads that stay online after their worker stopped


def test_municipality_weights_cover_all_352_codes(reference) -> None:  # type: ignore[no-untyped-def]
    codes, share = municipality_weights(reference)
    assert len(codes) == 352 and abs(share.sum() - 1) < 1e-9 and (share > 0).all()
    assert share[codes.index("GM0363")] == pytest.approx(0.204, abs=0.002)


# -------------------------------------------------------------------------------------------- calibration


def test_a_simulated_year_meets_every_baseline_target(year: Truth, reference) -> None:  # type: ignore[no-untyped-def]
    results = check(year, reference)
    missed = failures(results)
    assert not missed, "\n".join(f"{r.name}: {r.simulated} vs {r.target} ({r.tolerance})" for r in missed)
    assert all(r.ok is True for r in results)
    assert len(results) > 60


def test_measure_counts_raw_and_unique_ads(small: Truth) -> None:
    m = measure(small)
    assert m.raw == small.listings.num_rows
    assert 0 < m.unique_ads <= len(set(small.ads["ad_key"].to_pylist()))
    assert m.active.shape == (small.weeks,) and (m.active <= m.raw).all()


def test_short_runs_mark_year_targets_not_applicable(small: Truth, reference) -> None:  # type: ignore[no-untyped-def]
    results = {r.name: r for r in check(small, reference)}
    assert results["unique ads (rule 2: code + name)"].ok is None
    assert results["one-off ads (seen once)"].ok is None


def test_check_exits_non_zero_on_a_miss(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zicht.simulate import calibration
    from zicht.simulate.calibration import CheckResult

    monkeypatch.setattr(
        calibration,
        "check",
        lambda truth, ref: [CheckResult("x", "1", "2", "±0", False), CheckResult("y", "1", "1", "±0", True)],
    )
    result = runner.invoke(
        app,
        [
            "simulate",
            "--weeks",
            "2",
            "--scale",
            "0.05",
            "--out",
            str(tmp_path / "s"),
            "--check",
            "--data-dir",
            str(data_dir),
        ],
    )
    assert result.exit_code == 1
    assert "1 of 2 targets missed: x" in result.output


def test_render_prints_a_table() -> None:
    from rich.console import Console

    from zicht.simulate.calibration import CheckResult

    console = Console(record=True, width=120)
    render([CheckResult("raw observations", "365,140", "355,000", "±4%", True)], console=console)
    text = console.export_text()
    assert "raw observations" in text and "365,140" in text and "1 of 1 targets met" in text
