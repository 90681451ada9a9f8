"""Near-duplicates: re-sends and syndicated copies are found, distinct stories are not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventwire.ingest import NearDupIndex, read_paths
from eventwire.model import Article

STORY = (
    "The foreign ministers of Norland and Suddenia met in the capital on Monday to discuss fishing "
    "rights and agreed to set up a joint commission before the end of the year. The commission will "
    "report to both governments within six months, officials from both sides said after the talks. "
    "Talks on a wider trade agreement are expected to resume in the spring, according to diplomats "
    "who asked not to be named because the negotiations are not public. Norland's fleet has been "
    "barred from the disputed waters since a collision between two trawlers two years ago, and "
    "fishermen on both sides have demanded compensation for lost catches."
)
OTHER = (
    "A powerful storm struck the coast of Westland on Tuesday, damaging hundreds of homes and cutting "
    "power to tens of thousands of people, the national emergency agency said. Rescue teams were "
    "searching for three fishermen reported missing off the northern cape, and schools in the region "
    "will stay closed until Thursday while roads are cleared of fallen trees and debris."
)


def test_signature_is_plain_serialisable_ints() -> None:
    ix = NearDupIndex()
    sig = ix.signature(STORY)
    assert len(sig) == ix.num_perm + 1 and all(type(v) is int for v in sig)
    assert json.loads(json.dumps(sig)) == sig
    assert NearDupIndex().signature(STORY) == sig  # deterministic across instances


def test_resend_with_small_edit_is_a_duplicate_of_the_earliest() -> None:
    ix = NearDupIndex()
    ix.add("first", ix.signature(STORY))
    ix.add("storm", ix.signature(OTHER))
    edited = STORY.replace("six months", "five months").replace("on Monday", "on Monday evening")
    assert ix.query(ix.signature(edited)) == "first"
    ix.add("second", ix.signature(STORY))  # would-be duplicate added anyway: earliest still wins
    assert ix.query(ix.signature(STORY)) == "first"


def test_distinct_story_is_not_a_duplicate() -> None:
    ix = NearDupIndex()
    ix.add("first", ix.signature(STORY))
    assert ix.query(ix.signature(OTHER)) is None
    # same topic, rewritten: not a copy
    rewrite = (
        "Norland and Suddenia will form a commission on fishing, their foreign ministers announced "
        "after meeting on Monday; diplomats expect trade talks to restart in the spring."
    )
    assert ix.query(ix.signature(rewrite)) is None


def test_cut_down_resend_is_a_duplicate_but_a_longer_update_is_not() -> None:
    sentences = re.split(r"(?<=\.) ", STORY)
    short = " ".join(sentences[:3])
    ix = NearDupIndex()
    ix.add("full", ix.signature(STORY))
    assert ix.query(ix.signature(short)) == "full"
    ix2 = NearDupIndex()
    ix2.add("short", ix2.signature(short))
    assert ix2.query(ix2.signature(STORY)) is None  # the update carries news the first lacked


def test_empty_text_never_matches_and_add_is_idempotent() -> None:
    ix = NearDupIndex()
    ix.add("empty", ix.signature(""))
    assert len(ix) == 0 and ix.query(ix.signature("")) is None
    sig = ix.signature(STORY)
    ix.add("a", sig)
    ix.add("a", sig)
    assert len(ix) == 1 and "a" in ix


def test_signatures_without_count_and_bad_lengths() -> None:
    ix = NearDupIndex()
    sig = ix.signature(STORY)
    ix.add("a", sig[:-1])  # an old-style signature (no shingle count) still works
    assert ix.query(sig) == "a"
    with pytest.raises(ValueError):
        ix.add("b", sig[:10])


REUTERS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "reuters21578" / "reut2-010.sgm"


@pytest.mark.skipif(not REUTERS.is_file(), reason="Reuters-21578 not present")
def test_known_reuters_resend_pair() -> None:
    arts = {a.path.rsplit("#", 1)[1]: a for a in read_paths([str(REUTERS)]) if isinstance(a, Article)}
    ix = NearDupIndex()
    ix.add(arts["10265"].id, ix.signature(arts["10265"].text))
    assert ix.query(ix.signature(arts["10352"].text)) == arts["10265"].id
    assert ix.query(ix.signature(arts["10353"].text)) is None


def test_band_keys_name_each_band_and_change_only_with_it() -> None:
    ix = NearDupIndex()
    sig = ix.signature(STORY)
    keys = ix.band_keys(sig)
    assert len(keys) == ix.bands and ix.bands * ix.rows == ix.num_perm
    assert all(-(2**63) <= k < 2**63 for k in keys)  # fits a signed BIGINT column
    assert NearDupIndex().band_keys(sig) == keys == ix.band_keys(sig[:-1])  # the count is no band
    changed = list(sig)
    changed[0] += 1  # a value in the first band only
    other = ix.band_keys(changed)
    assert other[0] != keys[0] and other[1:] == keys[1:]
    assert len(set(keys)) == len(keys)  # equal values in two bands still name two keys
    assert ix.band_keys(ix.signature("")) == []


def test_removed_article_is_forgotten_and_earlier_candidates_come_first() -> None:
    ix = NearDupIndex()
    sig = ix.signature(STORY)
    ix.add("pending", sig)
    ix.remove("pending")
    ix.remove("never-added")  # a no-op
    assert len(ix) == 0 and ix.query(sig) is None
    ix.add("pending", sig)
    # a stored article (given as earlier, oldest first) beats one this run added
    assert ix.query(sig, earlier=[("stored-old", sig), ("stored-new", sig)]) == "stored-old"
    # an earlier candidate that is not a copy is passed over
    assert ix.query(sig, earlier=[("storm", ix.signature(OTHER))]) == "pending"


def test_a_resend_of_a_stored_story_is_found_through_the_store(db_url: str, tmp_path: Path) -> None:
    from eventwire.run.ingest import ingest
    from eventwire.run.local import LocalEngine
    from eventwire.store import Store

    first, resend = tmp_path / "first.txt", tmp_path / "resend.txt"
    first.write_text(STORY, encoding="utf-8")
    resend.write_text(STORY.replace("six months", "five months"), encoding="utf-8")
    store = Store(db_url)
    try:
        ingest([str(first)], store, engine=LocalEngine(workers=1))
        report = ingest([str(resend)], store, engine=LocalEngine(workers=1))  # a new run, a new index
        assert report.stored == 1 and report.duplicates == 1
        arts = {a.path: a for a in store.iter_articles()}
        assert arts[str(resend)].duplicate_of == arts[str(first)].id
        ix = NearDupIndex()
        hits = store.neardup_candidates(ix.band_keys(ix.signature(STORY)))
        assert {aid for rows in hits.values() for _, aid, _ in rows} == {
            arts[str(first)].id
        }  # originals only
    finally:
        store.close()
