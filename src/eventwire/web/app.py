"""FastAPI application (minimal: a page listing articles; the workbench grows here)."""

from __future__ import annotations

import html
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse


def create_app(store: Any) -> FastAPI:
    app = FastAPI(title="eventwire")

    @app.get("/api/articles")
    def api_articles() -> dict[str, Any]:
        items = list(store.iter_records("articles"))
        return {"items": items, "total": len(items)}

    @app.get("/", response_class=HTMLResponse)
    def home() -> str:
        rows = "".join(
            f"<li>{html.escape(a.get('title') or a['path'])} <small>{html.escape(a.get('published') or '')}</small></li>"
            for a in store.iter_records("articles")
        )
        return f"<!doctype html><title>eventwire</title><h1>eventwire</h1><ul>{rows}</ul>"

    return app
