"""A briefing on one relation, computed from every stored article: what happened, what was
promised and what came of it, who else is involved, the domestic situation on each side, and
how the relation moved on the Goldstein scale. Every line cites the happenings it rests on."""

from __future__ import annotations

import html
from dataclasses import dataclass

from dyad.ask.answer import group
from dyad.ask.corpus import Found, load, within
from dyad.ask.render import citation_line, promise_lines
from dyad.ask.retrieve import domestic
from dyad.ask.vocabulary import load_vocabulary
from dyad.promises import follow
from dyad.store import Store


@dataclass(frozen=True)
class Brief:
    first: str
    second: str
    since: str | None
    sections: list[tuple[str, list[str]]]  # (title, markdown lines)

    def markdown(self) -> str:
        lines = [f"# {self.first}–{self.second}" + (f" since {self.since}" if self.since else "")]
        for title, body in self.sections:
            lines += ["", f"## {title}", *body]
        return "\n".join(lines) + "\n"

    def html(self) -> str:
        parts = [f"<h1>{html.escape(self.first)}–{html.escape(self.second)}</h1>"]
        for title, body in self.sections:
            items = "".join(f"<li>{html.escape(line.lstrip('- ').strip())}</li>" for line in body)
            parts.append(f"<h2>{html.escape(title)}</h2><ul>{items}</ul>")
        return "<!doctype html><meta charset='utf-8'><title>dyad brief</title>" + "".join(parts) + "\n"


def brief(store: Store, first: str, second: str, *, since: str | None = None, min_confidence: float = 0.0) -> Brief:
    """The briefing on `first`–`second` (ISO3 codes) from happenings dated from `since` on."""
    first, second = first.upper(), second.upper()
    vocabulary = load_vocabulary()
    corpus = load(store, min_confidence=min_confidence)
    dated = [f for f in corpus if not since or within(f, since, None)]
    pair = [f for f in dated if {first, second} <= set(f.countries)]
    sections = [("What happened", _grouped(pair, vocabulary))]
    promised = [
        p for p in follow(corpus, vocabulary=vocabulary)
        if {first, second} <= set(p.promise.countries) and (not since or within(p.promise, since, None))
    ]  # fmt: skip
    sections.append(("What was promised and what came of it", promise_lines(promised, markdown=True)))
    # third parties: in the pair's own happenings, or with each side of the pair in others
    partners = [{c for f in dated if side in f.countries for c in f.countries} for side in (first, second)]
    shared = (partners[0] & partners[1]) - {first, second}
    third = [f for f in dated if {first, second} & set(f.countries) and _others(f, first, second) & shared]
    sections.append(("Who else is involved", _third_lines(third, first, second)))
    for country in (first, second):
        facet = domestic(country, corpus, since, None, vocabulary)
        sections.append((f"Domestic situation in {country}", _grouped(facet.found, vocabulary)))
    sections.append(("How the relation moved (Goldstein scores)", _timeline(pair)))
    empty = ["- No stored happening supports this part."]
    return Brief(first, second, since, [(title, body or empty) for title, body in sections])


def _others(found: Found, first: str, second: str) -> set[str]:
    return set(found.countries) - {first, second}


def _grouped(found: list[Found], vocabulary) -> list[str]:
    lines = []
    for g in group(found, vocabulary=vocabulary):
        lines.append(f"- {g.headline()} [{', '.join(c.id for c in g.citations)}]")
        lines += [f"  - {citation_line(c)}" for c in g.citations]
    return lines


def _third_lines(found: list[Found], first: str, second: str) -> list[str]:
    by_country: dict[str, list[Found]] = {}
    for f in found:
        for country in sorted(_others(f, first, second)):
            by_country.setdefault(country, []).append(f)
    lines = []
    for country, items in sorted(by_country.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        sides = sorted({c for f in items for c in f.countries} & {first, second})
        lines.append(f"- {country}: {len(items)} happenings with {' and '.join(sides)} "
                     f"[{', '.join(f.id for f in items)}]")  # fmt: skip
    return lines


def _timeline(found: list[Found]) -> list[str]:
    """Per month: happenings, cooperative and conflictual counts, and the sum of scores."""
    months: dict[str, list[Found]] = {}
    for f in found:
        if f.date and f.row.modality in ("asserted", "historical"):
            months.setdefault(f.date[:7], []).append(f)
    lines = []
    for month, items in sorted(months.items()):
        coop = sum(f.score > 0 for f in items)
        conflict = sum(f.score < 0 for f in items)
        total = sum(f.score for f in items)
        lines.append(f"- {month}: {len(items)} happenings, {coop} cooperative, {conflict} conflictual, "
                     f"Goldstein sum {total:+.1f} [{', '.join(f.id for f in items)}]")  # fmt: skip
    return lines
