"""Published tables: a pyarrow table whose columns say what kind of number they hold.

The kind decides how a cell is published (see zicht.report.suppress): counts below the small-cell threshold
are shown as "<10", and shares, means, standard deviations and rates derived from such a count are hidden.
Kinds travel as pyarrow field metadata, so any stage can hand the report a plain pyarrow table:

- label: text describing the row (never suppressed)
- count: a number of ads, advertisers or observations (suppressed below the threshold)
- share: a fraction 0..1 of the count named by `base` in the same row
- mean, sd, rate: a statistic of the observations counted by `base` in the same row
- value: a number that counts no ads (a population, a number of moments): published as is
- reference: a figure quoted from the 2021 report (text), published as is

Untagged columns: integer columns are counts, a column named "<x> share" is a share of column "<x>",
anything else is a label. Rows whose numbers are means or standard deviations of a column (the "mean" and
"sd" rows under a frequency table) are declared with `row_kinds`: that row's count cells become statistics
of the same column's count in `base_row`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import pyarrow as pa

Kind = Literal["label", "count", "share", "mean", "sd", "rate", "value", "reference"]
KINDS: tuple[Kind, ...] = ("label", "count", "share", "mean", "sd", "rate", "value", "reference")
DERIVED: frozenset[str] = frozenset({"share", "mean", "sd", "rate"})

KIND_KEY = b"zicht.kind"
BASE_KEY = b"zicht.base"
ROW_KINDS_KEY = b"zicht.row_kinds"

_TYPES: dict[str, pa.DataType] = {
    "label": pa.string(),
    "count": pa.int64(),
    "share": pa.float64(),
    "mean": pa.float64(),
    "sd": pa.float64(),
    "rate": pa.float64(),
    "value": pa.float64(),
    "reference": pa.string(),
}


@dataclass(frozen=True)
class Column:
    """One column of a published table: its header, kind, and for derived kinds the count it comes from."""

    name: str
    values: Sequence[Any]
    kind: Kind = "label"
    base: str | None = None
    type: pa.DataType | None = None


@dataclass(frozen=True)
class RowKind:
    """A row of statistics under a frequency table: kind 'mean' or 'sd' of the counts in row `base_row`."""

    kind: Literal["mean", "sd"]
    base_row: int


@dataclass(frozen=True)
class PublishedTable:
    """A table as it appears in report.html and as one sheet of report.xlsx."""

    key: str  # sheet name: at most 31 characters, no []:*?/\
    title: str
    table: pa.Table
    note: str = ""


def make_table(columns: Sequence[Column], row_kinds: dict[int, RowKind] | None = None) -> pa.Table:
    """Build a pyarrow table whose fields carry their kind (and base) as metadata."""
    names = [c.name for c in columns]
    fields, arrays = [], []
    for column in columns:
        if column.kind not in KINDS:
            raise ValueError(f"unknown kind {column.kind!r} for column {column.name!r}")
        if column.kind in DERIVED and column.base not in names:
            raise ValueError(f"column {column.name!r} ({column.kind}) needs a base column in the table")
        metadata = {KIND_KEY: column.kind.encode()}
        if column.base:
            metadata[BASE_KEY] = column.base.encode()
        data_type = column.type or _TYPES[column.kind]
        arrays.append(pa.array(list(column.values), type=data_type))
        fields.append(pa.field(column.name, data_type, metadata=metadata))
    schema_meta = None
    if row_kinds:
        encoded = {str(row): {"kind": rk.kind, "base_row": rk.base_row} for row, rk in row_kinds.items()}
        schema_meta = {ROW_KINDS_KEY: json.dumps(encoded).encode()}
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=schema_meta))


def column_kind(table: pa.Table, name: str) -> tuple[Kind, str | None]:
    """The kind and base of a column, inferred for untagged columns (see the module docstring)."""
    field = table.schema.field(name)
    meta = field.metadata or {}
    if KIND_KEY in meta:
        base = meta.get(BASE_KEY)
        return meta[KIND_KEY].decode(), base.decode() if base else None
    # DuckDB's sum() of integers arrives as decimal(38, 0): still a count, so still suppressed.
    if pa.types.is_integer(field.type) or (pa.types.is_decimal(field.type) and field.type.scale == 0):
        return "count", None
    for suffix in (" share", " %"):
        if name.endswith(suffix) and name[: -len(suffix)] in table.column_names:
            return "share", name[: -len(suffix)]
    return "label", None


def row_kinds(table: pa.Table) -> dict[int, RowKind]:
    """Rows declared as mean/sd rows, by row index."""
    raw = (table.schema.metadata or {}).get(ROW_KINDS_KEY)
    if not raw:
        return {}
    return {int(row): RowKind(v["kind"], int(v["base_row"])) for row, v in json.loads(raw).items()}
