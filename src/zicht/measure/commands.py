"""CLI: `zicht compare`: two periods of one store, or of two stores, measure by measure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, DataDirOption, app, console, data_dir, handles_errors


@app.command("compare")
@handles_errors
def compare(
    store: Annotated[Path, typer.Option("--store", help="The store (of both periods, or of the first).")],
    before: Annotated[str, typer.Option("--before", help="START:END dates (inclusive) of the first period.")],
    after: Annotated[str, typer.Option("--after", help="START:END dates of the second period.")],
    store_after: Annotated[
        Path | None, typer.Option("--store-after", help="A second store holding the second period.")
    ] = None,
    municipality: Annotated[
        list[str], typer.Option("--municipality", help="CBS code (repeatable; default: all).")
    ] = [],  # noqa: B006
    as_json: Annotated[bool, typer.Option("--json", help="Print the measures as JSON.")] = False,
    out: Annotated[
        Path | None, typer.Option("--out", help="Write compare.html and compare.xlsx here.")
    ] = None,
    replicates: Annotated[int, typer.Option("--replicates", min=50, help="Bootstrap replicates.")] = 500,
    config_file: ConfigOption = None,
    data_dir_option: DataDirOption = None,
) -> None:
    """Before against after: each measure's difference with a 95% interval, flagged when it excludes 0."""
    from zicht.config import load_config
    from zicht.errors import InputError
    from zicht.measure.compare import Period, compare_stores
    from zicht.refdata import load_reference

    config = load_config(config_file)
    reference = load_reference(data_dir(data_dir_option))
    unknown = sorted(set(municipality) - set(reference.by_code))
    if unknown:
        raise InputError(f"--municipality {', '.join(unknown)}: not a CBS 2021 municipality code")
    for path in (store, store_after):
        if path is not None and not path.is_file():
            raise InputError(f"store not found: {path}")
    if out is not None and out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file, not a folder")
    first, second = Period.parse(before, "--before"), Period.parse(after, "--after")
    threshold = config.report.small_cell_threshold
    rows = compare_stores(
        store, store_after, first, second, municipality, threshold, replicates, seed=config.seed
    )
    if as_json:
        print(json.dumps({"measures": [row.as_json() for row in rows]}))  # noqa: T201
    if out is not None:
        from zicht.report.compare_files import write_compare

        names = {m.code: m.common_name for m in reference.municipalities}
        page, workbook = write_compare(
            out, rows, first.display(), second.display(), names, _register_rules(), threshold
        )
        console.print(f"comparison: {page}\nworkbook: {workbook}")
    if not as_json and out is None:
        flagged = [r for r in rows if r.flagged]
        console.print(f"{len(rows)} measures compared, {len(flagged)} changed (use --json or --out)")


def _register_rules() -> dict[str, str]:
    """One line per register municipality: the period its rules describe and each business type's status."""
    from zicht.register.loader import load_register

    register = load_register()
    lines = {}
    for code, entry in register.municipalities.items():
        statuses = ", ".join(f"{kind}: {rule.status}" for kind, rule in entry.types.items() if rule.status)
        lines[code] = f"rules as of {entry.as_of}" + (f" ({statuses})" if statuses else "")
    return lines
