"""Reference data (CBS 2021 municipalities, populations, place names, boundaries) read at run time.

The data directory is chosen as: an explicit path (--data-dir), else ZICHT_DATA_DIR (read by the CLI), else
the user cache that `zicht data fetch` fills (when it holds a complete set), else the copy shipped inside the
package (zicht/data, with its SOURCES.md), so a fresh installation works offline.
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


def shipped_data_dir() -> Path:
    """The reference data inside the package (copied from the publishers' files, see its SOURCES.md)."""
    return Path(__file__).resolve().parent / "data"


def _is_complete(folder: Path) -> bool:
    return all((folder / name).is_file() for name in (MUNICIPALITIES_FILE, PLACES_FILE, BOUNDARIES_FILE))


def resolve_data_dir(explicit: Path | None = None, env_value: str | None = None) -> Path:
    """Find the reference data directory or raise DataDirMissing with the one-line fix.

    A folder the user names (--data-dir, ZICHT_DATA_DIR) must hold the data: falling back silently would
    measure against other figures than the user asked for. Otherwise a complete fetched cache wins over the
    shipped copy, so `zicht data fetch` is how a user refreshes it."""
    named = Path(explicit) if explicit is not None else Path(env_value) if env_value else None
    if named is not None:
        if (named / MUNICIPALITIES_FILE).is_file():
            return named
        raise DataDirMissing(
            f"no reference data in {named} ({MUNICIPALITIES_FILE} not found)",
            "pass --data-dir / set ZICHT_DATA_DIR to a folder written by `zicht data fetch --to`, "
            "or leave both unset to use the data shipped with Zicht",
        )
    for candidate in (user_cache_dir(), shipped_data_dir()):
        if _is_complete(candidate):
            return candidate
    raise DataDirMissing(
        f"the reference data shipped with Zicht is missing from {shipped_data_dir()}",
        "reinstall Zicht, or run `zicht data fetch` (online)",
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
