"""The workbench application: JSON API, server-rendered pages, offline API docs, one upload route.

``create_app(store)`` is what ``eventwire serve`` runs under uvicorn. Nothing is fetched from
outside: templates and static assets ship in the package, the chart is SVG drawn on the server,
and ``/docs`` is a page rendered from ``/openapi.json`` instead of FastAPI's CDN-hosted Swagger UI.
CORS is off unless ``cors_origins`` (or ``EVENTWIRE_CORS``, comma-separated) names origins.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..settings import get_settings
from ..store.query import Reader
from .api import api_router
from .cache import ResponseCache
from .docs import docs_context
from .ingest import ingest_router
from .limits import BodyLimit, SecurityHeaders
from .pages import HERE, make_templates, pages_router

DEFAULT_MAX_BODY = 5 * 1024 * 1024


def _wants_json(request: Request) -> bool:
    return (
        request.url.path.startswith("/api/")
        or request.url.path == "/openapi.json"
        or request.query_params.get("format") == "json"
        or "text/html" not in request.headers.get("accept", "")
    )


def create_app(
    store: Any,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origins: list[str] | None = None,
    cache_seconds: float | None = None,
) -> FastAPI:
    """The app over an open :class:`eventwire.store.Store` (anything with an ``engine``)."""
    settings = get_settings()
    token = token if token is not None else settings.token
    if cors_origins is None and settings.cors:
        cors_origins = list(settings.cors)
    app = FastAPI(
        title="eventwire",
        version="1",
        description=(
            "PLOVER events, actors, deals, figures and quotes read from international-affairs news, "
            "each traced to its sentence. Records use the export shapes of `eventwire export`."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    if cache_seconds is None:
        cache_seconds = settings.cache_seconds
    reader = Reader(store.engine)
    templates = make_templates()
    cache = ResponseCache(ttl=cache_seconds)
    app.state.store = store
    app.state.reader = reader
    app.state.cache = cache

    app.include_router(api_router(reader, cache))
    app.include_router(ingest_router(store, token, max_body, cache))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> Response:
        ctx = docs_context(app.openapi())
        ctx.update(title="API", json_url="/openapi.json", here={}, page_url=lambda *a, **k: "")
        return templates.TemplateResponse(request, "docs.html", ctx)

    app.include_router(pages_router(reader, templates))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = jsonable_encoder(exc.errors())
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        ctx = {
            "status": 422,
            "message": "Some parameters are not valid.",
            "errors": errors,
            "title": "Bad request",
        }
        return templates.TemplateResponse(request, "error.html", _page_ctx(request, ctx), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
        ctx = {
            "status": exc.status_code,
            "message": str(exc.detail),
            "errors": [],
            "title": str(exc.status_code),
        }
        return templates.TemplateResponse(
            request, "error.html", _page_ctx(request, ctx), status_code=exc.status_code, headers=headers
        )

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"], allow_headers=["*"]
        )
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def _page_ctx(request: Request, ctx: dict[str, Any]) -> dict[str, Any]:
    from .pages import page_url

    ctx.update(request=request, json_url=None, here=dict(request.query_params), page_url=page_url)
    return ctx
