from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from zicht.cli import app, main  # noqa: F401
from zicht.config import load_config
from zicht.errors import ConfigError
from zicht.refdata import fold
from zicht.vocab import age_bin, origin_group, price_bin


@pytest.mark.parametrize(
    ("country", "group"),
    [
        ("NL", "NL"),
        ("ro", "europe_east"),
        ("XK", "europe_east"),
        ("DE", "europe_other"),
        ("CO", "south_america"),
        ("DO", "south_america"),
        ("TH", "other"),
        (None, None),
    ],
)
def test_origin_group(country: str | None, group: str | None) -> None:
    assert origin_group(country) == group


@pytest.mark.parametrize(
    ("age", "label"), [(18, "<30"), (30, "<30"), (31, "31-40"), (70, "61-70"), (71, ">70")]
)
def test_age_bin(age: int, label: str) -> None:
    assert age_bin(age) == label


@pytest.mark.parametrize(
    ("price", "label"), [(49.5, "<50"), (50, "50-100"), (100, "50-100"), (100.5, "101-150"), (301, ">300")]
)
def test_price_bin(price: float, label: str) -> None:
    assert price_bin(price) == label


def test_unknown_config_key_is_named(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text("seed = 2\nscael = 1.0\n[report]\nsmall_cell = 5\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "scael: unknown key" in caught.value.message
    assert "report.small_cell: unknown key" in caught.value.message


def test_bad_config_value_is_named() -> None:
    with pytest.raises(ConfigError, match="fault_rate"):
        load_config(None, fault_rate=3)


def test_reference_data_has_2021_municipalities(reference) -> None:  # type: ignore[no-untyped-def]
    assert len(reference.municipalities) == 352
    assert sum(m.population for m in reference.municipalities) == 17_475_415
    assert reference.by_code["GM0518"].common_name == "Den Haag"


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("'s-Gravenhage") == fold("S GRAVENHAGE")
    assert fold("Privé") == "prive"


def test_cli_help_runs() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0


def test_library_api_is_exported_from_the_package() -> None:
    import zicht

    for name in zicht.__all__:
        assert callable(getattr(zicht, name)), name
