"""Interviews printed as questions and answers: each answer is a direct quote of the
person answering, each question one of the interviewer.

Two layouts are read, as newspapers and Wikinews print them: `Q:` / `A:` turns, and
turns led by the speaker's name (`Wikinews: …`, `Doudna: …`, `TRUMP: …`). A turn runs
from its label to the next line that starts a turn, over the lines and paragraphs between.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from app.extraction.actors import ActorIndex
from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.marks import DOUBLE, trimmed
from app.models import Actor, SpeakerRef

# A label opening a line: up to four capitalised words, maybe in markdown emphasis, then a
# colon (`**Q:**`, `Doudna:`); the `Q.` / `A.` of some newspapers.
_TURN = re.compile(
    r"[ \t]*[*_]{0,2}(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}?)[*_]{0,2}[ \t]*"
    r"(?P<colon>:|\.)[*_]{0,2}[ \t]+(?=\S)"
)
_QUESTIONS = frozenset(["Q", "Question"])
_ANSWERS = frozenset(["A", "Answer"])
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen"])
# A name-led exchange goes back and forth at least this often (X, Y, X), so that two
# labelled paragraphs (`Correction:`, `Source:`) never make an interview.
_FEWEST_EXCHANGES = 2
# Verbs of the introduction whose subject or object is the person interviewed.
_INTERVIEWED = frozenset(["interview", "ask", "question"])
_MARKS = DOUBLE.glyphs + "‘’"


@dataclass(frozen=True)
class Turn:
    """One question or answer: who spoke and the ranges of its words, line by line."""

    speaker: SpeakerRef | None
    segments: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Line:
    paragraph: int
    start: int
    end: int
    label: str | None  # the label of a line that starts a turn
    words: int  # where the words start, after the label


def _label(match: re.Match[str] | None) -> str | None:
    """The label of a turn: `Name:`, or `Q.` and `A.` as some newspapers print them."""
    if match is None:
        return None
    label = match.group("label")
    return label if match.group("colon") == ":" or label in ("Q", "A") else None


def _lines(parsed: ArticleDoc) -> Iterator[_Line]:
    for paragraph in parsed.article.paragraphs:
        start = paragraph.start
        for line in paragraph.text.split("\n"):
            end = start + len(line)
            if line.strip():
                match = _TURN.match(line)
                label = _label(match)
                words = start + match.end() if match and label else start
                yield _Line(paragraph.index, start, end, label, words)
            start = end + 1


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,'’").lower() for w in text.split()]
    return [w for w in words if w and w not in _TITLES]


def _actor_named(label: str, actors: ActorIndex) -> Actor | None:
    """The actor a label names: `Doudna` is Jennifer Doudna, `TRUMP` Donald Trump."""
    wanted = _name_words(label)
    if not wanted:
        return None
    named = [a for a in actors.actors if set(wanted) <= set(_name_words(a.name))]
    return min(named, key=lambda a: a.type != "person", default=None)


def _people_mentioned(parsed: ArticleDoc, actors: ActorIndex, end: int) -> list[Actor]:
    """People named before character `end`, most mentioned first."""
    counts: Counter[str] = Counter()
    for token in parsed.doc:
        if token.idx >= end:
            break
        actor = actors.actor_at_token(token.i)
        if actor is not None and actor.type == "person":
            counts[actor.id] += 1
    found = [actors.by_id(actor_id) for actor_id, _ in counts.most_common()]
    return [actor for actor in found if actor is not None]


def _interviewed(parsed: ArticleDoc, actors: ActorIndex, end: int) -> Actor | None:
    """Who the introduction says is interviewed: the object of `interviewed`, else the
    person it names most, else the person the article names most."""
    for token in parsed.doc:
        if token.idx >= end:
            break
        if token.lemma_ in _INTERVIEWED and token.pos_ == "VERB":
            for child in token.children:
                actor = actors.actor_at_token(child.i) if child.dep_ == "dobj" else None
                if actor is not None and actor.type == "person":
                    return actor
    people = _people_mentioned(parsed, actors, end) or _people_mentioned(
        parsed, actors, len(parsed.text)
    )
    return people[0] if people else None


def _interviewer(parsed: ArticleDoc, actors: ActorIndex, end: int) -> SpeakerRef:
    """The byline's author, else the outlet the introduction says was spoken to (`told the
    Daily Herald`, `sat down with Wikinews`)."""
    for author in actors.actors:
        if author.type == "person" and any(m.field == "byline" for m in author.mentions):
            return SpeakerRef(id=author.id, name=author.name)
    for token in parsed.doc:
        if token.idx >= end:
            break
        outlet = actors.actor_at_token(token.i)
        spoken_to = token.dep_ == "pobj" and token.head.lower_ in ("to", "with")
        if outlet is not None and outlet.type == "organization" and spoken_to:
            return SpeakerRef(id=outlet.id, name=outlet.name)
    return SpeakerRef(id=None, name="the interviewer")


def _exchanges(labels: Sequence[str]) -> int:
    return sum(1 for a, b in itertools.pairwise(labels) if a != b)


def _speakers(
    parsed: ArticleDoc, actors: ActorIndex, lines: Sequence[_Line]
) -> dict[str, SpeakerRef | None]:
    """Who each label of an interview stands for; empty when the text is no interview."""
    labels = [line.label for line in lines if line.label is not None]
    first = next((line.start for line in lines if line.label is not None), 0)
    if set(labels) & _QUESTIONS and set(labels) & _ANSWERS:
        answering = _interviewed(parsed, actors, first)
        asking = _interviewer(parsed, actors, first)
        answer = SpeakerRef(id=answering.id, name=answering.name) if answering else None
        return {**dict.fromkeys(_QUESTIONS, asking), **dict.fromkeys(_ANSWERS, answer)}
    counts = Counter(labels)
    named = {label: _actor_named(label, actors) for label in counts}
    # A participant speaks more than once or is someone the article names.
    taking_part = [label for label in counts if counts[label] > 1 or named[label] is not None]
    turns = [label for label in labels if label in taking_part]
    people = [named[label] for label in taking_part if named[label] is not None]
    if _exchanges(turns) < _FEWEST_EXCHANGES or not any(a and a.type == "person" for a in people):
        return {}
    return {
        label: SpeakerRef(id=actor.id, name=actor.name)
        if (actor := named[label])
        else SpeakerRef(id=None, name=label)
        for label in taking_part
    }


def _unquoted(body: str, start: int, end: int) -> tuple[int, int]:
    """The words of a line without the quotation marks some outlets put around an answer."""
    start, end = trimmed(body, start, end)
    if end - start > 1 and body[start] in _MARKS and body[end - 1] in _MARKS:
        return trimmed(body, start + 1, end - 1)
    return start, end


def _groups(lines: Sequence[_Line]) -> Iterator[list[_Line]]:
    """Each line that starts a turn with the lines up to the next one. The last turn
    keeps only its own paragraph: what follows it may be the article's closing words."""
    group: list[_Line] = []
    for line in lines:
        if line.label is not None:
            if group:
                yield group
            group = [line]
        elif group:
            group.append(line)
    if group:
        yield [line for line in group if line.paragraph == group[0].paragraph]


def interview_turns(parsed: ArticleDoc, actors: ActorIndex) -> list[Turn]:
    """The questions and answers of an interview, in reading order; none in other text."""
    lines = list(_lines(parsed))
    speakers = _speakers(parsed, actors, lines)
    turns = []
    for group in _groups(lines) if speakers else []:
        label = group[0].label
        if label not in speakers:
            continue  # `Correction:` in an interview
        ranges = [_unquoted(parsed.text, line.words, line.end) for line in group]
        segments = tuple((a, b) for a, b in ranges if a < b)
        if segments:
            turns.append(Turn(speakers[label], segments))
    return turns
