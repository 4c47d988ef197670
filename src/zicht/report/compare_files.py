"""compare.html and compare.xlsx: the before/after comparison as a page a policy maker can read and print.

Only published values: rows the comparison suppressed (small cells) show a dash. Each measure gets a human
label; a change is said in words ("lower", "higher"), never by colour alone.
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

from zicht.measure.compare import MeasureRow

LABELS = {
    "active_ads_per_week": ("Active ads per week", "count"),
    "active_home_ads_per_week": ("Active ads per week: home (privé-ontvangst)", "count"),
    "active_escort_ads_per_week": ("Active ads per week: escort", "count"),
    "active_massage_ads_per_week": ("Active ads per week: massage", "count"),
    "new_ads_per_week": ("New ads per week", "count"),
    "closed_ads_per_week": ("Ads closed per week", "count"),
    "active_advertisers_per_week": ("Active advertisers per week (Zicht linking)", "count"),
    "price_per_hour": ("Mean price per hour (euro)", "mean"),
    "age": ("Mean stated age (years)", "mean"),
    "share_origin_europe_east": ("Share of ads stating an Eastern European origin", "share"),
    "share_age_under_21": ("Share of ads stating an age under 21", "share"),
    "share_available_24_7": ("Share of ads offering 24/7", "share"),
    "share_unsafe_sex": ("Share of ads offering unsafe sex", "share"),
    "share_third_party": ("Share of ads pointing to a third party", "share"),
    "share_new_in_town": ("Share of ads saying 'new in town'", "share"),
    "share_several_workers": ("Share of ads offering several workers", "share"),
}

STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 1rem auto;
  padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 1.5rem; }
th, td { border-bottom: 1px solid #c8c8c8; padding: .3rem .4rem; text-align: right; overflow-wrap: anywhere; }
th:first-child, td:first-child { text-align: left; width: 34%; }
caption { text-align: left; font-weight: bold; padding: .4rem 0; }
.changed { font-weight: bold; }
@media print { body { max-width: none; margin: 0; } h2 { break-before: auto; } table { break-inside: auto; }
  tr { break-inside: avoid; } }
"""


def _number(value: float | None, kind: str) -> str:
    if value is None:
        return "–"
    if kind == "share":
        return f"{value * 100:.1f}%"
    return f"{value:,.1f}"


def _difference(row: MeasureRow, kind: str) -> str:
    if row.difference is None or row.interval is None:
        return "–"
    scale = 100 if kind == "share" else 1
    unit = " pt" if kind == "share" else ""
    low, high = (x * scale for x in row.interval)
    text = f"{row.difference * scale:+,.1f}{unit} (95%: {low:+,.1f} to {high:+,.1f})"
    if row.flagged:
        word = "lower" if row.difference < 0 else "higher"
        return f'<span class="changed">{html.escape(text)}: {word}</span>'
    return html.escape(text) + ": no clear change"


def _table(rows: Sequence[MeasureRow], caption: str, before: str, after: str) -> str:
    head = (
        f'<tr><th scope="col">Measure</th><th scope="col">Before ({html.escape(before)})</th>'
        f'<th scope="col">After ({html.escape(after)})</th><th scope="col">Difference</th></tr>'
    )
    body = []
    for row in rows:
        label, kind = LABELS.get(row.measure, (row.measure, "mean"))
        body.append(
            f'<tr><th scope="row">{html.escape(label)}</th><td>{_number(row.before, kind)}</td>'
            f"<td>{_number(row.after, kind)}</td><td>{_difference(row, kind)}</td></tr>"
        )
    return f"<table><caption>{html.escape(caption)}</caption>{head}{''.join(body)}</table>"


def write_compare(
    out_dir: Path,
    rows: Sequence[MeasureRow],
    before: str,
    after: str,
    names: dict[str, str],
    rules: dict[str, str],
    threshold: int,
) -> tuple[Path, Path]:
    """Write compare.html and compare.xlsx (each to a temporary name first); returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    page = out_dir / "compare.html"
    workbook = out_dir / "compare.xlsx"
    _replace(page, _page(rows, before, after, names, rules, threshold).encode("utf-8"))
    partial = out_dir / ".compare.xlsx.partial"
    _workbook(partial, rows, before, after, names)
    os.replace(partial, workbook)
    return page, workbook


def _forest_chart(rows: Sequence[MeasureRow]) -> str:
    """National relative differences with their 95% intervals, one line per measure (its table is the text
    alternative, right below)."""
    import plotly.graph_objects as go

    from zicht.report.charts import _figure, _layout, render

    shown = [r for r in rows if r.municipality is None and r.relative is not None and r.interval and r.before]
    if not shown:
        return ""
    labels = [LABELS.get(r.measure, (r.measure, ""))[0] for r in shown]
    relative = [100 * (r.relative or 0) for r in shown]
    low = [100 * r.interval[0] / r.before for r in shown if r.interval and r.before]
    high = [100 * r.interval[1] / r.before for r in shown if r.interval and r.before]
    trace = go.Scatter(
        x=relative,
        y=labels,
        mode="markers",
        error_x={
            "type": "data",
            "symmetric": False,
            "array": [h - v for h, v in zip(high, relative, strict=True)],
            "arrayminus": [v - lo for v, lo in zip(relative, low, strict=True)],
        },
        name="difference (95% interval)",
    )
    layout = _layout("The Netherlands: after against before", "", height=60 + 28 * len(shown))
    layout["xaxis"] = {"title": {"text": "difference, % of before"}, "zeroline": True}
    layout["yaxis"] = {"autorange": "reversed", "automargin": True}
    layout["margin"] = {"l": 20, "r": 20, "t": 50, "b": 50}
    return render("compare-national", _figure([trace], layout))


def _replace(path: Path, data: bytes) -> None:
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def _page(
    rows: Sequence[MeasureRow],
    before: str,
    after: str,
    names: dict[str, str],
    rules: dict[str, str],
    threshold: int,
) -> str:
    from plotly.offline import get_plotlyjs

    plotly_js = get_plotlyjs()
    by_area: dict[str | None, list[MeasureRow]] = {}
    for row in rows:
        by_area.setdefault(row.municipality, []).append(row)
    flagged = [r for r in rows if r.flagged and r.municipality is None]
    findings = "".join(f"<li>{_finding(r)}</li>" for r in flagged)
    findings = findings or "<li>No national measure changed more than chance would explain.</li>"
    sections = [_table(by_area.get(None, []), "The Netherlands", before, after)]
    for code in sorted(k for k in by_area if k is not None):
        shown = [r for r in by_area[code] if not r.suppressed]
        if not shown:
            continue
        title = f"{names.get(code, code)} ({code})"
        rule = f"<p>Local rules in the register: {html.escape(rules[code])}</p>" if code in rules else ""
        sections.append(f"<h3>{html.escape(title)}</h3>{rule}{_table(shown, title, before, after)}")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Zicht: before and after</title><style>{STYLE}</style>
<script type="text/javascript">{plotly_js}</script></head>
<body><main>
<h1>Before and after: {html.escape(before)} against {html.escape(after)}</h1>
<h2>Key findings</h2><ul>{findings}</ul>
<p>Each figure is the mean over the measurement moments of a period. The difference has a 95% interval from a
bootstrap that resamples advertisers (all ads of one advertiser together) and blocks of consecutive weeks; a
difference is called a change only when its interval excludes zero. About one in twenty unchanged measures is
still called a change by chance: read single municipal changes with care. Figures resting on fewer than
{threshold} ads in a period are not published (–).</p>
<h2>Figures</h2>
{_forest_chart(by_area.get(None, []))}
{"".join(sections)}
</main></body></html>
"""


def _finding(row: MeasureRow) -> str:
    label, kind = LABELS.get(row.measure, (row.measure, "mean"))
    return f"{html.escape(label)}: {_difference(row, kind)}"


def _workbook(path: Path, rows: Sequence[MeasureRow], before: str, after: str, names: dict[str, str]) -> None:
    import xlsxwriter

    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    try:
        sheet = workbook.add_worksheet("compare")
        bold = workbook.add_format({"bold": True})
        headers = ["measure", "municipality", "name", f"before {before}", f"after {after}", "difference"]
        headers += ["interval low", "interval high", "changed"]
        sheet.write_row(0, 0, headers, bold)
        for index, row in enumerate(rows, start=1):
            low, high = row.interval or (None, None)
            sheet.write_row(
                index,
                0,
                [
                    LABELS.get(row.measure, (row.measure, ""))[0],
                    row.municipality or "NL",
                    names.get(row.municipality or "", "The Netherlands"),
                    "–" if row.before is None else row.before,
                    "–" if row.after is None else row.after,
                    "–" if row.difference is None else row.difference,
                    "–" if low is None else low,
                    "–" if high is None else high,
                    "yes" if row.flagged else "no",
                ],
            )
        sheet.set_column(0, 0, 48)
        sheet.set_column(1, 8, 14)
    finally:
        workbook.close()
