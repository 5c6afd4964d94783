"""The situation report: what a monitor would circulate about a period and an area.

:func:`summarize` turns incident dicts into a plain summary dict (totals with ranges, by
type, by place, by day, the main incidents, contested claims and denials);
:func:`render_markdown` and :func:`render_html` turn it into a document; :func:`make_report`
does all three and draws the images. Every piece of text that comes from an article or an
incident is escaped: HTML-escaped in HTML (the page has no script and forbids any by its
Content-Security-Policy), Markdown- and HTML-escaped in Markdown.
"""

from __future__ import annotations

import base64
import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .charts import bucket_of, bucket_unit, daily_png, map_png
from .common import (EVENT_TYPES, SUB_EVENT_TYPES, claims, country_info, date_span,
                     denials, filter_incidents, get, group_range, independent_sources,
                     is_contested, parse_day, statements, text, total_range)

TOP_N = 10
MAX_PLACES = 25
MAX_DAYS_TABLE = 62
MAX_CONTESTED = 20
MAX_QUOTE = 400
METHOD_DOCS = ("docs/incidents.md", "docs/exports.md")


# --------------------------------------------------------------------------- summary

def _acc() -> dict[str, Any]:
    return {"incidents": 0, "with_figures": 0, "low": 0, "best": 0, "high": 0, "open": 0}


def _add(acc: dict[str, Any], fig) -> None:
    acc["incidents"] += 1
    if not fig.known:
        return
    acc["with_figures"] += 1
    acc["low"] += fig.low or 0
    acc["best"] += fig.best or 0
    # An open-ended range adds its best to the sum of highs; the sum is then marked "+".
    acc["high"] += fig.high if fig.high is not None else (fig.best or 0)
    if fig.open_ended:
        acc["open"] += 1


def _truncate(s: str, n: int) -> str:
    s = " ".join(text(s).split())
    return s if len(s) <= n else s[: n - 1] + "\u2026"


def _type_label(inc: Mapping) -> str:
    t, st = text(inc.get("type")), text(inc.get("sub_type"))
    tl = EVENT_TYPES.get(t, t) or "Unknown type"
    stl = SUB_EVENT_TYPES.get(st, st)
    return f"{tl}: {stl}" if stl else tl


def _place(inc: Mapping) -> str:
    loc = inc.get("location") if isinstance(inc.get("location"), Mapping) else {}
    parts = [text(loc.get("name")), text(loc.get("admin1")),
             country_info(loc.get("country"))["name"]]
    out = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return ", ".join(out) or "place unknown"


def _when(inc: Mapping) -> str:
    start, end = date_span(inc)
    if start is None:
        return "date unknown"
    return start.isoformat() if end == start else f"{start.isoformat()} to {end.isoformat()}"


def summarize(incidents: Iterable[Mapping], *, since: Any = None, until: Any = None,
              country: str | None = None, admin1: str | None = None, top: int = TOP_N,
              generated: datetime | None = None, apply_filters: bool = True) -> dict[str, Any]:
    """The report's content as a plain dict (JSON-serialisable but for ``date`` values).

    The filters name the period and area in the title; they are also applied to
    ``incidents`` unless ``apply_filters`` is false (the incidents were already chosen)."""
    incs = list(incidents)
    if apply_filters:
        incs = filter_incidents(incs, since=since, until=until, country=country,
                                admin1=admin1)
    days = [d for inc in incs for d in date_span(inc) if d]
    first = parse_day(since) or (min(days) if days else None)
    last = parse_day(until) or (max(days) if days else None)
    scope = []
    if admin1:
        scope.append(admin1)
    if country:
        scope.append(country_info(country)["name"] or country)
    area = ", ".join(scope) or "all areas"
    period = (f"{first.isoformat()} to {last.isoformat()}" if first and last
              else "no dated incidents")
    totals = {"fatalities": _acc(), "civilians": _acc(), "children": _acc(), "injured": _acc()}
    by_type: dict[str, dict] = {}
    by_place: dict[tuple[str, str], dict] = {}
    by_day: dict[date, dict] = {}
    ranked = []
    contested = []
    undated = 0
    for inc in incs:
        fig = total_range(inc)
        _add(totals["fatalities"], fig)
        for g in ("civilians", "children"):
            gr = group_range(inc, g)
            if gr.known:
                _add(totals[g], gr)
        inj = total_range(inc, "injured")
        if inj.known:
            _add(totals["injured"], inj)
        t = text(inc.get("type"))
        acc = by_type.setdefault(t, {**_acc(), "type": t,
                                     "label": EVENT_TYPES.get(t, t) or "Unknown type"})
        _add(acc, fig)
        loc = inc.get("location") if isinstance(inc.get("location"), Mapping) else {}
        key = (text(loc.get("admin1")) or "admin1 unknown",
               country_info(loc.get("country"))["name"])
        pacc = by_place.setdefault(key, {**_acc(), "admin1": key[0], "country": key[1],
                                         "places": {}})
        _add(pacc, fig)
        name = text(loc.get("name"))
        if name:
            pacc["places"][name] = pacc["places"].get(name, 0) + 1
        start, _end = date_span(inc)
        if start is None:
            undated += 1
        else:
            _add(by_day.setdefault(start, {**_acc(), "day": start}), fig)
        ranked.append((fig.best if fig.best is not None else -1, inc, fig))
        if is_contested(inc) or denials(inc):
            contested.append(inc)
    ranked.sort(key=lambda r: (-r[0], text(r[1].get("id"))))
    main = [_incident_entry(inc, fig) for best, inc, fig in ranked[:top] if best >= 0]
    places = sorted(by_place.values(), key=lambda a: (-a["best"], -a["incidents"], a["admin1"]))
    for p in places:
        p["places"] = [n for n, _c in sorted(p["places"].items(), key=lambda kv: (-kv[1], kv[0]))]
    day_rows = [by_day[d] for d in sorted(by_day)]
    unit = bucket_unit(day_rows[0]["day"], day_rows[-1]["day"]) if day_rows else "day"
    buckets: dict[date, dict] = {}
    for inc in incs:
        start, _ = date_span(inc)
        if start is not None:
            b = bucket_of(start, unit)
            _add(buckets.setdefault(b, {**_acc(), "day": b}), total_range(inc))
    contested.sort(key=lambda inc: (date_span(inc)[0] or date.min, text(inc.get("id"))))
    return {
        "title": f"Situation report: {area}, {period}",
        "area": area,
        "period": {"since": first, "until": last, "text": period},
        "filters": {"since": since, "until": until, "country": country, "admin1": admin1},
        "generated": (generated or datetime.now(timezone.utc)).strftime("%Y-%m-%d %H:%M UTC"),
        "incidents": len(incs),
        "undated": undated,
        "totals": totals,
        "by_type": sorted(by_type.values(), key=lambda a: (-a["best"], -a["incidents"],
                                                           a["label"])),
        "by_place": places,
        "by_day": day_rows,
        "chart_unit": unit,
        "chart_series": [buckets[b] for b in sorted(buckets)],
        "main": main,
        "contested": [_contested_entry(inc) for inc in contested[:MAX_CONTESTED]],
        "contested_total": len(contested),
        "grades": _count(text(inc.get("grade")) or "ungraded" for inc in incs),
    }


def _count(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def _incident_entry(inc: Mapping, fig) -> dict[str, Any]:
    return {
        "id": text(inc.get("id")),
        "when": _when(inc),
        "place": _place(inc),
        "type": _type_label(inc),
        "low": fig.low, "best": fig.best, "high": fig.high, "open": fig.open_ended,
        "civilians": group_range(inc, "civilians"),
        "grade": text(inc.get("grade")) or "ungraded",
        "contested": is_contested(inc),
        "sources": independent_sources(inc),
        "corroboration": inc.get("corroboration"),
        "reports": len(inc.get("reports") or []) if isinstance(inc.get("reports"),
                                                                (list, tuple)) else 0,
    }


def _contested_entry(inc: Mapping) -> dict[str, Any]:
    fig = total_range(inc)
    entry = _incident_entry(inc, fig)
    lines = []
    contested = is_contested(inc)
    for c in claims(inc) + statements(inc):
        stance = text(c.get("stance")) or "asserts"
        if stance not in ("denies", "alleges") and not contested:
            continue
        about = text(c.get("about"))
        lines.append({
            "source": text(get(c, "source", "name")) or "unknown source",
            "source_type": text(get(c, "source", "type")),
            "stance": stance + (f" ({_truncate(about, 120)})" if about else ""),
            "figure": claim_figures(c),
            "text": _truncate(text(c.get("text")), MAX_QUOTE),
            "document": text(c.get("document_id")),
        })
    order = {"denies": 0, "alleges": 1}
    lines.sort(key=lambda ln: order.get(ln["stance"].split(" ")[0], 2))
    entry["claims"] = lines[:8]
    entry["claims_more"] = max(len(lines) - 8, 0)
    reasons = inc.get("contested_reasons")
    entry["reasons"] = ([_truncate(text(r), 200) for r in reasons[:5]]
                        if isinstance(reasons, (list, tuple)) else [])
    return entry


def _one_figure(fig: Any) -> str:
    if not isinstance(fig, Mapping):
        return text(fig)
    low, best, high = fig.get("low"), fig.get("best"), fig.get("high")
    core = text(best if best is not None else low)
    if low is not None and high is None and (best is None or best == low):
        core = f"at least {low}"
    elif low is not None and high is not None and low != high:
        core = f"{low}-{high}"
    words = [text(fig.get("outcome")), text(fig.get("group"))]
    return " ".join(w for w in [core] + words if w)


def claim_figures(claim: Mapping) -> str:
    """The figures a claim asserts, as text (``58 killed total; 11 killed children``):
    from ``figures`` (a list, as reconcile stores them) or a single ``figure``."""
    figs = claim.get("figures")
    if isinstance(figs, (list, tuple)) and figs:
        items = [_one_figure(f) for f in figs[:4] if f is not None]
        return "; ".join(i for i in items if i)
    fig = claim.get("figure")
    return "" if fig is None else _one_figure(fig)


# --------------------------------------------------------------------------- formatting

def fmt_n(n: Any) -> str:
    return "" if n is None else f"{n:,}" if isinstance(n, int) else text(n)


def fmt_range(low: Any, best: Any, high: Any, open_ended: bool) -> str:
    """``58-100 (best 72)``; open-ended: ``at least 58`` or ``58-100+ (best 72)``."""
    if low is None and best is None:
        return "not reported"
    if open_ended:
        hi = high if high is not None else max(v for v in (low, best) if v is not None)
        if low == hi:
            return f"at least {fmt_n(low)}" + ("" if best == low else f" (best {fmt_n(best)})")
        return f"{fmt_n(low)}\u2013{fmt_n(hi)}+ (best {fmt_n(best)})"
    if low == best == high:
        return fmt_n(best)
    if high is None:
        return f"{fmt_n(low)} (best {fmt_n(best)})"
    return f"{fmt_n(low)}\u2013{fmt_n(high)} (best {fmt_n(best)})"


def fmt_sum(acc: Mapping) -> str:
    """The sum of ranges: ``low / best / high`` with a ``+`` on the high when open-ended."""
    if not acc["with_figures"]:
        return "no figures reported"
    plus = "+" if acc["open"] else ""
    low, best, high = acc["low"], acc["best"], acc["high"]
    if low == high:
        core = f"{fmt_n(low)}{plus}"
        return core if best == low else f"{core} (best {fmt_n(best)})"
    return f"{fmt_n(low)} \u2013 {fmt_n(high)}{plus} (best {fmt_n(best)})"


def _open_note(acc: Mapping) -> str:
    if not acc["open"]:
        return ""
    n = acc["open"]
    return (f"{n} incident{'s' if n != 1 else ''} with no upper bound "
            f"(\u201cat least\u201d): their best figure is counted in the high sum, "
            f"marked +")


METHOD_NOTE = (
    "Each incident groups the reports of several outlets about one event. Its figures are "
    "ranges made from the claims of independent sources (an outlet relaying a monitor counts "
    "as that monitor): low is the lowest credible asserted figure, high the highest, best the "
    "figure of the most authoritative independent source or the median of the independent "
    "sources; the rule used is stored with each range. An open-ended claim (\u201cat least "
    "58\u201d) has no high. Totals are sums over incidents of the lows, bests and highs; a "
    "+ marks high sums that include open-ended incidents (counted at their best). Incidents "
    "without any figure count in the incident totals only. Grades (confirmed, fair, weak, "
    "contested) follow documented rules: contested means a party denied the event or its "
    "responsibility is disputed. Vague quantities follow ACLED's conservative convention "
    "(\u201cdozens\u201d = 12). Details: docs/incidents.md (reconciliation and grading) and "
    "docs/exports.md (this report and the exports)."
)


# --------------------------------------------------------------------------- Markdown

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")


def md(s: Any) -> str:
    """Text safe in Markdown (inline and in table cells): HTML-escaped, Markdown
    punctuation backslash-escaped, line breaks flattened."""
    s = " ".join(text(s).split())
    s = html.escape(s, quote=False)
    return _MD_SPECIAL.sub(r"\\\1", s)


def _md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for r in rows:
        out.append("| " + " | ".join(r) + " |")
    return out


def render_markdown(summary: Mapping, images: Mapping[str, str] | None = None) -> str:
    """The report as Markdown. ``images`` maps ``map`` / ``daily`` to an image URL (a
    relative file name or a data URI)."""
    images = images or {}
    s = summary
    tot = s["totals"]
    L: list[str] = [f"# {md(s['title'])}", ""]
    L.append(f"*Period:* {md(s['period']['text'])}  ")
    L.append(f"*Area:* {md(s['area'])}  ")
    L.append(f"*Generated:* {md(s['generated'])} by marsad")
    L += ["", "## Totals", ""]
    L += _md_table(["measure", "value"], [
        ["incidents", fmt_n(s["incidents"])],
        ["incidents with fatality figures", fmt_n(tot["fatalities"]["with_figures"])],
        ["fatalities (low \u2013 high, best)", md(fmt_sum(tot["fatalities"]))],
        ["of whom civilians", md(fmt_sum(tot["civilians"]))],
        ["of whom children", md(fmt_sum(tot["children"]))],
        ["injured", md(fmt_sum(tot["injured"]))],
        ["grades", md(", ".join(f"{k} {v}" for k, v in s["grades"].items()) or "none")],
    ])
    note = _open_note(tot["fatalities"])
    if note:
        L += ["", md(note) + "."]
    if images.get("map") or images.get("daily"):
        L += ["", "## Map and timeline", ""]
        if images.get("map"):
            L.append(f"![Map of the incidents]({images['map']})")
            L.append("")
        if images.get("daily"):
            L.append(f"![Incidents and fatalities per {s['chart_unit']}]({images['daily']})")
    L += ["", "## By event type", ""]
    L += _md_table(["event type", "incidents", "fatalities"],
                   [[md(a["label"]), fmt_n(a["incidents"]), md(fmt_sum(a))]
                    for a in s["by_type"]])
    L += ["", "## By place", ""]
    rows = [[md(a["admin1"]), md(a["country"]), fmt_n(a["incidents"]), md(fmt_sum(a)),
             md(", ".join(a["places"][:5]))] for a in s["by_place"][:MAX_PLACES]]
    L += _md_table(["admin1", "country", "incidents", "fatalities", "places"], rows)
    if len(s["by_place"]) > MAX_PLACES:
        L += ["", f"\u2026 and {len(s['by_place']) - MAX_PLACES} more areas."]
    L += ["", "## By day", ""]
    days = s["by_day"]
    L += _md_table(["day", "incidents", "fatalities"],
                   [[d["day"].isoformat(), fmt_n(d["incidents"]), md(fmt_sum(d))]
                    for d in days[-MAX_DAYS_TABLE:]])
    if len(days) > MAX_DAYS_TABLE:
        L += ["", f"Only the last {MAX_DAYS_TABLE} of {len(days)} days with incidents are "
                  f"listed; the chart covers the whole period."]
    if s["undated"]:
        L += ["", f"{s['undated']} incident(s) without a date are not in this table."]
    L += ["", f"## Main incidents (top {len(s['main'])} by best fatality figure)", ""]
    for i, e in enumerate(s["main"], 1):
        L.append(f"{i}. **{md(e['when'])}, {md(e['place'])}**: {md(e['type'])}. "
                 f"Fatalities {md(fmt_range(e['low'], e['best'], e['high'], e['open']))}. "
                 f"Grade: {md(e['grade'])}. Sources ({e['corroboration'] if e['corroboration'] is not None else len(e['sources'])}"
                 f" independent): {md('; '.join(e['sources']) or 'none named')}. "
                 f"Incident {md(e['id'])}, {e['reports']} report(s).")
    if not s["main"]:
        L.append("No incident with a fatality figure in this period.")
    L += ["", "## Contested claims and denials", ""]
    if not s["contested"]:
        L.append("No incident in this period is contested and no source denied one.")
    for e in s["contested"]:
        L.append(f"### {md(e['when'])}, {md(e['place'])} ({md(e['type'])})")
        L.append("")
        L.append(f"Grade: {md(e['grade'])}. Fatalities "
                 f"{md(fmt_range(e['low'], e['best'], e['high'], e['open']))}. "
                 f"Incident {md(e['id'])}.")
        L.append("")
        if e["reasons"]:
            L.append(f"Why contested: {md('; '.join(e['reasons']))}.")
            L.append("")
        for c in e["claims"]:
            fig = f" ({md(c['figure'])})" if c["figure"] else ""
            doc = f" [document {md(c['document'])}]" if c["document"] else ""
            L.append(f"- **{md(c['source'])}** {md(c['stance'])}{fig}: "
                     f"\u201c{md(c['text'])}\u201d{doc}")
        if e["claims_more"]:
            L.append(f"- \u2026 {e['claims_more']} more claim(s): see `marsad incident`.")
        L.append("")
    if s["contested_total"] > len(s["contested"]):
        L.append(f"{s['contested_total'] - len(s['contested'])} more contested incident(s) "
                 f"are not shown.")
    L += ["", "## Method", "", md(METHOD_NOTE), ""]
    return "\n".join(L)


# --------------------------------------------------------------------------- HTML

def h(s: Any) -> str:
    return html.escape(text(s), quote=True)


_CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;margin:2em auto;max-width:60em;
 color:#222;line-height:1.4;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;
 text-align:left;vertical-align:top}th{background:#f2f2f2}td.n{text-align:right;white-space:nowrap}
.meta{color:#555}.grade{font-weight:bold}.contested{color:#a00}
blockquote{margin:.3em 0 .3em 1em;padding-left:.8em;border-left:3px solid #ccc;color:#333}
figure{margin:1em 0}img{max-width:100%;height:auto;border:1px solid #ddd}
.method{font-size:.92em;color:#333;background:#f8f8f8;padding:.6em 1em}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}}
"""


def _html_table(headers: Sequence[str], rows: Iterable[Sequence[tuple[str, bool]]]) -> str:
    out = ["<table><thead><tr>"]
    out += [f"<th>{h(x)}</th>" for x in headers]
    out.append("</tr></thead><tbody>")
    for r in rows:
        out.append("<tr>" + "".join(
            f'<td class="n">{h(v)}</td>' if num else f"<td>{h(v)}</td>" for v, num in r)
            + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_html(summary: Mapping, images: Mapping[str, str] | None = None) -> str:
    """The report as one self-contained HTML page: images as ``data:`` URIs, inline CSS,
    no script, and a Content-Security-Policy that forbids scripts and remote loads."""
    images = images or {}
    s = summary
    tot = s["totals"]
    P: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'img-src data:; style-src \'unsafe-inline\'; base-uri \'none\'; form-action \'none\'">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="marsad">',
        f"<title>{h(s['title'])}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{h(s['title'])}</h1>",
        f'<p class="meta">Period: {h(s["period"]["text"])} &middot; Area: {h(s["area"])} '
        f"&middot; Generated {h(s['generated'])} by marsad</p>",
        "<h2>Totals</h2>",
        _html_table(["measure", "value"], [
            [("incidents", False), (fmt_n(s["incidents"]), True)],
            [("incidents with fatality figures", False),
             (fmt_n(tot["fatalities"]["with_figures"]), True)],
            [("fatalities (low \u2013 high, best)", False), (fmt_sum(tot["fatalities"]), True)],
            [("of whom civilians", False), (fmt_sum(tot["civilians"]), True)],
            [("of whom children", False), (fmt_sum(tot["children"]), True)],
            [("injured", False), (fmt_sum(tot["injured"]), True)],
            [("grades", False),
             (", ".join(f"{k} {v}" for k, v in s["grades"].items()) or "none", False)],
        ]),
    ]
    note = _open_note(tot["fatalities"])
    if note:
        P.append(f"<p>{h(note)}.</p>")
    if images.get("map") or images.get("daily"):
        P.append("<h2>Map and timeline</h2>")
        if images.get("map"):
            P.append(f'<figure><img id="map" src="{h(images["map"])}" alt="Map of the '
                     f'incidents"><figcaption>Incidents with coordinates, marker area growing '
                     f"with the best fatality figure; crosses mark the centroids of the "
                     f"areas labelled. Drawn locally, no map tiles.</figcaption></figure>")
        else:
            P.append("<p>No incident has coordinates: no map.</p>")
        if images.get("daily"):
            P.append(f'<figure><img id="daily" src="{h(images["daily"])}" alt="Incidents and '
                     f'fatalities per {h(s["chart_unit"])}"><figcaption>Incidents and '
                     f"fatalities (best, with low\u2013high bars) per {h(s['chart_unit'])}."
                     f"</figcaption></figure>")
    P.append("<h2>By event type</h2>")
    P.append(_html_table(["event type", "incidents", "fatalities"],
                         [[(a["label"], False), (fmt_n(a["incidents"]), True),
                           (fmt_sum(a), True)] for a in s["by_type"]]))
    P.append("<h2>By place</h2>")
    P.append(_html_table(["admin1", "country", "incidents", "fatalities", "places"],
                         [[(a["admin1"], False), (a["country"], False),
                           (fmt_n(a["incidents"]), True), (fmt_sum(a), True),
                           (", ".join(a["places"][:5]), False)]
                          for a in s["by_place"][:MAX_PLACES]]))
    if len(s["by_place"]) > MAX_PLACES:
        P.append(f"<p>\u2026 and {len(s['by_place']) - MAX_PLACES} more areas.</p>")
    P.append("<h2>By day</h2>")
    days = s["by_day"]
    P.append(_html_table(["day", "incidents", "fatalities"],
                         [[(d["day"].isoformat(), False), (fmt_n(d["incidents"]), True),
                           (fmt_sum(d), True)] for d in days[-MAX_DAYS_TABLE:]]))
    if len(days) > MAX_DAYS_TABLE:
        P.append(f"<p>Only the last {MAX_DAYS_TABLE} of {len(days)} days with incidents are "
                 f"listed; the chart covers the whole period.</p>")
    if s["undated"]:
        P.append(f"<p>{s['undated']} incident(s) without a date are not in this table.</p>")
    P.append(f"<h2>Main incidents (top {len(s['main'])} by best fatality figure)</h2>")
    if s["main"]:
        rows = []
        for e in s["main"]:
            corr = e["corroboration"] if e["corroboration"] is not None else len(e["sources"])
            rows.append([(e["when"], False), (e["place"], False), (e["type"], False),
                         (fmt_range(e["low"], e["best"], e["high"], e["open"]), True),
                         (e["grade"], False),
                         (f"{'; '.join(e['sources']) or 'none named'} ({corr} independent)",
                          False),
                         (e["id"], False)])
        P.append(_html_table(["date", "place", "type", "fatalities", "grade", "sources",
                              "incident"], rows))
    else:
        P.append("<p>No incident with a fatality figure in this period.</p>")
    P.append("<h2>Contested claims and denials</h2>")
    if not s["contested"]:
        P.append("<p>No incident in this period is contested and no source denied one.</p>")
    for e in s["contested"]:
        P.append(f'<h3 class="contested">{h(e["when"])}, {h(e["place"])} ({h(e["type"])})</h3>')
        P.append(f'<p>Grade: <span class="grade">{h(e["grade"])}</span>. Fatalities '
                 f"{h(fmt_range(e['low'], e['best'], e['high'], e['open']))}. "
                 f"Incident {h(e['id'])}.</p>")
        if e["reasons"]:
            P.append(f"<p>Why contested: {h('; '.join(e['reasons']))}.</p>")
        P.append("<ul>")
        for c in e["claims"]:
            fig = f" ({h(c['figure'])})" if c["figure"] else ""
            doc = f' <span class="meta">[document {h(c["document"])}]</span>' \
                if c["document"] else ""
            P.append(f"<li><b>{h(c['source'])}</b> {h(c['stance'])}{fig}{doc}"
                     f"<blockquote>{h(c['text'])}</blockquote></li>")
        if e["claims_more"]:
            P.append(f"<li>\u2026 {e['claims_more']} more claim(s): see "
                     f"<code>marsad incident</code>.</li>")
        P.append("</ul>")
    if s["contested_total"] > len(s["contested"]):
        P.append(f"<p>{s['contested_total'] - len(s['contested'])} more contested "
                 f"incident(s) are not shown.</p>")
    P.append(f'<h2>Method</h2><p class="method">{h(METHOD_NOTE)}</p>')
    P.append("</body></html>")
    return "\n".join(P) + "\n"


# --------------------------------------------------------------------------- assembly

def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


@dataclass
class Report:
    """A rendered report: its text and the image files to write beside it (Markdown)."""

    text: str
    summary: dict
    files: dict[str, bytes] = field(default_factory=dict)


def make_report(incidents: Iterable[Mapping], *, fmt: str = "html", output: str | Path | None = None,
                since: Any = None, until: Any = None, country: str | None = None,
                admin1: str | None = None, top: int = TOP_N, images: bool = True,
                generated: datetime | None = None, apply_filters: bool = True) -> Report:
    """Summarise, draw and render. HTML embeds the PNGs as data URIs. Markdown refers to
    ``<stem>-map.png`` / ``<stem>-daily.png`` beside ``output`` (returned in
    ``Report.files`` for the caller to write), or embeds data URIs when there is no
    ``output``. Nothing is written here."""
    if fmt not in ("md", "html"):
        from ..errors import InputError

        raise InputError(f"unknown report format {fmt!r}: use md or html")
    incidents = list(incidents)
    if apply_filters:
        incidents = filter_incidents(incidents, since=since, until=until, country=country,
                                     admin1=admin1)
    summary = summarize(incidents, since=since, until=until, country=country, admin1=admin1,
                        top=top, generated=generated, apply_filters=False)
    pngs: dict[str, bytes] = {}
    if images:
        incs = incidents
        m = map_png(incs, type_labels=EVENT_TYPES)
        if m:
            pngs["map"] = m
        d = daily_png(summary["chart_series"], summary["chart_unit"])
        if d:
            pngs["daily"] = d
    files: dict[str, bytes] = {}
    urls: dict[str, str] = {}
    for name, png in pngs.items():
        if fmt == "md" and output is not None:
            fname = f"{Path(output).stem}-{name}.png"
            files[fname] = png
            urls[name] = fname
        else:
            urls[name] = data_uri(png)
    render = render_html if fmt == "html" else render_markdown
    return Report(text=render(summary, urls), summary=summary, files=files)
