import pytest

from dyad.ingest.sections import is_furniture, is_ticker, split_sections
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
    assert kinds["Frequently Asked Questions about the credit"] == "faq"
    assert kinds["What did Belarus offer Cuba?"] == "faq_question"
    assert kinds["On Monday."] == "faq_answer"
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
    assert kinds["Who signed?"] == "faq_question"
    assert kinds["In Havana."] == "faq_answer"


# -- standfirst ---------------------------------------------------------------------------
DECK = "Minsk will lend Havana 100 million dollars for Belarusian tractors and harvesters, the presidency said."
LEAD = (
    "Belarus will lend Cuba 100 million dollars to buy Belarusian tractors and harvesters, the presidency in "
    "Minsk said on Monday, after talks between the two agriculture ministers."
)
SECOND = "The first machines are due to reach the port of Mariel in the spring."


def test_deck_before_the_photo_caption_is_a_standfirst():
    top = f"Belarus lends Cuba money for tractors\n\n{DECK}\n\nPhoto © Test Agency/Staff\n\nRelated videos:\n\n"
    text = f"{top}{LEAD}\n\n{SECOND}\n"
    article = article_from_text(text, ref="deck")
    kinds = _kinds(text)
    assert kinds[DECK] == "standfirst"
    assert kinds["Photo © Test Agency/Staff"] == "caption"
    assert kinds[LEAD] == "body"
    assert [article.text[s:e] for s, e in article.body_spans()] == [LEAD, SECOND]


def test_deck_after_the_caption_and_a_subtitle_without_a_stop_are_standfirsts():
    after_caption = f"Belarus lends Cuba money for tractors\nPhoto: Test Agency\n{DECK}\n{LEAD}\n{SECOND}\n"
    assert _kinds(after_caption)[DECK] == "standfirst"
    subtitle = "Tractors and harvesters for the sugar harvest, paid over ten years"
    unstopped = f"Belarus lends Cuba money for tractors\n{subtitle}\n{LEAD}\n{SECOND}\n"
    assert _kinds(unstopped)[subtitle] == "standfirst"


@pytest.mark.parametrize(
    "lead",
    [
        # A short lead whose words the next paragraph does not repeat: news, not a deck.
        "A court in Managua sentenced an opposition journalist to eight years in prison on Tuesday, her lawyer said.",
        # Wire copy opening with a dateline, with or without a year, is never a standfirst.
        "MINSK, July 10 (BNA) - Belarus will lend Cuba 100 million dollars for tractors and harvesters.",
        "MINSK, July 10, 2025 (BNA) - Belarus will lend Cuba 100 million dollars for tractors and harvesters.",
        "HAVANA (Test Wire) - Belarus will lend Cuba 100 million dollars for tractors and harvesters.",
    ],
)
def test_short_leads_stay_body(lead):
    text = f"A headline\nPublished: 2025-07-10\n\n{lead}\n\n{LEAD}\n\n{SECOND}\n"
    assert _kinds(text)[lead] == "body"


def test_short_lead_followed_by_a_caption_stays_body():
    lead = "A court in Managua sentenced an opposition journalist to eight years in prison on Tuesday."
    text = f"A headline\n{lead}\nPhoto © Test Agency\nHer colleagues said they would appeal the verdict.\n"
    assert _kinds(text)[lead] == "body"


def test_a_deck_needs_body_after_it():
    alone = f"Belarus lends Cuba money for tractors\n{DECK}\n"
    assert _kinds(alone)[DECK] == "body"
    untitled = article_from_text(f"{DECK}\n{LEAD}\n", ref="untitled")
    assert [s.kind for s in untitled.sections] == ["body", "body"]


# -- FAQ pairs ----------------------------------------------------------------------------
def test_faq_pairs_come_from_the_sections():
    text = (
        "Minsk and Havana agree new credit line\n\nBelarus offered Cuba a credit line on Monday.\n\n"
        "FAQ\n\nWhat did Belarus offer?\n\nA credit line for machinery.\n\nIt runs for ten years.\n\n"
        "Who will build the tractors?\nThe Minsk Tractor Works.\nIs there a date?\nWhen will it start?\nIn May.\n"
    )
    article = article_from_text(text, ref="faq")
    assert article.faq() == [
        ("What did Belarus offer?", "A credit line for machinery.\n\nIt runs for ten years."),
        ("Who will build the tractors?", "The Minsk Tractor Works."),
        ("Is there a date?", ""),
        ("When will it start?", "In May."),
    ]
    assert [article.text[s:e] for s, e in article.body_spans()] == ["Belarus offered Cuba a credit line on Monday."]
    assert "faq" not in article.to_dict(), "pairs are computed, not stored twice"


def test_article_without_faq_has_no_pairs():
    assert article_from_text("A title\nBody text here.\n", ref="x").faq() == []


# -- furniture ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line",
    [
        "USD 1.00 = CUP 120 ▲0.5%",
        "EUR/USD 1.0850 +0.2% | MOEX 2,870.5 −0.8%",
        "Brent $82.10 ▼1.2% · Gold 2,400 ▲0.3%",
    ],
)
def test_tickers_are_furniture(line):
    assert is_ticker(line)
    text = f"{line}\nBelarus lends Cuba money for tractors\n{LEAD}\n{line}\n{SECOND}\n"
    kinds = _kinds(text)
    assert kinds[line] == "furniture"
    assert kinds["Belarus lends Cuba money for tractors"] == "title"
    assert kinds[LEAD] == kinds[SECOND] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "Share on Facebook",
        "Share this story: Facebook | X | Telegram",
        "Facebook · WhatsApp · Email",
        "Read also: Cuba and Belarus open a joint factory",
        "Follow us on Telegram",
        "Copy link",
    ],
)
def test_share_and_related_link_lines_are_furniture(line):
    assert is_furniture(line)
    assert _kinds(f"A headline\n{LEAD}\n{line}\n{SECOND}\n")[line] == "furniture"


@pytest.mark.parametrize(
    "line",
    [
        "Shares of the state potash company fell 3% on Monday.",
        "Share prices in Minsk fell sharply after the announcement.",
        "Related talks were held in Havana on Tuesday.",
        "Subscribers to the state broadcaster complained about the coverage.",
        "Inflation rose to 5.2% in June, up from 4.9% = the highest in a year, the bank said.",
    ],
)
def test_prose_that_starts_like_furniture_stays_body(line):
    assert not is_furniture(line)
    assert _kinds(f"A headline\n{LEAD}\n{line}\n{SECOND}\n")[line] == "body"


def test_headlines_listed_under_a_related_header_are_furniture():
    text = (
        f"A headline\n{LEAD}\n{SECOND}\nRelated stories:\nCuba and Belarus open a joint factory\n"
        "Minsk sends buses to Havana\nFiled under: Cuba | Belarus\n"
    )
    kinds = _kinds(text)
    assert kinds["Cuba and Belarus open a joint factory"] == "furniture"
    assert kinds["Minsk sends buses to Havana"] == "furniture"
    # A heading after body prose is still a heading, not a related link.
    assert _kinds(f"A headline\n{LEAD}\nTalks in Havana\n{SECOND}\n")["Talks in Havana"] == "heading"


# -- the seeds ----------------------------------------------------------------------------
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


def test_seed_faq_blocks_give_question_answer_pairs(seeds):
    for path in sorted(seeds.glob("*.txt")):
        article = article_from_text(path.read_text(encoding="utf-8"), ref=str(path))
        pairs = article.faq()
        assert len(pairs) == 4, path.name
        for question, answer in pairs:
            assert question.endswith("?")
            assert answer and not answer.endswith("?")
            assert len(answer.split()) > len(question.split())
        kinds = [s.kind for s in article.sections]
        assert kinds.count("faq") == 1, "one heading, then the pairs"


def test_seed_deck_is_a_standfirst_and_the_caption_a_caption(seeds):
    from tests.conftest import MESSAGE_SEED, ROADMAP_SEED

    roadmap = article_from_text(ROADMAP_SEED.read_text(encoding="utf-8"), ref="roadmap")
    kinds = [s.kind for s in roadmap.sections]
    assert kinds[:5] == ["title", "standfirst", "caption", "furniture", "body"]
    caption = roadmap.sections[2]
    assert "Photo ©" in roadmap.text[caption.start : caption.end]
    deck, lead = roadmap.sections[1], roadmap.sections[4]
    assert roadmap.text[deck.start : deck.end].split()[:3] == roadmap.text[lead.start : lead.end].split()[:3]
    message = article_from_text(MESSAGE_SEED.read_text(encoding="utf-8"), ref="message")
    assert "standfirst" not in [s.kind for s in message.sections], "no title, so no deck"


def test_a_date_stamp_run_into_the_lead_is_metadata_and_the_lead_is_body():
    from dyad.ingest.text import article_from_text

    text = "date 2025-03-02 The foreign minister of Chile arrived in Lima on Monday for talks.\n\nMore followed."
    article = article_from_text(text, ref="stamp")
    kinds = [(s.kind, text[s.start : s.end]) for s in article.sections]
    assert kinds[0] == ("metadata", "date 2025-03-02")
    assert kinds[1][0] == "body" and kinds[1][1].startswith("The foreign minister")
    assert article.published == "2025-03-02"


def test_a_date_stamp_run_into_the_lead_does_not_cost_the_lead_its_event(pipeline):
    from tests.helpers import code_text

    text = "date 2025-03-02 Chilean Foreign Minister Alberto van Klaveren held talks with Peru's president in Lima."
    events = code_text(pipeline, text, published=None)
    assert any(e.type == "CONSULT" and e.countries() == {"CHL", "PER"} for e in events)


WRAPPED = """Ministers meet as border row deepens
The foreign minister of Lithuania said on Monday that his government
would summon the Belarusian ambassador, after trucks were held at the
border crossing for a third week.
Officials in Vilnius said talks with Minsk had stalled,
and a second round was not planned.
"""


def test_a_sentence_wrapped_over_several_lines_is_one_body_line():
    kinds = _kinds(WRAPPED)
    assert kinds["Ministers meet as border row deepens"] == "title"
    article = article_from_text(WRAPPED, ref="wrapped")
    body = [article.text[s.start : s.end] for s in article.sections if s.kind == "body"]
    assert len(body) == 2
    assert body[0].startswith("The foreign minister") and body[0].endswith("a third week.")
    assert body[1].startswith("Officials in Vilnius") and body[1].endswith("not planned.")


@pytest.mark.parametrize(
    ("line", "next_line", "wraps"),
    [
        ("The foreign minister of Lithuania said on Monday that his government", "would summon the envoy.", True),
        ("Officials in Vilnius said talks with Minsk had stalled,", "And a second round was not planned.", True),
        # a headline is short, or followed by a capital; a finished sentence is finished
        ("Border row deepens", "the talks were postponed.", False),
        ("Ministers meet in Vilnius as the border row deepens", "The foreign minister said ...", False),
        ("The foreign minister of Lithuania said on Monday it was over.", "would summon the envoy.", False),
        ("He said the talks were 'a failure':", "officials did not reply.", False),
    ],
)
def test_soft_wrap(line, next_line, wraps):
    from dyad.ingest.sections import soft_wrap

    assert soft_wrap(line, next_line) is wraps


def test_a_blank_line_is_never_a_wrap():
    first = "The foreign minister of Lithuania said on Monday that his government"
    text = f"Border row deepens\n{first}\n\nwould summon the envoy.\n"
    article = article_from_text(text, ref="blank")
    start = text.index(first)
    assert any(s.start == start and s.end == start + len(first) for s in article.sections)
