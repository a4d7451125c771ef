"""Roles the text gives a person: titles before the name, appositions beside it.

`Japanese Prime Minister Shinzo Abe` → Prime Minister (Japan); `James Brown, an expert
in Russo-Japanese ties at Temple University in Tokyo,` → expert in Russo-Japanese ties
(Temple University); `Putin foreign policy aide, Yuri Ushakov` → foreign policy aide
(Vladimir Putin). Words in front of the role that name another actor or a nationality
are its affiliation; so is a prepositional phrase whose object names an actor. Kinship
nouns (`his father, …`) describe but are no role.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from app.extraction.actor_rules.countries import country_name, nationality_country
from app.extraction.actor_rules.grouping import Draft
from app.extraction.actor_rules.lexicon import (
    DETERMINERS,
    GENDERED_ROLE_WORDS,
    HONORIFICS,
    KINSHIP,
    TITLE_WORDS,
    Gender,
)
from app.extraction.actor_rules.spans import words
from app.extraction.document import ArticleDoc
from app.models import Role

Owners = Mapping[int, Draft]


@dataclass(frozen=True)
class _Reading:
    """What a title or an apposition says about the person it is attached to."""

    role: Role | None
    country: str | None
    gender: Gender | None
    end: int  # token index just past the words that describe (before the affiliation phrase)
    head: str  # the head noun, lower case: `aide`, `expert`, `minister`


def title_run(name: Span, sentence_start: int) -> Span | None:
    """The words right before a name that modify it: `Japanese Prime Minister`."""
    doc = name.doc
    appos_head = name.root.head.i if name.root.dep_ == "appos" else -1
    start = name.start
    while start > sentence_start:
        token = doc[start - 1]
        if token.is_punct or token.is_space or token.pos_ in ("DET", "PRON", "ADP", "VERB"):
            break
        attached = token.i < token.head.i < name.end or token.i == appos_head
        if not (attached or token.tag_ == "POS"):  # the `'s` of `Japan's Prime Minister`
            break
        start -= 1
    # `the big debate Mr. Trump`: an honorific starts the title; what precedes it is another
    # phrase.
    honorific = next((t.i for t in doc[start : name.start] if t.lower_ in HONORIFICS), start)
    return doc[honorific : name.start] if honorific < name.start else None


def apposition_after(name: Span) -> Span | None:
    """`, an expert in …,` after a name: a common-noun phrase in apposition to it."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != ",":
        return None
    for child in name.root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
            phrase = _until_punct(doc[name.end + 1 : child.right_edge.i + 1])
            return phrase if len(phrase) else None
    return None


def apposition_before(name: Span) -> Span | None:
    """`Putin foreign policy aide,` before a name in apposition to it."""
    head = name.root.head
    if name.root.dep_ != "appos" or head.i >= name.start or head.pos_ != "NOUN":
        return None
    between = name.doc[head.i + 1 : name.start]
    if not any(t.text == "," for t in between) or any(t.pos_ == "VERB" for t in between):
        return None
    return name.doc[head.left_edge.i : head.i + 1]


def _describes_a_person(phrase: Span) -> bool:
    """An apposition describes its person when it is indefinite (`an expert in …`) or its
    head is a role or kinship noun (`his father`); `Trump, the big debate` is no role."""
    head = phrase.root.lower_
    return phrase[0].lower_ in ("a", "an") or head in TITLE_WORDS or head in KINSHIP


def _until_punct(span: Span) -> Span:
    """The phrase up to a comma or a relative clause (`a businessman who had built …`)."""
    end = next(
        (t.i for t in span if (t.is_punct and t.text != "-") or t.tag_ in ("WDT", "WP", "WP$")),
        span.end,
    )
    return span.doc[span.start : end]


def trim_description(phrase: Span, person: Draft, owners: Owners) -> Span:
    """The part of a description around its head that spells no other actor's full name:
    `a former Internal Revenue Service commissioner` → `commissioner`, so that the
    description never reads as a mention of the other actor (`a top Putin aide` keeps
    `Putin`, which is not all of `Vladimir Putin`)."""
    start, end, head = phrase.start, phrase.end, phrase.root.i
    present = set(words(phrase.text))
    for token in phrase:
        other = owners.get(token.i)
        if other is None or other is person:
            continue
        full_name = set(words(other.name))
        if len(full_name) < 2 or not full_name <= present:
            continue
        if token.i < head:
            start = max(start, token.i + 1)
        elif token.i > head:
            end = min(end, token.i)
    return phrase.doc[start:end]


def affiliation_of(
    tokens: Sequence[Token], owners: Owners, countries: Mapping[str, str]
) -> tuple[str | None, str | None]:
    """Name and country of what the words affiliate to: an actor or a nationality."""
    for token in tokens:
        if (owner := owners.get(token.i)) is not None:
            # A person's country is theirs; an aide's is not the boss's by that alone.
            return owner.name, owner.country if owner.type != "person" else None
        if code := nationality_country(token.text):
            return countries.get(code) or country_name(code), code
    norp = [t for t in tokens if t.ent_type_ == "NORP"]
    return (norp[0].text, None) if norp else (None, None)


def _is_affiliation(token: Token, owners: Owners) -> bool:
    return (
        token.i in owners
        or bool(nationality_country(token.text))
        or token.ent_type_ == "NORP"
        or token.tag_ == "POS"
    )


def _phrase_affiliation(tokens: Sequence[Token], owners: Owners) -> int | None:
    """Index of the first preposition whose object names an actor (`at Temple University`,
    `of ousted Prime Minister Prince Norodom Ranariddh`)."""
    for k, token in enumerate(tokens):
        if token.pos_ != "ADP":
            continue
        # The object's own noun phrase, not the phrases attached to it.
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if any(i in owners for obj in objects for i in range(obj.left_edge.i, obj.i + 1)):
            return k
    return None


def _joined(tokens: Sequence[Token]) -> str:
    """The words as written, with a space where words in between were left out."""
    text = ""
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        adjacent = following is not None and following.i == token.i + 1
        text += token.text_with_ws if adjacent else token.text + " "
    return text.strip()


def read_role(phrase: Span, head: Token, owners: Owners, countries: Mapping[str, str]) -> _Reading:
    """The role, affiliation, country and gender that a title or apposition gives.

    Affiliation words before the head noun come out of the title (`Retired U.S. Air Force
    Gen.` → `Retired Gen.` of the U.S. Air Force); those after it stay (`expert in
    Russo-Japanese ties`) up to a prepositional phrase naming an actor.
    """
    tokens = [
        t for t in phrase if t.i > head.i or (t.lower_ not in DETERMINERS and t.tag_ != "PRP$")
    ]
    cut = _phrase_affiliation(tokens, owners)
    core = tokens[:cut]
    affiliated = [t for t in core if t.i < head.i and _is_affiliation(t, owners)]
    title_tokens = [t for t in core if t not in affiliated and t.lower_ not in HONORIFICS]
    affiliation, country = affiliation_of(affiliated + tokens[len(core) :], owners, countries)
    end = tokens[cut].i if cut is not None else phrase.end
    noun = head.lower_
    honorific = next((HONORIFICS[t.lower_] for t in tokens if t.lower_ in HONORIFICS), None)
    gender = KINSHIP.get(noun) or GENDERED_ROLE_WORDS.get(noun) or honorific
    if not title_tokens or noun in KINSHIP or noun in HONORIFICS:
        return _Reading(None, country, gender, end, noun)
    role = Role(title=_joined(title_tokens), affiliation=affiliation)
    return _Reading(role, country, gender, end, noun)


def _apply(person: Draft, reading: _Reading) -> None:
    if reading.role is not None:
        person.add_role(reading.role)
        person.role_heads.add(reading.head)
    person.country = person.country or reading.country
    person.gender = person.gender or reading.gender


def assign_roles(
    parsed: ArticleDoc, people: Sequence[Draft], owners: Owners, countries: Mapping[str, str]
) -> None:
    """Read every person's titles and appositions into roles, descriptions and titled names.

    `countries` maps a country code to the name of the article's actor for that country.
    """
    for person in people:
        for name in person.names:
            doc = name.doc
            sentence_start = parsed.sentence_of(name.start).start
            run = title_run(name, sentence_start)
            if run is not None and any(
                t.lower_ in TITLE_WORDS or t.lower_ in HONORIFICS for t in run
            ):
                _apply(person, read_role(run, run[-1], owners, countries))
                # The titled form stops short of other actors' names: `Putin aide` is Putin's.
                start = max((t.i + 1 for t in run if t.i in owners), default=run.start)
                while doc[start].tag_ == "POS" or doc[start].lower_ in ("'s", "’s"):
                    start += 1  # the `’s` of `Britain’s prime minister`, left by its owner
                person.titled[name.start] = doc[start : name.end]
            for phrase in (apposition_before(name), apposition_after(name)):
                if phrase is None or not _describes_a_person(phrase):
                    continue
                reading = read_role(phrase, phrase.root, owners, countries)
                _apply(person, reading)
                described = doc[phrase.start : reading.end]
                person.descriptions.append(trim_description(described, person, owners))
