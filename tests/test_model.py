"""The data model must survive the trip through JSON (process pools, Ray, the store)."""

from eventwire.model import (
    ArticleExtraction,
    Deal,
    Entity,
    EntityMention,
    Event,
    LocalActor,
    Mention,
    Money,
    Place,
    Role,
    stable_id,
)


def _entity(key: str, country: str) -> Entity:
    return Entity(id=key, name=key, kind="country", country=country, sector="GOV")


def test_extraction_round_trip_keeps_nested_types():
    m = Mention(article_id="a1", path="x.txt", sentence="A met B.", start=0, end=8)
    ev = Event(
        id="e1",
        event="CONSULT",
        actor=[_entity("c:AAA", "AAA")],
        recipient=[_entity("c:BBB", "BBB")],
        event_loc=Place(name="Springfield", country="AAA"),
        mentions=[m],
    )
    deal = Deal(id="d1", supplier=_entity("c:AAA", "AAA"), value=Money(amount=5.0, currency="USD"))
    actor = LocalActor(key="p:x", name="X", kind="person", roles=[Role(title="Minister", mentions=[m])])
    ext = ArticleExtraction(
        article_id="a1",
        events=[ev],
        deals=[deal],
        actors=[actor],
        entities=[EntityMention(key="c:AAA", start=0, end=1, text="A", entity=_entity("c:AAA", "AAA"))],
    )
    back = ArticleExtraction.from_dict(ext.to_dict())
    assert back == ext
    assert isinstance(back.events[0].actor[0], Entity)
    assert isinstance(back.events[0].event_loc, Place)
    assert isinstance(back.deals[0].value, Money)
    assert isinstance(back.actors[0].roles[0].mentions[0], Mention)


def test_event_export_has_contract_fields():
    ev = Event(id="e1", event="AGREE", actor=[_entity("c:AAA", "AAA")])
    out = ev.export()
    for field in (
        "id",
        "event",
        "mode",
        "context",
        "cameo",
        "date",
        "enddate",
        "actor",
        "recipient",
        "event_loc",
        "negated",
        "future",
        "hypothetical",
        "score",
        "mentions",
        "confidence",
    ):
        assert field in out
    assert set(out["actor"][0]) == {"id", "name", "kind", "country", "sector", "office"}


def test_stable_id_depends_only_on_content():
    assert stable_id("a", "x", 1) == stable_id("a", "x", 1)
    assert stable_id("a", "x", 1) != stable_id("a", "x", 2)
    assert stable_id("a", "x").startswith("a_")


def test_records_loaded_back_share_short_strings_and_carry_no_dict() -> None:
    def loaded() -> Entity:  # strings built at run time, as a JSON decoder hands them over
        return Entity.from_dict(
            {"id": "".join(["c:", "NOR"]), "name": "Norway", "kind": "".join(["coun", "try"])}
        )

    a, b = loaded(), loaded()
    assert a == b and a.kind is b.kind and a.id is b.id  # one copy, however many records
    long_text = "x" * 200
    assert Entity.from_dict({"id": "i", "name": "".join([long_text]), "kind": "k"}).name == long_text
    assert not hasattr(a, "__dict__")  # slots: a record is its fields and nothing else
