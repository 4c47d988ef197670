"""`zicht register show|check|compare`: thin commands over zicht.register."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import DataDirOption, data_dir, handles_errors, register_app
from zicht.errors import RegisterError

DirOption = Annotated[
    Path | None, typer.Option("--dir", help="Register folder (default: the files shipped).")
]


def _stdout():  # noqa: ANN202
    from rich.console import Console

    return Console(width=200) if not sys.stdout.isatty() else Console()


@register_app.command("check")
@handles_errors
def check(
    directory: DirOption = None,
    seeds: Annotated[
        Path | None,
        typer.Option(
            help="Source reports folder for citation checks "
            "(default: seeds/ beside the reference data, if present)."
        ),
    ] = None,
    data_dir_option: DataDirOption = None,
) -> None:
    """Validate every register file: schema, statuses, sources, CBS codes and cited lines."""
    from zicht.refdata import load_reference
    from zicht.register.loader import check_register, load_register, verify_citations

    reference_dir = data_dir(data_dir_option)
    reference = load_reference(reference_dir)
    problems = check_register(directory, reference)
    seeds_dir = seeds or (reference_dir.parent / "seeds")
    if not problems and seeds_dir.is_dir():
        problems = verify_citations(load_register(directory, reference), seeds_dir)
    for problem in problems:
        print(problem.line(), file=sys.stderr)  # noqa: T201
    if problems:
        raise RegisterError(f"{len(problems)} problem(s) in the register", "fix the keys listed above")
    checked = "with citations" if seeds_dir.is_dir() else "citations not checked: no seeds folder"
    print(f"register ok ({checked})")  # noqa: T201


@register_app.command("show")
@handles_errors
def show(
    code: Annotated[
        str | None, typer.Argument(help="CBS code (GM0363) or name; omit for the overview.")
    ] = None,
    directory: DirOption = None,
    national: Annotated[
        bool, typer.Option("--national", help="Show the national survey aggregates.")
    ] = False,
) -> None:
    """Print the register (overview, one municipality, or the national aggregates)."""
    from zicht.register import render
    from zicht.register.aggregates import national_aggregates
    from zicht.register.loader import load_register

    register = load_register(directory)
    console = _stdout()
    if national:
        if register.survey is None:
            raise RegisterError("no national survey file in the register", "add national-survey.toml")
        aggregates = national_aggregates(register.survey)
        console.print(render.national_table(aggregates))
        for issue in aggregates.inconsistencies:
            console.print(f"note: {issue}")
    elif code is None:
        console.print(render.overview_table(register))
    else:
        console.print(render.municipality_table(register.find(code)))


@register_app.command("compare")
@handles_errors
def compare(
    uniform: Annotated[
        Path, typer.Option("--uniform", help="Uniform rule set file (e.g. data/wrs-uniform.toml).")
    ],
    directory: DirOption = None,
) -> None:
    """Show what one uniform national rule set would change per municipality."""
    from zicht.register import render
    from zicht.register.compare import compare as compare_rules
    from zicht.register.loader import load_register, load_uniform

    rules = load_uniform(uniform)
    changes = compare_rules(load_register(directory), rules)
    _stdout().print(render.changes_table(changes, rules.name))
