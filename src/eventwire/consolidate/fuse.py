"""Fusion: one record per real event, deal or figure, with every report as a mention.

Articles report the same thing in different words and at different precisions ("on Wednesday",
"from Jan. 6 to 8"; "building three corvettes", "signed an MoU for three corvettes in June").
Fusion rewrites article-local actor keys to global ids, then groups compatible readings:

- records are first *blocked* by a cheap key (event type family + countries + year; deal item
  family; figure unit + kind + metric), so the work grows with block size, not corpus size;
- inside a block, readings are taken in a fixed order (most precise date first, then article id,
  then offset) and each joins the first cluster it is compatible with, so the result does not
  depend on the order extractions arrive in (a resumed ingest equals a clean one);
- a cluster becomes one record: the best-supported value of each field, every mention, the
  number of independent sources (distinct non-duplicate articles, distinct publishers where
  known), a confidence that grows with them, and the disagreements in ``conflicts``.

Ids derive from the cluster's content (its earliest mention), never from input order.
"""

from __future__ import annotations

import copy
import math
import unicodedata
from calendar import monthrange
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from functools import lru_cache
from typing import Any

from ..model import ActorRecord, ArticleExtraction, Deal, Entity, Event, Figure, Mention, Quote, stable_id

# Event types that report one underlying happening in different words (an agreement is AGREE to one
# coder, COOPERATE or SUPPORT to another; a meeting is CONSULT).
FAMILY = {"AGREE": "agree", "SUPPORT": "agree", "COOPERATE": "agree", "CONSULT": "consult"}
SYMMETRIC = {"agree", "consult"}
# Deal status by how far along the deal's life it is (cancelled overrides everything).
LIFECYCLE = ("cancelled", "delivered", "contract", "agreement", "mou", "planned")
CONFIDENCE_CAP = 0.99


@dataclass
class Fused:
    events: list[Event] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


# ---------------------------------------------------------------------------------------- helpers


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def date_range(d: str | None, end: str | None = None) -> tuple[Date, Date] | None:
    """An ISO date at any precision (or a range) as its first and last day."""
    if not d:
        return None
    parts = str(d)[:10].split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            lo, hi = Date(y, 1, 1), Date(y, 12, 31)
        elif len(parts) == 2:
            m = int(parts[1])
            lo, hi = Date(y, m, 1), Date(y, m, monthrange(y, m)[1])
        else:
            lo = hi = Date(y, int(parts[1]), int(parts[2]))
    except (ValueError, IndexError):
        return None
    if end:
        e = date_range(end)
        if e and e[1] >= lo:
            hi = max(hi, e[1])
    return lo, hi


def _overlap(a: tuple[Date, Date] | None, b: tuple[Date, Date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def _width(r: tuple[Date, Date] | None) -> int:
    return (r[1] - r[0]).days if r else 10**6


def _independent(mentions: Iterable[Mention], articles: dict[str, dict[str, Any]]) -> int:
    """Independent sources: distinct articles, counting one per publisher where it is known."""
    seen: set[str] = set()
    for m in mentions:
        meta = articles.get(m.article_id) or {}
        root = meta.get("duplicate_of") or m.article_id
        pub = _norm(meta.get("publisher"))
        seen.add(f"pub:{pub}" if pub else f"art:{root}")
    return max(1, len(seen))


def corroborated(base: float, sources: int) -> float:
    """Confidence raised by each further independent source, capped below certainty."""
    base = min(max(base, 0.0), CONFIDENCE_CAP)
    return round(min(CONFIDENCE_CAP, 1 - (1 - base) * 0.6 ** max(0, sources - 1)), 3)


def _mention_key(m: Mention) -> tuple[str, int, int]:
    return (m.article_id, m.start, m.end)


def _mentions(records: Iterable[Any]) -> list[Mention]:
    out: dict[tuple[str, int, int], Mention] = {}
    for r in records:
        for m in r.mentions:
            out.setdefault(_mention_key(m), m)
    return [out[k] for k in sorted(out)]


def _best(values: list[tuple[Any, str]], rank: Callable[[Any], Any] | None = None) -> tuple[Any, list[dict]]:
    """The best-supported value (most articles; then ``rank``; then smallest repr) and, when reports
    disagree, each value with the articles that gave it."""
    support: dict[str, tuple[Any, set[str]]] = {}
    for v, aid in values:
        if v is None:
            continue
        k = repr(v)
        support.setdefault(k, (v, set()))[1].add(aid)
    if not support:
        return None, []
    ordered = sorted(support.values(), key=lambda t: (-len(t[1]), rank(t[0]) if rank else 0, repr(t[0])))
    conflicts = []
    if len(ordered) > 1:
        conflicts = [{"value": _plain(v), "sources": sorted(a)} for v, a in ordered]
    return ordered[0][0], conflicts


def _plain(v: Any) -> Any:
    return v.to_dict() if hasattr(v, "to_dict") else v


# ---------------------------------------------------------------------------------------- actors


# What a rekeyer reads of a resolved actor (and of each of its roles, through ``office_on``).
# Incremental consolidation re-files an article's records only when this view of one of its
# actors changes; tests/test_consolidate_view.py checks that the rekeyer reads nothing else.
REKEY_FIELDS = ("name", "country", "sector", "code", "roles")
REKEY_ROLE_FIELDS = ("title", "start", "end", "reported")


def rekey_view(rec: ActorRecord) -> dict[str, Any]:
    """The part of an actor that can change a record it takes part in: its name, state, sector,
    code and offices with their dates; not its aliases, evidence or counts."""
    out: dict[str, Any] = {k: getattr(rec, k) for k in REKEY_FIELDS if k != "roles"}
    out["roles"] = [{k: getattr(r, k) for k in REKEY_ROLE_FIELDS} for r in rec.roles]
    return out


class _Rekeyer:
    """Local entity keys to global ids, with the office a person held on the record's date.

    Reads only :data:`REKEY_FIELDS` of an actor (see :func:`rekey_view`)."""

    def __init__(self, key_map: dict[tuple[str, str], str], actors: list[ActorRecord]):
        self.key_map = key_map
        self.actors = {a.id: a for a in actors}
        try:
            from .actors import office_on
        except ImportError:
            office_on = None
        self.office_on = office_on

    def __call__(self, ent: Entity | None, article_id: str, when: str | None) -> Entity | None:
        if ent is None:
            return None
        e = copy.copy(ent)
        e.id = self.key_map.get((article_id, ent.id), ent.id)
        rec = self.actors.get(e.id)
        if rec is not None:
            e.name = rec.name or e.name
            # a person is one actor with one state across the corpus: the resolved one
            e.country = (rec.country or e.country) if e.kind == "person" else (e.country or rec.country)
            e.sector = e.sector or rec.sector
            e.code = rec.code or e.code
            if self.office_on is not None and e.kind == "person":
                try:
                    office = self.office_on(rec, when)
                except Exception:  # noqa: BLE001 - an office is a nicety; never lose the record
                    office = None
                if office:
                    e.office = office if isinstance(office, str) else getattr(office, "title", str(office))
        return e

    def many(self, ents: list[Entity], article_id: str, when: str | None) -> list[Entity]:
        out: dict[str, Entity] = {}
        for e in ents:
            r = self(e, article_id, when)
            if r is not None:
                out.setdefault(r.id, r)
        return list(out.values())


def _cluster(
    items: list[_Item],
    compatible: Callable[[_Item, _Item], bool],
    keys: Callable[[_Item], tuple[list[Any], list[Any]]],
    copy_of: Callable[[_Item, _Item], bool] | None = None,
) -> list[list[_Item]]:
    """Greedy clustering in a fixed order; each reading is compared only with clusters sharing a
    key (a month it covers, an amount bucket), so a block of thousands stays near-linear.

    A reading joins a cluster when it is compatible with every member, or when it is a verbatim
    copy (``copy_of``) of one member: a re-sent story repeats one sentence, not the whole cluster."""
    clusters: list[list[_Item]] = []
    index: dict[Any, list[int]] = defaultdict(list)
    for it in sorted(items, key=lambda i: i.order):
        put, look = keys(it)
        target = None
        for ci in sorted({ci for k in look for ci in index.get(k, ())}):
            members = clusters[ci]
            if all(compatible(it, o) for o in members) or (copy_of and any(copy_of(it, o) for o in members)):
                clusters[ci].append(it)
                target = ci
                break
        if target is None:
            clusters.append([it])
            target = len(clusters) - 1
        for k in put:
            if target not in index[k]:
                index[k].append(target)
    return clusters


def _month_keys(it: _Item) -> tuple[list[Any], list[Any]]:
    """Months a narrow reading covers; wide (year-level) readings key on their date; undated on none.
    A reading dated by a phase cue also looks at the months its other phases may lie in."""
    if it.rng is None:
        k = ("none", _norm(getattr(it.rec, "trigger", None)))
        return [k], [k]
    if _width(it.rng) > 31:
        k = ("wide", it.rec.date)
        return [k], [k]
    lo, hi = it.rng
    ks = [(lo.year, lo.month)]
    if (hi.year, hi.month) != ks[0]:
        ks.append((hi.year, hi.month))
    if lo == hi:
        # a day at the edge of its month also keys on the month next to it, where a story filed a
        # day apart may date the same act (``_retold_apart``)
        reach = _retold_days()
        for near in (lo - timedelta(days=reach), lo + timedelta(days=reach)):
            if (near.year, near.month) not in ks:
                ks.append((near.year, near.month))
    if it.phase:
        # put and look alike, so the result does not depend on which phase is read first
        months = _phase_lexicon()[1] // 30 + 1
        base = lo.year * 12 + lo.month - 1
        for d in range(-months, months + 1):
            y, m = divmod(base + d, 12)
            if (y, m + 1) not in ks:
                ks.append((y, m + 1))
    return ks, ks


# ---------------------------------------------------------------------------------------- events


def _countries(ents: list[Entity]) -> frozenset[str]:
    # an international body is its own party (IGOUNO is not IGOEUREEC), not the family code IGO
    return frozenset(e.code or e.country for e in ents if e.country)


def _people(ev: Event) -> frozenset[str]:
    return frozenset(e.id for e in ev.actor + ev.recipient if e.kind == "person")


def _family(ev: Event) -> str:
    """The kind of happening a reading is fused within: AGREE, COOPERATE and the agreement codes of
    SUPPORT are one (fusion.yaml agreement_support_codes); other SUPPORT acts are their own."""
    if ev.event == "SUPPORT" and ev.cameo and ev.cameo not in _agreement_support_codes():
        return "support"
    return FAMILY.get(ev.event, ev.event)


@lru_cache(maxsize=1)
def _agreement_support_codes() -> frozenset[str]:
    from ..lexicon import load

    return frozenset(str(c) for c in load("fusion")["agreement_support_codes"])


def _dyad(ev: Event) -> tuple:
    fam = _family(ev)
    if fam in SYMMETRIC:
        return (tuple(sorted(_countries(ev.actor) | _countries(ev.recipient))),)
    return (tuple(sorted(_countries(ev.actor))), tuple(sorted(_countries(ev.recipient))))


@lru_cache(maxsize=4096)
def _country_level(name: str) -> str | None:
    """ISO code when a place name is a whole country ("Türkiye"), else None."""
    try:
        import pycountry

        return pycountry.countries.lookup(name).alpha_3
    except (LookupError, ImportError):
        return None


def _places_compatible(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return True
    if _norm(a.name) == _norm(b.name):
        return True
    ca, cb = _country_level(a.name), _country_level(b.name)
    if ca and (ca == (b.country or _country_level(b.name))):
        return True
    if cb and (cb == (a.country or _country_level(a.name))):
        return True
    return False


@dataclass(slots=True)
class _Item:
    """One reading with what fusion compares, computed once."""

    rec: Any
    article_id: str
    rng: tuple[Date, Date] | None
    order: tuple
    phase: str | None = None  # the phase of the event its date belongs to ("announced", "in force")


@lru_cache(maxsize=1)
def _phase_lexicon() -> tuple[list[tuple[str, Any]], int, int, int]:
    import re

    from ..lexicon import load

    raw = load("fusion")
    out = []
    for name, words in raw["phases"].items():
        alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)))
    return out, int(raw["max_phase_days"]), int(raw["max_cue_distance"]), int(raw["max_elaboration_gap"])


@lru_cache(maxsize=1)
def _host_codes() -> frozenset[str]:
    """CAMEO codes of a host's reading of a visit (fusion.yaml host_codes)."""
    from ..lexicon import load

    return frozenset(str(c) for c in load("fusion")["host_codes"])


def phase_of(ev: Event) -> str | None:
    """The phase of its event a reading's date belongs to: the phase cue nearest the words that
    dated it ("the tariffs take effect on April 17" -> "in force"), or None when no cue is near."""
    if not ev.mentions or not ev.date_source or ev.date_source in ("article", "inferred"):
        return None
    sent = ev.mentions[0].sentence or ""
    at = sent.find(ev.date_source)
    if at < 0:
        return None
    cues, _, reach, _ = _phase_lexicon()
    best: tuple[int, str] | None = None
    for name, rx in cues:
        for m in rx.finditer(sent):
            dist = at - m.end() if m.end() <= at else m.start() - (at + len(ev.date_source))
            if 0 <= dist <= reach and (best is None or dist < best[0]):
                best = (dist, name)
    return best[1] if best else None


def _phase_rank(phase: str | None) -> int | None:
    names = [n for n, _ in _phase_lexicon()[0]]
    return names.index(phase) if phase in names else None


def _named(ev: Event, side: str) -> frozenset[str]:
    """The people and bodies (not states) a reading names on one side; both sides of a meeting."""
    ents = ev.actor + ev.recipient if _family(ev) in SYMMETRIC else getattr(ev, side)
    return frozenset(e.id for e in ents if e.kind != "country")


def _named_apart(a: Event, b: Event) -> bool:
    """Do two readings name wholly different people or bodies on a side? Then they report two
    events, however well their states and dates agree."""
    if _family(a) in SYMMETRIC:
        # a meeting of A and B is not one of A and C; one naming fewer of the same agrees
        na, nb = _named(a, "actor"), _named(b, "actor")
        return bool(na and nb and not (na <= nb or nb <= na))
    for side in ("actor", "recipient"):
        na, nb = _named(a, side), _named(b, side)
        if na and nb and not (na & nb):
            return True
    return False


def _phases_apart(x: _Item, y: _Item) -> bool:
    """Two day- or month-dated readings on different dates are two phases of one event when a
    phase cue dates at least one of them, the phases differ, they come in their order (an
    announcement before its entry into force) and lie close enough, and the readings are about
    the same thing: two states (or the same named actors) and the same words."""
    if x.rng is None or y.rng is None or _width(x.rng) > 31 or _width(y.rng) > 31:
        return False
    if not (x.phase or y.phase) or x.phase == y.phase:
        return False
    a, b = x.rec, y.rec
    states = _countries(a.actor) | _countries(a.recipient)
    if len(states) < 2 and not (_named(a, "actor") & _named(b, "actor")):
        return False
    if not _similar_text(a, b):
        return False
    first, last = (x, y) if x.rng[0] <= y.rng[0] else (y, x)
    if (last.rng[0] - first.rng[1]).days > _phase_lexicon()[1]:
        return False
    r1, r2 = _phase_rank(first.phase), _phase_rank(last.phase)
    return r1 is None or r2 is None or r1 < r2


def _similar_text(a: Event, b: Event) -> bool:
    return _same_trigger(a, b) or _told_alike(a, b)


def _same_trigger(a: Event, b: Event) -> bool:
    return bool(a.trigger and b.trigger and _norm(a.trigger) == _norm(b.trigger))


def _told_alike(a: Event, b: Event) -> bool:
    """Evidence sentences that share most of their words (a story and its follow-up)."""
    from rapidfuzz import fuzz

    sa = " ".join(m.sentence for m in a.mentions[:1])
    sb = " ".join(m.sentence for m in b.mentions[:1])
    return fuzz.token_set_ratio(sa, sb) >= 70


@lru_cache(maxsize=1)
def _retold_days() -> int:
    """fusion.yaml max_retold_days."""
    from ..lexicon import load

    return int(load("fusion")["max_retold_days"])


def _story_dated(ev: Event) -> bool:
    """Is a reading dated relative to its story (its own day, "yesterday", "on Tuesday") rather
    than by words that name the day ("March 3")? A named day carries its number. A reading that
    does not say how it was dated gives no ground to think so."""
    src = ev.date_source
    return bool(src) and (src in ("article", "inferred") or not any(ch.isdigit() for ch in src))


def _retold_apart(x: _Item, y: _Item) -> bool:
    """Two stories' day-dated readings a day apart are one act told twice when at least one is
    dated relative to its story (a story filed the day after resolves "on Tuesday", or its own
    day, otherwise) and both tell it alike: in close words, or by the same trigger with a person
    named in both (a body or a state acts every day; a named person doing the same is rarer). Their dates are kept as a conflict (``_date_conflicts``)."""
    if x.article_id == y.article_id or x.rng is None or y.rng is None or _width(x.rng) or _width(y.rng):
        return False
    a, b = x.rec, y.rec
    if _days_apart(x, y) > _retold_days() or not (_story_dated(a) or _story_dated(b)):
        return False
    if _told_alike(a, b):
        return True
    return _same_trigger(a, b) and bool(_people(a) & _people(b))


def _same_sentence(a: Event, b: Event, strict: bool = False) -> bool:
    """The same evidence sentence (a re-sent or corrected story). ``strict``: long and all but
    identical, as it must be to join readings whose dates differ."""
    from rapidfuzz import fuzz

    if strict:
        return any(
            len(m.sentence) >= 60 and fuzz.ratio(m.sentence, n.sentence) >= 97
            for m in a.mentions[:3]
            for n in b.mentions[:3]
        )
    return any(fuzz.ratio(m.sentence, n.sentence) >= 90 for m in a.mentions[:3] for n in b.mentions[:3])


def _event_copy(x: _Item, y: _Item) -> bool:
    """The same reading from a re-sent story: same type, parties and date, same sentence."""
    a, b = x.rec, y.rec
    return (
        x.article_id != y.article_id
        and a.event == b.event
        and a.negated == b.negated
        and _places_compatible(a.event_loc, b.event_loc)
        and (
            (a.date == b.date and _same_sentence(a, b) and not _named_apart(a, b))
            # all but identical long sentences dated otherwise (a re-sent story's "Tuesday" read
            # against another day) or naming other actors: one event, with the conflict kept
            or (_days_apart(x, y) <= 7 and _same_sentence(a, b, strict=True))
        )
    )


def _days_apart(x: _Item, y: _Item) -> int:
    if x.rng is None or y.rng is None or _width(x.rng) > 31 or _width(y.rng) > 31:
        return 10**6
    return max(0, (y.rng[0] - x.rng[1]).days, (x.rng[0] - y.rng[1]).days)


def _events_compatible(x: _Item, y: _Item) -> bool:
    a, b = x.rec, y.rec
    if _family(a) != _family(b) or _dyad(a) != _dyad(b):
        return False
    if not any(_dyad(a)):
        # no countries: only the very same named actors (companies, people) make it the same event
        ids_a = {e.id for e in a.actor + a.recipient}
        if not ids_a or ids_a != {e.id for e in b.actor + b.recipient}:
            return False
    if a.negated != b.negated:
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if (a.mode == "visit") != (b.mode == "visit"):
        return False  # a visit is its own event; the meetings held during it are others
    pa, pb = _people(a), _people(b)
    if pa and pb and not (pa <= pb or pb <= pa):
        return False
    if _named_apart(a, b):
        return False  # a court refusing and a central banker rejecting: two events of one state
    if not _places_compatible(a.event_loc, b.event_loc):
        return False
    if x.rng is None or y.rng is None:
        # undated readings merge inside one article (the same meeting told twice), or across
        # stories only when the evidence is the same sentence (a re-sent or corrected story)
        if not (x.rng is None and y.rng is None):
            return False
        return _similar_text(a, b) if x.article_id == y.article_id else _same_sentence(a, b)
    if not _overlap(x.rng, y.rng):
        # announced on one day, in force on another; or told by a story filed a day later
        return _phases_apart(x, y) or _retold_apart(x, y)
    if _width(x.rng) > 31 or _width(y.rng) > 31:
        # year-level readings overlap too easily: the same period and, inside one story, the same
        # words; across stories only the same sentence (the same trigger is no identity)
        if a.date != b.date:
            return False
        return _similar_text(a, b) if x.article_id == y.article_id else _same_sentence(a, b)
    return True


def _event_block(it: _Item) -> tuple:
    """Family, dyad and year; without a state on either side, also the named actors, which such
    readings must share exactly to fuse (``_events_compatible``, ``_event_copy``), so the block
    of every stateless event of a year is cut into one per set of actors."""
    ev, dyad = it.rec, _dyad(it.rec)
    who = () if any(dyad) else tuple(sorted({e.id for e in ev.actor + ev.recipient}))
    return (_family(ev), dyad, it.rng[0].year if it.rng else None, who)


def _events_in_block(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Event]:
    clusters = _cluster(items, _events_compatible, _month_keys, _event_copy)
    return [_merge_events(cl, articles) for cl in clusters]


def _fuse_events(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Event]:
    blocks: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        blocks[_event_block(it)].append(it)
    out: list[Event] = []
    for key in sorted(blocks, key=repr):
        out.extend(_events_in_block(blocks[key], articles))
    return sorted(out, key=lambda e: (e.date or "", e.id))


def _merge_events(cl: list[_Item], articles: dict[str, dict[str, Any]]) -> Event:
    host = _host_codes()
    best = min(cl, key=lambda i: (_width(i.rng), i.rec.cameo in host, -i.rec.confidence, i.order))
    ev = copy.copy(best.rec)
    dating = _dating(cl, best)
    for k in ("date", "enddate", "date_precision", "date_source"):
        setattr(ev, k, getattr(dating.rec, k))
    evs = [i.rec for i in cl]
    votes = Counter(e.event for e in evs)
    ev.event = sorted(votes, key=lambda t: (-votes[t], t != best.rec.event, t))[0]
    modes = Counter(e.mode for e in evs if e.mode)
    ev.mode = sorted(modes, key=lambda m: (-modes[m], m))[0] if modes else None
    ev.context = sorted({c for e in evs for c in e.context})
    sides = [_oriented(best.rec, e) for e in evs]
    ev.actor = _union_entities([best.rec.actor] + [a for a, _ in sides])
    ev.recipient = _union_entities([best.rec.recipient] + [r for _, r in sides])
    if _family(ev) in SYMMETRIC:
        act = {e.id for e in ev.actor}
        ev.recipient = [e for e in ev.recipient if e.id not in act]
    locs = [e.event_loc for e in evs if e.event_loc is not None]
    if locs:
        ev.event_loc = sorted(
            locs, key=lambda p: (_country_level(p.name) is not None, p.lat is None, _norm(p.name))
        )[0]
    ev.mentions = _mentions(evs)
    ev.sources = _independent(ev.mentions, articles)
    ev.confidence = corroborated(max(e.confidence for e in evs), ev.sources)
    ev.conflicts = _date_conflicts(cl) + _party_conflicts(cl, "actor") + _party_conflicts(cl, "recipient")
    first = ev.mentions[0]
    ev.id = stable_id(
        "e", _family(ev), first.article_id, first.start, ev.trigger_start, _dyad(ev), sorted(_people(ev))
    )
    return ev


def _dating(cl: list[_Item], best: _Item) -> _Item:
    """The reading whose date a record takes when its reports date it apart: among the most
    precise, the date told by the most stories, then one named by the words ("March 3") over one
    read from the story's own day ("on Tuesday", "yesterday"), then the best reading."""
    width = _width(best.rng)
    same = [i for i in cl if _width(i.rng) == width]
    support: dict[str | None, set[str]] = defaultdict(set)
    for i in same:
        support[i.rec.date].add(i.article_id)
    return min(same, key=lambda i: (-len(support[i.rec.date]), _story_dated(i.rec), i is not best, i.order))


def _oriented(best: Event, e: Event) -> tuple[list[Entity], list[Entity]]:
    """A reading's sides as the best reading has them. A meeting is one event whichever side a
    report puts first, but "Morocco received Kushner" and "Kushner arrived in Morocco" name the
    host on opposite sides: the host stays the recipient of the visit, never joins its actors."""
    if _family(e) not in SYMMETRIC:
        return e.actor, e.recipient

    def keys(ents: list[Entity]) -> set[str]:
        return {e.id for e in ents} | {e.country for e in ents if e.country}

    ba, br = keys(best.actor), keys(best.recipient)
    ea, er = keys(e.actor), keys(e.recipient)
    if len(ea & br) + len(er & ba) > len(ea & ba) + len(er & br):
        return e.recipient, e.actor
    return e.actor, e.recipient


def _date_conflicts(cl: list[_Item]) -> list[dict[str, Any]]:
    """Dates that differ between reports of one event, each kept with its sources, the words
    that dated it and, when a cue says so, the phase it belongs to (announced, in force)."""
    days: dict[str, set[str]] = defaultdict(set)
    phases: dict[str, set[str]] = defaultdict(set)
    evidence: dict[str, str] = {}
    for it in cl:
        if not it.rec.date or it.rec.enddate or it.rng is None or _width(it.rng) > 31:
            continue
        d = it.rec.date
        days[d].add(it.article_id)
        if it.phase:
            phases[d].add(it.phase)
        if it.rec.date_source:
            evidence.setdefault(d, it.rec.date_source)

    def told(d: str) -> dict[str, Any]:
        return {
            **({"phase": sorted(phases[d])[0]} if phases.get(d) else {}),
            **({"evidence": evidence[d]} if d in evidence else {}),
        }

    return _date_readings(days, told)


def _date_readings(days: dict[str, set[str]], told: Callable[[str], dict[str, Any]]) -> list[dict[str, Any]]:
    """One conflict row per date the reports give (most reported first), with what ``told`` adds
    about it, or none when they agree. A coarser date holding a finer one also reported ("2024",
    "2024-06") is that date told less precisely, no disagreement."""
    keys = [d for d in days if not any(o != d and o.startswith(d) for o in days)]
    if len(keys) < 2:
        return []
    return [
        {"field": "date", "value": d, "sources": sorted(days[d]), **told(d)}
        for d in sorted(keys, key=lambda k: (-len(days[k]), k))
    ]


def _party_conflicts(cl: list[_Item], side: str) -> list[dict[str, Any]]:
    """Reports that name other people or bodies on one side (one says the ministry, another the
    army): every reading kept with its sources. States are the block's own and agree by
    construction; readings naming some of the same actors agree; in a symmetric event (a
    meeting) both sides are one."""
    named: dict[frozenset[str], tuple[list[str], set[str]]] = {}
    for it in cl:
        ev = it.rec
        ents = ev.actor + ev.recipient if _family(ev) in SYMMETRIC else getattr(ev, side)
        ents = [e for e in ents if e.kind != "country"]
        ids = frozenset(e.id for e in ents)
        if ids:
            named.setdefault(ids, (sorted({e.name or e.id for e in ents}), set()))[1].add(it.article_id)
    if side == "recipient" and cl and _family(cl[0].rec) in SYMMETRIC:
        return []  # told once, under "actor"
    sets = list(named)
    if not any(not (a & b) for a in sets for b in sets):
        return []
    return [
        {"field": side, "value": names, "sources": sorted(arts)}
        for names, arts in sorted(named.values(), key=lambda t: (-len(t[1]), t[0]))
    ]


def _union_entities(groups: list[list[Entity]]) -> list[Entity]:
    out: dict[str, Entity] = {}
    for g in groups:
        for e in g:
            have = out.get(e.id)
            if have is None:
                out[e.id] = e
            elif not have.office and e.office:
                have.office = e.office
    return list(out.values())


# ---------------------------------------------------------------------------------------- deals


def _deal_block(d: Deal) -> str:
    """The item family (naval, air, land ...) from deals.yaml, else the item's head noun."""
    from ..extract.deals import item_key

    item = d.item or ""
    for name, rx in _deal_groups():
        if rx.search(item):
            return name
    return item_key(item)


@lru_cache(maxsize=1)
def _deal_groups() -> list[tuple[str, Any]]:
    import re

    from ..lexicon import load

    out = []
    for name, words in load("deals")["items"].items():
        alt = "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))
        out.append((name, re.compile(rf"(?<![\w-])(?:{alt})(?:e?s)?(?![\w-])", re.I)))
    return out


def _deals_compatible(x: _Item, y: _Item) -> bool:
    from ..extract.deals import compatible

    a, b = x.rec, y.rec
    if not compatible(a, b):
        return False
    shared = (
        (a.supplier and b.supplier and a.supplier.country == b.supplier.country)
        or (a.recipient and b.recipient and a.recipient.country == b.recipient.country)
        or (a.contractor and b.contractor and a.contractor.id == b.contractor.id)
    )
    if not shared:
        # complementary readings ("Türkiye is building three corvettes" / "Malaysia bought three
        # corvettes"): the same count of the same item, with no party in common to clash on
        if not (a.quantity and a.quantity == b.quantity):
            return False
    if a.designation and b.designation and _norm(a.designation) != _norm(b.designation):
        return False
    if a.quantity and b.quantity and a.quantity != b.quantity and not _one_deal_counted_apart(x, y):
        return False
    if x.rng and y.rng and x.rng[0].year != y.rng[0].year:
        # readings dated in other years are one deal only across stories (an agreement and its
        # contract), never inside one story, and only when they count the same items
        if x.article_id == y.article_id or abs(x.rng[0].year - y.rng[0].year) > 1:
            return False
        if not (a.quantity and a.quantity == b.quantity):
            return False
    return True


def _one_deal_counted_apart(x: _Item, y: _Item) -> bool:
    """May two readings that count other quantities still be one deal, told differently? Only
    across stories and for counted items, whose dates do not clash: "three corvettes" and "four
    corvettes" for one buyer are one order with a conflict to show. A bulk quantity in tonnes or
    barrels differs because the sales differ ("125,000 tonnes of corn" and "one mln tonnes of
    corn" are two sales; a running total is a third), so those never fuse."""
    a, b = x.rec, y.rec
    if x.article_id == y.article_id or a.unit or b.unit:
        return False
    return x.rng is None or y.rng is None or _overlap(x.rng, y.rng)


def _deals_in_block(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Deal]:
    clusters = _cluster(items, _deals_compatible, lambda it: ([0], [0]))
    return [_merge_deals(cl, articles) for cl in clusters]


def _fuse_deals(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Deal]:
    blocks: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        blocks[_deal_block(it.rec)].append(it)
    out = []
    for key in sorted(blocks):
        out.extend(_deals_in_block(blocks[key], articles))
    return sorted(out, key=lambda d: (d.date or "", d.id))


def _merge_deals(cl: list[_Item], articles: dict[str, dict[str, Any]]) -> Deal:
    best = min(cl, key=lambda i: (-i.rec.confidence, i.order))
    d = copy.copy(best.rec)
    ds = [(i.rec, i.article_id) for i in cl]
    conflicts: list[dict[str, Any]] = []
    for k in ("supplier", "recipient", "contractor"):
        val, _ = _best([(getattr(r, k), a) for r, a in ds if getattr(r, k) is not None], rank=None)
        if val is not None:
            ent_votes = Counter(getattr(r, k).id for r, _ in ds if getattr(r, k) is not None)
            top = sorted(ent_votes, key=lambda i: (-ent_votes[i], i))[0]
            val = next(getattr(r, k) for r, _ in ds if getattr(r, k) is not None and getattr(r, k).id == top)
            # parties named differently by the reports (the contractor of one, another's): kept
            _, pconf = _best([(getattr(r, k).name, a) for r, a in ds if getattr(r, k) is not None])
            if len(ent_votes) > 1:
                conflicts += [{"field": k, **c} for c in pconf]
        setattr(d, k, val)
    for k in ("quantity", "value", "designation"):
        val, conf = _best([(getattr(r, k), a) for r, a in ds])
        setattr(d, k, val)
        conflicts += [{"field": k, **c} for c in conf]
    # the quantity's measure is the one of a report giving that quantity
    d.unit = next((r.unit for r, _ in ds if r.quantity == d.quantity and r.quantity is not None), None)
    items = Counter(r.item for r, _ in ds if r.item)
    d.item = sorted(items, key=lambda i: (-items[i], -len(i), i))[0] if items else None
    # date: the most precise of the readings that agree with the best-supported year
    dated = [(r.date, a) for r, a in ds if r.date]
    if dated:
        years, _ = _best([(str(x)[:4], a) for x, a in dated])
        same = sorted((x for x, _ in dated if str(x).startswith(years)), key=lambda x: (-len(x), x))
        d.date = same[0]
        conflicts += _deal_date_conflicts(ds)
    statuses = {r.status for r, _ in ds if r.status}
    d.status = min(statuses, key=LIFECYCLE.index) if statuses else None
    d.delivery = next((r.delivery for r, _ in ds if r.delivery), None)
    d.mentions = _mentions(r for r, _ in ds)
    d.sources = _independent(d.mentions, articles)
    d.confidence = corroborated(max(r.confidence for r, _ in ds), d.sources)
    d.conflicts = conflicts
    first = d.mentions[0]
    d.id = stable_id("d", first.article_id, first.start, _deal_block(d), d.item, d.quantity)
    return d


def _deal_date_conflicts(ds: list[tuple[Deal, str]]) -> list[dict[str, Any]]:
    """Dates that differ between reports of one deal, each with its sources and, when its
    reports agree on one, the stage of the deal it dates (the MoU in June, the contract in
    December). A coarser date holding a finer one reported ("2024", "2024-06") is that date told
    less precisely, no disagreement."""
    days: dict[str, set[str]] = defaultdict(set)
    stages: dict[str, set[str]] = defaultdict(set)
    for r, aid in ds:
        if r.date:
            days[str(r.date)].add(aid)
            if r.status:
                stages[str(r.date)].add(r.status)
    return _date_readings(days, lambda d: {"phase": next(iter(stages[d]))} if len(stages[d]) == 1 else {})


# ---------------------------------------------------------------------------------------- figures


def _figures_compatible(x: _Item, y: _Item) -> bool:
    a, b = x.rec, y.rec
    if a.unit != b.unit or a.kind != b.kind or a.per != b.per:
        return False  # "5 dlrs an ounce" and "5 dlrs a barrel" are other prices
    if a.metric and b.metric and not (a.metric in b.metric or b.metric in a.metric):
        return False
    ca, cb = _countries(a.actors), _countries(b.actors)
    if ca and cb and not (ca <= cb or cb <= ca):
        return False
    if x.article_id != y.article_id:
        # across stories a bare number is not an identity: the same parties must be named
        ia, ib = {e.id for e in a.actors}, {e.id for e in b.actors}
        if not (ca and cb) and not (ia and ia == ib):
            return False
    pa, pb = (a.period or {}), (b.period or {})
    if pa and pb and (pa.get("start"), pa.get("end")) != (pb.get("start"), pb.get("end")):
        ra, rb = (
            date_range(pa.get("start") or pa.get("end"), pa.get("end")),
            date_range(pb.get("start") or pb.get("end"), pb.get("end")),
        )
        if not _overlap(ra, rb):
            return False
    if x.article_id == y.article_id and a.amount != b.amount:
        # one story told each of its figures once (``figures._merge_within``): two amounts of it,
        # however near ("$19.6bn, down from $19.7bn"), are two figures, never a conflict
        return False
    close = abs(a.amount - b.amount) <= 0.01 * max(abs(a.amount), abs(b.amount))
    if close:
        return True
    # the same measure over the same named period, reported differently by two stories: one
    # figure, a conflict (inside one story two near amounts are a range or two figures)
    if x.article_id == y.article_id:
        return False
    near = abs(a.amount - b.amount) <= 0.15 * max(abs(a.amount), abs(b.amount))
    return bool(near and a.metric and a.metric == b.metric and pa and pa == pb and ca and ca == cb)


def _amount_keys(it: _Item) -> tuple[list[Any], list[Any]]:
    """Amount buckets a tenth of a decade wide: figures within 15% share a neighbouring bucket."""
    b = math.floor(math.log10(abs(it.rec.amount) + 1e-9) * 10)
    return [b - 1, b, b + 1], [b]


def _figure_block(it: _Item) -> tuple:
    f = it.rec
    # who it is about is part of a figure's identity: block on the states (else the named
    # actors, else the article itself: a figure about nobody in particular fuses with nothing)
    who = tuple(sorted(_countries(f.actors))) or tuple(sorted(e.id for e in f.actors)) or ("@", it.article_id)
    return (f.unit, f.kind, who)


def _figures_in_block(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Figure]:
    clusters = _cluster(items, _figures_compatible, _amount_keys)
    return [_merge_figures(cl, articles) for cl in clusters]


def _fuse_figures(items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Figure]:
    blocks: dict[tuple, list[_Item]] = defaultdict(list)
    for it in items:
        blocks[_figure_block(it)].append(it)
    out = []
    for key in sorted(blocks, key=repr):
        out.extend(_figures_in_block(blocks[key], articles))
    return sorted(out, key=lambda f: (f.date or "", f.id))


def _merge_figures(cl: list[_Item], articles: dict[str, dict[str, Any]]) -> Figure:
    best = min(cl, key=lambda i: (-len(i.rec.actors), -i.rec.confidence, i.order))
    f = copy.copy(best.rec)
    fs = [(i.rec, i.article_id) for i in cl]
    amount, conf = _best([(r.amount, a) for r, a in fs])
    f.amount = amount
    metrics = Counter(r.metric for r, _ in fs if r.metric)
    f.metric = sorted(metrics, key=lambda m: (-metrics[m], -len(m), m))[0] if metrics else None
    f.actors = _union_entities([r.actors for r, _ in fs])
    f.period = next((r.period for r, _ in fs if r.period), None)
    f.mentions = _mentions(r for r, _ in fs)
    f.sources = _independent(f.mentions, articles)
    f.confidence = corroborated(max(r.confidence for r, _ in fs), f.sources)
    f.conflicts = [{"field": "amount", **c} for c in conf] + _period_conflicts(fs)
    first = f.mentions[0]
    f.id = stable_id("f", first.article_id, first.start, f.unit, f.kind, f.amount, f.metric)
    return f


def _period_conflicts(fs: list[tuple[Figure, str]]) -> list[dict[str, Any]]:
    """Reports of one figure that give it periods that overlap without one holding the other
    ("in 2025", "in the year to June 2025"): each period with the reports that gave it, as fusion
    keeps one. A period inside another ("February 1987" in "1987") is the same told more
    precisely, as with dates."""
    spans = [((r.period.get("start"), r.period.get("end")), a) for r, a in fs if r.period]
    ranges = {s: date_range(s[0] or s[1], s[1]) for s, _ in spans}

    def inside(s: tuple, o: tuple) -> bool:
        a, b = ranges[s], ranges[o]
        return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]

    kept = [(s, a) for s, a in spans if not any(o != s and (inside(s, o) or inside(o, s)) for o in ranges)]
    _, conf = _best(kept)
    return [
        {"field": "period", "value": {"start": c["value"][0], "end": c["value"][1]}, "sources": c["sources"]}
        for c in conf
    ]


# ---------------------------------------------------------------------------------------- quotes


def _quote_block(it: _Item) -> tuple[str, str]:
    q = it.rec
    return (q.speaker.id if q.speaker else "", " ".join(_norm(q.text).split()[:12]))


def _quotes_in_block(items: list[_Item], articles: dict[str, dict[str, Any]] | None = None) -> list[Quote]:
    """One quote from the readings that share a speaker and opening words (one block)."""
    qs = [it.rec for it in sorted(items, key=lambda i: i.order)]
    key = _quote_block(items[0])
    q = copy.copy(max(qs, key=lambda x: (len(x.text), x.confidence)))
    q.mentions = _mentions(qs)
    q.channel = q.channel or next((x.channel for x in qs if x.channel), None)
    first = q.mentions[0]
    q.id = stable_id("q", first.article_id, first.start, key[1][:60])
    return [q]


def _fuse_quotes(items: list[_Item]) -> list[Quote]:
    """The same words from the same speaker in several stories: one quote, several mentions."""
    groups: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for it in items:
        groups[_quote_block(it)].append(it)
    out = []
    for key in sorted(groups):
        out.extend(_quotes_in_block(groups[key]))
    return sorted(out, key=lambda q: (q.date or "", q.id))


# ---------------------------------------------------------------------------------------- entry


def fuse(
    extractions: Iterable[ArticleExtraction],
    key_map: dict[tuple[str, str], str],
    actors: list[ActorRecord],
    articles: dict[str, dict[str, Any]],
) -> Fused:
    """One record per real event, deal, figure and quote, from every stored extraction."""
    rekey = _Rekeyer(key_map, actors)
    got: dict[str, list[_Item]] = {k: [] for k in KINDS}
    for ext in sorted(extractions, key=lambda e: e.article_id):
        if (articles.get(ext.article_id) or {}).get("duplicate_of"):
            continue  # a near-copy repeats its original: it never adds a mention or a source
        for kind, items in readings(ext, rekey).items():
            got[kind] += items
    return Fused(
        events=_unique_ids(_fuse_events(got["events"], articles)),
        deals=_unique_ids(_fuse_deals(got["deals"], articles)),
        figures=_unique_ids(_fuse_figures(got["figures"], articles)),
        quotes=_unique_ids(_fuse_quotes(got["quotes"])),
    )


def readings(ext: ArticleExtraction, rekey: _Rekeyer) -> dict[str, list[_Item]]:
    """One article's records with global actor ids, as fusion compares them, per kind."""
    aid = ext.article_id
    out: dict[str, list[_Item]] = {k: [] for k in KINDS}
    for ev in one_per_act(join_elaborations(ext.events)):
        e = copy.copy(ev)
        e.actor = rekey.many(ev.actor, aid, ev.date)
        e.recipient = rekey.many(ev.recipient, aid, ev.date)
        out["events"].append(reading("events", e, aid))
    for d in ext.deals:
        x = copy.copy(d)
        x.supplier = rekey(d.supplier, aid, d.date)
        x.recipient = rekey(d.recipient, aid, d.date)
        x.contractor = rekey(d.contractor, aid, d.date)
        out["deals"].append(reading("deals", x, aid))
    for f in ext.figures:
        x = copy.copy(f)
        x.actors = rekey.many(f.actors, aid, f.date)
        out["figures"].append(reading("figures", x, aid))
    for q in ext.quotes:
        x = copy.copy(q)
        x.speaker = rekey(q.speaker, aid, q.date)
        out["quotes"].append(reading("quotes", x, aid))
    return out


def join_elaborations(events: list[Event]) -> list[Event]:
    """A report that names nobody doing it ("The agreements were signed at the State House in Dar
    es Salaam") tells more of the event of the same type told just before in the story ("Tanzania
    and Kenya signed six agreements"): its place and its sentence join that event, and it is no
    record of its own. Only a place the event lacks is taken; its other words stay out."""
    gap = _phase_lexicon()[3]
    order = sorted(events, key=lambda e: e.mentions[0].start if e.mentions else 0)
    kept: list[Event] = []
    for ev in order:
        host = None if ev.actor or not ev.mentions else _told_before(ev, kept, gap)
        if host is None:
            kept.append(ev)
            continue
        if host.event_loc is None:
            host.event_loc = ev.event_loc
        host.mentions = host.mentions + [m for m in ev.mentions if m not in host.mentions]
    return kept


def one_per_act(events: list[Event]) -> list[Event]:
    """One record per act in a sentence. Two patterns firing on one act ("met X for talks and
    continued their discussions", "killed or wounded 200 soldiers", "a protocol signed in 1985 under
    which A agreed to buy") give readings of one kind whose sides fit in each other's: the one
    with the most specific code stands for the act, with every party either names. Readings
    that name other parties on a side, or other dates, are other acts and stay."""
    events = [copy.copy(ev) for ev in events]  # the stored extraction stays as it was read
    by_sentence: dict[tuple[str, int], list[Event]] = defaultdict(list)
    for ev in events:
        if ev.mentions:
            by_sentence[(ev.mentions[0].article_id, ev.mentions[0].start)].append(ev)
    gone: set[int] = set()
    for group in by_sentence.values():
        if len(group) < 2:
            continue
        order = sorted(group, key=_act_rank)
        kept: list[Event] = []
        for ev in order:
            host = next((k for k in kept if _one_act(k, ev)), None)
            if host is None:
                kept.append(ev)
                continue
            _take_parties(host, ev)
            gone.add(id(ev))
    return [ev for ev in events if id(ev) not in gone]


def _act_rank(ev: Event) -> tuple:
    """Which reading of one act stands for it: the most specific code (a CAMEO code's trailing
    zeros mark an unspecified parent: "057" sign an agreement is finer than "030"), then the one
    naming the most parties, then the surest, then the first told."""
    code = (ev.cameo or "").rstrip("0")
    return (-len(code), -len(ev.actor) - len(ev.recipient), -ev.confidence, ev.trigger_start or 0, ev.id)


def _one_act(a: Event, b: Event) -> bool:
    """Are two readings of one sentence one act: the same kind, flags and date, and on each side
    (both sides at once for a meeting or an accord) the parties of one among the other's?"""
    if _family(a) != _family(b) or a.negated != b.negated:
        return False
    if (a.mode and b.mode and a.mode != b.mode) or (a.mode == "visit") != (b.mode == "visit"):
        return False
    if not _places_compatible(a.event_loc, b.event_loc):
        return False
    if a.date and b.date and (a.date, a.enddate) != (b.date, b.enddate):
        return False

    def nested(x: set[str], y: set[str]) -> bool:
        return x <= y or y <= x

    if _family(a) in SYMMETRIC:
        return nested({e.id for e in a.actor + a.recipient}, {e.id for e in b.actor + b.recipient})
    return all(
        nested({e.id for e in getattr(a, side)}, {e.id for e in getattr(b, side)})
        for side in ("actor", "recipient")
    )


def _take_parties(host: Event, other: Event) -> None:
    """The parties and date a reading of the same act names that its standing reading lacks."""
    have = {e.id for e in host.actor + host.recipient}
    host.actor = host.actor + [e for e in other.actor if e.id not in have]
    have |= {e.id for e in other.actor}
    host.recipient = host.recipient + [e for e in other.recipient if e.id not in have]
    if not host.date and other.date:
        host.date, host.enddate = other.date, other.enddate
        host.date_precision, host.date_source = other.date_precision, other.date_source
    if host.event_loc is None:
        host.event_loc = other.event_loc


def _told_before(ev: Event, kept: list[Event], gap: int) -> Event | None:
    """The nearest event before ``ev`` in its story with the same type, a state on a side, no
    other date and no other place, told at most ``gap`` characters before."""
    if _countries(ev.actor) | _countries(ev.recipient):
        return None
    start = ev.mentions[0].start
    for prev in reversed(kept):
        if not prev.mentions or prev.mentions[0].article_id != ev.mentions[0].article_id:
            continue
        if start - prev.mentions[-1].end > gap:
            return None
        if (
            prev.event == ev.event
            and prev.negated == ev.negated
            and (_countries(prev.actor) or _countries(prev.recipient))
            and (ev.date is None or prev.date is None or ev.date == prev.date)
            and _places_compatible(prev.event_loc, ev.event_loc)
        ):
            return prev
    return None


def _unique_ids(records: list[Any]) -> list[Any]:
    """Two records read from one sentence can share a content id: suffix the later ones, in the
    records' own (content-sorted) order, so ids stay unique and reproducible."""
    seen: Counter[str] = Counter()
    for r in records:
        seen[r.id] += 1
        if seen[r.id] > 1:
            r.id = f"{r.id}_{seen[r.id]}"
    return records


# ------------------------------------------------------------------- blocks (incremental fusion)
# Fusion never compares readings of different blocks, so a store keeps each reading under its
# block and a batch re-fuses only the blocks its readings fall in (run/consolidate.py).

KINDS = ("events", "deals", "figures", "quotes")
RECORD_TYPES: dict[str, type] = {"events": Event, "deals": Deal, "figures": Figure, "quotes": Quote}


def reading(kind: str, rec: Any, article_id: str) -> _Item:
    """A rekeyed record as fusion compares it (its date range and its fixed order)."""
    start = rec.mentions[0].start if rec.mentions else 0
    if kind == "events":
        rng = date_range(rec.date, rec.enddate)
        order = (_width(rng), article_id, rec.trigger_start or 0, rec.id)
        return _Item(rec, article_id, rng, order, phase_of(rec))
    if kind == "deals":
        rng = date_range(rec.date)
        return _Item(rec, article_id, rng, (_width(rng), article_id, start, rec.id))
    return _Item(rec, article_id, None, (article_id, start, rec.id))


def block_key(kind: str, it: _Item) -> str:
    """The block a reading is fused in, as text (what a store indexes it by)."""
    if kind == "events":
        return f"e{_event_block(it)!r}"
    if kind == "deals":
        return f"d{_deal_block(it.rec)!r}"
    if kind == "figures":
        return f"f{_figure_block(it)!r}"
    return f"q{_quote_block(it)!r}"


_IN_BLOCK: dict[str, Callable[[list[_Item], dict[str, dict[str, Any]]], list[Any]]] = {
    "events": _events_in_block,
    "deals": _deals_in_block,
    "figures": _figures_in_block,
    "quotes": _quotes_in_block,
}


def fuse_block(kind: str, items: list[_Item], articles: dict[str, dict[str, Any]]) -> list[Any]:
    """The records of one block, ids made unique inside it, in a fixed order."""
    out = sorted(_IN_BLOCK[kind](items, articles), key=lambda r: (r.date or "", r.id))
    return _unique_ids(out)


def rekeyer(key_map: dict[tuple[str, str], str], actors: list[ActorRecord]) -> _Rekeyer:
    """What turns one article's local actor keys into global ids (see :func:`readings`)."""
    return _Rekeyer(key_map, actors)
