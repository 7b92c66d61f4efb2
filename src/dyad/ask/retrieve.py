"""From a parsed question to the happenings that answer it, in facets (the asked relation,
third parties, the domestic situation), each saying what it looked for.

Structured filters (countries, direction, types, modality, time, areas) choose; full-text
search over evidence (dyad.search) chooses when the question names no actor or type, and
otherwise ranks, so the most relevant happenings are cited first when a facet is capped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyad.ask.corpus import Found, date_span, latest_year, within
from dyad.ask.parse import Question
from dyad.ask.vocabulary import Vocabulary, areas_in, load_vocabulary, words

MAX_CITED = 12  # per facet: an answer is a synthesis, not a dump


@dataclass(frozen=True)
class Facet:
    """One part of an answer: a title, what was looked for, the happenings found."""

    title: str
    looked_for: str
    found: list[Found]


def retrieve(question: Question, corpus: list[Found], scores: dict[str, float], *,
             vocabulary: Vocabulary | None = None) -> tuple[Question, list[Facet]]:  # fmt: skip
    """The facets that answer `question`; the question comes back with its time resolved."""
    vocabulary = vocabulary or load_vocabulary()
    question = resolve_time(question, corpus, vocabulary)
    countries = question.countries
    facets: list[Facet] = []
    if question.kind == "third_party" and countries:
        facets.append(_third_parties(question, corpus, scores))
    if question.domestic and countries:
        for country in countries[:1] if len(countries) > 1 else countries:
            facets.append(domestic(country, corpus, question.since, question.until, vocabulary))
    if not facets or (question.domestic and len(countries) > 1 and question.kind != "third_party"):
        facets.insert(0, _main(question, corpus, scores, vocabulary))
    return question, facets


def resolve_time(question: Question, corpus: list[Found], vocabulary: Vocabulary) -> Question:
    """A month without a year takes the store's latest year; an anchor ("since the June visit")
    takes the date of the earliest matching happening between the question's countries."""
    year = latest_year(corpus)
    since = question.since.replace("YYYY", str(year)) if question.since and year else question.since
    until = question.until.replace("YYYY", str(year)) if question.until and year else question.until
    anchor = question.anchor
    if anchor:
        row = next((r for r in vocabulary.types if r.label == anchor.label), None)
        anchor_year = anchor.year or year
        month = f"{anchor_year}-{anchor.month:02d}" if anchor.month else str(anchor_year)
        matches = [
            f for f in corpus
            if row and f.type in row.types and (not row.modes or f.row.representative.mode in row.modes)
            and set(question.countries) <= set(f.countries) and within(f, month, month)
            and f.row.modality in ("asserted", "historical")
        ]  # fmt: skip
        date = min((f.date for f in matches if f.date), default=month)
        if anchor.direction == "since":
            since = date
        else:
            until = date
    return replace(question, since=since, until=until)


def _main(question: Question, corpus: list[Found], scores: dict[str, float], vocabulary: Vocabulary) -> Facet:
    countries = set(question.countries)
    chosen = []
    for found in corpus:
        if countries and not countries <= set(found.countries):
            continue
        if question.subject and question.subject not in found.actor_countries:
            continue
        if question.types and found.type not in question.types:
            continue
        if question.modes and found.type == "CONSULT" and found.row.representative.mode not in question.modes:
            continue
        if found.row.modality not in question.modalities or not within(found, question.since, question.until):
            continue
        if question.areas and not set(question.areas) & set(areas_in(found.text, vocabulary)):
            continue
        if not countries and not question.types and not question.areas and found.id not in scores:
            continue
        chosen.append(found)
    what = question.describe()
    return Facet(_title(question), what, _rank(chosen, scores))


def _third_parties(question: Question, corpus: list[Found], scores: dict[str, float]) -> Facet:
    """ "Russia's role in Cuba-Belarus ties": the first named country with any of the others;
    "who else is involved with Cuba and Belarus": happenings of them all with someone else."""
    countries = question.countries
    named = set(countries)
    focus = ("role" in words(question.text) and len(countries) >= 2) or len(countries) >= 3
    # who else: countries that share happenings with every named one
    partners = [{c for f in corpus if country in f.countries for c in f.countries} - named for country in countries]
    others = set.intersection(*partners) if partners else set()
    chosen = []
    for found in corpus:
        present = set(found.countries)
        if focus:
            keep = countries[0] in present and bool(present & set(countries[1:]))
        else:
            keep = (bool(present & named) and bool(present & others)) or (named <= present and bool(present - named))
        if keep and found.row.modality != "negated" and within(found, question.since, question.until):
            chosen.append(found)
    if focus:
        title = f"{countries[0]} with {' and '.join(countries[1:])}"
    else:
        title = f"Third parties ({', '.join(sorted(others)) or 'none'}) with {' and '.join(countries)}"
    return Facet(title, f"happenings of {title}", _rank(chosen, scores))


def domestic(country: str, corpus: list[Found], since: str | None, until: str | None,
             vocabulary: Vocabulary | None = None) -> Facet:  # fmt: skip
    """Happenings inside one country: protests, repression, shortages coded there."""
    vocabulary = vocabulary or load_vocabulary()
    contexts = set(vocabulary.domestic_contexts)
    chosen = [
        f for f in corpus
        if set(f.countries) == {country} and f.row.modality in ("asserted", "historical")
        and (f.type in vocabulary.domestic_types or set(f.row.representative.context) & contexts)
        and within(f, since, until)
    ]  # fmt: skip
    looked = f"protests, repression and shortages inside {country} ({', '.join(vocabulary.domestic_types)})"
    return Facet(f"Domestic situation in {country}", looked, _rank(chosen, {}))


def _title(question: Question) -> str:
    what = ", ".join(question.labels) or "happenings"
    between = " and ".join(question.countries)
    return f"{what[:1].upper()}{what[1:]}" + (f" involving {between}" if between else "")


def _rank(found: list[Found], scores: dict[str, float]) -> list[Found]:
    """The best MAX_CITED by search score, then sources and confidence; shown in date order."""
    best = sorted(found, key=lambda f: (-scores.get(f.id, 0.0), -f.row.sources, -(f.row.confidence or 0), f.id))
    kept = best[:MAX_CITED]
    return sorted(kept, key=lambda f: (date_span(f.date) or (_FAR, _FAR), f.id))


_FAR = date_span("9999")[0]  # type: ignore[index]
