"""Online supply against local rules: per municipality in the register, counts of ads by type next to the
local status of that type, ads per 100,000 inhabitants, and how many ads offer home work where rules restrict
it.

Counts only, per municipality: never a list of ads or people. Counts from 1 to threshold-1 are suppressed
(value None, rendered "<10"); zero is shown, because an empty cell discloses no one.

Ad types map to business types as: home -> home, escort -> independent_escort and escort_business,
massage -> erotic_massage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zicht.errors import InputError
from zicht.register.loader import Register
from zicht.register.schema import RESTRICTIVE, RuleSet, UniformRuleSet
from zicht.vocab import WORK_TYPES

AD_TYPE_TO_BUSINESS_TYPES: dict[str, tuple[str, ...]] = {
    "home": ("home",),
    "escort": ("independent_escort", "escort_business"),
    "massage": ("erotic_massage",),
}


@dataclass(frozen=True)
class Cell:
    """A count that may be suppressed: `value` is None when 0 < count < threshold."""

    value: int | None
    suppressed: bool
    threshold: int

    @classmethod
    def of(cls, count: int, threshold: int) -> Cell:
        if 0 < count < threshold:
            return cls(None, True, threshold)
        return cls(count, False, threshold)

    def render(self) -> str:
        return f"<{self.threshold}" if self.suppressed else str(self.value)


@dataclass(frozen=True)
class CrossRow:
    rules: str  # "local" (the municipality's own register entry) or "uniform" (e.g. the Wrs model)
    municipality_code: str
    name: str
    as_of: str  # the period the rules describe
    population: int | None
    ads: Cell  # unique ads naming this municipality
    ads_per_100k: float | None  # None when ads is suppressed or the population unknown
    home: Cell
    escort: Cell
    massage: Cell
    home_status: str | None
    independent_escort_status: str | None
    escort_business_status: str | None
    erotic_massage_status: str | None
    commercial_home_restricted: bool | None  # business-like home work banned or licence-only (None: unknown)
    home_ads_commercial_restricted: (
        Cell | None
    )  # home ads where commercial home work is restricted (None: unknown)
    advertising_breaks_home_rule: bool | None  # an ad alone makes unlicensed home work not allowed
    home_ads_advertising_not_allowed: Cell | None  # home ads where advertising is not allowed without licence

    def as_dict(self) -> dict[str, Any]:
        """A flat, rendered row for tables (suppressed cells as "<10", unknown as "unknown")."""

        def cell(c: Cell | None) -> str:
            return "unknown" if c is None else c.render()

        def status(s: str | None) -> str:
            return s or "unknown"

        return {
            "rules": self.rules,
            "municipality_code": self.municipality_code,
            "municipality": self.name,
            "rules_as_of": self.as_of,
            "population": self.population,
            "ads": cell(self.ads),
            "ads_per_100k": self.ads_per_100k,
            "home_ads": cell(self.home),
            "home_status": status(self.home_status),
            "escort_ads": cell(self.escort),
            "independent_escort_status": status(self.independent_escort_status),
            "escort_business_status": status(self.escort_business_status),
            "massage_ads": cell(self.massage),
            "erotic_massage_status": status(self.erotic_massage_status),
            "home_ads_where_commercial_home_work_restricted": cell(self.home_ads_commercial_restricted),
            "home_ads_where_advertising_not_allowed": cell(self.home_ads_advertising_not_allowed),
        }


def commercial_home_restricted(rules: RuleSet) -> bool | None:
    """Is business-like (e.g. advertised) home work banned or allowed only with a licence? None: unknown."""
    rule = rules.rule("home")
    if rule.status in RESTRICTIVE:
        return True
    if rule.commercial is not None:
        return rule.commercial.status in RESTRICTIVE
    return None


def advertising_breaks_home_rule(rules: RuleSet) -> bool | None:
    """Does advertising alone put unlicensed home work outside what is allowed? None: the rules do not say.

    True where home work needs a licence or is banned, or where it is allowed only without advertising.
    A cap on the number of ads (Rotterdam: once per 13 months) is not broken by one ad, so it counts as False.
    """
    rule = rules.rule("home")
    if rule.status is None:
        return None
    if rule.status in RESTRICTIVE:
        return True
    if rule.conditions is None or rule.conditions.advertising_allowed is None:
        return None
    return not rule.conditions.advertising_allowed


def population_from_reference(reference: Any) -> dict[str, int]:
    """CBS 2021 inhabitants per municipality code, from zicht.refdata.ReferenceData."""
    return {m.code: m.population for m in reference.municipalities}


def _count(ads: Any) -> dict[str, dict[str, int]]:
    for column in ("municipality_code", "types"):
        if column not in ads.column_names:
            raise InputError(f"ads table has no column {column!r}", "expected municipality_code and types")
    counts: dict[str, dict[str, int]] = {}
    codes = ads.column("municipality_code").to_pylist()
    types = ads.column("types").to_pylist()
    unknown: set[str] = set()
    for code, ad_types in zip(codes, types, strict=True):
        if code is None:
            continue
        bucket = counts.setdefault(code, {"ads": 0, "home": 0, "escort": 0, "massage": 0})
        bucket["ads"] += 1
        for t in set(ad_types or ()):
            if t in bucket and t != "ads":
                bucket[t] += 1
            else:
                unknown.add(str(t))
    if unknown:
        raise InputError(f"unknown ad type(s) {sorted(unknown)}", f"types are {list(WORK_TYPES)}")
    return counts


def cross_analysis(
    ads: Any,
    register: Register,
    population: dict[str, int],
    threshold: int = 10,
    *,
    rules_label: str = "local",
) -> list[CrossRow]:
    """Per municipality in the register: ads by type against the local status of that type.

    `ads` is a pyarrow.Table with one row per unique ad in the period and columns municipality_code
    (str or null) and types (list[str] from home/escort/massage). `population` maps CBS codes to inhabitants.
    """
    counts = _count(ads)
    rows = []
    for code in sorted(register.municipalities, key=lambda c: register.municipalities[c].name):
        entry = register.municipalities[code]
        c = counts.get(code, {"ads": 0, "home": 0, "escort": 0, "massage": 0})
        ads_cell = Cell.of(c["ads"], threshold)
        inhabitants = population.get(code)
        per_100k = None
        if inhabitants and not ads_cell.suppressed:
            per_100k = round(c["ads"] / inhabitants * 100_000, 1)
        restricted = commercial_home_restricted(entry)
        breaks = advertising_breaks_home_rule(entry)
        rows.append(
            CrossRow(
                rules=rules_label,
                municipality_code=code,
                name=entry.name,
                as_of=entry.as_of,
                population=inhabitants,
                ads=ads_cell,
                ads_per_100k=per_100k,
                home=Cell.of(c["home"], threshold),
                escort=Cell.of(c["escort"], threshold),
                massage=Cell.of(c["massage"], threshold),
                home_status=entry.status("home"),
                independent_escort_status=entry.status("independent_escort"),
                escort_business_status=entry.status("escort_business"),
                erotic_massage_status=entry.status("erotic_massage"),
                commercial_home_restricted=restricted,
                home_ads_commercial_restricted=None
                if restricted is None
                else Cell.of(c["home"] if restricted else 0, threshold),
                advertising_breaks_home_rule=breaks,
                home_ads_advertising_not_allowed=None
                if breaks is None
                else Cell.of(c["home"] if breaks else 0, threshold),
            )
        )
    return rows


def cross_analysis_uniform(
    ads: Any,
    register: Register,
    population: dict[str, int],
    threshold: int = 10,
    uniform: UniformRuleSet | None = None,
) -> list[CrossRow]:
    """The same table with one uniform rule set (default: the register's, i.e. the Wrs model) everywhere."""
    rules = uniform or register.uniform
    if rules is None:
        from zicht.errors import RegisterError

        raise RegisterError("the register has no uniform rule set", 'add a file with kind = "uniform"')
    return cross_analysis(ads, register.with_rules(rules), population, threshold, rules_label="uniform")
