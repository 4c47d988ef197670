"""The extract commands through the CLI, and the labelled set's shape (size, split, format)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app

LABELLED = Path(__file__).resolve().parent / "data" / "labelled"
runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def commands() -> None:
    _register_stage_commands()


def test_extract_writes_one_record_per_ad(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    ads = [
        {
            "id": "a1",
            "text": "Nieuw in Utrecht! Roemeense meid, 23 jaar. Uur €150. Bel 06 12 34 56 78",
            "fields": {},
        },
        {"id": "a2", "text": "", "fields": {"city": "Den Haag", "gender": "Vrouw"}},
    ]
    source.write_text("\n".join(json.dumps(a) for a in ads) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "--jsonl", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a1", "a2"]
    first = rows[0]
    assert (first["age"], first["origin_country"], first["price_per_hour"]) == (23, "RO", 150.0)
    assert (first["municipality_code"], first["phone"], first["indicators"]) == (
        "GM0344",
        "+31612345678",
        ["new_in_town"],
    )
    assert {"licence_terms", "indicators", "evidence", "language", "origin_group", "types"} <= set(first)
    assert rows[1]["municipality_code"] == "GM0518" and rows[1]["age"] is None


def test_extract_bad_input_exits_2_without_output(tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "ok", "text": "x"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "--jsonl", str(source), "--out", str(out)])
    assert result.exit_code == 2
    assert not out.exists() and list(tmp_path.iterdir()) == [source]
    missing = runner.invoke(app, ["extract", "--jsonl", str(tmp_path / "none.jsonl"), "--out", str(out)])
    assert missing.exit_code == 2


def test_eval_extract_prints_accuracy_json(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    expect = {"age": 23, "price_per_hour": 150.0, "phone": None, "types": [], "gender": "female"}
    gold.write_text(
        json.dumps({"id": "g", "text": "Meid, 23 jaar. Uur €150", "fields": {}, "expect": expect}) + "\n"
    )
    result = runner.invoke(app, ["eval", "extract", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    accuracy = json.loads(result.stdout)["accuracy"]
    assert accuracy == {"gender": 1.0, "types": 1.0, "age": 1.0, "price_per_hour": 1.0, "phone": 1.0}


def test_labelled_set_size_split_and_format() -> None:
    dev = [json.loads(line) for line in (LABELLED / "ads.jsonl").read_text(encoding="utf-8").splitlines()]
    held = [
        json.loads(line) for line in (LABELLED / "heldout.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(dev) + len(held) >= 400
    assert 0.2 <= len(held) / (len(dev) + len(held)) <= 0.3
    assert all(hashlib.sha1(ad["id"].encode()).hexdigest()[0] in "0123" for ad in held)
    assert not {ad["id"] for ad in dev} & {ad["id"] for ad in held}
    for ad in dev + held:
        assert set(ad) == {"id", "text", "fields", "expect"}
        assert {"gender", "types", "age", "price_per_hour", "municipality_code", "phone"} <= set(ad["expect"])
