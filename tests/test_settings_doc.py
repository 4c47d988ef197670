"""docs/settings.md lists every setting of the Config, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

from zicht.config import Config

DOC = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text(encoding="utf-8")


def _keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    keys = []
    for name, field in model.model_fields.items():
        if isinstance(field.default, BaseModel):
            keys += _keys(type(field.default), f"{prefix}{name}.")
        else:
            keys.append(prefix + name)
    return keys


def test_every_setting_has_its_row_and_every_row_a_setting() -> None:
    documented = re.findall(r"^\| `([a-z_.]+)` \|", DOC, re.M)
    assert sorted(documented) == sorted(_keys(Config))


def test_documented_defaults_of_the_sections_are_the_code_s() -> None:
    defaults = Config()
    for key, text in re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \| ([^|]+) \|", DOC, re.M):
        section, name = key.split(".")
        value = getattr(getattr(defaults, section), name)
        if isinstance(value, bool):
            assert text.strip() == str(value).lower(), key
        elif isinstance(value, int | float):
            assert float(text.strip()) == value, key
