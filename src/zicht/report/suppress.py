"""Small-cell suppression: the one function every published number goes through (HTML tables, charts, map,
XLSX).

A count below the threshold (Config.report.small_cell_threshold, default 10; zero included) is published as
"<10". A share, mean, sd or rate computed from such a count is hidden. Labels, populations (kind "value") and
figures quoted from the 2021 report are published as they are. See zicht.measure.columns for the kinds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pyarrow as pa

from zicht.measure.columns import Kind, column_kind, row_kinds

Value = int | float | str | None


@dataclass(frozen=True)
class Cell:
    """A published cell: `value` is what may be shown (None = empty), `hidden` marks suppression."""

    value: Value
    kind: Kind
    hidden: bool = False


@dataclass(frozen=True)
class Grid:
    """A table after suppression: what report.html, its charts and report.xlsx may show."""

    headers: tuple[str, ...]
    kinds: tuple[Kind, ...]
    rows: tuple[tuple[Cell, ...], ...]
    threshold: int

    def column(self, name: str) -> list[Cell]:
        index = self.headers.index(name)
        return [row[index] for row in self.rows]

    def numbers(self, name: str) -> list[float | None]:
        """A column's publishable numbers (None where empty or hidden), for charts."""
        return [
            c.value if isinstance(c.value, int | float) and not c.hidden else None for c in self.column(name)
        ]


def suppression_text(threshold: int) -> str:
    return f"<{threshold}"


def _clean(value: Any) -> Value:
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, int | float | str):
        return value
    if isinstance(value, Decimal):  # DuckDB sums: numbers, so the small-cell rule applies to them
        return int(value) if value == value.to_integral_value() else float(value)
    return str(value)  # dates and other scalars are published as text


def _is_small(value: Any, threshold: int) -> bool:
    return isinstance(value, int | float) and value < threshold


def publish(table: pa.Table, threshold: int) -> Grid:
    """Apply the small-cell rule to a table (see the module docstring) and return what may be published."""
    data = table.to_pydict()
    names = table.column_names
    kinds = {name: column_kind(table, name) for name in names}
    overrides = row_kinds(table)
    rows = []
    for r in range(table.num_rows):
        cells = []
        for name in names:
            kind, base = kinds[name]
            value = _clean(data[name][r])
            base_value: Any = None
            has_base = False
            if kind == "count" and r in overrides:
                kind, base_value, has_base = overrides[r].kind, data[name][overrides[r].base_row], True
            elif base is not None:
                base_value, has_base = data[base][r], True
            if kind == "count":
                if value is None:
                    cells.append(Cell(None, kind))
                elif _is_small(value, threshold):
                    cells.append(Cell(suppression_text(threshold), kind, hidden=True))
                else:
                    cells.append(Cell(int(round(float(value))), kind))
            elif value is None:
                cells.append(Cell(None, kind))
            elif has_base and (base_value is None or _is_small(base_value, threshold)):
                cells.append(Cell(None, kind, hidden=True))
            else:
                cells.append(Cell(value, kind))
        rows.append(tuple(cells))
    return Grid(tuple(names), tuple(kinds[n][0] for n in names), tuple(rows), threshold)
