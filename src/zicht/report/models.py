"""What other stages hand the report, and what it returns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa


@dataclass(frozen=True)
class ReportSection:
    """An extra section (e.g. the register cross-analysis or the entity-resolution estimate).

    Each table is (title, pyarrow table). Tag columns with zicht.measure.columns kinds (make_table) so the
    small-cell rule knows counts from shares; untagged integer columns are treated as counts, a column
    "<x> share" as a share of column "<x>", anything else as text.
    """

    title: str
    intro: str
    tables: Sequence[tuple[str, pa.Table]] = field(default_factory=list)


@dataclass(frozen=True)
class ReportPaths:
    html: Path
    xlsx: Path
