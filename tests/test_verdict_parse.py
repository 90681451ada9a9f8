"""Verdicts whose subject phrase the parser broke up: the verb hung on a gerund or a relative
clause inside its own subject ('X's cooperation in allowing ... constitutes a threat'), and the
phrase then hung on the reporting verb as a second subject. All sentences are invented."""

from __future__ import annotations

from eventwire.run.article import code as code_article


def _events(text: str) -> list[tuple[str, set, set]]:
    ext = code_article(text, "1990-03-05")
    return [(e.event, {x.country for x in e.actor}, {x.country for x in e.recipient}) for e in ext.events]


def test_a_verdict_hung_on_a_gerund_in_its_subject_judges_the_subject_s_owner():
    got = _events(
        "“Mexico’s passive cooperation in allowing this mass incursion constitutes an extraordinary "
        "threat to the national security of the United States,” the White House said in a statement."
    )
    assert ("ACCUSE", {"USA"}, {"MEX"}) in got, got


def test_a_verdict_hung_on_a_relative_clause_judges_the_clause_s_other_party():
    got = _events(
        "The scrapping of the deal that Chile and Peru had worked on since 2016 constituted "
        "“unacceptable behaviour among partners,” the Chilean foreign minister said."
    )
    assert ("ACCUSE", {"CHL"}, {"PER"}) in got, got
