"""One record per act in a sentence (issue #16 item 2): two patterns firing on one act give one
record with the most specific code and every party either names; other acts of the sentence stay."""

from __future__ import annotations

from eventwire.consolidate.fuse import fuse, one_per_act
from eventwire.model import ArticleExtraction, Entity, Event, Mention

SENT = "An invented sentence, for the test."


def _state(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def _ev(
    event: str,
    cameo: str,
    actor: list[str],
    recipient: list[str],
    at: int,
    date: str | None = "2026-05-04",
    sentence_start: int = 0,
) -> Event:
    return Event(
        id=f"e{at}",
        event=event,
        cameo=cameo,
        date=date,
        date_source="article" if date else None,
        actor=[_state(c) for c in actor],
        recipient=[_state(c) for c in recipient],
        mentions=[Mention(article_id="a1", path="a1.txt", sentence=SENT, start=sentence_start, end=40)],
        confidence=0.6,
        trigger=f"t{at}",
        trigger_start=sentence_start + at,
    )


def test_two_words_for_one_attack_are_one_record_with_both_sides() -> None:
    # "troops killed or wounded 300 soldiers": the actor from one reading, the victim from the other
    killed = _ev("ASSAULT", "190", ["IRN"], [], 5)
    wounded = _ev("ASSAULT", "190", [], ["IRQ"], 15)
    [one] = one_per_act([killed, wounded])
    assert {e.id for e in one.actor} == {"c:IRN"} and {e.id for e in one.recipient} == {"c:IRQ"}


def test_a_signing_keeps_the_most_specific_code() -> None:
    # "under a protocol signed in May, A agreed to buy B's wheat"
    signed = _ev("SUPPORT", "057", ["EGY"], [], 10)
    agreed = _ev("AGREE", "030", ["EGY"], ["CAN"], 20)
    [one] = one_per_act([agreed, signed])
    assert (one.event, one.cameo) == ("SUPPORT", "057")
    assert {e.id for e in one.actor + one.recipient} == {"c:EGY", "c:CAN"}


def test_other_parties_other_kinds_and_other_days_stay_apart() -> None:
    a = _ev("ASSAULT", "190", ["IRN"], ["IRQ"], 5)
    b = _ev("ASSAULT", "190", ["IRN"], ["KWT"], 15)  # another victim: another act
    c = _ev("COERCE", "173", ["IRN"], ["IRQ"], 25)  # another kind of act
    d = _ev("ASSAULT", "190", ["IRN"], ["IRQ"], 35, date="2026-05-09")  # another day
    assert len(one_per_act([a, b, c, d])) == 4


def test_acts_of_other_sentences_are_not_joined_here() -> None:
    a = _ev("ASSAULT", "190", ["IRN"], ["IRQ"], 5)
    b = _ev("ASSAULT", "190", ["IRN"], [], 5, sentence_start=100)
    assert len(one_per_act([a, b])) == 2


def test_the_stored_extraction_is_left_as_read() -> None:
    killed = _ev("ASSAULT", "190", ["IRN"], [], 5)
    wounded = _ev("ASSAULT", "190", [], ["IRQ"], 15)
    ext = ArticleExtraction(article_id="a1", events=[killed, wounded])
    [ev] = fuse([ext], {}, [], {"a1": {}}).events
    assert {e.id for e in ev.actor} == {"c:IRN"}
    assert not killed.recipient and not wounded.actor and len(ext.events) == 2
