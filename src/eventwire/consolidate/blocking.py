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
  inside a longer one, shares a pair), and the typo block of ``_cluster_people`` step 2 (word
  count, first letter, last word's first two letters);
- a one-word name: the same word alone, any full name that starts or ends with it, and any such
  word of four letters or more with the same initial that rapidfuzz rates 80 or more (the spelling
  fallback of step 4). Full names are NOT linked by a shared first or last word alone ("John
  Smith", "John Baker"), only through a one-word mention that could join either.

A key is ``(role, text)``: role ``l`` links to the same ``l`` key, ``s`` (a one-word name) to the
same word as ``s`` or ``b``, ``b`` (a full name's first or last word) only to ``s``. Blocks only
grow by merging; a block that holds more than it must is still exact, only slower.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

from rapidfuzz import fuzz, process

from ..model import LocalActor
from .actors import _tokens, actor_bucket, org_forms

FUZZY_MIN_LEN = 4  # _cluster_people step 4 compares words of four letters or more
FUZZY_CUTOFF = 80
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
    if len(toks) == 1:
        return [("s", toks[0])]
    words = toks[:MAX_PAIR_WORDS]
    keys: list[Key] = [("l", f"pp|{a}\x1f{b}") for a, b in combinations(words, 2)]
    keys.append(("l", f"py|{len(toks)}|{toks[0][:1]}|{toks[-1][:2]}"))
    keys += [("b", toks[0]), ("b", toks[-1])]
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
) -> list[tuple[list[str], set[str]]]:
    """New units (id -> keys) grouped with each other and with the stored blocks they link to.

    ``existing(keys)`` gives, per key, the stored blocks it links to (roles already matched);
    ``vocabulary(role, initials)`` gives stored (word, block) of that role with those initials, for
    the spelling links. Returns (unit ids, stored blocks) per group.
    """
    uf = UnionFind()
    by_key: dict[Key, list[str]] = defaultdict(list)
    for uid, keys in units.items():
        uf.find(("u", uid))
        for k in keys:
            by_key[k].append(uid)
    # among the new units: the same l key, the same one-word name, a one-word name and a full
    # name's first or last word
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
    singles = {t for r, t in by_key if r == "s"}
    fulls = {t for r, t in by_key if r == "b"}
    for w, other in fuzzy_pairs(singles, fulls):
        for u in by_key[("b", other)]:  # full names sharing a word are not linked to each other
            uf.union(("u", by_key[("s", w)][0]), ("u", u))
    # a new one-word name spelt like a stored full name's word, and the other way round
    for stored_role, mine, my_role in (("b", singles, "s"), ("s", fulls, "b")):
        initials = {w[:1] for w in mine if len(w) >= FUZZY_MIN_LEN}
        stored = vocabulary(stored_role, initials) if initials else []
        blocks_of: dict[str, set[str]] = defaultdict(set)
        for word, block in stored:
            blocks_of[word].add(block)
        for w, other in fuzzy_pairs(mine, blocks_of):
            for b in blocks_of[other]:
                for u in by_key[(my_role, w)]:
                    uf.union(("u", u), ("b", b))
    groups: dict[object, tuple[list[str], set[str]]] = {}
    for node in list(uf.parent):
        root = uf.find(node)
        g = groups.setdefault(root, ([], set()))
        kind, name = node  # type: ignore[misc]
        (g[0].append(name) if kind == "u" else g[1].add(name))
    return [(sorted(u), b) for u, b in groups.values() if u]
