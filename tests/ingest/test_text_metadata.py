"""What plain text says about its article: the publication date and the author, and where they end up."""

import duckdb
import pytest

from dyad.ingest.html import article_from_html
from dyad.ingest.text import article_from_text
from dyad.store import Store
from tests.ingest.builders import STORIES, html_page

BODY = STORIES["tractors"]


def _article(text, **kwargs):
    return article_from_text(text, ref="t", **kwargs)


# -- publication date ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Tractors for Havana\ndate 2024-07-17\n\n{BODY}\n", "2024-07-17"),
        (f"Tractors for Havana\nDate 17 July 2024\n\n{BODY}\n", "2024-07-17"),
        (f"Tractors for Havana\nPosted: 25.10.2022\n\n{BODY}\n", "2022-10-25"),
        (f"Tractors for Havana\nPublished July 17, 2024, 10:30 GMT\n\n{BODY}\n", "2024-07-17"),
        (f"date 2024-07-17\nTractors for Havana\n\n{BODY}\n", "2024-07-17"),
        (f"Tractors for Havana\n\n{BODY}\n\ndate 2024-07-17\n", "2024-07-17"),
    ],
)
def test_date_lines_with_or_without_a_colon(text, expected):
    article = _article(text)
    assert article.published == expected
    assert article.title == "Tractors for Havana"
    assert [article.text[s:e] for s, e in article.body_spans()] == [BODY]


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("MINSK, July 10, 2025 (BNA) - ", "2025-07-10"),
        ("MINSK, 10 July 2025 (BNA) – ", "2025-07-10"),
        ("WASHINGTON/CARACAS, Oct. 22, 2025 (Test Wire) – ", "2025-10-22"),
        ("July 10, 2025 — ", "2025-07-10"),
        ("MINSK, July 10 (BNA) - ", None),  # no year: not guessed
        ("July 10 — ", None),
        ("HAVANA (Test Wire) - ", None),
    ],
)
def test_dateline_gives_the_date_only_with_a_year(lead, expected):
    assert _article(f"Tractors for Havana\n\n{lead}{BODY}\n\nA second paragraph follows.\n").published == expected


def test_a_dateline_counts_only_at_the_start_of_the_lead():
    text = f"Tractors for Havana\n\n{BODY}\n\nMINSK, July 10, 2025 (BNA) - A second paragraph follows.\n"
    assert _article(text).published is None


def test_explicit_date_wins_then_the_date_line_then_the_dateline():
    text = f"Tractors for Havana\nPublished: 2025-07-11\n\nMINSK, July 10, 2025 (BNA) - {BODY}\n"
    assert _article(text).published == "2025-07-11"
    assert _article(text, published="2025-07-12").published == "2025-07-12"
    assert _article(text.replace("Published: 2025-07-11\n", "")).published == "2025-07-10"


def test_unreadable_date_line_at_the_foot_is_ignored():
    article = _article(f"Tractors for Havana\n\n{BODY}\n\nDate: 31.02.2024\n")
    assert article.published is None


def test_html_page_date_beats_the_dateline_and_the_dateline_beats_the_crawl_date():
    lead = "MINSK, July 10, 2025 (BNA) - "
    dated = article_from_html(html_page(lead + BODY, date="2025-07-11"), "p.html", fallback_published="2025-08-01")
    assert dated.published == "2025-07-11"
    undated = article_from_html(html_page(lead + BODY), "p.html", fallback_published="2025-08-01")
    assert undated.published == "2025-07-10"
    plain = article_from_html(html_page(BODY), "p.html", fallback_published="2025-08-01")
    assert plain.published == "2025-08-01"


# -- author -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("top", "author"),
    [
        ("By Laura Pérez\n", "Laura Pérez"),
        ("By Laura Pérez, Test Wire\nPublished: 2025-03-04\n", "Laura Pérez"),
        ("Published: 2025-03-04\nBy: Laura Pérez\n", "Laura Pérez"),
        ("Author: Laura Pérez\n", "Laura Pérez"),
        ("BY ANA MARÍA DE LA CRUZ | Minsk\n", "ANA MARÍA DE LA CRUZ"),
    ],
)
def test_author_from_a_byline_or_metadata_line(top, author):
    article = _article(f"Tractors for Havana\n{top}\n{BODY}\n")
    assert article.author == author
    assert [article.text[s:e] for s, e in article.body_spans()] == [BODY]


def test_byline_under_the_standfirst_is_read():
    deck = "Belarus and Cuba signed an agreement for tractors and buses, officials in Minsk said."
    article = _article(f"Tractors for Havana\n{deck}\nBy Laura Pérez\n{BODY}\nA second paragraph follows.\n")
    assert article.author == "Laura Pérez"
    assert [s.kind for s in article.sections] == ["title", "standfirst", "byline", "body", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday, the two delegations had agreed on the price.",
        "By Monday evening",
        "By the end of the talks, both sides said they were satisfied.",
    ],
)
def test_prose_starting_with_by_is_no_byline(line):
    article = _article(f"Tractors for Havana\n{line}\n{BODY}\n")
    assert article.author is None


def test_a_by_line_far_from_the_top_is_no_author():
    paragraphs = "\n".join(f"Paragraph {n} of the article tells more of the story." for n in range(6))
    assert _article(f"Tractors for Havana\n{paragraphs}\nBy Laura Pérez\n").author is None


def test_html_author_comes_from_the_page_metadata():
    page = html_page(BODY, date="2025-03-04").replace("<title>", '<meta name="author" content="Laura Pérez"><title>')
    assert article_from_html(page, "p.html").author == "Laura Pérez"
    assert article_from_html(html_page(BODY), "p.html").author is None


# -- the store ----------------------------------------------------------------------------
OLD_ARTICLES = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY, ref VARCHAR, url VARCHAR, title VARCHAR, published VARCHAR,
    outlet VARCHAR, language VARCHAR, text VARCHAR, sections JSON, ingested_at TIMESTAMP
);
INSERT INTO articles (id, ref, text) VALUES ('old', 'old.txt', 'An article stored before authors.');
"""


def test_author_is_stored_and_an_older_database_gains_the_column(tmp_path, pipeline):
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as connection:
        connection.execute(OLD_ARTICLES)
    (tmp_path / "a.txt").write_text(f"Tractors for Havana\nBy Laura Pérez\n\n{BODY}\n", encoding="utf-8")
    with Store(db) as store:
        store.ingest([tmp_path / "a.txt"])
        rows = store.query("SELECT ref, author FROM articles ORDER BY ref")
    assert rows == [(str(tmp_path / "a.txt"), "Laura Pérez"), ("old.txt", None)]
    with Store(db) as store:  # opening again is harmless
        assert store.counts()["articles"] == 2
