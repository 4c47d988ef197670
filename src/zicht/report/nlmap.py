"""A choropleth map of the Netherlands as inline SVG, drawn from the CBS/Kadaster municipal boundaries
(ReferenceData.boundaries()) with a small equirectangular projection: no tiles, no scripts, works offline.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

WIDTH = 560.0
MARGIN = 8.0
LEGEND_HEIGHT = 120.0
# ColorBrewer YlOrRd, 5 classes (colour-blind safe, prints in grey); municipalities without a published
# rate (no ads, or fewer than the publication threshold) are light grey.
PALETTE = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")
NO_VALUE = "#e6e6e6"


@dataclass(frozen=True)
class MapValue:
    """The published value of one municipality: `rate` None when there is none or it is suppressed."""

    name: str
    rate: float | None
    label: str  # tooltip text, e.g. "Amsterdam: 13.2 ads per 100,000 inhabitants"


def _rings(geometry: Mapping) -> Iterable[Sequence[Sequence[float]]]:
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def class_breaks(rates: Sequence[float], classes: int = len(PALETTE)) -> list[float]:
    """Upper bounds of `classes` quantile classes over the rates (the last is the maximum)."""
    ordered = sorted(rates)
    if not ordered:
        return []
    return [
        ordered[min(len(ordered) - 1, math.ceil(len(ordered) * (i + 1) / classes) - 1)]
        for i in range(classes)
    ]


def render_map(boundaries: Mapping, values: Mapping[str, MapValue], title: str, credit: str) -> str:
    """The SVG of every municipality coloured by its rate class, with a legend and the credit line."""
    features = boundaries.get("features", [])
    points = [p for f in features for ring in _rings(f["geometry"]) for p in ring]
    if not points:
        return '<svg data-chart="map" class="nlmap" xmlns="http://www.w3.org/2000/svg"></svg>'
    lon0, lon1 = min(p[0] for p in points), max(p[0] for p in points)
    lat0, lat1 = min(p[1] for p in points), max(p[1] for p in points)
    squeeze = math.cos(
        math.radians((lat0 + lat1) / 2)
    )  # a degree of longitude is shorter than one of latitude
    scale = (WIDTH - 2 * MARGIN) / ((lon1 - lon0) * squeeze)
    height = (lat1 - lat0) * scale + 2 * MARGIN

    def xy(p: Sequence[float]) -> str:
        return f"{MARGIN + (p[0] - lon0) * squeeze * scale:.1f},{MARGIN + (lat1 - p[1]) * scale:.1f}"

    rates = [v.rate for v in values.values() if v.rate is not None]
    breaks = class_breaks(rates)
    paths = []
    for feature in features:
        code = feature.get("properties", {}).get("statcode") or feature.get("id")
        value = values.get(code)
        fill = NO_VALUE
        if value is not None and value.rate is not None and breaks:
            fill = PALETTE[next((i for i, b in enumerate(breaks) if value.rate <= b), len(breaks) - 1)]
        d = " ".join("M" + " L".join(xy(p) for p in ring) + " Z" for ring in _rings(feature["geometry"]))
        tip = html.escape(value.label if value else str(feature.get("properties", {}).get("statnaam", code)))
        paths.append(
            f'<path d="{d}" fill="{fill}" data-code="{html.escape(str(code))}"><title>{tip}</title></path>'
        )

    legend = []
    top = height + 10
    lower = 0.0
    for i, (colour, upper) in enumerate(zip(PALETTE, breaks, strict=False)):
        y = top + i * 18
        legend.append(
            f'<rect x="{MARGIN}" y="{y:.0f}" width="16" height="12" fill="{colour}" stroke="#888"/>'
        )
        text = f"up to {upper:.1f}" if i == 0 else f"{lower:.1f} – {upper:.1f}"
        legend.append(f'<text x="{MARGIN + 22}" y="{y + 10:.0f}">{text}</text>')
        lower = upper
    y = top + len(breaks) * 18
    legend.append(f'<rect x="{MARGIN}" y="{y:.0f}" width="16" height="12" fill="{NO_VALUE}" stroke="#888"/>')
    legend.append(f'<text x="{MARGIN + 22}" y="{y + 10:.0f}">no ads or too few to publish</text>')
    total_height = height + LEGEND_HEIGHT + 10
    return (
        f'<svg data-chart="map" class="nlmap" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH:.0f} {total_height:.0f}" aria-label="{html.escape(title)}">'
        f"<title>{html.escape(title)}</title>"
        f'<g stroke="#ffffff" stroke-width="0.4">{"".join(paths)}</g>'
        f'<g font-size="11" font-family="sans-serif" fill="#333">{"".join(legend)}'
        f'<text x="{WIDTH - MARGIN}" y="{total_height - 6:.0f}" text-anchor="end">'
        f"{html.escape(credit)}</text>"
        "</g></svg>"
    )
