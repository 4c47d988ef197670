"""Domain errors. Each carries a one-line message and, where we know it, the fix.

The CLI turns every ZichtError into one line on stderr and exit status 2.
"""

from __future__ import annotations


class ZichtError(Exception):
    """Base class: a problem the user can fix, reported in one line."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(ZichtError):
    """A configuration file or option has an unknown key or a bad value."""


class DataDirMissing(ZichtError):
    """The reference data directory (CBS municipalities, places, boundaries) was not found."""


class AdapterError(ZichtError):
    """A site adapter file is malformed: names the file, key and reason."""


class CrawlError(ZichtError):
    """A crawl failed loudly, e.g. a site whose layout changed so selectors find nothing."""


class StoreError(ZichtError):
    """The analysis store is missing, from another version, or inconsistent."""


class RegisterError(ZichtError):
    """A register file has a bad status, a missing source or another schema problem."""


class InputError(ZichtError):
    """An input file is missing or unreadable."""


class ServeError(ZichtError):
    """The simulated sites cannot be served: a port is taken, or a week or fault rate is out of range."""
