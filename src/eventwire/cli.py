"""The `eventwire` command: ingest, reprocess, export, serve, code, timex.

Exit status: 0 success, 1 when some inputs were rejected (each named on stderr, the rest stored)
or a run failed with a clear message, 2 on bad usage. Never a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:  # pragma: no cover
    from rich.progress import Progress

    from .run.engine import Engine
    from .settings import Settings
    from .store import Store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="International-affairs news into sourced PLOVER events, actors, deals, figures and quotes.",
)
err = Console(stderr=True, highlight=False, soft_wrap=True)  # one rejection per line, never wrapped

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="SQLAlchemy URL (default: $EVENTWIRE_DB, else sqlite:///eventwire.db)."),
]


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

    try:
        check_all()
    except LexiconError as exc:
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None


def _open_store(db: str | None) -> Store:
    from .store import Store, StoreError

    try:
        return Store(db)
    except StoreError as exc:
        err.print(f"eventwire: {exc}")
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


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (recursively).")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
    max_bytes: Annotated[int, typer.Option(help="Reject files larger than this.")] = 50_000_000,
    engine: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address (with --engine ray).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per committed batch (an interrupted run resumes per batch).")
    ] = 256,
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles whose file, sidecar "
            "(FILE.meta.json) and text give none; used before any date is inferred from the text."
        ),
    ] = None,
) -> None:
    """Read news files, extract events, actors, deals, figures and quotes, and store them."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
    from sqlalchemy.exc import SQLAlchemyError

    from .run.ingest import ingest as run_ingest

    workers = _settings(db=db, workers=workers or None).workers or 0
    if published is not None:
        from .ingest.dates import given_date

        given = given_date(published)
        if given is None:
            err.print(f"eventwire: --published {published!r}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD")
            raise typer.Exit(2)
        published = given
    check_data()
    from .lexicon import LexiconError
    from .run.local import WorkerStartError

    eng = _make_engine(engine, address, workers)
    eng.start()  # first, so the workers warm up while this process opens the store and reads
    try:
        store = _open_store(db)
        _warn_if_stale(store)
    except BaseException:
        eng.close()
        raise

    def on_reject(rej) -> None:
        err.print(f"rejected {rej.path}: {rej.reason}", markup=False)

    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn(
            "{task.fields[docs]} documents, {task.fields[rate]:.1f} docs/s, {task.fields[rej]} rejected"
        ),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=False,
        # redrawn per stored batch, not by rich's refresh thread: with a thread running, the
        # worker pool cannot fork safely and falls back to forkserver, where every worker loads
        # the model and lexicons again
        auto_refresh=False,
    )
    import time

    t0 = time.time()
    with progress:
        task = progress.add_task("ingest", total=None, docs=0, rate=0.0, rej=0)

        def on_progress(rep) -> None:
            done = rep.stored + rep.skipped
            progress.update(task, docs=done, rate=done / max(time.time() - t0, 1e-6), rej=len(rep.rejected))
            progress.refresh()

        try:
            report = run_ingest(
                paths,
                store,
                engine=eng,
                max_bytes=max_bytes,
                batch_size=batch_size,
                on_progress=on_progress,
                on_reject=on_reject,
                published=published,
            )
        except LexiconError as exc:  # a worker found a data file malformed after all
            err.print(f"eventwire: {exc}", markup=False)
            raise typer.Exit(2) from None
        except WorkerStartError as exc:
            err.print(f"eventwire: {exc}; batches committed before it are kept", markup=False)
            raise typer.Exit(1) from None
        except SQLAlchemyError as exc:  # the store failed mid-run: committed batches stay, say why
            err.print(
                f"eventwire: database error during ingest ({store.url}): {exc.__class__.__name__}: "
                f"{str(exc).splitlines()[0][:300]}; batches committed before it are kept, run again to resume",
                markup=False,
            )
            raise typer.Exit(1) from None
    totals = ", ".join(f"{v} {k}" for k, v in report.totals.items())
    err.print(
        f"stored {report.stored} articles ({report.duplicates} near-duplicates), skipped {report.skipped} "
        f"already stored{_completed(report)}, rejected {len(report.rejected)} in {report.seconds:.1f} s; "
        f"corpus: {totals}",
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
        str | None, typer.Option(help="Only articles published on or after this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only articles published on or before this date (YYYY[-MM[-DD]]).")
    ] = None,
    where: Annotated[
        list[str] | None,
        typer.Option(
            help="Only articles whose FIELD equals VALUE (FIELD=VALUE) or contains TEXT, any case "
            "(FIELD~TEXT); FIELD is one of id, path, url, title, author, publisher, language, "
            "source_format, text. Repeat to require several."
        ),
    ] = None,
    stale: Annotated[
        bool,
        typer.Option(
            "--stale", help="Only articles extracted with other knowledge or code than now (or unknown)."
        ),
    ] = False,
    workers: Annotated[int, typer.Option(help="Worker processes (default: all cores).")] = 0,
    engine: Annotated[str, typer.Option(help="local (process pool) or ray.")] = "local",
    address: Annotated[str | None, typer.Option(help="Ray cluster address (with --engine ray).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per committed batch (a killed run loses at most one).")
    ] = 256,
) -> None:
    """Extract stored articles again with the knowledge and code in use now, then consolidate.

    Every stored original by default (near-duplicates have no extraction of their own); the
    filters narrow that. Killed and run again, the store ends as one clean run leaves it.
    """
    from sqlalchemy.exc import SQLAlchemyError

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
    from .lexicon import LexiconError
    from .run.local import WorkerStartError

    eng = _make_engine(engine, address, workers)
    eng.start()  # first, so the workers warm up while this process opens the store and selects
    try:
        store = _open_store(db)
    except BaseException:
        eng.close()
        raise
    try:
        ids = store.select_ids(selection)
        progress = _progress_bar("reprocess", quiet, total=len(ids))
        with progress:
            task = progress.tasks[0].id

            def on_progress(rep) -> None:
                progress.update(task, completed=rep.done)
                progress.refresh()

            report = run_reprocess(store, eng, ids=ids, batch_size=batch_size, on_progress=on_progress)
    except LexiconError as exc:  # a worker found a data file malformed after all
        err.print(f"eventwire: {exc}", markup=False)
        raise typer.Exit(2) from None
    except WorkerStartError as exc:
        err.print(f"eventwire: {exc}; batches committed before it are kept", markup=False)
        raise typer.Exit(1) from None
    except SQLAlchemyError as exc:  # committed batches stay; a rerun redoes the rest
        err.print(
            f"eventwire: database error during reprocess ({store.url}): {exc.__class__.__name__}: "
            f"{str(exc).splitlines()[0][:300]}; batches committed before it are kept, run again to finish",
            markup=False,
        )
        raise typer.Exit(1) from None
    finally:
        eng.close()  # already closed after the last batch; here for a run that failed or had nothing to do
        store.close()
    totals = ", ".join(f"{v} {k}" for k, v in report.totals.items())
    err.print(
        f"reprocessed {report.done} of {report.selected} selected articles ({report.redated} re-dated) "
        f"in {report.seconds:.1f} s; corpus: {totals}",
        markup=False,
    )


def _progress_bar(label: str, quiet: bool, total: int) -> Progress:
    """A bar with a count and an ETA, redrawn by the caller per stored batch: rich's refresh
    thread would make the worker pool fall back to forkserver (see ingest)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles, ETA"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=False,
        auto_refresh=False,
    )
    progress.add_task(label, total=total)
    return progress


@app.command()
def export(
    kind: Annotated[str, typer.Argument(help="articles, events, actors, deals, figures or quotes.")],
    db: DbOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="jsonl, csv, parquet, plover (PLOVER JSONL), cameo (GDELT-style TSV) or ftm (FollowTheMoney).",
        ),
    ] = "jsonl",
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (default: stdout).")] = None,
) -> None:
    """Write one kind of record in the export contract's shape."""
    _settings(db=db)
    from .export import KINDS, ExportError
    from .export import export as run_export

    if kind not in KINDS:
        err.print(f"eventwire: unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
        raise typer.Exit(2)
    store = _open_store(db)
    try:
        run_export(store.iter_records(kind), format, out)
    except ExportError as exc:
        err.print(f"eventwire: {exc}")
        raise typer.Exit(2) from None
    finally:
        store.close()


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the web UI and JSON API."""
    _settings(db=db)
    import uvicorn

    from .web.app import create_app

    store = _open_store(db)
    err.print(f"eventwire: serving {store.url} on http://{host}:{port}/", markup=False)
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@app.command()
def code(
    text: Annotated[str, typer.Argument(help="The text to code (a sentence or a story).")],
    date: Annotated[str | None, typer.Option(help="Document date, YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON event a line.")] = False,
) -> None:
    """Print the events coded from one text, with the pattern that fired."""
    _settings()
    check_data()
    from .run.article import code as code_text

    ext = code_text(text, date)
    if as_json:
        for ev in ext.events:
            print(json.dumps(ev.export(), ensure_ascii=False))
        return
    out = Console(highlight=False)
    if not ext.events:
        out.print("no events")
    names = {a.key: a.name for a in ext.actors}
    for ev in ext.events:
        act = ", ".join(names.get(e.id, e.name) + (f" ({e.country})" if e.country else "") for e in ev.actor)
        rec = ", ".join(
            names.get(e.id, e.name) + (f" ({e.country})" if e.country else "") for e in ev.recipient
        )
        flags = [f for f in ("negated", "future", "hypothetical") if getattr(ev, f)]
        out.print(
            f"{ev.event}{'/' + ev.mode if ev.mode else ''} [{', '.join(ev.context)}] cameo={ev.cameo} "
            f"score={ev.score}  {act or '?'} -> {rec or '?'}  date={ev.date or '?'}"
            f"{' ' + ','.join(flags) if flags else ''}",
            markup=False,
        )
        loc = ev.event_loc
        where = f"  at: {loc.name}" + (f" ({loc.country})" if loc.country else "") if loc else ""
        out.print(
            f"   pattern: {ev.pattern}  trigger: {ev.trigger!r}  confidence={ev.confidence}{where}",
            markup=False,
        )
        for m in ev.mentions:
            out.print(f"   evidence [{m.start}:{m.end}]: {m.sentence}", markup=False)


@app.command()
def timex(
    file: Annotated[str, typer.Argument(help="A UTF-8 text file.")],
    dct: Annotated[str | None, typer.Option(help="Document creation time, YYYY-MM-DD.")] = None,
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
