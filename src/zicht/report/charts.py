"""Plotly charts of the published (suppressed) grids, embedded as HTML snippets without plotly.js; the page
includes plotly.js once, inline, so the report works offline. Every chart sits in a container with a
data-chart attribute naming it. Values hidden by the small-cell rule are simply not drawn.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from zicht.report.suppress import Grid

COLOURS = ("#1b6ca8", "#e07b39", "#3a9e5f", "#8e5ea2", "#c9404f", "#6b6b6b")
REFERENCE_COLOUR = "#222222"
STAT_ROWS = frozenset({"total", "mean", "sd"})


def _layout(title: str, y_title: str, **extra: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": title, "font": {"size": 15}},
        "template": "simple_white",
        "height": 380,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
        "yaxis": {"title": {"text": y_title}},
        "legend": {"orientation": "h", "y": -0.18},
        "colorway": list(COLOURS),
        "font": {"family": "system-ui, sans-serif", "size": 12},
    }
    layout.update(extra)
    return layout


def render(key: str, figure: Any) -> str:
    """The chart's HTML: a container with data-chart=key holding the plotly div and its newPlot call."""
    import plotly.io as pio

    inner = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=False,
        div_id=f"chart-{key}",
        config={"displayModeBar": False, "responsive": True},
    )
    return f'<div class="chart" data-chart="{html.escape(key)}">{inner}</div>'


def _figure(traces: list[Any], layout: dict[str, Any]) -> Any:
    import plotly.graph_objects as go

    return go.Figure(data=traces, layout=layout)


def _percent(text: Any) -> float | None:
    """The leading percentage of a 2021-report cell ("22%", "59% of non-Dutch"), else None."""
    match = re.match(r"\s*([\d.]+)%", str(text or ""))
    return float(match.group(1)) if match else None


def _scaled(values: Sequence[float | None], factor: float) -> list[float | None]:
    return [v * factor if v is not None else None for v in values]


def line_chart(
    key: str, grid: Grid, x: str, series: Sequence[tuple[str, str]], title: str, y_title: str
) -> str:
    """Lines over the moments: series are (legend name, column)."""
    import plotly.graph_objects as go

    xs = [c.value for c in grid.column(x)]
    traces = [
        go.Scatter(x=xs, y=grid.numbers(column), name=name, mode="lines+markers", connectgaps=False)
        for name, column in series
    ]
    return render(key, _figure(traces, _layout(title, y_title, hovermode="x unified")))


def bar_chart(
    key: str,
    grid: Grid,
    label: str,
    series: Sequence[tuple[str, str]],
    title: str,
    y_title: str,
    reference: str | None = None,
    percent: bool = True,
    horizontal: bool = False,
    rows: Sequence[int] | None = None,
) -> str:
    """Grouped bars per row label: series are (legend name, share or count column); `reference` is a
    "2021 report" column whose leading percentages are drawn as markers."""
    import plotly.graph_objects as go

    picked = list(rows) if rows is not None else list(range(len(grid.rows)))
    labels = [str(grid.column(label)[i].value) for i in picked]
    traces = []
    for name, column in series:
        values = [grid.numbers(column)[i] for i in picked]
        values = _scaled(values, 100.0) if percent else values
        if horizontal:
            traces.append(go.Bar(y=labels, x=values, name=name, orientation="h"))
        else:
            traces.append(go.Bar(x=labels, y=values, name=name))
    if reference is not None:
        published = [_percent(grid.column(reference)[i].value) for i in picked]
        if any(v is not None for v in published):
            marker = {"symbol": "diamond", "size": 10, "color": REFERENCE_COLOUR}
            if horizontal:
                traces.append(
                    go.Scatter(y=labels, x=published, name="2021 report", mode="markers", marker=marker)
                )
            else:
                traces.append(
                    go.Scatter(x=labels, y=published, name="2021 report", mode="markers", marker=marker)
                )
    extra: dict[str, Any] = {"barmode": "group"}
    if horizontal:
        extra.update(
            yaxis={"autorange": "reversed", "automargin": True},
            xaxis={"title": {"text": y_title}},
            height=max(380, 24 * len(labels) + 120),
            margin={"l": 200, "r": 20, "t": 50, "b": 60},
        )
    return render(key, _figure(traces, _layout(title, "" if horizontal else y_title, **extra)))


def frequency_rows(grid: Grid, label: str) -> list[int]:
    """The bin rows of a 2021-style frequency table (not total, mean, sd)."""
    return [i for i, cell in enumerate(grid.column(label)) if str(cell.value) not in STAT_ROWS]


def ranked_rate_chart(key: str, grid: Grid, label: str, rate: str, title: str, top: int = 25) -> str:
    """Horizontal bars of the `top` highest published rates (hidden rates are skipped, never ranked)."""
    rates = grid.numbers(rate)
    ranked = [i for i, r in enumerate(rates) if r is not None and r > 0][:top]
    return bar_chart(
        key,
        grid,
        label,
        [("ads per 100,000 inhabitants", rate)],
        title,
        "ads per 100,000 inhabitants",
        percent=False,
        horizontal=True,
        rows=ranked,
    )
