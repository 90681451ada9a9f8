"""Talks a visit is made for, with people of no known state, are the visit (issue #16 item 2)."""

from __future__ import annotations


def test_talks_with_officials_of_no_known_state_are_the_visit() -> None:
    from eventwire.run.article import code as code_article

    ext = code_article(
        "The Chilean minister flew to Lima on Monday for talks with government officials.", "1990-03-05"
    )
    consults = [e for e in ext.events if e.event == "CONSULT"]
    assert len(consults) == 1, [(e.event, e.cameo, e.trigger) for e in ext.events]
    assert {r.country for r in consults[0].recipient} == {"PER"}
