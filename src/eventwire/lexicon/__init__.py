"""Reading the YAML data files that hold eventwire's language knowledge.

PyYAML's default ``safe_load`` is pure Python; its libyaml-backed ``CSafeLoader`` builds the same
objects, just as safely, about ten times faster. Every process loads some thirty data files at
start-up (each ingest worker too), which made parsing YAML the largest start-up cost after the
spaCy model, so all data files go through here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data in a YAML document (safe: plain types only)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


def data_dir() -> Path:
    """The language data in use: ``EVENTWIRE_DATA`` (an analyst's own copy) or the shipped folder."""
    from ..settings import get_settings

    return get_settings().data_dir or SHIPPED_DATA


def data_path(name: str) -> Path:
    """The data file ``name``, relative to the data folder in use."""
    return data_dir() / name


def read_data(name: str) -> Any:
    """The parsed YAML of the shipped data file ``name``."""
    return load_yaml(data_path(name).read_text(encoding="utf-8"))
