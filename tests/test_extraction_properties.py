"""Property tests: any text gives a valid facts document whose offsets point into the body."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.models import Facts
from tests.conftest import Extract

NEWS_WORDS = [
    "said",
    "told",
    "reporters",
    "Monday",
    "last",
    "year",
    "President",
    "Smith",
    "Jan.",
    "15",
    "according",
    "to",
    "the",
    "ministry",
    "he",
    "she",
    "\n\n",
    "# ",
    "**",
    "By",
    "2019",
    ".",
    ",",
]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "--", "—"]

texts = st.one_of(
    st.text(min_size=1, max_size=400),
    st.lists(st.sampled_from(NEWS_WORDS + MARKS), min_size=1, max_size=80).map(" ".join),
    st.lists(st.sampled_from(MARKS), min_size=1, max_size=30).map("".join),
)


def assert_consistent(facts: Facts) -> None:
    body = facts.article.body
    Facts.model_validate(facts.model_dump())
    for paragraph in facts.article.paragraphs:
        assert body[paragraph.start : paragraph.end] == paragraph.text
    actor_ids = {actor.id for actor in facts.actors}
    date_ids = {mention.id for mention in facts.dates}
    for fact in [*facts.quotes, *facts.dates]:
        assert 0 <= fact.start <= fact.end <= len(body)
        assert 0 <= fact.paragraph < len(facts.article.paragraphs)
    for quote in facts.quotes:
        assert quote.speaker is None or quote.speaker.id is None or quote.speaker.id in actor_ids
        assert quote.said_on is None or quote.said_on in date_ids
    for actor in facts.actors:
        for mention in actor.mentions:
            assert 0 <= mention.start <= mention.end
    ids = [q.id for q in facts.quotes] + [a.id for a in facts.actors] + [d.id for d in facts.dates]
    assert len(ids) == len(set(ids))


@given(text=texts)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_gives_a_valid_facts_document(extract: Extract, text: str) -> None:
    assert_consistent(extract(text))


@given(text=texts)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extraction_is_deterministic(extract: Extract, text: str) -> None:
    assert extract(text) == extract(text)


def test_one_very_long_line(extract: Extract) -> None:
    text = ('He said "yes' + " and more words" * 4000 + ". ") * 1
    assert_consistent(extract(text))
