"""Names the text states for one thing: `known as the Northern Territories in Japan and
the Southern Kurils in Russia` makes the two names one place.

The names are the objects of `as` after `known`, `referred to`, `dubbed`… and their
conjuncts; the `in Japan` that says where a name is used is not one of them. The thing
named is a place or an organisation as its head noun says (`The islands`).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from app.extraction.actor_rules.grouping import Draft
from app.extraction.actor_rules.lexicon import GEO_NOUNS, ORG_NOUNS

_NAMING_VERBS = frozenset({"know", "refer", "dub", "call", "name", "describe"})


def merge_stated_aliases(doc: Doc, drafts: list[Draft], owners: Mapping[int, Draft]) -> list[Draft]:
    """The drafts with each set of stated aliases merged into its first-named draft."""
    absorbed: set[int] = set()
    for token in doc:
        if token.lower_ != "as" or token.head.lemma_ not in _NAMING_VERBS:
            continue
        verb = token.head
        named: list[Draft] = []
        for obj in (c for c in token.children if c.dep_ == "pobj"):
            for head in (obj, *obj.conjuncts):
                draft = owners.get(head.i)
                if draft is not None and draft.type != "person" and draft not in named:
                    named.append(draft)
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owner = owners.get(subject.i) if subject is not None else None
        if owner is not None and owner not in named:
            named.insert(0, owner)
        if len(named) < 2:
            continue
        target = named[0]
        if subject is not None and subject.lemma_.lower() in GEO_NOUNS:
            target.type = "place"
        elif subject is not None and subject.lemma_.lower() in ORG_NOUNS:
            target.type = "organization"
        for other in named[1:]:
            target.absorb(other)
            absorbed.add(id(other))
    return [d for d in drafts if id(d) not in absorbed]
