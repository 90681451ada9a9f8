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
