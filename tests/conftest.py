from __future__ import annotations

from pathlib import Path

import pytest

from zicht.refdata import ReferenceData, load_reference, shipped_data_dir

REPO = Path(__file__).resolve().parents[1]
TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return shipped_data_dir()  # the copy inside the package: tests never need anything beside the checkout


@pytest.fixture(scope="session")
def reference(data_dir: Path) -> ReferenceData:
    return load_reference(data_dir)
