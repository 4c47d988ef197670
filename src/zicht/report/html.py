"""report.html: one self-contained page (plotly.js inline once, the map as inline SVG; no CDN, no tiles)."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from zicht.measure.columns import PublishedTable
from zicht.report.suppress import Cell, Grid


@dataclass(frozen=True)
class Block:
    """One table of the report with the charts drawn from it."""

    table: PublishedTable
    grid: Grid
    charts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    title: str
    intro: str  # HTML
    blocks: tuple[Block, ...]
    anchor: str = ""


def format_cell(cell: Cell) -> str:
    """The text of a published cell: thousands separators for counts, percentages with one decimal."""
    value = cell.value
    if cell.hidden and value is None:
        return "–"
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if cell.kind == "count":
        return f"{int(value):,}"
    if cell.kind == "share":
        return f"{value * 100:.1f}%"
    if cell.kind in ("mean", "sd", "rate"):
        return f"{value:.1f}"
    if cell.kind == "value":
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    return str(value)


def table_html(block: Block, max_rows: int | None = None) -> str:
    grid = block.grid
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in grid.headers)
    body = []
    rows = grid.rows if max_rows is None else grid.rows[:max_rows]
    for row in rows:
        cells = []
        for cell in row:
            title = ' title="not published: based on fewer than the threshold"' if cell.hidden else ""
            css = "num" if cell.kind not in ("label", "reference") else cell.kind
            cells.append(
                f'<td class="{css}" data-kind="{cell.kind}"{title}>{html.escape(format_cell(cell))}</td>'
            )
        body.append(f"<tr>{''.join(cells)}</tr>")
    more = ""
    if max_rows is not None and len(grid.rows) > max_rows:
        more = f'<p class="more">First {max_rows} of {len(grid.rows)} rows; all rows are in report.xlsx.</p>'
    return (
        # a table wider than the page scrolls: keyboard users must be able to reach and scroll it (WCAG 2.1.1)
        f'<div class="table-wrap" tabindex="0" role="region" aria-label="{html.escape(block.table.title)}">'
        f'<table class="data" data-table="{html.escape(block.table.key)}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>{more}"
    )


def block_html(block: Block, max_rows: int | None = None) -> str:
    note = f'<p class="note">{html.escape(block.table.note)}</p>' if block.table.note else ""
    charts = "".join(block.charts)
    return (
        f'<section class="block" id="t-{_slug(block.table.key)}"><h3>{html.escape(block.table.title)}</h3>'
        f"{charts}{table_html(block, max_rows)}{note}</section>"
    )


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:1100px;
margin:0 auto;padding:1rem 1.5rem;line-height:1.45}
h1{font-size:1.7rem;margin-bottom:.2rem}
h2{border-bottom:2px solid #1b6ca8;padding-bottom:.2rem;margin-top:2.5rem}
h3{margin-top:1.8rem}.sub{color:#555;margin-top:0}.note,.more{color:#555;font-size:.9rem}
.box{background:#f4f7fa;border-left:4px solid #1b6ca8;padding:.6rem 1rem;margin:1rem 0}
.box h2{margin-top:.4rem}
.table-wrap{overflow-x:auto}
table.data{border-collapse:collapse;font-size:.88rem;margin:.5rem 0;max-width:100%}
table.data th,table.data td{border-bottom:1px solid #ddd;padding:.25rem .45rem;vertical-align:top}
table.data th{background:#eef2f6;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.reference{color:#555;font-style:italic}.chart{margin:.5rem 0 1rem}
svg.nlmap{max-width:560px;width:100%;height:auto;display:block;margin:1rem 0}
nav ul{columns:2;font-size:.92rem}
footer{margin-top:3rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
a:focus,a:focus-visible{outline:3px solid #1b6ca8;outline-offset:2px}
@media print{body{max-width:none;padding:0;font-size:10pt}nav{display:none}
.table-wrap{overflow:visible}table.data{width:100%;font-size:8pt;table-layout:auto}
table.data th,table.data td{padding:.1rem .25rem;overflow-wrap:anywhere}
tr,.chart,svg.nlmap{break-inside:avoid}h2,h3{break-after:avoid}.box{border:1px solid #999}}
"""


def page_html(
    title: str,
    subtitle: str,
    preamble: str,
    sections: Sequence[Section],
    footer: str,
    plotly_js: str,
    max_rows: dict[str, int] | None = None,
) -> str:
    """The whole page. `preamble` and `footer` are HTML; `max_rows` caps long tables by key."""
    limits = max_rows or {}
    nav = "".join(
        f'<li><a href="#{s.anchor or _slug(s.title)}">{html.escape(s.title)}</a></li>' for s in sections
    )
    body = []
    for section in sections:
        blocks = "".join(block_html(b, limits.get(b.table.key)) for b in section.blocks)
        body.append(
            f'<section id="{section.anchor or _slug(section.title)}"><h2>{html.escape(section.title)}</h2>'
            f"{section.intro}{blocks}</section>"
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{CSS}</style>"
        f'<script type="text/javascript">{plotly_js}</script></head><body>'
        f'<header><h1>{html.escape(title)}</h1><p class="sub">{html.escape(subtitle)}</p></header>'
        f"<main>{preamble}<nav><h2>Contents</h2><ul>{nav}</ul></nav>{''.join(body)}</main>"
        f"<footer>{footer}</footer></body></html>"
    )
