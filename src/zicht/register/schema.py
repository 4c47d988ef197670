"""The register's data model: one validated file per municipality, a uniform rule set, the national survey.

Every fact carries its source (report file name + line). Unknown stays unknown: a missing value is None, never
a guess. Where a value follows from the text without being stated for that exact business type, the rule is
marked `inferred = true` and must say why in `note`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

BusinessType = Literal[
    "street",
    "window",
    "club_privehuis",
    "escort_business",
    "independent_escort",
    "home",
    "erotic_massage",
    "other",
]
BUSINESS_TYPES: tuple[BusinessType, ...] = get_args(BusinessType)
Status = Literal["banned", "licence_required", "tolerated", "allowed", "no_policy"]
STATUSES: tuple[Status, ...] = get_args(Status)
# Statuses under which a sex worker may NOT do the work without a licence of their own or of a business.
RESTRICTIVE: frozenset[str] = frozenset({"banned", "licence_required"})

# The five source reports (../shared/seeds/README.md).
SEED_REPORTS: tuple[str, ...] = (
    "000_7253b0c65c851ef6.txt",
    "001_4306d47f569188d5.txt",
    "002_c0d768caa5ae14f8.txt",
    "003_62630a77e03e4c3f.txt",
    "004_e994bd9f0a6af09b.txt",
)
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """Where a fact is stated: report file name and 1-based line; `quote` is a short verbatim fragment that
    occurs on that line or the next two (checked by `verify_citations`)."""

    report: str
    line: int = Field(ge=1)
    to_line: int | None = None  # last line when the fact spans a passage
    quote: str | None = None

    @field_validator("report")
    @classmethod
    def _known_report(cls, report: str) -> str:
        if report not in SEED_REPORTS:
            raise ValueError(f"unknown report {report!r}; use one of {list(SEED_REPORTS)}")
        return report

    @model_validator(mode="after")
    def _range(self) -> Source:
        if self.to_line is not None and self.to_line < self.line:
            raise ValueError("to_line comes before line")
        return self

    def cite(self) -> str:
        end = f"-{self.to_line}" if self.to_line else ""
        return f"{self.report}:{self.line}{end}"


def _check_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    return value


PartialDate = Annotated[str, AfterValidator(_check_date)]


class IntFact(_Strict):
    value: int = Field(ge=0)
    source: Source
    valid_from: PartialDate | None = None
    note: str | None = None


class Conditions(_Strict):
    """Conditions under which the status holds: free text plus machine-readable ones (None = not stated)."""

    text: str
    source: Source
    advertising_allowed: bool | None = None
    alone_only: bool | None = None
    registered_at_address: bool | None = None
    max_ads_per_13_months: int | None = Field(default=None, ge=0)


class StatusFact(_Strict):
    status: Status
    source: Source
    note: str | None = None


class TypeRule(_Strict):
    """The local rule for one business type. `status = None` means the sources say nothing (unknown)."""

    status: Status | None = None
    source: Source | None = None
    valid_from: PartialDate | None = None
    minimum_age: IntFact | None = None  # overrides the municipality's minimum age for this type
    conditions: Conditions | None = None
    # Home work only: the status of *business-like* (bedrijfsmatig) home work, e.g. advertised or with others.
    commercial: StatusFact | None = None
    inferred: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _sourced(self) -> TypeRule:
        if self.status is not None and self.source is None:
            raise ValueError("a status needs a source (report and line)")
        if self.status is None and (self.source is not None or self.conditions is not None):
            raise ValueError("a source or conditions without a status: give the status or drop them")
        if self.inferred and not self.note:
            raise ValueError("an inferred rule must say why in `note`")
        return self


class Cap(_Strict):
    """A maximum number of licensed businesses, shared by the listed types, or an explicit "no maximum"."""

    types: list[BusinessType] = Field(min_length=1)
    value: int | None = Field(default=None, ge=0)
    unlimited: bool = False  # the source states explicitly that there is no maximum
    source: Source
    valid_from: PartialDate | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _value_or_unlimited(self) -> Cap:
        if (self.value is None) == (not self.unlimited):
            raise ValueError("give either value (the maximum) or unlimited = true")
        return self

    def render(self) -> str:
        return "no maximum" if self.unlimited else str(self.value)


class LicenceCount(_Strict):
    """Licences in force for the listed types (one count may cover several types the report groups)."""

    types: list[BusinessType] = Field(min_length=1)
    count: int = Field(ge=0)
    year: int | None = None  # None: "currently" at the time of the report (see the file's as_of)
    source: Source
    note: str | None = None


class Observation(_Strict):
    """A number the report states about local online supply (context only, not used in computations)."""

    text: str
    source: Source


class Note(_Strict):
    text: str
    source: Source | None = None


class RuleSet(_Strict):
    """Rules per business type; the base of a municipality file and of a uniform national rule set."""

    kind: Literal["municipality", "uniform"]
    name: str
    as_of: PartialDate  # the period the sources describe, e.g. "2021"
    minimum_age: IntFact | None = None
    types: dict[BusinessType, TypeRule] = Field(default_factory=dict)
    caps: list[Cap] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)

    def rule(self, business_type: BusinessType) -> TypeRule:
        return self.types.get(business_type, TypeRule())

    def status(self, business_type: BusinessType) -> Status | None:
        return self.rule(business_type).status

    def age_for(self, business_type: BusinessType) -> int | None:
        fact = self.rule(business_type).minimum_age or self.minimum_age
        return fact.value if fact else None

    def caps_for(self, business_type: BusinessType) -> list[Cap]:
        return [cap for cap in self.caps if business_type in cap.types]


class Municipality(RuleSet):
    code: str = Field(pattern=r"^GM\d{4}$")  # CBS code of 2021
    licences: list[LicenceCount] = Field(default_factory=list)
    online: list[Observation] = Field(default_factory=list)

    def licences_for(self, business_type: BusinessType) -> list[LicenceCount]:
        return [lic for lic in self.licences if business_type in lic.types]


class UniformRuleSet(RuleSet):
    """One national rule set (e.g. the Wrs bill as the reports describe it), applied to every municipality.

    With `local_bans_stay`, a business type a municipality bans stays banned: the uniform rules then set the
    terms (licence, minimum age) for what a municipality permits, not which types it must permit."""

    local_bans_stay: bool = False
    local_bans_stay_source: Source | None = None

    def apply_to(self, local: Municipality) -> Municipality:
        """`local` with these rules in place of its own (its licences, notes and observations are kept)."""
        types = dict(self.types)
        if self.local_bans_stay:
            types.update({t: rule for t, rule in local.types.items() if rule.status == "banned"})
        return local.model_copy(update={"types": types, "minimum_age": self.minimum_age, "caps": self.caps})


class SurveyRow(_Strict):
    key: str  # machine key, e.g. "street" or "reports_2019"
    label: str  # the report's row label (Dutch)
    value: int = Field(ge=0)
    municipalities: int | None = Field(default=None, ge=0)  # second count column, where the table has one
    percentage: float | None = None  # as printed in the report
    year: int | None = None
    source: Source


class SurveyTable(_Strict):
    id: str  # "2.1", "3.1", ...
    title: str
    n: int | None = None  # the N the report prints for the table
    rows: list[SurveyRow]
    total: IntFact | None = None  # the total the report prints, if any
    total_municipalities: IntFact | None = None


class Survey(_Strict):
    kind: Literal["survey"]
    name: str
    municipalities_total: IntFact
    respondents: IntFact
    response_rate_stated: IntFact  # in percent, as printed
    extrapolation_stated: IntFact  # 168/45*100 = 373 (ch. 2.2)
    extrapolation_conclusion: IntFact  # 379 in the conclusions
    earlier_study_2014: IntFact
    tables: list[SurveyTable]
    notes: list[Note] = Field(default_factory=list)

    def table(self, table_id: str) -> SurveyTable:
        for table in self.tables:
            if table.id == table_id:
                return table
        raise KeyError(table_id)
