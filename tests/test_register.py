from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from typer.testing import CliRunner

import zicht.register.commands  # noqa: F401  (registers the commands on the app)
from zicht.cli import app
from zicht.errors import InputError, RegisterError
from zicht.refdata import ReferenceData
from zicht.register import (
    BUSINESS_TYPES,
    Cell,
    compare,
    cross_analysis,
    cross_analysis_uniform,
    load_register,
    national_aggregates,
    verify_citations,
)
from zicht.register.loader import SHIPPED_DIR, Register, check_register, iter_sources
from zicht.register.schema import Cap, Source, TypeRule

EXPECTED = {
    "GM0363": "Amsterdam",
    "GM0106": "Assen",
    "GM0518": "Den Haag",
    "GM0150": "Deventer",
    "GM0228": "Ede",
    "GM0809": "Loon op Zand",
    "GM0599": "Rotterdam",
    "GM0855": "Tilburg",
    "GM0034": "Almere",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def register(reference: ReferenceData) -> Register:
    return load_register(None, reference)


@pytest.fixture(scope="module")
def seeds_dir(data_dir: Path) -> Path:
    seeds = data_dir.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip("source reports (../shared/seeds) not available")
    return seeds


@pytest.fixture
def register_copy(tmp_path: Path) -> Path:
    target = tmp_path / "register"
    shutil.copytree(SHIPPED_DIR, target)
    return target


# --- the shipped data -------------------------------------------------------------------------------------


def test_shipped_register_has_the_nine_municipalities(register: Register, reference: ReferenceData) -> None:
    assert {code: m.name for code, m in register.municipalities.items()} == EXPECTED
    for code in EXPECTED:
        assert code in reference.by_code
    assert register.uniform is not None and register.survey is not None


def test_every_citation_line_exists_and_quotes_match(register: Register, seeds_dir: Path) -> None:
    assert verify_citations(register, seeds_dir) == []


def test_every_fact_cites_a_report_and_line(register: Register) -> None:
    cited = 0
    for m in register.municipalities.values():
        for business_type, rule in m.types.items():
            assert business_type in BUSINESS_TYPES
            if rule.status is not None:
                assert rule.source is not None, (m.name, business_type)
            if rule.inferred:
                assert rule.note, (m.name, business_type)
        cited += sum(1 for _ in iter_sources(m))
    assert cited > 100


def test_facts_the_reports_state(register: Register) -> None:
    rotterdam = register.get("GM0599")
    home = rotterdam.rule("home")
    assert home.status == "allowed"
    assert home.conditions is not None and home.conditions.max_ads_per_13_months == 1
    assert home.conditions.registered_at_address is True and home.conditions.alone_only is True
    assert register.get("GM0518").minimum_age is not None and register.get("GM0518").minimum_age.value == 21
    assert [c.value for c in register.get("GM0518").caps] == [85]
    assert sum(lic.count for lic in register.get("GM0518").licences) == 65
    assert [c.value for c in register.get("GM0106").caps] == [2]
    assert register.get("GM0809").rule("home").conditions.advertising_allowed is False  # type: ignore[union-attr]
    assert register.get("GM0855").rule("home").status == "tolerated"
    # unknown stays unknown
    assert register.get("GM0363").minimum_age is None
    assert register.get("GM0855").status("street") is None


def test_find_by_name_or_code(register: Register) -> None:
    assert register.find("den haag").code == "GM0518"
    assert register.find("gm0599").name == "Rotterdam"
    with pytest.raises(RegisterError, match="no register entry"):
        register.find("Utrecht")


# --- national aggregates ----------------------------------------------------------------------------------


def test_aggregates_reproduce_168_and_373(register: Register) -> None:
    assert register.survey is not None
    agg = national_aggregates(register.survey)
    assert agg.licences_total == 168
    assert agg.extrapolated == 373
    assert (agg.respondents, agg.municipalities_total) == (157, 352)
    assert agg.extrapolated_exact == pytest.approx(168 / (157 / 352))
    assert any("379" in issue for issue in agg.inconsistencies)
    assert any("4.18-warnings" in issue and "11" in issue for issue in agg.inconsistencies)


def test_aggregates_are_computed_from_the_rows(register: Register) -> None:
    assert register.survey is not None
    table = register.survey.table("2.1")
    rows = [
        row.model_copy(update={"value": row.value + 10}) if row.key == "street" else row for row in table.rows
    ]
    tables = [t.model_copy(update={"rows": rows}) if t.id == "2.1" else t for t in register.survey.tables]
    agg = national_aggregates(register.survey.model_copy(update={"tables": tables}))
    assert agg.licences_total == 178
    assert agg.extrapolated == round(178 / 0.45)
    assert any("table 2.1" in issue for issue in agg.inconsistencies)  # rows no longer match the printed 168


# --- check: bad files fail with file, key and reason ------------------------------------------------------


def test_check_passes_on_shipped_register() -> None:
    result = runner.invoke(app, ["register", "check"])
    assert result.exit_code == 0, result.output
    assert "register ok" in result.output


@pytest.mark.parametrize(
    ("old", "new", "key", "reason"),
    [
        (
            'status = "banned"\nsource = {report = "003_62630a77e03e4c3f.txt", line = 4517',
            'status = "forbidden"\nsource = {report = "003_62630a77e03e4c3f.txt", line = 4517',
            "types.street.status",
            "banned",
        ),
        (
            'source = {report = "003_62630a77e03e4c3f.txt", line = 4517, '
            'quote = "illegaal sekswerk zijn straatsekswerk"}\n',
            "",
            "types.street",
            "needs a source",
        ),
        (
            'line = 4511, quote = "(vergunningsplichtig) escortbureau"',
            "line = 4511",
            "types.escort_business.source",
            None,
        ),
    ],
)
def test_check_reports_file_key_and_reason(
    register_copy: Path, old: str, new: str, key: str, reason: str | None
) -> None:
    path = register_copy / "GM0363-amsterdam.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["register", "check", "--dir", str(register_copy)])
    if reason is None:  # dropping a quote is allowed: the line alone still cites the fact
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.startswith("GM0363-amsterdam.toml: ")]
    assert any(f": {key}" in line and reason in line for line in lines), result.output


def test_check_reports_a_wrong_quote_and_a_missing_line(register_copy: Path, seeds_dir: Path) -> None:
    path = register_copy / "GM0106-assen.toml"
    text = path.read_text(encoding="utf-8")
    text = text.replace('quote = "Raamsekswerk en"', 'quote = "Raamsekswerk is toegestaan"')
    text = text.replace("line = 4683,", "line = 999999,")
    path.write_text(text, encoding="utf-8")
    problems = verify_citations(load_register(register_copy), seeds_dir)
    reasons = {p.key: p.reason for p in problems}
    assert all(p.file == "GM0106-assen.toml" for p in problems)
    assert "not on" in reasons["types.window.source"]
    assert "past the end" in reasons["types.street.source"]


def test_check_rejects_unknown_code_and_report(register_copy: Path, reference: ReferenceData) -> None:
    path = register_copy / "GM0228-ede.toml"
    text = path.read_text(encoding="utf-8").replace('code = "GM0228"', 'code = "GM9999"')
    path.write_text(text.replace("003_62630a77e03e4c3f.txt", "999_unknown.txt", 1), encoding="utf-8")
    problems = check_register(register_copy, reference)
    keys = {(p.file, p.key.split(".")[0]) for p in problems}
    assert ("GM0228-ede.toml", "caps") in keys  # the unknown report
    assert not any(p.key == "code" for p in problems)  # schema errors come first; code checked when valid
    path.write_text(text, encoding="utf-8")
    assert [(p.file, p.key) for p in check_register(register_copy, reference)] == [
        ("GM0228-ede.toml", "code")
    ]


def test_load_register_raises_register_error(register_copy: Path) -> None:
    (register_copy / "broken.toml").write_text('kind = "municipality"\ncode = 1\n', encoding="utf-8")
    with pytest.raises(RegisterError, match="broken.toml"):
        load_register(register_copy)


def test_schema_rules() -> None:
    source = Source(report="003_62630a77e03e4c3f.txt", line=1)
    with pytest.raises(ValidationError, match="either value"):
        Cap(types=["window"], source=source)
    with pytest.raises(ValidationError, match="note"):
        TypeRule(status="banned", source=source, inferred=True)
    with pytest.raises(ValidationError, match="unknown report"):
        Source(report="x.txt", line=3)
    assert TypeRule().status is None  # unknown is allowed


# --- show / compare ---------------------------------------------------------------------------------------


def test_show_overview_detail_and_national() -> None:
    result = runner.invoke(app, ["register", "show"])
    assert result.exit_code == 0 and "Loon op Zand" in result.output
    result = runner.invoke(app, ["register", "show", "GM0599"])
    assert result.exit_code == 0 and "Rotterdam (GM0599)" in result.output and "since 2005" in result.output
    result = runner.invoke(app, ["register", "show", "--national"])
    assert result.exit_code == 0 and "373" in result.output and "379" in result.output
    result = runner.invoke(app, ["register", "show", "GM0344"])
    assert result.exit_code == 2 and "no register entry" in result.output


def test_compare_uniform(register: Register) -> None:
    assert register.uniform is not None
    changes = compare(register, register.uniform)
    by_key = {(c.municipality_code, c.item): (c.before, c.after) for c in changes}
    assert by_key[("GM0599", "home")] == ("allowed", "licence_required")
    assert by_key[("GM0363", "minimum_age")] == ("unknown", "21")
    assert ("GM0518", "minimum_age") not in by_key  # already 21
    assert ("GM0599", "street") not in by_key  # a local ban stays under this model
    result = runner.invoke(app, ["register", "compare", "--uniform", str(SHIPPED_DIR / "wrs-uniform.toml")])
    assert result.exit_code == 0 and "licence_required" in result.output
    result = runner.invoke(app, ["register", "compare", "--uniform", "/nonexistent.toml"])
    assert result.exit_code == 2


# --- cross-analysis ---------------------------------------------------------------------------------------


def _ads(rows: list[tuple[str | None, list[str]]]) -> pa.Table:
    return pa.table(
        {"municipality_code": [r[0] for r in rows], "types": [r[1] for r in rows]},
        schema=pa.schema([("municipality_code", pa.string()), ("types", pa.list_(pa.string()))]),
    )


@pytest.fixture
def ads() -> pa.Table:
    rows: list[tuple[str | None, list[str]]] = []
    rows += [("GM0363", ["home"])] * 15 + [("GM0363", ["home", "escort"])] * 5 + [("GM0363", ["massage"])] * 5
    rows += [("GM0599", ["home"])] * 12 + [("GM0599", ["escort"])] * 3
    rows += [("GM0855", ["home", "massage"])] * 11
    rows += [(None, ["home"])] * 40 + [("GM0014", ["home"])] * 30  # no municipality / not in the register
    return _ads(rows)


def test_cross_analysis_counts_statuses_and_rates(ads: pa.Table, register: Register) -> None:
    population = {"GM0363": 873_338, "GM0599": 651_631, "GM0855": 221_947}
    rows = {r.municipality_code: r for r in cross_analysis(ads, register, population)}
    assert set(rows) == set(EXPECTED)
    ams = rows["GM0363"]
    assert (ams.ads.value, ams.home.value, ams.escort.value, ams.massage.value) == (25, 20, None, None)
    assert ams.escort.suppressed and ams.escort.render() == "<10"
    assert ams.ads_per_100k == round(25 / 873_338 * 100_000, 1)
    assert ams.home_status == "allowed" and ams.erotic_massage_status == "banned"
    assert ams.home_ads_commercial_restricted == Cell(20, False, 10)
    assert ams.home_ads_advertising_not_allowed == Cell(20, False, 10)  # advertising makes it business-like
    rot = rows["GM0599"]
    assert rot.home_ads_commercial_restricted is not None and rot.home_ads_commercial_restricted.value == 12
    assert rot.home_ads_advertising_not_allowed == Cell(0, False, 10)  # one ad per 13 months is allowed
    til = rows["GM0855"]
    assert til.home_ads_commercial_restricted is None  # the sources do not say
    assert til.home_ads_advertising_not_allowed == Cell(0, False, 10)
    assert til.as_dict()["home_ads_where_commercial_home_work_restricted"] == "unknown"
    assen = rows["GM0106"]
    assert assen.ads == Cell(0, False, 10) and assen.ads_per_100k is None  # no population given
    assert rows["GM0518"].home_ads_advertising_not_allowed == Cell(0, False, 10)


def test_cross_analysis_uniform(ads: pa.Table, register: Register) -> None:
    rows = {r.municipality_code: r for r in cross_analysis_uniform(ads, register, {})}
    til = rows["GM0855"]
    assert til.rules == "uniform" and til.home_status == "licence_required"
    assert til.home_ads_commercial_restricted == Cell(11, False, 10)
    assert til.home_ads_advertising_not_allowed == Cell(11, False, 10)
    assert rows["GM0363"].erotic_massage_status == "banned"  # the local ban stays


def test_cross_analysis_rejects_bad_input(register: Register) -> None:
    with pytest.raises(InputError, match="municipality_code"):
        cross_analysis(pa.table({"types": [["home"]]}), register, {})
    with pytest.raises(InputError, match="unknown ad type"):
        cross_analysis(_ads([("GM0363", ["window"])]), register, {})


@given(st.lists(st.sampled_from(["GM0363", "GM0599", None]), max_size=60), st.integers(1, 15))
def test_no_small_count_is_ever_shown(codes: list[str | None], threshold: int) -> None:
    register = load_register()
    rows = cross_analysis(_ads([(c, ["home"]) for c in codes]), register, {"GM0363": 1000}, threshold)
    for row in rows:
        for value in row.as_dict().values():
            if isinstance(value, str) and value.isdigit():
                assert int(value) == 0 or int(value) >= threshold
        if row.ads.suppressed:
            assert row.ads_per_100k is None
