"""Split plain article text into labelled sections, so only body prose reaches the coder.

Web copy pasted as text carries page furniture ("Related videos:", "Filed under:"), photo
captions, a FAQ block that repeats the body, and an author bio. They are kept with the
article, but are not body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.records import Section

_METADATA_LINE = re.compile(
    r"^(?P<key>published|date|posted|updated|source|outlet|url|link|by|author)\s*[:\-]\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_FURNITURE_LINE = re.compile(
    r"^(related videos?|related( articles| stories| news)?|filed under|share( this)?( on \w+)?"
    r"|tags|read (more|also)|see also|advertisement|follow us|subscribe|cookies?)\s*:?",
    re.IGNORECASE,
)
_END_OF_BODY_LINE = re.compile(r"^filed under\s*:?", re.IGNORECASE)
_CAPTION_LINE = re.compile(r"(photo|foto|image|picture)\s*(©|:|credit|/)", re.IGNORECASE)
_FAQ_HEADING = re.compile(r"^(frequently asked questions|faqs?\b)", re.IGNORECASE)
_MAX_TITLE_CHARS = 220
_MAX_HEADING_WORDS = 12


@dataclass(frozen=True)
class Header:
    """What the top lines of a plain-text article say about it."""

    title: str | None
    metadata: dict[str, str]


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        content = stripped.strip()
        if content:
            lines.append(_Line(content, offset + lead, offset + lead + len(content)))
        offset += len(raw)
    return lines


def _is_title(line: str) -> bool:
    return (
        len(line) <= _MAX_TITLE_CHARS
        and not line.endswith((".", ":", ","))
        and not _FURNITURE_LINE.match(line)
        and not _METADATA_LINE.match(line)
    )


def _is_heading(line: str) -> bool:
    return len(line.split()) <= _MAX_HEADING_WORDS and not line.endswith((".", '."', "?", "!", ":"))


def _faq_start(lines: list[_Line], first: int) -> int | None:
    """Index of the FAQ block: an explicit heading, or two or more question lines each answered."""
    for index in range(first, len(lines)):
        if _FAQ_HEADING.match(lines[index].text):
            return index
    questions = [i for i in range(first, len(lines) - 1) if lines[i].text.endswith("?") and len(lines[i].text) < 200]
    answered = [i for i in questions if not lines[i + 1].text.endswith("?")]
    if len(answered) < 2:
        return None
    start = answered[0]
    if start - 1 >= first and _is_heading(lines[start - 1].text):
        start -= 1
    return start


def split_sections(text: str, *, header: bool = True) -> tuple[Header, list[Section]]:
    """Label every non-empty line of `text` as title, metadata, body or a non-body kind.

    `header=False` is for text an extractor already separated from its title and metadata
    (HTML, feeds), where a short first line is a heading of the body, not the title.
    """
    lines = _lines(text)
    kinds: list[str] = ["body"] * len(lines)
    metadata: dict[str, str] = {}
    title: str | None = None
    index = 0
    while index < len(lines) and _FURNITURE_LINE.match(lines[index].text):
        kinds[index] = "furniture"
        index += 1
    if header and index < len(lines) and _is_title(lines[index].text) and len(lines) > index + 1:
        title = lines[index].text
        kinds[index] = "title"
        index += 1
    while header and index < len(lines) and (match := _METADATA_LINE.match(lines[index].text)):
        metadata.setdefault(match["key"].lower(), match["value"].strip())
        kinds[index] = "metadata"
        index += 1
    body_start = index
    faq = _faq_start(lines, body_start)
    ended = False
    for position in range(body_start, len(lines)):
        line = lines[position].text
        if ended or _END_OF_BODY_LINE.match(line):
            # After "Filed under" come tags, the byline and the author bio.
            kinds[position] = "furniture" if not ended else "byline"
            ended = True
        elif faq is not None and position >= faq:
            kinds[position] = "faq"
        elif _FURNITURE_LINE.match(line):
            kinds[position] = "furniture"
        elif _CAPTION_LINE.search(line) and not line.endswith("."):
            kinds[position] = "caption"
        elif _is_heading(line):
            kinds[position] = "heading"
    sections = [Section(kind=k, start=line.start, end=line.end) for k, line in zip(kinds, lines, strict=True)]
    return Header(title=title, metadata=metadata), _merge_adjacent(sections)


def _merge_adjacent(sections: list[Section]) -> list[Section]:
    """One section per run of same-kind lines, except body: one per paragraph line."""
    merged: list[Section] = []
    for section in sections:
        if merged and merged[-1].kind == section.kind and section.kind not in ("body", "heading"):
            merged[-1] = Section(kind=section.kind, start=merged[-1].start, end=section.end)
        else:
            merged.append(section)
    return merged
