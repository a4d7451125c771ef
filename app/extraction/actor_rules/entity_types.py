"""Corrections of the statistical model's entity labels, as rules about news prose.

The small model often calls a newspaper a person or a place (`the Sankei newspaper`,
`The Mainichi newspaper`); the word after a name, the last word of a name and
whether it names a country say more than the label does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from app.extraction.actor_rules.countries import country_code, region_country
from app.extraction.actor_rules.gazetteer import (
    abbreviated_region,
    is_large_city,
    is_metropolis,
)
from app.extraction.actor_rules.lexicon import (
    GEO_NOUNS,
    INSTITUTION_HEADS,
    KINSHIP,
    MEDIA_NOUNS,
    ORG_HEADS,
    ORG_NOUNS,
    PLACE_HEADS,
    PLATFORMS,
    REPORT_NOUNS,
    TITLE_WORDS,
)
from app.models import ActorType

# Longest run of lower-case words after a name that may say what it names, and the parts
# of speech that end such a run (`Putin said newspapers…` says nothing of Putin).
_NOUN_PHRASE = 3
_CLAUSE_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART"})


@dataclass(frozen=True)
class Typing:
    type: ActorType
    kind: str | None = None


def _place_typing(name: str) -> Typing | None:
    """A country or a region of one (`Japan`, `Hokkaido`, `Calif.`) is a place, whatever
    the label."""
    if country_code(name):
        return Typing("place", "country")
    if region_country(name) or abbreviated_region(name):
        return Typing("place", "region")
    return None


def typing_by_gazetteer(name: Span, label: ActorType) -> Typing | None:
    """A city the model took for an organisation (`Helsinki`), or a great city it took
    for a person (`Beijing`), is a place; but not a name with an organisation's word in
    it (`Boston University`) nor where the words around say organisation."""
    if label in ("organization", "place") and is_large_city(name.text):
        return Typing("place", "city")
    if label == "person" and len(name) == 1 and is_metropolis(name.text):
        return Typing("place", "city")
    return None


def typing_by_name(name: Span) -> Typing | None:
    """Typing the name itself tells: `Defense Ministry`, `Kyodo News`, `University of
    Texas`, `Japan`, `Orange County`, `Twitter`."""
    if (by_place := _place_typing(name.text)) is not None:
        return by_place
    if name.text.lower() in PLATFORMS:
        return Typing("organization", "social platform")
    head = name[-1].lower_
    if head in ORG_HEADS:
        return Typing("organization", ORG_HEADS[head])
    if len(name) > 2 and name[0].lower_ in INSTITUTION_HEADS and name[1].lower_ == "of":
        return Typing("organization")  # `Church of Scientology`, `Municipality of Bogliasco`
    if len(name) > 1 and head in PLACE_HEADS:
        return Typing("place")  # `Yeoncheon County`, `Shandao Temple Station`
    return None


def typing_by_context(name: Span, label: ActorType) -> Typing | None:
    """Typing the words after tell: a name before `newspaper`, `news agency` or `business
    daily` is a news outlet; a name the model took for a person before `group` or
    `pollster` is an organisation. Up to three lower-case words after the name are read,
    and a noun counts where no noun follows it (`a Moscow news conference` is no outlet)."""
    doc = name.doc
    if country_code(name.text):
        return None
    for token in doc[name.end : name.end + _NOUN_PHRASE]:
        if not token.is_alpha or not token.text.islower() or token.pos_ in _CLAUSE_POS:
            return None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "NOUN":
            continue
        if token.lower_ in MEDIA_NOUNS:
            return Typing("organization", MEDIA_NOUNS[token.lower_])
        if label == "person" and token.lower_ in ORG_NOUNS:
            return Typing("organization")
    return None


def typing_by_apposition(name: Span) -> Typing | None:
    """Typing an apposition tells: `Gazprom, the state energy giant,` is an organisation,
    `Smith, a spokesman,` a person, `Crimea, a peninsula,` a place."""
    for child in name.root.rights:
        if child.dep_ != "appos" or child.pos_ != "NOUN":
            continue
        noun = child.lower_
        if noun in ORG_NOUNS:
            return Typing("organization")
        if noun in GEO_NOUNS:
            return Typing("place")
        if noun in TITLE_WORDS or noun in KINSHIP:
            return Typing("person")
    return None


def reports(name: Span) -> bool:
    """Whether the name stands before `report` (`a Kyodo News report`)."""
    doc = name.doc
    return name.end < len(doc) and doc[name.end].lower_ in REPORT_NOUNS
