"""Figures: quantities a story states as fact or goal (trade, aid, investment, troops ...).

Not every number is a figure. The rule (lexicon in ``data/figures.yaml``):

- every amount of money is a figure, except small amounts (prices, per-share values) that no
  metric word names;
- a count is a figure only when it counts something in ``count_units`` ("46 Turkish companies",
  "3,000 troops"); "three ministers" or "two days" are not;
- a percentage is a figure only when a metric word sits in the same sentence;
- years, dates and ages never are (numbers inside time expressions are skipped).

Each figure gets the metric nearest to it, the actors its sentence names (both countries for
bilateral trade, borrowed from the story when the sentence says only "both sides"), the period
from a month- or year-precision time expression, and a kind (actual, target, forecast, estimate)
from the words around it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import load
from ..lexicon.files import Figures
from ..model import Entity, EntityMention, Figure, Timex, stable_id
from .context import DocContext
from .metric_tree import amount_root, char_spans, metric_tokens, noun_tokens
from .money import MoneySpan, find_money, is_conversion, localise, parse_number

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

_DATE_RE = re.compile(r"^\d{4}(?:-(?:\d{2}|Q[1-4]|H[12])(?:-\d{2})?)?$")


def _alt(words: list[str]) -> str:
    parts = [re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(set(words), key=len, reverse=True)]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


@dataclass(frozen=True)
class _Lex:
    metrics: list[tuple[str, re.Pattern[str]]]
    bilateral: re.Pattern[str]
    kinds: list[tuple[str, re.Pattern[str]]]
    count_units: frozenset[str]
    percent: re.Pattern[str]
    min_amount: float
    small_metrics: frozenset[str]
    min_count: float
    goal: re.Pattern[str]
    clause_openers: re.Pattern[str]
    expectation: re.Pattern[str]
    period_refs: re.Pattern[str]
    comparison: re.Pattern[str]
    reporting: re.Pattern[str]
    company_metrics: frozenset[str]
    base: re.Pattern[str]
    base_chain: re.Pattern[str]
    metric_preps: frozenset[str]
    party_preps: frozenset[str]
    measure_units: frozenset[str]
    firm_nouns: frozenset[str]
    measure_heads: frozenset[str]
    openers: frozenset[str]
    row_words: frozenset[str]
    money_metrics: frozenset[str]
    base_heads: frozenset[str]
    counterfactual: re.Pattern[str]
    market: re.Pattern[str]
    market_min: int
    change: dict[str, str]  # lemma -> increase | decrease
    change_preps: frozenset[str]
    raising: frozenset[str]
    owner_preps: frozenset[str]
    lender_metrics: frozenset[str]
    refined: dict[str, str]  # debt -> debt repayment, when the amount's verb says so
    per: re.Pattern[str]  # "an ounce", "per barrel" right after an amount
    count_verbs: dict[str, str]  # verb lemma -> metric ("die" -> deaths)
    stretch_units: dict[str, str]  # "months" -> M
    stretch_to: re.Pattern[str]  # "the three months to" (before a date): a stretch ending on it
    stretch_since: re.Pattern[str]  # "since" right before a date: a stretch from it to the story's day
    stretch_first: re.Pattern[str]  # "the first eight months of" (before a year): a stretch opening it
    # metric words found per sentence text (see ``_metric_hits``); not part of the lexicon's value
    hits: dict[str, list[tuple[int, str, int, int]]] = field(default_factory=dict, compare=False, repr=False)


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    raw: Figures = load("figures")
    # a lookahead finds overlapping phrases too: "bilateral trade turnover" holds "trade turnover"
    metrics = [
        (name, re.compile("(?=(" + _alt(words) + "))", re.I)) for name, words in raw["metrics"].items()
    ]
    verbs = "|".join(re.escape(v) for v in raw["goal_verbs"])
    nxt = "|".join(re.escape(w) for w in raw["goal_intransitive_next"])
    # active forms with an object ("to raise trade to"), or a passive ("can be raised to")
    verbs = rf"(?:(?:{verbs})s?(?![\w-])(?!\s+(?:{nxt})\b|\s*[$\d])|(?:{verbs})(?:e?d))"
    kinds = [(k, re.compile(_alt(words), re.I)) for k, words in raw["kinds"].items()]
    return _Lex(
        metrics=metrics,
        # "between 200 and 300 mln dlrs" is a range, not two sides
        bilateral=re.compile(_alt(raw["bilateral_cues"]) + r"(?!\s+(?:about\s+|some\s+)?[$\d])", re.I),
        kinds=kinds,
        count_units=frozenset(w.casefold() for w in raw["count_units"]),
        percent=re.compile(
            r"(?<![\w./-])(\d+(?:\.\d+)?)\s*("  # not the tail of a fraction ("1-1/4 pct")
            + "|".join(
                re.escape(w).replace(r"\ ", r"\s+") + ("" if w == "%" else r"\b")
                for w in sorted(raw["percent_words"], key=len, reverse=True)
            )
            + ")",
            re.I,
        ),
        min_amount=float(raw["min_amount_without_metric"]),
        small_metrics=frozenset(raw["small_amount_metrics"]),
        min_count=float(raw["min_count"]),
        goal=re.compile(_alt(raw["goal_auxiliaries"]) + r"\s+(?:\w+\s+)?" + verbs + r"(?![\w-])", re.I),
        clause_openers=re.compile(r"\s" + _alt(raw["kind_clause_openers"]) + r"\s", re.I),
        expectation=re.compile(_alt(raw["expectation_words"]), re.I),
        period_refs=re.compile(_alt(raw["period_refs"]), re.I),
        # "from December levels", "compared to 215 mln in 1985": the base may hold its own amount
        comparison=re.compile(_alt(raw["comparison_words"]) + r"(?:\s+[^,;:]{0,25})?\s+$", re.I),
        reporting=re.compile(_alt(raw["reporting_words"]) + r"\s+(?:on\s+|in\s+)?$", re.I),
        company_metrics=frozenset(raw["company_metrics"]),
        # "compared with 7.9 pct", "from 8.3 pct": the amount right after is the comparison base
        base=re.compile(_alt(raw["base_words"]) + r"\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.I),
        # "from 2.5 pct this year and" before an amount: a second base of the same comparison
        base_chain=re.compile(_alt(raw["base_words"]) + r"\s+[^,;:]{0,12}\d[^,;:]{0,40}\band\s+$", re.I),
        metric_preps=frozenset(w.casefold() for w in raw["metric_preps"]),
        party_preps=frozenset(w.casefold() for w in raw["party_preps"]),
        measure_units=frozenset(w.casefold() for w in raw["measure_units"]),
        firm_nouns=frozenset(w.casefold() for w in raw["firm_nouns"]),
        measure_heads=frozenset(w.casefold() for w in raw["measure_heads"]),
        openers=frozenset(w.casefold() for w in raw["kind_clause_openers"]),
        row_words=frozenset(w.casefold() for w in raw["row_words"]),
        money_metrics=frozenset(raw["money_metrics"]),
        base_heads=frozenset(w.casefold() for w in raw["base_prepositions"]),
        counterfactual=re.compile(_alt(raw["counterfactual"]), re.I),
        market=re.compile(_alt(raw["market_copy"]), re.I),
        market_min=int(raw["market_copy_min"]),
        change={w.casefold(): d for d, words in raw["change_words"].items() for w in words},
        change_preps=frozenset(w.casefold() for w in raw["change_preps"]),
        raising=frozenset(w.casefold() for w in raw["money_raising_verbs"]),
        owner_preps=frozenset(w.casefold() for w in raw["owner_preps"]),
        lender_metrics=frozenset(raw["lender_metrics"]),
        refined=dict(raw["refined_by_verb"]),
        per=re.compile(r"^\s*(?:a|an|per|each|/)\s*(" + _alt(raw["per_units"]) + r")(?:e?s)?(?![\w-])", re.I),
        count_verbs={w.casefold(): k for k, words in raw["count_verbs"].items() for w in words},
        stretch_units={k.casefold(): v for k, v in raw["period_units"].items()},
        stretch_to=re.compile(
            r"(?:([\w.,-]+)\s+)?("
            + _alt(list(raw["period_units"]))
            + r")\s+"
            + _alt(raw["period_end_words"])
            + r"\s+$",
            re.I,
        ),
        stretch_since=re.compile(_alt(raw["period_since_words"]) + r"\s+$", re.I),
        stretch_first=re.compile(
            _alt(raw["period_first_words"])
            + r"\s+(?:([\w.,-]+)\s+)?("
            + _alt(list(raw["period_units"]))
            + r")\s+(?:of|in)\s+$",
            re.I,
        ),
    )


# ------------------------------------------------------------------------------------- dates


def timex_date(value: str | None) -> str | None:
    """An ISO date (any precision) for a TIMEX3 value, or None for durations, refs and unknowns.

    Uses the time module's ``timex_to_range`` when present so every stage reads values alike.
    """
    if not value:
        return None
    try:
        from .time.dating import timex_to_range

        rng = timex_to_range(value)
        if rng and rng[0]:
            return str(rng[0])
        return None
    except Exception:  # noqa: BLE001 - the time module may be mid-change: fall back to the value itself
        pass
    v = value.split("T")[0]
    if _DATE_RE.match(v) and "Q" not in v and "H" not in v:
        return v
    if re.match(r"^\d{4}-(?:Q|H)\d$", v):
        return v[:4]
    return None


def _precision(d: str) -> str:
    return {4: "year", 7: "month"}.get(len(d), "day")


# ------------------------------------------------------------------------------------- helpers


def metric_near(
    text: str,
    start: int,
    end: int,
    ignore: list[tuple[int, int]] | None = None,
    after: bool = True,
    allowed: list[tuple[int, int]] | None = None,
    share: bool = True,
) -> tuple[str | None, int]:
    """The metric whose words sit nearest to [start, end) in ``text`` (and the distance).

    Words inside ``ignore`` spans (names: "the Investment Development Authority") do not count;
    with ``allowed``, only words starting inside one of its spans (the ones the parse ties to the
    amount, see ``metric_tree``) do. With ``share`` (a percentage), what the amount is "of" is
    what it is a share of, not its metric; a sum "of" something is that ("68 bln dlrs of debt").
    """
    best: tuple[int, int, int, str] | None = None
    for order, name, m0, m1 in _metric_hits(text):
        if (m0 < end and m1 > start) or (not after and m0 >= end):
            continue
        if ignore and any(a <= m0 < b for a, b in ignore):
            continue
        if allowed is not None and not any(a <= m0 < b for a, b in allowed):
            continue
        if (
            share
            and m0 >= end
            and re.fullmatch(
                r"\s*of\s+(?:the\s+|its\s+|their\s+|[\w.-]+['’]s?\s+)?(?:[a-z][\w-]*\s+)?", text[end:m0]
            )
        ):
            continue  # "2 percent of GDP": what it is a share of, not what it measures
        dist = start - m1 if m1 <= start else (m0 - end) * 1.5
        cand = (int(dist), -(m1 - m0), order, name)
        if best is None or cand < best:
            best = cand
    return (best[3], best[0]) if best else (None, 10**6)


def _metric_hits(text: str) -> list[tuple[int, str, int, int]]:
    """(order, metric, start, end) of every metric word in ``text``, in the lexicon's order.

    Each amount of a sentence looks for its metric twice (the noun it qualifies, then the words
    the parse ties to it), each time scanning the sentence with every metric's pattern; the words
    found depend on the text alone, so they are found once per sentence."""
    lex = lexicon()
    got = lex.hits.get(text)
    if got is None:
        got = [
            (order, name, hit.start(1), hit.end(1))
            for order, (name, rx) in enumerate(lex.metrics)
            for hit in rx.finditer(text)
        ]
        if len(lex.hits) >= 256:  # a few sentences' worth: amounts of one sentence come together
            lex.hits.clear()
        lex.hits[text] = got
    return got


def kind_of(text: str, start: int, end: int, clause_start: int = 0) -> str:
    """actual | target | forecast | estimate, from the clause before the amount and 2 words after.

    The clause is cut at the last comma-bounded aside, semicolon or relative pronoun, so that
    "the ministry, which aims to cut costs, said exports reached $5 billion" stays actual.
    """
    before = text[max(clause_start, start - 100) : start]
    cut = max(before.rfind(";"), before.rfind(", said"))
    openers = [m.start() for m in lexicon().clause_openers.finditer(before)]
    if openers:
        cut = max(cut, openers[-1])
    asides = [m.end() for m in re.finditer(r",[^,]{0,60},", before)]
    if asides:
        cut = max(cut, asides[-1] - 1)
    if cut >= 0:
        before = before[cut + 1 :]
    after = " ".join(text[end:].split()[:2])
    # the noun the amount qualifies ("the $100 billion bilateral trade target"): up to four words,
    # to the first punctuation or preposition
    own = re.split(r"[,.;:()]|\b(?:by|in|to|of|for|from|with|at|on|and|much)\b", text[end : end + 60])[0]
    own = " ".join(own.split()[:4])
    lex = lexicon()
    for kind, rx in lex.kinds:
        if kind == "target" and (
            # the amount itself follows the goal words: "will grow 2.5 pct" has no object
            rx.search(own)
            or (lex.goal.search(before + text[start:end]) and not lex.expectation.search(before))
        ):
            return kind  # a goal named or set ("will cross the $100 billion target", "to raise ... to")
        if rx.search(after) or rx.search(before):
            return kind
    return "actual"


def _country_entities(mentions: list[EntityMention], groups: bool = False) -> list[Entity]:
    """States named in a span. A whole country named as a place ("invest in Egypt") is still the
    state a figure is about; a city is not. With ``groups``, nationality groups count too
    ("120 Russian companies")."""
    out: dict[str, Entity] = {}
    for m in mentions:
        e = m.entity
        if not e.country:
            continue
        if e.kind == "country" and not m.is_place:
            out.setdefault(e.id, _copy(e))
        elif m.is_place and _whole_country(m.text) == e.country:
            key = f"c:{e.country}"
            out.setdefault(key, Entity(id=key, name=m.text, kind="country", country=e.country, sector="GOV"))
        elif groups and e.kind == "group":
            out.setdefault(e.id, _copy(e))
        elif (
            e.kind == "person"
            and (e.office or e.sector in _STATE_SECTORS)
            and re.fullmatch(r"[A-Z]{3}", e.country)
        ):
            # "President Reagan is to impose tariffs on $300 mln of goods": the office holder's state
            key = f"c:{e.country}"
            out.setdefault(
                key, Entity(id=key, name=e.country, kind="country", country=e.country, sector="GOV")
            )
    return list(out.values())


_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG"})


@lru_cache(maxsize=4096)
def _whole_country(name: str) -> str | None:
    try:
        import pycountry

        return pycountry.countries.lookup(name.strip()).alpha_3
    except (LookupError, ImportError):
        return None


def _igo_entities(mentions: list[EntityMention]) -> list[Entity]:
    """International organisations (PLOVER non-state codes) a figure names: lenders, donors, blocs."""
    out: dict[str, Entity] = {}
    for m in mentions:
        e = m.entity
        if e.kind == "organization" and e.country and not re.fullmatch(r"[A-Z]{3}", e.country or "x"):
            out.setdefault(e.id, _copy(e))
        elif e.kind == "organization" and e.country in ("IGO", "NGO"):
            out.setdefault(e.id, _copy(e))
    return list(out.values())


def _nearest_state(actors: list[Entity], mentions: list[EntityMention], f: _Found, text: str) -> list[Entity]:
    """The state named nearest an amount in a list ("Spain 25,124 wheat, Poland 24,683 wheat"):
    one named in the amount's own list item (no comma or semicolon between) first."""
    best: tuple[int, int, Entity] | None = None
    for m in mentions:
        a = next((e for e in actors if e.country == m.entity.country), None)
        if a is None:
            continue
        lo, hi = (m.end, f.start) if m.end <= f.start else (f.end, m.start)
        crosses = int(bool(re.search(r"[,;]", text[lo:hi])))
        cand = (crosses, abs(hi - lo), a)
        if best is None or cand[:2] < best[:2]:
            best = cand
    return [best[2]] if best else actors


def _firm_nationality(doc: Doc, m: EntityMention) -> bool:
    """Is the mention a nationality word on a firm noun ("Japanese distributors", "U.S. unit")?"""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and root.head.lemma_.casefold() in lexicon().firm_nouns


def _about_states(
    metric: str | None, actors: list[Entity], mentions: list[EntityMention], doc: Doc | None = None
) -> bool:
    """Whether a figure is about states (economies, trade, aid, defence), the only figures worth a
    record: it needs a metric and a state or international body, and a company's books (revenue,
    earnings, stakes) in a sentence naming a company are company copy. Financial and market copy
    would otherwise fill the figures with blank-metric, actor-less numbers."""
    if metric is None or not actors:
        return False
    if not _names_company(mentions):
        return True
    firms = [m for m in mentions if _is_company(m.entity) and not m.is_place]
    # a state word inside a firm's name ("South China Morning Post") or naming a firm's nationality
    # ("its Japanese distributors", "its U.S. subsidiary") is the firm's, not a state acting
    mentions = [
        m
        for m in mentions
        if not any(f is not m and f.start <= m.start < f.end for f in firms)
        and not (doc and _firm_nationality(doc, m))
    ]
    # a company named beside states only as places ("spent 1.1 bln dlrs on properties in the
    # United States, Amoco said") is the one the figure is about
    acting = any(
        not m.is_place
        and (
            m.entity.kind == "country"
            or (m.entity.kind == "person" and (m.entity.office or m.entity.sector in _STATE_SECTORS))
            or (m.entity.kind == "organization" and not _is_company(m.entity))
        )
        for m in mentions
        if m.entity.country and m.entity.kind in ("country", "person", "organization")
    )
    return metric not in lexicon().company_metrics and acting


def _names_company(mentions: list[EntityMention]) -> bool:
    return any(_is_company(m.entity) and not m.is_place for m in mentions)


def _is_company(e: Entity) -> bool:
    return (
        e.kind == "organization"
        and e.sector not in _STATE_SECTORS
        and (not e.country or bool(re.fullmatch(r"[A-Z]{3}", e.country)))
    )


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector, office=e.office)


def top_countries(ctx: DocContext, n: int = 2) -> list[Entity]:
    """The countries a story is about: most mentioned first (ties: first mentioned)."""
    counts: Counter[str] = Counter()
    first: dict[str, Entity] = {}
    for m in ctx.entities:
        e = m.entity
        if e.country and e.kind in ("country", "person", "organization"):
            key = f"c:{e.country}"
            counts[key] += 1 if e.kind == "country" else 0.5  # type: ignore[assignment]
            if key not in first:
                first[key] = Entity(id=key, name=e.country, kind="country", country=e.country, sector="GOV")
    ranked = sorted(counts, key=lambda k: (-counts[k], list(first).index(k)))
    return [first[k] for k in ranked[:n]]


def _period(
    ctx: DocContext, sent_start: int, sent_end: int, amount_end: int, amount_start: int | None = None
) -> dict[str, str | None] | None:
    """The span a figure covers: the month/year (or range) time expression nearest the amount in
    its sentence, leaving out the base it is compared with ("up 3% from December") and the date
    of the saying ("said last March")."""
    lex = lexicon()
    a0 = amount_end if amount_start is None else amount_start
    text = ctx.article.text
    base = _is_base(text, sent_start, a0)
    best: tuple[int, Timex] | None = None
    for t in ctx.timexes_in(sent_start, sent_end):
        if t.type != "DATE":
            continue
        d = timex_date(t.value)
        if not d or (
            len(d) > 7 and not t.end_value and not lex.stretch_to.search(text[max(0, t.start - 40) : t.start])
        ):
            continue  # a day is when it was said, not what the figure covers (unless a stretch ends on it)
        before = text[max(sent_start, t.start - 60) : t.start]
        if base:
            # "compared with 2.4 billion dlrs in 1986/87": a base figure's period follows it
            if 0 <= t.start - amount_end <= 30 and not re.search(r"[,;]", text[amount_end : t.start]):
                return _span_of(t, text)
            continue
        if (lex.comparison.search(before) and not t.end_value) or lex.reporting.search(before):
            continue
        if _other_clause(ctx, a0, t.start):
            continue  # "Sudan, which owes 450 mln dlrs, is to hold talks in July": the talks' date
        if _in_base_phrase(ctx, t, a0):
            continue  # "down from 70.9 billion a year ago and 71.75 billion in 1984": the bases'
        dist = a0 - t.end if t.end <= a0 else max(0, t.start - amount_end)
        if best is None or dist < best[0]:
            best = (dist, t)
    if best is None or base:
        return None
    t = best[1]
    nxt = next((x for x in ctx.timexes_in(t.end, sent_end) if x.type == "DATE"), None)
    span = _stretch(text, t, _span_of(t, text), ctx.dct, nxt)
    before = ctx.article.text[max(sent_start, t.start - 12) : t.start].casefold()
    if re.search(r"\b(by|until|till)\s*$", before):
        span["start"] = None
    return span


def _in_base_phrase(ctx: DocContext, tx: Timex, amount: int) -> bool:
    """Is the time expression inside a phrase after a base word ("from", "after", "than") that
    holds another amount but not the figure's? Its time is the base's, not the figure's ("from
    January to June" holds no amount: it is the figure's period)."""
    tok = next((t for t in ctx.doc if t.idx <= tx.start < t.idx + len(t.text)), None)
    bases = lexicon().base_heads
    for _ in range(8):
        if tok is None or tok.head == tok or tok.pos_ in ("VERB", "AUX"):
            return False
        tok = tok.head
        if tok.lower_ in bases and tok.dep_ == "prep":
            lo = min(t.idx for t in tok.subtree)
            hi = max(t.idx + len(t.text) for t in tok.subtree)
            other = any(t.like_num and not tx.start <= t.idx < tx.end for t in tok.subtree)
            return other and not lo <= amount < hi
    return False


def _is_base(text: str, sent_start: int, amount_start: int) -> bool:
    """Is the amount the base of a comparison ("from 8.3 pct", "against 1.74 mln tonnes"), or
    one more base joined to one ("from 2.5 pct this year and 2.7 pct last year")?"""
    lex = lexicon()
    if lex.base.search(text[max(sent_start, amount_start - 20) : amount_start]):
        return True
    before = text[max(sent_start, amount_start - 70) : amount_start]
    return bool(lex.base_chain.search(before))


def _span_of(t: Timex, text: str = "") -> dict[str, str | None]:
    """The period a time expression names, whole: a quarter is its three months, a week its days,
    and a split year ("1986/87", a crop, marketing or fiscal year) both its years; ``text`` is
    the article, read right after the expression for the split year's second part."""
    from .time.periods import timex_to_range

    start = timex_date(t.value)
    rng = timex_to_range(t.value)
    end = timex_date(t.end_value) if t.end_value else (rng[1] if rng and rng[1] else start)
    split = re.match(r"/(\d{2}|\d{4})(?!\d)", text[t.end : t.end + 6]) if start and len(start) == 4 else None
    if split and start and int(split.group(1)[-2:]) == (int(start) + 1) % 100:
        end = str(int(start) + 1)
    return {"start": start, "end": end}


def _stretch(
    text: str, t: Timex, span: dict[str, str | None], dct: str | None = None, nxt: Timex | None = None
) -> dict[str, str | None]:
    """The whole stretch a date closes or opens, when the words around it tell one: "the three
    months to March" (January to March), "the week ended March 28" (March 22 to 28), "the first
    eight months of 1987" (January to August), "since 1980" (to the story's month), "the
    January/March quarter" (January to March). Otherwise the date's own span."""
    lex = lexicon()
    before = text[max(0, t.start - 40) : t.start]
    end, start = span.get("end"), span.get("start")
    if start and len(start) == 7 and (last := _month_after(text[t.end : t.end + 14], start)):
        return {"start": start, "end": last}
    if start and dct and lex.stretch_since.search(before) and start < dct[: len(start)]:
        return {"start": start, "end": dct[:7]}
    if start and nxt is not None and re.search(r"\bbetween\s+$", before, re.I):
        # "between October and December": the two dates close one stretch
        gap = text[t.end : nxt.start]
        last = _span_of(nxt, text).get("end")
        if re.fullmatch(r"\s*(?:and|to|-|–)\s*", gap) and last and last >= start:
            return {"start": start, "end": last}
    m = lex.stretch_to.search(before)
    if m and end:
        n = parse_number(m.group(1) or "") or 1.0
        got = _back_from(end, int(n), lex.stretch_units[m.group(2).casefold()])
        return {"start": got, "end": end} if got else span
    m = lex.stretch_first.search(before)
    if m and start and len(start) == 4:
        n = int(parse_number(m.group(1) or "") or 1)
        months = n * {"M": 1, "Q": 3}.get(lex.stretch_units[m.group(2).casefold()], 0)
        if 0 < months <= 12:
            return {"start": f"{start}-01", "end": f"{start}-{months:02d}"}
    return span


def _not_ahead(ctx: DocContext, period: dict[str, str | None], s0: int, s1: int) -> dict[str, str | None]:
    """A figure told as done cannot cover a stretch that starts after the story's day: a quarter
    or half named without its year ("rose 15.4 billion dlrs in the third quarter", told in March)
    is the last one of that name, a year back."""
    start, end = period.get("start"), period.get("end")
    if not ctx.dct or not start or len(start) != 7 or start <= ctx.dct[:7]:
        return period
    named = [t for t in ctx.timexes_in(s0, s1) if timex_date(t.value) == start]
    if not named or any(re.search(r"\d{4}|'\d\d", t.text) for t in named):
        return period  # a year the text names is the text's
    if not any(re.search(r"-[QH]\d$", t.value or "") for t in named):
        return period  # a month is read with its tense already; a quarter or half is not

    def back(d: str | None) -> str | None:
        return f"{int(d[:4]) - 1:04d}{d[4:]}" if d and d[:4].isdigit() else d

    return {"start": back(start), "end": back(end)}


def _month_after(after: str, start: str) -> str | None:
    """The month a range goes on to, joined by a dash or slash ("January/March", "April-June"):
    the range's last month, in the year that keeps it after ``start``."""
    from .time.lexicon import lexicon as time_lexicon

    m = re.match(r"^\s*[/–-]\s*([A-Za-z]+)\.?", after)
    month = time_lexicon().month_of.get(m.group(1).casefold()) if m else None
    if month is None:
        return None
    y, first = int(start[:4]), int(start[5:7])
    return f"{y + (month < first):04d}-{month:02d}" if month != first else None


def _back_from(end: str, n: int, unit: str) -> str | None:
    """The first day or month of ``n`` units that end on ``end`` (a day, month or year)."""
    from datetime import date

    from .time.values import add_days, add_months, fmt_day, fmt_month

    if unit in ("D", "W") and len(end) == 10:
        return fmt_day(add_days(date.fromisoformat(end), 1 - n * (7 if unit == "W" else 1)))
    months = n * {"M": 1, "Q": 3, "Y": 12}.get(unit, 0)
    if not months or len(end) < 7 or n > 24:
        return None
    return fmt_month(*add_months(int(end[:4]), int(end[5:7]), 1 - months))


def _clause_verb(ctx: DocContext, char: int) -> Token | None:
    """The verb whose clause holds the word at ``char`` (the word itself when it is one)."""
    tok = next((t for t in ctx.doc if t.idx <= char < t.idx + len(t.text) + 1), None)
    for _ in range(12):
        if tok is None or tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _other_clause(ctx: DocContext, a: int, b: int) -> bool:
    """Are the words at ``a`` and ``b`` told in sibling clauses (neither verb governs the other)?
    A time expression there dates another act, not the figure."""
    va, vb = _clause_verb(ctx, a), _clause_verb(ctx, b)
    if va is None or vb is None or va == vb:
        return False
    return not (va.is_ancestor(vb) or vb.is_ancestor(va))


@dataclass
class _Found:
    start: int
    end: int
    amount: float
    unit: str
    approx: str | None = None
    is_money: bool = False
    is_percent: bool = False


def _counts(ctx: DocContext, sent: Span, skip: list[tuple[int, int]]) -> list[_Found]:
    """Counted things worth a figure: a number modifying a noun in ``count_units``."""
    lex = lexicon()
    out = []
    for tok in sent:
        if not tok.like_num or tok.dep_ not in ("nummod", "quantmod", "compound"):
            continue
        if any(a <= tok.idx < b for a, b in skip):
            continue
        head = tok.head
        while head.dep_ == "nummod" and head.head != head and head.like_num:
            head = head.head
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        unit = head.text.casefold()
        two = f"{head.nbor(-1).text.casefold()} {unit}" if head.i > 0 else unit
        if unit not in lex.count_units and two not in lex.count_units:
            continue
        # the number phrase: "more than 3,000", "46"
        num_toks = [t for t in head.children if t.like_num and t.i <= tok.i] or [tok]
        value = parse_number(" ".join(t.text for t in num_toks if t.like_num)) or parse_number(tok.text)
        if value is None or value * _scale_after(tok) < lexicon().min_count:
            continue
        scale = _scale_after(tok)
        out.append(_Found(start=tok.idx, end=head.idx + len(head.text), amount=value * scale, unit=unit))
    return out


def _befell(ctx: DocContext, f: _Found) -> str | None:
    """What the verb of a counted noun did to it (``count_verbs``): "26 people died" counts deaths,
    "the blast killed 12 civilians" too."""
    root = amount_root(ctx.doc, f.start, f.end)
    noun = root.head if root is not None and root.dep_ in ("nummod", "quantmod", "compound") else root
    if noun is None or noun.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj"):
        return None
    verbs = lexicon().count_verbs
    verb = noun.head
    # "left 25,000 people dead", "were left homeless": the state the verb leaves them in
    states = [c for c in [*verb.children, *noun.children] if c.pos_ == "ADJ" and c.dep_ in _LEFT_IN]
    return verbs.get(verb.lemma_.casefold()) or next(
        (verbs[c.lemma_.casefold()] for c in states if c.lemma_.casefold() in verbs), None
    )


_LEFT_IN = frozenset({"oprd", "acomp", "xcomp", "ccomp", "amod"})


def _scale_after(tok: Token) -> float:
    from .money import lexicon as money_lex

    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text.casefold() in money_lex().scales and len(nxt.text) > 1:
        return money_lex().scales[nxt.text.casefold()]
    return 1.0


def _percents(sent_text: str, off: int, skip: list[tuple[int, int]]) -> list[_Found]:
    out = []
    for m in lexicon().percent.finditer(sent_text):
        s = off + m.start()
        if any(a <= s < b for a, b in skip):
            continue
        unit = "percentage points" if m.group(2).casefold().startswith("percentage") else "percent"
        out.append(_Found(start=s, end=off + m.end(), amount=float(m.group(1)), unit=unit, is_percent=True))
    return out


# ------------------------------------------------------------------------------------- extract


def extract(ctx: DocContext) -> list[Figure]:
    """Figures in one article, with the sentence each was read in."""
    lex = lexicon()
    text = ctx.article.text
    figures: list[Figure] = []
    last_bilateral: list[Entity] = []
    last_period: dict[str, str | None] | None = None
    last_metric: str | None = None
    if market_story(text):
        return []
    currency = story_currencies(ctx)
    for sent in ctx.doc.sents:
        s0, s1 = sent.start_char, sent.end_char
        stext = text[s0:s1]
        if lex.market.search(stext):
            continue  # "the Bank provided the money market with assistance worth 90 mln stg"
        if _table_row(sent):
            continue  # "Investment income 1.59 mln stg vs 2.19 mln": a line of a firm's results table
        time_spans = [(t.start, t.end) for t in ctx.timexes_in(s0, s1)]
        found: list[_Found] = []
        money = find_money(stext)
        for m in money:
            if not is_conversion(stext, m, money):  # "$412bn (£211.6bn)": one amount, converted
                found.append(_money_found(m, s0, currency))
        money_spans = [(s0 + m.start, s0 + m.end) for m in money]
        found += _percents(stext, s0, money_spans + time_spans)
        found += _counts(ctx, sent, money_spans + time_spans)
        if not found:
            continue
        # a currency's name ("100 mln New Zealand dlrs") says what money, not whose
        mentions = [m for m in ctx.entities_in(s0, s1) if not any(a <= m.start < b for a, b in money_spans)]
        # time expressions say when, never how sure: the month "May" is no "may"
        ktext = stext
        for a, b in time_spans:
            ktext = ktext[: max(0, a - s0)] + " " * (min(b, s1) - max(a, s0)) + ktext[min(b, s1) - s0 :]
        names = [(m.start - s0, m.end - s0) for m in mentions if m.entity.kind != "country"]
        prev_end = s0
        for f in sorted(found, key=lambda f: f.start):
            metric, dist, tied = _metric_of(ctx, f, s0, names, last_metric)
            if not f.is_money and not f.is_percent and metric in lex.money_metrics:
                metric = None  # "a purchase of 2.4 mln tonnes": tonnes are no contract's value
            if _firm_or_counterfactual(ctx, tied, f):
                continue
            if dist > (120 if f.is_money or f.is_percent else 60):
                metric = None  # a count's unit says what it counts; only "exports of 15,000 tonnes" adds one
            elif not (f.is_money or f.is_percent) and re.search(
                r"[,;]|\band\b", stext[max(0, f.start - s0 - dist) : f.start - s0]
            ):
                metric = None  # "cost 1 bln dlrs in losses and left 1,000 people dead": another clause's
            if metric is None and not f.is_money and not f.is_percent and f.unit not in lex.measure_units:
                metric = _befell(ctx, f) or f.unit  # "3,000 troops": the counted noun is the measure
            if f.is_percent and metric is None:
                continue
            if f.is_money and f.amount < lex.min_amount and metric not in lex.small_metrics:
                continue
            actors = _tied_actors(_country_entities(mentions), mentions, tied, ctx, metric, f)
            if metric == "trade" and (len(actors) >= 2 or lex.bilateral.search(stext)):
                metric = "bilateral trade"
            if metric == "bilateral trade" and len(actors) < 2:
                actors = list(last_bilateral) if len(last_bilateral) >= 2 else top_countries(ctx, 2)
            if metric == "bilateral trade" and len(actors) >= 2:
                last_bilateral = actors
            if not f.is_money and not f.is_percent:
                actors = _count_actors(ctx, f) or actors
            if metric != "bilateral trade":
                # a body the sentence names beside states is the figure's only when among its own
                # words ("the IMF loan of 6.5 bln"), not when it drew up a plan the debt is under
                lent = metric in lex.lender_metrics  # a loan's or aid's body is its lender or donor
                bodies = _igo_entities(
                    _own_mentions(ctx, mentions, tied) if actors and not lent else mentions
                )
                actors = actors + [e for e in bodies if e.id not in {a.id for a in actors}]
            if len(actors) > 2 and len(found) > 2 and metric != "bilateral trade":
                actors = _nearest_state(actors, mentions, f, text)  # a list of states, one amount each
            if (
                not actors
                and (f.is_money or f.is_percent)  # a count of people, tonnes: whose is not told
                and metric
                and metric not in lex.company_metrics
                and not _names_company(ctx.entities)
            ):
                actors = top_countries(ctx, 1)  # "inflation dropped to 63 pct": the story's state
            if _firm_owned(ctx, mentions, tied):
                continue  # "Acme produced 3.6 mln tons": the company's figure, company copy
            if not _about_states(metric, actors, mentions, ctx.doc if f.is_money or f.is_percent else None):
                continue
            kind = kind_of(
                _without_subject_modals(ctx, f, ktext, s0),
                f.start - s0,
                f.end - s0,
                clause_start=max(0, prev_end - s0),
            )
            if kind == "actual":
                kind = _verb_kind(ctx, tied, f)
            if kind in ("forecast", "target") and _is_base(text, s0, f.start):
                kind = "actual"  # "projected to leap to 12 billion from four billion in 1986": told, not foreseen
            if kind == "actual" and f.approx and "estimat" in f.approx:
                kind = "estimate"
            # the base a change is measured from is a level, whatever verb it hangs on, unless it is
            # itself the size of a change ("against a 12.4 pct decline in the same period")
            change = change_of(ctx, f)
            if change and _is_base(text, s0, f.start) and not _sizes_a_change_noun(ctx, f):
                change = None
            period = _own_period(ctx, f) or _period(ctx, s0, s1, f.end, f.start)
            if kind == "actual" and period:
                period = _not_ahead(ctx, period, s0, s1)
            if period is None and lex.period_refs.search(stext) and not _is_base(text, s0, f.start):
                period = last_period  # "in the month": the period of the figure before
            last_period = period or last_period
            conf = 0.55 + (0.15 if metric else 0) + (0.1 if actors else 0)
            # a price per thing bought, a flow per stretch of time ("4.3 mln barrels a day")
            per = lex.per.match(text[f.end : f.end + 24]) if not f.is_percent else None
            figures.append(
                Figure(
                    id=stable_id("f", ctx.article.id, f.start, f.amount, f.unit),
                    metric=metric,
                    amount=-f.amount if change == "decrease" else f.amount,
                    unit=f.unit,
                    kind=kind,
                    change=change,
                    per=" ".join(per.group(1).casefold().split()) if per else None,
                    actors=actors,
                    period=period,
                    date=ctx.dct,
                    mentions=[ctx.mention(f.start, f.end)],
                    confidence=round(min(conf, 0.9), 2),
                )
            )
            prev_end = f.end
            last_metric = metric
    return _merge_within(figures)


def _table_row(sent: Span) -> bool:
    """Is the sentence a row of a results table ("Net profit 4.1 mln vs 3.2 mln", "Shr 10 cts vs
    12 cts"): no verb, and a ``row_words`` word between two numbers? Rows are a firm's books."""
    if any(t.pos_ in ("VERB", "AUX") for t in sent):
        return False
    rows = lexicon().row_words
    toks = list(sent)
    return any(
        t.lower_ in rows and any(x.like_num for x in toks[:k]) and any(x.like_num for x in toks[k + 1 :])
        for k, t in enumerate(toks)
    )


def market_story(text: str) -> bool:
    """Is the story money-market, Treasury-account or trading copy (``market_copy`` words of
    figures.yaml, enough different ones)? Its amounts measure a day's market, not an economy."""
    lex = lexicon()
    cues = {" ".join(m.group(0).casefold().split()) for m in lex.market.finditer(text)}
    return len(cues) >= lex.market_min


def change_of(ctx: DocContext, f: _Found) -> str | None:
    """increase | decrease when the amount is the size of a change: the word it hangs on, directly
    or through a preposition of ``change_preps``, is a change word ("fell 12 pct", "a 7 pct decline",
    "cut the deficit by 4 pct", "a rise of 8 pct"); None for a level ("fell to 3 billion dlrs") or a
    plain amount. A sum a money-raising verb takes as object ("raised 5 bln dlrs") is no change."""
    lex = lexicon()
    tok = amount_root(ctx.doc, f.start, f.end)
    if tok is None:
        return None
    via = None
    if tok.dep_ == "pobj":
        via = tok.head
        if via.lower_ not in lex.change_preps or via.head == via:
            return None
        tok = via
    head = tok.head
    if head == tok:
        return None
    direction = lex.change.get(head.lemma_.casefold()) or lex.change.get(head.lower_)
    if direction is None:
        return None
    if via is None and tok.dep_ in ("dobj", "obj") and f.is_money and head.lemma_.casefold() in lex.raising:
        return None
    if via is not None and via.lower_ == "of" and head.pos_ != "NOUN":
        return None  # "of" ties an amount to a change noun only ("a rise of 8 pct")
    return direction


def _firm_or_counterfactual(ctx: DocContext, tied: set[int], f: _Found) -> bool:
    """Is the amount a firm's ("the utility's revenues", "group exports", "the company cited a
    payment of ...") or a counterfactual ("reserves would have risen by 391 mln")? Neither is a
    figure: the words the parse ties to the amount say so even when no company is named."""
    lex = lexicon()
    words = [ctx.doc[i] for i in sorted(tied)]
    own = [t for t in words if not f.start <= t.idx < f.end]  # "46 Turkish companies" counts firms
    if any(t.lemma_.casefold() in lex.firm_nouns and t.pos_ == "NOUN" for t in own):
        return True
    if any(_firm_possessor(ctx, t) for t in own if t.pos_ == "NOUN"):
        return True
    text = " ".join(t.text for t in words)
    return bool(lex.counterfactual.search(text))


def _firm_possessor(ctx: DocContext, noun: Token) -> bool:
    """Does a possessive pronoun on the noun ("its imports", "their sales") stand for a firm? The
    pronoun is read as the subject it goes back to: the subject of the noun's clause, or, when that
    is a pronoun too ("Daewoo said it will boost its imports") or a measure ("the company said
    imports will be 35 pct of its purchases"), the subject of the clause above.
    A firm is a ``firm_nouns`` word ("the company") or a company named there."""
    if not any(
        c.dep_ == "poss" and c.pos_ == "PRON" and c.morph.get("Person") == ["3"] for c in noun.children
    ):
        return False
    verb: Token | None = noun
    for _ in range(4):
        while verb is not None and verb.pos_ not in ("VERB", "AUX"):
            verb = None if verb.head == verb else verb.head
        if verb is None:
            return False
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON" and not _is_metric_word(subj.text):
            if subj.lemma_.casefold() in lexicon().firm_nouns:
                return True
            ms = ctx.entities_in(
                min(t.idx for t in subj.subtree), max(t.idx + len(t.text) for t in subj.subtree)
            )
            return any(_is_company(m.entity) and not m.is_place for m in ms)
        verb = None if verb.head == verb else verb.head
    return False


def _is_metric_word(word: str) -> bool:
    """Is the word one that names a metric ("imports", "output"): a measure, never an owner."""
    return any(a == 0 and b == len(word) for _, _, a, b in _metric_hits(word))


def _tied_actors(
    actors: list[Entity],
    mentions: list[EntityMention],
    tied: set[int],
    ctx: DocContext,
    metric: str | None,
    f: _Found | None = None,
) -> list[Entity]:
    """The states among the amount's own words, when it names any ("cutting the 170 billion dlr
    U.S. trade deficit and persuading Germany and Japan to open": the U.S.); beside a list of
    states, those of the noun the amount qualifies first ("the four NICs accounted for a fifth of
    the 170 billion dlr U.S. deficit": the U.S. alone); else all the sentence's. Trade between two states keeps both
    wherever they are named."""
    if metric in ("trade", "bilateral trade") or len(actors) < 2:
        return actors
    root = amount_root(ctx.doc, f.start, f.end) if f is not None else None
    if (
        len(actors) > 2  # a list of states beside it; with two, the other is often a party (a creditor)
        and root is not None
        and root.dep_ in ("nummod", "compound", "quantmod", "amod")
        and root.head.pos_ == "NOUN"
    ):
        # the amount qualifies a noun ("the 170 billion dlr U.S. trade deficit"): its own modifiers
        left = {t.i for c in root.head.lefts if c != root for t in c.subtree}
        noun = char_spans(ctx.doc, left)
        named = {m.entity.country for m in mentions if any(a <= m.start < b for a, b in noun)}
        kept = [a for a in actors if a.country in named]
        if kept:
            return kept
    spans = char_spans(ctx.doc, tied | _party_phrases(ctx, tied))
    own = {m.entity.country for m in mentions if m.entity.country and any(a <= m.start < b for a, b in spans)}
    kept = [a for a in actors if a.country in own]
    if kept:
        return kept
    # none among its own words: the sentence's states that stand as actors, not as where
    # someone went or what a verb was aimed at ("the minister left for Washington to discuss
    # Sri Lanka's request for a loan of 6.5 billion rupees": Sri Lanka's, not Washington's)
    acting = {m.entity.country for m in mentions if m.entity.country and not _placed_object(ctx, m)}
    return [a for a in actors if a.country in acting] or actors


def _own_mentions(ctx: DocContext, mentions: list[EntityMention], tied: set[int]) -> list[EntityMention]:
    """The mentions among an amount's own words (``metric_tree``) and its verbs' party phrases; a
    pronoun subject there ("the World Bank said it approved a 100 mln dlr loan") stands for the
    subject of the clause above."""
    words = tied | _party_phrases(ctx, tied)
    for i in list(tied):
        t = ctx.doc[i]
        if t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass") and t.head.head != t.head:
            up = t.head.head
            for c in up.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    words |= {x.i for x in c.subtree}
    spans = char_spans(ctx.doc, words)
    return [m for m in mentions if any(a <= m.start < b for a, b in spans)]


def _firm_owned(ctx: DocContext, mentions: list[EntityMention], tied: set[int]) -> bool:
    """Do the amount's own words name a company and no state ("Acme will receive 15 mln dlrs",
    "Acme's output fell 10 pct in Chile")? Then the figure is the company's: company copy, whatever
    its metric, and never a figure of the company's state or of the nearest country word."""
    own = [m for m in _own_mentions(ctx, mentions, tied) if not m.is_place]
    if any(m.entity.kind == "country" or m.entity.office or m.entity.sector in _STATE_SECTORS for m in own):
        return False
    return any(_is_company(m.entity) and m.entity.country not in _BODIES for m in own)


_BODIES = frozenset({"IGO", "NGO"})  # PLOVER's codes of bodies that are no state and no firm


def _placed_object(ctx: DocContext, m: EntityMention) -> bool:
    """Is the mention the object of a preposition that places or aims ("for Washington", "in
    Tokyo", "to Britain")? Only "of" and "by" phrases name whose or by whom."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ not in lexicon().owner_preps


def _party_phrases(ctx: DocContext, tied: set[int]) -> set[int]:
    """The phrases of the amount's verbs that name who it goes to or comes from ("will provide
    $1 billion to Dhaka"): a state named there is one of the amount's own."""
    preps = lexicon().party_preps
    out: set[int] = set()
    for i in tied:
        verb = ctx.doc[i]
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for ch in verb.children:
            if ch.dep_ in ("prep", "dative") and ch.lower_ in preps:
                out |= {t.i for t in ch.subtree}
            elif ch.dep_ == "dative" and ch.pos_ in ("NOUN", "PROPN"):
                out |= {t.i for t in ch.subtree}  # "owes the IMF 450 mln dlrs": whom it goes to
    return out


def _verb_kind(ctx: DocContext, tied: set[int], f: _Found | None = None) -> str:
    """The kind the amount's own verbs tell, wherever they stand ("shipments of 35,000 tonnes
    were also expected this month", "the plan calls for measures worth 5,000 billion yen"). A
    modal on a verb whose subject holds the amount foretells what the thing will do, not its size
    ("the 100 pct tariffs will show Congress", "the $5 bln loan will be disbursed"): it is left out."""
    in_subject = _subject_verbs(ctx, f) if f is not None else set()
    beyond = _beyond_opener(ctx, f) if f is not None else set()
    verbs = " ".join(
        t.text
        for t in (ctx.doc[i] for i in sorted(tied))
        if t.pos_ in ("VERB", "AUX")
        and not (t.dep_ == "aux" and t.head.i in in_subject)
        and t.i not in beyond
        and t.head.i not in beyond
    )
    for kind, rx in lexicon().kinds:
        if rx.search(verbs):
            return kind
    return "actual"


def _beyond_opener(ctx: DocContext, f: _Found) -> set[int]:
    """The words above a clause opener the amount hangs under ("predicted output will grow 2.5
    pct after falling 0.7 pct", "rose when exports fell 5 pct"): another clause, whose verbs do
    not tell the amount's kind."""
    openers = lexicon().openers
    out: set[int] = set()
    cut = False
    for tok in _walk_up(amount_root(ctx.doc, f.start, f.end), 10):
        if tok.lower_ in openers and tok.dep_ in ("prep", "mark", "advmod"):
            cut = True
        elif any(c.dep_ == "mark" and c.lower_ in openers for c in tok.children):
            cut = True
        if cut:
            out.add(tok.head.i)
    return out


def _walk_up(tok, steps: int):
    """The word and those above it, at most `steps` of them, stopping below the sentence root."""
    for _ in range(steps):
        if tok is None or tok.head == tok:
            return
        yield tok
        tok = tok.head


def _without_subject_modals(ctx: DocContext, f: _Found, ktext: str, s0: int) -> str:
    """The sentence with the modals blanked of the verbs whose subject holds the amount ("the
    January deficit of 14.8 bln dlrs will be revised"): they foretell what befalls the thing, not
    its size, so they make no forecast of it."""
    verbs = _subject_verbs(ctx, f)
    for i in verbs:
        for c in ctx.doc[i].children:
            if c.dep_ == "aux" and c.idx >= f.end:
                a, b = c.idx - s0, c.idx + len(c.text) - s0
                ktext = ktext[:a] + " " * (b - a) + ktext[b:]
    return ktext


def _subject_verbs(ctx: DocContext, f: _Found) -> set[int]:
    """The verbs whose subject holds the amount."""
    for tok in _walk_up(amount_root(ctx.doc, f.start, f.end), 6):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return {tok.head.i}
    return set()


def _own_period(ctx: DocContext, f: _Found) -> dict[str, str | None] | None:
    """The month or year told on the noun the amount qualifies ("a 1.1 pct increase in 1986"):
    the figure's own period, before any nearer time expression of the clause."""
    root = amount_root(ctx.doc, f.start, f.end)
    if root is None:
        return None
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        head = root.head.head  # "a 1985 deficit of 900 mln dlrs": the noun the sum is of
        years = [c for c in head.lefts if c.dep_ in ("nummod", "compound", "amod", "npadvmod")]
        lo = min(t.idx for t in head.subtree)
        for t in ctx.timexes_in(lo, f.start):
            d = timex_date(t.value)
            if t.type == "DATE" and d and len(d) <= 7 and any(t.start <= c.idx < t.end for c in years):
                return _span_of(t, ctx.article.text)
        return None
    if root.dep_ not in ("nummod", "compound", "quantmod", "amod"):
        return None
    head = root.head
    if head.pos_ != "NOUN":
        return None
    lo = min(t.idx for t in head.subtree)
    hi = max(t.idx + len(t.text) for t in head.subtree)
    # a year or month modifying the noun itself ("a 1985 deficit of 900 mln dlrs") is its period too
    years = [c for c in head.lefts if c.dep_ in ("nummod", "compound", "amod", "npadvmod") and c.i != root.i]
    before = [t for t in ctx.timexes_in(lo, f.start) if any(t.start <= c.idx < t.end for c in years)]
    for t in before + ctx.timexes_in(max(lo, f.end), hi):
        d = timex_date(t.value)
        if (
            t.type == "DATE"
            and d
            and len(d) <= 7
            and not lexicon().comparison.search(ctx.article.text[max(lo, t.start - 40) : t.start])
        ):
            return _span_of(t, ctx.article.text)
    return None


def _metric_of(
    ctx: DocContext, f: _Found, s0: int, names: list[tuple[int, int]], last_metric: str | None
) -> tuple[str | None, int, set[int]]:
    """The metric of an amount, read only in the words its parse ties to it (``metric_tree``).
    An amount raised "to" what a pronoun stands for ("raising it to $150 billion") measures what
    the figure before measured."""
    stext = ctx.article.text[s0 : ctx.sentence_of(f.start).end_char]
    root = amount_root(ctx.doc, f.start, f.end)
    tied = metric_tokens(root, lexicon().metric_preps) if root is not None else set()
    metric, dist = None, 10**6
    own = noun_tokens(root) if root is not None else set()
    # a sum's own "of" phrase first ("payments on 68 bln dlrs of debt"), then the noun the amount
    # qualifies ("offer a $1 bln bond issue"), then its clause
    phrase = {t.i for t in root.subtree} if root is not None and f.is_money else set()
    topic = _change_topic(root) if root is not None else None
    labels = _classifiers(ctx, tied | phrase, own)
    for words in (phrase, own, tied):
        if words is tied and topic is not None:
            words = own | {t.i for t in topic.subtree}  # "the 40 pct drop in the dollar": the dollar's
        words = words - labels
        allowed = [(a - s0, b - s0) for a, b in char_spans(ctx.doc, words)]
        metric, dist = metric_near(
            stext, f.start - s0, f.end - s0, names, after=True, allowed=allowed, share=not f.is_money
        )
        if metric is not None:
            break
    finer = lexicon().refined.get(metric or "")
    if finer and root is not None and _verb_names(root, finer):
        metric = finer  # "repaid 500 mln dlrs of debt": a repayment
    if (
        metric is None
        and last_metric
        and any(_thing_pronoun(ctx.doc[i]) and ctx.doc[i].dep_ in ("dobj", "nsubjpass") for i in tied)
    ):
        return last_metric, 0, tied
    return metric, dist, tied


def _classifiers(ctx: DocContext, words: set[int], own: set[int]) -> set[int]:
    """Metric words that only say what kind of thing another noun is ("the budget airline", "profit
    on production operations"): a modifier of a noun that is neither the amount's own noun, nor a
    measure (figures.yaml ``measure_heads``: "the export target", "the oil import bill"), nor in
    a phrase that names what the amount is ("provide $1 bln as budget support"). They name no
    measure of the amount."""
    heads = lexicon().measure_heads
    out: set[int] = set()
    for i in words:
        t = ctx.doc[i]
        while t.dep_ == "conj" and t.head != t:  # "exploration and production operations"
            t = t.head
        h = t.head
        if (
            t.dep_ in ("compound", "amod", "nmod")
            and h.pos_ in ("NOUN", "PROPN")
            and h.i not in own
            and h.lemma_.casefold() not in heads
            and not (h.dep_ == "pobj" and h.head.lower_ in lexicon().metric_preps)  # "as budget support"
            and _is_metric_word(ctx.doc[i].text)
            and not _is_metric_word(h.text)
        ):
            out.add(i)
    return out


def _sizes_a_change_noun(ctx: DocContext, f: _Found) -> bool:
    """Is the amount the size of a change noun ("a 12.4 pct decline")?"""
    root = amount_root(ctx.doc, f.start, f.end)
    return (
        root is not None
        and root.dep_ in ("nummod", "compound", "quantmod", "amod")
        and root.head.lemma_.casefold() in lexicon().change
    )


def _change_topic(root: Token) -> Token | None:
    """The thing a change noun says what changed ("a 40 pct drop in the dollar", "a rise of 8 pct
    in exports"): the object of its "in" phrase. Its metric is named there or nowhere, never by
    the clause around it ("the deficit appears to respond to the 40 pct drop in the dollar")."""
    head = root.head
    if root.dep_ not in ("nummod", "compound", "quantmod", "amod") or head.pos_ != "NOUN":
        return None
    if head.lemma_.casefold() not in lexicon().change:
        return None
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ == "in":
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # "a 1.5 pct increase in 2024" says when, not what
            if obj is not None and obj.pos_ == "NOUN" and obj.ent_type_ not in ("DATE", "TIME"):
                return obj
    return None


def _verb_names(root: Token, metric: str) -> bool:
    """Does the verb the amount hangs on (directly or through its noun) name ``metric``?"""
    tok = root
    for _ in range(4):
        if tok.head == tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return any(
                name == metric and a == 0 and b == len(tok.text) for _, name, a, b in _metric_hits(tok.text)
            )
    return False


def _thing_pronoun(t: Token) -> bool:
    """A pronoun that stands for a thing ("raise it to", "they were raised to"), not a speaker
    ("we reach the target")."""
    person = t.morph.get("Person")
    return (
        t.pos_ == "PRON"
        and person == ["3"]
        and t.morph.get("Gender") != ["Masc"]
        and t.morph.get("Gender") != ["Fem"]
    )


def _money_found(m: MoneySpan, off: int, currency: dict[int, str]) -> _Found:
    return _Found(
        start=off + m.start,
        end=off + m.end,
        amount=m.amount,
        unit=currency.get(off + m.start, m.currency),
        approx=m.approx,
        is_money=True,
    )


def story_currencies(ctx: DocContext) -> dict[int, str]:
    """The currency of each amount of the story by its offset, bare words ("dlrs", "rupees") read
    as the story means them (``money.localise``): its own state's money, or the kind it named in full.
    Read once per article (``ctx.memo``): figures and every deal ask for it."""
    got = ctx.memo.get("story_currencies")
    if got is None:
        top = top_countries(ctx, 1)
        named = {m.entity.country for m in ctx.entities if m.entity.kind == "country" and m.entity.country}
        year = int(ctx.dct[:4]) if ctx.dct and ctx.dct[:4].isdigit() else None
        spans = localise(find_money(ctx.article.text), top[0].country if top else None, year, named)
        got = ctx.memo["story_currencies"] = {sp.start: sp.currency for sp in spans}
    return got  # type: ignore[return-value]


def _count_actors(ctx: DocContext, f: _Found) -> list[Entity]:
    """The nationality on a counted noun ("46 Turkish companies" -> Türkiye)."""
    return _country_entities(ctx.entities_in(f.start, f.end), groups=True)


def _merge_within(figures: list[Figure]) -> list[Figure]:
    """One figure per (amount, unit, kind) in an article: a story repeating "the $10 billion
    target" states one figure twice; the fuller reading (metric, actors, period) wins."""
    out: dict[tuple[float, str, str], Figure] = {}
    for f in figures:
        key = (f.amount, f.unit, f.kind)
        have = out.get(key)
        if have is None:
            out[key] = f
            continue
        if not _metrics_compatible(have.metric, f.metric) or (
            f.unit == "percent" and have.period != f.period
        ):
            # "up 0.3 pct" in two sentences of other periods are two figures
            out.setdefault((f.amount, f.unit, f"{f.kind}#{f.metric or ''}#{f.period}"), f)
            continue
        have.mentions += f.mentions
        if f.metric and (not have.metric or len(f.metric) > len(have.metric)):
            have.metric = f.metric
        if len(f.actors) > len(have.actors):
            have.actors = f.actors
        have.period = have.period or f.period
        have.confidence = max(have.confidence, f.confidence)
    return list(out.values())


def _metrics_compatible(a: str | None, b: str | None) -> bool:
    return not a or not b or a in b or b in a


__all__ = ["extract", "timex_date", "metric_near", "kind_of", "top_countries", "lexicon"]
