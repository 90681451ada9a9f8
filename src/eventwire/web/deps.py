"""What a route needs, handed over by FastAPI's ``Depends`` from the app's state.

``create_app`` puts the store, its reader, the answer cache, the templates and the write settings on
``app.state``; the routers are plain module-level objects whose functions ask for them here, so the
same router serves any app and a route reads like a function of its inputs. The getters are
``async`` on purpose: FastAPI runs a sync dependency in a worker thread, and a cached API answer
must be served without leaving the event loop.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from ..store import Store
from ..store.query import Reader
from .cache import ResponseCache


@dataclass
class WriteConfig:
    """The one write route's settings: the bearer token (None or empty: writes off) and body limit."""

    token: str | None
    max_body: int
    lock: threading.Lock = field(default_factory=threading.Lock)  # ingests run one at a time


async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_reader(request: Request) -> Reader:
    return request.app.state.reader


async def get_cache(request: Request) -> ResponseCache:
    return request.app.state.cache


async def get_templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates


async def get_write_config(request: Request) -> WriteConfig:
    return request.app.state.writes


StoreDep = Annotated[Store, Depends(get_store)]
ReaderDep = Annotated[Reader, Depends(get_reader)]
CacheDep = Annotated[ResponseCache, Depends(get_cache)]
TemplatesDep = Annotated[Jinja2Templates, Depends(get_templates)]
WriteConfigDep = Annotated[WriteConfig, Depends(get_write_config)]
