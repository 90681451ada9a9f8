"""Exports of exactly what a listing's filters keep, of any size, streamed: ``/api/{kind}.csv``,
``.jsonl``, ``.parquet`` (and ``/api/events.tsv``, GDELT's layout), plus the Atom feed ``.atom``.

The listing pages' buttons link here with the page's own filters, so "CSV" on a view of 959
events downloads 959 rows, not the 50 on screen. Rows are read from the database a chunk at a
time (a server-side cursor) and written to the client as they come: memory stays flat whatever
the size. Parquet needs its footer written last, so it is built in a temporary file a row group
at a time, sent, and deleted. The filters are checked before the first byte is sent, so a bad
filter is a 422 like everywhere else, not a broken download.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from ..export.cameo import CAMEO_COLUMNS, cameo_rows
from ..export.rows import with_refs
from ..export.tables import csv_chunks, write_parquet
from ..store.query import Filters, Reader
from .deps import ReaderDep
from .feeds import FEED_SIZE, atom_feed
from .labels import record_label
from .params import FilterDep, checked

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def _prepared(kind: str, args: Any, reader: Reader) -> Filters:
    """Resolved filters, with everything a query would refuse refused now (before streaming)."""
    f = args.filters(kind, reader, limit=1)
    checked(lambda: reader._conditions(kind, f))
    return f


def _jsonl(reader: Reader, kind: str, f: Filters) -> Iterator[bytes]:
    buf: list[str] = []
    for rec in reader.iter_records(kind, f):
        buf.append(json.dumps(rec, ensure_ascii=False))
        if len(buf) >= 500:
            yield ("\n".join(buf) + "\n").encode("utf-8")
            buf = []
    if buf:
        yield ("\n".join(buf) + "\n").encode("utf-8")


def _csv(reader: Reader, kind: str, f: Filters) -> Iterator[bytes]:
    for chunk in csv_chunks(reader.iter_records(kind, f), kind, reader.article_refs):
        yield chunk.encode("utf-8")


def _tsv(reader: Reader, f: Filters) -> Iterator[bytes]:
    yield ("\t".join(CAMEO_COLUMNS) + "\n").encode("utf-8")
    for batch, refs in with_refs(reader.iter_records("events", f), reader.article_refs):
        lines = ["\t".join(row) for ev in batch for row in cameo_rows(ev, refs)]
        if lines:
            yield ("\n".join(lines) + "\n").encode("utf-8")


def _filename(kind: str, ext: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="eventwire-{kind}.{ext}"'}


def _export_route(kind: str, ext: str) -> Callable[..., Awaitable[Response]]:
    async def export(reader: ReaderDep, args: FilterDep) -> Response:
        f = await run_in_threadpool(_prepared, kind, args, reader)
        if ext == "parquet":
            fd, path = tempfile.mkstemp(prefix="eventwire-", suffix=".parquet")
            os.close(fd)
            try:
                await run_in_threadpool(
                    write_parquet, reader.iter_records(kind, f), path, kind, reader.article_refs
                )
            except BaseException:
                os.unlink(path)
                raise
            return FileResponse(
                path,
                media_type=MEDIA[ext],
                headers=_filename(kind, ext),
                background=BackgroundTask(os.unlink, path),
            )
        body = (
            _tsv(reader, f)
            if ext == "tsv"
            else _csv(reader, kind, f)
            if ext == "csv"
            else _jsonl(reader, kind, f)
        )
        return StreamingResponse(body, media_type=MEDIA[ext], headers=_filename(kind, ext))

    return export


def _feed_route(kind: str) -> Callable[..., Awaitable[Response]]:
    async def feed(request: Request, reader: ReaderDep, args: FilterDep) -> Response:
        def make() -> bytes:
            f = args.filters(kind, reader, limit=FEED_SIZE)
            items, _ = checked(lambda: reader.list(kind, f))
            refs = reader.article_refs(
                m.get("article_id") for r in items for m in r.get("mentions") or [] if isinstance(m, dict)
            )
            base = str(request.base_url).rstrip("/")
            query = urlencode({k: v for k, v in args.model_dump().items() if v})
            shown = ", ".join(f"{k}={v}" for k, v in args.model_dump().items() if v)
            return atom_feed(
                kind=kind,
                records=items,
                self_url=str(request.url),
                page_url=f"{base}/{kind}" + (f"?{query}" if query else ""),
                base=base,
                title=f"eventwire: {kind}" + (f" ({shown})" if shown else ""),
                label=record_label,
                refs=refs,
            )

        return Response(await run_in_threadpool(make), media_type=MEDIA["atom"])

    return feed


def add_routes(router: APIRouter, kind: str) -> None:
    """The export and feed routes of one kind on the API router."""
    for ext in ("csv", "jsonl", "parquet") + (("tsv",) if kind == "events" else ()):
        router.add_api_route(
            f"/{kind}.{ext}",
            _export_route(kind, ext),
            methods=["GET"],
            operation_id=f"export_{kind}_{ext}",
            summary=f"Every {kind[:-1]} the filters keep, as {ext.upper()}",
            description=(
                "All matching records, no page limit, streamed in the listing's order ("
                + (
                    "GDELT 1.0's 58 columns, one row per dyad"
                    if ext == "tsv"
                    else "flat typed columns"
                    if ext in ("csv", "parquet")
                    else "export shape"
                )
                + "). Takes the listing's filters and sort."
            ),
            response_class=Response,
            responses={200: {"content": {MEDIA[ext].split(";")[0]: {}}}},
            tags=["exports"],
        )
    router.add_api_route(
        f"/{kind}.atom",
        _feed_route(kind),
        methods=["GET"],
        operation_id=f"feed_{kind}",
        summary=f"Atom feed of the newest {kind} the filters keep",
        description=(
            f"The {FEED_SIZE} newest matching records as Atom 1.0: each entry links to the record's "
            "page and carries its evidence sentences and the reporting articles' web links."
        ),
        response_class=Response,
        responses={200: {"content": {"application/atom+xml": {}}}},
        tags=["feeds"],
    )
