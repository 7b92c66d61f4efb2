"""Split plain article text into labelled sections, so only body prose reaches the coder.

Web copy pasted as text carries page furniture ("Related videos:", "Filed under:", share
lines, currency tickers), a standfirst that repeats the lead, photo captions, a FAQ block
that repeats the body, and an author bio. They are kept with the article, but are not body:
coding them would count the same news twice, or code a question as if it were a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.dates import normalise_published
from dyad.errors import InputError
from dyad.records import Section


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_METADATA_LINE = re.compile(
    r"^(?P<key>published|date|posted|updated|source|outlet|url|link|by|author)(?:\s*:|\s+[-–—])\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# A date standing alone on its line, with or without a colon: "date 2024-07-17",
# "Posted: 25.10.2022", "Published 17 July 2024, 10:30". Prose never looks like this.
_DATE_VALUE = (
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}"
)
_DATE_LINE = re.compile(
    rf"^(?P<key>published|date|posted|updated)\s*(?::|[-–—])?\s*(?P<value>{_DATE_VALUE})"
    r"(?:[T ,]+(?:at\s+)?\d{1,2}[:.]\d{2}\S*(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5}(?:[+-]\d{1,2})?)?)?\s*$",
    re.IGNORECASE,
)
# The same date stamp with the lead run on after it on one line ("date 2024-11-14 The ...").
GLUED_DATE_STAMP = re.compile(r"^(?:published|date|posted|updated)\s*:?\s*(?:\d{4}-\d{2}-\d{2})\s+(?=\S)", re.I)
# A wire dateline at the start of the lead: "MINSK, July 10, 2025 (BNA) -", "July 10, 2025 —",
# "HAVANA (Reuters) -". Only one that states a year gives a publication date.
_DATELINE = re.compile(
    rf"^(?:(?P<place>[A-ZÀ-Þ][\w.'’/-]*(?:\s+[\w.'’/-]+){{0,3}})\s*,\s*)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:,?\s+(?P<year>\d{{4}}))?|\d{{1,2}}\s+{_MONTH}(?:,?\s+(?P<year2>\d{{4}}))?)"
    r"\s*(?:\([^)]{1,60}\))?\s*[-–—]\s"
)
_PLACE_DATELINE = re.compile(r"^[A-Z][A-Z .'’/-]*[A-Z]\s*(?:,[^-–—]{1,40})?(?:\([^)]{1,60}\))?\s*[-–—]\s")
_FURNITURE_PHRASES = (
    r"related videos?|related(?: articles| stories| news| coverage| topics| content| links)?|filed under"
    r"|share(?: this(?: article| story| post| page)?)?(?: on \w+| via \w+)?|click to share|copy link"
    r"|tags|read (?:more|also)|also read|see also|more on this(?: story)?|more from [\w ]+|most read"
    r"|recommended(?: for you)?|you may also like|keep reading|continue reading|advertisement|follow us(?: on \w+)?"
    r"|subscribe(?: to our newsletter| now)?|cookies?"
)
# The phrase, then nothing, a colon or bar and whatever follows, or a few words that are not a sentence.
_FURNITURE_LINE = re.compile(rf"^(?:{_FURNITURE_PHRASES})\b(?P<rest>.*)$", re.IGNORECASE)
# A header that introduces a list of links: the lines after it are headlines of other articles.
_RELATED_HEADER = re.compile(
    r"^(?:related(?: \w+)?|read (?:more|also)|also read|see also|more on this(?: story)?|more from [\w ]+"
    r"|most read|recommended(?: for you)?|you may also like)\s*:?$",
    re.IGNORECASE,
)
_SOCIAL = _words(
    "facebook twitter x telegram whatsapp email e-mail mail linkedin reddit vk viber messenger pinterest "
    "print share tweet copy link"
)
_END_OF_BODY_LINE = re.compile(r"^filed under\s*:?", re.IGNORECASE)
_CAPTION_LINE = re.compile(r"(photo|foto|image|picture)\s*(©|:|credit|/)", re.IGNORECASE)
_FAQ_HEADING = re.compile(r"^(frequently asked questions|faqs?\b)", re.IGNORECASE)
_TICKER_MARK = re.compile(r"[▲▼↑↓△▽=%]")
_TICKER_TOKEN = re.compile(
    r"^(?:[A-Z]{2,5}(?:/[A-Z]{2,5})?:?|[▲▼↑↓△▽+\-−]?[$€£¥₽]?\d[\d.,]*%?|[=▲▼↑↓△▽•·|/()%+\-−–$€£¥₽]+)$"
)
_BYLINE = re.compile(
    r"^(?i:by)\s+(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|de|da|del|di|van|von|der|la|le|bin|al|and|&)){0,6})"
    r"\s*(?:[,|·•—–]\s*(?P<rest>.*))?$"
)
_NOT_NAMES = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december now then early late mid midday noon tonight today"
)
_STOPWORDS = _words(
    "the a an of and or to in on at for with by from as is was were be been has have had that this which "
    "who its their his her it said says will would than more over after before about into between both "
    "while amid also not new"
)
_MAX_TITLE_CHARS = 220
_MAX_FURNITURE_CHARS = 300  # share lines and tickers are short; paragraphs need no scan
_MAX_HEADING_WORDS = 12
_MAX_STANDFIRST_WORDS = 45
# Share of a standfirst's content words that recur in the lead it summarises. Measured on the
# gold articles, a real lead shares at most 0.36 of its words with the paragraph after it.
_STANDFIRST_OVERLAP = 0.5
# A longer line with no closing stop is a deck more often than a lead, so it needs less proof.
_UNSTOPPED_OVERLAP = 0.25
_NEAR_TOP_LINES = 3


@dataclass(frozen=True)
class Header:
    """What the text says about the article: title, metadata lines, author, a dateline's date."""

    title: str | None
    metadata: dict[str, str]
    author: str | None = None
    dateline: str | None = None


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int


# A line this long that stops mid-sentence was wrapped by its writer, not ended (see soft_wrap).
MIN_WRAPPED_LINE_CHARS = 30
_SENTENCE_END = re.compile(r"[.!?:;…]['\"’”»)\]]*$")


def soft_wrap(line: str, next_line: str) -> bool:
    """Whether a single line break between these two lines only wraps a sentence.

    Plain-text copy (wire feeds, e-mails, PDFs) is often wrapped at a fixed width; read line by
    line, every wrapped sentence would be cut in two and its pieces taken for headings. A long
    line that does not end a sentence and is followed by one that goes on with it (a lowercase
    word, or after a comma) is the same sentence. Headlines are short or followed by a capital.
    """
    line, next_line = line.strip(), next_line.strip()
    if len(line) < MIN_WRAPPED_LINE_CHARS or not next_line or _SENTENCE_END.search(line):
        return False
    return line.endswith(",") or next_line[0].islower()


def _lines(text: str) -> list[_Line]:
    lines, offset, previous = [], 0, ""  # previous: the raw line just read, "" after a blank one
    for raw in text.splitlines(keepends=True):
        stripped = raw.rstrip("\r\n")
        lead = len(stripped) - len(stripped.lstrip())
        content = stripped.strip()
        if content and lines and previous and soft_wrap(previous, content):
            # one sentence wrapped over two lines: one line, read as the text has it; decided on
            # the two raw lines, as the sentence splitter decides it (nlp._wraps)
            joined = text[lines[-1].start : offset + lead + len(content)]
            lines[-1] = _Line(" ".join(joined.split()), lines[-1].start, offset + lead + len(content))
        elif content:
            lines.append(_Line(content, offset + lead, offset + lead + len(content)))
        previous = content
        offset += len(raw)
    if lines and (stamp := GLUED_DATE_STAMP.match(lines[0].text)):
        # "date 2024-11-14 The minister arrived ...": a scraped page's date stamp run into the
        # lead is a metadata line of its own, so the lead's first sentence parses as prose
        first, cut = lines[0], stamp.end()
        rest = first.text[cut:]
        lines[:1] = [_Line(first.text[:cut].rstrip(), first.start, first.start + len(first.text[:cut].rstrip()))]
        lines.insert(1, _Line(rest, first.start + cut, first.end))
    return lines


def is_furniture(line: str) -> bool:
    """Page furniture: navigation and share lines, tag lists, tickers; never article prose."""
    if match := _FURNITURE_LINE.match(line):
        rest = match["rest"].strip()
        if not rest or rest[0] in ":|›»>" or (len(line.split()) <= 8 and not rest.endswith((".", "!", "?"))):
            return True
    return _is_share_line(line) or is_ticker(line)


def _is_share_line(line: str) -> bool:
    if len(line) > _MAX_FURNITURE_CHARS or line.split(None, 1)[0].lower().strip(":|·•,/") not in _SOCIAL:
        return False
    words = [w.lower() for w in re.split(r"[\s|·•,/]+", line) if w]
    return len(words) >= 2 and all(w.rstrip(":") in _SOCIAL for w in words)


def is_ticker(line: str) -> bool:
    """A market ticker: 'USD 1.00 = CUP 120 ▲0.5%', 'Brent $82.10 ▼1.2% · Gold 2,400 ▲0.3%'."""
    if len(line) > _MAX_FURNITURE_CHARS or line.endswith(".") or not _TICKER_MARK.search(line):
        return False
    if not any(character.isdigit() for character in line):
        return False
    tokens = line.split()
    coded = sum(1 for t in tokens if _TICKER_TOKEN.match(t))
    return coded >= 2 and coded / len(tokens) >= 0.6


def byline_author(line: str) -> str | None:
    """The name in a 'By Jane Doe' or 'By Jane Doe, Test Wire' line; None for prose ('By Tuesday, ...')."""
    match = _BYLINE.match(line)
    if match is None or len(line.split()) > 12 or line.endswith((".", "?", "!")):
        return None
    name = match["name"].strip()
    if name.split()[0].lower().strip(".") in _NOT_NAMES:
        return None
    if match["rest"] is not None and len(match["rest"].split()) > 5:
        return None
    return name


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_LINE.search(line)) and not line.endswith(".")


def _is_title(line: str) -> bool:
    return (
        len(line) <= _MAX_TITLE_CHARS
        and not line.endswith((".", ":", ","))
        and not is_furniture(line)
        and not _METADATA_LINE.match(line)
        and not _DATE_LINE.match(line)
    )


def _is_heading(line: str) -> bool:
    return len(line.split()) <= _MAX_HEADING_WORDS and not line.endswith((".", '."', "?", "!", ":"))


def _is_question(line: str) -> bool:
    return line.endswith("?") and len(line) < 200


def _faq_start(lines: list[_Line], first: int) -> int | None:
    """Index of the FAQ block: an explicit heading, or two or more question lines each answered."""
    for index in range(first, len(lines)):
        if _FAQ_HEADING.match(lines[index].text):
            return index
    questions = [i for i in range(first, len(lines) - 1) if _is_question(lines[i].text)]
    answered = [i for i in questions if not lines[i + 1].text.endswith("?")]
    if len(answered) < 2:
        return None
    start = answered[0]
    if start - 1 >= first and _is_heading(lines[start - 1].text):
        start -= 1
    return start


def _content_words(text: str) -> set[str]:
    """Word stems (first five letters) without function words, to compare two paragraphs."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    return {w[:5] for w in words if len(w) > 2 and w not in _STOPWORDS}


def _standfirst(lines: list[_Line], first: int, stop: int) -> int | None:
    """Index of the standfirst: the deck between the title and the lead that restates the news.

    A short lead paragraph looks the same, so length alone is not enough: the deck either is
    no sentence at all (no closing stop) or repeats most of its words in the lead after it.
    Wire copy that opens with a dateline starts with its lead, never with a deck.
    """
    index = first
    while index < stop and (is_furniture(lines[index].text) or _is_caption(lines[index].text)):
        index += 1
    if index >= stop:
        return None
    deck = lines[index].text
    if (
        len(deck.split()) > _MAX_STANDFIRST_WORDS
        or _DATELINE.match(deck)
        or _PLACE_DATELINE.match(deck)
        or _is_question(deck)
        or byline_author(deck)
    ):
        return None
    lead = index + 1
    while lead < stop and (
        is_furniture(lines[lead].text) or _is_caption(lines[lead].text) or byline_author(lines[lead].text)
    ):
        lead += 1
    if lead >= stop or _is_heading(lines[lead].text) or _END_OF_BODY_LINE.match(lines[lead].text):
        return None  # a standfirst is followed by more body
    if _is_heading(deck):
        return index  # a subtitle right under the title, no sentence of the body
    words = _content_words(deck)
    shared = words & _content_words(lines[lead].text)
    sentence = deck.endswith((".", '."', ".”", "!", ":"))
    threshold = _STANDFIRST_OVERLAP if sentence else _UNSTOPPED_OVERLAP
    return index if words and len(shared) / len(words) >= threshold else None


def _readable(value: str) -> bool:
    try:
        return normalise_published(value, "date line") is not None
    except InputError:
        return False


def dateline_date(paragraph: str) -> str | None:
    """ISO date of a lead's dateline that states its year; a dateline without one gives nothing."""
    match = _DATELINE.match(paragraph)
    if match is None or not (match["year"] or match["year2"]):
        return None
    try:
        return normalise_published(match["date"].replace(".", ""), "dateline")
    except InputError:
        return None


def split_sections(text: str, *, header: bool = True) -> tuple[Header, list[Section]]:
    """Label every non-empty line of `text` as title, metadata, body or a non-body kind.

    `header=False` is for text an extractor already separated from its title and metadata
    (HTML, feeds), where a short first line is a heading of the body, not the title.
    """
    lines = _lines(text)
    kinds: list[str] = ["body"] * len(lines)
    metadata: dict[str, str] = {}
    title: str | None = None
    author: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index].text
        if is_furniture(line):
            kinds[index] = "furniture"
        elif header and (match := _DATE_LINE.match(line)):
            metadata.setdefault(match["key"].lower(), match["value"].strip())
            kinds[index] = "metadata"
        else:
            break
        index += 1
    if header and index < len(lines) and _is_title(lines[index].text) and len(lines) > index + 1:
        title = lines[index].text
        kinds[index] = "title"
        index += 1
    while header and index < len(lines):
        line = lines[index].text
        if match := _DATE_LINE.match(line) or _METADATA_LINE.match(line):
            metadata.setdefault(match["key"].lower(), match["value"].strip())
            kinds[index] = "metadata"
        elif name := byline_author(line):
            author = author or name
            kinds[index] = "byline"
        else:
            break
        index += 1
    body_start = index
    faq = _faq_start(lines, body_start)
    end = next((i for i in range(body_start, len(lines)) if _END_OF_BODY_LINE.match(lines[i].text)), len(lines))
    deck = _standfirst(lines, body_start, min(end, faq if faq is not None else end)) if title else None
    if deck is not None:
        kinds[deck] = "standfirst"
    related = False
    for position in range(body_start, len(lines)):
        line = lines[position].text
        if kinds[position] != "body":
            continue
        if position >= end:
            # After "Filed under" come tags, the byline and the author bio.
            kinds[position] = "furniture" if position == end else "byline"
        elif is_furniture(line):
            kinds[position] = "furniture"
            related = bool(_RELATED_HEADER.match(line))
            continue
        elif related and _is_heading(line):
            kinds[position] = "furniture"  # a headline in a list of related links
            continue
        elif faq is not None and position >= faq:
            kinds[position] = _faq_kind(line, kinds[faq:position])
        elif position < body_start + _NEAR_TOP_LINES and (name := byline_author(line)):
            author = author or name
            kinds[position] = "byline"
        elif _is_caption(line):
            kinds[position] = "caption"
        elif _is_heading(line):
            kinds[position] = "heading"
        related = False
    for position in range(body_start, len(lines)):
        if (match := _DATE_LINE.match(lines[position].text)) and _readable(match["value"]):
            # A date line below the header: "date 2024-07-17" at the foot of the text.
            metadata.setdefault(match["key"].lower(), match["value"].strip())
            kinds[position] = "metadata"
    lead = next((lines[i].text for i in range(body_start, len(lines)) if kinds[i] == "body"), None)
    found = Header(
        title=title,
        metadata=metadata,
        author=author or metadata.get("author") or metadata.get("by"),
        dateline=dateline_date(lead) if lead else None,
    )
    sections = [Section(kind=k, start=line.start, end=line.end) for k, line in zip(kinds, lines, strict=True)]
    return found, _merge_adjacent(sections)


def _faq_kind(line: str, before: list[str]) -> str:
    """faq_question for a question, faq_answer for the lines after one, faq for the heading."""
    if _is_question(line):
        return "faq_question"
    if any(kind == "faq_question" for kind in before):
        return "faq_answer"
    return "faq"


def _merge_adjacent(sections: list[Section]) -> list[Section]:
    """One section per run of same-kind lines, except body (one per paragraph line), headings
    and FAQ questions (each question starts its own pair)."""
    merged: list[Section] = []
    for section in sections:
        if merged and merged[-1].kind == section.kind and section.kind not in ("body", "heading", "faq_question"):
            merged[-1] = Section(kind=section.kind, start=merged[-1].start, end=section.end)
        else:
            merged.append(section)
    return merged
