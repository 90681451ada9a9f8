"""Deals, figures and quotes on unseen news (issue 16, parts 6-7), fourth round: the mechanisms
behind the records an analyst reads, each pinned with short invented sentences.

- figures: a period is the whole stretch its words tell (a quarter, "the first eight months of",
  "the week ended", "the three months to"); an active goal verb with no object is foreseen, not
  set; the kind is read in the amount's own clause; "its" standing for a firm makes company copy;
  a count of people is named by what befell it; "off 6 pct" is a fall;
- deals: a company's state from its wire ticker or its known name inside a longer one;
- fusion (part 7): two amounts of one story are never one figure with a conflict; bulk sales of
  other quantities are other sales, while counted items told apart stay one deal with a conflict.
"""

from __future__ import annotations

from doc_context import fake_context
from eventwire.consolidate.fuse import fuse
from eventwire.extract import deals, figures
from eventwire.extract.context import DocContext
from eventwire.model import ArticleExtraction, Deal, Entity, Figure, Mention

ENTS = {
    "Ruritania": ("c:RUR", "country", "CAN"),
    "Freedonia": ("c:FRE", "country", "USA"),
    "Acme Widgets Corp": ("o:acme", "organization", ""),
    "Grand Fenwick Aviation Dassault Works": ("o:gfadw", "organization", ""),
}


def ctx(text: str, timexes: tuple = (), dct: str = "1987-04-10") -> DocContext:
    table = {k: (key, kind, iso or None) for k, (key, kind, iso) in ENTS.items()}
    c = fake_context(text, table, dct=dct, timexes=timexes)
    for m in c.entities:  # a company is a business (as the linker marks it)
        if m.entity.kind == "organization":
            m.entity.sector = "BUS"
    return c


def _figs(text: str, timexes: tuple = ()) -> list[Figure]:
    return figures.extract(ctx(text, timexes))


def _one(text: str, timexes: tuple = ()) -> Figure:
    [f] = _figs(text, timexes)
    return f


# ------------------------------------------------------------------------------------- periods


def test_a_quarter_is_its_three_months() -> None:
    f = _one(
        "Ruritania's exports rose 4 pct in the first quarter.", (("the first quarter", "DATE", "1987-Q1"),)
    )
    assert f.period == {"start": "1987-01", "end": "1987-03"}


def test_the_first_months_of_a_year_are_a_stretch() -> None:
    text = "Ruritania's imports in the first eight months of 1986 were 12 billion dlrs."
    f = _one(text, (("the first eight months", "DURATION", "P8M"), ("1986", "DATE", "1986")))
    assert f.period == {"start": "1986-01", "end": "1986-08"}


def test_a_stretch_ending_on_a_date() -> None:
    text = "Freedonia's output in the week ended March 28 was 17 mln tonnes of coal."
    f = _one(text, (("March 28", "DATE", "1987-03-28"),))
    assert f.period == {"start": "1987-03-22", "end": "1987-03-28"}
    text = "Ruritania's exports in the three months to February rose 5 pct."
    f = _one(text, (("February", "DATE", "1987-02"),))
    assert f.period == {"start": "1986-12", "end": "1987-02"}


def test_a_plain_day_still_dates_no_figure() -> None:
    text = "Ruritania's exports rose 5 pct, the ministry said on March 28."
    assert _one(text, (("March 28", "DATE", "1987-03-28"),)).period is None


# ------------------------------------------------------------------------------------- kinds


def test_growth_with_no_object_is_foreseen_and_raising_something_is_a_goal() -> None:
    assert _one("Ruritania's economy would grow by 2 pct next year.").kind == "forecast"
    assert _one("Ruritania would increase imports to 10 billion dlrs.").kind == "target"
    assert _one("Ruritania's exports can be raised to 5 billion dlrs.").kind == "target"


def test_a_modal_of_another_clause_makes_no_forecast() -> None:
    text = "The minister said this would not end the crisis that began when Ruritania suspended payments on 68 billion dlrs of debt."
    f = _one(text)
    assert (f.metric, f.kind) == ("debt", "actual")


# ------------------------------------------------------------------------------------- owners


def test_its_standing_for_a_firm_is_company_copy() -> None:
    assert (
        _figs("Acme Widgets Corp said it will boost its imports of Freedonian goods to 200 mln dlrs.") == []
    )
    assert _figs("The company said imports will be 35 pct of its total purchases of 565 mln dlrs.") == []
    f = _one("Ruritania said its exports reached 30 billion dlrs.")
    assert [a.country for a in f.actors] == ["CAN"]


def test_a_count_of_people_is_named_by_what_befell_it() -> None:
    assert _one("At least 26 people died when a ferry sank off Ruritania.").metric == "deaths"
    assert _one("The storm in Freedonia injured 40 people.").metric == "injuries"
    assert _one("Ruritania sent 3,000 troops.").metric == "troops"


def test_off_is_a_fall() -> None:
    f = _one("Freedonia's coal output was off 1.6 pct from the week before.")
    assert (f.amount, f.change) == (-1.6, "decrease")


# ------------------------------------------------------------------------------------- deals


def test_a_wire_ticker_tells_a_company_state() -> None:
    [d] = deals.extract(ctx("Acme Widgets Corp <ACME.T> delivered six airliners to Ruritania."))
    assert d.contractor.country == "JPN"
    assert d.supplier.country == "JPN"
    assert d.recipient.country == "CAN"


def test_a_known_maker_inside_a_longer_name() -> None:
    assert deals.maker_of("Avions Marcel Dassault-Breguet Aviation") == ("Dassault Aviation", "FRA")
    assert deals.maker_of("Grand GE Holdings") is None  # a short alias only at a name's edge


# ------------------------------------------------------------------------------------- fusion


def _c(iso: str) -> Entity:
    return Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")


def _m(aid: str, start: int = 0) -> Mention:
    return Mention(article_id=aid, path=f"{aid}.txt", sentence=f"s {aid} {start}", start=start, end=start + 5)


META = {"a1": {"publisher": "One"}, "a2": {"publisher": "Two"}, "a3": {"publisher": "Three"}}


def test_two_amounts_of_one_story_are_two_figures() -> None:
    def fig(amount: float, start: int) -> Figure:
        return Figure(
            id=f"f{start}", metric="deficit", amount=amount, unit="USD", kind="actual",
            actors=[_c("USA")], mentions=[_m("a1", start)], confidence=0.7,
        )  # fmt: skip

    out = fuse([ArticleExtraction("a1", figures=[fig(19.6e9, 0), fig(19.7e9, 40)])], {}, [], META).figures
    assert len(out) == 2
    assert all(not f.conflicts for f in out)


def _grain(aid: str, qty: int, date: str, unit: str | None = "tonne", item: str = "corn") -> Deal:
    return Deal(
        id=f"d-{aid}", item=item, quantity=qty, unit=unit, status="agreement", date=date,
        supplier=_c("USA"), recipient=_c("SUN"), mentions=[_m(aid)],
    )  # fmt: skip


def test_bulk_sales_of_other_quantities_are_other_sales() -> None:
    exts = [
        ArticleExtraction("a1", deals=[_grain("a1", 125_000, "1987-03-03")]),
        ArticleExtraction("a2", deals=[_grain("a2", 1_000_000, "1987-03")]),
    ]
    out = fuse(exts, {}, [], META).deals
    assert sorted(d.quantity for d in out) == [125_000, 1_000_000]
    assert all(not d.conflicts for d in out)


def test_counted_items_told_apart_are_one_deal_with_a_conflict() -> None:
    exts = [
        ArticleExtraction("a1", deals=[_grain("a1", 12, "1987-03", None, "fighter jets")]),
        ArticleExtraction("a2", deals=[_grain("a2", 14, "1987-03-05", None, "fighter jets")]),
    ]
    [d] = fuse(exts, {}, [], META).deals
    assert {c["value"] for c in d.conflicts if c["field"] == "quantity"} == {12, 14}


# ------------------------------------------------------------------------------------- more figures


def test_a_price_keeps_what_it_is_per() -> None:
    f = _one("The price of silver in Freedonia rose to 9.00 dlrs an ounce.")
    assert (f.metric, f.amount, f.unit, f.per) == ("price", 9.0, "USD", "ounce")
    assert _one("Ruritania's exports reached 30 billion dlrs.").per is None


def test_money_paid_back_is_a_repayment_not_debt() -> None:
    assert _one("Ruritania repaid 500 mln dlrs of its debt last year.").metric == "debt repayment"
    assert _one("Ruritania's debt rose to 100 billion dlrs.").metric == "debt"


def test_a_range_is_not_two_sides_of_trade() -> None:
    f = _one("Ruritania hopes for total trade of between 200 and 300 mln dlrs.")
    assert f.metric == "trade"
    assert [a.country for a in f.actors] == ["CAN"]


def test_a_state_a_verb_aims_at_is_no_owner_of_the_figure() -> None:
    f = _one("At least 26 people died when a ferry left Ruritania for Freedonia.")
    assert [a.country for a in f.actors] == ["CAN"]


def test_since_a_date_runs_to_the_story_day_and_a_month_range_is_whole() -> None:
    f = _one("Since 1980, Ruritania's imports have been cut 45 pct.", (("1980", "DATE", "1980"),))
    assert f.period == {"start": "1980", "end": "1987-04"}
    text = "Ruritania's output will grow 2.5 pct in the current January/March quarter."
    f = _one(text, (("January", "DATE", "1988-01"),))
    assert (f.kind, f.period) == ("forecast", {"start": "1988-01", "end": "1988-03"})


def test_a_year_on_the_noun_a_sum_is_of_is_its_period() -> None:
    text = "Ruritania had a surplus in 1986, against a 1985 deficit of 900 mln dlrs."
    by = {f.metric: f for f in _figs(text, (("1986", "DATE", "1986"), ("1985", "DATE", "1985")))}
    assert by["deficit"].period == {"start": "1985", "end": "1985"}


def test_a_bare_kind_of_money_one_named_state_uses_is_that_state() -> None:
    from eventwire.extract.money import find_money, localise

    [sp] = localise(find_money("fell to 160 mln crowns"), "ZAF", 1987, {"NOR", "ZAF"})
    assert sp.currency == "NOK"
    [sp] = localise(find_money("fell to 160 mln crowns"), "ZAF", 1987, {"NOR", "DNK", "ZAF"})
    assert sp.currency == "SEK"  # two states use crowns: the editor's default stays


def test_a_ticker_suffix_is_the_home_exchange_and_a_bare_one_american_only_after_corp() -> None:
    from eventwire.link.orgs import ticker_country

    assert ticker_country("Isuzu Motors Ltd", " <ISUM.T> said") == "JPN"
    assert ticker_country("Bank AG", "'s <BKFG.F> profits") == "DEU"
    assert ticker_country("Widget Corp", " <WID> said") == "USA"
    assert ticker_country("Widget Ltd", " <WID> said") is None  # a foreign company's US listing
    assert ticker_country("Widget Corp", " said") is None


# ------------------------------------------------------------------------------------- quotes


def test_a_speaker_for_a_listed_firm_takes_its_state() -> None:
    """The ticker gives the firm its state, and the linker gives the firm's people theirs."""
    from eventwire.run.article import code

    text = (
        "Northern Widget Insurance Corp <NWI.L> said it is arranging a loan. Anna Voss, Northern "
        'Widget\'s treasurer, said "the loan will not add to our debt at all."'
    )
    [q] = code(text, "1987-04-10").quotes
    assert (q.speaker.name, q.speaker.country) == ("Anna Voss", "GBR")
    text = 'Eastland Farm Bank AG <EFB.F> profits fell, board chairman Karl Weber said. "We see a clear improvement now," he added.'
    [q] = code(text, "1987-04-10").quotes
    assert (q.speaker.name, q.speaker.country) == ("Karl Weber", "DEU")


def test_a_done_figure_never_covers_a_quarter_ahead_of_the_story() -> None:
    text = "Freedonia's assets rose 15.4 billion dlrs in the third quarter."
    f = _one(text, (("the third quarter", "DATE", "1987-Q3"),))
    assert f.period == {"start": "1986-07", "end": "1986-09"}  # told in April 1987: last year's
    text = "Freedonia's exports will rise 5 pct in the third quarter."
    assert _one(text, (("the third quarter", "DATE", "1987-Q3"),)).period["start"] == "1987-07"
    text = "Freedonia's assets rose 15.4 billion dlrs in the third quarter of 1987."
    f = _one(text, (("the third quarter of 1987", "DATE", "1987-Q3"),))
    assert f.period["start"] == "1987-07"  # the year the text names stands


def test_between_two_months_is_one_stretch() -> None:
    text = "Freedonia's assets rose 800 mln dlrs between October and December."
    f = _one(text, (("October", "DATE", "1986-10"), ("December", "DATE", "1986-12")))
    assert f.period == {"start": "1986-10", "end": "1986-12"}


def test_a_nationality_on_a_firm_noun_is_the_firm_s() -> None:
    text = "Zentrix Corp said its Ruritania distributor paid 5 mln dlrs in fees."
    table = dict(ENTS, **{"Zentrix Corp": ("o:zx", "organization", "")})
    c = fake_context(text, {k: (a, b, d or None) for k, (a, b, d) in table.items()}, dct="1987-04-10")
    for m in c.entities:
        if m.entity.kind == "organization":
            m.entity.sector = "BUS"
    assert figures.extract(c) == []


def test_a_state_word_on_a_thing_is_no_party() -> None:
    got = deals.extract(ctx("Ruritania wants to transfer its oil tankers to Freedonia's registration."))
    assert all(d.recipient is None or d.recipient.country != "USA" for d in got)
    text = "Ruritania will transfer its tankers to Freedonian registration."
    table = dict(ENTS, Freedonian=("c:FRE", "country", "USA"))
    c = fake_context(text, {k: (a, b, d or None) for k, (a, b, d) in table.items()}, dct="1987-04-10")
    assert deals.extract(c) == []
    text = "Ruritania sold six frigates to the Freedonian navy."
    c = fake_context(text, {k: (a, b, d or None) for k, (a, b, d) in table.items()}, dct="1987-04-10")
    [d] = deals.extract(c)
    assert (d.supplier.country, d.recipient.country) == ("CAN", "USA")


def test_goods_imported_are_delivered_and_an_interest_is_no_deal() -> None:
    [d] = deals.extract(ctx("Ruritania has imported 12,000 tonnes of sugar from Freedonia."))
    assert (d.supplier.country, d.recipient.country, d.status) == ("USA", "CAN", "delivered")
    assert (
        deals.extract(ctx("Ruritania was interested in purchasing 2.3 mln tonnes of corn from Freedonia."))
        == []
    )


def test_a_joint_statement_is_no_one_party_s() -> None:
    from eventwire.run.article import code

    text = 'Japan and China said in a joint statement: "Both sides will expand trade next year."'
    assert code(text, "1987-04-10").quotes == []  # two states: neither alone said it
    text = '"We will merge our units next year," Acme Corp and Zenith Inc said.'
    assert code(text, "1987-04-10").quotes == []
    text = 'Smith said: "We will merge our units next year."'
    [q] = code(text, "1987-04-10").quotes
    assert q.speaker.name == "Smith"


def test_a_second_base_is_a_level_of_its_own_period() -> None:
    text = "Ruritania's inflation would fall to 2 pct in 1988 from 2.5 pct this year and 2.7 pct last year."
    spec = (("1988", "DATE", "1988"), ("this year", "DATE", "1987"), ("last year", "DATE", "1986"))
    by = {f.amount: f for f in _figs(text, spec)}
    assert (by[2.7].kind, by[2.7].change, by[2.7].period["start"]) == ("actual", None, "1986")


def test_a_trade_volume_is_bilateral_only_between_two_states() -> None:
    assert _one("Ruritania's total trade volume was up 2.5 pct.").metric == "trade"
    f = _one("Trade turnover between Ruritania and Freedonia rose to 5 billion dlrs.")
    assert f.metric == "bilateral trade"


def test_a_change_noun_says_what_changed() -> None:
    assert _figs("Ruritania's deficit is responding to the 40 pct drop in the dollar.") == []
    assert _one("Ruritania reported a 7 pct decline in imports.").metric == "imports"


def test_a_conjunct_inside_a_speaker_s_title_makes_no_joint_statement() -> None:
    from eventwire.run.article import code

    text = '"Closures are a key factor behind the crisis," said Nigel Roberts, World Bank director for Ruritania and Freedonia.'
    [q] = code(text, "1987-04-10").quotes
    assert q.speaker.name == "Nigel Roberts"


def test_payments_balances_repayments_and_market_help() -> None:
    assert _one("Ruritania will post a 31 billion dlr payments surplus.").metric == "current account"
    assert _one("Ruritania has amortised six billion dlrs in foreign debt.").metric == "debt repayment"
    assert _figs("The bank provided the market with late assistance worth 15 mln dlrs in Ruritania.") == []


def test_the_state_on_the_amount_s_own_noun_comes_first() -> None:
    text = "Ruritania and Lanka accounted for a fifth of the 170 billion dlr Freedonia trade deficit in 1986."
    table = dict(ENTS, Lanka=("c:LKA", "country", "LKA"))
    c = fake_context(text, {k: (a, b, d or None) for k, (a, b, d) in table.items()}, dct="1987-04-10")
    [f] = figures.extract(c)
    assert [a.country for a in f.actors] == ["USA"]


def test_a_quotation_that_names_a_person_is_not_his() -> None:
    from eventwire.run.article import code

    text = 'Secretary Jane Roe met farmers. An official said, "Roe will not wage a vigorous campaign against it."'
    assert all(q.speaker is None or q.speaker.name != "Jane Roe" for q in code(text, "1987-04-10").quotes)
    text = 'Secretary Jane Roe met farmers. "We will not wage a vigorous campaign against it," Roe said.'
    [q] = code(text, "1987-04-10").quotes
    assert q.speaker.name == "Jane Roe"


def test_a_base_that_is_a_change_keeps_its_sign_and_lenders_stay() -> None:
    text = "Ruritania's trade grew 8.8 pct, against a 12.4 pct decline in the same period last year."
    by = {abs(f.amount): f for f in _figs(text)}
    assert (by[12.4].amount, by[12.4].change) == (-12.4, "decrease")
    text = "Ruritania, which owes the International Monetary Fund 450 mln dlrs in arrears, will hold talks."
    table = dict(ENTS, **{"International Monetary Fund": ("o:imf", "organization", "IGO")})
    c = fake_context(text, {k: (a, b, d or None) for k, (a, b, d) in table.items()}, dct="1987-04-10")
    [f] = figures.extract(c)
    assert sorted(a.country for a in f.actors) == ["CAN", "IGO"]
