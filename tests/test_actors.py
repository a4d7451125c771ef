"""Actors: one entry per real-world person, organisation and place, with roles and mentions.

Unit tests run the real spaCy pipeline on sentences written for each rule; the last
tests check the shipped article's actor list end to end.
"""

from __future__ import annotations

import re

import pytest
from spacy.language import Language

from app.extraction.actor_rules.countries import country_code, nationality_country
from app.extraction.actor_rules.entity_types import Typing, typing_by_name
from app.extraction.actors import ActorIndex, extract_actors
from app.extraction.article import parse_article
from app.extraction.document import ArticleDoc
from app.models import Actor, Facts, Role
from tests.conftest import Extract


def actor(facts: Facts, name: str) -> Actor:
    found = [a for a in facts.actors if a.name == name]
    assert len(found) == 1, f"{name!r} not once in {[a.name for a in facts.actors]}"
    return found[0]


def names(facts: Facts) -> set[str]:
    return {a.name for a in facts.actors}


def mention_texts(found: Actor, kind: str = "name") -> list[str]:
    return [m.text for m in found.mentions if m.kind == kind]


def index_of(nlp: Language, text: str) -> tuple[ArticleDoc, ActorIndex]:
    article = parse_article(text)
    parsed = ArticleDoc(article, nlp(article.body))
    return parsed, extract_actors(parsed)


def span_of(parsed: ArticleDoc, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Character offsets of the n-th whole-word occurrence of the text in the body."""
    matches = list(re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", parsed.text))
    return matches[occurrence].span()


def name_at(index: ActorIndex, parsed: ArticleDoc, text: str, occurrence: int = 0) -> str | None:
    """The canonical name of the actor the n-th occurrence of the text mentions, if any."""
    found = index.actor_of(parsed.span(*span_of(parsed, text, occurrence)))
    return found.name if found else None


# ------------------------------------------------------------------ countries and nationalities


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Japanese", "JP"),
        ("Russian", "RU"),
        ("Chinese", "CN"),
        ("American", "US"),
        ("Belgian", "BE"),
    ],
)
def test_nationality_words_map_to_their_country(word: str, code: str) -> None:
    assert nationality_country(word) == code


@pytest.mark.parametrize(
    ("name", "code"), [("Japan", "JP"), ("Russia", "RU"), ("the U.S.", "US"), ("South Korea", "KR")]
)
def test_news_names_of_countries_map_to_iso_codes(name: str, code: str) -> None:
    assert country_code(name) == code


def test_nationality_words_are_no_actors(extract: Extract) -> None:
    facts = extract(
        "Japanese officials met Russian diplomats in Tokyo on Monday, "
        "while Chinese and American envoys waited."
    )
    assert names(facts) == {"Tokyo"}
    assert actor(facts, "Tokyo").country == "JP"


@pytest.mark.parametrize("platform", ["Twitter", "Facebook", "Telegram", "Truth Social"])
def test_a_social_platform_is_an_organization(nlp: Language, platform: str) -> None:
    assert typing_by_name(nlp(platform)[:]) == Typing("organization", "social platform")


# ------------------------------------------------------------------ names


def test_short_and_titled_forms_join_the_full_name(extract: Extract) -> None:
    facts = extract(
        "Prime Minister Jane Holloway met farmers in Leeds on Monday. "
        "Holloway said the plan would work."
    )
    holloway = actor(facts, "Jane Holloway")
    assert holloway.id == "jane-holloway"
    assert holloway.type == "person"
    assert mention_texts(holloway) == ["Prime Minister Jane Holloway", "Holloway"]


def test_people_who_share_a_surname_stay_apart(extract: Extract) -> None:
    facts = extract(
        "Senator Mark Ellison voted against the bill on Tuesday. His brother, former Governor "
        "Paul Ellison, had backed it for years. Ellison said he would not change his mind."
    )
    mark, paul = actor(facts, "Mark Ellison"), actor(facts, "Paul Ellison")
    # The bare surname goes to the one the article is about, not to the brother named once.
    assert "Ellison" in mention_texts(mark)
    assert mention_texts(paul) == ["former Governor Paul Ellison"]
    assert mention_texts(paul, "description") == ["His brother"]
    assert paul.roles == [Role(title="former Governor")]


def test_a_name_cut_short_and_its_two_word_surname_are_one_person(extract: Extract) -> None:
    facts = extract(
        "President Enrique Peña Nieto met business leaders in Mexico City on Monday. "
        "Mr. Peña Nieto said Mexico would not pay for the wall."
    )
    president = actor(facts, "Enrique Peña Nieto")
    assert president.id == "enrique-pena-nieto"
    assert mention_texts(president) == ["President Enrique Peña Nieto", "Mr. Peña Nieto"]
    # A city named after its country is not the country.
    assert {"Mexico", "Mexico City"} <= names(facts)


def test_a_son_of_the_same_name_is_another_person(extract: Extract) -> None:
    facts = extract(
        "Donald Trump Jr. spoke before his father, Donald Trump, took the stage. "
        "Trump said the crowd was huge."
    )
    father = actor(facts, "Donald Trump")
    assert mention_texts(father) == ["Donald Trump", "Trump"]
    assert mention_texts(father, "description") == ["his father"]
    assert mention_texts(actor(facts, "Donald Trump Jr.")) == ["Donald Trump Jr."]


# ------------------------------------------------------------------ roles


def test_a_title_before_the_name_is_a_role_with_its_nationality(extract: Extract) -> None:
    facts = extract("French Foreign Minister Jean Dupont arrived in Berlin on Friday for talks.")
    dupont = actor(facts, "Jean Dupont")
    assert dupont.roles == [Role(title="Foreign Minister", affiliation="France")]
    assert dupont.country == "FR"
    assert mention_texts(dupont) == ["French Foreign Minister Jean Dupont"]


def test_an_apposition_after_the_name_is_a_role_at_an_organisation(extract: Extract) -> None:
    facts = extract(
        "Maria Lopez, an economist at Columbia University in New York, said the figures were weak."
    )
    lopez = actor(facts, "Maria Lopez")
    assert lopez.roles == [Role(title="economist", affiliation="Columbia University")]
    assert mention_texts(lopez, "description") == ["an economist"]
    assert actor(facts, "Columbia University").kind == "university"


def test_an_apposition_before_the_name_and_a_description_that_matches_it(
    extract: Extract,
) -> None:
    facts = extract(
        "Merkel chief economic adviser, Lars Feld, said growth would slow. "
        "A senior Merkel adviser had warned of this in March."
    )
    feld = actor(facts, "Lars Feld")
    assert feld.roles == [Role(title="chief economic adviser", affiliation="Merkel")]
    assert mention_texts(feld, "description") == [
        "Merkel chief economic adviser",
        "A senior Merkel adviser",
    ]
    # `Merkel` inside the descriptions stays Merkel's own mention.
    assert mention_texts(actor(facts, "Merkel")) == ["Merkel", "Merkel"]


def test_affiliation_words_inside_a_title_become_its_affiliation(extract: Extract) -> None:
    facts = extract(
        "Retired U.S. Air Force Gen. Norman Ham said on Monday that morale was low. "
        "Ham served for 30 years."
    )
    ham = actor(facts, "Norman Ham")
    assert ham.roles == [Role(title="Retired Gen.", affiliation="U.S. Air Force")]
    assert mention_texts(ham) == ["Gen. Norman Ham", "Ham"]


def test_an_apposition_stops_before_a_relative_clause(extract: Extract) -> None:
    facts = extract(
        "Rafael Gomez, a farmer who has worked the land for forty years, said the rains came late."
    )
    gomez = actor(facts, "Rafael Gomez")
    assert gomez.roles == [Role(title="farmer")]
    assert mention_texts(gomez, "description") == ["a farmer"]


def test_a_phrase_that_is_no_role_gives_none(extract: Extract) -> None:
    facts = extract("You have Trump, the big debate of today, and the birther issue again.")
    assert actor(facts, "Trump").roles == []


# ------------------------------------------------------------------ organisations and places


def test_newspapers_and_agencies_are_organisations(extract: Extract) -> None:
    facts = extract(
        "The Asahi newspaper said the talks had failed. A Reuters report on Monday said the "
        "same. The Tass news agency disagreed."
    )
    asahi = actor(facts, "Asahi")
    assert (asahi.type, asahi.kind) == ("organization", "newspaper")
    assert actor(facts, "Reuters").type == "organization"
    assert actor(facts, "Tass").kind == "news agency"


def test_a_shorter_form_of_an_organisation_joins_it(extract: Extract) -> None:
    facts = extract(
        "The House Intelligence Committee met on Tuesday. "
        "The Intelligence Committee said it would publish its report."
    )
    committee = actor(facts, "House Intelligence Committee")
    assert mention_texts(committee) == ["House Intelligence Committee", "Intelligence Committee"]
    assert len(facts.actors) == 1


def test_outlets_are_read_from_the_words_after_the_name(extract: Extract) -> None:
    facts = extract(
        "Lawmaker Andrei Klishas told the Vedomosti business daily on Monday that the bill "
        "would pass, the state-run RIA Novosti news agency reported. Officials held a Moscow "
        "news conference."
    )
    assert (actor(facts, "Vedomosti").type, actor(facts, "Vedomosti").kind) == (
        "organization",
        "newspaper",
    )
    assert actor(facts, "RIA Novosti").kind == "news agency"
    assert actor(facts, "Moscow").type == "place"


def test_an_apposition_types_a_name_the_model_missed(extract: Extract) -> None:
    facts = extract(
        "Rosneft, the state oil giant, declined to comment on Monday. "
        "Igor Sechin, its chief executive, met Putin."
    )
    assert actor(facts, "Rosneft").type == "organization"
    sechin = actor(facts, "Igor Sechin")
    assert sechin.roles == [Role(title="chief executive")]


def test_a_name_before_an_organisation_noun_is_an_organisation(extract: Extract) -> None:
    facts = extract(
        "A survey by the Levada pollster found that most voters backed the move. The Moscow "
        "city court fined him, and the Wagner mercenary group declined to comment."
    )
    assert actor(facts, "Levada").type == "organization"
    assert actor(facts, "Wagner").type == "organization"
    # A place before `city court` stays a place.
    assert actor(facts, "Moscow").type == "place"


def test_an_organisation_name_cut_short_takes_back_its_first_word(extract: Extract) -> None:
    facts = extract("Russia's State Duma is expected to debate the bill in February.")
    duma = actor(facts, "State Duma")
    assert (duma.type, duma.kind, duma.country) == ("organization", "legislature", "RU")


def test_a_short_form_in_brackets_is_the_same_organisation(extract: Extract) -> None:
    facts = extract(
        "The Federal Security Service (FSB) denied the report on Monday. "
        "The FSB said it had followed the law."
    )
    service = actor(facts, "Federal Security Service")
    assert mention_texts(service) == ["Federal Security Service", "FSB", "FSB"]
    assert len(facts.actors) == 1


def test_stated_aliases_make_one_place(extract: Extract) -> None:
    facts = extract(
        "The islands are known as the Malvinas in Argentina and the Falklands in Britain."
    )
    islands = [a for a in facts.actors if "Malvinas" in mention_texts(a)]
    assert len(islands) == 1
    assert islands[0].type == "place"
    assert sorted(mention_texts(islands[0])) == ["Falklands", "Malvinas"]
    assert {"Argentina", "Britain"} <= names(facts)


def test_a_place_named_before_its_country_lies_in_it(extract: Extract) -> None:
    facts = extract("Workers at the plant in Hermosillo, Mexico, went on strike on Monday.")
    assert actor(facts, "Hermosillo").country == "MX"
    assert actor(facts, "Mexico").kind == "country"


def test_names_of_one_country_are_one_actor(extract: Extract) -> None:
    facts = extract(
        "The United States said on Monday it would act. Officials in the U.S. declined to comment."
    )
    united_states = actor(facts, "United States")
    assert united_states.country == "US"
    assert sorted(mention_texts(united_states)) == ["U.S.", "United States"]


# ---------------------------------------------------- headline, byline, caption, credit

FIELDS_ARTICLE = """# Kremlin Says Major Disagreements Remain Before Talks With Lavrov

By [Reuters](#)

January 21, 2019

**Sergei Lavrov and Taro Kono in Moscow / AP Photo/Evan Vucci**

Foreign Minister Sergei Lavrov met Japanese counterpart Taro Kono in Moscow on Monday.

**Related article:** [Russian Crowd Defends Ownership of Kurils Before Abe Visit](#)

Kono told reporters he was hopeful.
"""


def test_bylines_and_credits_are_typed_by_position_and_shape(extract: Extract) -> None:
    facts = extract(FIELDS_ARTICLE)
    reuters = actor(facts, "Reuters")
    assert reuters.type == "organization"
    assert [(m.field, m.start, m.end) for m in reuters.mentions] == [("byline", 0, 7)]
    assert actor(facts, "AP").type == "organization"
    vucci = actor(facts, "Evan Vucci")
    assert vucci.type == "person"
    assert vucci.mentions[0].field == "image_credit"


def test_a_byline_lists_people_and_organisations(extract: Extract) -> None:
    facts = extract(
        "# Talks stall in Moscow\n\nBy Anna Berg and Agence France-Presse\n\n"
        "**Lavrov in Moscow / Getty Images**\n\n"
        "Sergei Lavrov said on Monday in Moscow that talks had stalled.\n"
    )
    assert actor(facts, "Anna Berg").type == "person"
    assert actor(facts, "Agence France-Presse").type == "organization"
    assert actor(facts, "Getty Images").type == "organization"
    caption = [m.text for m in actor(facts, "Sergei Lavrov").mentions if m.field != "body"]
    assert caption == ["Lavrov"]


def test_headline_and_caption_only_mention_actors_the_body_names(extract: Extract) -> None:
    facts = extract(FIELDS_ARTICLE)
    # Title Case words (`Disagreements Remain`, `Kremlin`) and related-article titles (`Abe`)
    # give no actors.
    assert names(facts) == {
        "Sergei Lavrov",
        "Taro Kono",
        "Moscow",
        "Reuters",
        "AP",
        "Evan Vucci",
    }
    lavrov = actor(facts, "Sergei Lavrov")
    fields = [(m.field, m.text) for m in lavrov.mentions]
    assert ("title", "Lavrov") in fields
    assert ("image_caption", "Sergei Lavrov") in fields
    title = facts.article.title or ""
    for mention in lavrov.mentions:
        if mention.field == "title":
            assert title[mention.start : mention.end] == "Lavrov"


def test_time_zones_are_no_actors(extract: Extract) -> None:
    facts = extract(
        "The blast struck the U.S. Embassy in Nairobi at 10:30 a.m. (0730 GMT) on Friday."
    )
    assert not any(a.name == "GMT" for a in facts.actors)


def test_markup_residue_never_becomes_an_entity(extract: Extract) -> None:
    facts = extract("Officials at [Bloomberg](#) in London said on Monday that sales rose.")
    assert not any(set("[]()#") & set(a.name) for a in facts.actors)


# ------------------------------------------------------------------ pronouns and ActorIndex


def test_he_resolves_across_sentences_to_the_subject(nlp: Language) -> None:
    parsed, index = index_of(
        nlp,
        "Sergei Lavrov told reporters on Wednesday that talks would go on. "
        "He repeated a demand that Tokyo first recognise Russian sovereignty.",
    )
    assert name_at(index, parsed, "He") == "Sergei Lavrov"


def test_an_object_pronoun_is_not_the_subject_of_its_clause(nlp: Language) -> None:
    parsed, index = index_of(
        nlp,
        "As Prime Minister Shinzo Abe heads for Moscow, President Vladimir Putin is showing "
        "him that a deal will be hard.",
    )
    assert name_at(index, parsed, "him") == "Shinzo Abe"


def test_she_and_her_go_to_the_woman_across_paragraphs(nlp: Language) -> None:
    parsed, index = index_of(
        nlp,
        "Senator Anna Berg said on Monday that the vote would be close.\n\n"
        "She added that her party would not give in.",
    )
    for word in ("She", "her"):
        assert name_at(index, parsed, word) == "Anna Berg"


def test_a_pronoun_passes_over_a_person_inside_a_prepositional_phrase(nlp: Language) -> None:
    parsed, index = index_of(
        nlp,
        "Chris Christie, who has campaigned heavily for nominee Donald Trump since he "
        "suspended his own bid, spoke on Monday.",
    )
    assert name_at(index, parsed, "he") == "Chris Christie"


def test_pronouns_inside_quotations_are_left_alone(nlp: Language) -> None:
    parsed, index = index_of(nlp, 'Anna Berg spoke on Monday. "He is wrong," she said of the plan.')
    assert name_at(index, parsed, "He") is None
    assert name_at(index, parsed, "she") == "Anna Berg"


def test_actor_of_prefers_the_head_of_the_phrase(nlp: Language) -> None:
    parsed, index = index_of(
        nlp,
        "Merkel chief economic adviser, Lars Feld, said growth would slow. "
        "A senior Merkel adviser had warned of this in March.",
    )
    assert name_at(index, parsed, "A senior Merkel adviser") == "Lars Feld"
    merkel = index.actor_at_token(parsed.span(*span_of(parsed, "Merkel", 1)).start)
    assert merkel is not None
    assert merkel.name == "Merkel"


def test_people_before_a_token_nearest_first(nlp: Language) -> None:
    parsed, index = index_of(
        nlp, "Anna Berg met James Holt in Paris on Monday. Berg said the talks went well."
    )
    said = parsed.span(*span_of(parsed, "said")).start
    assert [a.name for a in index.people_before(said)] == ["Anna Berg", "James Holt"]
    assert [a.name for a in index.people_before(said, limit=1)] == ["Anna Berg"]
    assert index.people_before(0) == []


def test_finalise_gives_salience_and_sorts_by_it(extract: Extract) -> None:
    facts = extract(
        "Anna Berg met James Holt in Paris. Berg said the talks went well. Berg left on Monday."
    )
    assert facts.actors[0].name == "Anna Berg"
    assert facts.actors[0].salience == 1.0
    assert all(0.0 <= a.salience <= 1.0 for a in facts.actors)


# ------------------------------------------------------------------ the shipped article

SHIPPED_ACTORS = {
    ("Vladimir Putin", "person"),
    ("Shinzo Abe", "person"),
    ("Sergei Lavrov", "person"),
    ("Taro Kono", "person"),
    ("Yuri Ushakov", "person"),
    ("Shintaro Abe", "person"),
    ("James Brown", "person"),
    ("Yoshihide Suga", "person"),
    ("Bloomberg", "organization"),
    ("Russian Foreign Ministry", "organization"),
    ("Kyodo News", "organization"),
    ("Mainichi", "organization"),
    ("Temple University", "organization"),
    ("Defense Ministry", "organization"),
    ("Sankei", "organization"),
    ("Japan", "place"),
    ("Russia", "place"),
    ("Moscow", "place"),
    ("Tokyo", "place"),
    ("Soviet Union", "place"),
    ("Hokkaido", "place"),
    ("China", "place"),
    ("U.S.", "place"),
    ("Northern Territories", "place"),
    ("Crimean Peninsula", "place"),
    ("Arctic", "place"),
}

SHIPPED_ROLES = {
    "Vladimir Putin": [Role(title="President")],
    "Shinzo Abe": [Role(title="Prime Minister", affiliation="Japan")],
    "Sergei Lavrov": [Role(title="Foreign Minister")],
    "Taro Kono": [Role(title="counterpart", affiliation="Japan")],
    "Yuri Ushakov": [Role(title="foreign policy aide", affiliation="Vladimir Putin")],
    "Shintaro Abe": [Role(title="former Foreign Minister")],
    "James Brown": [Role(title="expert in Russo-Japanese ties", affiliation="Temple University")],
    "Yoshihide Suga": [Role(title="Chief Cabinet Secretary", affiliation="Japan")],
}


def test_shipped_article_has_each_actor_once_with_its_type(shipped_facts: Facts) -> None:
    assert {(a.name, a.type) for a in shipped_facts.actors} == SHIPPED_ACTORS
    assert len({a.id for a in shipped_facts.actors}) == len(shipped_facts.actors)


def test_shipped_article_people_have_their_stated_roles(shipped_facts: Facts) -> None:
    for name, roles in SHIPPED_ROLES.items():
        assert actor(shipped_facts, name).roles == roles


def test_shipped_article_resolves_pronouns_and_descriptions(shipped_facts: Facts) -> None:
    body = shipped_facts.article.body
    ushakov = actor(shipped_facts, "Yuri Ushakov")
    assert "A top Putin aide" in mention_texts(ushakov, "description")
    he_said = body.index('he said. "Nobody')
    assert any(m.kind == "pronoun" and m.start == he_said for m in ushakov.mentions)
    # `his father` is Shinzo Abe's pronoun and describes Shintaro Abe.
    father = body.index("his father")
    shinzo, shintaro = actor(shipped_facts, "Shinzo Abe"), actor(shipped_facts, "Shintaro Abe")
    assert any(m.kind == "pronoun" and m.start == father for m in shinzo.mentions)
    assert "his father" in mention_texts(shintaro, "description")
    # `President Putin` inside Abe's quotation and `Putin` in `Putin aide` are Putin's.
    putin = mention_texts(actor(shipped_facts, "Vladimir Putin"))
    assert "President Putin" in putin
    assert putin.count("Putin") >= 6


def test_shipped_article_mentions_outside_the_body(shipped_facts: Facts) -> None:
    fields = {
        (a.name, m.field, m.text)
        for a in shipped_facts.actors
        for m in a.mentions
        if m.field != "body"
    }
    assert fields == {
        ("Vladimir Putin", "title", "Putin"),
        ("Japan", "title", "Japan"),
        ("Shinzo Abe", "title", "Abe"),
        ("Bloomberg", "byline", "Bloomberg"),
        ("Sergei Lavrov", "image_caption", "Sergei Lavrov"),
        ("Taro Kono", "image_caption", "Taro Kono"),
        ("Russian Foreign Ministry", "image_credit", "Russian Foreign Ministry"),
    }
    assert actor(shipped_facts, "Russian Foreign Ministry").country == "RU"


def test_shipped_article_body_offsets_point_at_the_mentions(shipped_facts: Facts) -> None:
    body = shipped_facts.article.body
    for found in shipped_facts.actors:
        for mention in found.mentions:
            if mention.field == "body":
                assert body[mention.start : mention.end] == mention.text


def test_shipped_article_salience_puts_the_main_actors_first(shipped_facts: Facts) -> None:
    top = [a.name for a in shipped_facts.actors[:3]]
    assert top[0] == "Shinzo Abe"
    assert "Vladimir Putin" in top


def test_a_definite_description_renames_the_subject_before_it(extract: Extract) -> None:
    facts = extract(
        "Maria Lopez spoke out on Tuesday about the new budget. "
        "The former finance minister and current party leader said the cuts were unfair.\n\n"
        "Carlos Ortega met voters on Friday. "
        "Ortega's longtime campaign strategist said the rally went well.\n\n"
        "Tom Reed criticised Ortega on Monday. "
        "Obama's former campaign strategist said the attacks were unfair."
    )
    lopez = mention_texts(actor(facts, "Maria Lopez"), "description")
    assert lopez == ["The former finance minister and current party leader"]
    ortega = actor(facts, "Carlos Ortega")
    assert "Ortega's longtime campaign strategist" not in mention_texts(ortega, "description")
    reed = mention_texts(actor(facts, "Tom Reed"), "description")
    assert reed == ["Obama's former campaign strategist"]


def test_a_bare_title_or_a_proper_word_renames_no_one(extract: Extract) -> None:
    facts = extract(
        "Maria Lopez spoke on Tuesday. The minister said the cuts were unfair. "
        "Carlos Ortega spoke on Friday. The Ohio senator said the cuts were fair."
    )
    assert mention_texts(actor(facts, "Maria Lopez"), "description") == []
    assert mention_texts(actor(facts, "Carlos Ortega"), "description") == []


def test_an_epithet_glued_before_a_written_name_is_not_the_name(extract: Extract) -> None:
    facts = extract(
        "Maria Lopez spoke in Lima on Monday. "
        "Her rival then attacked Sneaky Maria Lopez in a speech. Lopez said nothing."
    )
    lopez = actor(facts, "Maria Lopez")
    assert "Lopez" in mention_texts(lopez)
    assert "Sneaky Maria Lopez" not in names(facts)
