"""Figures: which numbers count, what they measure, for whom, over when, and how sure."""

from __future__ import annotations

from doc_context import fake_context
from eventwire.extract import figures
from eventwire.extract.context import DocContext

ENTS = {
    "Chile": ("c:CHL", "country", "CHL"),
    "Peru": ("c:PER", "country", "PER"),
    "Chilean": ("c:CHL", "country", "CHL"),
    "Peruvian Development Agency": ("o:pda", "organization", "PER"),
}


def make_ctx(
    text: str, timexes: list[tuple[str, str, str, str | None]] = (), dct: str = "2025-08-01"
) -> DocContext:
    return fake_context(text, ENTS, dct=dct, timexes=timexes)


def test_bilateral_trade_with_period() -> None:
    ctx = make_ctx(
        "Trade between Chile and Peru reached about $7 billion from January to June 2025.",
        [("January to June 2025", "DATE", "2025-01", "2025-06")],
    )
    [f] = figures.extract(ctx)
    assert (f.amount, f.unit, f.kind, f.metric) == (7_000_000_000, "USD", "actual", "bilateral trade")
    assert {a.country for a in f.actors} == {"CHL", "PER"}
    assert f.period == {"start": "2025-01", "end": "2025-06"}


def test_target_borrows_the_story_countries() -> None:
    ctx = make_ctx(
        "Chile and Peru held talks. Chile praised Peru. The two sides set a target of raising bilateral trade to $20 billion."
    )
    [f] = figures.extract(ctx)
    assert f.kind == "target"
    assert f.amount == 20_000_000_000
    assert {a.country for a in f.actors} == {"CHL", "PER"}


def test_target_named_after_the_amount() -> None:
    [f] = figures.extract(make_ctx("The Chilean minister said the $20 billion trade target was realistic."))
    assert f.kind == "target"


def test_forecast_and_estimate() -> None:
    [f] = figures.extract(make_ctx("Analysts expect Chilean exports to reach 5 bln dlrs next year."))
    assert (f.kind, f.metric, f.amount) == ("forecast", "exports", 5_000_000_000)
    [g] = figures.extract(make_ctx("Chile said an estimated 3,000 troops crossed the border."))
    assert (g.kind, g.unit, g.amount) == ("estimate", "troops", 3000)


def test_counted_companies_take_their_nationality() -> None:
    [f] = figures.extract(make_ctx("The forum brought together executives from 46 Chilean companies."))
    assert (f.amount, f.unit) == (46, "companies")
    assert [a.country for a in f.actors] == ["CHL"]


def test_names_do_not_lend_a_metric() -> None:
    [f] = figures.extract(make_ctx("The Peruvian Development Agency hosted 12 Chilean firms."))
    assert f.metric == "firms"  # the counted noun, never a word of the name


def test_numbers_that_are_not_figures() -> None:
    ctx = make_ctx(
        "The minister, 62, arrived with three aides in 2019. Turnout was 60 percent. It cost 12 dlrs a ticket.",
        [("2019", "DATE", "2019", None)],
    )
    found = figures.extract(ctx)
    # the per-unit price keeps its metric-less amount out; only the priced ticket may stay if named
    assert all(f.unit not in ("percent", "aides") for f in found)
    assert all(f.amount != 2019 for f in found)
    assert all(not (f.unit == "USD" and f.metric is None) for f in found)


def test_small_amounts_need_a_price_and_small_counts_do_not_count() -> None:
    [f] = figures.extract(make_ctx("Peru sold its crude oil at 18 dlrs a barrel."))
    assert (f.amount, f.metric) == (18, "price")
    assert figures.extract(make_ctx("The dividend of 1.50 dlrs a share was paid to three investors.")) == []


def test_company_copy_and_blank_metrics_are_no_figures() -> None:
    ents = {**ENTS, "Acme Corp": ("o:acme", "organization", "USA")}
    text = "Acme Corp said its earnings rose to 40 mln dlrs. Acme Corp sold 12 mln dlrs of notes to Chile."
    assert figures.extract(fake_context(text, ents, dct="2025-08-01")) == []
    # a state's own measure with no state in the sentence takes the story's state
    [f] = figures.extract(make_ctx("Chile held elections. Inflation dropped to 63 percent."))
    assert (f.metric, [a.country for a in f.actors]) == ("inflation", ["CHL"])
    [g] = figures.extract(make_ctx("The World Bank said it has loaned Peru 50 mln dlrs."))
    assert g.metric == "loan"


def test_percent_with_a_metric() -> None:
    [f] = figures.extract(make_ctx("Chilean exports rose 5 percent."))
    assert (f.amount, f.unit, f.metric) == (5, "percent", "exports")


def test_repeated_figure_in_one_story_is_one_figure() -> None:
    ctx = make_ctx(
        "Chile and Peru set a target of raising bilateral trade to $20 billion. "
        "The president called the $20 billion trade target realistic."
    )
    [f] = figures.extract(ctx)
    assert len(f.mentions) == 2
    assert f.metric == "bilateral trade"


def test_timex_date_reads_values() -> None:
    assert figures.timex_date("2025-03") == "2025-03"
    assert figures.timex_date("P3Y") is None
    assert figures.timex_date("PAST_REF") is None


def test_shares_of_gdp_and_longest_metric() -> None:
    [f] = figures.extract(make_ctx("Chilean defence spending will rise to 2 percent of GDP."))
    assert (f.metric, f.unit, f.kind) == ("defence budget", "percent", "forecast")


def test_a_country_named_as_a_place_is_still_a_party() -> None:
    ctx = make_ctx("Chile will invest $15 billion in Peru.")
    ctx.entities[1].is_place = True  # "in Peru": the linker reads a place
    [f] = figures.extract(ctx)
    assert {a.country for a in f.actors} == {"CHL", "PER"}


def test_a_goal_in_an_aside_does_not_make_a_fact_a_target() -> None:
    [f] = figures.extract(
        make_ctx("The ministry, which aims to cut costs, said Chilean exports reached $5 billion.")
    )
    assert f.kind == "actual"


def test_goal_named_after_a_forecast_verb_is_a_target() -> None:
    [f] = figures.extract(make_ctx("Chile and Peru will exceed the $30 billion bilateral trade target soon."))
    assert (f.kind, f.metric) == ("target", "bilateral trade")


def test_amount_to_be_raised_to_is_a_target() -> None:
    for text in (
        "Chile and Peru agreed to increase trade to $9 billion.",
        "Chile said Chile and Peru would increase trade to $9 billion.",
        "Trade between Chile and Peru will be raised to $9 billion.",
    ):
        [f] = figures.extract(make_ctx(text))
        assert f.kind == "target", text
    [f] = figures.extract(make_ctx("Trade between Chile and Peru increased to $9 billion last year."))
    assert f.kind == "actual"


def test_overlapping_metric_words_pick_the_longest() -> None:
    [f] = figures.extract(make_ctx("Chile and Peru saw bilateral trade turnover of $4 billion."))
    assert f.metric == "bilateral trade"


def test_the_month_takes_the_period_before() -> None:
    ctx = make_ctx(
        "Chile exported $3 billion of copper in May. Peru exported $2 billion of zinc in the month.",
        [("May", "DATE", "2025-05")],
    )
    periods = {f.amount: f.period for f in figures.extract(ctx)}
    assert periods[2_000_000_000] == {"start": "2025-05", "end": "2025-05"}


def test_period_leaves_out_comparison_base_and_date_of_saying() -> None:
    ctx = make_ctx(
        "Chilean exports rose in February by 8 pct to 4 bln dlrs after falling in January.",
        [("February", "DATE", "2025-02"), ("January", "DATE", "2025-01")],
    )
    assert {f.unit: f.period for f in figures.extract(ctx)}["USD"] == {"start": "2025-02", "end": "2025-02"}
    ctx = make_ctx(
        "Chile said last March that its debt repayments of 4 bln dlrs fall due in 2027.",
        [("last March", "DATE", "2024-03"), ("2027", "DATE", "2027")],
    )
    [f] = figures.extract(ctx)
    assert (
        f.period == {"start": "2027", "end": "2027"} and f.metric == "debt repayment"
    )  # money paid back, not debt
    ctx = make_ctx("Chilean exports rose 3 pct from December levels.", [("December", "DATE", "2024-12")])
    [f] = figures.extract(ctx)
    assert f.period is None


def test_counted_noun_is_the_metric_of_a_count() -> None:
    [f] = figures.extract(make_ctx("Chile sent 3,000 troops to the border."))
    assert (f.metric, f.amount) == ("troops", 3000)


def test_office_holder_names_the_state_of_a_figure() -> None:
    from eventwire.model import Entity, EntityMention

    text = "President Jane Roe will impose tariffs on 300 mln dlrs of Peruvian goods."
    ctx = make_ctx(text)
    i = text.index("Jane Roe")
    roe = Entity(
        id="p:jane roe", name="Jane Roe", kind="person", country="CHL", sector="GOV", office="President"
    )
    ctx.entities.append(EntityMention(key="p:jane roe", start=i, end=i + 8, text="Jane Roe", entity=roe))
    ctx.entities.sort(key=lambda m: m.start)
    [f] = figures.extract(ctx)
    assert {a.country for a in f.actors} >= {"CHL"}


def test_fraction_tails_and_comparison_amounts() -> None:
    found = figures.extract(make_ctx("Chilean management pays 1/4 pct of the bond exports."))
    assert all(f.amount != 4 for f in found)
    ctx = make_ctx(
        "Chilean exports reached 6.3 bln dlrs in 2024 compared to 6.1 bln dlrs in 2023.",
        [("2024", "DATE", "2024"), ("2023", "DATE", "2023")],
    )
    periods = {f.amount: f.period for f in figures.extract(ctx)}
    assert periods[6_300_000_000] == {"start": "2024", "end": "2024"}


def test_an_expected_rise_is_a_forecast_not_a_target() -> None:
    [f] = figures.extract(make_ctx("The Chilean board expects Chilean imports will expand to 3 mln tonnes."))
    assert f.kind == "forecast"


def test_a_date_of_a_sibling_clause_is_no_period() -> None:
    ctx = make_ctx(
        "Chile, which owes the fund 450 mln dlrs in arrears, is scheduled to hold talks in July.",
        [("July", "DATE", "2025-07", None)],
    )
    [f] = figures.extract(ctx)
    assert (f.metric, f.period) == ("debt", None)


def test_a_base_figure_keeps_its_own_period_and_a_month_is_no_modal() -> None:
    ctx = make_ctx(
        "Chilean unemployment eased to 8.2 percent in May from 8.3 percent in April.",
        [("May", "DATE", "2025-05", None), ("April", "DATE", "2025-04", None)],
    )
    got = {f.amount: (f.kind, f.period) for f in figures.extract(ctx)}
    assert got[8.2] == ("actual", {"start": "2025-05", "end": "2025-05"})
    assert got[8.3] == ("actual", {"start": "2025-04", "end": "2025-04"})


def test_a_base_after_against_takes_its_own_year_and_wishes_are_targets() -> None:
    ctx = make_ctx(
        "Chilean imports are targeted at 1.8 mln tonnes, against an actual 1.7 mln tonnes imported in 2024.",
        [("2024", "DATE", "2024", None)],
    )
    got = {f.amount: f.period for f in figures.extract(ctx)}
    assert got[1_700_000] == {"start": "2024", "end": "2024"}
    [f] = figures.extract(make_ctx("Chile is seeking 2.1 bln dlrs in fresh loans from banks."))
    assert f.kind == "target"


def test_a_company_beside_states_named_only_as_places_owns_the_figure() -> None:
    ents = {**ENTS, "Acme Corp": ("o:acme", "organization", "USA")}
    text = "Acme Corp said it has spent 1.1 billion dlrs on oil fields in Chile."
    ctx = fake_context(text, ents, dct="2025-08-01")
    for m in ctx.entities:
        if m.text == "Chile":
            m.is_place = True
    assert figures.extract(ctx) == []


def test_equal_percentages_of_other_periods_stay_apart_and_counts_borrow_no_state() -> None:
    ctx = make_ctx(
        "Chile held talks. Chilean output rose 0.3 percent in May. Chilean output had risen 0.3 percent in April.",
        [("May", "DATE", "2025-05", None), ("April", "DATE", "2025-04", None)],
    )
    assert len([f for f in figures.extract(ctx) if f.amount == 0.3]) == 2
    assert (
        figures.extract(make_ctx("Chile held talks. More than 23,000 people were killed in the quake.")) == []
    )


def test_a_list_of_states_gives_each_amount_its_own_state() -> None:
    ents = {**ENTS, "Norway": ("c:NOR", "country", "NOR")}
    text = "Chile sent 26,000 troops to the mission, Peru 24,000 troops and Norway 9,000 troops."
    got = {
        f.amount: [a.country for a in f.actors]
        for f in figures.extract(fake_context(text, ents, dct="2025-08-01"))
    }
    assert got == {26_000: ["CHL"], 24_000: ["PER"], 9_000: ["NOR"]}


def test_a_count_takes_no_metric_from_another_clause() -> None:
    [f] = [
        g
        for g in figures.extract(
            make_ctx("Chile said the quake caused heavy losses and left 1,000 people dead.")
        )
        if g.unit == "people"
    ]
    assert f.metric == "deaths"  # what the verb left them in (count_verbs), never the other clause's losses
