"""Near-duplicate detection for wire re-sends and syndicated copies.

A story re-sent with a corrected figure, or run by three outlets from one agency feed, is one
report, not three: fusion would otherwise count it as independent confirmation. MinHash over word
shingles estimates Jaccard similarity; LSH finds candidates without comparing every pair.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

_WORD = re.compile(r"\w+")
_SEED = 1
_SCHEME = "affine32"  # pinned: stored signatures must stay comparable across datasketch versions
_EMPTY = (1 << 32) - 1  # datasketch's value for "no shingle hashed here"


def shingles(text: str, k: int = 3) -> set[str]:
    """Word k-grams of the case-folded text (the whole text when it is shorter than k words)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


class NearDupIndex:
    """Signatures are plain lists of ints so the store can keep them and rebuild the index."""

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle_size: int = 3) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._sigs: dict[str, LeanMinHash] = {}
        self._order: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._sigs

    def signature(self, text: str) -> list[int]:
        """MinHash signature of the text's word shingles."""
        m = MinHash(num_perm=self.num_perm, seed=_SEED, scheme=_SCHEME)
        sh = shingles(text, self.shingle_size)
        if sh:
            m.update_batch([s.encode("utf-8") for s in sh])
        return [int(v) for v in m.hashvalues]

    def _lean(self, signature: list[int]) -> LeanMinHash:
        if len(signature) != self.num_perm:
            raise ValueError(f"signature has {len(signature)} values, index uses {self.num_perm}")
        return LeanMinHash(seed=_SEED, hashvalues=np.asarray(signature, dtype=np.uint32), scheme=_SCHEME)

    @staticmethod
    def _is_empty(signature: list[int]) -> bool:
        return all(v == _EMPTY for v in signature)

    def add(self, article_id: str, signature: list[int]) -> None:
        """Index an article; adding the same id again is a no-op (re-ingest)."""
        if article_id in self._sigs or self._is_empty(signature):
            return
        lean = self._lean(signature)
        self._lsh.insert(article_id, lean)
        self._sigs[article_id] = lean
        self._order[article_id] = len(self._order)

    def query(self, signature: list[int]) -> str | None:
        """The earliest-added article whose estimated similarity reaches the threshold."""
        if self._is_empty(signature):
            return None
        lean = self._lean(signature)
        hits = [aid for aid in self._lsh.query(lean) if self._sigs[aid].jaccard(lean) >= self.threshold]
        if not hits:
            return None
        return min(hits, key=self._order.__getitem__)

    def similarity(self, a: list[int], b: list[int]) -> float:
        """Estimated Jaccard similarity of two signatures (for reports and tests)."""
        return float(self._lean(a).jaccard(self._lean(b)))
