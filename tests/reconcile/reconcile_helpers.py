"""Hand-made extraction results stored through the real store API."""

from __future__ import annotations

from marsad.store import NewDocument

PLACES = {
    "Khan Shaykhun": ("SY", "SY-ID", 35.4389, 36.6509, 1),
    "Idlib": ("SY", "SY-ID", 35.9306, 36.6339, 3),  # province-level
    "Jisr al-Shughur": ("SY", "SY-ID", 35.8125, 36.3190, 1),
    "Maarat al-Numan": ("SY", "SY-ID", 35.6486, 36.6725, 1),
    "Douma": ("SY", "SY-RD", 33.5711, 36.4011, 1),
    "Aleppo": ("SY", "SY-HL", 36.2021, 37.1343, 1),
}
TYPE_OF = {"chemical_weapon": "explosions_remote_violence", "air_drone_strike": "explosions_remote_violence",
           "shelling_artillery_missile_attack": "explosions_remote_violence", "armed_clash": "battles",
           "attack": "violence_against_civilians", "peaceful_protest": "protests"}


def claim(source, stype, killed=None, *, stance="asserts", open_ended=False, text=None):
    text = text or f"{source} said the toll was {killed}."
    c = {"source": {"name": source, "type": stype}, "stance": stance, "start": 0, "end": len(text),
         "text": text}
    if killed is not None:
        c["figures"] = [{"outcome": "killed", "group": "total", "low": killed, "best": killed,
                         "high": None if open_ended else killed, "text": str(killed), "derived": False}]
    return c


def event(sub, date, place, claims, *, key="e1", perpetrator=None, end=None):
    loc = None
    if place:
        country, admin1, lat, lon, prec = PLACES[place]
        loc = {"name": place, "country": country, "admin1_iso": admin1, "admin1": admin1,
               "lat": lat, "lon": lon, "precision": prec, "text": place}
    ev = {"id": key, "type": TYPE_OF[sub], "sub_type": sub,
          "date": {"start": date, "end": end or date, "precision": 1, "text": date} if date else None,
          "location": loc, "actors": [], "fatalities": {}, "injured": {}, "claims": claims}
    if perpetrator:
        ev["actors"].append({"role": "perpetrator", "name": perpetrator[0], "category": perpetrator[1],
                             "text": perpetrator[0]})
    return ev


def add_report(store, text, events, *, outlet=None, published=None, statements=(), version="t1"):
    doc = store.add_document(NewDocument(text=text, raw=text.encode(), via="stdin", outlet=outlet,
                                         published=published))
    reextract(store, doc.id, events, statements=statements, version=version)
    return doc.id


def reextract(store, doc_id, events, *, statements=(), version="t2"):
    store.save_extraction(doc_id, version, {"schema": "marsad.extraction/1", "document": {},
                                            "events": events, "statements": list(statements)})


GAS = "toxic gas attack Khan Shaykhun chemical victims suffocation"


def khan_shaykhun_reports():
    """Seven reports of the 2017-04-04 Khan Shaykhun attack: (text, outlet, events)."""
    d = "2017-04-04"
    return [
        ("r1 Reuters", "Reuters", [event("chemical_weapon", d, "Khan Shaykhun", [
            claim("Syrian Observatory for Human Rights", "monitor", 58, open_ended=True,
                  text=f"The Syrian Observatory said the {GAS} killed at least 58.")])]),
        ("r2 Al Jazeera", "Al Jazeera", [event("chemical_weapon", d, "Khan Shaykhun", [
            claim("SOHR", "monitor", 58, text=f"SOHR: 58 killed in {GAS}.")])]),
        ("r3 AFP", "AFP", [event("chemical_weapon", d, "Khan Shaykhun", [
            claim("the Syrian Observatory for Human Rights", "monitor", 72, open_ended=True,
                  text=f"at least 72 killed in the {GAS}, the Observatory said")])]),
        ("r4 Anadolu", "Anadolu Agency", [event("chemical_weapon", d, "Khan Shaykhun", [
            claim("Idlib Health Directorate", "government", 80,
                  text=f"some 80 people died in the {GAS}, the health directorate said")])]),
        ("r5 Yeni Safak", "Yeni Safak", [event("air_drone_strike", "2017-04-05", "Khan Shaykhun", [
            claim("Yeni Safak", "media", 100, open_ended=True,
                  text=f"at least 100 people killed in air strikes and the {GAS}")])]),
        ("r6 BBC", "BBC", [event("chemical_weapon", d, "Idlib", [
            claim("World Health Organization", "international_org",
                  text=f"The WHO said victims of the {GAS} showed signs of nerve agents")])]),
        ("r7 Asharq", "Asharq Al-Awsat", [event("chemical_weapon", d, "Khan Shaykhun", [
            claim("Syrian Observatory for Human Rights", "monitor", 58,
                  text=f"58 killed in suspected {GAS}, the Observatory said")])]),
    ]


def other_idlib_reports():
    d = "2017-04-04"
    return [
        ("o1 clash", "Reuters", [event("armed_clash", d, "Jisr al-Shughur", [
            claim("SOHR", "monitor", 9, text="Nine fighters died in clashes near Jisr al-Shughur.")])]),
        ("o2 clash", "SANA", [event("armed_clash", d, "Jisr al-Shughur", [
            claim("SANA", "state_media", 12, text="Army units clashed with terrorists near Jisr al-Shughur.")])]),
        ("o3 strike", "Enab Baladi", [event("air_drone_strike", d, "Maarat al-Numan", [
            claim("Enab Baladi", "media", 5, text="An air strike on a market in Maarat al-Numan killed five.")])]),
    ]


def add_all(store, reports):
    return [add_report(store, text, evs, outlet=outlet) for text, outlet, evs in reports]
