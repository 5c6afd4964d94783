"""The report's two images, drawn locally with matplotlib (no tiles, no internet).

Figures are made with matplotlib's object API on an Agg canvas created inside each
function: nothing touches pyplot's global state or the process-wide backend, and nothing
is imported before a chart is asked for. Text from incidents (place names) is drawn with
``parse_math=False`` so that a hostile ``$...$`` is shown as typed."""

from __future__ import annotations

import io
import math
import warnings
from datetime import date, timedelta
from typing import Mapping, Sequence

from .common import coordinates, country_info, get, text, total_range

#: One colour per ACLED event type (colour-blind-safe Okabe-Ito palette).
TYPE_COLOURS = {
    "battles": "#D55E00",
    "explosions_remote_violence": "#0072B2",
    "violence_against_civilians": "#CC79A7",
    "protests": "#009E73",
    "riots": "#E69F00",
    "strategic_developments": "#999999",
}
OTHER_COLOUR = "#444444"
_LABEL_MAX = 40


def _label(s: str) -> str:
    s = " ".join(text(s).split())
    return s if len(s) <= _LABEL_MAX else s[: _LABEL_MAX - 1] + "\u2026"


def _png(fig) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs of non-Latin place names
        fig.savefig(buf, format="png", dpi=100, metadata={"Software": None})
    return buf.getvalue()


def map_png(incidents: Sequence[Mapping], *, type_labels: Mapping[str, str] | None = None
            ) -> bytes | None:
    """A scatter map of the incidents' coordinates, marker area growing with the best
    fatality figure, coloured by event type, with admin1 (or country) centroids labelled.
    ``None`` when no incident has coordinates."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    pts = []
    for inc in incidents:
        c = coordinates(inc)
        if c is None:
            continue
        best = total_range(inc).best
        pts.append((c[0], c[1], best, text(inc.get("type")),
                    text(get(inc, "location", "admin1")), text(get(inc, "location", "country"))))
    if not pts:
        return None
    type_labels = type_labels or {}
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    mean_lat = sum(lats) / len(lats)
    kx = max(math.cos(math.radians(mean_lat)), 0.1)  # km per degree of longitude, relative
    # Extent with a margin, then widened on the short side so the map is not a sliver.
    lat0, lat1 = min(lats), max(lats)
    lon0, lon1 = min(lons), max(lons)
    pad = max((lat1 - lat0), (lon1 - lon0) * kx, 0.5) * 0.12 + 0.25
    lat0, lat1, lon0, lon1 = lat0 - pad, lat1 + pad, lon0 - pad / kx, lon1 + pad / kx
    h_deg, w_deg = lat1 - lat0, (lon1 - lon0) * kx
    if w_deg < h_deg * 0.75:
        extra = (h_deg * 0.75 - w_deg) / kx / 2
        lon0, lon1 = lon0 - extra, lon1 + extra
    elif h_deg < w_deg * 0.6:
        extra = (w_deg * 0.6 - h_deg) / 2
        lat0, lat1 = lat0 - extra, lat1 + extra
    lat0, lat1 = max(lat0, -90.0), min(lat1, 90.0)
    lon0, lon1 = max(lon0, -180.0), min(lon1, 180.0)
    ratio = (lat1 - lat0) / max((lon1 - lon0) * kx, 1e-9)
    fig = Figure(figsize=(7.5, min(max(7.5 * ratio, 4.0), 8.0) + 0.6))
    ax = fig.add_subplot(1, 1, 1)
    types_present = []
    for t in sorted({p[3] for p in pts}):
        sel = [p for p in pts if p[3] == t]
        sizes = [24 + 14 * math.sqrt(max(p[2] or 0, 0)) for p in sel]
        sizes = [min(s, 900) for s in sizes]
        colour = TYPE_COLOURS.get(t, OTHER_COLOUR)
        ax.scatter([p[1] for p in sel], [p[0] for p in sel], s=sizes, c=colour, alpha=0.6,
                   edgecolors="black", linewidths=0.5, zorder=3)
        types_present.append((t, colour))
    # Centroids of admin1 areas, labelled; a country is labelled only when none of its
    # incidents has an admin1.
    groups: dict[str, list[tuple[float, float]]] = {}
    with_admin1 = {p[5] for p in pts if p[4]}
    for p in pts:
        if p[4]:
            key = p[4]
        elif p[5] and p[5] not in with_admin1:
            key = country_info(p[5])["name"] or p[5]
        else:
            continue
        groups.setdefault(key, []).append((p[0], p[1]))
    for name, cs in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:25]:
        clat = sum(c[0] for c in cs) / len(cs)
        clon = sum(c[1] for c in cs) / len(cs)
        ax.plot([clon], [clat], marker="+", color="black", markersize=8, zorder=4)
        ax.annotate(_label(name), (clon, clat), xytext=(5, 5), textcoords="offset points",
                    fontsize=8, parse_math=False, zorder=5,
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none",
                          "alpha": 0.7})
    ax.set_xlim(lon0, lon1)
    ax.set_ylim(lat0, lat1)
    ax.set_aspect(1.0 / kx)
    ax.grid(True, linestyle=":", linewidth=0.5, color="#999999")
    ax.set_xlabel("longitude (\u00b0E)")
    ax.set_ylabel("latitude (\u00b0N)")
    ax.set_title(f"Incidents with coordinates ({len(pts)}); marker area ~ best fatality figure",
                 fontsize=10)
    handles = [Line2D([0], [0], marker="o", linestyle="", markerfacecolor=c, alpha=0.7,
                      markeredgecolor="black", markersize=8,
                      label=_label(type_labels.get(t, t or "unknown type")))
               for t, c in types_present]
    if handles:
        ax.legend(handles=handles, loc="best", fontsize=8, framealpha=0.8)
    fig.tight_layout()
    return _png(fig)


def bucket_of(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def bucket_unit(first: date, last: date) -> str:
    """``day`` for periods up to 92 days, ``week`` up to two years, else ``month``."""
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


def daily_png(series: Sequence[Mapping], unit: str = "day") -> bytes | None:
    """Two panels sharing the time axis: incidents per ``unit`` (bars), and the best
    fatality figure per ``unit`` with low-high error bars (a caret marks sums that include
    open-ended figures). ``series`` items: ``{"day": date, "incidents", "low", "best",
    "high", "open"}`` with ``high`` already including the best of open-ended incidents.
    ``None`` when the series is empty."""
    from matplotlib.dates import (AutoDateLocator, ConciseDateFormatter, DateFormatter,
                                  DayLocator, date2num)
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    if not series:
        return None
    width_days = {"day": 0.8, "week": 5.6, "month": 24.0}[unit]
    xs = [date2num(s["day"]) for s in series]
    fig = Figure(figsize=(8.0, 5.0))
    ax1 = fig.add_subplot(2, 1, 1)
    ax2 = fig.add_subplot(2, 1, 2, sharex=ax1)
    ax1.bar(xs, [s["incidents"] for s in series], width=width_days, color="#0072B2")
    ax1.set_ylabel(f"incidents / {unit}")
    ax1.set_title(f"Incidents and fatalities per {unit}", fontsize=10)
    best = [s["best"] or 0 for s in series]
    low = [s["low"] or 0 for s in series]
    high = [s["high"] if s["high"] is not None else (s["best"] or 0) for s in series]
    lower = [max(b - lo, 0) for b, lo in zip(best, low)]
    upper = [max(h - b, 0) for b, h in zip(best, high)]
    ax2.bar(xs, best, width=width_days, color="#D55E00", alpha=0.8, label="best")
    ax2.errorbar(xs, best, yerr=[lower, upper], fmt="none", ecolor="black", elinewidth=1,
                 capsize=3, label="low\u2013high")
    opens = [(x, h) for x, h, s in zip(xs, high, series) if s.get("open")]
    if opens:
        ax2.plot([o[0] for o in opens], [o[1] for o in opens], linestyle="", marker="^",
                 color="black", markersize=5, label="includes open-ended highs")
    ax2.set_ylabel(f"fatalities / {unit}")
    ax2.legend(fontsize=8, loc="best", framealpha=0.8)
    for ax in (ax1, ax2):
        ax.grid(True, axis="y", linestyle=":", linewidth=0.5)
        ax.set_ylim(bottom=0)
    if unit == "day":
        n_days = int(xs[-1] - xs[0]) + 1
        locator = DayLocator(interval=max(1, math.ceil(n_days / 8)))
        ax2.xaxis.set_major_locator(locator)
        ax2.xaxis.set_major_formatter(DateFormatter("%Y-%m-%d"))
        ax2.set_xlim(xs[0] - 0.7, xs[-1] + 0.7)
    else:
        locator = AutoDateLocator(minticks=3, maxticks=9)
        ax2.xaxis.set_major_locator(locator)
        ax2.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        if len(xs) == 1:
            ax2.set_xlim(xs[0] - 3 * width_days, xs[0] + 3 * width_days)
    ax1.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax2.yaxis.set_major_locator(MaxNLocator(integer=True))
    for label in ax2.get_xticklabels():
        label.set_rotation(0)
    ax1.tick_params(labelbottom=False)
    fig.tight_layout()
    return _png(fig)
