"""Small URL helpers shared by the parent and the worker (no scrapy import)."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback(url: str) -> bool:
    """True when the URL's host is localhost or a loopback address (127.0.0.0/8, ::1)."""
    host = (urlsplit(url).hostname or "").strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, the port filled in when it is the scheme's default."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: matches no origin of ours
        port = -1
    return (
        parts.scheme.lower(),
        (parts.hostname or "").lower(),
        port or DEFAULT_PORTS.get(parts.scheme.lower()),
    )
