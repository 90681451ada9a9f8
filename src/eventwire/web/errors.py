"""Errors answer in the asker's language: JSON for the API and scripts, a page for a browser.

A request is answered in JSON when it is for ``/api/...`` or ``/openapi.json``, asks for
``?format=json``, or does not accept ``text/html``; otherwise the error is the ``error.html`` page
with the same status and headers (a 401 keeps its ``WWW-Authenticate``).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from .pages import page_url


def wants_json(request: Request) -> bool:
    return (
        request.url.path.startswith("/api/")
        or request.url.path == "/openapi.json"
        or request.query_params.get("format") == "json"
        or "text/html" not in request.headers.get("accept", "")
    )


async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
    errors = jsonable_encoder(exc.errors())
    if wants_json(request):
        return JSONResponse({"detail": errors}, status_code=422)
    ctx = {
        "status": 422,
        "message": "Some parameters are not valid.",
        "errors": errors,
        "title": "Bad request",
    }
    return request.app.state.templates.TemplateResponse(
        request, "error.html", _page_ctx(request, ctx), status_code=422
    )


async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
    headers = getattr(exc, "headers", None)
    if wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    ctx = {
        "status": exc.status_code,
        "message": str(exc.detail),
        "errors": [],
        "title": str(exc.status_code),
    }
    return request.app.state.templates.TemplateResponse(
        request, "error.html", _page_ctx(request, ctx), status_code=exc.status_code, headers=headers
    )


def _page_ctx(request: Request, ctx: dict[str, Any]) -> dict[str, Any]:
    ctx.update(request=request, json_url=None, here=dict(request.query_params), page_url=page_url)
    return ctx
