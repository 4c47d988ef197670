"""Keyed pseudonyms: phones and names enter the store only as HMAC-SHA256 under a per-installation secret.

Without the secret a pseudonym cannot be reversed by trying all Dutch mobile numbers (there are only 10^8),
which a plain hash would allow. The secret is created on first use, readable by the owner only, never printed.
A store records a fingerprint of its secret on the first ingest: pseudonyms made under another secret would
never match the earlier ones, and linking across weeks would break without a word.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from zicht.errors import StoreError
from zicht.refdata import fold

if TYPE_CHECKING:
    import duckdb

SECRET_BYTES = 32  # fewer bytes could be guessed; all 10^8 mobile numbers would then reveal every pseudonym
FINGERPRINT_KEY = "secret_fingerprint"
RESTORE = "restore the secret from backup"


def read_secret(path: Path) -> bytes:
    """The secret in `path`; a folder, a file others can read, non-hex or short content: one-line errors."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"secret path {path} is a folder", "point store.secret_file at the secret file")
    try:
        if stat.S_IMODE(path.stat().st_mode) & 0o077:
            raise StoreError(f"secret file {path} is readable by others", f"chmod 600 {path}")
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except OSError as error:
        raise StoreError(f"cannot read secret file {path}: {error.strerror}") from None
    except (UnicodeDecodeError, ValueError):
        raise StoreError(f"secret file {path} is not a hex secret", RESTORE) from None
    if len(key) < SECRET_BYTES:
        raise StoreError(
            f"secret file {path} holds {len(key)} bytes; a secret needs at least {SECRET_BYTES} bytes",
            RESTORE,
        )
    return key


def create_secret(path: Path) -> bytes:
    """A random 32-byte secret written to a new file `path` (mode 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(SECRET_BYTES)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    return key


def load_or_create_secret(path: Path) -> bytes:
    """Read the installation secret, creating a random 32-byte one (mode 0600) on first use.

    Knows nothing of a store: ingest uses `store_secret`, which never creates a secret beside pseudonyms."""
    path = Path(path)
    return read_secret(path) if path.exists() or path.is_symlink() else create_secret(path)


def secret_fingerprint(secret: bytes) -> str:
    """A short check value of the secret: tells secrets apart, reveals nothing of the secret."""
    return hmac.new(secret, b"zicht-secret-check", hashlib.sha256).hexdigest()[:16]


def store_secret(con: duckdb.DuckDBPyConnection, path: Path) -> bytes:
    """The secret of the store `con`: read from `path`, or created there only while the store holds no
    pseudonyms; on the first ingest its fingerprint is recorded in meta, and later a secret with another
    fingerprint is refused."""
    path = Path(path)
    row = con.execute("SELECT value FROM meta WHERE key = ?", [FINGERPRINT_KEY]).fetchone()
    recorded = row[0] if row else None
    if path.exists() or path.is_symlink():
        secret = read_secret(path)
    elif recorded is not None or _holds_pseudonyms(con):
        raise StoreError(
            f"secret file {path} is missing but the store holds pseudonyms made with it", RESTORE
        )
    else:
        secret = create_secret(path)
    fingerprint = secret_fingerprint(secret)
    if recorded is None:
        con.execute("INSERT INTO meta VALUES (?, ?)", [FINGERPRINT_KEY, fingerprint])
    elif recorded != fingerprint:
        raise StoreError(
            f"secret file {path} is not the secret this store's pseudonyms were made with", RESTORE
        )
    return secret


def _holds_pseudonyms(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM observations WHERE phone_pseudonym IS NOT NULL OR name_pseudonym IS NOT NULL"
    ).fetchone()
    return bool(row and row[0])


def pseudonymise(secret: bytes, value: str | None, kind: str) -> str | None:
    """HMAC of a normalised value; `kind` ("phone", "name") keeps the two namespaces apart."""
    if not value:
        return None
    normal = value.strip() if kind == "phone" else fold(value)
    if not normal:
        return None
    return hmac.new(secret, f"{kind}:{normal}".encode(), hashlib.sha256).hexdigest()[:32]
