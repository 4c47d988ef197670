"""`zicht data fetch`: fill the reference data cache from the publishers, for users who are online.

- Municipalities, provinces and populations on 1 January 2021: CBS StatLine "Gebieden in Nederland 2021"
  (84929NED: Code_1 = municipality code, Naam_2 = name, Naam_29 = province, Inwonertal_52 = inhabitants).
- Places (woonplaatsen): CBS StatLine "Woonplaatsen in Nederland 2021" (84992NED: Woonplaatsen = name,
  Code_1 = woonplaats code, Code_3 = municipality code).
- Boundaries: PDOK "CBS gebiedsindelingen" 2021, layer gemeente_gegeneraliseerd, as GeoJSON in WGS84.
CBS data is CC BY 4.0 ("Centraal Bureau voor de Statistiek"); boundaries "Kadaster / CBS".
The downloads are injected as functions so tests replay recorded responses and never touch the network.
"""

from __future__ import annotations

import csv
import json
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zicht.errors import ZichtError
from zicht.refdata import BOUNDARIES_FILE, MUNICIPALITIES_FILE, PLACES_FILE

AREAS_TABLE = "84929NED"
PLACES_TABLE = "84992NED"
COMMON_NAMES = {"GM0518": "Den Haag", "GM0796": "Den Bosch"}
PDOK_URL = (
    "https://service.pdok.nl/cbs/gebiedsindelingen/2021/wfs/v1_0?request=GetFeature&service=WFS&version=2.0.0"
    "&typeName=gemeente_gegeneraliseerd&outputFormat=json&srsName=EPSG:4326"
)

TableGetter = Callable[[str], list[dict[str, Any]]]
UrlGetter = Callable[[str], bytes]


def _cbs_table(table: str) -> list[dict[str, Any]]:
    import cbsodata

    return list(cbsodata.get_data(table))


def _http_get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (fixed https URL)
        return bytes(response.read())


def _municipality_rows(areas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for area in areas:
        code = str(area["Code_1"]).strip()
        if not code.startswith("GM"):
            continue
        name = str(area["Naam_2"]).strip()
        rows.append(
            {
                "code": code,
                "name": name,
                "common_name": COMMON_NAMES.get(code, ""),
                "province": str(area["Naam_29"]).strip(),
                "population_2021": int(area["Inwonertal_52"]),
            }
        )
    return sorted(rows, key=lambda row: row["code"])


def _place_rows(places: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    rows = [
        {
            "woonplaats": str(p["Woonplaatsen"]).strip(),
            "woonplaats_code": str(p["Code_1"]).strip(),
            "gemeente_code": str(p["Code_3"]).strip(),
            "gemeente_name": names.get(str(p["Code_3"]).strip(), ""),
            "note": "",
        }
        for p in places
    ]
    return sorted(rows, key=lambda row: (row["woonplaats"], row["woonplaats_code"]))


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    partial.replace(path)


def fetch_reference(
    target: Path, get_table: TableGetter = _cbs_table, get_url: UrlGetter = _http_get
) -> Path:
    """Download the three reference files into `target` (written atomically, one file at a time)."""
    try:
        municipalities = _municipality_rows(get_table(AREAS_TABLE))
        places = _place_rows(get_table(PLACES_TABLE), {m["code"]: m["name"] for m in municipalities})
        boundaries = json.loads(get_url(PDOK_URL))
    except (OSError, KeyError, ValueError) as error:
        raise ZichtError(
            f"could not fetch reference data: {error}",
            "check your connection, or copy the files and pass --data-dir",
        ) from None
    if not municipalities:
        raise ZichtError(f"CBS table {AREAS_TABLE} returned no municipalities")
    target.mkdir(parents=True, exist_ok=True)
    _write_csv(target / PLACES_FILE, places)
    (target / (BOUNDARIES_FILE + ".partial")).write_text(json.dumps(boundaries), encoding="utf-8")
    (target / (BOUNDARIES_FILE + ".partial")).replace(target / BOUNDARIES_FILE)
    _write_csv(target / MUNICIPALITIES_FILE, municipalities)  # last: its presence marks a complete folder
    return target
