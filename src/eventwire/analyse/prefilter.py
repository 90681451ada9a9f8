"""The cheap pass that decides which sentences deserve spaCy's full parse.

Parsing is most of ingest's cost, and most news sentences can yield nothing: background, colour,
earnings tables. A sentence is parsed only if it holds a trigger of some extractor (an event
pattern's verb, noun or adjective; a deal item with a transfer word; a number with a figure metric;
a quote mark) AND something an actor can be read from (a capitalised name, a pronoun or group noun
the linker resolves, a quote mark, an amount of money), plus every sentence that names someone a
parsed sentence names, so the actor linker still sees each actor's full name, titles and aliases.
The rest are only tokenised.

Trigger words come from the extractors' own lexicons, so a pattern an analyst adds is seen here too,
plus a fallback list in ``data/prefilter.yaml``. Words match on a crude stem, and irregular forms
come from the parser's own lemmatiser exceptions, so erring is toward parsing too much: a false
positive costs time, a false negative costs records. ``EVENTWIRE_PREFILTER=0`` turns the pass off.

Before the sentences, :func:`market_copy` looks at the whole story: market and company copy with no
political actor in it (no state, government body, official or international body) is neither
parsed nor extracted, only stored (``data/prefilter.yaml`` ``market_copy``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import load, vocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

QUOTE_CHARS = '"“”„«»'

_CUE_WORD = re.compile(r"\w[\w'’.-]*")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DIGIT = re.compile(r"\d")
# a sentence ends at . ! ? (with closing quotes or brackets), then whitespace, then a capital, digit
# or opening quote; or at a line break
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|[ \t]*\n[ \t]*\n\s*|(?<=[:;])[ \t]*\n\s*(?=\S)"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def enabled() -> bool:
    """The switch: ``EVENTWIRE_PREFILTER=0`` parses every story and sentence (to compare results)."""
    from ..settings import get_settings

    return get_settings().prefilter


_STEMS: dict[str, str] = {}


def stem(word: str) -> str:
    """A crude English stem, equal for a lemma and its regular inflections (ban/banned/bans)."""
    got = _STEMS.get(word)
    if got is None:
        got = _stem(word)
        if len(_STEMS) < 500_000:  # bounded: a hostile text must not grow it forever
            _STEMS[word] = got
    return got


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    ee = False  # "agreed" is agree + d: its stem keeps the e that "agree" loses below
    if len(w) > 3:  # plural first, then verbal: meetings -> meeting -> meet
        for suf, rep in (("ies", "y"), ("ees", "ee"), ("es", ""), ("s", "")):  # agrees -> agree
            if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith("ss"):
                w = w[: -len(suf)] + rep
                break
        for suf, rep in (("ied", "y"), ("ing", ""), ("ed", "")):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                ee = suf == "ed" and w.endswith("eed")
                w = w[: -len(suf)] + rep
                break
    if len(w) > 3 and w.endswith("e") and not ee:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]
    return w


Cond = tuple[frozenset[str], frozenset[str]]  # (words that must all be there, one of which must be)


@dataclass(frozen=True)
class Lexicon:
    events: dict[str, tuple[Cond, ...]]  # trigger stem -> what else the pattern needs in the sentence
    forms: dict[str, frozenset[str]]  # irregular surface form -> stems of its lemmas (sold -> sell)
    exact: frozenset[
        str
    ]  # trigger words as written (a stopword triggers only as itself: "will" != "willing")
    deal_items: frozenset[str]
    deal_cues: frozenset[str]
    figure_words: frozenset[str]  # need a number in the sentence too
    actor_words: frozenset[str]  # pronouns and group nouns (stems)
    references: frozenset[str]  # words that refer back to an actor named before (pronouns: as written)
    stopwords: frozenset[str]  # a capitalised stopword opening a sentence is not a name
    not_names: frozenset[str]  # capitalised words that name no actor (months, weekdays, agencies)
    abbreviations: frozenset[str]
    gate: StoryGate | None = None  # the market-copy gate (None: every story goes to the sentence pass)


Cue = tuple[tuple[str, bool], ...]  # a phrase's words, each (surface as written, True) or (stem, False)


@dataclass(frozen=True)
class StoryGate:
    """Cue phrases for :func:`market_copy`, indexed by their first word."""

    political: dict[tuple[str, bool], tuple[Cue, ...]]
    market: dict[tuple[str, bool], tuple[Cue, ...]]
    min_market: int


def _cue(phrase: str) -> Cue:
    """An entry with a capital matches as written, any other on its stem in any case."""
    words = [w.rstrip(".") if w.count(".") == 1 else w for w in _CUE_WORD.findall(phrase)]
    return tuple((w, True) if any(c.isupper() for c in w) else (stem(w), False) for w in words)


def _index(phrases: Iterable[str]) -> dict[tuple[str, bool], tuple[Cue, ...]]:
    out: dict[tuple[str, bool], set[Cue]] = {}
    for p in phrases:
        cue = _cue(p)
        if cue:
            out.setdefault(cue[0], set()).add(cue)
    return {k: tuple(v) for k, v in out.items()}


def story_gate(own: dict) -> StoryGate | None:
    """The market-copy gate from ``prefilter.yaml`` (None when the file has no ``market_copy``)."""
    spec = own.get("market_copy")
    if not spec:
        return None
    return StoryGate(
        political=_index(list(spec["political"]) + vocab.political_names()),
        market=_index(spec["market"]),
        min_market=int(spec["min_market"]),
    )


def _story_words(text: str) -> list[tuple[str, str]]:
    """(surface, stem) of every word; a possessive's 's and a sentence's full stop dropped."""
    out = []
    for w in _CUE_WORD.findall(text):
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        w = w.rstrip("'’")  # a plural's possessive (ministries')
        if w.endswith(".") and w.count(".") == 1:
            w = w[:-1]
        if w:
            out.append((w, stem(w)))
    return out


def _matches(words: list[tuple[str, str]], i: int, cue: Cue) -> bool:
    if i + len(cue) > len(words):
        return False
    for (surface, st), (want, exact) in zip(words[i : i + len(cue)], cue, strict=False):
        if (surface if exact else st) != want:
            return False
    return True


def market_copy(text: str, lex: Lexicon | None = None) -> bool:
    """Is this story market or company copy with no political actor (only tokenise it)?

    True when the story holds ``min_market`` distinct market cues and not one political cue
    (``prefilter.yaml`` ``market_copy``): erring toward parsing, as a skipped story yields nothing.
    """
    lex = lex or lexicon()
    gate = lex.gate
    if gate is None:
        return False
    words = _story_words(text)
    market: set[Cue] = set()
    for i, (surface, st) in enumerate(words):
        for key in ((surface, True), (st, False)):
            for cue in gate.political.get(key, ()):
                if _matches(words, i, cue):
                    return False
            for cue in gate.market.get(key, ()):
                if cue not in market and _matches(words, i, cue):
                    market.add(cue)
    return len(market) >= gate.min_market


def _stems(phrases: Iterable[str], stop: frozenset[str] = frozenset()) -> set[str]:
    """Every content word of every phrase: over-inclusive on purpose."""
    out = set()
    for p in phrases:
        for w in _WORD.findall(str(p)):
            if w.lower() not in stop:
                out.add(stem(w))
    return out


def _event_triggers(stop: frozenset[str], exact: set[str]) -> dict[str, set[Cond]]:
    """Head words of every event rule, with the phrase words and objects the rule demands.

    Read through the event coder's own index so both agree on what a trigger is; a rule that
    needs an object ("issue" + "ultimatum") only triggers when one of its objects is there too.
    """
    out: dict[str, set[Cond]] = {}

    def add(head: str, extra: Iterable[str], objects: Iterable[str]) -> None:
        exact.add(head.lower())
        cond = (frozenset(_stems(extra, stop)), frozenset(_stems(objects, stop)))
        for h in _stems([head], stop) or {stem(head)}:
            out.setdefault(h, set()).add(cond)

    from ..lexicon.events import load_rules

    rs = load_rules()
    for table in (rs.verbs, rs.nouns, rs.adjectives):
        for head, entries in table.items():
            for e in entries:
                add(head, e.extra, e.rule.objects)
    if rs.must:
        add("must", (), ())
    return out


@lru_cache(maxsize=4)
def lexicon(nlp: Language | None = None) -> Lexicon:
    """Compile the trigger lexicon once per process (per pipeline, for its lemmatiser exceptions)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = frozenset(STOP_WORDS)
    own = load("prefilter")
    exact: set[str] = set()
    triggers = _event_triggers(stop, exact)
    if not triggers:  # no event patterns installed: the documented fallback list
        for w in own["fallback_triggers"]:
            exact.add(w.lower())
            triggers.setdefault(stem(w), set()).add((frozenset(), frozenset()))
    items = _stems([p.split()[-1] for p in vocab.deal_items() if p.split()])
    cues = _stems(vocab.deal_cues(), stop)
    figure_words = _stems(vocab.figure_words(), stop)
    figure_words |= _stems(vocab.percent_words(), stop) | {"%"}
    figure_words |= _stems(vocab.currency_codes())
    figure_words |= {stem(w) for w in vocab.iso_currency_codes()}
    actor_words = _stems(vocab.group_nouns()) | {w.lower() for w in own["pronouns"]}
    actor_words |= _stems(vocab.office_heads(), stop)
    ref_pronouns, ref_heads = vocab.reference_words()
    references = {w.lower() for w in ref_pronouns} | _stems(ref_heads, stop)
    actor_words |= references
    every = set(triggers) | items | cues | figure_words
    forms: dict[str, frozenset[str]] = {}
    if nlp is not None and "lemmatizer" in nlp.pipe_names:
        try:
            exc = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
            for pos in ("verb", "noun", "adj"):
                for form, lemmas in exc[pos].items():
                    hit = frozenset(stem(lemma) for lemma in lemmas) & every
                    if hit and stem(form) not in hit:
                        forms[form.lower()] = forms.get(form.lower(), frozenset()) | hit
        except (KeyError, AttributeError, ValueError):
            pass
    not_names = set(own["not_names"])
    return Lexicon(
        not_names=frozenset(not_names),
        events={k: tuple(v) for k, v in triggers.items()},
        forms=forms,
        exact=frozenset(exact),
        deal_items=frozenset(items),
        deal_cues=frozenset(cues),
        figure_words=frozenset(figure_words),
        actor_words=frozenset(actor_words),
        references=frozenset(references),
        stopwords=stop,
        abbreviations=frozenset(w.lower() for w in own["abbreviations"]),
        gate=story_gate(own),
    )


def sentence_spans(text: str, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """Cheap sentence boundaries: (start, end) with start at a non-space character.

    Conservative: an abbreviation or initial before a period never ends a sentence, so a span may
    hold two sentences (parsed or skipped together, which is safe) but rarely half of one.
    """
    lex = lex or lexicon()
    spans: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        if m.group(0).count("\n") < 2:
            before = _TOKEN_BEFORE.search(text, 0, end)
            tok = before.group(1).rstrip("\"'”’)]") if before else ""
            core = tok.rstrip(".!?").lower()
            if tok.endswith(".") and (
                core in lex.abbreviations or len(core) <= 1 or "." in core or core.isdigit()
            ):
                continue
        if end > start:
            spans.append((start, m.end()))
            start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    elif spans:
        spans[-1] = (spans[-1][0], len(text))
    return spans


def needs_parse(sentence: str, lex: Lexicon | None = None) -> bool:
    """Could this sentence yield an event, deal, figure or quote with an actor?"""
    lex = lex or lexicon()
    has_quote = any(q in sentence for q in QUOTE_CHARS)
    has_number = bool(_DIGIT.search(sentence))
    actor = has_quote
    stems: set[str] = set()  # every word
    lower: set[str] = set()  # words that can be triggers (a capitalised word inside is a name)
    for i, w in enumerate(_WORD.findall(sentence)):
        lw = w.lower().rstrip(".")
        st = stem(lw)
        stems.add(st)
        trigger_ok = lw not in lex.stopwords or lw in lex.exact
        if w[0].isupper():
            if i == 0:
                if trigger_ok:
                    lower.add(st)
                actor = actor or lw not in lex.stopwords
            else:
                actor = True
        else:
            if trigger_ok:
                lower.add(st)
            if lw in lex.forms:
                lower |= lex.forms[lw]
                stems |= lex.forms[lw]
    if not actor and not (stems & lex.actor_words):
        if not (has_number and stems & lex.figure_words):
            return False
    if has_quote:
        return True
    for st in lower & lex.events.keys():
        for extra, objects in lex.events[st]:
            if extra <= stems and (not objects or objects & stems):
                return True
    if lower & lex.deal_items and stems & lex.deal_cues:
        return True
    return has_number and bool(stems & lex.figure_words)


def _names(sentence: str, lex: Lexicon) -> set[str]:
    """Capitalised words inside a sentence (not its first word): the parts of names."""
    words = _WORD.findall(sentence)
    return {w.rstrip(".'’") for w in words[1:] if w[0].isupper() and w.lower() not in lex.stopwords}


def _introductions(text: str, spans: list[tuple[int, int]], flags: list[bool], lex: Lexicon) -> None:
    """Also parse every sentence naming someone a parsed sentence names.

    Stories introduce an actor once, in full and with a title ("Malaysian Prime Minister Anwar
    Ibrahim"), often in a sentence with no trigger, and then say "Anwar"; and the linker gathers
    an actor's aliases and roles from all its mentions. Without those sentences the records would
    name "Anwar" and the actor would lose aliases. (First mentions only parse 2% less on wire copy,
    and change the seeds' actors.)
    """
    wanted: set[str] = set()
    for (s, e), f in zip(spans, flags, strict=True):
        if f:
            wanted |= _names(text[s:e], lex)
    wanted -= lex.not_names  # "March", "Reuters": repeating them does not make a sentence about an actor
    if not wanted:
        return
    for k, (s, e) in enumerate(spans):
        if flags[k]:
            continue
        hit = _names(text[s:e], lex) & wanted
        first_word = _WORD.match(text, s)
        if first_word and first_word.group(0).rstrip(".'’") in wanted:
            hit.add(first_word.group(0).rstrip(".'’"))
        if hit:
            flags[k] = True


def _antecedents(text: str, spans: list[tuple[int, int]], flags: list[bool], lex: Lexicon) -> None:
    """Also parse the sentence before a parsed sentence that refers back ("it", "they", "the two
    countries"): coreference finds whom in the previous sentence's parse (its subject, the pair it
    names), which a tokenised-only sentence does not have. Walked from the end, so a chain of
    references reaches back as far as it goes."""
    for k in range(len(spans) - 1, 0, -1):
        if flags[k] and not flags[k - 1]:
            s, e = spans[k]
            words = {w.lower().rstrip(".") for w in _WORD.findall(text[s:e])}
            if words & lex.references or {stem(w) for w in words} & lex.references:
                flags[k - 1] = True


@dataclass
class Segment:
    """A run of consecutive sentences, parsed together or only tokenised together."""

    start: int
    end: int
    parse: bool
    sentence_starts: list[int]  # char offsets (absolute) of the cheap sentence starts inside


def plan(text: str, lex: Lexicon | None = None) -> list[Segment]:
    """Cut an article into parse / skip segments that tile the text exactly."""
    lex = lex or lexicon()
    spans = sentence_spans(text, lex)
    flags = [needs_parse(text[s:e], lex) for s, e in spans]
    _introductions(text, spans, flags, lex)
    _antecedents(text, spans, flags, lex)
    segs: list[Segment] = []
    for (s, e), p in zip(spans, flags, strict=True):
        if segs and segs[-1].parse == p:
            segs[-1].end = e
            segs[-1].sentence_starts.append(s)
        else:
            segs.append(Segment(start=s, end=e, parse=p, sentence_starts=[s]))
    if segs:
        segs[0].start = 0  # leading whitespace belongs to the first segment
        segs[-1].end = len(text)
    return segs
