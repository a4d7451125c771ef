"""Every fact's offsets give back exactly the text it reports, whatever the quotation marks.

Hypothesis writes news-like articles from pieces: quotes in straight, curly, single and
French marks (with their inner spaces), quotes missing a mark, quotes running over
paragraphs, asides, interview turns, dates and names; then every quote, date and actor
mention is checked against `article.body` (or the field it stands in).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Facts
from tests.conftest import Extract

NAMES = ["Mayor Linda Park", "Park", "Governor Tom Reyes", "she", "the senator", "Acme Corp."]
VERBS = ["said", "told reporters", "added", "warned", "asked"]
WHEN = ["", " on Friday", " last week", " on March 3", " yesterday"]
WORDS = [
    "We are proud of this project",
    "The bridge will open in June",
    "Nobody expected the vote to pass, and nobody is happy",
    "Why would we stop now?",
    "It was, frankly, a mistake",
]
NARRATION = [
    "The council met in Springfield on Tuesday.",
    "Residents were pleased.",
    "Governor Tom Reyes said the budget would balance by 2026.",
    "The bridge, Park said, would bring trade back to the river towns.",
]
# Opening and closing marks, and broken pairs: a missing or a mismatched closing mark.
MARK_PAIRS = [
    ('"', '"'),
    ("“", "”"),
    ("‘", "’"),
    ("« ", " »"),
    ("«", "»"),
    ('"', ""),
    ("“", ""),
    ("", '"'),
    ('"', "”"),
]


@st.composite
def quote_sentences(draw: st.DrawFn) -> str:
    opening, closing = draw(st.sampled_from(MARK_PAIRS))
    words = draw(st.sampled_from(WORDS))
    handover = "" if words.endswith("?") else ","
    who, verb, when = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), ""
    when = draw(st.sampled_from(WHEN))
    if draw(st.booleans()):
        return f"{opening}{words}{handover}{closing} {who} {verb}{when}."
    return f"{who} {verb}{when}: {opening}{words}.{closing}"


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["quote", "narration", "turn", "running"]))
    if kind == "turn":
        label = draw(st.sampled_from(["Q", "A", "Park", "Wikinews", "**Q:**"]))
        separator = "" if label.endswith(":**") else ":"
        return f"{label}{separator} {draw(st.sampled_from(WORDS))}."
    if kind == "running":
        # The news convention: no closing mark until the last paragraph of the quote.
        mark = draw(st.sampled_from(['"', "“"]))
        return f"{mark}{draw(st.sampled_from(WORDS))}."
    sentences = st.one_of(quote_sentences(), st.sampled_from(NARRATION))
    return " ".join(draw(st.lists(sentences, min_size=1, max_size=3)))


articles = st.lists(paragraphs(), min_size=1, max_size=8).flatmap(
    lambda parts: st.sampled_from(["\n\n", "\n"]).map(lambda joint: joint.join(parts))
)


def assert_exact_offsets(facts: Facts) -> None:
    body = facts.article.body
    paragraphs = [(p.start, p.end) for p in facts.article.paragraphs]
    for quote in facts.quotes:
        segments = [(s.start, s.end) for s in quote.segments]
        assert segments, quote
        assert (quote.start, quote.end) == (segments[0][0], segments[-1][1])
        assert quote.text == " ".join(body[a:b] for a, b in segments)
        if len(segments) == 1:
            assert body[quote.start : quote.end] == quote.text
        for a, b in segments:
            assert any(p <= a < b <= q for p, q in paragraphs), (quote, paragraphs)
            words = body[a:b]
            assert words == words.strip(), quote
            assert not words.endswith(","), quote
        assert segments == sorted(segments)
    for date in facts.dates:
        assert body[date.start : date.end] == date.text, date
    fields = {
        "title": facts.article.title,
        "byline": facts.article.byline,
        "image_caption": facts.article.image_caption,
        "image_credit": facts.article.image_credit,
        "body": body,
    }
    for actor in facts.actors:
        for mention in actor.mentions:
            text = fields[mention.field] or ""
            assert text[mention.start : mention.end] == mention.text, (actor.name, mention)


@given(text=articles)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_fact_is_exactly_where_it_says(extract: Extract, text: str) -> None:
    assert_exact_offsets(extract(text, title="A test article"))


@given(
    text=st.text(alphabet=' ab,.?:Q\n"“”‘’«»—', min_size=1, max_size=120).map(
        lambda noise: f"Mayor Linda Park said {noise} on Friday."
    )
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_marks_keep_facts_exact(extract: Extract, text: str) -> None:
    assert_exact_offsets(extract(text, title="A test article"))
