"""CLI: `zicht app serve | org add | user add` (interfaces.md): the outreach web app and its organisations."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from zicht.commandline import ConfigOption, app, console, handles_errors
from zicht.errors import InputError

app_app = typer.Typer(
    help="The outreach web app for help organisations (docs/outreach.md).", no_args_is_help=True
)
org_app = typer.Typer(help="Organisations of the outreach app.", no_args_is_help=True)
user_app = typer.Typer(help="Users of the outreach app.", no_args_is_help=True)
app.add_typer(app_app, name="app")
app_app.add_typer(org_app, name="org")
app_app.add_typer(user_app, name="user")

DbOption = Annotated[
    str, typer.Option("--db", help="The app's database: a SQLite file, or postgresql://user@host/name.")
]


def _csv(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(",") if part.strip()]


def _configure(db: str, **paths: object) -> None:
    from zicht.app.settings import AppPaths, configure

    configure(AppPaths(db=db, **paths))  # type: ignore[arg-type]


@app_app.command("serve")
@handles_errors
def serve(
    db: DbOption,
    store: Annotated[Path, typer.Option("--store", help="The analysis store (opened read-only).")],
    archive: Annotated[Path, typer.Option("--archive", help="The raw archive (WARC runs).")],
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (0: any free port).")] = 8010,
    public_origin: Annotated[
        str | None,
        typer.Option(
            "--public-origin", help="https://host the TLS reverse proxy serves: secure cookies, HSTS."
        ),
    ] = None,
    threads: Annotated[int, typer.Option("--threads", min=1, max=32)] = 4,
    config_file: ConfigOption = None,
) -> None:
    """Serve the outreach app on 127.0.0.1 with waitress (put a TLS reverse proxy in front)."""
    from zicht.config import load_config

    if not store.is_file():
        raise InputError(f"store not found: {store}")
    if not archive.is_dir():
        raise InputError(f"archive folder not found: {archive}")
    retention = load_config(config_file).store.raw_retention_days
    _configure(db, store=store, archive=archive, retention_days=retention, public_origin=public_origin)
    import waitress
    from django.core.wsgi import get_wsgi_application

    server = waitress.create_server(
        get_wsgi_application(), host="127.0.0.1", port=port, threads=threads, ident="zicht"
    )
    console.print(f"outreach app on http://127.0.0.1:{server.effective_port}/ (stop with Ctrl-C)")
    try:
        server.run()
    except KeyboardInterrupt:
        server.close()


@org_app.command("add")
@handles_errors
def org_add(
    db: DbOption,
    name: Annotated[str, typer.Option("--name", help="The organisation's name.")],
    region: Annotated[str, typer.Option("--region", help="CBS 2021 municipality codes, e.g. GM0363,GM0384.")],
    genders: Annotated[str | None, typer.Option("--genders", help="Target genders (default: all).")] = None,
    types: Annotated[
        str | None, typer.Option("--types", help="Target types: home,escort,massage (default: all).")
    ] = None,
    languages: Annotated[
        str | None, typer.Option("--languages", help="Ad languages, ISO codes (default: all).")
    ] = None,
    quiet_weeks: Annotated[int, typer.Option("--quiet-weeks", min=1, max=104)] = 8,
) -> None:
    """Add an organisation with its region and target group."""
    from zicht.refdata import load_reference, shipped_data_dir
    from zicht.vocab import GENDERS, WORK_TYPES

    codes = [code.upper() for code in _csv(region)]
    known = load_reference(shipped_data_dir()).by_code
    unknown = [code for code in codes if code not in known]
    if not codes or unknown:
        raise InputError(f"--region needs CBS 2021 municipality codes; unknown: {unknown or 'none given'}")
    for values, allowed, option in (
        (_csv(genders), GENDERS, "--genders"),
        (_csv(types), WORK_TYPES, "--types"),
    ):
        wrong = sorted(set(values) - set(allowed))
        if wrong:
            raise InputError(f"{option}: unknown {wrong}; use {list(allowed)}")
    if not name.strip():
        raise InputError("--name is empty")
    _configure(db)
    from zicht.app.outreach.models import Organisation

    if Organisation.objects.filter(name=name.strip()).exists():
        raise InputError(f"organisation {name!r} exists already")
    Organisation.objects.create(
        name=name.strip(),
        region=codes,
        genders=_csv(genders),
        types=_csv(types),
        languages=[code.lower() for code in _csv(languages)],
        quiet_weeks=quiet_weeks,
    )
    console.print(f"organisation {name.strip()!r} added: region {', '.join(codes)}")


@user_app.command("add")
@handles_errors
def user_add(
    db: DbOption,
    org: Annotated[str, typer.Option("--org", help="The organisation's name.")],
    username: Annotated[str, typer.Option("--username")],
    role: Annotated[str, typer.Option("--role", help="worker or coordinator.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from stdin.")
    ] = False,
    first_name: Annotated[str, typer.Option("--first-name", help="Signs the drafted messages.")] = "",
) -> None:
    """Add a user to an organisation; the password is read from standard input and hashed."""
    if role not in ("worker", "coordinator"):
        raise InputError(f"--role must be worker or coordinator, not {role!r}")
    if not password_stdin:
        raise InputError("give the password on standard input with --password-stdin")
    password = sys.stdin.readline().rstrip("\r\n")
    _configure(db)
    from django.contrib.auth.models import User
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction

    from zicht.app.outreach.models import Member, Organisation

    organisation = Organisation.objects.filter(name=org).first()
    if organisation is None:
        raise InputError(f"no organisation {org!r}", "add it with `zicht app org add`")
    if not username.strip() or User.objects.filter(username=username).exists():
        raise InputError(f"user name {username!r} is empty or taken")
    user = User(username=username, first_name=first_name)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise InputError("password refused: " + " ".join(error.messages)) from None
    with transaction.atomic():
        user.set_password(password)
        user.save()
        Member.objects.create(user=user, organisation=organisation, role=role)
    console.print(f"user {username!r} added to {org!r} as {role}")
