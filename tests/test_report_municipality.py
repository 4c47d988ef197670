"""`zicht report --municipality CODE`: one area's report, with the small-cell rule applied to the area."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import _register_stage_commands, app
from zicht.config import Config
from zicht.measure.testing import make_store
from zicht.refdata import ReferenceData
from zicht.report.area import neighbours, write_area_report

_register_stage_commands()

REGISTER = ("GM0034", "GM0106", "GM0150", "GM0228", "GM0363", "GM0518", "GM0599", "GM0809", "GM0855")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_store(tmp_path_factory.mktemp("area") / "z.duckdb", advertisers=300, moments=8, seed=5)


@pytest.fixture(scope="module")
def reports(store: Path, tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("area-out")
    return {code: write_area_report(store, out, code, Config(), data_dir).html for code in REGISTER}


def _count_cells(page: str) -> list[str]:
    return re.findall(r'<td class="num" data-kind="count"[^>]*>([^<]*)</td>', page)


def test_every_register_municipality_gets_its_report(reports: dict[str, Path]) -> None:
    for code, page in reports.items():
        assert page == page.parent.parent / code / "report.html"
        assert (page.parent / "report.xlsx").is_file()
        assert code in page.read_text(encoding="utf-8")


def test_no_count_under_the_threshold_is_published(reports: dict[str, Path]) -> None:
    for page in reports.values():
        cells = _count_cells(page.read_text(encoding="utf-8"))
        assert cells
        for text in cells:
            assert text == "&lt;10" or int(text.replace(",", "")) >= 10, (page, text)


def test_a_small_area_says_it_is_too_small_and_a_large_one_does_not(reports: dict[str, Path]) -> None:
    assert "Too few ads to publish much" in reports["GM0106"].read_text(encoding="utf-8")  # Assen: no ads
    assert "Too few ads to publish much" not in reports["GM0363"].read_text(encoding="utf-8")


def test_the_area_report_shows_its_local_rules_and_neighbours(reports: dict[str, Path]) -> None:
    page = reports["GM0363"].read_text(encoding="utf-8")
    assert "Rules as of" in page and "Amstelveen" in page and "2021 report" in page


def test_neighbours_share_a_boundary(reference: ReferenceData) -> None:
    near = {reference.by_code[c].common_name for c in neighbours(reference, "GM0363")}
    assert {"Amstelveen", "Diemen", "Zaanstad"} <= near and "Rotterdam" not in near


def test_an_unknown_municipality_is_one_line(store: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", "--store", str(store), "--out", str(tmp_path), "--municipality", "GM9999"]
    )
    assert result.exit_code == 2 and "GM9999" in result.output and "Traceback" not in result.output
