"""Near-duplicate detection for wire re-sends and syndicated copies.

A story re-sent with a corrected figure, or run by three outlets from one agency feed, is one
report, not three: fusion would otherwise count it as independent confirmation. MinHash over word
shingles estimates Jaccard similarity; LSH finds candidates without comparing every pair.

Wires also re-send a story cut to its first paragraphs. Its Jaccard similarity with the full
version is low (the sets differ in size), but nearly all of it is contained in the earlier story,
so a later text that adds (almost) nothing to an earlier one is a duplicate too. The reverse, a
later *longer* version, is not: it carries news the earlier one lacks.

The index in memory holds only what a run has not committed yet. Stored articles are found through
their band keys (``NearDupIndex.band_keys``), kept in the store beside the articles: an in-memory
LSH over every stored article grew ~11 KB per article (212 MB at 20,000 stories), so the main
process grew with the corpus, and a resumed run reloaded every signature. datasketch's own storage
backends (Redis, Cassandra) are servers, which the embedded default cannot require.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_SEED = 1
_SCHEME = "affine32"  # label datasketch needs to compare signatures; values are computed here
_EMPTY = (1 << 32) - 1  # the value of every slot when no shingle was hashed
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant for multiply-shift hashing
_SHIFT = np.uint64(32)
_CHUNK = 20_000  # shingles hashed at once, bounding memory on very long texts


def shingles(text: str, k: int = 3) -> set[str]:
    """Word k-grams of the case-folded text (the whole text when it is shorter than k words)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_MAX = 500_000


def _word_hash(word: str) -> int:
    """crc32 of a word, cached: news vocabulary repeats, and hashing dominated signature time."""
    v = _WORD_HASHES.get(word)
    if v is None:
        if len(_WORD_HASHES) >= _WORD_CACHE_MAX:
            _WORD_HASHES.clear()
        v = _WORD_HASHES[word] = zlib.crc32(word.encode("utf-8"))
    return v


def shingle_hashes(text: str, k: int = 3) -> np.ndarray:
    """Distinct hashes of the word k-grams, computed from per-word crc32s (no string joins)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    if len(words) < k:
        k = len(words)
    n = len(words) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            acc = acc * _MIX + h[j : n + j]  # wraps mod 2**64 by design
        acc = (acc * _MIX) >> _SHIFT
    return np.unique(acc)


class NearDupIndex:
    """Signatures are plain lists of ints so the store can keep them and rebuild the index.

    A signature is ``num_perm`` MinHash values followed by one more int, the number of distinct
    shingles (needed to estimate containment). Signatures without the count still work, with
    Jaccard only.

    Candidates are articles sharing a band: ``b`` runs of ``r`` signature values, from datasketch's
    choice of (b, r) for the candidate threshold. A band is named by a 64-bit key, so the same
    lookup works on an indexed store column (``band_keys``) and in this object's own table.
    """

    def __init__(
        self,
        threshold: float = 0.8,
        num_perm: int = 128,
        shingle_size: int = 3,
        containment: float = 0.9,
        min_shingles: int = 30,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self.containment = containment
        self.min_shingles = min_shingles
        # candidates are generated at a lower threshold so cut-down re-sends are found too
        lsh = MinHashLSH(threshold=min(threshold, 0.4), num_perm=num_perm)
        self.bands, self.rows = lsh.b, lsh.r
        self._buckets: dict[int, list[str]] = {}
        self._keys: dict[str, list[int]] = {}
        self._sigs: dict[str, LeanMinHash] = {}
        self._sizes: dict[str, int | None] = {}
        self._order: dict[str, int] = {}
        rng = np.random.RandomState(_SEED)
        self._a = rng.randint(0, 1 << 62, size=num_perm, dtype=np.int64).astype(np.uint64) * 2 + 1
        self._b = rng.randint(0, 1 << 62, size=num_perm, dtype=np.int64).astype(np.uint64)

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    def signature(self, text: str) -> list[int]:
        """MinHash signature of the text's word shingles, plus the shingle count."""
        hv = shingle_hashes(text, self.shingle_size)
        mins = np.full(self.num_perm, _EMPTY, dtype=np.uint64)
        for i in range(0, len(hv), _CHUNK):
            part = hv[i : i + _CHUNK]
            # multiply-shift universal hashing: no division; wraps mod 2**64 by design
            phv = np.multiply.outer(self._a, part)
            phv += self._b[:, None]
            phv >>= _SHIFT
            mins = np.minimum(mins, phv.min(axis=1))
        return [int(v) for v in mins.tolist()] + [len(hv)]

    def _split(self, signature: list[int]) -> tuple[LeanMinHash, int | None]:
        if len(signature) not in (self.num_perm, self.num_perm + 1):
            raise ValueError(f"signature has {len(signature)} values, index uses {self.num_perm}")
        size = signature[self.num_perm] if len(signature) > self.num_perm else None
        values = np.asarray(signature[: self.num_perm], dtype=np.uint32)
        return LeanMinHash(seed=_SEED, hashvalues=values, scheme=_SCHEME), size

    def _is_empty(self, signature: list[int]) -> bool:
        return all(v == _EMPTY for v in signature[: self.num_perm])

    def band_keys(self, signature: list[int]) -> list[int]:
        """One signed 64-bit key per band (none for an empty text): two signatures are candidates
        when any key is equal. blake2b keeps the keys the same on every platform and version."""
        if self._is_empty(signature):
            return []
        if len(signature) not in (self.num_perm, self.num_perm + 1):
            raise ValueError(f"signature has {len(signature)} values, index uses {self.num_perm}")
        raw = np.asarray(signature[: self.num_perm], dtype="<u4").tobytes()
        width = 4 * self.rows
        keys = []
        for i in range(self.bands):
            h = hashlib.blake2b(raw[i * width : (i + 1) * width], digest_size=8, person=b"band%d" % i)
            keys.append(int.from_bytes(h.digest(), "big", signed=True))
        return keys

    def add(self, article_id: str, signature: list[int], keys: list[int] | None = None) -> None:
        """Index an article; adding the same id again is a no-op (re-ingest). ``keys`` are the
        signature's ``band_keys`` when the caller has them already (ingest stores them too)."""
        if article_id in self._sigs or self._is_empty(signature):
            return
        lean, size = self._split(signature)
        keys = self.band_keys(signature) if keys is None else keys
        for k in keys:
            self._buckets.setdefault(k, []).append(article_id)
        self._keys[article_id] = keys
        self._sigs[article_id] = lean
        self._sizes[article_id] = size
        self._order[article_id] = len(self._order)

    def remove(self, article_id: str) -> None:
        """Forget an article (once committed, the store finds it by its band keys)."""
        keys = self._keys.pop(article_id, None)
        if keys is None:
            return
        for k in keys:
            ids = self._buckets[k]
            ids.remove(article_id)
            if not ids:
                del self._buckets[k]
        del self._sigs[article_id], self._sizes[article_id], self._order[article_id]

    def _is_dup(
        self, lean: LeanMinHash, size: int | None, other: LeanMinHash, other_size: int | None
    ) -> bool:
        j = float(other.jaccard(lean))
        if j >= self.threshold:
            return True
        if not size or not other_size or size < self.min_shingles or j <= 0:
            return False
        # |A ∩ B| = J (|A| + |B|) / (1 + J); the new text adds nothing if it is inside the old one
        inter = j * (size + other_size) / (1 + j)
        return inter / size >= self.containment

    def query(
        self,
        signature: list[int],
        earlier: Iterable[tuple[str, list[int]]] = (),
        keys: list[int] | None = None,
    ) -> str | None:
        """The earliest article this text duplicates (same story, or contained in it).

        ``earlier`` are candidates from before anything added here (the store's, found by
        ``band_keys``), oldest first; the first of them that matches wins. ``keys`` as for ``add``.
        """
        if self._is_empty(signature):
            return None
        lean, size = self._split(signature)
        for aid, other in earlier:
            if aid not in self._sigs and self._is_dup(lean, size, *self._split(other)):
                return aid
        keys = self.band_keys(signature) if keys is None else keys
        found = {aid for k in keys for aid in self._buckets.get(k, ())}
        hits = [aid for aid in found if self._is_dup(lean, size, self._sigs[aid], self._sizes[aid])]
        if not hits:
            return None
        return min(hits, key=self._order.__getitem__)

    def similarity(self, a: list[int], b: list[int]) -> float:
        """Estimated Jaccard similarity of two signatures (for reports and tests)."""
        return float(self._split(a)[0].jaccard(self._split(b)[0]))
