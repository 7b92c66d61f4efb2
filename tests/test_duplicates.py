"""Near-duplicate detection on pairs built for the purpose (tests/data/duplicates/, our own
text): a re-post with a new header and footer and a lightly edited copy are duplicates of
the wire story; another outlet's own story on the same visit is not."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from dyad.duplicates import (
    THRESHOLD,
    Copy,
    duplicate_groups,
    from_values,
    linked_pairs,
    signature,
    signature_values,
    within_window,
)

DATA = Path(__file__).parent / "data" / "duplicates"


def _copy(name: str, published: str | None = "2025-06-25", key: str | None = None) -> Copy:
    return Copy(id=key or name, published=published, signature=signature((DATA / f"{name}.txt").read_text()))


@pytest.mark.parametrize(("name", "duplicate"), [("repost", True), ("edited", True), ("other", False)])
def test_similarity_against_the_wire_story(name: str, duplicate: bool):
    similarity = _copy("wire").signature.jaccard(_copy(name).signature)
    assert (similarity >= THRESHOLD) is duplicate


def test_linked_pairs_agree_with_minhash_jaccard_and_the_window():
    # the batch comparison the rebuild and the writer share must decide every pair as
    # MinHash.jaccard and the date window would, one pair at a time
    copies = [_copy("wire"), _copy("repost"), _copy("edited"), _copy("other"), _copy("repost", "2025-09-01", "late")]
    values = np.stack([np.asarray(c.signature.hashvalues, dtype=np.uint64) for c in copies])
    pairs = np.array(list(itertools.combinations(range(len(copies)), 2)), dtype=np.int64)
    found = linked_pairs(values, [c.published for c in copies], pairs)
    expected = [
        (i, j)
        for i, j in pairs.tolist()
        if copies[i].signature.jaccard(copies[j].signature) >= THRESHOLD
        and within_window(copies[i].published, copies[j].published)
    ]
    assert found == expected
    assert (0, 1) in found and (0, 4) not in found  # a re-post, and the same re-post months later


def test_the_earliest_published_copy_is_canonical_whatever_the_order():
    copies = [
        _copy("repost", "2025-06-25"),
        _copy("wire", "2025-06-24"),
        _copy("edited", "2025-06-26"),
        _copy("other", "2025-06-24"),
    ]
    expected = {"repost": "wire", "edited": "wire"}
    for order in itertools.permutations(copies):
        assert duplicate_groups(order) == expected


def test_copies_far_apart_in_time_are_separate_reports():
    assert duplicate_groups([_copy("wire", "2025-06-24"), _copy("repost", "2025-09-01")]) == {}
    # an unknown date does not rule a copy out, and counts as the latest
    assert duplicate_groups([_copy("wire", None), _copy("repost", "2025-09-01")]) == {"wire": "repost"}


def test_ties_on_date_go_to_the_smaller_id():
    found = duplicate_groups([_copy("wire", key="b"), _copy("repost", key="a")])
    assert found == {"b": "a"}


def test_a_stored_signature_round_trips():
    values = signature_values((DATA / "wire.txt").read_text())
    assert all(isinstance(v, int) for v in values)
    assert from_values(values).jaccard(_copy("wire").signature) == 1.0


def test_empty_text_duplicates_nothing():
    empty = Copy(id="empty", published=None, signature=signature(""))
    assert duplicate_groups([empty, _copy("wire")]) == {}


def test_banding_finds_exactly_the_candidates_datasketch_lsh_finds():
    """The batch banding in numpy must agree with MinHashLSH on every pair, or duplicates
    found by a run would differ from the library's reading of the same signatures."""
    import random

    import numpy as np
    from datasketch import MinHashLSH

    from dyad.duplicates import bands, candidate_pairs

    rng = random.Random(7)
    base = [(DATA / f"{name}.txt").read_text() for name in ("wire", "repost", "edited", "other")]
    texts = []
    for text in base:
        for _ in range(12):  # copies with up to 40 words replaced: some stay in one band, some not
            words = text.split()
            for _ in range(rng.randint(0, 40)):
                words[rng.randrange(len(words))] = rng.choice(["new", "said", "minister", "the"])
            texts.append(" ".join(words))
    signatures = [signature(text) for text in texts]
    (start, end), count = bands()[0], len(bands())
    index = MinHashLSH(num_perm=len(signatures[0].hashvalues), params=(count, end - start))
    for number, minhash in enumerate(signatures):
        index.insert(number, minhash)
    expected = {(min(a, b), max(a, b)) for a in range(len(texts)) for b in index.query(signatures[a]) if a != b}
    values = np.stack([minhash.hashvalues for minhash in signatures])
    found = {tuple(pair) for pair in candidate_pairs(values).tolist()}
    assert found == expected
    assert 0 < len(found) < len(texts) * (len(texts) - 1) // 2
