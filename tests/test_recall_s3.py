"""Recall, third session: the speaker of a quotation, dates carried across quotations and past
the story's day, photo-caption dates of undated stories, settlements named by 'the town of X',
and visits told by host and visitor. Short sentences written for these tests."""

from __future__ import annotations

from eventwire.consolidate.fuse import fuse
from eventwire.extract.time.dating import infer_dct
from eventwire.ingest.textclean import clean_text
from eventwire.model import ArticleExtraction, Entity, Event, Mention
from eventwire.run.article import code as code_article

# ------------------------------------------------------------------ the speaker of a quotation


def test_a_speaker_is_not_the_person_his_quotation_names():
    text = (
        "Chancellor Otto Brandt spoke in Vienna on Monday. "
        "President Lars Holm said trade was growing. "
        '"Last year, President Holm and I agreed to double trade. I am sure of it," he said '
        "while chairing the meeting with the Swedish delegation."
    )
    ext = code_article(text, "2025-03-04")
    quotes = [q for q in ext.quotes if q.text.startswith("Last year")]
    assert quotes and quotes[0].speaker is not None and quotes[0].speaker.name == "Otto Brandt"


def test_a_speaker_named_in_the_attribution_still_speaks():
    text = 'President Lars Holm met the press. "We will sign soon," Holm said.'
    ext = code_article(text, "2025-03-04")
    assert [q.speaker.name for q in ext.quotes if q.speaker is not None] == ["Lars Holm"]


# ------------------------------------------------------------------ dates carried back


def test_a_date_after_the_story_or_inside_a_quotation_is_not_carried_to_a_past_act():
    text = (
        "Chancellor Otto Brandt of Austria spoke in Vienna on Monday. "
        '"Last year we set a goal to double trade by 2030. We must hurry," he said '
        "while chairing the meeting with the visiting Swedish Prime Minister."
    )
    ext = code_article(text, "2025-03-04")
    meets = [e for e in ext.events if e.trigger == "meeting"]
    assert meets and all(e.date not in ("2030", "2024") for e in meets)


# ------------------------------------------------------------------ photo captions of undated stories


CAPTIONED = (
    "Menu\n\n"
    "Swedish Prime Minister Lars Holm, left, and Norwegian Prime Minister Eva Dahl shake hands "
    "in Oslo, Norway, May 14, 2024.\n\n"
    "Swedish Prime Minister Lars Holm, left, and Norwegian Prime Minister Eva Dahl shake hands "
    "in Oslo, Norway, May 14, 2024.\n\n"
    "Swedish Prime Minister Lars Holm met Tuesday with Norwegian Prime Minister Eva Dahl in Oslo "
    "to sign a fishing accord.\n\n"
    "The two leaders discussed energy and fisheries during the talks.\n"
)


def test_a_dropped_captions_date_is_kept_for_the_undated_story():
    c = clean_text(CAPTIONED)
    assert "shake hands" not in c.text  # the caption itself stays out of the story
    assert c.caption_dates == ["2024-05-14"]


def test_a_caption_date_dates_a_story_that_names_its_weekday():
    c = clean_text(CAPTIONED)
    assert infer_dct(c.text) == (None, False)  # the text alone gives no date
    assert infer_dct(c.text, c.caption_dates) == ("2024-05-14", True)  # May 14, 2024 was a Tuesday
    assert infer_dct(c.text, ["2024-05-15"]) == (None, False)  # a Wednesday: no weekday names it


# ------------------------------------------------------------------ settlements and visits


def test_a_visit_to_the_town_of_a_known_place_is_a_visit_to_its_state():
    ext = code_article("The Japanese foreign minister toured the town of Bucha on Monday.", "2023-03-21")
    visits = [e for e in ext.events if e.event == "CONSULT" and e.mode == "visit"]
    assert visits and {e.country for e in visits[0].recipient} == {"UKR"}


def test_the_city_of_a_known_place_is_no_organisation():
    ext = code_article("The Chinese delegation visited the port city of Gwadar on Monday.", "2023-03-21")
    assert not any(a.kind == "organization" and a.name == "Gwadar" for a in ext.actors)
    visits = [e for e in ext.events if e.mode == "visit"]
    assert visits and {e.country for e in visits[0].recipient} == {"PAK"}


def _ent(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def _visit(aid: str, start: int, cameo: str, actor: str, recipient: str) -> Event:
    return Event(
        id=f"{aid}-{start}",
        event="CONSULT",
        mode="visit",
        cameo=cameo,
        date="2024-05-14",
        actor=[_ent(actor)],
        recipient=[_ent(recipient)],
        mentions=[
            Mention(article_id=aid, path=f"{aid}.txt", sentence=f"s{start}", start=start, end=start + 9)
        ],
        confidence=0.6,
        trigger="visit",
        trigger_start=start,
    )


def test_a_visit_told_by_host_and_visitor_keeps_the_visitor_as_actor():
    host_first = _visit("a1", 0, "043", "NOR", "SWE")  # "Dahl greeted Holm"
    visitor = _visit("a1", 50, "042", "SWE", "NOR")  # "Holm toured Oslo"
    out = fuse([ArticleExtraction(article_id="a1", events=[host_first, visitor])], {}, [], {})
    [ev] = out.events
    assert [e.country for e in ev.actor] == ["SWE"] and [e.country for e in ev.recipient] == ["NOR"]


def test_reprocess_keeps_an_inferred_date_the_stored_text_cannot_give_again():
    from eventwire.model import Article
    from eventwire.run.reprocess import redate

    c = clean_text(CAPTIONED)
    art = Article(id="a1", path="a.txt", text=c.text, published="2024-05-14", published_inferred=True)
    assert redate(art) is False
    assert (art.published, art.published_inferred) == ("2024-05-14", True)


def test_a_visits_destination_hung_on_the_verb_governing_the_noun():
    # the parser hangs "to Tallinn" on "follows"; it ends the visit noun's own phrase
    ext = code_article(
        "The accord follows the recent visit of Prime Minister Jonas Berg to Tallinn.", "2018-07-13"
    )
    visits = [e for e in ext.events if e.mode == "visit"]
    assert visits and {e.country for e in visits[0].recipient} == {"EST"}
    assert {e.name for e in visits[0].actor} == {"Jonas Berg"}


def test_a_to_phrase_of_the_verb_naming_no_place_is_not_the_visits():
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.syntax import stranded_preps

    doc = get_nlp()("The minister compared the visit of the delegation to a betrayal.")
    visit = next(t for t in doc if t.lower_ == "visit")
    assert [t.text for t in stranded_preps(visit, {"to"})] in ([], ["betrayal"])
    ext = code_article("The minister compared the visit of the delegation to a betrayal.", "2018-07-13")
    assert all(not e.recipient for e in ext.events if e.mode == "visit")


# ------------------------------------------------------------------ a relation without its partner


def test_a_relation_without_its_partner_is_the_one_named_before_by_the_same_state():
    text = (
        "Bolivia cut diplomatic ties with Israel in 2009 over the war in Gaza. "
        "In 2020, the Bolivian government reestablished ties."
    )
    ext = code_article(text, "2020-12-01")
    [ev] = [e for e in ext.events if e.trigger == "reestablished"]
    assert {e.country for e in ev.recipient} == {"ISR"}


def test_another_states_relation_gives_no_partner():
    ext = code_article(
        "Peru restored ties with Chile in 2009. Ecuador later strengthened relations.", "2020-12-01"
    )
    [ev] = [e for e in ext.events if e.trigger == "strengthened"]
    assert not ev.recipient


# ------------------------------------------------------------------ quoted complements


def test_a_vow_whose_words_are_quoted_keeps_its_complement():
    text = (
        "Moscow expelled two diplomats, prompting Russia to vow to “crush the authors of this provocation”."
    )
    ext = code_article(text, "2021-04-18")
    assert any(e.event == "THREATEN" and e.trigger == "vow" for e in ext.events)


def test_an_unquoted_purpose_clause_is_still_no_complement():
    from eventwire.analyse.nlp import get_nlp
    from eventwire.extract.events.syntax import complements_of

    doc = get_nlp()("Russia expelled ten diplomats on Monday to punish Prague.")
    verb = next(t for t in doc if t.lower_ == "expelled")
    assert "punish" not in [c.lower_ for c in complements_of(verb)]


# ------------------------------------------------------------------ a titled single name


def test_a_titled_name_written_family_name_first_is_the_office_holder():
    from eventwire.link.actors import known_country

    assert known_country("Xi", "2015-06-01") == "CHN"  # "President Xi": the first word of "Xi Jinping"


def test_a_titled_given_name_used_alone_is_the_office_holder():
    ext = code_article(
        "Prime Minister Narendra told reporters on Friday that exports were rising.", "2025-12-06"
    )
    [p] = [a for a in ext.actors if a.kind == "person"]
    assert p.country == "IND"


def test_a_common_first_word_identifies_nobody():
    from eventwire.link.world import load_world

    assert len(load_world().people_with_first_word("Vladimir")) > 3  # too many to identify one
    ext = code_article("President Vladimir told reporters on Friday that exports were rising.", "2010-12-06")
    assert all(a.country_source != "knowledge" for a in ext.actors if a.kind == "person")


# ------------------------------------------------------------------ names the tagger cut short


def test_a_name_the_tagger_cut_short_keeps_its_last_word():
    text = "HÀ NỘI — Prime Minister Trần Quốc Dũng and his counterpart met on Tuesday."  # tagged "Trần Quốc"
    ext = code_article(text, "2022-07-05")
    people_ = {a.name for a in ext.actors if a.kind == "person"}
    assert "Trần Quốc Dũng" in people_ and "Trần Quốc" not in people_


def test_a_titled_name_the_tagger_called_a_nationality_is_a_person():
    text = (
        "Prime Minister Lee Sang-woo and his counterpart Han Min-jun met in Seoul on Tuesday."  # "Han": NORP
    )
    ext = code_article(text, "2022-07-05")
    assert any(a.kind == "person" and a.name == "Han Min-jun" for a in ext.actors)


# ------------------------------------------------------------------ praise is not the accord


def _support(aid: str, start: int, event: str, cameo: str, actor: str, recipient: str | None) -> Event:
    ev = _visit(aid, start, cameo, actor, recipient or actor)
    ev.event, ev.mode = event, None
    if recipient is None:
        ev.recipient = []
    return ev


def test_praise_the_same_day_is_not_the_accord():
    accord = _support("a1", 0, "AGREE", "030", "VNM", "KOR")
    praise1 = _support("a1", 40, "SUPPORT", "051", "VNM", "KOR")
    praise2 = _support("a1", 80, "SUPPORT", "051", "KOR", "VNM")
    signed = _support("a1", 120, "SUPPORT", "057", "KOR", "VNM")
    out = fuse([ArticleExtraction(article_id="a1", events=[accord, praise1, praise2, signed])], {}, [], {})
    kinds = sorted((e.event, e.cameo) for e in out.events)
    assert ("AGREE", "030") in kinds  # the accord and its signing, one record
    assert sum(1 for e in out.events if e.cameo == "051") == 2  # each praise its own


def test_attending_a_signing_ceremony_between_two_parties_reports_the_signing():
    text = "The Polish and Korean ministers attended the signing ceremony between Poland and South Korea on Friday."
    ext = code_article(text, "2025-08-02")
    signed = [e for e in ext.events if e.trigger == "signing"]
    assert signed and {e.country for e in signed[0].actor + signed[0].recipient} == {"POL", "KOR"}


# ------------------------------------------------------------------ the place of an occasion


def test_an_occasion_held_somewhere_places_the_act_told_through_it():
    text = "Norway unveiled a new aid package to help the Yemeni people during a donor conference held in Geneva."
    ext = code_article(text, "2025-02-14")
    aid = [e for e in ext.events if e.event == "AID"]
    assert aid and aid[0].event_loc is not None and aid[0].event_loc.name == "Geneva"


# ------------------------------------------------------------------ verdicts in a long quotation


def test_a_verdict_in_the_first_sentence_of_a_long_quotation_is_the_speakers():
    text = (
        "Chile's President Ana Soto criticised Peru on Monday. "
        '"Peru is acting with hatred and does not want peace. It makes our fishermen suffer a lot," Soto said.'
    )
    ext = code_article(text, "2022-06-06")
    acc = [e for e in ext.events if e.event == "ACCUSE" and e.trigger == "hatred"]
    assert (
        acc
        and {e.country for e in acc[0].actor} == {"CHL"}
        and {e.country for e in acc[0].recipient} == {"PER"}
    )


def test_both_sides_in_a_third_states_quotation_are_the_two_others():
    text = (
        "WASHINGTON - The United States said it was working to ease tension as Peruvian and Chilean "
        'ships headed for a clash. A State Department spokesman said, "We have urged both sides to show restraint."'
    )
    ext = code_article(text, "1987-03-27")
    req = [e for e in ext.events if e.trigger == "urged"]
    assert req and {e.country for e in req[0].recipient} == {"PER", "CHL"}


def test_a_judged_act_on_what_another_state_did_judges_that_state():
    text = "The cancellation of the deal that Peru had signed was completely unjustified, the Chilean foreign ministry said."
    ext = code_article(text, "2021-09-18")
    acc = [e for e in ext.events if e.event == "ACCUSE"]
    assert (
        acc
        and {e.country for e in acc[0].actor} == {"CHL"}
        and {e.country for e in acc[0].recipient} == {"PER"}
    )


def test_a_part_of_an_occasion_named_before_is_where_the_occasion_was():
    text = (
        "Chile and Peru signed a fisheries accord on Friday at the Pacific Trade Forum in Lima. "
        "Trade has grown fast. The Chilean president chaired the forum's meeting with the Peruvian president."
    )
    ext = code_article(text, "2025-12-06")
    meets = [e for e in ext.events if e.trigger == "meeting"]
    assert meets and meets[0].event_loc is not None and meets[0].event_loc.name == "Lima"


def test_an_occasion_never_named_with_a_place_gives_none():
    text = (
        "Trade has grown fast. The Chilean president chaired the forum's meeting with the Peruvian president."
    )
    ext = code_article(text, "2025-12-06")
    meets = [e for e in ext.events if e.trigger == "meeting"]
    assert meets and meets[0].event_loc is None


# ------------------------------------------------------------------ envoys


def test_an_envoy_titled_with_the_state_he_is_sent_to_keeps_his_own_state():
    ext = code_article(
        "The talks ended moments after Norway's ambassador to Russia Lars Berg left the ministry.",
        "2018-03-17",
    )
    [p] = [a for a in ext.actors if a.kind == "person"]
    assert p.country == "NOR" and [r.title.lower() for r in p.roles] == ["ambassador"]
