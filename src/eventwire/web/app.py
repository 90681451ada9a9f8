"""The workbench application: JSON API, server-rendered pages, offline API docs, one upload route.

``create_app(store)`` is what ``eventwire serve`` runs under uvicorn. Nothing is fetched from
outside: templates and static assets ship in the package, the chart is SVG drawn on the server,
and ``/docs`` is a page rendered from ``/openapi.json`` instead of FastAPI's CDN-hosted Swagger UI.
CORS is off unless ``cors_origins`` (or ``EVENTWIRE_CORS``, comma-separated) names origins.

The routes live in module-level routers (:mod:`.api`, :mod:`.ingest`, :mod:`.docs`, :mod:`.pages`)
and take what they need from ``app.state`` through :mod:`.deps`; this module only configures that
state and assembles the app.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..settings import get_settings
from ..store import Store
from ..store.query import Reader
from . import api, docs, ingest, pages
from .cache import ResponseCache
from .deps import WriteConfig
from .errors import on_http, on_invalid
from .limits import BodyLimit, SecurityHeaders

DEFAULT_MAX_BODY = 5 * 1024 * 1024


def create_app(
    store: Store,
    *,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    cors_origins: list[str] | None = None,
    cache_seconds: float | None = None,
) -> FastAPI:
    """The app over an open :class:`eventwire.store.Store`; unset options come from the settings."""
    settings = get_settings()
    token = token if token is not None else settings.token
    if cors_origins is None and settings.cors:
        cors_origins = list(settings.cors)
    if cache_seconds is None:
        cache_seconds = settings.cache_seconds
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
    app.state.store = store
    app.state.reader = Reader(store.engine)
    app.state.cache = ResponseCache(ttl=cache_seconds)
    app.state.templates = pages.make_templates()
    app.state.writes = WriteConfig(token=token, max_body=max_body)

    app.include_router(api.router)
    app.include_router(ingest.router)
    app.mount("/static", StaticFiles(directory=str(pages.HERE / "static")), name="static")
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.add_exception_handler(RequestValidationError, on_invalid)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, on_http)  # type: ignore[arg-type]

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"], allow_headers=["*"]
        )
    app.add_middleware(BodyLimit, max_bytes=max_body)
    app.add_middleware(SecurityHeaders)
    return app
