"""Near-duplicate articles: wire copy, re-posts and mirrors, found with MinHash LSH.

A wire story re-posted with a new header, a byline and a "read more" footer hashes to
another article id, yet it is the same report; counted twice, it would make one source
look like two. Each article gets a MinHash signature of its body's word shingles; LSH
(datasketch) finds the candidates and the estimated Jaccard similarity decides. Two
different stories on the same event share names and dates, not runs of five words, so
they stay apart (tests/test_duplicates.py builds each case).

Within a group of near-duplicates the canonical article is the earliest published (an
unknown date counts as latest), ties broken by id, so the choice does not depend on the
order the articles arrive in.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from dyad.dates import iso_to_date

SHINGLE_WORDS = 5
PERMUTATIONS = 128
# Estimated Jaccard similarity of 5-word shingles at or above which two articles are one
# report. On the pairs in tests/data/duplicates/ (a 190-word wire story): its re-post with
# a new header and footer scores 0.90, a lightly edited copy (four words changed, a
# paragraph dropped, a sentence added) 0.47, and another outlet's own story on the same
# visit 0.00. Every changed word breaks five shingles, so light edits fall fast on short
# texts; 0.35 keeps them while staying far above what distinct stories share.
THRESHOLD = 0.35
# Copies are posted within days of the original; a story that recurs a month later with
# the same boilerplate is another report.
WINDOW_DAYS = 7
_SEED = 1
_SCHEME = "affine32"  # pinned, so stored signatures stay comparable across datasketch releases
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[str]:
    """Lower-cased runs of `size` words; a text shorter than that is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@functools.cache
def _permutations() -> np.ndarray:
    """The permutation parameters of the pinned seed and scheme, drawn once rather than per article."""
    return MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME).permutations


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME, permutations=_permutations())
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash


def signature_values(text: str) -> list[int]:
    """The signature as plain integers, to store beside the article."""
    return [int(value) for value in signature(text).hashvalues]


def from_values(values: Iterable[int]) -> MinHash:
    """A stored signature, comparable with `signature`'s (a lean one: no permutations to draw)."""
    return LeanMinHash(seed=_SEED, hashvalues=np.array(list(values), dtype=np.uint64), scheme=_SCHEME)


@functools.cache
def bands(threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """The LSH bands (slices of the signature) for `threshold`, weighted against missed pairs:
    a false candidate costs one exact comparison, a missed one a duplicate counted as a source."""
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS, weights=(0.1, 0.9))
    return [(band * index.r, (band + 1) * index.r) for band in range(index.b)]


def candidate_pairs(values: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """Row pairs (i < j) of a signature matrix that agree on every value of at least one band:
    MinHashLSH's candidates, found with numpy for a whole batch at once."""
    values = np.asarray(values, dtype=np.uint64)
    rows = len(values)
    keys = []
    for number, (start, end) in enumerate(bands(threshold)):
        band = np.ascontiguousarray(values[:, start:end]).view(np.dtype((np.void, 8 * (end - start)))).reshape(-1)
        _, bucket = np.unique(band, return_inverse=True)
        keys.append(number * rows + bucket.reshape(-1))
    key = np.concatenate(keys)
    row = np.tile(np.arange(rows), len(keys))
    shared = np.bincount(key)[key] > 1  # most rows are alone in every bucket
    key, row = key[shared], row[shared]
    order = np.argsort(key, kind="stable")
    key, row = key[order], row[order]
    pairs: set[tuple[int, int]] = set()
    for members in np.split(row, np.flatnonzero(np.diff(key)) + 1):
        members = sorted(members.tolist())
        pairs.update((members[i], members[j]) for i in range(len(members)) for j in range(i + 1, len(members)))
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def band_keys(values: np.ndarray, threshold: float = THRESHOLD) -> np.ndarray:
    """One key per band for each signature row (rows x bands), for the store's band index:
    two signatures share a band's key when they agree on every value of that band (an
    8-byte BLAKE2 digest of the band, so a false match is a 1-in-2^64 chance)."""
    values = np.asarray(values, dtype=np.uint64).reshape(-1, PERMUTATIONS)
    spans = bands(threshold)
    keys = np.empty((len(values), len(spans)), dtype=np.uint64)
    for row, signature_row in enumerate(values):
        for number, (start, end) in enumerate(spans):
            digest = hashlib.blake2b(signature_row[start:end].tobytes(), digest_size=8).digest()
            keys[row, number] = int.from_bytes(digest, "little")
    return keys


def linked_pairs(
    values: np.ndarray,
    published: Sequence[str | None],
    pairs: np.ndarray,
    threshold: float = THRESHOLD,
    window_days: int = WINDOW_DAYS,
) -> list[tuple[int, int]]:
    """The candidate pairs of rows (indices into `values`, one signature a row, and `published`)
    that are one report: similar enough, and published within the window of each other. The
    similarity is MinHash.jaccard's estimate, equal values over the signature's length, for all
    pairs at once."""
    if not len(pairs):
        return []
    similarity = (values[pairs[:, 0]] == values[pairs[:, 1]]).mean(axis=1)
    return [
        (first, second)
        for (first, second), similar in zip(pairs.tolist(), similarity.tolist(), strict=True)
        if similar >= threshold and within_window(published[first], published[second], window_days)
    ]


def canonical_of(members: Iterable[tuple[str, str | None]]) -> str:
    """The canonical article of a group of (id, published): the earliest published, then the id."""
    return min(members, key=lambda member: (member[1] or "9999", member[0]))[0]


@dataclass(frozen=True)
class Copy:
    """What a duplicate search needs of one article."""

    id: str
    published: str | None
    signature: MinHash


def _day(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return iso_to_date(published)[0]
    except ValueError:
        return None


def within_window(first: str | None, second: str | None, window_days: int = WINDOW_DAYS) -> bool:
    """Published within `window_days` of each other (an unknown date is within any window)."""
    a, b = _day(first), _day(second)
    return a is None or b is None or abs((a - b).days) <= window_days


class Components:
    """Union-find over article ids: the groups that links between pairs make. A group's
    root is its smallest id, so the result does not depend on the order links come in."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, first: str, second: str) -> None:
        low, high = sorted((self.root(first), self.root(second)))
        self.parent[high] = low

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for key in self.parent:
            found.setdefault(self.root(key), []).append(key)
        return list(found.values())


def duplicate_groups(
    articles: Iterable[Copy], *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> dict[str, str]:
    """Map each duplicate's id to its canonical article's id; canonical articles are absent.

    Groups are the connected components of "similar and published within the window",
    so the answer is the same whatever order the articles come in.
    """
    items = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    components = Components(item.id for item in items)
    if len(items) > 1:
        values = np.stack([np.asarray(item.signature.hashvalues, dtype=np.uint64) for item in items])
        pairs = candidate_pairs(values, threshold)
        dates = [item.published for item in items]
        for first, second in linked_pairs(values, dates, pairs, threshold, window_days):
            components.join(items[first].id, items[second].id)
    published = {item.id: item.published for item in items}
    duplicates: dict[str, str] = {}
    for members in components.groups():
        if len(members) < 2:
            continue
        canonical = canonical_of((key, published[key]) for key in members)
        duplicates.update({key: canonical for key in members if key != canonical})
    return duplicates
