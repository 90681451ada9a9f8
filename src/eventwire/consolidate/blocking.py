"""Actor blocks: groups of local actors that resolution can only ever decide together.

Incremental consolidation (``run/consolidate.py``) re-resolves only the blocks a batch touches, so
a block must hold every local actor whose presence could change how another one resolves; then
resolving a block alone gives exactly what resolving the whole corpus gives for its members. The
links below mirror the rules of :mod:`.actors`, each a superset of what a rule compares:

- a country key, a three-part group key: one block each;
- organisations: any shared name form (folded name, alias or corporate core), whatever the state
  (the union-find of ``_cluster_orgs`` and its "stateless joins the one stateful" rule both look
  only at equal forms);
- people with a full name: every ordered pair of its words (the same name, or a shorter full name
  inside a longer one, shares a pair), and its typo keys (``actors.typo_keys``: the same length and
  every word but one the same, which is what step 2 of ``_cluster_people`` compares);
- a one-word name with an office: every full name whose given name (first word) it is and that
  holds the same office (``pg`` keys; the given-name route of step 4);
- a one-word name: the same word alone and every full name whose surname (last word) it is; only
  while no full name ends in it, the surnames of four letters or more with the same initial that
  rapidfuzz rates 80 or more (the spelling fallback of step 4). A full name's first word links
  nothing else: a bare given name is not matched across articles, so "John Smith" and "John Baker" are
  not linked, nor are "Ana Pereira" and "Rui Pereira" except through a one-word "Pereira".

A spelling link made while a word was no one's surname stays when a full name ending in it arrives
later (blocks only merge; the rule then no longer reads it: exact, only a larger block). When a
re-extraction removes the last full name ending in a word, that word's one-word names are linked to
the surnames spelt alike again (``orphans``), as the rule falls back to them.

A key is ``(role, text)``: role ``l`` links to the same ``l`` key, ``s`` (a one-word name) to the
same word as ``s`` or ``b``, ``b`` (a full name's surname) only to ``s``. Blocks only
grow by merging; a block that holds more than it must is still exact, only slower.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

from rapidfuzz import fuzz, process

from ..link.names import fold
from ..model import LocalActor
from .actors import SPELLING_CUTOFF, SPELLING_MIN_LEN, _tokens, actor_bucket, org_forms, typo_keys

FUZZY_MIN_LEN = SPELLING_MIN_LEN  # _cluster_people step 4 compares words of four letters or more
FUZZY_CUTOFF = SPELLING_CUTOFF
MAX_PAIR_WORDS = 12  # a "name" longer than this is noise; its pairs stay bounded

Key = tuple[str, str]


def actor_keys(article_id: str, la: LocalActor) -> list[Key]:
    """The keys that link this local actor to others it could be resolved with."""
    bucket = actor_bucket(la)
    if bucket.startswith(("country:", "group:")):
        return [("l", bucket)]
    if bucket != "person":
        return [("l", f"o|{bucket}|{f}") for f in sorted(org_forms(la))]
    toks = _tokens(la.name)
    if not toks:
        return [("l", f"p0|{article_id}|{la.key}")]  # resolution ignores it: alone
    offices: list[Key] = [("l", f"pg|{toks[0]}\x1f{t}") for t in sorted({fold(r.title) for r in la.roles})]
    if len(toks) == 1:
        return [("s", toks[0]), *offices]
    words = toks[:MAX_PAIR_WORDS]
    keys: list[Key] = [("l", f"pp|{a}\x1f{b}") for a, b in combinations(words, 2)] + offices
    for n, i, masked, initial, head in typo_keys(toks):
        keys.append(("l", f"py|{n}|{i}|{initial}|{head}|" + "\x1f".join(masked)))
    keys.append(("b", toks[-1]))
    return keys


def fuzzy_pairs(words: Iterable[str], others: Iterable[str]) -> list[tuple[str, str]]:
    """(word, other) with the same initial, both long enough, spelt alike (step 4's fallback)."""
    by_initial: dict[str, list[str]] = defaultdict(list)
    for o in sorted(set(others)):
        if len(o) >= FUZZY_MIN_LEN:
            by_initial[o[:1]].append(o)
    out = []
    for w in sorted(set(words)):
        pool = by_initial.get(w[:1]) if len(w) >= FUZZY_MIN_LEN else None
        if pool:
            for other, _score, _i in process.extract(
                w, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                out.append((w, other))
    return out


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[object, object] = {}

    def find(self, x: object) -> object:
        p = self.parent.setdefault(x, x)
        while p != x:
            self.parent[x] = self.parent.setdefault(p, p)
            x, p = p, self.parent[p]
        return x

    def union(self, a: object, b: object) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)


def group_units(
    units: dict[str, list[Key]],
    existing: Callable[[list[Key]], dict[Key, set[str]]],
    vocabulary: Callable[[str, set[str]], list[tuple[str, str]]],
    present: Callable[[str, set[str]], set[str]] = lambda role, words: set(),
    orphans: Iterable[str] = (),
) -> list[tuple[list[str], set[str]]]:
    """New units (id -> keys) grouped with each other and with the stored blocks they link to.

    ``existing(keys)`` gives, per key, the stored blocks it links to (roles already matched);
    ``vocabulary(role, initials)`` gives stored (word, block) of that role with those initials, for
    the spelling links; ``present(role, words)`` which of the words are stored with that role.
    ``orphans``: words whose stored surname keys this batch removed. Returns (unit ids, stored
    blocks) per group (a group may hold only stored blocks that an orphan links).
    """
    uf = UnionFind()
    by_key: dict[Key, list[str]] = defaultdict(list)
    for uid, keys in units.items():
        uf.find(("u", uid))
        for k in keys:
            by_key[k].append(uid)
    # among the new units: the same l key, the same one-word name, a one-word name and a surname
    for (role, text), uids in by_key.items():
        partners = list(uids)
        if role == "s":
            partners += by_key.get(("b", text), [])
        if role == "b":
            continue  # b joins b only through an s, handled from the s side
        for u in partners[1:]:
            uf.union(("u", partners[0]), ("u", u))
    for k, blocks in existing(list(by_key)).items():
        for b in blocks:
            for u in by_key[k]:
                uf.union(("u", u), ("b", b))
    _spelling_links(uf, by_key, vocabulary, present, set(orphans))
    groups: dict[object, tuple[list[str], set[str]]] = {}
    for node in list(uf.parent):
        root = uf.find(node)
        g = groups.setdefault(root, ([], set()))
        kind, name = node  # type: ignore[misc]
        (g[0].append(name) if kind == "u" else g[1].add(name))
    return [(sorted(u), b) for u, b in groups.values() if u or len(b) > 1]


def _spelling_links(
    uf: UnionFind,
    by_key: dict[Key, list[str]],
    vocabulary: Callable[[str, set[str]], list[tuple[str, str]]],
    present: Callable[[str, set[str]], set[str]],
    orphans: set[str],
) -> None:
    """A one-word name that is no one's surname, to the surnames spelt alike (step 4's fallback):
    new names to new and stored surnames, stored names to new surnames, and an orphan's stored
    names to every surname spelt alike."""
    singles = {t for r, t in by_key if r == "s"}
    fulls = {t for r, t in by_key if r == "b"}
    surnamed = fulls | present("b", singles | orphans)
    lonely = {w for w in singles if w not in surnamed}
    for w, other in fuzzy_pairs(lonely, fulls):
        for u in by_key[("b", other)]:  # full names sharing a word are not linked to each other
            uf.union(("u", by_key[("s", w)][0]), ("u", u))
    # a new lonely name spelt like a stored surname
    initials = {w[:1] for w in lonely if len(w) >= FUZZY_MIN_LEN}
    blocks_of = _by_word(vocabulary("b", initials) if initials else [])
    for w, other in fuzzy_pairs(lonely, blocks_of):
        for b in blocks_of[other]:
            uf.union(("u", by_key[("s", w)][0]), ("b", b))
    # a stored lonely name spelt like a new surname
    initials = {w[:1] for w in fulls if len(w) >= FUZZY_MIN_LEN}
    stored_singles = _by_word(vocabulary("s", initials) if initials else [])
    pairs = fuzzy_pairs(fulls, stored_singles)
    stored_surnamed = present("b", {o for _w, o in pairs})
    for w, other in pairs:
        if other not in fulls and other not in stored_surnamed:
            for b in stored_singles[other]:
                for u in by_key[("b", w)]:
                    uf.union(("u", u), ("b", b))
    # an orphan: its stored names fall back to the surnames spelt alike, new or stored
    gone = orphans - surnamed  # their store answer is already in `surnamed`
    if not gone:
        return
    mine = _by_word(vocabulary("s", {w[:1] for w in gone}))
    initials = {w[:1] for w in gone if len(w) >= FUZZY_MIN_LEN}
    stored_b = _by_word(vocabulary("b", initials) if initials else [])
    for w in sorted(gone):
        anchor = sorted(mine.get(w, ()))
        if not anchor:
            continue
        for b in anchor[1:]:
            uf.union(("b", anchor[0]), ("b", b))
        for _w, other in fuzzy_pairs([w], fulls):
            for u in by_key[("b", other)]:
                uf.union(("b", anchor[0]), ("u", u))
        for _w, other in fuzzy_pairs([w], stored_b):
            for b in stored_b[other]:
                uf.union(("b", anchor[0]), ("b", b))


def _by_word(rows: list[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for word, block in rows:
        out[word].add(block)
    return out
