"""Generated news-like articles of realistic length for the benchmarks: 8-15 sentences each.

Every sentence comes from templates written for dyad's benchmarks (no real article's text):
varied actors (countries, capitals, officials by title), verbs of many event types, date
phrases of every common form, places, numbers, quotes and background sentences that code to
nothing, as real copy has. A running number makes every article distinct.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator
from pathlib import Path

COUNTRIES = [
    ("Belarus", "Minsk", "Belarusian"), ("Cuba", "Havana", "Cuban"), ("Venezuela", "Caracas", "Venezuelan"),
    ("Nicaragua", "Managua", "Nicaraguan"), ("Russia", "Moscow", "Russian"), ("China", "Beijing", "Chinese"),
    ("Iran", "Tehran", "Iranian"), ("Brazil", "Brasilia", "Brazilian"), ("Turkey", "Ankara", "Turkish"),
    ("India", "New Delhi", "Indian"), ("Vietnam", "Hanoi", "Vietnamese"), ("Kenya", "Nairobi", "Kenyan"),
    ("Poland", "Warsaw", "Polish"), ("Egypt", "Cairo", "Egyptian"), ("Mexico", "Mexico City", "Mexican"),
    ("Japan", "Tokyo", "Japanese"), ("Nigeria", "Abuja", "Nigerian"), ("Ukraine", "Kyiv", "Ukrainian"),
    ("Serbia", "Belgrade", "Serbian"), ("Indonesia", "Jakarta", "Indonesian"), ("Chile", "Santiago", "Chilean"),
]  # fmt: skip
TITLES = ["foreign minister", "president", "prime minister", "defence minister", "trade minister", "ambassador"]
ACTS = [
    "signed a trade agreement with {b}", "held talks with {b} on {topic}", "accused {b} of interfering in its affairs",
    "condemned {b} over the arrests", "sent {n} tonnes of humanitarian aid to {b}", "imposed sanctions on {b}",
    "expelled two diplomats from {b}", "pledged {n} million dollars to {b} for {topic}", "threatened {b} with tariffs",
    "met the {title} of {b}", "praised {b} for its help with {topic}", "rejected a proposal from {b} on {topic}",
    "agreed with {b} to expand cooperation in {topic}", "recalled its ambassador from {b}",
    "called on {b} to release the detained journalists", "deployed troops near the border with {b}",
    "opened an embassy in {b}", "criticised {b} for the crackdown on protesters", "hosted a delegation from {b}",
    "promised to support {b} at the United Nations", "arrested {n} citizens of {b}",
]  # fmt: skip
TOPICS = ["energy", "trade", "agriculture", "security", "transport", "health care", "mining", "education", "fisheries"]
FILLER = [
    "Prices of bread and fuel rose again in {city}, where queues formed outside shops.",
    "The {adj} economy grew by {p} percent last year, according to official figures.",
    "Heavy rain flooded several roads in the south of {a}, the weather service said.",
    "The ministry did not respond to a request for comment.",
    "Both governments have described their relations as strategic for more than a decade.",
    "Analysts in {city} said the move reflected a long dispute over {topic}.",
    "\"We will defend our interests,\" a spokesperson for the {adj} government told reporters.",
    "The opposition said the decision would cost the country dearly.",
    "Trade between the two countries reached {n} billion dollars in {year}.",
    "A further meeting is planned in {city} before the end of the year.",
    "The {adj} currency fell {p} percent against the dollar during the week.",
    "Local media reported that {n} people attended a rally in the capital.",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    """A date phrase of a common form, up to a few weeks before publication, or a year."""
    day = published - dt.timedelta(days=rng.randint(0, 40))
    return rng.choice(
        [
            f"on {rng.choice(WEEKDAYS)}", f"on {day:%B} {day.day}", f"on {day.day} {day:%B %Y}", "yesterday",
            "last month", f"in {rng.randint(2005, published.year)}", f"on {day:%B} {day.day}, {day.year}",
            "earlier this week", "last week", f"in {day:%B}",
        ]
    )  # fmt: skip


def article_text(number: int, rng: random.Random) -> tuple[str, str, str]:
    """Title, text and publication date of article `number`: 8-15 sentences, about half of them events."""
    published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
    sentences = []
    for _ in range(rng.randint(8, 15)):
        (a, city, adj), (b, _, _) = rng.sample(COUNTRIES, 2)
        values = {
            "b": b, "topic": rng.choice(TOPICS), "n": rng.randint(2, 900), "title": rng.choice(TITLES),
            "city": city, "adj": adj, "a": a, "year": rng.randint(2015, 2024), "p": rng.randint(1, 12),
        }  # fmt: skip
        if rng.random() < 0.55:
            title = rng.choice(TITLES)
            subject = rng.choice([a, f"The {adj} {title}", f"The {adj} government", f"Officials in {city}"])
            act = rng.choice(ACTS).format(**values)
            sentence = f"{subject} {act} {_date_phrase(rng, published)}"
            if rng.random() < 0.4:
                sentence += f", the {rng.choice(['ministry', 'agency', 'spokesperson'])} said"
            sentences.append(sentence + ".")
        else:
            sentences.append(rng.choice(FILLER).format(**values))
    sentences[0] = sentences[0].rstrip(".") + f" (report {number})."
    return f"News from {a}, number {number}", " ".join(sentences), published.isoformat()


def articles(count: int, seed: int = 20) -> Iterator[dict[str, str]]:
    """`count` distinct articles as JSON Lines records (id, title, text, published)."""
    rng = random.Random(seed)
    for number in range(count):
        title, text, published = article_text(number, rng)
        yield {"id": f"gen-{number}", "title": title, "text": text, "published": published}


def write_jsonl(path: Path, count: int, seed: int = 20) -> Path:
    """The generated articles as one JSON Lines file."""
    with path.open("w", encoding="utf-8") as out:
        for record in articles(count, seed):
            out.write(json.dumps(record) + "\n")
    return path
