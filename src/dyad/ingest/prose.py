"""Is a decoded text prose at all? Garbage is named as a failure, not stored as an article.

Two judgements, each a share of the text's non-space characters:
- "undecodable text": more than MAX_REPLACEMENT_SHARE are U+FFFD, the character a decoder
  puts where bytes made no sense (a page saved in one encoding and declared in another);
- "not prose": fewer than MIN_LETTER_SHARE are letters (any script: Latin, Cyrillic,
  Arabic, CJK ideographs, with their combining marks), or more than MAX_JUNK_SHARE are
  control, private-use, unassigned or symbol characters.

Prose in any language is about 75-90% letters, the rest punctuation and digits; the
thresholds leave wide room for figures-heavy news (results, budgets) while junk such as
`\x01\x02~~##@@` or a run of box-drawing symbols falls far outside them. The test suite
checks both ways: English, Russian, Arabic, Chinese and Hindi prose pass, junk fails.
"""

from __future__ import annotations

import unicodedata

MAX_REPLACEMENT_SHARE = 0.01
MIN_LETTER_SHARE = 0.40
MAX_JUNK_SHARE = 0.20
# Whitespace controls are layout, not junk.
_LAYOUT = frozenset("\t\n\r\f\v")
_JUNK_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs", "Sm", "Sc", "Sk", "So"})


def garbage_reason(text: str) -> str | None:
    """Why `text` is not an article's prose ("undecodable text: ...", "not prose: ..."), or None."""
    counted = [char for char in text if not char.isspace()]
    if not counted:
        return "not prose: no visible characters"
    total = len(counted)
    replaced = counted.count("\ufffd")
    if replaced / total > MAX_REPLACEMENT_SHARE:
        return (
            f"undecodable text: {replaced} of {total} characters are U+FFFD replacement characters "
            f"(over {MAX_REPLACEMENT_SHARE:.0%}); the file's encoding is wrong or it is not text"
        )
    letters = junk = 0
    for char in counted:
        category = unicodedata.category(char)
        if category[0] in "LM":
            letters += 1
        elif category in _JUNK_CATEGORIES and char not in _LAYOUT:
            junk += 1
    if junk / total > MAX_JUNK_SHARE:
        return f"not prose: {junk} of {total} characters are control characters or symbols (over {MAX_JUNK_SHARE:.0%})"
    if letters / total < MIN_LETTER_SHARE:
        return f"not prose: only {letters} of {total} characters are letters (under {MIN_LETTER_SHARE:.0%})"
    return None
