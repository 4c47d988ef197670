"""What a uniform national rule set would change per municipality: status per business type, minimum age."""

from __future__ import annotations

from dataclasses import dataclass

from zicht.register.cross import commercial_home_restricted
from zicht.register.loader import Register
from zicht.register.schema import BUSINESS_TYPES, RuleSet, UniformRuleSet


@dataclass(frozen=True)
class Change:
    municipality_code: str
    name: str
    item: str  # a business type, "home (business-like)" or "minimum_age"
    before: str  # "unknown" where the register has no fact
    after: str


def _status(rules: RuleSet, business_type: str) -> str:
    return rules.status(business_type) or "unknown"  # type: ignore[arg-type]


def compare(register: Register, uniform: UniformRuleSet) -> list[Change]:
    """Every difference between each municipality's rules and `uniform`, in register order."""
    changes: list[Change] = []
    for code in sorted(register.municipalities, key=lambda c: register.municipalities[c].name):
        local = register.municipalities[code]
        effective = uniform.apply_to(local)
        for business_type in BUSINESS_TYPES:
            before, after = _status(local, business_type), _status(effective, business_type)
            if before != after:
                changes.append(Change(code, local.name, business_type, before, after))
        restricted_before, restricted_after = (
            commercial_home_restricted(local),
            commercial_home_restricted(effective),
        )
        if restricted_before != restricted_after:
            label = {True: "restricted", False: "free", None: "unknown"}
            changes.append(
                Change(
                    code,
                    local.name,
                    "home (business-like)",
                    label[restricted_before],
                    label[restricted_after],
                )
            )
        age_before = local.minimum_age.value if local.minimum_age else None
        age_after = effective.minimum_age.value if effective.minimum_age else None
        if age_before != age_after:
            changes.append(
                Change(
                    code, local.name, "minimum_age", str(age_before or "unknown"), str(age_after or "unknown")
                )
            )
    return changes
