"""Small SVG charts drawn on the server, so pages need no chart library and nothing from the internet.

The map's country outlines come from the `countryinfo` package (a dependency already), which
ships each country's outline as GeoJSON; they are drawn on a plain equirectangular projection.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from urllib.parse import quote

from markupsafe import Markup, escape

from dyad.records import EVENT_TYPES
from dyad.web.queries import Edge, MonthScore, Place

COOPERATION = "#2a7f62"
CONFLICT = "#b8372f"
# One colour per PLOVER type, cooperative types in greens and blues, conflictual in reds and browns.
_PALETTE = ["#1b9e77", "#66a61e", "#7fc97f", "#a6d854", "#386cb0", "#80b1d3", "#bebada", "#fdc086",
            "#e6ab02", "#ff7f00", "#e7298a", "#d95f02", "#b8372f", "#a6761d", "#7f2704", "#4d0000"]  # fmt: skip
TYPE_COLOURS = dict(zip(EVENT_TYPES, _PALETTE, strict=True))


def _svg(width: int, height: int, body: str, label: str) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}" class="chart">{body}</svg>'
    )


def months_by_type(rows: Sequence[tuple[str, str, int]], width: int = 760, height: int = 220) -> Markup:
    """Stacked bars: happenings per month, one colour per type."""
    months = sorted({month for month, _, _ in rows})
    if not months:
        return Markup('<p class="empty">No dated happenings.</p>')
    totals = {month: sum(n for m, _, n in rows if m == month) for month in months}
    top = max(totals.values())
    left, bottom, plot_h = 30, 30, height - 50
    step = (width - left - 10) / len(months)
    parts = [f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" stroke="#888"/>']
    parts.append(f'<text x="2" y="20" class="tick">{top}</text>')
    for i, month in enumerate(months):
        x, y = left + i * step, height - bottom
        for _, kind, n in sorted((r for r in rows if r[0] == month), key=lambda r: EVENT_TYPES.index(r[1])):
            h = n / top * plot_h
            y -= h
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
                f'fill="{TYPE_COLOURS.get(kind, "#999")}"><title>{month} {kind}: {n}</title></rect>'
            )
        if len(months) <= 24 or i % math.ceil(len(months) / 24) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{height - 12}" class="tick" text-anchor="middle">'
                         f"{month[2:]}</text>")  # fmt: skip
    return _svg(width, height, "".join(parts), "happenings by type per month")


def timeline(months: Sequence[MonthScore], width: int = 760, height: int = 260) -> Markup:
    """Cooperation above the axis and conflict below it, month by month, never netted."""
    if not months:
        return Markup('<p class="empty">No dated happenings for this pair.</p>')
    top = max(max(m.cooperation for m in months), -min(m.conflict for m in months), 1.0)
    left, mid, half = 40, height / 2, height / 2 - 28
    step = (width - left - 10) / len(months)
    parts = [
        f'<line x1="{left}" y1="{mid}" x2="{width}" y2="{mid}" stroke="#444"/>',
        f'<text x="2" y="{mid - half + 10:.0f}" class="tick">+{top:g}</text>',
        f'<text x="2" y="{mid + half:.0f}" class="tick">-{top:g}</text>',
        f'<text x="{left}" y="12" class="tick" fill="{COOPERATION}">cooperation</text>',
        f'<text x="{left}" y="{height - 2}" class="tick" fill="{CONFLICT}">conflict</text>',
    ]
    for i, m in enumerate(months):
        x, w = left + i * step + 1, max(step - 2, 1)
        up, down = m.cooperation / top * half, -m.conflict / top * half
        tip = f"{m.month}: cooperation +{m.cooperation:g}, conflict {m.conflict:g}, {m.happenings} happenings"
        parts.append(f'<g class="month"><title>{tip}</title>'
                     f'<rect class="coop" x="{x:.1f}" y="{mid - up:.1f}" width="{w:.1f}" height="{up:.1f}" '
                     f'fill="{COOPERATION}"/><rect class="conflict" x="{x:.1f}" y="{mid:.1f}" width="{w:.1f}" '
                     f'height="{down:.1f}" fill="{CONFLICT}"/></g>')  # fmt: skip
        if len(months) <= 18 or i % math.ceil(len(months) / 18) == 0:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{mid + half + 14:.0f}" class="tick" '
                         f'text-anchor="middle">{m.month}</text>')  # fmt: skip
    return _svg(width, height, "".join(parts), "monthly cooperation and conflict")


def network(edges: Sequence[Edge], width: int = 760, height: int = 560) -> Markup:
    """Nodes on a circle, busiest first; each edge a link to the dyad page of its countries."""
    if not edges:
        return Markup('<p class="empty">No happening names two of them.</p>')
    weight: dict[str, int] = {}
    for edge in edges:
        weight[edge.first] = weight.get(edge.first, 0) + edge.happenings
        weight[edge.second] = weight.get(edge.second, 0) + edge.happenings
    nodes = sorted(weight, key=lambda node: (-weight[node], node))
    cx, cy, radius = width / 2, height / 2, min(width, height) / 2 - 50
    at = {
        node: (
            cx + radius * math.cos(2 * math.pi * i / len(nodes)),
            cy + radius * math.sin(2 * math.pi * i / len(nodes)),
        )
        for i, node in enumerate(nodes)
    }
    heaviest = max(edge.happenings for edge in edges)
    parts = []
    for e in edges:
        (x1, y1), (x2, y2) = at[e.first], at[e.second]
        colour = COOPERATION if e.score >= 0 else CONFLICT
        stroke = 1.5 + 8 * e.happenings / heaviest
        line = (
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{stroke:.1f}" stroke-opacity="0.7"/><title>{escape(e.first)}–{escape(e.second)}: '
            f"{e.happenings} happenings, mean score {e.score:+g}</title>"
        )
        if e.href:
            pair = escape(e.href.removeprefix("/dyad/").replace("/", "-"))
            parts.append(f'<a href="{quote(e.href)}" class="edge" data-dyad="{pair}">{line}</a>')
        else:
            parts.append(f'<g class="edge">{line}</g>')
    for node in nodes:
        x, y = at[node]
        r = 6 + 10 * math.sqrt(weight[node] / weight[nodes[0]])
        label = node if len(node) <= 24 else node[:23] + "…"
        parts.append(
            f'<g class="node" pointer-events="none">'  # labels must not catch the clicks meant for edges
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#fff" stroke="#333"/>'
            f'<text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle">{escape(label)}</text></g>'
        )
    return _svg(width, height, "".join(parts), "actor network")


def _project(lon: float, lat: float, width: int, height: int) -> tuple[float, float]:
    return (lon + 180) / 360 * width, (90 - lat) / 180 * height


@functools.cache
def _outlines(width: int, height: int) -> str:
    """Country outline paths from countryinfo's GeoJSON, drawn once per size."""
    from countryinfo import all_countries

    paths = []
    for country in all_countries():
        try:
            shape = country.geo_json()
        except Exception:  # countryinfo raises its own errors for the few places without outlines
            continue
        for feature in (shape or {}).get("features", []):
            geometry = feature["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            d = "".join(
                "M" + "L".join("{:.1f},{:.1f}".format(*_project(lon, lat, width, height)) for lon, lat in ring) + "Z"
                for polygon in polygons
                for ring in polygon
            )
            paths.append(f'<path d="{d}" data-country="{escape(feature.get("id", ""))}"/>')
    return "".join(paths)


def world_map(points: Sequence[Place], width: int = 960, height: int = 480) -> Markup:
    """Happening places on country outlines, circles sized by sources; a click lists the happenings there."""
    grid = "".join(
        f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>' for y in (height * k / 6 for k in range(1, 6))
    ) + "".join(
        f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>' for x in (width * k / 12 for k in range(1, 12))
    )
    heaviest = max((p.sources for p in points), default=1) or 1
    dots = []
    for p in sorted(points, key=lambda p: -p.sources):
        x, y = _project(p.lon, p.lat, width, height)
        r = 3 + 12 * math.sqrt(p.sources / heaviest)
        dots.append(
            f'<a href="/map?at={quote(p.name)}" class="place" data-place="{escape(p.name)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/><title>{escape(p.name)}: {p.happenings} happenings, '
            f"{p.sources} sources</title></a>"
        )
    body = (
        f'<rect width="{width}" height="{height}" fill="#eef4f8"/><g class="grid" stroke="#d5e0e8">{grid}</g>'
        f'<g class="land" fill="#d9d4c7" stroke="#9c9686" stroke-width="0.4">{_outlines(width, height)}</g>'
        f'<g class="places" fill="{CONFLICT}" fill-opacity="0.6" stroke="#fff">{"".join(dots)}</g>'
    )
    return _svg(width, height, body, "map of happening places")
