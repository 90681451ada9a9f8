"""Per-article work: one Article and its parse in, one ArticleExtraction out.

``extract_article`` is pure, so it runs the same inline, in a local worker process or on a Ray
actor; ``code`` parses and extracts one text (the ``eventwire code`` command); ``process_texts`` parses and extracts a batch in the calling process (in a spaCy memory
zone), and ``warm_up`` builds every table a worker needs before its first real batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import nullcontext
from functools import cache
from typing import TYPE_CHECKING, Any

from ..extract.context import DocContext
from ..model import Article, ArticleExtraction

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger("eventwire")


def _safe(stage: str, article: Article, fn: Callable[[], Any], default: Any) -> Any:
    """One failing extractor costs its own output for one article, never the run; a malformed data
    file is no article's fault and would fail every one, so it stops the run."""
    from ..lexicon import LexiconError

    try:
        return fn()
    except LexiconError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported, not swallowed silently
        log.warning("%s failed on %s: %s: %s", stage, article.path, exc.__class__.__name__, exc)
        return default


def prepare_article(article: Article) -> Article:
    """Cheap text-only steps before parsing: infer the date of an undated article."""
    if article.published is None:
        from ..extract.time.dating import infer_dct

        inferred, was_inferred = _safe(
            "infer_dct", article, lambda: infer_dct(article.text, article.caption_dates), (None, False)
        )
        if inferred:
            article.published = inferred
            article.published_inferred = bool(was_inferred)
    return article


def extract_article(article: Article, doc: Doc) -> ArticleExtraction:
    """Everything one article yields, with article-local entity keys."""
    from ..extract import deals, figures, quotes
    from ..extract.events import coder as events
    from ..extract.time import dating
    from ..extract.time import tagger as timex
    from ..link import actors as resolve_actors

    dct = article.published
    ents, local_actors = _safe("actors", article, lambda: resolve_actors.link(doc, article), ([], []))
    txs = _safe("timex", article, lambda: timex.tag(article.text, dct), [])
    ctx = DocContext(
        article=article, doc=doc, dct=dct, timexes=txs, entities=ents, actors={a.key: a for a in local_actors}
    )
    evs = _safe("events", article, lambda: events.extract(ctx), [])
    _safe("dating", article, lambda: dating.date_events(ctx, evs), None)
    return ArticleExtraction(
        article_id=article.id,
        timexes=txs,
        entities=ents,
        actors=local_actors,
        events=evs,
        deals=_safe("deals", article, lambda: deals.extract(ctx), []),
        figures=_safe("figures", article, lambda: figures.extract(ctx), []),
        quotes=_safe("quotes", article, lambda: quotes.extract(ctx), []),
        dct=dct,
    )


def code(text: str, date: str | None = None) -> ArticleExtraction:
    """Everything one text yields (what ``eventwire code`` prints): the quickest way to see what
    eventwire reads in a sentence or a story. ``date`` (YYYY-MM-DD) anchors relative dates; without
    it the date is inferred from the text when the text says it."""
    from ..analyse.nlp import get_nlp
    from ..model import stable_id

    art = prepare_article(Article(id=stable_id("a", text), path="<text>", text=text, published=date))
    return extract_article(art, get_nlp()(text))


def process_texts(
    articles: list[Article], nlp: Language | None = None, *, zone: bool = True
) -> list[ArticleExtraction]:
    """Parse and extract a batch in this process.

    With ``zone`` (and unless ``EVENTWIRE_MEMORY_ZONE=0``) the batch runs in a spaCy memory zone,
    so the strings and lexemes its texts bring are freed when it is done and a long-running worker
    stays flat. That is safe because nothing spaCy made in the zone leaves it: every Doc is
    consumed inside, extractions are plain data (strings cut from the text, offsets, numbers),
    the pipeline and its memos are built before (``get_nlp``), and so is the prefilter's lexicon
    (the one table read from the pipeline). The extractors' other lazily built tables are plain
    Python and add no string to the vocab (``tests/test_memory_zone.py`` checks that), so building
    them on first use inside a zone is safe too.
    """
    from ..analyse.nlp import get_nlp, memory_zone
    from ..analyse.parse import parse_many
    from ..analyse.prefilter import enabled, lexicon, market_copy

    nlp = nlp or get_nlp()
    lex = lexicon(nlp)
    gated = {a.id for a in articles if market_copy(a.text, lex)} if enabled() else set()
    todo = [a for a in articles if a.id not in gated]
    done: dict[str, ArticleExtraction] = {}
    with memory_zone(nlp) if zone else nullcontext():
        for a, d in zip(todo, parse_many(nlp, [a.text for a in todo]), strict=True):
            done[a.id] = extract_article(a, d)
            d.release()  # parse_many's docs cache their tokens; extraction is done with them
    return [done.get(a.id) or skipped_article(a) for a in articles]


def skipped_article(article: Article) -> ArticleExtraction:
    """What a story the market-copy gate skips yields: nothing but its date (it is still stored,
    searchable as an article; ``analyse.prefilter.market_copy`` says which stories those are)."""
    return ArticleExtraction(article_id=article.id, dct=article.published)


# a short article that walks every extractor once, so each lazily built lexicon, rule table and
# gazetteer is built while a worker starts, not in the middle of its first real batch
_WARM_UP_TEXT = (
    "Norwegian Prime Minister Ola Nordmann met French President Anne Martin in Paris on Monday, "
    'three weeks after Oslo and Lyon signed a trade pact. "We agreed to buy four frigates in a deal '
    'worth $2 billion," Nordmann told reporters. Exports to France rose 5 percent to 3 billion '
    "euros last year, and both aim to double trade by 2030. The ministry declined to comment."
)


@cache
def warm_up() -> None:
    """Load the model and build every extractor's tables in this process (once: a forked worker
    inherits the parent's call)."""
    from ..analyse.nlp import get_nlp
    from ..analyse.prefilter import lexicon
    from ..extract import deals, figures, money, quotes
    from ..extract.time.rules import rules as timex_rules
    from ..lexicon.events import load_rules
    from ..link import places
    from ..link.knowledge import get_lexicon

    lexicon(get_nlp())
    for build in (load_rules, timex_rules, money.lexicon, figures.lexicon, deals.lexicon, quotes.lexicon):
        build()
    get_lexicon()
    places.city_population("Paris")
    # outside a memory zone: the warm-up's few words stay known (lexemes, tokenizer cache, memo
    # entries) for every later chunk, a fixed cost however long the input
    warm = Article(id="warm", path="<warm-up>", text=_WARM_UP_TEXT, published="2024-03-04")
    process_texts([warm], zone=False)
