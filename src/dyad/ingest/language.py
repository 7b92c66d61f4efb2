"""Which language an article is in, so that non-English articles are stored but not coded.

py3langid is small, offline and fast (a fraction of a millisecond an article). Candidates
are the languages with an ISO 639-1 code, the code Article.language holds; a guess below
`MIN_CONFIDENCE` is no answer, because a short English headline can look like Estonian or
Swedish to any n-gram model, and an English article marked foreign would silently go
uncoded.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

MIN_CONFIDENCE = 0.7
# Enough text for a confident answer; the rest of a long article only costs time.
_SAMPLE_CHARS = 2000
_WORD = re.compile(r"[^\W\d_]{3}")


@functools.cache
def _identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.labels if len(code) == 2])
    return identifier


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the evidence is too thin."""
    sample = text[:_SAMPLE_CHARS]
    if not _WORD.search(sample):
        return None
    code, confidence = _identifier().classify(sample)
    return code if confidence >= MIN_CONFIDENCE else None
