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
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

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


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash


def signature_values(text: str) -> list[int]:
    """The signature as plain integers, to store beside the article."""
    return [int(value) for value in signature(text).hashvalues]


def from_values(values: Iterable[int]) -> MinHash:
    return MinHash(
        num_perm=PERMUTATIONS, seed=_SEED, scheme=_SCHEME, hashvalues=np.array(list(values), dtype=np.uint64)
    )


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


def _within_window(first: Copy, second: Copy, window_days: int) -> bool:
    a, b = _day(first.published), _day(second.published)
    return a is None or b is None or abs((a - b).days) <= window_days


def _canonical_order(item: Copy) -> tuple[str, str]:
    return (item.published or "9999", item.id)


def duplicate_groups(
    articles: Iterable[Copy], *, threshold: float = THRESHOLD, window_days: int = WINDOW_DAYS
) -> dict[str, str]:
    """Map each duplicate's id to its canonical article's id; canonical articles are absent.

    Groups are the connected components of "similar and published within the window",
    so the answer is the same whatever order the articles come in.
    """
    items = sorted({a.id: a for a in articles}.values(), key=lambda a: a.id)
    # bands tuned against missed pairs: a false candidate costs one exact comparison below
    index = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS, weights=(0.1, 0.9))
    for item in items:
        index.insert(item.id, item.signature)
    by_id = {item.id: item for item in items}
    parent = {item.id: item.id for item in items}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for item in items:
        for other_id in index.query(item.signature):
            other = by_id[other_id]
            if other_id == item.id or not _within_window(item, other, window_days):
                continue
            if item.signature.jaccard(other.signature) >= threshold:
                first, second = sorted((root(item.id), root(other_id)))
                parent[second] = first
    groups: dict[str, list[Copy]] = {}
    for item in items:
        groups.setdefault(root(item.id), []).append(item)
    duplicates: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        canonical = min(members, key=_canonical_order)
        duplicates.update({m.id: canonical.id for m in members if m.id != canonical.id})
    return duplicates
