"""Builders of hand-made result objects (marsad.extraction/1) for the scorer tests."""

from __future__ import annotations


def rng(best, low=None, high="same", text="x"):
    return {"low": best if low is None else low, "best": best, "high": best if high == "same" else high,
            "text": text}


def event(type_="explosions_remote_violence", sub_type="shelling_artillery_missile_attack", *,
          start=None, end=None, admin1=None, country="SY", name=None, actors=(), fatalities=None,
          claims=(), extra_locations=(), precision=1):
    return {
        "id": "e1", "type": type_, "sub_type": sub_type,
        "date": {"start": start, "end": end or start, "precision": 1, "text": "t"} if start else None,
        "location": ({"name": name, "country": country, "admin1_iso": admin1, "precision": precision,
                      "text": name} if (admin1 or country or name) else None),
        "extra_locations": list(extra_locations),
        "actors": list(actors), "fatalities": fatalities or {}, "claims": list(claims),
    }


def result(*events, statements=()):
    evs = []
    for i, e in enumerate(events, 1):
        e = dict(e)
        e["id"] = f"e{i}"
        evs.append(e)
    return {"schema": "marsad.extraction/1", "document": {"id": None}, "events": evs,
            "statements": list(statements)}


def actor(role, name, category, text=None):
    return {"role": role, "name": name, "category": category, "text": text or name}


def claim(source, stance="asserts", start=None, end=None, text="said", type_="monitor"):
    return {"source": {"name": source, "type": type_}, "stance": stance, "start": start, "end": end,
            "text": text}
