"""Actors: people, organisations and places, one entry per real-world actor."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from app.extraction.document import ArticleDoc
from app.extraction.ids import IdAllocator
from app.models import Actor, ActorType, Mention, MentionKind, Quote

ENTITY_TYPES: dict[str, ActorType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
}


@dataclass
class _Group:
    name: str
    type: ActorType
    spans: list[Span] = field(default_factory=list)


@dataclass
class ActorIndex:
    """The article's actors and which body tokens mention which actor."""

    actors: list[Actor]
    actor_by_token: dict[int, str]

    def actor_of(self, span: Span) -> Actor | None:
        """The actor a span mentions (by any of its tokens), if any."""
        for token in span:
            if (actor_id := self.actor_by_token.get(token.i)) is not None:
                return self.by_id(actor_id)
        return None

    def by_id(self, actor_id: str) -> Actor | None:
        return next((actor for actor in self.actors if actor.id == actor_id), None)

    def finalise(self, quotes: Sequence[Quote]) -> list[Actor]:
        """Attach the quotes each actor said and a salience from mentions and quotes."""
        said: dict[str, list[str]] = {}
        for quote in quotes:
            if quote.speaker and quote.speaker.id:
                said.setdefault(quote.speaker.id, []).append(quote.id)
        weights = {
            actor.id: len(actor.mentions) + 2 * len(said.get(actor.id, [])) for actor in self.actors
        }
        top = max(weights.values(), default=1) or 1
        return [
            actor.model_copy(
                update={
                    "quote_ids": said.get(actor.id, []),
                    "salience": round(weights[actor.id] / top, 4),
                }
            )
            for actor in self.actors
        ]


def _canonical_text(span: Span) -> str:
    tokens = list(span)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def _group_entities(parsed: ArticleDoc) -> list[_Group]:
    groups: list[_Group] = []
    by_name: dict[tuple[str, ActorType], _Group] = {}
    for entity in parsed.doc.ents:
        actor_type = ENTITY_TYPES.get(entity.label_)
        name = _canonical_text(entity)
        if actor_type is None or not name:
            continue
        group = by_name.get((name.lower(), actor_type))
        if group is None:
            group = _Group(name, actor_type)
            by_name[(name.lower(), actor_type)] = group
            groups.append(group)
        group.spans.append(entity)
    return _merge_short_forms(groups)


def _merge_short_forms(groups: list[_Group]) -> list[_Group]:
    """A one-word person name joins the only longer name of that group ending in it."""
    merged: list[_Group] = []
    for group in groups:
        words = group.name.split()
        if group.type == "person" and len(words) == 1:
            fuller = [
                g
                for g in groups
                if g.type == "person" and g is not group and g.name.split()[-1] == words[0]
            ]
            if len(fuller) == 1:
                fuller[0].spans.extend(group.spans)
                continue
        merged.append(group)
    for group in merged:
        group.name = max((_canonical_text(s) for s in group.spans), key=len)
    return merged


def extract_actors(parsed: ArticleDoc) -> ActorIndex:
    ids = IdAllocator()
    actors: list[Actor] = []
    actor_by_token: dict[int, str] = {}
    for group in _group_entities(parsed):
        actor_id = ids.allocate(group.name)
        mentions = []
        for span in sorted(group.spans, key=lambda s: s.start):
            kind: MentionKind = "name"
            mentions.append(
                Mention(
                    text=span.text,
                    kind=kind,
                    paragraph=parsed.paragraph_at(span.start_char),
                    start=span.start_char,
                    end=span.end_char,
                )
            )
            actor_by_token.update({token.i: actor_id for token in span})
        actors.append(Actor(id=actor_id, name=group.name, type=group.type, mentions=mentions))
    return ActorIndex(actors, actor_by_token)
