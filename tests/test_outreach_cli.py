"""`zicht app org add` and `zicht app user add` as interfaces.md gives them: one-line errors on bad input,
the password read from standard input and stored only as the framework's hash."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "zicht", "app"]


def run(*args: str, password: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, *args], input=password, text=True, capture_output=True, timeout=120, check=False
    )


def test_org_add_and_user_add(tmp_path: Path) -> None:
    db = str(tmp_path / "app.sqlite3")
    ok = run(
        "org",
        "add",
        "--db",
        db,
        "--name",
        "Stichting Noord",
        "--region",
        "GM0014,gm0034",
        "--genders",
        "male,trans",
    )
    assert ok.returncode == 0, ok.stderr
    again = run("org", "add", "--db", db, "--name", "Stichting Noord", "--region", "GM0014")
    assert again.returncode == 2 and "exists already" in again.stderr
    for bad in (["--region", "GM9999"], ["--region", ""], ["--region", "GM0014", "--genders", "women"]):
        failed = run("org", "add", "--db", db, "--name", "Other", *bad)
        assert failed.returncode == 2 and failed.stderr.count("\n") == 1, failed.stderr
    missing_dir = run(
        "org", "add", "--db", str(tmp_path / "no" / "app.sqlite3"), "--name", "X", "--region", "GM0014"
    )
    assert missing_dir.returncode == 2 and "not found" in missing_dir.stderr

    password = "een lang wachtwoord 7"
    base = ["user", "add", "--db", db, "--org", "Stichting Noord", "--username", "kim", "--password-stdin"]
    added = run(*base, "--role", "coordinator", password=password + "\n")
    assert added.returncode == 0, added.stderr
    assert run(*base, "--role", "coordinator", password=password + "\n").returncode == 2, "user name taken"
    assert (
        "--role"
        in run(*base[:-3], "--username", "x", "--role", "boss", "--password-stdin", password="x\n").stderr
    )
    short = run(*base[:-3], "--username", "lee", "--role", "worker", "--password-stdin", password="kort\n")
    assert short.returncode == 2 and "password refused" in short.stderr
    user_b = ["user", "add", "--db", db, "--org", "Nobody", "--username", "z", "--role", "worker"]
    no_org = run(*user_b, "--password-stdin", password=password)
    assert no_org.returncode == 2 and "no organisation" in no_org.stderr

    con = sqlite3.connect(db)
    (hashed,) = con.execute("SELECT password FROM auth_user WHERE username = 'kim'").fetchone()
    (role, region, genders) = con.execute(
        "SELECT role, region, genders FROM outreach_member m"
        " JOIN outreach_organisation o ON o.id = m.organisation_id"
    ).fetchone()
    con.close()
    assert hashed.startswith("pbkdf2_sha256$") and password not in hashed
    assert (role, region, genders) == ("coordinator", '["GM0014", "GM0034"]', '["male", "trans"]')
    assert password.encode() not in Path(db).read_bytes()
