"""Quotes: direct quotations between quotation marks, attributed to an actor."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from app.extraction.actors import ActorIndex
from app.extraction.document import ArticleDoc
from app.extraction.ids import sequence_id
from app.models import DateMention, Quote, QuoteKind, SpeakerRef

SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "add",
        "ask",
        "answer",
        "argue",
        "claim",
        "complain",
        "declare",
        "explain",
        "insist",
        "note",
        "reply",
        "report",
        "state",
        "warn",
        "write",
        "acknowledge",
        "admit",
        "announce",
        "assert",
        "caution",
        "comment",
        "concede",
        "confirm",
        "contend",
        "deny",
        "emphasize",
        "observe",
        "predict",
        "promise",
        "recall",
        "remark",
        "respond",
        "stress",
        "suggest",
        "tweet",
        "vow",
        "urge",
    ]
)
_QUOTED = re.compile(r"[\"“”]([^\"“”\n]+?)[\"“”]")
_CLOSING_PUNCT = ",.?!"


def _speaker_token(sentence: Span, quote_start: int, quote_end: int) -> Token | None:
    """The subject of a speech verb in the sentence, outside the quotation."""
    for token in sentence:
        inside = quote_start <= token.idx < quote_end
        if inside or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not quote_start <= child.idx < quote_end:
                return child
    return None


def _resolve(token: Token, actors: ActorIndex, parsed: ArticleDoc) -> SpeakerRef | None:
    subject = parsed.doc[token.left_edge.i : token.right_edge.i + 1]
    if (actor := actors.actor_of(subject)) is not None:
        return SpeakerRef(id=actor.id, name=actor.name)
    if token.pos_ == "PRON":
        for previous in reversed(parsed.doc[: token.i]):
            actor = actors.actor_of(previous.doc[previous.i : previous.i + 1])
            if actor is not None and actor.type == "person":
                return SpeakerRef(id=actor.id, name=actor.name)
        return None
    return SpeakerRef(id=None, name=subject.text)


def _kind(sentence: Span, match: re.Match[str], quote_text: str) -> QuoteKind:
    before = sentence.doc.text[sentence.start_char : match.start()].strip()
    if quote_text[-1:] in _CLOSING_PUNCT or not before or before.endswith((":", ",")):
        return "direct"
    return "partial"


def extract_quotes(
    parsed: ArticleDoc, actors: ActorIndex, dates: Sequence[DateMention]
) -> list[Quote]:
    quotes: list[Quote] = []
    for match in _QUOTED.finditer(parsed.doc.text):
        text = match.group(1).strip()
        if not text:
            continue
        location = parsed.locate(match.start(1), match.end(1))
        sentence = parsed.span(match.start(), match.end())[0].sent
        token = _speaker_token(sentence, match.start(), match.end())
        speaker = _resolve(token, actors, parsed) if token is not None else None
        quotes.append(
            Quote(
                id=sequence_id("q", len(quotes)),
                kind=_kind(sentence, match, text),
                text=text,
                speaker=speaker,
                cue=token.head.text if token is not None else None,
                **location.as_fields(),
            )
        )
    return quotes
