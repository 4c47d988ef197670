"""CLI: `zicht extract --jsonl IN --out OUT` and `zicht eval extract --gold FILE --json`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import DataDirOption, app, console, data_dir, eval_app, handles_errors


@app.command("extract")
@handles_errors
def extract_command(
    jsonl: Annotated[Path, typer.Option("--jsonl", help="Input: one ad per line {id, text, fields}.")],
    out: Annotated[Path, typer.Option("--out", help="Output JSONL: one canonical record per ad.")],
    no_language: Annotated[bool, typer.Option("--no-language", help="Skip language detection.")] = False,
    data_dir_option: DataDirOption = None,
) -> None:
    """Extract the canonical variables, licence terms and indicators from ads (JSONL in, JSONL out)."""
    from zicht.extract import PlaceIndex, extract_file
    from zicht.outpaths import check_output_file

    check_output_file(out)
    places = PlaceIndex.from_data_dir(data_dir(data_dir_option))
    count = extract_file(jsonl, out, places, detect=not no_language)
    console.print(f"{count} ads extracted to {out}")


@eval_app.command("extract")
@handles_errors
def eval_extract_command(
    gold: Annotated[
        Path, typer.Option("--gold", help="Labelled JSONL: extract input plus an expect object.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    show_errors: Annotated[bool, typer.Option("--errors", help="Also list the ids of wrong lines.")] = False,
    data_dir_option: DataDirOption = None,
) -> None:
    """Per-field accuracy of extraction on a labelled set (nulls included)."""
    from zicht.extract import PlaceIndex, evaluate

    result = evaluate(gold, PlaceIndex.from_data_dir(data_dir(data_dir_option)))
    if not show_errors:
        result.pop("errors")
    if as_json:
        print(json.dumps(result, indent=2))  # noqa: T201
    else:
        for field, share in result["accuracy"].items():
            console.print(f"{field:18} {share:7.2%}")
        console.print(f"n = {result['n']}")
