"""National aggregates computed from the survey tables (national-survey.toml), with the inconsistencies.

The 2021 baseline extrapolates the licences counted in the responding municipalities to the whole country:
168 licences / 45% response = 373 (L594). The exact response is 157/352 = 44.6%, which would give 377,
and the conclusions print 379 (L2895). We reproduce the report's own method (168 / 0.45) and list the others.
"""

from __future__ import annotations

from dataclasses import dataclass

from zicht.register.schema import Survey, SurveyTable


@dataclass(frozen=True)
class TypeLicences:
    business_type: str
    licences: int
    municipalities: int


@dataclass(frozen=True)
class NationalAggregates:
    licences_by_type: tuple[TypeLicences, ...]  # table 2.1, in the report's order
    licences_total: int  # computed: the sum of table 2.1 (168)
    municipalities_total: int  # 352
    respondents: int  # 157
    response_rate: float  # 157 / 352, computed
    response_rate_stated: float  # 0.45 as printed
    extrapolated: int  # licences_total / response_rate_stated, rounded: the report's method (373)
    extrapolated_exact: float  # licences_total / response_rate (376.7)
    extrapolation_stated: int  # as printed in ch. 2.2 (373)
    extrapolation_conclusion: int  # as printed in the conclusions (379)
    earlier_study_2014: int  # 833
    inconsistencies: tuple[str, ...]

    def as_rows(self) -> list[tuple[str, str, str]]:
        """(label, value, note) rows for a report table."""
        rows = [
            (f"licences: {t.business_type}", str(t.licences), f"{t.municipalities} municipalities")
            for t in self.licences_by_type
        ]
        rows += [
            ("licences in responding municipalities", str(self.licences_total), "sum of table 2.1"),
            (
                "response",
                f"{self.respondents}/{self.municipalities_total} = {self.response_rate:.1%}",
                f"report rounds to {self.response_rate_stated:.0%}",
            ),
            (
                "licensed businesses nationally (extrapolated)",
                str(self.extrapolated),
                f"{self.licences_total} / {self.response_rate_stated:.2f}; exact response gives "
                f"{self.extrapolated_exact:.0f}; the conclusions print {self.extrapolation_conclusion}",
            ),
            ("earlier study (2014)", str(self.earlier_study_2014), "Van Wijk et al."),
        ]
        return rows


def _table_inconsistencies(table: SurveyTable) -> list[str]:
    found = []
    cite = table.rows[0].source.report if table.rows else ""
    if table.total is not None:
        computed = sum(row.value for row in table.rows)
        if computed != table.total.value:
            found.append(
                f"table {table.id}: rows add up to {computed}, the report prints total {table.total.value} "
                f"({cite}:{table.total.source.line})"
            )
    if table.total_municipalities is not None:
        computed = sum(row.municipalities or 0 for row in table.rows)
        # A municipality may appear in several rows, so the rows may add up to more, never to fewer.
        if computed < table.total_municipalities.value:
            found.append(
                f"table {table.id}: municipalities per row add up to {computed}, fewer than the "
                f"{table.total_municipalities.value} the report prints in total"
            )
    base = table.total.value if table.total is not None else table.n
    for row in table.rows:
        if row.percentage is None or not base:
            continue
        computed_pct = 100 * row.value / base
        if abs(round(computed_pct, 1) - row.percentage) > 0.051:
            found.append(
                f"table {table.id} row {row.key}: {row.value}/{base} = {computed_pct:.1f}%, "
                f"the report prints {row.percentage}% ({cite}:{row.source.line})"
            )
    return found


def national_aggregates(survey: Survey) -> NationalAggregates:
    """Compute the national figures from the survey rows (never from the printed totals)."""
    table = survey.table("2.1")
    by_type = tuple(TypeLicences(row.key, row.value, row.municipalities or 0) for row in table.rows)
    total = sum(t.licences for t in by_type)
    rate = survey.respondents.value / survey.municipalities_total.value
    stated_rate = survey.response_rate_stated.value / 100
    extrapolated = round(total / stated_rate)
    exact = total / rate
    issues: list[str] = []
    for t in survey.tables:
        issues += _table_inconsistencies(t)
    if round(rate * 100) != survey.response_rate_stated.value:
        issues.append(
            f"response {survey.respondents.value}/{survey.municipalities_total.value} = {rate:.1%}, "
            f"printed as {survey.response_rate_stated.value}%"
        )
    if extrapolated != survey.extrapolation_stated.value:
        issues.append(
            f"extrapolation: {total}/{stated_rate} = {extrapolated}, the report prints "
            f"{survey.extrapolation_stated.value} (L{survey.extrapolation_stated.source.line})"
        )
    if survey.extrapolation_conclusion.value != survey.extrapolation_stated.value:
        issues.append(
            f"extrapolation printed as {survey.extrapolation_stated.value} "
            f"(L{survey.extrapolation_stated.source.line}) and as {survey.extrapolation_conclusion.value} "
            f"(L{survey.extrapolation_conclusion.source.line}); {total}/({survey.respondents.value}/"
            f"{survey.municipalities_total.value}) = {exact:.1f}; we use the report's method: {extrapolated}"
        )
    return NationalAggregates(
        licences_by_type=by_type,
        licences_total=total,
        municipalities_total=survey.municipalities_total.value,
        respondents=survey.respondents.value,
        response_rate=rate,
        response_rate_stated=stated_rate,
        extrapolated=extrapolated,
        extrapolated_exact=exact,
        extrapolation_stated=survey.extrapolation_stated.value,
        extrapolation_conclusion=survey.extrapolation_conclusion.value,
        earlier_study_2014=survey.earlier_study_2014.value,
        inconsistencies=tuple(issues),
    )
