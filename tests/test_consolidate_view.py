"""Incremental consolidation re-files an article only when what its records read of an actor
changed (``fuse.rekey_view``). These tests hold the rekeyer to that view, so a rekeyer that starts
reading another field fails here instead of silently leaving stale records in a growing store."""

from __future__ import annotations

from typing import Any

from eventwire.consolidate.fuse import REKEY_FIELDS, REKEY_ROLE_FIELDS, rekey_view, rekeyer
from eventwire.model import ActorRecord, Entity, Role


class _Watch:
    """A stand-in that records every attribute read of the object it wraps."""

    def __init__(self, inner: Any, seen: set[str], prefix: str = ""):
        object.__setattr__(self, "_inner", inner)
        object.__setattr__(self, "_seen", seen)
        object.__setattr__(self, "_prefix", prefix)

    def __getattr__(self, name: str) -> Any:
        self._seen.add(self._prefix + name)
        value = getattr(self._inner, name)
        if name == "roles":
            return [_Watch(r, self._seen, "role.") for r in value]
        return value


def _reagan() -> ActorRecord:
    return ActorRecord(
        id="actor_r",
        name="Ronald Reagan",
        kind="person",
        country="USA",
        sector="GOV",
        aliases=["Reagan"],
        roles=[
            Role(title="Governor", country="USA", start="1967-01", end="1975-01"),
            Role(title="President", country="USA", reported="1981-02-01"),
        ],
    )


def test_rekeyer_reads_only_the_view() -> None:
    seen: set[str] = set()
    watched = _Watch(_reagan(), seen)
    rk = rekeyer({("a1", "k1"): "actor_r"}, [watched])  # type: ignore[list-item]
    for when in (None, "1970-05-01", "1986-03-02", "1979-01-01"):
        ent = rk(Entity(id="k1", name="Reagan", kind="person"), "a1", when)
        assert ent is not None and ent.id == "actor_r"
    allowed = {"id", *REKEY_FIELDS} | {f"role.{f}" for f in REKEY_ROLE_FIELDS}
    assert seen - allowed == set(), "the rekeyer reads fields rekey_view leaves out"


def test_view_ignores_aliases_and_counts_but_not_offices() -> None:
    a, b = _reagan(), _reagan()
    b.aliases.append("President Reagan")
    b.mention_count, b.article_count, b.event_count = 40, 12, 9
    assert rekey_view(a) == rekey_view(b)
    b.roles[1].end = "1989-01-20"
    assert rekey_view(a) != rekey_view(b)
