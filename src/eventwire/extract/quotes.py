"""Direct quotations, each with the actor who said it and the channel it went out on.

Quotes are found from the quote marks (curly or straight, mixed: copy often opens with one and
closes with the other), not from the parse: spaCy splits sentences inside quotations. A quote
that runs over a paragraph break (wire style: no closing mark at the end of the paragraph, an
opening mark on the next) is one quote. The attribution is looked for after the quote
("...," he added / said Anwar) and then before it ("X said:" / "..., saying, "); its grammatical
subject is the speaker, read through the actor linker's mentions so pronouns resolve to people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import load
from ..lexicon.files import Quotes
from ..model import Entity, EntityMention, Quote, stable_id
from .context import DocContext
from .deals import company_state
from .figures import timex_date

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

_QMARKS = '"“”„«»'


def _alt(words: list[str]) -> str:
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)]
    return r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"


@dataclass(frozen=True)
class _Lex:
    verbs: re.Pattern[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    channels: list[tuple[str, re.Pattern[str]]]
    outlet: re.Pattern[str]
    min_words: int
    anaphors: frozenset[str]
    title_small: frozenset[str]
    representatives: frozenset[str]
    affiliation_preps: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lex:
    raw: Quotes = load("quotes")
    verbs = _alt(raw["verbs"])
    who = r"[^.;:!?“”\"\n]{1,80}?"
    return _Lex(
        verbs=re.compile(verbs, re.I),
        # after the quote: ', he said' / ' Anwar Ibrahim stated' / ', said the minister'
        after=re.compile(
            rf"^\s*[,—–-]?\s*(?:(?P<who1>{who})\s+(?P<v1>{verbs})|(?P<v2>{verbs})\s+(?P<who2>{who})(?=[,.;\s]|$))",
            re.I,
        ),
        # before the quote: 'X said: ' / ', saying, ' / 'X told reporters: '
        before=re.compile(rf"(?P<v>{verbs})(?P<tail>[^.!?“”\"\n]{{0,60}}?)\s*[:,]?\s*$", re.I),
        channels=[(name, re.compile(_alt(words), re.I)) for name, words in raw["channels"].items()],
        # "told Sky News", "said on Czech Television": capitalised words ending in an outlet word
        outlet=re.compile(
            r"\b(?:told|on|to|with)\s+(?:the\s+)?((?:[A-Z][\w'’.&-]*\s+){0,3}(?:"
            + "|".join(
                re.escape(w).replace(r"\ ", r"\s+")
                for w in sorted(raw["outlet_words"], key=len, reverse=True)
            )
            + r"))(?![\w-])"
        ),
        min_words=int(raw["min_words"]),
        anaphors=frozenset(raw["anaphors"]),
        title_small=frozenset(raw["title_small_words"]),
        representatives=frozenset(w.casefold() for w in raw["representatives"]),
        affiliation_preps=frozenset(w.casefold() for w in raw["affiliation_preps"]),
    )


# ------------------------------------------------------------------------------------- quote spans


@dataclass
class _Span:
    start: int  # offset of the first quoted character (after the opening mark)
    end: int  # offset just past the last quoted character (before the closing mark)
    close: int  # offset just past the closing mark (or the paragraph end)
    parts: list[tuple[int, int]]


def quote_spans(text: str) -> list[_Span]:
    """Quoted stretches of ``text``: marks paired left to right, continued over paragraph breaks."""
    spans: list[_Span] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] not in _QMARKS or not _opens(text, i):
            i += 1
            continue
        parts: list[tuple[int, int]] = []
        start = i + 1
        j = start
        closed = None
        while j < n:
            c = text[j]
            if c in _QMARKS and _closes(text, j):
                closed = j
                break
            if c == "\n":
                # paragraph ended inside the quote: it continues if the next paragraph opens with a mark
                k = j
                while k < n and text[k] in "\n \t":
                    k += 1
                if k < n and text[k] in _QMARKS and _opens(text, k):
                    parts.append((start, j))
                    start = k + 1
                    j = start
                    continue
                break
            j += 1
        end = closed if closed is not None else j
        parts.append((start, end))
        if closed is None and not parts[:-1]:
            i = end
            continue  # an unclosed mark that never continues: not a quote
        spans.append(_Span(parts[0][0], end, (closed + 1) if closed is not None else end, parts))
        i = (closed + 1) if closed is not None else end
    return spans


def _opens(text: str, i: int) -> bool:
    c = text[i]
    if c in "”»":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    prev = text[i - 1] if i > 0 else " "
    return not nxt.isspace() and (prev.isspace() or prev in "([—–-:,'‘" or c in "“„«")


def _closes(text: str, j: int) -> bool:
    c = text[j]
    if c in "“„«":
        return False
    prev = text[j - 1] if j > 0 else " "
    return not prev.isspace()


# ------------------------------------------------------------------------------------- speakers


def _person_before(ctx: DocContext, pos: int) -> EntityMention | None:
    """The last person named before ``pos``: who "he" most likely is when the linker is silent."""
    best = None
    for m in ctx.entities:
        if m.start >= pos:
            break
        if m.entity.kind == "person":
            best = m
    return best


def _subject_token(ctx: DocContext, vstart: int, vend: int) -> Token | None:
    """The subject of the attribution verb at [vstart, vend), climbing "..., saying" to its clause."""
    span = ctx.doc.char_span(vstart, vend, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span[0]
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            return subj[0]
        if tok.head == tok or tok.dep_ not in (
            "advcl",
            "xcomp",
            "conj",
            "ccomp",
            "parataxis",
            "dep",
            "pcomp",
        ):
            break
        tok = tok.head
    return None


def _subject_entity(ctx: DocContext, vstart: int, vend: int) -> EntityMention | None:
    """The actor that is the subject of the attribution verb at [vstart, vend)."""
    s = _subject_token(ctx, vstart, vend)
    if s is not None:
        words = _described_words(s)  # "the strategist, who works for his party's leader": not the leader
        left = min(ctx.doc[i].idx for i in words)
        right = max(ctx.doc[i].idx + len(ctx.doc[i].text) for i in words)
        joint = _joint_speakers(ctx, s)
        if joint is not None:
            return _common_state(joint, s)  # "X and Y said in a joint statement": no one of them
        # the name the subject's head word belongs to ("Paine Webber analyst Stephen Smith"),
        # else the best actor anywhere in the subject
        own = ctx.entity_at(s.idx, s.idx + len(s.text))
        if own is not None and not own.is_place and own.entity.kind in ("person", "organization"):
            return own
        found = _best_actor(ctx, left, right, words) or own
        if found is not None and found.entity.kind == "country" and _buried(ctx, found, s):
            return None  # "a dealer for a German bank said": Germany is no speaker
        if found is not None and found.entity.kind == "country" and _demonym_person(ctx, found, s):
            # "said the American": a person of that state, the one named last before
            person = _person_before(ctx, left)
            ok = person is not None and person.entity.country in (None, found.entity.country)
            return person if ok else None
        if (
            found is not None
            and found.entity.kind == "organization"
            and s.lemma_.casefold() not in lexicon().representatives
            and _buried(ctx, found, s)
        ):
            return None  # "a trader at Lloyds said": he speaks for himself, not for the bank
        return _office_holder(ctx, found, left, right)
    return None


def _joint_speakers(ctx: DocContext, subj: Token) -> list[EntityMention] | None:
    """The actors of a subject that joins two or more ("Acme and Zenith said", "Japan and China
    said in a joint statement"), or None for a subject of one; empty when one of them is a name
    the linker did not know (then they share no state that can be told)."""
    heads = [subj]
    for h in heads:  # the subject's own conjuncts, not those inside its modifiers ("for Gaza and ...")
        heads += [c for c in h.children if c.dep_ == "conj"]
    if len(heads) < 2:
        return None
    found: list[EntityMention] = []
    names = 0
    for h in heads:
        m = ctx.entity_at(h.idx, h.idx + len(h.text))
        if m is None and h.pos_ == "PROPN":
            names += 1  # a name the linker did not know is a party all the same
            continue
        if m is None or m.is_place or m.entity.kind not in ("person", "organization", "country"):
            return None  # "Smith and his aides": one named speaker and others
        if all(x.key != m.key for x in found):
            found.append(m)
    if len(found) + names < 2:
        return None
    return found if not names else []


def _is_joint(ctx: DocContext, vstart: int, vend: int) -> bool:
    """Is the attribution verb's subject two or more actors? Then no one actor in it is the speaker."""
    s = _subject_token(ctx, vstart, vend)
    return s is not None and _joint_speakers(ctx, s) is not None


def _common_state(joint: list[EntityMention], subj: Token) -> EntityMention | None:
    """The one state every joint speaker is of, as the speaker; none when they are of several."""
    states = {m.entity.country for m in joint}
    if not joint or len(states) != 1 or None in states:
        return None
    iso = next(iter(states))
    if not re.fullmatch(r"[A-Z]{3}", iso or "") or iso in ("IGO", "NGO"):
        return None
    first = joint[0]
    ent = Entity(id=f"c:{iso}", name=iso, kind="country", country=iso, sector="GOV")
    return EntityMention(key=ent.id, start=first.start, end=joint[-1].end, text=subj.text, entity=ent)


def _demonym_person(ctx: DocContext, m: EntityMention, head: Token) -> bool:
    """Is the subject a state's demonym used as a noun for one person ("said the American", "the
    Briton said"): the subject's own word, with a determiner, not the state's name?"""
    return (
        m.start <= head.idx < m.end
        and any(c.dep_ == "det" for c in head.children)
        and m.text.casefold().strip() in _demonyms()
    )


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """States' adjectives that also name one of their people ("American", "Briton")."""
    names = {w.casefold() for c in load("countries").values() for w in [c["name"], *c.get("aliases", [])]}
    adjs = {w.casefold() for c in load("countries").values() for w in c.get("adj", [])}
    return frozenset(adjs - names)


def _buried(ctx: DocContext, m: EntityMention, head: Token) -> bool:
    """Is a state named deeper in the subject than its own words ("German officials", "Iran's
    president"), inside a phrase of it ("a dealer for a German bank")?"""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    return tok != head and tok.head != head


def _named_subject(ctx: DocContext, vstart: int, vend: int, pos: tuple[str, ...]) -> bool:
    """Is the attribution verb's subject a word of these parts of speech, not a pronoun? A proper
    name the linker did not resolve ('Roberts said: "', 'Khan told a news channel: "') or a noun
    phrase ("a dealer for a German bank said") names the speaker itself, whose words were weighed
    already: no other actor of the sentence is the speaker, nor the last one going on."""
    subj = _subject_token(ctx, vstart, vend)
    return subj is not None and subj.pos_ in pos and subj.lower_ not in lexicon().anaphors


def _told_by_another(ctx: DocContext, sp: _Span) -> bool:
    """Does the quote's own attribution name a speaker the linker did not resolve ('Rodriguez
    said: "..."', 'The newsletter says: "..."')? Then it is not the last speaker going on."""
    lex = lexicon()
    text = ctx.article.text
    m = _after_match(text, sp)
    if m:
        g = "v1" if m.group("v1") else "v2"
        verb = (sp.close + m.start(g), sp.close + m.end(g))
    else:
        line_start = text.rfind("\n", 0, sp.start - 1) + 1
        b = lex.before.search(text[line_start : sp.start - 1])
        if not b:
            return False
        verb = (line_start + b.start("v"), line_start + b.end("v"))
    return _named_subject(ctx, *verb, ("NOUN", "PROPN"))


def _office_holder(
    ctx: DocContext, found: EntityMention | None, start: int, end: int
) -> EntityMention | None:
    """ "Iran's president said": a state or body named only as the owner of an office word
    stands for the person of that state named last before (the linker's coreference missed)."""
    if found is None or found.entity.kind not in ("country", "organization"):
        return found
    words = ctx.article.text[found.end : end].casefold().split()
    if not words or words[-1].strip(".,") not in lexicon().anaphors:
        return found
    person = _person_before(ctx, start)
    if person is not None and person.entity.country and person.entity.country == found.entity.country:
        return person
    return found


def _best_actor(ctx: DocContext, start: int, end: int, only: set[int] | None = None) -> EntityMention | None:
    """The actor named in [start, end) most likely to speak (a person before a body before a
    state); with ``only``, among the mentions on those tokens alone."""
    ms = [m for m in ctx.entities_in(start, end) if not m.is_place and (only is None or _on(ctx, m, only))]
    if not ms:
        m = ctx.entity_at(start, end)
        return m if m is not None and not m.is_place and (only is None or _on(ctx, m, only)) else None
    rank = {"person": 0, "organization": 1, "group": 2, "country": 3}
    return sorted(ms, key=lambda m: (rank.get(m.entity.kind, 4), m.start))[0]


def _on(ctx: DocContext, m: EntityMention, toks: set[int]) -> bool:
    """Does the mention lie on one of these tokens?"""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and any(t.i in toks for t in span)


def _who(ctx: DocContext, start: int, end: int, quote_start: int) -> EntityMention | None:
    """The actor named in an attribution phrase; a bare pronoun falls back to the last person."""
    m = _best_actor(ctx, start, end)
    if m is not None:
        return _office_holder(ctx, m, start, end)
    words = ctx.article.text[start:end].strip().casefold().split()
    if words and words[-1] in lexicon().anaphors and not (len(words) > 1 and words[-2] in ("a", "an")):
        return _person_before(ctx, quote_start)  # "a spokesman said" is someone new, not the last person
    return None


# ------------------------------------------------------------------------------------- extract


def extract(ctx: DocContext) -> list[Quote]:
    """Direct quotations in one article, with speaker, channel and date."""
    lex = lexicon()
    text = ctx.article.text
    out: list[Quote] = []
    last: tuple[Quote, _Span] | None = None
    for sp in quote_spans(text):
        words = " ".join(text[a:b] for a, b in sp.parts)
        words = re.sub(r"\s+", " ", words).strip().rstrip(",;:—– ")
        if len(words.split()) < lex.min_words or _is_title(words):
            continue
        speaker, attr = _attribute(ctx, sp)
        if speaker is not None and _named_inside(ctx, speaker, sp):
            continue  # '..., he said, "Shultz will not wage a campaign"': the speaker is not Shultz
        # does the quote go on from the last one? (asked only of a quote with no speaker of its own)
        going_on = (
            speaker is None
            and last is not None
            and _continues(ctx, last[1], sp)
            and not _told_by_another(ctx, sp)
        )
        if speaker is None and not going_on:
            speaker, attr = _reported_before(ctx, sp)
        if speaker is None:
            if going_on:
                # '"First part," he said. "Second part."': the same speaker goes on
                prev, _ = last
                if "\n" not in text[last[1].close : sp.start - 1]:
                    prev.text = f"{prev.text} {words}"
                else:
                    out.append(_same_speaker(ctx, prev, sp, words))
                last = (out[-1], sp)
            continue
        channel = _channel(ctx, sp, attr)
        out.append(
            Quote(
                id=stable_id("q", ctx.article.id, sp.start, words[:80]),
                speaker=speaker_entity(ctx, speaker),
                text=words,
                channel=channel,
                date=_date(ctx, attr) or ctx.dct,
                mentions=[ctx.mention(sp.start, sp.end)],
                confidence=0.8 if speaker.entity.kind == "person" else 0.65,
            )
        )
        last = (out[-1], sp)
    return out


def _named_inside(ctx: DocContext, speaker: EntityMention, sp: _Span) -> bool:
    """Does the quotation name its own speaker, a person, by name? A speaker who names X in the
    third person is not X: the attribution went to the wrong person."""
    if speaker.entity.kind != "person":
        return False
    for a, b in sp.parts:
        for m in ctx.entities_in(a, b):
            if m.key == speaker.key and m.text[:1].isupper() and m.text.casefold() not in lexicon().anaphors:
                return True
    return False


def _is_title(words: str) -> bool:
    """Quoted words that are a name or a title, not speech: short, no sentence punctuation, every
    word capitalised but a title's small words ('"Office in a Pocket" devices')."""
    ws = words.split()
    if len(ws) > 8 or re.search(r"[.!?,;:]", words):
        return False
    small = lexicon().title_small
    return (
        all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in small for w in ws) and ws[0][:1].isupper()
    )


def _continues(ctx: DocContext, prev: _Span, sp: _Span) -> bool:
    """Is ``sp`` the same speaker going on: close after the last quote (its attribution clause
    or one paragraph break between), with nobody else named in between?"""
    gap = ctx.article.text[prev.close : sp.start - 1]  # up to the opening mark
    if len(gap) > 160 or gap.count("\n") > 2:
        return False
    return not any(m.entity.kind == "person" for m in ctx.entities_in(prev.close, sp.start)) or bool(
        re.fullmatch(r"[^.!?]*\b(?:said|added|says|adds)\b[^.!?]*\.\s*", gap)
    )


def _same_speaker(ctx: DocContext, prev: Quote, sp: _Span, words: str) -> Quote:
    return Quote(
        id=stable_id("q", ctx.article.id, sp.start, words[:80]),
        speaker=_copy(prev.speaker) if prev.speaker else None,
        text=words,
        channel=prev.channel,
        date=prev.date,
        mentions=[ctx.mention(sp.start, sp.end)],
        confidence=round(prev.confidence - 0.1, 2),
    )


def _copy(e: Entity) -> Entity:
    return Entity(id=e.id, name=e.name, kind=e.kind, country=e.country, sector=e.sector, office=e.office)


# ------------------------------------------------------------------------------------- speaker's state

# Dependents of a name that describe its bearer: a title before it ("ITT Corp Chairman X"), an
# apposition after it ("X, a broker with Acme in Miami") and an affiliation ("X of Acme", quotes.yaml
# ``affiliation_preps``). Clauses inside the apposition ("who met
# the French minister") tell what the bearer did, not who he is, and are left out.
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp"})


def speaker_entity(ctx: DocContext, m: EntityMention) -> Entity:
    """The speaker as recorded, with the state its own words give when the linker gave none or only
    the story's context: the body in its title or apposition ("an executive at Acme", Acme's
    state), a place there ("a broker in Miami") or a nationality ("a Japanese trader"); for a
    company, the state in its name or its wire ticker. Never the nearest country word."""
    e = _copy(m.entity)
    if e.kind not in ("person", "organization") or m.is_place:
        return e
    actor = ctx.actors.get(m.key)
    weak = actor is not None and actor.country_source == "context"
    if e.country and not weak:
        return e
    iso = _described_state(ctx, m, places=not e.country)  # a post's place never outvotes a reading
    if iso is None and e.kind == "organization" and not e.country:
        iso = company_state(ctx, e)
    if iso:
        e.country = iso
    return e


def _described_state(ctx: DocContext, speaker: EntityMention, places: bool = True) -> str | None:
    """The state told by the words that describe the speaker wherever the story names him: the
    nearest body with a state or nationality in his title or apposition, else (with ``places``)
    the nearest place there, which tells where his post is ("a broker in Miami"), weaker evidence
    than whose he is ("the French envoy in Washington")."""
    for m in ctx.entities:
        if m.key != speaker.key:
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        name = span.root
        region: set[int] = set()
        for c in name.children:
            if c.dep_ in _TITLE_DEPS and c.i < span.start:
                region |= {t.i for t in c.subtree}
            elif c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in lexicon().affiliation_preps):
                region |= _described_words(c)  # "X, a broker with Acme", "X of Acme", "X at Acme"
        if not region:
            continue
        toks = [ctx.doc[i] for i in region]
        hits = []
        for x in ctx.entities_in(min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)):
            xs = ctx.doc.char_span(x.start, x.end, alignment_mode="expand")
            iso = _state_of(ctx, x) if x.key != speaker.key and xs is not None else None
            if iso and any(t.i in region for t in xs) and (places or not x.is_place):
                hits.append((int(x.is_place), abs(xs.root.i - name.i), iso))
        if hits:
            return min(hits)[2]
    return None


def _described_words(appos: Token) -> set[int]:
    """The words of a noun phrase (a subject, an apposition), without the clauses inside it."""
    out: set[int] = set()
    todo = [appos]
    while todo:
        t = todo.pop()
        out.add(t.i)
        todo += [c for c in t.children if c.dep_ not in _CLAUSE_DEPS]
    return out


def _state_of(ctx: DocContext, x: EntityMention) -> str | None:
    """The state a mention in a speaker's description stands for: a body's (its own, the one its
    name carries, its ticker's), a place's, a nationality's."""
    e = x.entity
    if x.is_place or e.kind == "country":
        return e.country
    if e.kind == "organization":
        return e.country or company_state(ctx, e)
    return None


def _attribute(ctx: DocContext, sp: _Span) -> tuple[EntityMention | None, tuple[int, int]]:
    """Speaker of a quote, and the attribution's offsets (for channel and date)."""
    lex = lexicon()
    text = ctx.article.text
    # after: '..." he said' / '..." said Anwar'
    tail = text[sp.close : sp.close + 160]
    m = _after_match(text, sp)
    if m and _opens_next(tail, m.end()):
        m = None  # '"...?" On immigration, a teacher said: "..."': the next quote's attribution
    if m:
        if m.group("who1"):
            ws, we, vs, ve = m.start("who1"), m.end("who1"), m.start("v1"), m.end("v1")
        else:
            ws, we, vs, ve = m.start("who2"), m.end("who2"), m.start("v2"), m.end("v2")
        base = sp.close
        who = _subject_entity(ctx, base + vs, base + ve)
        if (
            who is None
            and not _named_subject(ctx, base + vs, base + ve, ("NOUN",))
            and not _is_joint(ctx, base + vs, base + ve)
        ):
            who = _who(ctx, base + ws, base + we, sp.start)
        if who is not None:
            return who, (base, base + _clause_end(tail))
    # before: 'X said: "...' / '..., saying, "...'
    line_start = text.rfind("\n", 0, sp.start - 1) + 1
    head = text[line_start : sp.start - 1]
    sent_start = max((head.rfind(p) for p in (". ", "? ", "! ")), default=-1) + 1
    head_off = line_start + sent_start
    m = lex.before.search(text[head_off : sp.start - 1])
    if m:
        vs, ve = head_off + m.start("v"), head_off + m.end("v")
        who = _subject_entity(ctx, vs, ve)
        if who is None and not _named_subject(ctx, vs, ve, ("PROPN", "NOUN")) and not _is_joint(ctx, vs, ve):
            who = _who(
                ctx, head_off, vs, sp.start
            )  # "The strategist said": someone unnamed, not "his" leader
        if who is not None:
            return who, (head_off, sp.start)
    return None, (sp.start, sp.end)


def _after_match(text: str, sp: _Span) -> re.Match[str] | None:
    """The attribution right after a quote ('," he said', '?" asked Smith'), if there is one.
    Words after a paragraph break, or a sentence of its own after a quote closed by a full stop
    ('...in October." Smith vowed to press on'), tell the next thing, not who spoke."""
    tail = text[sp.close : sp.close + 160]
    m = lexicon().after.match(tail)
    if m is None:
        return None
    lead_end = m.start("who1") if m.group("who1") else m.start("v2")
    if "\n" in tail[:lead_end]:
        return None
    closed_by_stop = text[sp.start : sp.end].rstrip("'’‘ ").endswith(".")
    return None if closed_by_stop and tail[lead_end : lead_end + 1].isupper() else m


def _reported_before(ctx: DocContext, sp: _Span) -> tuple[EntityMention | None, tuple[int, int]]:
    """A quote with no attribution of its own, right after a sentence of the same paragraph that
    reports a person's words ('Smith said growth would slow. "We expect a hard year."'): that
    person said it. Only a person: a body's report before a quote is often another's reaction."""
    text = ctx.article.text
    end = len(text[: sp.start - 1].rstrip())
    if end <= 0 or text[end - 1] not in ".!?":
        return None, (sp.start, sp.end)
    sent = ctx.sentence_of(end - 1)
    s0, s1 = sent.start_char, min(sent.end_char, end)
    if "\n" in text[s0 : sp.start - 1] or any(c in _QMARKS for c in text[s0:s1]):
        return None, (sp.start, sp.end)
    for m in lexicon().verbs.finditer(text, s0, s1):
        who = _subject_entity(ctx, m.start(), m.end())
        if who is not None and who.entity.kind == "person":
            return who, (s0, s1)
    return None, (sp.start, sp.end)


def _opens_next(tail: str, verb_end: int) -> bool:
    """Does the attribution verb found after a quote end in a colon or an opening mark ('said:
    "', 'said "')? Then it introduces the next quote, not the one before."""
    return bool(re.match(r"\s*(?::|[“\"])", tail[verb_end:]))


def _clause_end(tail: str) -> int:
    m = re.search(r"[.;!?](\s|$)|[“\"]", tail)
    return m.start() if m else len(tail)


def _channel(ctx: DocContext, sp: _Span, attr: tuple[int, int]) -> str | None:
    text = ctx.article.text
    where = [text[attr[0] : attr[1]]]
    sent = ctx.sentence_of(attr[0])
    where.append(text[sent.start_char : sp.start])
    outlet = lexicon().outlet.search(where[0])
    if outlet:
        return " ".join(outlet.group(1).split())  # the outlet is the most specific channel
    for w in where:
        for name, rx in lexicon().channels:
            if rx.search(w):
                return name
    return None


def _date(ctx: DocContext, attr: tuple[int, int]) -> str | None:
    """A day stated in the attribution ("tweeted on Aug. 23, 2024")."""
    for t in ctx.timexes_in(attr[0], attr[1]):
        d = timex_date(t.value) if t.type == "DATE" else None
        if d and len(d) == 10:
            return d
    return None
