"""The Cuba–Belarus brief: every part present, every line citing happenings."""

import re

from dyad.brief import brief

CITES = re.compile(r"\bh[0-9a-f]{16}\b")


def _check_cited(text):
    for line in text.splitlines():
        if line.startswith("- ") and "No stored happening" not in line:
            assert CITES.search(line), line


def test_brief_on_samples_cites_visit_and_every_section(corpus_store):
    result = brief(corpus_store, "CUB", "BLR", since="2025-01", min_confidence=0.6)
    text = result.markdown()
    titles = [title for title, _ in result.sections]
    assert titles[0] == "What happened" and "Domestic situation in CUB" in titles
    assert "CONSULT visit CUB -> BLR" in text and "2025-06-24" in text
    assert "RUS:" in text  # the third party shared by both sides
    _check_cited(text)
    assert "<h2>What happened</h2>" in result.html()


def test_brief_with_seeds_cites_visit_roadmap_and_message(seeded_store):
    text = brief(seeded_store, "CUB", "BLR", min_confidence=0.6).markdown()
    assert re.search(r"2025-06-24 CONSULT visit CUB -> BLR", text)  # the June 2025 visit
    assert re.search(r"2025-11 SUPPORT BLR/CUB: .*roadmap", text)  # the November roadmap
    assert re.search(r"2025-07-26 (AGREE|SUPPORT) BLR -> CUB", text)  # the July 26 message
    _check_cited(text)
