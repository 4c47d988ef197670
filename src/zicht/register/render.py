"""Rich tables for `zicht register show|compare` (formatting kept out of the CLI)."""

from __future__ import annotations

from rich.table import Table

from zicht.register.aggregates import NationalAggregates
from zicht.register.compare import Change
from zicht.register.loader import Register
from zicht.register.schema import BUSINESS_TYPES, Municipality

SHORT = {
    "banned": "banned",
    "licence_required": "licence",
    "tolerated": "tolerated",
    "allowed": "allowed",
    "no_policy": "no policy",
    None: "?",
}


def overview_table(register: Register) -> Table:
    table = Table(title="Municipal register: status per business type (? = unknown, * = inferred)")
    table.add_column("code")
    table.add_column("municipality")
    table.add_column("as of")
    for business_type in BUSINESS_TYPES:
        table.add_column(business_type.replace("_", " "))
    table.add_column("min. age")
    for code in sorted(register.municipalities, key=lambda c: register.municipalities[c].name):
        m = register.municipalities[code]
        cells = []
        for business_type in BUSINESS_TYPES:
            rule = m.rule(business_type)
            cells.append(SHORT[rule.status] + ("*" if rule.inferred else ""))
        age = str(m.minimum_age.value) if m.minimum_age else "?"
        table.add_row(code, m.name, m.as_of, *cells, age)
    return table


def municipality_table(m: Municipality) -> Table:
    age = f"{m.minimum_age.value} ({m.minimum_age.source.cite()})" if m.minimum_age else "unknown"
    table = Table(title=f"{m.name} ({m.code}), rules as of {m.as_of}; minimum age {age}")
    for column in ("type", "status", "conditions", "cap", "licences", "source"):
        table.add_column(column, overflow="fold")
    for business_type in BUSINESS_TYPES:
        rule = m.rule(business_type)
        status = (rule.status or "unknown") + (" (inferred)" if rule.inferred else "")
        if rule.valid_from:
            status += f" since {rule.valid_from}"
        if rule.commercial is not None:
            status += f"; business-like: {rule.commercial.status}"
        conditions = ""
        if rule.conditions is not None:
            c = rule.conditions
            flags = [
                f"{name}={getattr(c, name)}"
                for name in (
                    "advertising_allowed",
                    "alone_only",
                    "registered_at_address",
                    "max_ads_per_13_months",
                )
                if getattr(c, name) is not None
            ]
            conditions = c.text + (f" [{', '.join(flags)}]" if flags else "")
        caps = "; ".join(
            cap.render() + (f" (shared: {len(cap.types)} types)" if len(cap.types) > 1 else "")
            for cap in m.caps_for(business_type)
        )
        licences = "; ".join(
            f"{lic.count}"
            + (f" in {lic.year}" if lic.year else "")
            + (" (shared)" if len(lic.types) > 1 else "")
            for lic in m.licences_for(business_type)
        )
        table.add_row(
            business_type,
            status,
            conditions,
            caps or "?",
            licences or "?",
            rule.source.cite() if rule.source else "",
        )
    return table


def national_table(aggregates: NationalAggregates) -> Table:
    table = Table(title="National aggregates from the 2021 municipal survey (computed from table rows)")
    for column in ("figure", "value", "note"):
        table.add_column(column, overflow="fold")
    for row in aggregates.as_rows():
        table.add_row(*row)
    return table


def changes_table(changes: list[Change], uniform_name: str) -> Table:
    table = Table(title=f"What {uniform_name} would change")
    for column in ("code", "municipality", "item", "now", "uniform"):
        table.add_column(column)
    for change in changes:
        table.add_row(change.municipality_code, change.name, change.item, change.before, change.after)
    return table
