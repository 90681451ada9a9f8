"""The `eventwire` command: ingest, reprocess, export, serve, code, timex.

Exit status: 0 success, 1 when some inputs were rejected (each named on stderr, the rest stored)
or a run failed with a clear message, 2 on bad usage. Never a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer
import typer.core
from rich.console import Console

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress

    from .run.engine import Engine
    from .settings import Settings
    from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: "--db URL", no "<bool>" type column
    context_settings={"help_option_names": ["-h", "--help"]},
    help="International-affairs news into sourced PLOVER events, actors, deals, figures and quotes.",
)
# an argument that names its value (KIND, PATH..., TEXT) needs no "<str>" beside it in --help
_type_of_argument = typer.core.TyperArgument.display_type_rich
typer.core.TyperArgument.display_type_rich = lambda self, ctx: (  # type: ignore[method-assign]
    None if self.metavar else _type_of_argument(self, ctx)
)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one rejection per line, never wrapped


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"eventwire {version('eventwire')}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """International-affairs news into sourced PLOVER events, actors, deals, figures and quotes."""


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", metavar="URL", help="SQLAlchemy URL (default: $EVENTWIRE_DB, else sqlite:///eventwire.db)."
    ),
]

WorkersOption = Annotated[
    int, typer.Option(metavar="N", help="Worker processes (default: all cores).", show_default=False)
]
EngineOption = Annotated[str, typer.Option(metavar="NAME", help="local (process pool) or ray.")]
AddressOption = Annotated[
    str | None, typer.Option(metavar="ADDRESS", help="Ray cluster address (with --engine ray).")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def _settings(**flags: object) -> Settings:
    """This run's settings (flags, then EVENTWIRE_* variables, then defaults), checked before any
    work starts; a bad value is one line naming the variable, and exit status 2."""
    from .settings import Settings, SettingsError, configure

    try:
        return configure(Settings.from_env(**flags))
    except SettingsError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None


def check_data() -> None:
    """Load and check every data file and knowledge file in this process, before any worker starts:
    a malformed one is one line naming the file, the entry and the key, and exit status 2 (else
    each worker fails alike, or a run stores its articles with no events). Every command that
    extracts calls it."""
    from .lexicon import LexiconError, check_all
    from .link import world

    try:
        check_all()
        world.read_states()  # the hand-written world files; the imported one is checked as it loads
        world.read_secessions()
        world.read_leaders()
    except (LexiconError, world.KnowledgeError) as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None


def _open_store(db: str | None, must_exist: bool = False) -> Store:
    """The store ``--db`` names; a read-only command (``must_exist``) refuses one that is not there,
    where opening would otherwise create an empty database from a typo and answer "nothing"."""
    from .store import Store, StoreError, resolve_url, store_exists

    try:
        if must_exist and not store_exists(resolve_url(db)):
            err.print(
                f"eventwire: no eventwire store at {resolve_url(db)} — run eventwire ingest first",
                markup=False,
            )
            raise typer.Exit(1)
        return Store(db)
    except StoreError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(1) from None


def _make_engine(name: str, address: str | None, workers: int) -> Engine:
    """The engine ``--engine`` names (exit 2 for an unknown one, or ray without its extra)."""
    from .run.local import LocalEngine

    if name == "ray":
        try:
            from .run.ray_engine import RayEngine
        except ImportError as exc:
            err.print(f"eventwire: --engine ray needs the ray extra (pip install 'eventwire[ray]'): {exc}")
            raise typer.Exit(2) from None
        return RayEngine(address=address, workers=workers or None)
    if name == "local":
        return LocalEngine(workers=workers or None)
    err.print(f"eventwire: unknown engine {name!r} (local or ray)")
    raise typer.Exit(2)


def _warn_if_stale(store: Store) -> None:
    """One line when stored extractions were made with other knowledge or code: ingest skips what
    it has stored, so without reprocess an edit would never reach them."""
    from .run.reprocess import stale_count

    n = stale_count(store)
    if n:
        err.print(
            f"eventwire: {n:,} stored articles were extracted with other knowledge or code; "
            "run `eventwire reprocess --stale` to bring them up to date",
            markup=False,
        )


def _start(engine: str, address: str | None, workers: int, db: str | None) -> tuple[Engine, Store]:
    """The engine, started first so its workers warm up while this process opens the store."""
    eng = _make_engine(engine, address, workers)
    eng.start()
    try:
        return eng, _open_store(db)
    except BaseException:
        eng.close()
        raise


@contextmanager
def _run_errors(verb: str, store: Store) -> Iterator[None]:
    """A failed run as one line and an exit status: a data file (2), a worker that cannot start or
    the store (1); the batches committed before the failure are kept, so a rerun resumes."""
    from sqlalchemy.exc import SQLAlchemyError

    from .lexicon import LexiconError
    from .run.local import WorkerStartError

    try:
        yield
    except LexiconError as exc:  # a worker found a data file malformed after all
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None
    except WorkerStartError as exc:
        err.print(f"eventwire: {exc}; batches committed before it are kept", markup=False)
        raise typer.Exit(1) from None
    except SQLAlchemyError as exc:
        err.print(
            f"eventwire: database error during {verb} ({store.url}): {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0][:300]}; batches committed before it are kept, run again to resume",
            markup=False,
        )
        raise typer.Exit(1) from None


def _given_published(published: str | None) -> str | None:
    """``--published`` as a date, or exit 2 naming the flag and the forms it takes."""
    if published is None:
        return None
    from .ingest.dates import given_date

    given = given_date(published)
    if given is None:
        err.print(f"eventwire: --published {published!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
        raise typer.Exit(2)
    return given


@app.command()
def ingest(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH...", help="Files or folders (recursively).", show_default=False),
    ],
    db: DbOption = None,
    workers: WorkersOption = 0,
    max_bytes: Annotated[
        int, typer.Option(metavar="BYTES", help="Reject files larger than this.")
    ] = 50_000_000,
    engine: EngineOption = "local",
    address: AddressOption = None,
    quiet: QuietOption = False,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1, metavar="N", help="Articles per committed batch (an interrupted run resumes per batch)."
        ),
    ] = 256,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles whose file, sidecar "
            "(FILE.meta.json) and text give none; used before any date is inferred from the text.",
        ),
    ] = None,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Recompute every actor and fused record from the stored extractions, not only what "
            "this run touched (both give the same store).",
        ),
    ] = False,
) -> None:
    """Read news files, extract events, actors, deals, figures and quotes, and store them."""
    import time

    from .ingest.reader import count_items
    from .run.ingest import ingest as run_ingest

    workers = _settings(db=db, workers=workers or None).workers or 0
    published = _given_published(published)
    check_data()
    eng, store = _start(engine, address, workers, db)
    try:
        _warn_if_stale(store)
    except BaseException:
        eng.close()
        raise

    def on_reject(rej) -> None:
        err.print(f"rejected {rej.path}: {rej.reason}", markup=False)

    progress = _progress_bar("ingest", quiet, total=count_items(paths, max_bytes), unit="documents")
    t0 = time.time()
    with progress, _run_errors("ingest", store):
        task = progress.tasks[0].id

        def on_progress(rep) -> None:
            progress.update(
                task,
                completed=min(rep.done, progress.tasks[0].total or rep.done),
                rate=rep.done / max(time.time() - t0, 1e-6),
                rej=len(rep.rejected),
            )
            progress.refresh()

        report = run_ingest(
            paths,
            store,
            engine=eng,
            max_bytes=max_bytes,
            batch_size=batch_size,
            on_progress=on_progress,
            on_reject=on_reject,
            published=published,
            rebuild=rebuild,
        )
    totals = ", ".join(f"{v} {k}" for k, v in report.totals.items())
    err.print(
        f"stored {report.stored} articles ({report.duplicates} near-duplicates), skipped {report.skipped} "
        f"already stored{_completed(report)} and {report.repeats} repeated within this run, "
        f"rejected {len(report.rejected)} in {report.seconds:.1f} s (consolidated in "
        f"{report.consolidate_seconds:.1f} s); corpus: {totals}",
        markup=False,
    )
    store.close()
    if report.rejected:
        raise typer.Exit(1)


def _completed(report) -> str:
    if not report.completed:
        return ""
    return f" ({report.completed} given missing metadata by their copy, {report.redated} of them re-dated)"


@app.command()
def reprocess(
    db: DbOption = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only articles published on or after this date (YYYY[-MM[-DD]])."),
    ] = None,
    until: Annotated[
        str | None,
        typer.Option(metavar="DATE", help="Only articles published on or before this date (YYYY[-MM[-DD]])."),
    ] = None,
    where: Annotated[
        list[str] | None,
        typer.Option(
            metavar="FIELD=VALUE",
            help="Only articles whose FIELD equals VALUE (FIELD=VALUE) or contains TEXT, any case "
            "(FIELD~TEXT); FIELD is one of id, path, url, title, author, publisher, language, "
            "source_format, text. Repeat to require several.",
        ),
    ] = None,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale", help="Only articles extracted with other knowledge or code than now (or unknown)."
        ),
    ] = False,
    workers: WorkersOption = 0,
    engine: EngineOption = "local",
    address: AddressOption = None,
    quiet: QuietOption = False,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1, metavar="N", help="Articles per committed batch (a killed run loses at most one)."
        ),
    ] = 256,
    rebuild: Annotated[
        bool,
        typer.Option(
            "--rebuild",
            help="Recompute every actor and fused record from the stored extractions, not only what "
            "the re-extracted articles touch; the default when no filter narrows the run (both give the same store).",
        ),
    ] = False,
) -> None:
    """Extract stored articles again with the knowledge and code in use now, then consolidate.

    Every stored original by default (near-duplicates have no extraction of their own); the
    filters narrow that. Killed and run again, the store ends as one clean run leaves it.
    """
    import time

    from .lexicon.digest import current_stamp
    from .run.reprocess import reprocess as run_reprocess
    from .store.selection import Selection, SelectionError, Where

    workers = _settings(db=db, workers=workers or None).workers or 0
    try:
        selection = Selection(
            since=since,
            until=until,
            where=tuple(Where.parse(w) for w in where or ()),
            stale_against=current_stamp() if stale else None,
        )
    except SelectionError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None
    check_data()
    eng, store = _start(engine, address, workers, db)
    try:
        with _run_errors("reprocess", store):
            ids = store.select_ids(selection)
            progress = _progress_bar("reprocess", quiet, total=len(ids))
            with progress:
                task = progress.tasks[0].id
                started = time.time()

                def on_progress(rep) -> None:
                    progress.update(
                        task, completed=rep.done, rate=rep.done / max(time.time() - started, 1e-6)
                    )
                    progress.refresh()

                report = run_reprocess(
                    store,
                    eng,
                    ids=ids,
                    batch_size=batch_size,
                    on_progress=on_progress,
                    rebuild=rebuild or selection == Selection(),
                )
    finally:
        eng.close()  # already closed after the last batch; here for a run that failed or had nothing to do
        store.close()
    totals = ", ".join(f"{v} {k}" for k, v in report.totals.items())
    err.print(
        f"reprocessed {report.done} of {report.selected} selected articles ({report.redated} re-dated) "
        f"in {report.seconds:.1f} s; corpus: {totals}",
        markup=False,
    )


def _progress_bar(label: str, quiet: bool, total: int, unit: str = "articles") -> Progress:
    """A bar with a count, a rate and an ETA, redrawn by the caller per stored batch: rich's refresh
    thread would make the worker pool fall back to forkserver (see ingest)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn(f"{unit}, {{task.fields[rate]:.1f}}/s, {{task.fields[rej]}} rejected, ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=False,
        auto_refresh=False,
    )
    progress.add_task(label, total=total, rate=0.0, rej=0)
    return progress


@app.command()
def export(
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND", help="articles, events, actors, deals, figures or quotes.", show_default=False
        ),
    ],
    db: DbOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl, csv, parquet, plover (PLOVER JSONL), cameo (GDELT-style TSV) or ftm (FollowTheMoney).",
        ),
    ] = "jsonl",
    out: Annotated[
        str | None, typer.Option("--out", "-o", metavar="FILE", help="Output file (default: stdout).")
    ] = None,
    country: Annotated[
        str | None, typer.Option(metavar="COUNTRY", help="Only records of a country: TUR, Turkey or Türkiye.")
    ] = None,
    dyad: Annotated[
        str | None, typer.Option(metavar="A,B", help="Only records involving both countries (TUR,MYS).")
    ] = None,
    type: Annotated[
        str | None,
        typer.Option(metavar="TYPE", help="PLOVER type (events), status (deals), kind (figures, actors)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Only records reaching this date or later.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Only records starting on or before this date.")
    ] = None,
    q: Annotated[
        str | None,
        typer.Option("--q", metavar="WORDS", help="Full text, or the actors and countries the words name."),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(metavar="ACTOR", help="Only records an actor (id, name or alias) takes part in."),
    ] = None,
) -> None:
    """Write one kind of record in the export contract's shape, all of it or what the filters keep.

    The filters are the API's (same names, same meaning), so a filtered view of the workbench and
    an export with the same filters hold the same records.
    """
    _settings(db=db)
    from .export import KINDS, ExportError, check_export
    from .export import export as run_export

    if kind not in KINDS:
        err.print(f"eventwire: unknown kind {kind!r}; choose one of {', '.join(KINDS)}", markup=False)
        raise typer.Exit(2)
    try:  # bad usage first (exit 2), before the store is looked for
        check_export(format, out)
    except ExportError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None
    store = _open_store(db, must_exist=True)
    try:
        args = {"country": country, "dyad": dyad, "type": type, "since": since, "until": until}
        args.update(q=q, actor=actor)
        records = _filtered_records(store, kind, args) if any(args.values()) else store.iter_records(kind)
        run_export(records, format, out, kind=kind, sources=store.article_refs)
    except ExportError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None
    finally:
        store.close()


def _filtered_records(store: Store, kind: str, args: dict[str, str | None]):
    """The records the API's filters keep (a bad filter: its message in words, exit 2)."""
    from fastapi.exceptions import RequestValidationError

    from .store.query import QueryError, Reader
    from .web.params import make_filters

    reader = Reader(store.engine)
    try:
        f = make_filters(kind, reader=reader, **args)
        reader._conditions(kind, f)  # a filter the kind has not (since on actors ...) fails here
    except RequestValidationError as exc:
        for e in exc.errors():
            err.print(f"eventwire: --{e['loc'][-1]}: {e['msg']}", markup=False)
        raise typer.Exit(2) from None
    except QueryError as exc:
        err.print(f"eventwire: --{exc.field}: {exc}", markup=False)
        raise typer.Exit(2) from None
    return reader.iter_records(kind, f)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(metavar="HOST", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="Port.")] = 8000,
    create: Annotated[
        bool, typer.Option("--create", help="Start an empty store when there is none (else: refuse).")
    ] = False,
) -> None:
    """Serve the web UI and JSON API."""
    _settings(db=db)
    import uvicorn

    from .web.app import create_app

    store = _open_store(db, must_exist=not create)
    err.print(f"eventwire: serving {store.url} on http://{host}:{port}/", markup=False)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def code(
    text: Annotated[
        str,
        typer.Argument(metavar="TEXT", help="The text to code (a sentence or a story).", show_default=False),
    ],
    date: Annotated[str | None, typer.Option(metavar="DATE", help="Document date, YYYY-MM-DD.")] = None,
    format: Annotated[
        str,
        typer.Option("--format", "-f", metavar="FORMAT", help="text (default) or json (one event a line)."),
    ] = "text",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.", hidden=True)] = False,
) -> None:
    """Print the events coded from one text, with the pattern that fired.

    Text lines are never wrapped, piped or not: a line per event, a line per piece of evidence.
    """
    _settings()
    if format not in ("text", "json"):
        err.print(f"eventwire: --format {format!r}: use text or json", markup=False)
        raise typer.Exit(2)
    check_data()
    from .run.article import code as code_text

    ext = code_text(text, date)
    if as_json or format == "json":
        for ev in ext.events:
            print(json.dumps(ev.export(), ensure_ascii=False))
        return
    if not ext.events:
        print("no events")
    names = {a.key: a.name for a in ext.actors}
    for ev in ext.events:
        act = ", ".join(names.get(e.id, e.name) + (f" ({e.country})" if e.country else "") for e in ev.actor)
        rec = ", ".join(
            names.get(e.id, e.name) + (f" ({e.country})" if e.country else "") for e in ev.recipient
        )
        flags = [f for f in ("negated", "future", "hypothetical") if getattr(ev, f)]
        print(
            f"{ev.event}{'/' + ev.mode if ev.mode else ''} [{', '.join(ev.context)}] cameo={ev.cameo} "
            f"score={ev.score}  {act or '?'} -> {rec or '?'}  date={ev.date or '?'}"
            f"{' ' + ','.join(flags) if flags else ''}"
        )
        loc = ev.event_loc
        where = f"  at: {loc.name}" + (f" ({loc.country})" if loc.country else "") if loc else ""
        print(f"   pattern: {ev.pattern}  trigger: {ev.trigger!r}  confidence={ev.confidence}{where}")
        for m in ev.mentions:
            print(f"   evidence [{m.start}:{m.end}]: {m.sentence}")


@app.command()
def timex(
    file: Annotated[str, typer.Argument(metavar="FILE", help="A UTF-8 text file.", show_default=False)],
    dct: Annotated[
        str | None, typer.Option(metavar="DATE", help="Document creation time, YYYY-MM-DD.")
    ] = None,
) -> None:
    """Print the temporal expressions of a file, one JSON object a line (TimeML values)."""
    _settings()
    check_data()
    from .extract.time.tagger import timex_file_main

    raise typer.Exit(timex_file_main(file, dct))


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        err.print("eventwire: interrupted")
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
