"""``/docs`` as a server-rendered page built from the OpenAPI document.

FastAPI's Swagger UI loads its JavaScript from a CDN; the workbench must work offline, so the
operations, their parameters and responses are listed from ``/openapi.json`` instead, with a
ready-to-click example URL for every GET that needs no path parameter.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from .deps import TemplatesDep

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request, templates: TemplatesDep) -> Response:
    ctx = docs_context(request.app.openapi())
    ctx.update(title="API", json_url="/openapi.json", here={}, page_url=lambda *a, **k: "")
    return templates.TemplateResponse(request, "docs.html", ctx)


def _schema_text(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(_schema_text(s, spec) for s in schema["anyOf"])
    t = schema.get("type", "")
    if t == "array":
        return f"list[{_schema_text(schema.get('items', {}), spec)}]"
    extras = []
    if "pattern" in schema:
        extras.append(f"pattern {schema['pattern']}")
    if "enum" in schema:
        extras.append("one of " + ", ".join(map(str, schema["enum"])))
    for k, label in (("minimum", "≥"), ("maximum", "≤"), ("maxLength", "max length")):
        if k in schema:
            extras.append(f"{label} {schema[k]}")
    return t + (f" ({'; '.join(extras)})" if extras else "")


def docs_context(spec: dict[str, Any]) -> dict[str, Any]:
    """Operations grouped by tag, each with parameters, body types, responses and an example URL."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "delete", "patch"):
                continue
            params = []
            for p in op.get("parameters", []):
                params.append(
                    {
                        "name": p["name"],
                        "in": p["in"],
                        "required": p.get("required", False),
                        "type": _schema_text(p.get("schema", {}), spec),
                        "default": p.get("schema", {}).get("default"),
                        "description": p.get("description") or p.get("schema", {}).get("description") or "",
                    }
                )
            body = list((op.get("requestBody") or {}).get("content", {}).keys())
            example = None
            if method == "get" and "{" not in path:
                example = path + ("?dyad=TUR,MYS&limit=5" if path in ("/api/events", "/api/deals") else "")
            elif method == "get" and path.endswith("/timeline"):
                example = path.replace("{a}", "TUR").replace("{b}", "MYS") + "?interval=year"
            groups.setdefault((op.get("tags") or ["other"])[0], []).append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                    "body": body,
                    "responses": [
                        (code, r.get("description", "")) for code, r in op.get("responses", {}).items()
                    ],
                    "example": example,
                    "id": op.get("operationId", f"{method}-{path}"),
                }
            )
    return {"groups": groups, "info": spec.get("info", {})}
