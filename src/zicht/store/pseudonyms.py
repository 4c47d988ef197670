"""Keyed pseudonyms: phones and names enter the store only as HMAC-SHA256 under a per-installation secret.

Without the secret a pseudonym cannot be reversed by trying all Dutch mobile numbers (there are only 10^8),
which a plain hash would allow. The secret is created on first use, readable by the owner only, never printed.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from zicht.refdata import fold


def load_or_create_secret(path: Path) -> bytes:
    """Read the installation secret, creating a random 32-byte one (mode 0600) on first use."""
    path = Path(path)
    if path.exists():
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(key.hex())
    return key


def pseudonymise(secret: bytes, value: str | None, kind: str) -> str | None:
    """HMAC of a normalised value; `kind` ("phone", "name") keeps the two namespaces apart."""
    if not value:
        return None
    normal = value.strip() if kind == "phone" else fold(value)
    if not normal:
        return None
    return hmac.new(secret, f"{kind}:{normal}".encode(), hashlib.sha256).hexdigest()[:32]
