"""``POST /api/ingest``: the one write the server allows, and only to a holder of the token.

The upload (JSON text or a multipart file) goes to a private temporary folder and through the
same ``eventwire.run.ingest.ingest`` the CLI runs; the request never names a server-side path.
Writes are off unless ``EVENTWIRE_TOKEN`` is set (403), a missing or wrong bearer token is 401,
and the token is compared in constant time. Ingests run one at a time: consolidation rewrites
the corpus-wide tables and two of them at once would only race.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ..store import Store
from .api import Problem
from .cache import ResponseCache
from .deps import CacheDep, StoreDep, WriteConfig, WriteConfigDep
from .params import invalid

ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".xml", ".warc", ".warc.gz")
MAX_TEXT_CHARS = 2_000_000


class IngestText(BaseModel):
    """An article given as JSON (the alternative to a multipart ``file`` upload)."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    author: str | None = Field(default=None, max_length=500)
    publisher: str | None = Field(default=None, max_length=500)


class IngestResult(BaseModel):
    stored: int
    skipped: int
    duplicates: int
    rejected: list[dict[str, str]]
    articles: list[str] = Field(
        description="Ids of the articles the upload produced (new or already stored)."
    )
    totals: dict[str, int]


def safe_name(filename: str | None) -> str:
    """A harmless file name keeping a suffix ingest understands (the reader picks the format by it)."""
    base = Path(filename or "upload.txt").name
    low = base.lower()
    suffix = next((s for s in sorted(ALLOWED_SUFFIXES, key=len, reverse=True) if low.endswith(s)), ".txt")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", base[: len(base) - len(suffix)] if low.endswith(suffix) else base)
    return (stem.strip("_")[:80] or "upload") + suffix


def check_token(request: Request, token: str | None) -> None:
    if not token:
        raise HTTPException(
            403, detail="writes are disabled: set EVENTWIRE_TOKEN on the server to enable ingest"
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
    if not ok:
        raise HTTPException(
            401, detail="missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


router = APIRouter(prefix="/api", tags=["ingest"])


async def require_token(request: Request, writes: WriteConfigDep) -> None:
    check_token(request, writes.token)


def run_upload(
    store: Store, writes: WriteConfig, cache: ResponseCache, name: str, data: bytes
) -> dict[str, Any]:
    """Ingest one uploaded file from a private temporary folder; the answer cache is cleared after."""
    from ..run.ingest import ingest
    from ..run.local import LocalEngine

    with tempfile.TemporaryDirectory(prefix="eventwire-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with writes.lock:
            report = ingest(
                [str(path)], store, engine=LocalEngine(workers=1), max_bytes=writes.max_body, collect_ids=True
            )
            cache.clear()
    rejected = [{"path": Path(r.path).name, "reason": r.reason} for r in report.rejected]
    if not report.ids and rejected:  # nothing in the upload could be read: say why, as a 422
        reasons = "; ".join(f"{r['path']}: {r['reason']}" for r in rejected[:20])
        raise invalid("file", f"the upload was rejected: {reasons}", where="body")
    return {
        "stored": report.stored,
        "skipped": report.skipped,
        "duplicates": report.duplicates,
        "rejected": rejected,
        # every article the upload held (a feed, WARC or JSONL holds many), stored now or before
        "articles": list(dict.fromkeys(report.ids)),
        "totals": report.totals,
    }


async def read_upload(request: Request) -> tuple[str, bytes]:
    """The upload as (safe file name, bytes), from a JSON article or a multipart ``file``."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            body = IngestText.model_validate(json.loads(await request.body()))
        except json.JSONDecodeError:
            raise invalid("body", "not valid JSON", where="body") from None
        except ValueError as exc:  # pydantic.ValidationError
            raise invalid("body", " ".join(str(exc).split())[:300], where="body") from None
        doc = {k: v for k, v in body.model_dump().items() if v is not None}
        return "upload.json", json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if ctype == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise invalid("file", "a multipart upload needs a 'file' field", where="body")
        data = await upload.read()
        if not data:
            raise invalid("file", "the uploaded file is empty", where="body")
        return safe_name(upload.filename), data
    raise HTTPException(415, detail="send application/json or multipart/form-data")


@router.post(
    "/ingest",
    response_model=IngestResult,
    operation_id="ingest",
    summary="Ingest one article (JSON) or one file (multipart)",
    description=(
        "Needs `Authorization: Bearer $EVENTWIRE_TOKEN`. Send `application/json` "
        '(`{"text": ..., "title": ..., "url": ..., "published": ...}`) or `multipart/form-data` with a '
        "`file` field (.txt .md .html .json .jsonl .xml .warc[.gz]). Bodies over the size limit get 413."
    ),
    responses={
        401: {"model": Problem, "description": "Missing or wrong bearer token"},
        403: {"model": Problem, "description": "Writes disabled (no token configured)"},
        413: {"model": Problem, "description": "Body too large"},
        415: {"model": Problem, "description": "Neither JSON nor multipart"},
        422: {"description": "The upload was rejected (the reason is in `detail`), or a bad body"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": IngestText.model_json_schema()},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {"file": {"type": "string", "format": "binary"}},
                        "required": ["file"],
                    }
                },
            },
        }
    },
    dependencies=[Depends(require_token)],
)
async def ingest_endpoint(
    request: Request, store: StoreDep, writes: WriteConfigDep, cache: CacheDep
) -> dict[str, Any]:
    name, data = await read_upload(request)
    return await run_in_threadpool(run_upload, store, writes, cache, name, data)
