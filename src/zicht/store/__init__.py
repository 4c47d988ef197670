"""The analysis store: one DuckDB file with an explicit schema, pseudonyms only, Parquet export."""

from zicht.store.db import (
    OBSERVATION_COLUMNS,
    Moment,
    connect,
    export_parquet,
    observation_rows,
    replace_moment,
)

__all__ = ["OBSERVATION_COLUMNS", "Moment", "connect", "export_parquet", "observation_rows", "replace_moment"]
