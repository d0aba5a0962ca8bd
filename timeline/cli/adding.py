"""`add`: grow a store safely, from options or by answering prompts."""

import os
from typing import Annotated, Any

import typer

from timeline.cli.add_fields import option
from timeline.cli.app import commands_app, state
from timeline.cli.options import complete_actor, complete_event_id, complete_kind, write
from timeline.errors import TimelineError, UsageError
from timeline.model import Store
from timeline.palette import EVENT_KINDS

app = commands_app()


@app.command("add")
def add(
    ctx: typer.Context,
    ident: Annotated[str | None, typer.Option("--id", help="Id of the new event, e.g. k2-attack.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Short title, in your own words.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind", metavar="KIND", help=f"One of: {', '.join(EVENT_KINDS)}.", autocompletion=complete_kind
        ),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option(
            "--start",
            metavar="DATE",
            help='A year, month, day or minute, as --from takes them: 2020, "June 2024", 2020-01-10, '
            '"3 Jan 2020 01:00 +03:00" (a time needs its UTC offset).',
        ),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="End of a span, same forms as --start.")
    ] = None,
    place: Annotated[str | None, typer.Option("--place", help="Where it happened.")] = None,
    region: Annotated[str | None, typer.Option("--region", help="Province or region of the place.")] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            help="Country of the place: one of the store's (any case, or US, UK, UAE ...), "
            "else give --new-country.",
        ),
    ] = None,
    new_country: Annotated[
        bool,
        typer.Option(
            "--new-country", help="The --country is one no event of the store is in yet: add it as given."
        ),
    ] = False,
    lat: Annotated[
        float | None, typer.Option("--lat", min=-90, max=90, help="Latitude of the place.")
    ] = None,
    lon: Annotated[
        float | None, typer.Option("--lon", min=-180, max=180, help="Longitude of the place.")
    ] = None,
    actor: Annotated[
        list[str] | None,
        typer.Option(
            "--actor",
            metavar="ACTOR",
            help="Who acted (id, name or alias). Repeatable.",
            autocompletion=complete_actor,
        ),
    ] = None,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target", metavar="ACTOR", help="Who was targeted. Repeatable.", autocompletion=complete_actor
        ),
    ] = None,
    cause: Annotated[
        list[str] | None,
        typer.Option(
            "--cause",
            metavar="ID",
            help="An earlier event this one answered. Repeatable.",
            autocompletion=complete_event_id,
        ),
    ] = None,
    killed: Annotated[
        str | None, typer.Option("--killed", metavar="COUNT", help='25, "25+", "19-25" or "?".')
    ] = None,
    injured: Annotated[
        str | None, typer.Option("--injured", metavar="COUNT", help="Same forms as --killed.")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag. Repeatable.")] = None,
    summary: Annotated[
        str | None, typer.Option("--summary", help="What happened, in your own words.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", metavar="TITLE", help="Title of the source (required).")
    ] = None,
    source_url: Annotated[
        str | None,
        typer.Option("--source-url", metavar="URL", help="Address of the source, http or https (required)."),
    ] = None,
    source_note: Annotated[
        str | None, typer.Option("--source-note", metavar="NOTE", help="E.g. a page or reference number.")
    ] = None,
    interactive: Annotated[
        bool, typer.Option("--interactive", "-i", help="Ask for every field not given as an option.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the TOML that would be added; write nothing.")
    ] = False,
) -> None:
    """Add an event to a store of yours, from options or by answering prompts.

    From options (for scripts), or with -i by answering a prompt for each
    field, checked as you go; -i then shows the event as show draws it and
    asks before writing. Dates take the forms list's --from takes.

    The new event is appended as an [[event]] table, so the rest of the file
    stays byte for byte as it was; the whole store is checked first and the
    file is replaced atomically. The curated store inside the installed
    package is never changed: copy it and use --store.

    Examples:

      timeline --store my-events.toml add -i

      timeline --store my-events.toml add --id k2-attack --title "Rockets hit K-2" --kind attack --start 2020-01-10 --country Iraq --place Kirkuk --actor kh --target us --cause soleimani-killing --source "News report" --source-url https://example.org/k2 --dry-run
    """  # noqa: E501
    from timeline.append import append_event
    from timeline.cli.add_fields import event_table
    from timeline.store import STORE_ENV, is_bundled
    from timeline.store.files import read_text_file

    current = state(ctx)
    path = current.path
    chosen = current.store_option is not None or bool(os.environ.get(STORE_ENV))
    if is_bundled(path) or not chosen:
        raise UsageError(
            f"the curated store ({path}) is not changed by add; copy it "
            f"(cp '{path}' my-events.toml) and add to the copy: timeline --store my-events.toml add ..."
        )
    store = current.store()
    if read_text_file(path).lstrip().startswith("{"):
        raise UsageError(f"{path} is a JSON export; add to a TOML store")
    given: dict[str, Any] = {
        "id": ident, "title": title, "kind": kind, "start": start, "end": end, "place": place,
        "region": region, "country": country, "actors": actor, "targets": target, "causes": cause,
        "killed": killed, "injured": injured, "tags": tag, "summary": summary, "source": source,
        "source_url": source_url, "source_note": source_note,
    }  # fmt: skip
    if new_country and country is None:
        raise UsageError("--new-country says that --country is new to the store; give --country")
    values = {key: _from_option(key, raw, store, new_country) for key, raw in given.items()}
    values |= {"lat": lat, "lon": lon}  # typer has checked their ranges
    if interactive:
        from timeline.cli import add_prompts

        add_prompts.ask_missing(values, store)
    _check_complete(values)
    ident = values["id"]
    if interactive:
        checked = add_prompts.settle(
            values, store, lambda table: append_event(path, ident, table, dry_run=True)
        )
        add_prompts.show(ident, checked)
        if not dry_run and not add_prompts.confirm():
            write("Not added; nothing was written.\n")
            return
    table = event_table(values)
    append_event(path, ident, table, dry_run=dry_run)
    if dry_run:
        write(table)
        return
    write(f"added {ident} to {path}\n")


def _from_option(key: str, raw: str | list[str] | None, store: Store, new_country: bool = False) -> Any:
    """An option's value read as its field is, a mistake named by the option;
    a country new to the store only with `new_country` (--new-country)."""
    from timeline.cli.add_fields import BY_KEY, NewCountry, message_of, reader

    many = BY_KEY[key].many
    parts = [p for p in (raw if isinstance(raw, list) else [raw]) if p is not None and p.strip()]
    if not parts:
        return [] if many else None
    read = reader(key, store)
    try:
        found = [read(p) for p in parts]
    except NewCountry as new:
        if new_country:
            return new.name
        raise UsageError(
            f"{option(key)}: {new}; if it is a new country, not a misspelling, add --new-country"
        ) from None
    except (ValueError, TimelineError) as exc:
        raise UsageError(f"{option(key)}: {message_of(exc)}") from None
    return list(dict.fromkeys(v for each in found for v in each)) if many else found[0]


def _check_complete(values: dict[str, Any]) -> None:
    """The fields given only together, and those an event needs."""
    missing = [
        option(key) for key in ("id", "title", "kind", "start", "source", "source_url") if not values[key]
    ]
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or use -i to be asked)")
    if (values["place"] is None) != (values["country"] is None):
        raise UsageError("give --place and --country together")
    if (values["lat"] is None) != (values["lon"] is None):
        raise UsageError("give --lat and --lon together")
    if values["lat"] is not None and values["place"] is None:
        raise UsageError("--lat and --lon are the place's: give --place and --country too")
