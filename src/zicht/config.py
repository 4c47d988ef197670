"""All configuration in one place: one frozen model, read from TOML, overridden by CLI flags.

Top-level keys configure the synthetic market (interfaces.md: seed, weeks, scale, repost_rate, ...); the
sections [crawl], [store] and [report] configure the pipeline. Unknown keys are errors, reported together.
No other module reads the environment: the CLI resolves paths and passes a Config down.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from zicht.errors import ConfigError

SITES = ("a", "b", "c")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_bool_for_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        # pydantic reads true as 1 for an int or float field: `seed = true` must not silently mean seed 1
        field = cls.model_fields.get(info.field_name or "")
        if isinstance(value, bool) and field is not None and field.annotation in (int, float):
            raise ValueError("must be a number, not true or false")
        return value


class CrawlSettings(_Frozen):
    user_agent: str = "ZichtBot/0.1 (+https://github.com/zicht-nl/zicht; research crawler)"
    obey_robots: bool = True
    concurrency_per_site: int = Field(8, ge=1, le=64)
    autothrottle: bool = True
    download_delay: float = Field(0.0, ge=0)
    retries: int = Field(3, ge=0, le=10)
    timeout_seconds: float = Field(10.0, gt=0)
    loopback_only: bool = False
    max_page_bytes: int = Field(5_000_000, gt=0)  # a larger response fails its URL (not retried)


class StoreSettings(_Frozen):
    secret_file: str | None = None  # default: <store>.secret beside the DuckDB file, created on first use
    raw_retention_days: int = Field(90, ge=0)


class LinkSettings(_Frozen):
    """Zicht's linking on Splink ([link]; docs/linking.md reports what these defaults give)."""

    threshold: float = Field(0.5, gt=0, lt=1)  # link two ads when Splink's match probability is at least this
    cannot_below: float = Field(0.01, ge=0, lt=1)  # never cluster two ads whose pair scored below this
    max_block: int = Field(400, ge=2)  # blocks larger than this only yield pairs that also agree on the name
    u_pairs: float = Field(2e6, gt=0)  # random pairs for Splink's u estimate
    max_names: int = Field(3, ge=1)  # a cluster showing more names holds only by name-agreeing links
    backend: Literal["duckdb", "spark"] = "duckdb"  # Splink backend (spark needs pyspark)
    replicates: int = Field(200, ge=0)  # draws of the count's interval (parameters drawn, no re-training)
    uncertain: tuple[float, float] = (0.001, 0.999)  # the interval redraws links with p in this range
    several_extra: bool = True  # one extra worker per advertiser with an ad stating several workers
    max_workers: int = Field(3, ge=1)  # upper end of the interval: people behind a "several workers" ad
    unseen_returns: bool = True  # lower end: capture-recapture estimate of returns no pair links
    seed: int = 1


class ReportSettings(_Frozen):
    small_cell_threshold: int = Field(10, ge=0)


class MarketChange(_Frozen):
    """A policy effect to simulate (interfaces.md `[[changes]]`): from week `from_week` on, only `factor` of
    the ads of `type` (every type when absent) in `municipality` stay online, so comparisons can be checked
    against a known change."""

    from_week: int = Field(ge=0)
    municipality: str = Field(pattern=r"^GM\d{4}$")
    type: Literal["home", "escort", "massage"] | None = None
    factor: float = Field(ge=0, le=1)  # only decreases: an increase would need ads the model never wrote


class Config(_Frozen):
    # --- synthetic market (zicht simulate) ---
    seed: int = 1
    weeks: int = Field(52, ge=1, le=520)
    scale: float = Field(1.0, gt=0, le=10)
    start_date: str = "2020-08-25"  # first measurement moment of the 2021 baseline
    repost_rate: float = Field(
        0.01, ge=0, le=1
    )  # chance per active ad-week that an ad is re-posted with a new code
    shared_phone_rate: float = Field(0.04, ge=0, le=1)  # share of workers behind an intermediary's phone
    crosspost_rate: float = Field(
        0.11, ge=0, le=1
    )  # share of site-b ads that are copies of a site-a ad (same phone, name, municipality)
    obfuscation_rate: float = Field(
        0.1, ge=0, le=1
    )  # share of ad texts with spaced, dotted or written-out phones
    hidden_phone_sites: tuple[str, ...] = ("c",)
    language_mix: dict[str, float] = Field(
        default_factory=lambda: {"nl": 0.55, "en": 0.25, "mixed": 0.12, "es": 0.04, "pl": 0.02, "ro": 0.02}
    )
    fault_rate: float = Field(0.0, ge=0, le=0.5)
    # --- how differently one worker's ads state the same facts (docs/simulator.md "Realism"); 0 = never ---
    age_shading_rate: float = Field(
        0.0, ge=0, le=1
    )  # share of (worker, site) pairs stating an age shaded 1-3 years down; half as many ads round it to 5s
    price_drift_rate: float = Field(
        0.0, ge=0, le=1
    )  # share of workers whose price drifts over the year (-10%..+25%); as many (worker, site) pairs differ
    origin_omission_rate: float = Field(
        0.0, ge=0, le=1
    )  # share of ads leaving out the origin that the worker states on her other ads
    name_variant_rate: float = Field(
        0.0, ge=0, le=1
    )  # share of ads showing a variant of the display name (spelling, nickname, an added word or emoji)
    # --- sites: a list names the simulated sites (interfaces.md `sites`); a [sites] table gives the weekly
    # routine's base URLs (`[sites] a = "https://..."`), its names being the sites.
    sites: tuple[str, ...] | dict[str, str] = SITES
    changes: tuple[MarketChange, ...] = ()
    # --- pipeline ---
    crawl: CrawlSettings = CrawlSettings()
    store: StoreSettings = StoreSettings()
    report: ReportSettings = ReportSettings()
    link: LinkSettings = LinkSettings()

    @field_validator("hidden_phone_sites")
    @classmethod
    def _known_sites(cls, sites: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(sites) - set(SITES))
        if unknown:
            raise ValueError(f"unknown site(s) {unknown}; sites are {list(SITES)}")
        return sites

    @field_validator("sites")
    @classmethod
    def _sites(cls, sites: tuple[str, ...] | dict[str, str]) -> tuple[str, ...] | dict[str, str]:
        if not sites:
            raise ValueError("name at least one site")
        for name, url in sites.items() if isinstance(sites, dict) else ():
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"site {name}: base URL {url!r} must start with http:// or https://")
        return sites

    @property
    def base_urls(self) -> dict[str, str]:
        """The weekly routine's sites from a [sites] table (empty when `sites` is a list)."""
        return dict(self.sites) if isinstance(self.sites, dict) else {}

    @field_validator("language_mix")
    @classmethod
    def _mix_is_distribution(cls, mix: dict[str, float]) -> dict[str, float]:
        known = {"nl", "en", "mixed", "es", "pl", "ro"}
        unknown = sorted(set(mix) - known)
        if unknown:
            raise ValueError(f"unknown language(s) {unknown}; use {sorted(known)}")
        if any(v < 0 for v in mix.values()) or sum(mix.values()) <= 0:
            raise ValueError("weights must be non-negative and not all zero")
        return mix


def _describe(error: ValidationError) -> str:
    parts = []
    for item in error.errors():
        key = ".".join(str(p) for p in item["loc"]) or "(file)"
        reason = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
        parts.append(f"{key}: {reason}")
    return "; ".join(parts)


def build_config(values: dict[str, Any], source: str = "config") -> Config:
    """Validate a dict of settings; every problem is reported in one line."""
    try:
        return Config.model_validate(values)
    except ValidationError as error:
        raise ConfigError(f"bad {source}: {_describe(error)}") from None


def load_config(path: Path | None = None, **overrides: Any) -> Config:
    """Read a TOML file (optional) and apply CLI overrides (None values are ignored)."""
    values: dict[str, Any] = {}
    source = "config"
    if path is not None:
        source = str(path)
        try:
            values = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except OSError as error:  # a folder, or a file we may not read
            raise ConfigError(f"cannot read config file {path}: {error.strerror}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise ConfigError(f"config file {path} is not valid TOML: {error}") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    return build_config(values, source)
