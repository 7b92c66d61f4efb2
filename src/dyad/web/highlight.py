"""An article's text as HTML: sections shaded by kind, and the evidence of coded events marked in place,
so a reader sees what was coded and what was not."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from dyad.records import Section


@dataclass(frozen=True)
class Mark:
    """A span of the text to highlight, with the event (or events) it is evidence for."""

    start: int
    end: int
    label: str
    css: str = "ev"


def annotate(text: str, sections: Sequence[Section], marks: Sequence[Mark]) -> Markup:
    """The text cut at every section and mark boundary; each piece carries its section kind and marks."""
    bounds = {0, len(text)}
    for item in [*sections, *marks]:
        bounds.update((max(0, min(item.start, len(text))), max(0, min(item.end, len(text)))))
    cuts = sorted(bounds)
    html: list[str] = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        kind = next((s.kind for s in sections if s.start <= start and end <= s.end), "none")
        covering = [m for m in marks if m.start <= start and end <= m.end]
        piece = escape(text[start:end])
        if covering:
            labels = escape("; ".join(dict.fromkeys(m.label for m in covering)))
            css = " ".join(sorted({m.css for m in covering}))
            piece = Markup(f'<mark class="{css}" title="{labels}">{piece}</mark>')
        html.append(f'<span class="sec sec-{escape(kind)}">{piece}</span>')
    return Markup("".join(html))
