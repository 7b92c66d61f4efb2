"""Event dates: explicit date phrases resolved against the publication date (section 5)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

import dateparser
from spacy.tokens import Span, Token

from dyad.events.lexicon import grammar_words, word_list
from dyad.events.roles import in_clause_of
from dyad.nlp import entities_in

_REFERENCE_FRAMES = grammar_words("reference_frames")

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_MONTH = re.compile(rf"\b({_MONTHS}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", re.I)
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WEEKDAY = re.compile(rf"\b({_WEEKDAYS})\b", re.I)
# "this afternoon", "this morning": a part of the publication day names that day
_DAY_WORDS = re.compile(r"\b(today|yesterday|tomorrow|tonight|last night|this (morning|afternoon|evening))\b", re.I)
_MONTH_WORDS = re.compile(r"\b(month|weeks?)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_YEAR_WORDS = re.compile(r"\b(last|this|next|past) year\b", re.I)
_DAY_NUMBER = re.compile(r"\b([1-9]|[12]\d|3[01])(st|nd|rd|th)?\b")
_DURATION = re.compile(r"\b(hours?|decades?|centuries|century|recent|years(?! ago))\b", re.I)
_STRIP = re.compile(r"^(on|in|at|by|since|during|from|until|of)\s+", re.I)
# "in recent days", "over the past few weeks": a stretch just before publication, told to the
# month; not "the last days of his term", which is some other time's end
_RECENT = re.compile(r"\b(recent|past|last)\s+((few|several|couple\s+of)\s+)?(days|weeks)\b(?!\s+of\b)", re.I)
_RECENT_BACK_DAYS = {"days": 3, "weeks": 14}
# "the early hours of Wednesday", "the morning of 3 May": a part of the day names that day
_PART_OF_DAY = re.compile(
    r"^(the\s+)?((early|small|late|wee)\s+)?(hours|morning|afternoon|evening|night)\s+of\s+(?=\S)", re.I
)
# "4 th" in copied or OCR'd text: a day number with its ordinal suffix split off
_SPLIT_ORDINAL = re.compile(r"\b(\d{1,2})\s+(st|nd|rd|th)\b", re.I)
# "the 4th", "4th": a day of the month named alone
_DAY_ALONE = re.compile(r"^(the\s+)?(\d{1,2})(st|nd|rd|th)$", re.I)
# "the same Tuesday": the weekday just told, which is the last one before publication
_SAME = re.compile(r"^(the\s+)?same\s+(?=(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)", re.I)


@dataclass(frozen=True)
class EventDate:
    value: str
    precision: str
    day: dt.date


def precision_of(text: str) -> str | None:
    """How precise a date phrase is; None when it names no point in time ('24 hours')."""
    if _DURATION.search(text) and not re.search(r"\bago\b", text, re.I):
        return None
    if _DAY_WORDS.search(text) or _WEEKDAY.search(text):
        return "day"
    if _MONTH.search(text):
        without_years = _YEAR.sub("", text)
        return "day" if _DAY_NUMBER.search(without_years) else "month"
    if _MONTH_WORDS.search(text):
        return "month"
    if _YEAR.search(text) or _YEAR_WORDS.search(text):
        return "year"
    return None


@lru_cache(maxsize=4096)
def parse_date_phrase(text: str, published: dt.date | None, prefer: str = "past") -> EventDate | None:
    """'July 26', 'in October', 'just a month ago', 'on Tuesday' as an ISO date and precision.

    The tagger sometimes runs a date into the next phrase ("January 19, hours after ..."):
    when the whole does not read as a date, its comma-separated parts are tried in turn.
    """
    found = _parse_one(text, published, prefer)
    if found is None and re.search(r"\s(to|until|and)\s", text):
        # a span: "from Monday to Wednesday" starts on Monday; a night "of March 31 to
        # April 1" is dated by the morning it ended in
        first, last = re.split(r"\s(?:to|until|and)\s", text, maxsplit=1)
        found = _parse_one(last if "night" in first.lower() else first, published, prefer)
    if found is None and "," in text:
        for part in text.split(","):
            found = _parse_one(part, published, prefer)
            if found is not None:
                break
    return found


def _parse_one(text: str, published: dt.date | None, prefer: str) -> EventDate | None:
    phrase = _STRIP.sub("", text.strip())
    phrase = _SAME.sub("", _PART_OF_DAY.sub("", phrase))
    phrase = _SPLIT_ORDINAL.sub(r"\1\2", phrase)  # "14 th October"
    if (alone := _DAY_ALONE.match(phrase)) is not None:
        return _day_of_month(int(alone.group(2)), published, prefer)
    if (recent := _RECENT.search(phrase)) is not None:
        return _recent_stretch(recent.group(4).lower(), published)
    precision = precision_of(phrase)
    if precision is None:
        return None
    if published is None and not _YEAR.search(phrase):
        return None  # "on Monday" in an undated article: no clock to read it by (guide section 6)
    phrase = re.sub(r"^(just|only|some|about|nearly|almost|early|late|mid|earlier)\s+", "", phrase, flags=re.I)
    parsed = fast_parse(phrase, published, prefer) or _dateparser(phrase, published, prefer)
    if parsed is None:
        parsed = _month_phrase(phrase, published)
        if parsed is None:
            return None
    day = parsed.date()
    if published is not None and _WEEKDAY.search(phrase) and abs((published - day).days) == 7:
        day = published  # "on Tuesday" in a Tuesday paper is that day, not a week off
    value = {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": day.strftime("%Y")}[precision]
    return EventDate(value, precision, day)


def _dateparser(phrase: str, published: dt.date | None, prefer: str) -> dt.datetime | None:
    """The phrase as dateparser reads it, relative to the publication day."""
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "PREFER_DAY_OF_MONTH": "first"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    return dateparser.parse(phrase, languages=["en"], settings=settings)


# The common phrases, read without dateparser (about a third of the coder's time went to it).
# Each gives exactly what dateparser gives with the settings above (a test compares them over
# generated phrases); anything else, or a day that does not exist, goes to dateparser.
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAYS.split("|"))}
_ORDINAL = r"(?:st|nd|rd|th)?"
_FAST = (
    ("weekday", re.compile(rf"({_WEEKDAYS})", re.I)),
    ("month_day_year", re.compile(rf"({_MONTHS})\s+(\d{{1,2}}){_ORDINAL}(?:,?\s+(\d{{4}}))?", re.I)),
    ("day_month_year", re.compile(rf"(\d{{1,2}}){_ORDINAL}\s+({_MONTHS})(?:,?\s+(\d{{4}}))?", re.I)),
    ("month_year", re.compile(rf"({_MONTHS})(?:,?\s+(\d{{4}}))?", re.I)),
    ("year", re.compile(r"(1[89]\d\d|20\d\d)")),
    ("relative", re.compile(r"(yesterday|today|tomorrow|(?:this|last)\s+week|last\s+(?:month|year))", re.I)),
)
_DAYS_FROM = {"yesterday": -1, "today": 0, "tomorrow": 1, "this week": 0, "last week": -7}


def fast_parse(phrase: str, published: dt.date | None, prefer: str) -> dt.datetime | None:
    """What dateparser gives for 'Tuesday', 'July 10', '10 July 2025', 'July', '2019', 'last month',
    'last week' or 'yesterday' relative to the publication day; None for anything else."""
    if published is None or prefer not in ("past", "future"):
        return None
    for form, pattern in _FAST:
        if (match := pattern.fullmatch(phrase)) is not None:
            day = _FAST_FORMS[form](match, published, prefer == "future")
            return None if day is None else dt.datetime.combine(day, dt.time())
    return None


def _fast_weekday(match: re.Match[str], published: dt.date, future: bool) -> dt.date:
    wanted = _WEEKDAY_NUMBERS[match.group(1).lower()]
    if future:
        return published + dt.timedelta(days=(wanted - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - wanted) % 7 or 7)


def _fast_month_day(month: str, day: str, year: str | None, published: dt.date, future: bool) -> dt.date | None:
    number, day_number = _MONTH_NUMBERS[month.lower()], int(day)
    if number == 2 and day_number == 29:
        return None  # a leap day: dateparser's choice of year is its own
    try:
        if year is not None:
            return dt.date(int(year), number, day_number)
        found = dt.date(published.year, number, day_number)
    except ValueError:
        return None
    return _nearest_year(found, published, future)


def _nearest_year(found: dt.date, published: dt.date, future: bool) -> dt.date:
    """A date told without its year: in the publication year, else a year back (or on, for what is to come)."""
    if future and found <= published:
        return found.replace(year=found.year + 1)
    if not future and found > published:
        return found.replace(year=found.year - 1)
    return found


def _fast_month_year(match: re.Match[str], published: dt.date, future: bool) -> dt.date:
    number = _MONTH_NUMBERS[match.group(1).lower()]
    if match.group(2) is not None:
        return dt.date(int(match.group(2)), number, 1)
    return _nearest_year(dt.date(published.year, number, 1), published, future)


def _fast_relative(match: re.Match[str], published: dt.date, future: bool) -> dt.date:
    word = " ".join(match.group(1).lower().split())
    if word == "last month":
        return (published.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    if word == "last year":
        return dt.date(published.year - 1, published.month, 1)
    return published + dt.timedelta(days=_DAYS_FROM[word])


_FAST_FORMS = {
    "weekday": _fast_weekday,
    "month_day_year": lambda m, published, future: _fast_month_day(m[1], m[2], m[3], published, future),
    "day_month_year": lambda m, published, future: _fast_month_day(m[2], m[1], m[3], published, future),
    "month_year": _fast_month_year,
    "year": lambda m, published, future: dt.date(int(m[1]), published.month, 1),
    "relative": _fast_relative,
}


def _recent_stretch(unit: str, published: dt.date | None) -> EventDate | None:
    """'in recent days', 'in the past few weeks': no single day, so the month the stretch
    mostly lies in (guide section 5: a date is as precise as the text makes it). Undated, such
    an act would take the story's day, which it is not."""
    if published is None:
        return None
    day = published - dt.timedelta(days=_RECENT_BACK_DAYS[unit])
    return EventDate(day.strftime("%Y-%m"), "month", day)


def _day_of_month(number: int, published: dt.date | None, prefer: str) -> EventDate | None:
    """'on the 4th': that day of the publication month, or of the month before when the day
    is still to come (the month after for a scheduled act)."""
    if published is None:
        return None
    month = published.replace(day=1)
    if prefer == "future" and number < published.day:
        month = (month + dt.timedelta(days=31)).replace(day=1)
    elif prefer != "future" and number > published.day:
        month = (month - dt.timedelta(days=1)).replace(day=1)
    try:
        day = month.replace(day=number)
    except ValueError:
        return None
    return EventDate(day.isoformat(), "day", day)


def _month_phrase(phrase: str, published: dt.date | None) -> dt.datetime | None:
    """'earlier this month', 'last week', 'this week' that dateparser does not read."""
    if published is None:
        return None
    lowered = phrase.lower()
    if "last month" in lowered or "previous month" in lowered:
        first = published.replace(day=1) - dt.timedelta(days=1)
        return dt.datetime.combine(first.replace(day=1), dt.time())
    if "this month" in lowered or "this week" in lowered:
        return dt.datetime.combine(published, dt.time())
    if "last week" in lowered:
        return dt.datetime.combine(published - dt.timedelta(days=7), dt.time())
    if (named := _LAST_NAMED_MONTH.search(lowered)) is not None:
        return dt.datetime.combine(_named_month(named.group(2), named.group(1), published), dt.time())
    return None


# "last July", "next March": a month named from the publication month
_LAST_NAMED_MONTH = re.compile(rf"\b(last|past|next|coming)\s+({_MONTHS})\b", re.I)


def _named_month(month_name: str, direction: str, published: dt.date) -> dt.date:
    """'Last July' is the latest July before the publication month (a year back when the story
    is itself of July); 'next March' the first March after it."""
    month = _MONTHS.split("|").index(month_name.lower()) + 1
    year = published.year
    if direction in ("last", "past"):
        year -= 1 if month >= published.month else 0
    else:
        year += 1 if month <= published.month else 0
    return dt.date(year, month, 1)


def date_for_trigger(trigger: Token, sentence: Span, published: dt.date | None, prefer: str) -> EventDate | None:
    """The date phrase of the trigger's own clause, else of the sentence's main clause.

    A date inside a relative or adverbial clause ("with whom he strengthened ties a month
    ago") belongs to that clause's event, not to this one. Adverbial dates come before those
    that only qualify a noun ("accused them of blessing the coup of 2018"). A trigger that
    modifies a noun ("medicines donated by China landed on Saturday") takes the date of the
    clause its noun phrase belongs to. "Ready to open talks next year" is dated by the act it
    promises; "has not spoken with him since January" names no time the event happened.
    The date of the act a trigger is about ("accused Taiwan of sending arms in 1980") is not
    the trigger's, and a reported promise ("said on Thursday it would bar them") is not dated
    by the day it was told.
    """
    phrases = [ent for ent in day_phrases(sentence) if not _in_charge(ent.root, trigger)]
    if _is_negated(trigger):
        phrases = [ent for ent in phrases if not _under_since(ent.root, trigger)]
    own = [ent for ent in phrases if in_clause_of(ent.root, trigger, nonfinite=True)]
    rest = [ent for ent in phrases if ent not in own]
    main = [ent for ent in rest if in_clause_of(ent.root, sentence.root, nonfinite=True)]
    if prefer == "future" and _reported(trigger):
        # "said on Thursday it would bar them": Thursday is the saying's day, not the act's
        main = []
        own = [ent for ent in own if not _before_subject(ent, trigger)]
    governing = _governing_clause(trigger)
    carrier = [ent for ent in rest if governing is not None and in_clause_of(ent.root, governing, nonfinite=True)]
    ordered = [ent for ent in own if not _qualifies_noun(ent.root, trigger)]
    if trigger.dep_ == "relcl":
        # "students who took part in the protests of March 14": a relative clause's act is
        # dated by what it names before the main clause's day is tried
        ordered += [ent for ent in own if ent not in ordered]
    ordered += [ent for ent in carrier + main if not _qualifies_noun(ent.root, trigger)]
    ordered += [ent for ent in own + carrier + main if ent not in ordered]
    for ent in ordered:
        found = parse_date_phrase(ent.text, published, prefer)
        if found is not None and not _after_publication(found, published, prefer):
            return found
    if trigger.pos_ == "ADJ" or prefer == "future":
        promised = [ent for ent in rest if in_clause_of(ent.root, trigger, through=("xcomp",), nonfinite=True)]
        for ent in promised:
            found = parse_date_phrase(ent.text, published, "future")
            if found is not None:
                return found
    return None


def date_words(name: str) -> frozenset[str]:
    """A word list from data/en/date_words.yaml ('ordinal_suffixes'), read once."""
    return word_list("date_words.yaml", name)


# a day number's suffix split off in copied text: "14 th"
_ORDINAL_SUFFIXES = date_words("ordinal_suffixes")
_DAY_TOKEN = re.compile(r"(\d{1,2})(st|nd|rd|th)?", re.I)


def day_phrases(sentence: Span) -> list[Span]:
    """The sentence's date phrases: the tagger's DATE and TIME names, with the day number it
    leaves out in front of a month ('on 4th October', 'on 14 th October', where the number is
    tagged apart), and a day of the month told alone ('met on the 4th', 'on 4 th': the
    ordinal after 'on', with the suffix split off in copied or OCR'd text)."""
    doc = sentence.doc
    dated = [ent for ent in entities_in(sentence) if ent.label_ in ("DATE", "TIME")]
    starts = {ent.start: ent for ent in dated}
    found: list[Span] = []
    taken: set[int] = set()
    for token in sentence:
        number = _DAY_TOKEN.fullmatch(token.text)
        if number is None or token.i in taken or not 1 <= int(number.group(1)) <= 31:
            continue
        end = token.i + 1
        if not number.group(2) and end < sentence.end and doc[end].lower_ in _ORDINAL_SUFFIXES:
            end += 1
        month = starts.get(end)
        if month is not None and _MONTH.match(month.text):
            found.append(doc[token.i : month.end])  # "4th October"
            taken |= set(range(month.start, month.end))
            continue
        before = doc[token.i - 1] if token.i > sentence.start else None
        if before is not None and before.lower_ == "the" and before.i > sentence.start:
            before = doc[before.i - 1]
        ordinal = end > token.i + 1 or bool(number.group(2))
        if ordinal and before is not None and before.lower_ == "on" and not any(e.start < end <= e.end for e in dated):
            found.append(doc[token.i : end])  # "on the 4th"
    dated = [ent for ent in dated if ent.start not in taken]
    return sorted([*dated, *found], key=lambda span: span.start)


def is_time_reference(trigger: Token) -> bool:
    """A nominal act named only to tell when something else happened: 'speaking before his
    trip to Doha', 'ahead of the talks', 'prior to the summit', 'after the meeting'. It is not
    an act of the day its sentence tells (grammar.yaml `reference_frames`)."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in _REFERENCE_FRAMES:
        return True
    return prep.lower_ in ("of", "to") and prep.head.lower_ in _REFERENCE_FRAMES  # "ahead of", "prior to"


_ONGOING_ADVERBS = date_words("ongoing_adverbs")
_SAID_TYPES = date_words("said_types")
_ONGOING_VERBS = date_words("ongoing_verbs")
_PRESENT = ("VBZ", "VBP")


def is_ongoing(trigger: Token, event_type: str | None = None) -> bool:
    """An act told as a lasting stance or a habit, not as something done on one day: 'has
    repeatedly accused', 'continues to blame', 'who refuses to talk', 'the rebels, who have
    killed thousands'. Guide section 6: an ongoing stance is asserted and undated, so the
    story's day must not be given to it. A past or present-perfect act in a main clause
    ('has signed') is the day's news; in a relative clause the perfect tells a record, and the
    present tense there tells a habit, as it does inside a quote for an act that is not the
    saying itself (`said_types`). A date phrase of its own still dates it."""
    chain = [trigger]
    if trigger.dep_ in ("xcomp", "acomp") and trigger.head.pos_ in ("VERB", "AUX"):
        chain.append(trigger.head)  # "continues to blame", "refuses to talk", "is ready to"
    for verb in chain:
        children = list(verb.children)
        if any(c.dep_ == "advmod" and c.lower_ in _ONGOING_ADVERBS for c in children):
            return True
        if verb is not trigger and verb.lemma_.lower() in _ONGOING_VERBS:
            return True
    verb = clause = chain[-1]
    if verb.tag_ in _PRESENT and (event_type or "").lower() not in _SAID_TYPES and _quoted(verb):
        return True  # '"Minsk sells machinery Havana cannot pay for"': a speaker's present tense tells how things stand
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head  # "who has repressed the press and refuses to talk"
    if clause.dep_ != "relcl":
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in (*verb.children, *clause.children))
    return perfect or verb.tag_ in _PRESENT


def _quoted(token: Token) -> bool:
    """Whether `token` stands inside quotation marks opened earlier in its sentence."""
    inside = False
    for word in token.sent:
        if word.i >= token.i:
            return inside
        if word.text in ("“", "«"):
            inside = True
        elif word.text in ("”", "»"):
            inside = False
        elif word.text == '"':
            inside = not inside
    return inside


def _after_publication(found: EventDate, published: dt.date | None, prefer: str) -> bool:
    """A date after publication cannot be when a reported act happened: "signed a roadmap
    to 2030" names the plan's horizon. Only what is to come (prefer="future") may be later."""
    return prefer == "past" and published is not None and found.day > published


def own_date(trigger: Token, sentence: Span, published: dt.date | None, prefer: str) -> EventDate | None:
    """The date inside a nominal act's own phrase: 'before his trip to Doha in June'."""
    inside = {t.i for t in trigger.subtree}
    for phrase in day_phrases(sentence):
        if phrase.root.i in inside and (found := parse_date_phrase(phrase.text, published, prefer)) is not None:
            return found
    return None


def _is_negated(trigger: Token) -> bool:
    return any(child.dep_ == "neg" for child in trigger.children)


def _under_since(token: Token, trigger: Token) -> bool:
    """Whether the path from a date up to the trigger passes through 'since'."""
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        if current.lower_ == "since":
            return True
        current = current.head
    return False


# "accused Taiwan of sending arms in 1980", "thanked Norway for hosting the talks in June"
_CHARGE_PREPOSITIONS = date_words("charge_prepositions")


def _in_charge(token: Token, trigger: Token) -> bool:
    """Whether a date sits in the act a trigger is about ("accused Taiwan of sending arms in
    1980"): the gerund after the trigger's 'of' or 'for' tells an older act, whose date is not
    that of the accusation, thanks or praise."""
    current = token
    while current.head.i != current.i and current.head.i != trigger.i:
        if current.dep_ == "pcomp" and current.head.lower_ in _CHARGE_PREPOSITIONS and current.head.head.i == trigger.i:
            return True
        current = current.head
    return False


def _reported(trigger: Token) -> bool:
    """Whether the trigger sits in a complement clause ("said it would bar them")."""
    current = trigger
    for _ in range(32):
        if current.dep_ == "ccomp":
            return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _before_subject(phrase: Span, trigger: Token) -> bool:
    """Whether a date the parser hung on a reported clause stands before that clause's subject,
    right after the reporting verb ("said on Thursday it would bar them"): it tells the saying."""
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    if trigger.dep_ != "ccomp" or not subjects:
        return False
    return trigger.head.i < phrase.start and phrase.end <= subjects[0].left_edge.i


def _governing_clause(trigger: Token) -> Token | None:
    """The finite verb whose clause holds the noun phrase that a nominal or participle trigger sits in.

    Climbs out of noun phrases and participle modifiers ("a plane carrying medicines donated
    by ..."), never across a relative, adverbial or complement clause.
    """
    if not (trigger.pos_ in ("NOUN", "PROPN") or (trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBG"))):
        return None
    current = trigger
    for _ in range(32):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        if current.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"):
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX") and not (current.dep_ == "acl" and current.tag_ in ("VBN", "VBG")):
            return current
    return None


def _qualifies_noun(token: Token, trigger: Token) -> bool:
    """Whether a date hangs on a noun before it reaches the trigger ('the coup of 2018')."""
    current = token
    while current.head.i != current.i and current.head.i != trigger.i:
        current = current.head
        if current.pos_ in ("NOUN", "PROPN"):
            return True
        if current.pos_ in ("VERB", "AUX"):
            return False
    return False
