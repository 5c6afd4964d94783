"""Benchmark of extraction on hostile texts: how long each stage takes on texts built to
make a careless loop quadratic (issue 3, "Bad input": a long text is processed in
bounded time or refused above a documented limit).

    .venv/bin/python bench/hostile.py [--chars N]

Each text repeats one short phrase up to ``--chars`` characters (default: 95% of the
``max_extract_chars`` setting, the largest text extraction accepts) and has no sentence
break or one every few words: one endless sentence full of places, people's names,
outlets, triggers or actors. Each stage of the pipeline runs in turn on the text, in one
process, after everything is loaded; printed: the seconds of each stage and the total,
beside the seconds of spaCy (the ``nlp`` stage), which no rule of marsad's can make
faster. A stage that takes more than spaCy on such a text is worth a look.
"""

from __future__ import annotations

import argparse
import time

#: (label, phrase repeated): each aims at one stage's comparisons of mentions
PHRASES = (
    ("places: a people's name", "Hong Kongers "),
    ("places: an outlet's name", "Mada Masr "),
    ("places: a person's name", "Zhang Zhan Zhang "),
    ("places+attribution: a region", "northeast Syria "),
    ("dates: a day with and without its year", "Sept 11, 2012 Sept 11 "),
    ("actors: a generic force", "police "),
    ("actors: the coalition", "The coalition "),
    ("triggers: a long sentence of killings", "Israeli border police fatally shot "),
    ("events: weak and strong words", "assaulted. murder. "),
    ("events: one event per town", "Air strikes hit Aleppo and Idlib, killing 5. "),
    ("events: launch places, tolls", "Shells fired from Idlib hit Aleppo. The death toll stood at 12. "),
    ("events: a killing told again and again", "Gunmen killed 3 people in Homs on Monday, police said. "),
    ("figures: kin with possessives", "killing a woman and her two children and "),
    ("figures+events: N of them", "troops clashed with Daesh terrorists, killing 15 of them and wounding dozens of them, "),
    ("actors: a force named for its country", "Military Forces of Nigeria "),
    ("nlp+attribution: organisations with acronyms", "Zimbabwe Lawyers of Human Rights (ZLHR) of Oak Of (ZLHROO), "),
    ("figures: killings told by pronouns", "gunmen shot him dead and stabbed her to death. "),
    ("attribution: a quoted denial", '"Hezbollah denies" '),
    ("events: weak words of harm in one sentence", "a journalist was beaten and assaulted and "),
    ("attribution: sources named together", "the Observatory and rescue workers said the Pastoral Land Commission (CPT) and "),
    ("clean+places: furniture lines", "Show Caption Hide Caption\n"),
    ("events: dates beside the event's words", "Sunday's attack killed 3 people and "),
    ("events: acts answering others", "missiles struck the base in retaliation for the chemical attack on Khan Sheikhoun, "),
    ("actors: appositions and backers", "Islamic State's affiliate, ISIS-K, attacked the town backed by Russian air strikes, "),
    ("places: towns in a department", "San Marcos de la Sierra, in the Honduran department of Intibuca, "),
    ("events: kinds in clauses of their own", "police shot dead 3 protesters in Nasiriya, hours after demonstrators "
                                               "set fire to the consulate in Najaf; "),
    ("events: a village near a city", "air strikes killed 5 in the village of Tokhar near the northern city of Manbij, "),
    ("attribution: sources by their kind", "military and security sources said a doctors' committee said "),
    ("figures: some of a counted group", "one of the two pilots was killed and three of the 12 soldiers, "),
    ("events: a date opening its sentence", "In February 2019, 27 members of the IRGC were killed in a suicide attack. "),
    ("triggers: acts told as a habit", "Al-Shabaab has killed several journalists and "),
    ("events: one type in clauses of two kinds", "rebel mortar fire killed 2 in Aleppo, while regime barrel bombs "
                                                 "killed 3 in Idlib, while "),
    ("events: two kinds in thousands of sentences", "Rebel mortar fire killed 2 in Aleppo, while regime barrel "
                                                    "bombs killed 3. "),
    ("figures: a person and a count of others", "Juan Perez and two others were killed, "),
    ("triggers: words that begin as triggers do", "Shellfish airs kills arrestingly grenadine executives beaten "),
    ("figures: pairs, bodies, parts after a colon", "Juan Perez and activist Maria Lopez were killed, Ana Diaz, "
                                                    "whose body was found, and 43 people: 23 civilians, "),
    ("dates+events: lengths after acts, last year", "Three years after the murder of X, a man was arrested "
                                                    "last year, a day after an attack in Homs killed 10 in Hama, "),
    ("places+actors: strikes on towns from positions", "Terrorists positioned in Douma fired strikes on Jaramana, "
                                                       "accusing Ankara of it near the Turkish border; "),
    ("events+actors: earlier acts, joined nationalities", "Russian and Syrian warplanes killed 8 in Azaz, a day after "
                                                          "a bombing in Manbij killed 10, "),
    ("figures+events: wholes told first, crowds", "Of the 35 people killed, 21 were civilians burned alive by a mob, "),
    ("places+dates: journeys, asides, trials over protests", "The lawyer, who has defended activists since 2015, was "
                                                             "detained on his way to Hathras, tried over the protests, "),
    ("events: press harmed beside a protest, passive", "two journalists covering a protest in Oaxaca were assaulted by "
                                                       "municipal police and "),
    ("events+actors: speakers' soldiers, years after", "the Turkish defence ministry said two soldiers were killed near "
                                                       "Afrin, a year after a helicopter in Hatay, "),
    ("figures+actors: superlatives, blamed, bodies", "the deadliest attack since the war began, the Zimbabwe Lawyers "
                                                     "for Human Rights said, blaming the Kamuina Nsapu militia, the "
                                                     "body of a missing activist in Mazar-i-Sharif; "),
    ("dates+attribution: seasons, peoples' bodies", "last fall the Burkinabe army said this March that 15 \"terrorists\" "
                                                    "and 13 U.S. service members "),
    ("figures+actors: members of bodies, auxiliaries", "two members of the Council of Indigenous Peoples of Cauca and "
                                                       "three volunteers fighting alongside the army and peacekeepers "),
    ("places+events: fronted provinces, ', and' accounts", "In Idlib, regime shelling on Khan Sheikhoun killed two "
                                                           "civilians, and Russian warplanes struck Maarat al-Numan, "
                                                           "wounding five. "),
    ("figures+places: both sides' losses, facilities", "troops killed six terrorists in Tank, while a soldier was "
                                                       "martyred near Al-Sadr prison in Abu Dhabi; a soldier was also "
                                                       "killed "),
    ("attribution+events: groups with their fighters, the struck striking back later",
     "An Israeli drone strike killed two Hezbollah members. Hezbollah fighters later fired rockets, the group said. "),
    ("figures+attribution+events: counts added, acronyms after 'according to', acts after 'after', captives held",
     "killed 5 soldiers, in addition to 3 rebels, according to the coalition FNDC, after police shot dead two men "
     "in Kisumu. Her whereabouts remain unknown. "),
    ("figures+attribution+events: other tolls, labels, relative clauses, sides by name",
     "Twin bombings killed 46 people. A monitor put the toll at 57. Syrian Observatory for Human Rights: "
     "two activists who had campaigned in Homs were found dead, a commander in the pro-Damascus alliance said, "
     "while 3 ISIS members were killed. "),
    ("actors+attribution+events: acronyms the report defines, other sources' counts, roundups, the city",
     "Rapid Support Forces (RSF) fighters killed 15 villagers, a local official said. The RSF said in a statement "
     "that it attacked army positions. Police said 10 villagers were killed. In Homs countryside, army units killed "
     "12 terrorists in the city, during nationwide protests. "),
)


def main() -> None:
    from marsad.config import load_settings
    from marsad.extract import Pipeline
    from marsad.extract.pipeline import _document_meta

    settings = load_settings()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=int(settings.max_extract_chars * 0.95),
                    help="length of each hostile text (default: 95%% of max_extract_chars)")
    ap.add_argument("--only", metavar="WORDS", help="run only the texts whose label contains WORDS")
    args = ap.parse_args()
    pipeline = Pipeline(settings=settings)
    pipeline.warm()
    print(f"hostile texts of {args.chars:,} characters (max_extract_chars {settings.max_extract_chars:,})")
    print(f"{'text':42} {'total s':>8} {'spaCy s':>8}  slowest other stage")
    for label, phrase in PHRASES:
        if args.only and args.only not in label:
            continue
        text = (phrase * (args.chars // len(phrase) + 1))[:args.chars]
        doc = {"text": text, "published": "2021-01-01"}
        ctx = pipeline._context(doc, _document_meta(doc))
        times = {}
        for comp in pipeline.components:
            t0 = time.perf_counter()
            comp.func(ctx)
            times[comp.name] = time.perf_counter() - t0
        other = max((n for n in times if n != "nlp"), key=times.get)
        print(f"{label:42} {sum(times.values()):8.2f} {times.get('nlp', 0.0):8.2f}  "
              f"{other} {times[other]:.2f} s")


if __name__ == "__main__":
    main()
