"""Corrections of the statistical model's entity labels, as rules about news prose.

The small model often calls a newspaper a person or a place (`the Sankei newspaper`,
`The Mainichi newspaper`); the word after a name, the last word of a name and
whether it names a country say more than the label does.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from app.extraction.actor_rules.countries import country_code, region_country
from app.extraction.actor_rules.lexicon import MEDIA_NOUNS, ORG_HEADS, REPORT_NOUNS
from app.models import ActorType


@dataclass(frozen=True)
class Typing:
    type: ActorType
    kind: str | None = None


def place_typing(name: str) -> Typing | None:
    """A country or a region of one (`Japan`, `Hokkaido`) is a place, whatever the label."""
    if country_code(name):
        return Typing("place", "country")
    if region_country(name):
        return Typing("place", "region")
    return None


def typing_by_name(name: Span) -> Typing | None:
    """Typing the name itself tells: `Defense Ministry`, `Kyodo News`, `Japan`."""
    if (by_place := place_typing(name.text)) is not None:
        return by_place
    head = name[-1].lower_
    if len(name) > 1 and head in ORG_HEADS:
        return Typing("organization", ORG_HEADS[head])
    return None


def typing_by_context(name: Span) -> Typing | None:
    """Typing the next word tells: a name before `newspaper` or `agency` is a news outlet."""
    doc = name.doc
    if name.end >= len(doc) or country_code(name.text):
        return None
    following = doc[name.end]
    if following.lower_ == "news" and name.end + 1 < len(doc):
        following = doc[name.end + 1] if doc[name.end + 1].lower_ == "agency" else following
    if following.lower_ in MEDIA_NOUNS and not following.text[:1].isupper():
        return Typing("organization", MEDIA_NOUNS[following.lower_])
    return None


def reports(name: Span) -> bool:
    """Whether the name stands before `report` (`a Kyodo News report`)."""
    doc = name.doc
    return name.end < len(doc) and doc[name.end].lower_ in REPORT_NOUNS
