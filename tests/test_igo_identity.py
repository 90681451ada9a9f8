"""International bodies keep their identity: their own code beside the family code IGO."""

from __future__ import annotations

from eventwire.consolidate.actors import resolve_actors
from eventwire.consolidate.fuse import _countries
from eventwire.link.knowledge import get_lexicon
from eventwire.model import ArticleExtraction, Entity, LocalActor
from eventwire.store.names import country_code
from eventwire.store.query import _parties


def test_each_body_has_its_own_code():
    lex = get_lexicon()
    un, eu, ec = lex.igo_code("UN"), lex.igo_code("European Union"), lex.igo_code("EC")
    assert un == "IGOUNO" and eu and ec
    assert len({un, eu, ec}) == 3
    codes = list(lex.igo_codes.values())
    by_body = {lex.igo_code(n) for n in ("United Nations", "U.N.", "UN")}
    assert len(by_body) == 1 and len(set(codes)) > 40


def test_actor_records_and_event_parties_carry_the_code():
    la = LocalActor(key="o:united nations", name="United Nations", kind="organization", country="IGO")
    recs, _ = resolve_actors([ArticleExtraction(article_id="a", actors=[la])])
    assert recs[0].country == "IGO" and recs[0].code == "IGOUNO"
    un = Entity(id="x", name="United Nations", kind="organization", country="IGO", code="IGOUNO")
    eu = Entity(id="y", name="European Union", kind="organization", country="IGO", code="IGOEUREEC")
    assert _countries([un]) != _countries([eu])
    assert un.export()["country"] == "IGO" and un.export()["code"] == "IGOUNO"


def test_dyads_and_filters_accept_the_codes():
    assert country_code("IGOUNO") == "IGOUNO" and country_code("igo") == "IGO"
    assert _parties(",BRA,IGO,IGOUNO,") == ["BRA", "IGOUNO"]
    assert _parties(",BRA,IGO,") == ["BRA", "IGO"]
