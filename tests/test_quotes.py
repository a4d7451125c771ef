"""The quotes extractor, one construction at a time, on the real spaCy pipeline."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.extraction.quote_rules.marks import Stretch, all_quoted_stretches
from app.models import Facts, Quote, SpeakerRef
from tests.conftest import Extract

Article = Callable[[str], Facts]


@pytest.fixture(scope="module")
def article(extract: Extract) -> Article:
    """Facts of a body text; the title is given so the first line stays in the body."""
    return lambda text: extract(text, title="A test article")


def quotes(facts: Facts, kind: str | None = None) -> list[Quote]:
    return [q for q in facts.quotes if kind is None or q.kind == kind]


def speaker(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def one_quote(facts: Facts, starting: str) -> Quote:
    found = [q for q in facts.quotes if q.text.startswith(starting)]
    assert len(found) == 1, [q.text for q in facts.quotes]
    return found[0]


def stretches(text: str) -> list[str]:
    paragraphs, start = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((start, start + len(part)))
        start += len(part) + 2
    found: list[Stretch] = all_quoted_stretches(text, paragraphs)
    return [s.text(text) for s in found]


# ---------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    "text",
    [
        'She said "the plan works" and left.',
        "She said “the plan works” and left.",
        "She said ‘the plan works’ and left.",
    ],
)
def test_straight_curly_and_single_marks(text: str) -> None:
    assert stretches(text) == ["the plan works"]


def test_apostrophes_are_not_single_marks() -> None:
    assert stretches("The players’ union said it doesn’t agree.") == []


def test_a_stray_mark_never_swallows_the_next_paragraphs() -> None:
    text = 'He bought a 5" screen for the office.\n\nThe next day "it broke," he said.'
    assert stretches(text) == ["it broke"]


def test_a_quote_over_paragraphs_is_one_stretch() -> None:
    text = '"We will win this race.\n\n"And then we will govern," she said.\n\nNothing else.'
    assert stretches(text) == ["We will win this race. And then we will govern"]


def test_a_paragraph_quote_missing_its_closing_mark_ends_with_the_paragraph() -> None:
    text = '"We will win this race.\n\nThe crowd cheered.'
    assert stretches(text) == ["We will win this race."]


@pytest.mark.parametrize(
    "text",
    ['"', '""', '" " "', "“”", '"a"b"c"', "”Hello“", '"\n\n"', "‘’’‘", '"' * 50, "«»«"],
)
def test_any_marks_never_crash(text: str, article: Article) -> None:
    stretches(text)
    article(f"Headline\n\nThe minister said {text} and left. Others said nothing.")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab .,"“”‘’«»―\n', max_size=80))
def test_stretches_stay_in_their_paragraphs_and_never_overlap(text: str) -> None:
    paragraphs, start = [], 0
    for part in text.split("\n\n"):
        paragraphs.append((start, start + len(part)))
        start += len(part) + 2
    found = all_quoted_stretches(text, paragraphs)
    segments = [segment for stretch in found for segment in stretch.segments]
    assert segments == sorted(segments)
    for (_, end), (start, _) in itertools.pairwise(segments):
        assert end <= start
    for a, b in segments:
        assert any(p <= a <= b <= q for p, q in paragraphs)


# ---------------------------------------------------------------- direct quotes


def test_speaker_before_the_quote_with_audience_and_date(article: Article) -> None:
    facts = article(
        "Foreign Minister Sergei Lavrov spoke in Moscow.\n\n"
        '"The talks are over," Lavrov told reporters Wednesday.'
    )
    quote = one_quote(facts, "The talks are over")
    assert (quote.kind, speaker(quote), quote.cue) == ("direct", "Sergei Lavrov", "told")
    assert quote.audience == "reporters"
    said_on = next(d for d in facts.dates if d.id == quote.said_on)
    assert said_on.text == "Wednesday"


def test_speaker_after_the_quote(article: Article) -> None:
    facts = article('"Flu season is here," said the CDC\'s Dr. Michael Jhung on Monday.')
    assert speaker(one_quote(facts, "Flu season")) == "Michael Jhung"


def test_split_quote_has_one_speaker(article: Article) -> None:
    facts = article(
        'Senator Maria Lopez spoke after the vote. "This bill is dead," she said. '
        '"Nobody will revive it."'
    )
    first, second = one_quote(facts, "This bill"), one_quote(facts, "Nobody will")
    assert speaker(first) == speaker(second) == "Maria Lopez"
    assert second.cue is None


def test_a_quote_paragraph_continues_the_last_speaker(article: Article) -> None:
    facts = article(
        '"We expect growth next year," Acme Corp. chief executive John Miller told analysts.\n\n'
        '"Our factories are running at full capacity and we are hiring."'
    )
    assert speaker(one_quote(facts, "Our factories")) == "John Miller"


def test_multi_paragraph_quote_is_one_quote(article: Article) -> None:
    facts = article(
        'Governor Anna Berg said: "We have cut taxes for every family in this state.\n\n'
        '"We will keep cutting them until the budget is balanced."\n\nThe vote is on Friday.'
    )
    quote = one_quote(facts, "We have cut taxes")
    assert quote.text.endswith("until the budget is balanced.")
    assert speaker(quote) == "Anna Berg"


def test_quote_introduced_by_a_colon_in_the_paragraph_before(article: Article) -> None:
    facts = article(
        "At the rally, Governor Anna Berg told the crowd:\n\n"
        '"We have cut taxes for every family in this state."'
    )
    quote = one_quote(facts, "We have cut taxes")
    assert (speaker(quote), quote.cue, quote.audience) == ("Anna Berg", "told", "the crowd")


def test_apposition_speaker(article: Article) -> None:
    facts = article(
        "James Brown, an expert in Russo-Japanese ties at Temple University, said the talks "
        'had stalled. "There is no deal in sight," Brown said.'
    )
    assert speaker(one_quote(facts, "There is no deal")) == "James Brown"


def test_description_named_in_apposition(article: Article) -> None:
    facts = article('The president\'s spokesman, Dmitry Peskov, said: "The meeting will go ahead."')
    assert speaker(one_quote(facts, "The meeting will")) == "Dmitry Peskov"


def test_pronoun_speaker_across_paragraphs(article: Article) -> None:
    facts = article(
        "Prime Minister Shinzo Abe flew to Moscow on Monday for the talks.\n\n"
        '"I want to make as much progress as possible," he told reporters.'
    )
    assert speaker(one_quote(facts, "I want to make")) == "Shinzo Abe"


def test_partial_quote(article: Article) -> None:
    facts = article(
        'Foreign Minister Sergei Lavrov complained about "significant differences" with Japan.'
    )
    quote = one_quote(facts, "significant differences")
    assert (quote.kind, speaker(quote), quote.cue) == ("partial", "Sergei Lavrov", "complained")


def test_fragment_belongs_to_the_clause_that_uses_it(article: Article) -> None:
    facts = article(
        "Senate leader Harry Reid spoke on Monday. "
        'In recent weeks, Reid has gone after the senator as a "spoiled brat."'
    )
    assert speaker(one_quote(facts, "spoiled brat")) == "Harry Reid"


def test_fragment_judging_someone_is_the_speakers_not_theirs(article: Article) -> None:
    facts = article('Donald Trump tweeted early on Friday that Alicia Machado was "disgusting."')
    assert speaker(one_quote(facts, "disgusting")) == "Donald Trump"


def test_source_lost_by_the_parse_after_the_quote(article: Article) -> None:
    facts = article(
        "Police said the driver had fled. "
        '"I will just make this promise to you: We will achieve justice in this case," '
        "Tulsa police Chief Chuck Jordan said Monday."
    )
    assert speaker(one_quote(facts, "I will just make")) == "Chuck Jordan"


def test_name_signed_after_the_quote(article: Article) -> None:
    facts = article(
        "Readers wrote in.\n\n"
        "“He makes simple blanket statements about people.” ― Pamela Padilla\n"
        "“The debate proved nothing at all to me.” — Carlos Raúl"
    )
    assert speaker(one_quote(facts, "He makes simple")) == "Pamela Padilla"
    assert speaker(one_quote(facts, "The debate proved")) == "Carlos Raúl"


def test_participle_speaker(article: Article) -> None:
    facts = article(
        'The ad uses footage of Hillary Clinton asking, "Why aren\'t I 50 points ahead?"'
    )
    assert speaker(one_quote(facts, "Why aren't I")) == "Hillary Clinton"


def test_unnamed_source_is_the_description(article: Article) -> None:
    facts = article('"We are ready," a senior government official said on Tuesday.')
    quote = one_quote(facts, "We are ready")
    assert quote.speaker is not None
    assert quote.speaker.id is None
    assert quote.speaker.name == "a senior government official"


def test_description_of_one_person_with_two_titles(article: Article) -> None:
    facts = article(
        '"How many times do we have to see this?" asked the former secretary of state and '
        "current Democratic presidential nominee."
    )
    quote = one_quote(facts, "How many times")
    assert quote.speaker == SpeakerRef(
        id=None,
        name="the former secretary of state and current Democratic presidential nominee",
    )


def test_scare_quotes_and_titles_are_not_quotes(article: Article) -> None:
    facts = article(
        'The so-called "nuclear umbrella" protects Japan. Critics watched "House of Cards" '
        "on Sunday."
    )
    assert quotes(facts, "direct") == quotes(facts, "partial") == []


def test_channel_of_a_report(article: Article) -> None:
    facts = article(
        "The ministry, in a statement cited by TASS, said the exercise was routine and "
        "would end on Friday."
    )
    quote = one_quote(facts, "the exercise was routine")
    assert quote.kind == "indirect"


# ---------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    ("text", "content", "who", "cue"),
    [
        (
            "Chancellor Olaf Scholz said that the coalition would survive the budget dispute.",
            "the coalition would survive the budget dispute",
            "Olaf Scholz",
            "said",
        ),
        (
            "The coalition will survive the budget dispute, Chancellor Olaf Scholz said.",
            "The coalition will survive the budget dispute",
            "Olaf Scholz",
            "said",
        ),
        (
            "The coalition will survive the budget dispute, according to Chancellor Olaf Scholz.",
            "The coalition will survive the budget dispute",
            "Olaf Scholz",
            "according to",
        ),
        (
            "Chancellor Olaf Scholz vowed not to raise taxes before the election.",
            "not to raise taxes before the election",
            "Olaf Scholz",
            "vowed",
        ),
        (
            "Russia insists that it owns the islands.",
            "it owns the islands",
            "Russia",
            "insists",
        ),
    ],
)
def test_indirect_quotes(article: Article, text: str, content: str, who: str, cue: str) -> None:
    (quote,) = quotes(article(text), "indirect")
    assert (quote.text, speaker(quote), quote.cue) == (content, who, cue)


def test_speech_act_with_object_content(article: Article) -> None:
    (quote,) = quotes(
        article("Senator Maria Lopez called for the complete repeal of the health law."),
        "indirect",
    )
    assert (quote.text, speaker(quote)) == ("the complete repeal of the health law", "Maria Lopez")


def test_relative_clause_source_and_anonymity_request(article: Article) -> None:
    facts = article(
        "The plan was criticised by Senator Maria Lopez, who said the budget would not "
        "balance, and by an official who asked not to be named."
    )
    (quote,) = quotes(facts, "indirect")
    assert (quote.text, speaker(quote)) == ("the budget would not balance", "Maria Lopez")


def test_stance_verb_with_that_clause(article: Article) -> None:
    (quote,) = quotes(
        article("Chancellor Olaf Scholz hopes that the coalition will survive the dispute."),
        "indirect",
    )
    assert (quote.text, speaker(quote)) == ("the coalition will survive the dispute", "Olaf Scholz")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The Acme campaign called the charges unsubstantiated and fabricated.",
            "the charges unsubstantiated and fabricated",
        ),
        (
            "President Barack Obama told his advisers to cut emissions without Congress.",
            "to cut emissions without Congress",
        ),
    ],
)
def test_naming_and_telling_to(article: Article, text: str, content: str) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ann Kettle said after the vote she would resign in the spring.",
            "after the vote she would resign in the spring",
        ),
        (
            "The strike went on for a third day on Friday: union leader Tom Baird said the "
            "offer was far too low.",
            "the offer was far too low",
        ),
        (
            "Minister Ines Varga said the budget was balanced, and the opposition leader "
            "replied that it was not.",
            "the budget was balanced",
        ),
    ],
)
def test_the_clause_a_speaker_reports(article: Article, text: str, content: str) -> None:
    """A complement the parser hangs as an adverbial clause; not the narrator's clause
    before a colon; not a second attribution coordinated with the content."""
    assert quotes(article(text), "indirect")[0].text == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Senator Maria Lopez criticized the agency for its slow response to the flood.",
            "the agency for its slow response to the flood",
        ),
        (
            "Governor Jon Tate spoke of the need for new roads in the north.",
            "the need for new roads in the north",
        ),
        (
            "Governor Jon Tate plans to widen the coastal highway next year.",
            "to widen the coastal highway next year",
        ),
    ],
)
def test_judgments_topics_and_intentions(article: Article, text: str, content: str) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "New bridges, Mayor Ann Kettle said, would bring trade back to the river towns.",
        "New bridges, she said, would bring trade back to the river towns.",
    ],
)
def test_attribution_as_an_aside(article: Article, text: str) -> None:
    """`X, she said, is Y`: the content is the clause around the aside."""
    (quote,) = quotes(article(text), "indirect")
    assert quote.text == "New bridges would bring trade back to the river towns"


def test_an_attribution_inside_reported_content_is_not_another_quote(article: Article) -> None:
    facts = article("The Daily Ledger said Governor Jon Tate plans to visit the flooded towns.")
    assert [q.text for q in quotes(facts, "indirect")] == [
        "Governor Jon Tate plans to visit the flooded towns"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Governor Jon Tate claims that the new port will pay for itself.",
            "the new port will pay for itself",
        ),
        (
            "The minister told a meeting of farm leaders that the subsidy would stay in place.",
            "the subsidy would stay in place",
        ),
        (
            "Senator Maria Lopez proposed dropping the tax break for yacht owners.",
            "dropping the tax break for yacht owners",
        ),
    ],
)
def test_what_a_misparse_hides(article: Article, text: str, content: str) -> None:
    """A verb tagged as a noun, a `that` clause hung on the object, a gerund object."""
    assert [q.text for q in quotes(article(text), "indirect")] == [content]


def test_a_participle_naming_a_noun_is_no_cue(article: Article) -> None:
    facts = article("Police arrested members of a gang called the Night Riders on Friday.")
    assert quotes(facts, "indirect") == []


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            '"How long must we wait?" Mayor Ann Kettle said. "Nobody can tell us."',
            ["Ann Kettle", "Ann Kettle"],
        ),
        ('"Why not?" the senator asked reporters on Tuesday.', ["the senator"]),
    ],
)
def test_attribution_after_a_question_mark(
    article: Article, text: str, speakers: list[str]
) -> None:
    """The parser ends the sentence at the quote's question mark; the next sentence
    attributes it, and the quote that follows goes on with the same speaker."""
    assert [speaker(q) for q in quotes(article(text))] == speakers


def test_a_sentence_reporting_its_own_words_does_not_sign_the_quote_before_it(
    article: Article,
) -> None:
    facts = article('"Why not?" The senator said the plan had failed.')
    assert speaker(one_quote(facts, "Why not")) is None


def test_a_quote_goes_on_from_reported_speech(article: Article) -> None:
    facts = article(
        'The port may close by winter, Mayor Ann Kettle said. "Nobody wants that to happen."'
    )
    assert speaker(one_quote(facts, "Nobody wants")) == "Ann Kettle"


def test_speech_verb_opening_the_sentence_before_a_colon(article: Article) -> None:
    facts = article(
        "Economists doubt the plan will work. "
        'Said Professor Maria Ellis: "I see no sign of interest in reform."'
    )
    assert speaker(one_quote(facts, "I see no sign")) == "Maria Ellis"


def test_a_fragment_deep_in_reported_speech_is_the_reporters(article: Article) -> None:
    facts = article(
        "Foreign Minister Ines Varga said the government would work with its neighbours "
        'to take "firm steps" in response.'
    )
    assert speaker(one_quote(facts, "firm steps")) == "Ines Varga"


def test_a_fragment_in_a_scene_setting_clause_is_its_subjects(article: Article) -> None:
    facts = article(
        'As Senator Maria Lopez went on about "a rigged system," her aide Tom Baird said '
        "nothing at all."
    )
    assert speaker(one_quote(facts, "a rigged system")) == "Maria Lopez"


def test_an_unnamed_source_never_takes_in_quoted_words(article: Article) -> None:
    facts = article('The advertisement "wrongly" suggests that officers back the mayor.')
    assert speaker(one_quote(facts, "wrongly")) == "The advertisement"


def test_words_quoted_inside_reported_speech_are_the_reporters(article: Article) -> None:
    facts = article(
        'City Attorney Brad Holm said the advertisement "wrongly" suggests that officers '
        "back the mayor."
    )
    assert speaker(one_quote(facts, "wrongly")) == "Brad Holm"


def test_a_verb_after_a_preposition_shares_the_subject(article: Article) -> None:
    facts = article(
        'The singer Ann Kettle bowed to the crowd before asking it, "Did you enjoy the night?"'
    )
    assert speaker(one_quote(facts, "Did you enjoy")) == "Ann Kettle"


def test_reported_speech_reaches_through_by_doing(article: Article) -> None:
    facts = article(
        "Campaign manager Tom Baird told reporters that the campaign expects the host to "
        'intervene by calling out the senator for his "lies" during the debate.'
    )
    assert speaker(one_quote(facts, "lies")) == "Tom Baird"


def test_as_someone_put_it(article: Article) -> None:
    facts = article(
        "Several senators share the worry, because the main test is a "
        '"lawful source of income," as Senator Maria Lopez put it.'
    )
    assert speaker(one_quote(facts, "lawful source")) == "Maria Lopez"


def test_words_quoted_in_someones_claim_are_theirs(article: Article) -> None:
    facts = article(
        "The newspaper checked Governor Jon Tate's claim that there were "
        '"thousands of new jobs" in the city this year.'
    )
    assert speaker(one_quote(facts, "thousands of new jobs")) == "Jon Tate"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The harbour is silting up, as Mayor Ann Kettle said last week.",
            ["The harbour is silting up"],
        ),
        ("As she said goodbye, the crowd cheered.", []),
        ("The ferry was late again, as expected.", []),
    ],
)
def test_as_someone_said(article: Article, text: str, content: list[str]) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == content


def test_a_quote_with_no_cue_belongs_to_the_person_the_sentence_before_is_about(
    article: Article,
) -> None:
    facts = article(
        '"We will rebuild," Mayor Ann Kettle said.\n\n'
        "Senator Maria Lopez named the flood as the reason for the delay. "
        '"Nobody could have planned for this."'
    )
    assert speaker(one_quote(facts, "Nobody could")) == "Maria Lopez"


def test_a_second_speech_act_is_not_part_of_the_first(article: Article) -> None:
    facts = article(
        "Governor Jon Tate said the budget would balance by spring and promised to "
        "cut the ferry fares."
    )
    assert [q.text for q in quotes(facts, "indirect")] == [
        "the budget would balance by spring",
        "to cut the ferry fares",
    ]


def test_someones_claim_is_their_reported_speech(article: Article) -> None:
    facts = article(
        "The paper checked Governor Jon Tate's claim that the port had doubled its trade."
    )
    (quote,) = quotes(facts, "indirect")
    assert (quote.text, speaker(quote), quote.cue) == (
        "the port had doubled its trade",
        "Jon Tate",
        "claim",
    )


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Governor Jon Tate is confident that the bridge will open on time.",
            ["the bridge will open on time"],
        ),
        ("Governor Jon Tate was happy that the bridge opened.", []),
    ],
)
def test_a_stance_adjective_reports_its_clause(
    article: Article, text: str, content: list[str]
) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Critics of the plan see the new toll as a tax on commuters.",
            ["the new toll as a tax on commuters"],
        ),
        ("Critics of the plan saw the new toll booths on Monday.", []),
    ],
)
def test_seeing_something_as_something(article: Article, text: str, content: list[str]) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ann Kettle made the case that the ferry should run all night.",
            "the ferry should run all night",
        ),
        (
            "Mayor Ann Kettle pointed out that the ferry had never run at a loss.",
            "the ferry had never run at a loss",
        ),
    ],
)
def test_making_a_case_and_pointing_out(article: Article, text: str, content: str) -> None:
    assert [q.text for q in quotes(article(text), "indirect")] == [content]


@pytest.mark.parametrize("dateline", ["LISBON, Aug. 3 -", "LISBON (AP) --", "LISBON —"])
def test_a_dateline_is_not_the_subject_of_the_lead(article: Article, dateline: str) -> None:
    facts = article(
        f"{dateline} The weather agency issued its highest warning on Wednesday, saying "
        "temperatures could pass 45 degrees by the weekend."
    )
    (quote,) = quotes(facts, "indirect")
    assert speaker(quote) == "The weather agency"


@pytest.mark.parametrize(
    ("text", "content", "who"),
    [
        (
            "Analysts at Varo Bank had warned for weeks that a rate cut was likely.",
            "a rate cut was likely",
            "Analysts at Varo Bank",
        ),
        (
            "The club won a place in the cup, which chairman Peter Ashdown said would bring "
            "in money.",
            "would bring in money",
            "Peter Ashdown",
        ),
        (
            "He said the firm had hired forty workers for the dam, which it had planned to "
            "begin next spring.",
            "the firm had hired forty workers for the dam, which it had planned to begin "
            "next spring",
            None,
        ),
    ],
)
def test_content_and_source_past_odd_parses(
    article: Article, text: str, content: str, who: str | None
) -> None:
    """A clause after a time phrase, a relative pronoun beside the real subject, and a
    non-projective parse that lists a subtree out of reading order."""
    (quote,) = quotes(article(text), "indirect")
    assert (quote.text, speaker(quote)) == (content, who)


def test_the_second_half_of_a_split_quote_is_direct(article: Article) -> None:
    facts = article(
        '"We have been through storms before," Mayor Ann Kettle said, "and we have always '
        'come out of them."'
    )
    assert [(q.kind, speaker(q)) for q in facts.quotes] == [("direct", "Ann Kettle")] * 2


def test_a_name_after_a_description_of_a_role_names_the_speaker(article: Article) -> None:
    facts = article(
        "A spokesman for Kessler Timber, Dale Hutchins, said the company was disappointed."
    )
    (quote,) = quotes(facts, "indirect")
    assert speaker(quote) == "Dale Hutchins"


def test_whoever_is_asked_is_not_asking(article: Article) -> None:
    facts = article(
        'Asked whether the dam would hold, Governor Jon Tate replied: "We will be ready."'
    )
    assert quotes(facts, "indirect") == []
    assert speaker(one_quote(facts, "We will be ready")) == "Jon Tate"


def test_a_verb_coordinated_inside_the_content_stays_in_it(article: Article) -> None:
    facts = article(
        "Diane Foster said the utility had brought in crews from six states and expected "
        "to restore power by Thursday."
    )
    (quote,) = quotes(facts, "indirect")
    assert quote.text.endswith("expected to restore power by Thursday")


def test_a_duration_in_the_attribution_is_not_when_it_was_said(article: Article) -> None:
    facts = article(
        '"Nothing changes," said Tom Walsh, who has lived in the town for three decades.'
    )
    assert one_quote(facts, "Nothing changes").said_on is None


def test_an_aside_attributes_the_fragments_of_its_sentence(article: Article) -> None:
    facts = article(
        "In his years in office, Governor Jon Tate said, most voters have come to believe "
        '"that the river must be cleaned up."'
    )
    assert speaker(one_quote(facts, "that the river")) == "Jon Tate"


def test_a_passive_expectation_has_no_source(article: Article) -> None:
    assert quotes(article("The harbour bridge is expected to reopen next week."), "indirect") == []


def test_citing_a_source_is_no_content(article: Article) -> None:
    facts = article("The newspaper, citing unnamed officials, said the summit would be postponed.")
    assert [q.text for q in quotes(facts, "indirect")] == ["the summit would be postponed"]


def test_news_agency_report_is_the_speaker_and_the_channel(article: Article) -> None:
    facts = article(
        "A Kyodo News report Monday said Prime Minister Shinzo Abe was ready to sign a treaty."
    )
    (quote,) = quotes(facts, "indirect")
    assert speaker(quote) == "Kyodo News"
    assert quote.channel == "A Kyodo News report Monday"


def test_quoted_words_are_not_also_reported_speech(article: Article) -> None:
    facts = article('"The talks are over," Foreign Minister Sergei Lavrov told reporters.')
    assert quotes(facts, "indirect") == []


# ---------------------------------------------------------------- the shipped article

SHIPPED_QUOTES = [
    ("Japan is the only country in the world", "Sergei Lavrov", "told"),
    ("This is a problem that's remained", "Shinzo Abe", "told"),
    ("I want to spend plenty of time", "Shinzo Abe", None),
    ("significant differences", "Sergei Lavrov", "complained"),
    ("This is our land", "Yuri Ushakov", "said"),
    ("Nobody is going to give this land", "Yuri Ushakov", None),
    ("Japan's position has softened", "James Brown", "said"),
    ("We will continue to make tenacious efforts", "Yoshihide Suga", "told"),
]


def test_shipped_article_direct_quotes(shipped_facts: Facts) -> None:
    found = [(q.text, speaker(q), q.cue) for q in shipped_facts.quotes if q.kind != "indirect"]
    assert len(found) == len(SHIPPED_QUOTES)
    for (text, who, cue), (start, expected, expected_cue) in zip(
        found, SHIPPED_QUOTES, strict=True
    ):
        assert text.startswith(start)
        assert (who, cue) == (expected, expected_cue)


def test_shipped_article_lavrov_said_on_wednesday(shipped_facts: Facts) -> None:
    quote = one_quote(shipped_facts, "Japan is the only country")
    assert quote.audience == "reporters"
    date = next(d for d in shipped_facts.dates if d.id == quote.said_on)
    assert date.text == "Wednesday"


@pytest.mark.parametrize(
    ("start", "who"),
    [
        ("not to surrender any territory", "Yuri Ushakov"),
        ("Tokyo first acknowledge Russian sovereignty", "Sergei Lavrov"),
        ("Abe was ready to sign a peace treaty", "Kyodo News"),
        ("it owns the isles", "Russia"),
        ("Abe's years of effort seem to have gained him little", "James Brown"),
    ],
)
def test_shipped_article_reported_speech(shipped_facts: Facts, start: str, who: str) -> None:
    quote = one_quote(shipped_facts, start)
    assert (quote.kind, speaker(quote)) == ("indirect", who)
