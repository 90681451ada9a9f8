"""An actor's evidence is capped; the store ranks the rows so only those the cap can keep are read.

The cap is lowered here so that real stories exceed it for many actors: the incremental store,
which asks the database for each actor's first mentions, must equal the all-at-once path, which
sorts every mention in memory, and a rebuild.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.run.consolidate import consolidate
from test_incremental_consolidation import _old_path, _snapshot, _store, extracted  # noqa: F401


@pytest.mark.slow
def test_capped_evidence_is_the_first_mentions_of_every_record(
    tmp_path: Path,
    extracted,  # noqa: F811 - the fixture, imported above
    monkeypatch,
) -> None:
    monkeypatch.setattr("eventwire.run.consolidate.MAX_EVIDENCE", 3)
    monkeypatch.setattr("eventwire.consolidate.activity.MAX_EVIDENCE", 3)
    half = len(extracted) // 2
    store = _store(tmp_path, "cap", [extracted[:half], extracted[half:]])
    got = _snapshot(store)
    assert any(len(json.loads(a)["mentions"]) == 3 for a in got["actors"].values())  # cap reached
    assert _old_path(store) == got
    consolidate(store, rebuild=True)
    assert _snapshot(store) == got
