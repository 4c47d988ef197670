"""Reference data (CBS 2021 municipalities, populations, place names, boundaries) read at run time.

The data directory is chosen as: an explicit path (--data-dir), else ZICHT_DATA_DIR (read by the CLI), else
../shared/data beside the checkout (dev and CI), else the user cache that `zicht data fetch` fills.
Figures from these files are CBS open data (CC BY 4.0); boundaries are Kadaster / CBS.
"""

from __future__ import annotations

import csv
import json
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from zicht.errors import DataDirMissing

MUNICIPALITIES_FILE = "gemeenten-2021.csv"
PLACES_FILE = "woonplaatsen-2021.csv"
BOUNDARIES_FILE = "gemeenten-2021.geojson"
ATTRIBUTION = "Population: Centraal Bureau voor de Statistiek (CBS), CC BY 4.0. Boundaries: Kadaster / CBS."


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS code of 2021, e.g. GM0363
    name: str  # official CBS name, e.g. 's-Gravenhage
    common_name: str  # everyday name where it differs (Den Haag), else the official name
    province: str
    population: int


@dataclass(frozen=True)
class Place:
    name: str  # BAG woonplaats name
    municipality_code: str


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "zicht" / "data"


def _candidates(explicit: Path | None, env_value: str | None) -> list[Path]:
    if explicit is not None:
        return [Path(explicit)]
    if env_value:
        return [Path(env_value)]
    checkout = Path(__file__).resolve().parents[3]  # src/zicht/refdata.py -> repository's parent
    return [checkout / "shared" / "data", Path.cwd().parent / "shared" / "data", user_cache_dir()]


def resolve_data_dir(explicit: Path | None = None, env_value: str | None = None) -> Path:
    """Find the reference data directory or raise DataDirMissing with the one-line fix."""
    for candidate in _candidates(explicit, env_value):
        if (candidate / MUNICIPALITIES_FILE).is_file():
            return candidate
    tried = explicit or env_value or user_cache_dir()
    raise DataDirMissing(
        f"no reference data in {tried}",
        "run `zicht data fetch` (online) or pass --data-dir / set ZICHT_DATA_DIR to a folder with "
        f"{MUNICIPALITIES_FILE}",
    )


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for place names ('s-Gravenhage == s gravenhage)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


@dataclass(frozen=True)
class ReferenceData:
    directory: Path
    municipalities: tuple[Municipality, ...]
    places: tuple[Place, ...]

    @property
    def by_code(self) -> dict[str, Municipality]:
        return {m.code: m for m in self.municipalities}

    def boundaries(self) -> dict:
        return json.loads((self.directory / BOUNDARIES_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def load_reference(directory: Path) -> ReferenceData:
    with open(directory / MUNICIPALITIES_FILE, encoding="utf-8", newline="") as handle:
        municipalities = tuple(
            Municipality(
                code=row["code"],
                name=row["name"],
                common_name=row["common_name"] or row["name"],
                province=row["province"],
                population=int(row["population_2021"]),
            )
            for row in csv.DictReader(handle)
        )
    places: tuple[Place, ...] = ()
    if (directory / PLACES_FILE).is_file():
        with open(directory / PLACES_FILE, encoding="utf-8", newline="") as handle:
            places = tuple(Place(row["woonplaats"], row["gemeente_code"]) for row in csv.DictReader(handle))
    return ReferenceData(Path(directory), municipalities, places)
