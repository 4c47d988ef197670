"""`zicht data fetch` against recorded responses: never the network."""

from __future__ import annotations

import json
from pathlib import Path

from zicht.fetch import AREAS_TABLE, PLACES_TABLE, fetch_reference
from zicht.refdata import load_reference, resolve_data_dir

# Recorded shape of the CBS OData rows (a few columns of 84929NED and 84992NED) and a PDOK feature collection.
AREAS = [
    {
        "ID": 0,
        "Code_1": "GM0363    ",
        "Naam_2": "Amsterdam                ",
        "Naam_29": "Noord-Holland   ",
        "Inwonertal_52": 873338,
    },
    {
        "ID": 1,
        "Code_1": "GM0518    ",
        "Naam_2": "'s-Gravenhage            ",
        "Naam_29": "Zuid-Holland    ",
        "Inwonertal_52": 548320,
    },
]
PLACES = [
    {"ID": 0, "Woonplaatsen": "Amsterdam", "Code_1": "WP3594", "Code_3": "GM0363"},
    {"ID": 1, "Woonplaatsen": "'s-Gravenhage", "Code_1": "WP1245", "Code_3": "GM0518"},
]
BOUNDARIES = {"type": "FeatureCollection", "features": []}


def test_fetch_writes_a_usable_data_dir(tmp_path: Path) -> None:
    tables = {AREAS_TABLE: AREAS, PLACES_TABLE: PLACES}
    folder = fetch_reference(
        tmp_path / "cache", get_table=tables.__getitem__, get_url=lambda url: json.dumps(BOUNDARIES).encode()
    )
    assert resolve_data_dir(folder) == folder
    reference = load_reference(folder)
    assert [m.code for m in reference.municipalities] == ["GM0363", "GM0518"]
    assert reference.by_code["GM0518"].common_name == "Den Haag"
    assert reference.by_code["GM0363"].population == 873338
    assert {p.municipality_code for p in reference.places} == {"GM0363", "GM0518"}
    assert not list(folder.glob("*.partial"))
