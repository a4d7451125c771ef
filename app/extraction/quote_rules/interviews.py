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

from spacy.tokens import Token

from app.extraction.actors import ActorIndex
from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.marks import DOUBLE, trimmed
from app.extraction.regex_gate import first_character_gated
from app.models import Actor, SpeakerRef

# A label opening a line: up to four capitalised words, maybe in markdown emphasis, then a
# colon (`**Q:**`, `Doudna:`); the `Q.` / `A.` of some newspapers.
_TURN = re.compile(
    r"[ \t]*[*_]{0,2}(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}?)[*_]{0,2}[ \t]*"
    r"(?P<colon>:|\.)[*_]{0,2}[ \t]+(?=\S)"
)
_LINE_BREAK = re.compile("\n")
# Tried at every character of every paragraph: the gate skips those no label opens with.
_TURN_INSIDE = first_character_gated(
    re.compile(r"(?:(?<=[.?!…] )|(?<=[.?!…][\"”’] ))(?P<turn>" + _TURN.pattern + ")")
)
_QUESTIONS = frozenset(["Q", "Question"])
_ANSWERS = frozenset(["A", "Answer"])
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen"])
# A name-led exchange goes back and forth at least this often (X, Y, X), so that two
# labelled paragraphs (`Correction:`, `Source:`) never make an interview.
_FEWEST_EXCHANGES = 2
# Verbs of an introduction whose subject gives the interview to the one after `to`/`with`.
_GIVING_INTERVIEWS = frozenset(["speak", "talk", "sit", "tell"])
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
    """The lines of each paragraph, and within a line each stretch that opens with a turn
    after the end of a sentence: lines joined into one paragraph (`… back? A. It feels …`)."""
    for paragraph in parsed.article.paragraphs:
        text = paragraph.text
        starts = {0, *(match.end() for match in _LINE_BREAK.finditer(text))}
        starts |= {m.start("turn") for m in _TURN_INSIDE.finditer(text) if _label(m)}
        bounds = sorted(starts)
        for start, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
            if not text[start:end].strip():
                continue
            match = _TURN.match(text, start, end)
            label = _label(match)
            words = paragraph.start + (match.end() if match and label else start)
            yield _Line(
                paragraph.index, paragraph.start + start, paragraph.start + end, label, words
            )


def _name_words(text: str) -> list[str]:
    words = [w.strip(".,'’").lower() for w in text.split()]
    return [w for w in words if w and w not in _TITLES]


def _actors_named(labels: Sequence[str], actors: ActorIndex) -> dict[str, Actor | None]:
    """The actor each label names, people first: `Doudna` is Jennifer Doudna, `TRUMP`
    Donald Trump."""
    by_word: dict[str, list[tuple[set[str], Actor]]] = {}
    for actor in sorted(actors.actors, key=lambda a: a.type != "person"):
        words = set(_name_words(actor.name))
        for word in words:
            by_word.setdefault(word, []).append((words, actor))
    named: dict[str, Actor | None] = {}
    for label in labels:
        wanted = _name_words(label)
        candidates = by_word.get(wanted[0], []) if wanted else []
        named[label] = next((a for words, a in candidates if set(wanted) <= words), None)
    return named


@dataclass(frozen=True)
class _Introduction:
    """What the words before the first turn say of who asks and who answers."""

    asking: Actor | None
    answering: Actor | None


def _actor_of_phrase(token: Token, actors: ActorIndex) -> Actor | None:
    """The actor a noun phrase names: `The Daily Herald's Ann Lee` is Ann Lee."""
    return actors.actor_at_token(token.i) or next(
        (a for t in token.subtree if (a := actors.actor_at_token(t.i)) is not None), None
    )


def _introduction(parsed: ArticleDoc, actors: ActorIndex, end: int) -> _Introduction:
    """`X interviewed Y`, `Y spoke to X`, `Y sat down with X`, `Y told X`."""
    asking = answering = None
    for token in parsed.doc[: parsed.token_at(end)]:
        if token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        who = _actor_of_phrase(subject, actors) if subject is not None else None
        if token.lemma_ == "interview":
            person = next((c for c in token.children if c.dep_ == "dobj"), None)
            asking = asking or who
            answering = answering or (_actor_of_phrase(person, actors) if person else None)
        elif token.lemma_ in _GIVING_INTERVIEWS:
            listener = next(
                (
                    grandchild
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ in ("to", "with")
                    for grandchild in c.children
                    if grandchild.dep_ == "pobj"
                ),
                None,
            )
            answering = answering or who
            asking = asking or (_actor_of_phrase(listener, actors) if listener else None)
    return _Introduction(asking, answering)


def _most_mentioned_person(parsed: ArticleDoc, actors: ActorIndex, end: int) -> Actor | None:
    counts: Counter[str] = Counter()
    for token in parsed.doc[: parsed.token_at(end)]:
        actor = actors.actor_at_token(token.i)
        if actor is not None and actor.type == "person":
            counts[actor.id] += 1
    return next((actors.by_id(actor_id) for actor_id, _ in counts.most_common(1)), None)


def _question_and_answer(
    parsed: ArticleDoc, actors: ActorIndex, first_turn: int
) -> tuple[SpeakerRef, SpeakerRef | None]:
    """Who asks the `Q:` questions and who gives the `A:` answers. The interviewer is the
    one the introduction names (`The Herald's Ann Lee interviewed …`, `spoke to
    Wikinews`), else the byline's author; the person answering is the one it names, else
    the person it names most, else the person the article names most."""
    introduced = _introduction(parsed, actors, first_turn)
    author = next((a for a in actors.actors if any(m.field == "byline" for m in a.mentions)), None)
    asking = introduced.asking or author
    answering = (
        introduced.answering
        or _most_mentioned_person(parsed, actors, first_turn)
        or _most_mentioned_person(parsed, actors, len(parsed.text))
    )
    question = (
        SpeakerRef(id=asking.id, name=asking.name)
        if asking
        else SpeakerRef(id=None, name="the interviewer")
    )
    answer = SpeakerRef(id=answering.id, name=answering.name) if answering else None
    return question, answer


def _exchanges(labels: Sequence[str]) -> int:
    return sum(1 for a, b in itertools.pairwise(labels) if a != b)


def _speakers(
    parsed: ArticleDoc, actors: ActorIndex, lines: Sequence[_Line]
) -> dict[str, SpeakerRef | None]:
    """Who each label of an interview stands for; empty when the text is no interview."""
    labels = [line.label for line in lines if line.label is not None]
    first = next((line.start for line in lines if line.label is not None), 0)
    if set(labels) & _QUESTIONS and set(labels) & _ANSWERS:
        question, answer = _question_and_answer(parsed, actors, first)
        return {**dict.fromkeys(_QUESTIONS, question), **dict.fromkeys(_ANSWERS, answer)}
    counts = Counter(labels)
    named = _actors_named(list(counts), actors)
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
    inside = body[start + 1 : end - 1]
    quoted = end - start > 1 and body[start] in _MARKS and body[end - 1] in _MARKS
    if quoted and not any(mark in inside for mark in _MARKS):
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
