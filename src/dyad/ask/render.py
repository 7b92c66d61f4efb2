"""An answer as text, markdown or JSON: the same lines in each, every one with its citations."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from dyad.ask.answer import Answer, Citation
from dyad.ask.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from dyad.promises import Promise

EVIDENCE_CHARS = 220  # a cited sentence is shortened to this, to keep answers short


def citation_line(citation: Citation) -> str:
    """'2025-06-24 CONSULT visit CUB -> BLR: "..." [outlets; happening h...; ref]'."""
    sides = "/".join(citation.actors) or "?"
    if citation.recipients:
        sides += " -> " + "/".join(citation.recipients)
    what = citation.type + (f" {citation.mode}" if citation.mode else "")
    if citation.modality != "asserted":
        what += f" ({citation.modality})"
    evidence = " ".join(citation.evidence.split())
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[: EVIDENCE_CHARS - 1].rstrip() + "…"
    outlets = ", ".join(citation.outlets) or "outlet unknown"
    refs = "; ".join(citation.refs[:3]) + (f" (+{len(citation.refs) - 3})" if len(citation.refs) > 3 else "")
    return f'{citation.date or "undated"} {what} {sides}: "{evidence}" [{outlets}; happening {citation.id}; {refs}]'


def as_text(answer: Answer, *, markdown: bool = False) -> str:
    head, bullet, sub = ("## ", "- ", "  - ") if markdown else ("", "  ", "    - ")
    lines = [f"{head}{answer.question}", f"Understood: {answer.understood}."]
    if answer.no_support:
        lines.append("No support found: no stored happening matches. Looked for:")
        lines += [f"{bullet}{what}" for what in answer.looked_for]
        return "\n".join(lines) + "\n"
    for section in answer.sections:
        lines.append("")
        lines.append(f"{'### ' if markdown else ''}{section.title}")
        for group in section.groups:
            lines.append(f"{bullet}{group.headline()}")
            lines += [f"{sub}{citation_line(c)}" for c in group.citations]
    if answer.note:
        lines += ["", f"Note: {answer.note}"]
    return "\n".join(lines) + "\n"


def as_json(answer: Answer) -> str:
    return json.dumps(answer.to_dict(), ensure_ascii=False, indent=2) + "\n"


def promise_lines(items: list[Promise], *, markdown: bool = False) -> list[str]:
    """Each promise with its status, time elapsed and the happenings that decide it."""
    bullet, sub = ("- ", "  - ") if markdown else ("", "    ")
    lines = []
    vocabulary = load_vocabulary()
    for item in items:
        when = f", {item.elapsed_days} days" if item.elapsed_days is not None else ""
        elapsed = {"kept": " to the first fulfilment", "contradicted": " to the latest denial",
                   "pending": " without follow-up so far"}.get(item.status, "")  # fmt: skip
        lines.append(f"{bullet}[{item.status.upper()}{when}{elapsed if when else ''}] "
                     + citation_line(Citation.of(item.promise, vocabulary)))  # fmt: skip
        lines += [f"{sub}kept by: {citation_line(Citation.of(f, vocabulary))}" for f in item.kept_by]
        lines += [f"{sub}contradicted by: {citation_line(Citation.of(f, vocabulary))}" for f in item.contradicted_by]
    return lines
