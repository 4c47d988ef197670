"""Debian's chromium for browser tests (installed by .ci/run; never a browser download), with the flags this
machine's closed network needs: without the background-networking ones Chromium's own connections fail."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
