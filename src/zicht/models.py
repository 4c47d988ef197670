"""Records passed between stages, one at each boundary.

sites/crawl -> RawPage (an archived response) -> AdInput (fields + text read from an ad page by the site
adapter) -> extract -> AdRecord (canonical values, interfaces.md) -> store (pseudonymised) -> link -> measure.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from zicht.vocab import Gender, OriginGroup, WorkType


@dataclass(frozen=True)
class RawPage:
    """One archived HTTP response of a crawl run."""

    run_id: str  # the measurement moment, e.g. "2020-08-25" or "w000"
    site: str
    url: str
    status: int
    kind: str  # "overview", "ad" or "robots"
    warc_file: str  # path of the WARC file, relative to the archive root
    warc_offset: int  # byte offset of the response record in that file
    digest: str  # WARC-Payload-Digest (sha1 base32)


@dataclass(frozen=True)
class AdInput:
    """What a site adapter reads from one ad page: the input of extraction (the `extract --jsonl` format)."""

    id: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """A named flag with the text that triggered it, e.g. Evidence("24_7", "24/7 bereikbaar")."""

    name: str
    match: str


@dataclass(frozen=True)
class AdRecord:
    """The canonical record of one ad (interfaces.md).

    `phone` and `name` are clear text: extraction output only; the store keeps pseudonyms.
    """

    id: str
    gender: Gender | None = None
    types: tuple[WorkType, ...] = ()
    origin_country: str | None = None
    origin_group: OriginGroup | None = None
    age: int | None = None
    price_per_hour: float | None = None
    municipality_code: str | None = None
    phone: str | None = None
    language: str | None = None
    licence_terms: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The `zicht extract` output object: lists instead of tuples, evidence kept by name."""
        data = asdict(self)
        data["types"] = list(self.types)
        data["licence_terms"] = list(self.licence_terms)
        data["indicators"] = list(self.indicators)
        data["evidence"] = [{"name": e.name, "match": e.match} for e in self.evidence]
        return data
