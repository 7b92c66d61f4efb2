from dyad.ingest.sections import split_sections
from dyad.ingest.text import article_from_text

PAGE = """Related videos:
Minsk and Havana agree new credit line
The Belarusian president offered Cuba a credit line on Monday.
Photo © Test Agency/Staff
Cuban officials welcomed the offer and said talks would continue.
Frequently Asked Questions about the credit
What did Belarus offer Cuba?
A credit line for machinery.
When was it offered?
On Monday.
Filed under:
Test Staff Writer
A reporter covering Eastern Europe.
"""


def _kinds(text):
    """Each non-empty line mapped to the kind of the section that holds it."""
    article = article_from_text(text, ref="page")
    kinds = {}
    for line in text.splitlines():
        if line.strip():
            start = article.text.index(line)
            kinds[line] = next(s.kind for s in article.sections if s.start <= start < s.end)
    return kinds


def test_furniture_caption_faq_and_bio_are_not_body():
    kinds = _kinds(PAGE)
    assert kinds["Related videos:"] == "furniture"
    assert kinds["Minsk and Havana agree new credit line"] == "title"
    assert kinds["The Belarusian president offered Cuba a credit line on Monday."] == "body"
    assert kinds["Photo © Test Agency/Staff"] == "caption"
    assert kinds["Cuban officials welcomed the offer and said talks would continue."] == "body"
    assert kinds["What did Belarus offer Cuba?"] == "faq"
    assert kinds["On Monday."] == "faq"
    assert kinds["Filed under:"] == "furniture"
    assert kinds["A reporter covering Eastern Europe."] == "byline"


def test_metadata_lines_after_the_title_are_read():
    header, _ = split_sections("A title\nPosted: 25.10.2022\nSource: Wire\n\nBody text here.")
    assert header.title == "A title"
    assert header.metadata == {"posted": "25.10.2022", "source": "Wire"}


def test_question_answer_block_without_heading_is_faq():
    text = (
        "Title\n\nBody sentence one.\nBody sentence two.\n"
        "Questions and answers\nWho signed?\nBoth parties.\nWhere?\nIn Havana.\n"
    )
    kinds = _kinds(text)
    assert kinds["Body sentence two."] == "body"
    assert kinds["Questions and answers"] == "faq"
    assert kinds["In Havana."] == "faq"


def test_seed_furniture_is_sectioned_out(seeds):
    for path in sorted(seeds.glob("*.txt")):
        article = article_from_text(path.read_text(encoding="utf-8"), ref=str(path))
        body = " ".join(article.text[s:e] for s, e in article.body_spans())
        assert "Frequently Asked Questions" not in body
        assert "Related videos" not in body
        assert "Filed under" not in body
        assert "Photo ©" not in body
        assert "A team of journalists" not in body
        assert "?" not in body.replace('?"', "")
