"""From the head token of a source to the speaker: a named actor, or an unnamed source."""

from __future__ import annotations

from spacy.tokens import Token

from app.extraction.actors import ActorIndex
from app.extraction.quote_rules.attribution import noun_core
from app.extraction.quote_rules.lexicon import CHANNEL_NOUNS
from app.models import Actor, SpeakerRef

# Dependents of a source noun that may name the actor behind it: `Putin aide, Yuri
# Ushakov` (apposition), `the Mainichi newspaper` (compound), `a report by Kyodo` (by).
_NAME_PARTS = frozenset(["compound", "flat", "nmod"])
_OWNERS = frozenset(["compound", "poss", "nmod", "pobj"])


def _actor_at(token: Token, actors: ActorIndex) -> Actor | None:
    return actors.actor_at_token(token.i)


def _named(head: Token, actors: ActorIndex) -> Actor | None:
    """The actor the source noun itself names (its own token, or its name parts)."""
    if (actor := _actor_at(head, actors)) is not None:
        return actor
    if head.pos_ == "PROPN":
        for child in head.children:
            if child.dep_ in _NAME_PARTS and (actor := _actor_at(child, actors)) is not None:
                return actor
    return None


def _apposed(head: Token, actors: ActorIndex) -> Actor | None:
    """`Putin aide, Yuri Ushakov`; and `a spokesman for Kessler Timber, Dale Hutchins`,
    where the parser hangs the name on the last noun of the description."""
    for child in head.children:
        if child.dep_ == "appos" and (actor := _named(child, actors)) is not None:
            return actor
    if head.pos_ != "NOUN":
        return None
    for token in head.subtree:
        actor = _named(token, actors) if token.dep_ == "appos" else None
        if actor is not None and actor.type == "person":
            return actor
    return None


def _channel_owner(head: Token, actors: ActorIndex) -> Actor | None:
    """`a Kyodo News report`, `the Mainichi newspaper`: the outlet behind the channel."""
    if head.lemma_.lower() not in CHANNEL_NOUNS:
        return None
    for token in head.subtree:
        actor = _actor_at(token, actors) if token.dep_ in _OWNERS else None
        if token.i != head.i and actor is not None and actor.type != "place":
            return actor
    return None


def _compiled_by(head: Token, actors: ActorIndex) -> Actor | None:
    """`data compiled by LSEG`, `a survey conducted by Gallup`: who made what is cited."""
    if head.pos_ != "NOUN":
        return None
    for clause in (c for c in head.children if c.dep_ == "acl"):
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            for obj in (c for c in agent.children if c.dep_ == "pobj"):
                if (actor := _named(obj, actors)) is not None:
                    return actor
    return None


def _group_subject(pronoun: Token) -> Token | None:
    """`Clinton's campaign is seeking to contrast … with what they call …`: `they` in a
    clause inside a sentence whose subject is a group noun is that group."""
    for verb in pronoun.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i != pronoun.i and subject.pos_ == "NOUN":
            return subject if subject.tag_ == "NN" else None
    return None


def speaker_of(head: Token, actors: ActorIndex) -> SpeakerRef | None:
    """The actor the source stands for (pronouns and descriptions resolved by the actor
    index), else the description itself as an unnamed source."""
    actor = (
        _named(head, actors)
        or _apposed(head, actors)
        or _channel_owner(head, actors)
        or _compiled_by(head, actors)
    )
    if actor is not None:
        return SpeakerRef(id=actor.id, name=actor.name)
    if head.lower_ == "they" and (group := _group_subject(head)) is not None:
        return speaker_of(group, actors)
    if head.pos_ == "PRON":
        return None
    # A name the actor rules did not tie to this token still names an actor of the article.
    core = noun_core(head)
    capitalised = head.pos_ == "PROPN" or head.text[:1].isupper()
    named = (actors.named(core.text) or actors.named(head.text)) if capitalised else None
    if named is not None:
        return SpeakerRef(id=named.id, name=named.name)
    return SpeakerRef(id=None, name=core.text)
