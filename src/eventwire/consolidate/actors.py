"""Corpus-wide actor resolution: many articles' LocalActors -> one ActorRecord per real actor.

People are clustered by name with care, because a wrong merge is worse than a missed one:
- the same full name, folded (Yasar Guler = Yaşar Güler), is one person unless the states differ;
- a shorter full name inside a longer one ("Mohamed Khaled" / "Mohamed Khaled Nordin") joins it
  when only one longer name fits;
- a one-word name ("Güler", the typo "Gueler") joins the one full name whose surname it is; when no
  full name of the corpus ends in it, the one whose given name it is with an office they share
  ("Prime Minister Anwar", "Anwar Ibrahim" the prime minister), else whose surname is spelt alike;
  always with a compatible state, and when two people fit equally it stays apart. A bare given
  name without an office is not matched across articles (within one article the linker already
  reads "Anwar" as the "Anwar Ibrahim" before it): across a corpus a lone "Arthur" or "Carlos"
  names no one in particular, and matching every given name chained all people into one actor
  block that each batch of a growing store re-resolved;
- two full names that differ ("Anwar Ibrahim", "Ibrahim Kalin") are never merged, whatever they share.
Everything is processed in sorted order and ties are broken on content, so the result does not
depend on the order articles were ingested; ids derive from content (``stable_id``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..lexicon.plover import plover
from ..lexicon.wordsets import words as wordsets
from ..link import evidence
from ..link.names import accent_score, fold
from ..link.orgs import corporate_core
from ..model import ActorRecord, ArticleExtraction, LocalActor, Mention, Role, stable_id


@dataclass(slots=True)
class _Item:
    article_id: str
    la: LocalActor
    tokens: tuple[str, ...] = ()
    cluster: int = -1


@dataclass
class _Cluster:
    items: list[_Item] = field(default_factory=list)
    _cache: tuple[int, str | None] = (-1, None)

    def countries(self) -> Counter:
        """Each state's weight: the sum of its readings' evidence weights (link/evidence.py)."""
        c: Counter = Counter()
        for i in self.items:
            if i.la.country:
                c[i.la.country] += evidence.weight(i.la.country_source)
        return c

    def country(self) -> str | None:
        """The state the evidence outvotes the others for (cached until the cluster grows)."""
        if self._cache[0] != len(self.items):
            self._cache = (len(self.items), _vote(self.countries()))
        return self._cache[1]

    def strong_country(self) -> str | None:
        """The state strong readings give (text, knowledge), None when only weak ones speak: a
        weak reading never keeps two namesakes apart."""
        c: Counter = Counter()
        for i in self.items:
            if i.la.country and evidence.strong(i.la.country_source):
                c[i.la.country] += evidence.weight(i.la.country_source)
        return _vote(c)

    def titles(self) -> set[str]:
        return {fold(r.title) for i in self.items for r in i.la.roles}

    def articles(self) -> set[str]:
        return {i.article_id for i in self.items}


@lru_cache(maxsize=262_144)
def _tokens(name: str) -> tuple[str, ...]:
    from ..link.knowledge import get_lexicon

    words = fold(name).replace("-", " ").replace(".", " ").split()
    hon = get_lexicon().honorifics
    while len(words) > 1 and words[0].strip("'’") in hon:
        words.pop(0)
    return tuple(words)


def _vote(weights: Counter) -> str | None:
    """The heaviest state; ties go to the alphabetically first (deterministic)."""
    return sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if weights else None


def _strong_state(it: _Item) -> str | None:
    return it.la.country if it.la.country and evidence.strong(it.la.country_source) else None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _ordered_subseq(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _cluster_people(items: list[_Item]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # 1. identical folded full names (split when the states disagree)
    full: dict[tuple[str, ...], list[_Item]] = defaultdict(list)
    short: list[_Item] = []
    for it in items:
        if len(it.tokens) >= 2:
            full[it.tokens].append(it)
        else:
            short.append(it)
    by_tokens: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for toks in sorted(full):
        group = full[toks]
        # only strong readings (text, knowledge) keep namesakes apart; weak ones join the winner
        states = sorted({s for i in group if (s := _strong_state(i))})
        if len(states) <= 1:
            clusters.append(_Cluster(items=list(group)))
            by_tokens[toks].append(len(clusters) - 1)
            continue
        per: dict[str | None, _Cluster] = {s: _Cluster() for s in states}
        top = _Cluster(items=list(group)).strong_country()
        for i in group:
            per[_strong_state(i) or top].items.append(i)
        for s in states:
            clusters.append(per[s])
            by_tokens[toks].append(len(clusters) - 1)
    alive = [True] * len(clusters)

    def merge(into: int, src: int) -> None:
        clusters[into].items.extend(clusters[src].items)
        clusters[src].items = []
        alive[src] = False

    # 2. typos between full names of the same length that differ in one word (same state)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for toks in sorted(by_tokens):
        for key in typo_keys(toks):
            blocks[key].extend(by_tokens[toks])
    for key in sorted(blocks):
        cis = blocks[key]
        if len(cis) < 2 or len(cis) > 400:
            continue
        for a_i, a in enumerate(cis):
            if not alive[a]:
                continue
            ta = clusters[a].items[0].tokens
            for b in cis[a_i + 1 :]:
                if not alive[b]:
                    continue
                tb = clusters[b].items[0].tokens
                if ta == tb or not _compatible(clusters[a].strong_country(), clusters[b].strong_country()):
                    continue
                sims = [fuzz.ratio(x, y) for x, y in zip(ta, tb, strict=True)]
                if (
                    min(sims) >= 80
                    and sum(x == y for x, y in zip(ta, tb, strict=True)) >= len(ta) - 1
                    and all(len(x) >= 4 for x, y in zip(ta, tb, strict=True) if x != y)
                ):
                    keep, drop = (a, b) if len(clusters[a].items) >= len(clusters[b].items) else (b, a)
                    merge(keep, drop)
                    if drop == a:
                        break
    # 3. shorter full names inside one longer name ("Recep Erdogan" -> "Recep Tayyip Erdogan")
    index: dict[str, set[int]] = defaultdict(set)
    for ci, c in enumerate(clusters):
        if alive[ci]:
            for w in c.items[0].tokens:
                index[w].add(ci)
    order = sorted(
        (ci for ci in range(len(clusters)) if alive[ci]),
        key=lambda ci: (len(clusters[ci].items[0].tokens), clusters[ci].items[0].tokens),
    )
    for ci in order:
        if not alive[ci]:
            continue
        toks = clusters[ci].items[0].tokens
        cands = set.intersection(*(index[w] for w in toks)) - {ci}
        cands = {
            x
            for x in cands
            if alive[x]
            and len(clusters[x].items[0].tokens) > len(toks)
            and _ordered_subseq(toks, clusters[x].items[0].tokens)
            and _compatible(clusters[x].strong_country(), clusters[ci].strong_country())
        }
        if len(cands) == 1:
            merge(next(iter(cands)), ci)
    # 4. one-word names: the full names whose surname the word is, else whose surname is spelt alike
    surnames: dict[str, set[int]] = defaultdict(set)
    given: dict[tuple[str, str], set[int]] = defaultdict(set)  # (given name, office) -> clusters
    for ci, c in enumerate(clusters):
        if alive[ci]:
            for it in c.items:
                surnames[it.tokens[-1]].add(ci)
                for r in it.la.roles:
                    given[(it.tokens[0], fold(r.title))].add(ci)
    singles: dict[str, list[_Item]] = defaultdict(list)
    for it in short:
        if it.tokens:
            singles[it.tokens[0]].append(it)
    first_letter: dict[str, list[str]] = defaultdict(list)
    for w in sorted(surnames):
        if len(w) >= SPELLING_MIN_LEN:
            first_letter[w[:1]].append(w)
    for word in sorted(singles):
        group = singles[word]
        by_state: dict[str | None, list[_Item]] = defaultdict(list)
        for it in group:
            by_state[_strong_state(it)].append(it)
        strong_states = [st for st in by_state if st is not None]
        if len(strong_states) == 1 and None in by_state:  # weak readings join the one strong one
            by_state[strong_states[0]].extend(by_state.pop(None))
        spelt = _surname_candidates(word, surnames, first_letter)  # the same for every state
        for state in sorted(by_state, key=lambda s: s or ""):
            its = by_state[state]
            titles = {fold(r.title) for i in its for r in i.la.roles}
            cand = spelt
            if word not in surnames:  # "Prime Minister Narendra": the given name of one in that office
                cand = set().union(*(given.get((word, t), set()) for t in sorted(titles))) or cand
            best: list[tuple[tuple, int]] = []
            for ci in sorted(cand):
                if not alive[ci]:
                    continue
                c = clusters[ci]
                if not _compatible(c.strong_country(), state):
                    continue
                office = 1 if titles and titles & c.titles() else 0
                same_state = 1 if state and c.strong_country() == state else 0
                best.append(((office, same_state), ci))
            if not best:
                clusters.append(_Cluster(items=list(its)))
                alive.append(True)
                continue
            best.sort(key=lambda x: (x[0], len(clusters[x[1]].articles())), reverse=True)
            if (
                len(best) > 1
                and best[0][0] == best[1][0]
                and not _dominant(clusters[best[0][1]], clusters[best[1][1]])
            ):
                clusters.append(_Cluster(items=list(its)))  # two people fit equally: keep apart
                alive.append(True)
                continue
            clusters[best[0][1]].items.extend(its)
    return [c for ci, c in enumerate(clusters) if alive[ci] and c.items]


SPELLING_MIN_LEN = 4  # a surname spelt alike: both words of four letters or more (blocking.py too)
SPELLING_CUTOFF = 80


def typo_keys(toks: tuple[str, ...]) -> list[tuple]:
    """Keys two full names share when they could be typos of one another (step 2 of
    :func:`_cluster_people`): the same length and every word but one the same, with the first
    initial and the surname's first two letters, which the typo rule also requires. Only names
    that could merge are compared, so the groups stay small whatever the corpus."""
    n = len(toks)
    return [
        (
            n,
            i,
            toks[:i] + ("*",) + toks[i + 1 :],
            toks[0][:1] if i == 0 else "",
            toks[-1][:2] if i == n - 1 else "",
        )
        for i in range(n)
    ]


def _surname_candidates(
    word: str, surnames: dict[str, set[int]], first_letter: dict[str, list[str]]
) -> set[int]:
    """The clusters a one-word name is decided among: those holding a full name whose surname the
    word is; only when no full name ends in it, those whose surname is spelt alike (a short word
    needs a closer spelling: one letter changed in a five-letter name is another name)."""
    if word in surnames:
        return set(surnames[word])
    cand: set[int] = set()
    if len(word) < SPELLING_MIN_LEN:
        return cand
    pool = first_letter.get(word[:1], [])
    for other, score, _k in process.extract(
        word, pool, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=None
    ):
        if len(word) < 6 and score < 90:
            continue  # Obama is not Osama
        cand |= surnames[other]
    return cand


def _dominant(first: _Cluster, second: _Cluster) -> bool:
    """'Blair' alone, when the corpus has Tony Blair in many articles and Cherie Blair in few: the
    short form names the one the corpus is about (three times the articles, at least three)."""
    a, b = len(first.articles()), len(second.articles())
    return a >= 3 and a >= 3 * b


@lru_cache(maxsize=65_536)
def _generic(name: str) -> bool:
    """'Finance Ministry', 'central bank', 'Parliament': a name every state has, so without a
    state it says nothing about which one (never merged across articles)."""
    from ..link.knowledge import get_lexicon

    lex = get_lexicon()
    words = fold(name).replace("-", " ").split()
    common = lex.modifiers | set(lex.heads) | lex.org_words | lex.government_nouns | set(lex.group_nouns)
    common |= {w for w, _s in lex.org_sectors} | wordsets("names").generic_org_words
    return bool(words) and all(w in common for w in words)


def _cluster_orgs(items: list[_Item]) -> list[_Cluster]:
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names: dict[tuple[str, str | None], int] = {}
    for i, it in enumerate(items):
        for f in sorted(org_forms(it.la)):
            for country in [it.la.country] if it.la.country else [None]:
                if country is None and _generic(it.la.name):
                    country = f"article:{it.article_id}"  # keep a stateless generic name to its article
                k = (f, country)
                if k in names:
                    a, b = find(i), find(names[k])
                    if a != b:
                        parent[max(a, b)] = min(a, b)
                else:
                    names[k] = i
    # an organisation without a state joins the one stateful organisation of the same name
    stateful: dict[str, set[str]] = defaultdict(set)
    for (f, country), _i in names.items():
        if country and not country.startswith("article:"):
            stateful[f].add(country)
    for (f, country), i in sorted(names.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if country is None and len(stateful.get(f, ())) == 1:
            j = names[(f, next(iter(stateful[f])))]
            a, b = find(i), find(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[_Item]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[find(i)].append(it)
    return [_Cluster(items=v) for _k, v in sorted(groups.items())]


def _merge_roles(items: list[_Item]) -> list[Role]:
    roles: dict[tuple[str, str, bool], Role] = {}
    for it in items:
        for r in it.la.roles:
            # one office is one role whatever state a weak reading gave it in one article
            k = (fold(r.title), fold(r.organization or ""), r.end is None)
            cur = roles.get(k)
            if cur is None:
                roles[k] = Role(
                    title=r.title,
                    organization=r.organization,
                    country=r.country,
                    start=r.start,
                    end=r.end,
                    mentions=list(r.mentions),
                    reported=r.reported,
                )
                continue
            if r.reported and (cur.reported is None or r.reported < cur.reported):
                cur.reported = r.reported
            cur.country = cur.country or r.country
            if r.start and (cur.start is None or r.start < cur.start):
                cur.start = r.start
            if r.end and (cur.end is None or r.end > cur.end):
                cur.end = r.end
            if accent_score(r.title) > accent_score(cur.title) or (
                r.title[:1].isupper() and not cur.title[:1].isupper()
            ):
                cur.title = r.title
            for m in r.mentions:
                if m not in cur.mentions:
                    cur.mentions.append(m)
    out = sorted(
        roles.values(),
        key=lambda r: (r.start or r.reported or r.end or "", fold(r.title), r.organization or ""),
    )
    for r in out:
        r.mentions.sort(key=lambda m: (m.article_id, m.start))
    return out


def _canonical_person(items: list[_Item]) -> str:
    counts = Counter(i.la.name for i in items)
    return max(counts, key=lambda n: (len(_tokens(n)), accent_score(n), counts[n], n))


def _canonical_org(items: list[_Item]) -> str:
    counts = Counter(i.la.name for i in items)
    return max(counts, key=lambda n: (not n.isupper() or len(n) > 6, counts[n], len(n), n))


def _record(kind: str, items: list[_Item], key_map: dict[tuple[str, str], str]) -> ActorRecord:
    items = sorted(items, key=lambda i: (i.article_id, i.la.key))
    c = _Cluster(items=items)
    country = c.country()
    source = _source_of(items, country)
    sectors = Counter(i.la.sector for i in items if i.la.sector)
    sector = sorted(sectors.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if sectors else None
    if kind == "country":
        key = items[0].la.key
        gid, name = key, items[0].la.name
        country = key[2:]
        sector = None
        source = "name"
    elif kind == "person":
        name = _canonical_person(items)
        gid = stable_id("actor", "person", fold(name), country)
    elif kind == "group" and items[0].la.key.startswith("g:") and items[0].la.key.count(":") == 2:
        name = Counter(i.la.name for i in items).most_common(1)[0][0]
        gid = stable_id("actor", "group", items[0].la.key)
    else:
        name = _canonical_org(items)
        if country is None and _generic(name):
            gid = stable_id("actor", kind, fold(name), None, items[0].article_id)
        else:
            gid = stable_id("actor", kind, fold(name), country)
    aliases: list[str] = []
    for it in items:
        for a in [it.la.name, *it.la.aliases]:
            if a and a != name and a not in aliases:
                aliases.append(a)
    aliases.sort(key=lambda a: (fold(a), a))
    for it in items:
        key_map[(it.article_id, it.la.key)] = gid
    roles = _merge_roles(items)
    # evidence for the actor: the sentences that state its offices (at most 100, in article order)
    mentions: list[Mention] = []
    seen: set[tuple[str, int]] = set()
    for r in roles:
        for m in r.mentions:
            if (m.article_id, m.start) not in seen:
                seen.add((m.article_id, m.start))
                mentions.append(m)
    mentions = sorted(mentions, key=lambda m: (m.article_id, m.start))[:100]
    return ActorRecord(
        id=gid,
        name=name,
        kind=kind,
        country=country,
        sector=sector,
        aliases=aliases,
        roles=roles,
        mentions=mentions,
        country_source=source if country else None,
        code=_own_code(kind, country, name, aliases),
    )


def fold_country(
    old: ActorRecord, added: list[tuple[str, LocalActor, int]], first: str | None
) -> ActorRecord:
    """A country's record (:func:`_record` of kind country, with the unit counts) with more units
    added: what resolving the old units and the added ones together gives, for a record without
    offices. ``added``: (article, local actor, entity mentions counted); ``first``: the first
    article (by id) of all the block's units, whose local name names the country."""
    name = old.name
    for aid, la, _n in sorted(added, key=lambda x: x[0]):
        if aid == first:
            name = la.name
    forms = {*old.aliases, old.name}
    for _aid, la, _n in added:
        forms.update(a for a in [la.name, *la.aliases] if a)
    return ActorRecord(
        id=old.id,
        name=name,
        kind=old.kind,
        country=old.country,
        sector=old.sector,
        aliases=sorted(forms - {name}, key=lambda a: (fold(a), a)),
        roles=[],
        mentions=[],
        country_source=old.country_source,
        code=old.code,
        mention_count=old.mention_count + sum(n for _a, _la, n in added),
        article_count=old.article_count + len({aid for aid, _la, n in added if n}),
    )


def _own_code(kind: str, country: str | None, name: str, aliases: list[str]) -> str | None:
    """An international body's identity code (IGOUNO, IGOEUREEC): its country is only 'IGO'."""
    from ..link.knowledge import get_lexicon

    if kind != "organization" or not country or country not in plover().non_state:
        return None
    return get_lexicon().igo_code(name, *aliases)


def _source_of(items: list[_Item], country: str | None) -> str | None:
    """The strongest evidence behind the cluster's state (what the export says it came from)."""
    srcs = [i.la.country_source for i in items if country and i.la.country == country]
    return max(srcs, key=evidence.weight, default=None) if srcs else None


def actor_bucket(la: LocalActor) -> str:
    """Which resolver sees a local actor: one per country key, one per group key, people, and
    organisations (or groups) by name. Shared with :mod:`.blocking`, which must agree."""
    if la.key.startswith("c:"):
        return f"country:{la.key}"
    if la.kind == "person":
        return "person"
    if la.key.startswith("g:") and la.key.count(":") == 2:
        return f"group:{la.key}"
    return la.kind if la.kind in ("organization", "group") else "organization"


def org_forms(la: LocalActor) -> set[str]:
    """The name forms an organisation is matched by (:func:`_cluster_orgs`; :mod:`.blocking`)."""
    forms = {fold(la.name)} | {fold(a) for a in la.aliases}
    return forms | {" ".join(corporate_core(f)) for f in list(forms)}


def resolve_actors(
    extractions: Iterable[ArticleExtraction],
) -> tuple[list[ActorRecord], dict[tuple[str, str], str]]:
    """One ActorRecord per real actor across the corpus, and (article, local key) -> global id."""
    buckets: dict[str, list[_Item]] = defaultdict(list)
    for ext in sorted(extractions, key=lambda e: e.article_id):
        for la in sorted(ext.actors, key=lambda a: a.key):
            b = actor_bucket(la)
            buckets[b].append(_Item(ext.article_id, la, _tokens(la.name) if b == "person" else ()))
    key_map: dict[tuple[str, str], str] = {}
    records: dict[str, ActorRecord] = {}

    def add(rec: ActorRecord) -> None:
        if rec.id in records:  # two clusters with the same content id: fold them together
            old = records[rec.id]
            old.aliases = sorted(set(old.aliases) | set(rec.aliases) - {old.name}, key=lambda a: (fold(a), a))
            old.roles.extend(rec.roles)
        else:
            records[rec.id] = rec

    for b in sorted(buckets):
        items = buckets[b]
        if b.startswith("country:"):
            add(_record("country", items, key_map))
        elif b.startswith("group:"):
            add(_record("group", items, key_map))
        elif b == "person":
            for c in _cluster_people(items):
                add(_record("person", c.items, key_map))
        else:
            for c in _cluster_orgs(items):
                add(_record(b, c.items, key_map))
    _add_known_offices(records)
    return sorted(records.values(), key=lambda r: r.id), key_map


def _add_known_offices(records: dict[str, ActorRecord]) -> None:
    """Offices the knowledge file lists for a person join what the articles said."""
    from ..link.knowledge import get_lexicon

    known = {fold(n): p for p in get_lexicon().people for n in [p.name, *p.aliases]}
    if not known:
        return
    for rec in records.values():
        if rec.kind != "person":
            continue
        p = next((known[f] for f in [fold(rec.name), *(fold(a) for a in rec.aliases)] if f in known), None)
        if p is None:
            continue
        rec.country = rec.country or p.country
        for o in p.offices:
            if not any(
                fold(r.title) == fold(o.get("title", "")) and r.start == o.get("start") for r in rec.roles
            ):
                rec.roles.append(
                    Role(
                        title=o.get("title", ""),
                        organization=o.get("organization"),
                        country=o.get("country", p.country),
                        start=_s(o.get("start")),
                        end=_s(o.get("end")),
                    )
                )


def _s(v: object) -> str | None:
    return None if v is None else str(v)


def _since(r: Role) -> str | None:
    """When a role is known held from: its start, else the first report of it as current."""
    return r.start or r.reported


def _covers(r: Role, d: str) -> bool:
    """Does the role's [start, end] contain date d, comparing at the coarser precision?"""
    start = _since(r)
    if start and d[: len(start)] < start[: len(d)]:
        return False
    if r.end and d[: len(r.end)] > r.end[: len(d)]:
        return False
    return True


def office_on(actor: ActorRecord, date: str | None) -> str | None:
    """The office the actor held on ``date`` (None when the texts do not say).

    A role is held from its start, else from its first report as current; past roles end the day
    before. A date inside a role's span picks it (the most recently started one wins); a date just
    before the first report of a current office still gets it, unless another office ended
    after that date (then that one was held).
    """
    if not actor.roles:
        return None
    if date is None:
        cur = [r for r in actor.roles if r.end is None]
        cur.sort(key=lambda r: _since(r) or "", reverse=True)
        return (cur or actor.roles)[0].title
    inside = [r for r in actor.roles if (_since(r) or r.end) and _covers(r, date)]
    if inside:
        inside.sort(key=lambda r: (_since(r) or "", r.end or "9999"), reverse=True)
        return inside[0].title
    ended_after = [r for r in actor.roles if r.end and r.end[: len(date)] >= date[: len(r.end)]]
    if ended_after:
        ended_after.sort(key=lambda r: r.end or "")
        return ended_after[0].title
    later = [r for r in actor.roles if r.end is None and _since(r) and (_since(r) or "")[:4] >= date[:4]]
    if later:
        later.sort(key=lambda r: _since(r) or "")
        first = later[0]
        since = _since(first)
        if since and int(since[:4]) - int(date[:4]) <= 2:
            return first.title
    undated = [r for r in actor.roles if not _since(r) and not r.end]
    return undated[0].title if undated else None
