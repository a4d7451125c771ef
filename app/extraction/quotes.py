"""Quotes: direct, partial and reported speech, each attributed to an actor.

Direct and partial quotes come from the quotation marks (`quote_rules.marks`, mended
where a closing mark is missing by `quote_rules.unclosed`), their cue from the parse of
their sentence (`quote_rules.direct`); the answers and questions of an interview from its
turns (`quote_rules.interviews`); reported speech from reporting constructions
(`quote_rules.indirect`). A quote with no cue of its own continues the quote just before
it, as news prose runs a speaker's words on over paragraphs.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from app.extraction.actors import ActorIndex
from app.extraction.document import ArticleDoc
from app.extraction.ids import sequence_id
from app.extraction.quote_rules.attribution import (
    Attribution,
    Masked,
    attribution,
    in_clause,
    is_speech_cue,
)
from app.extraction.quote_rules.direct import (
    cue_of_quote,
    introducing_cue,
    opening_signature,
    signature,
)
from app.extraction.quote_rules.indirect import reported_speech
from app.extraction.quote_rules.interviews import Turn, interview_turns
from app.extraction.quote_rules.marks import DOUBLE, Stretch, all_quoted_stretches
from app.extraction.quote_rules.speakers import speaker_of
from app.extraction.quote_rules.unclosed import mend
from app.models import DateMention, Quote, QuoteKind, Segment, SpeakerRef

# Quoted fragments this short with no speaker are scare quotes, not quotations.
_SHORTEST_UNATTRIBUTED_FRAGMENT = 5
_LONGEST_TITLE = 8
_TITLE_SMALL_WORDS = frozenset(
    ["the", "of", "and", "a", "an", "in", "on", "to", "for", "at", "with"]
)


@dataclass(frozen=True)
class _Draft:
    kind: QuoteKind
    segments: tuple[tuple[int, int], ...]
    content: tuple[Token, ...]
    attribution: Attribution | None
    speaker: SpeakerRef | None

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


class _Mask:
    """Whether a token stands inside a quotation (its marks included)."""

    def __init__(self, stretches: Sequence[Stretch]) -> None:
        ranges = sorted((a - 1, b + 1) for s in stretches for a, b in s.segments)
        self._starts = [a for a, _ in ranges]
        self._ends = [b for _, b in ranges]

    def __call__(self, token: Token) -> bool:
        return self.covers(token.idx)

    def covers(self, char: int) -> bool:
        i = bisect.bisect_right(self._starts, char) - 1
        return i >= 0 and char < self._ends[i]


def _kind(parsed: ArticleDoc, quoted: Span, text: str) -> QuoteKind:
    """Direct when the quote stands as a sentence of its own or is introduced by `:` or `,`."""
    sentence = parsed.sentence_of(quoted.start)
    before = parsed.text[sentence.start_char : quoted.start_char].rstrip(" \"“”„«»‘'")
    # `"A," she said, "and B."`: the second half of a split quote goes on from the first.
    resumed = before.endswith(",") and any(mark in before for mark in DOUBLE.glyphs)
    if (
        not before
        or before.endswith(":")
        or resumed
        or (before.endswith(",") and text[:1].isupper())
    ):
        return "direct"
    return "partial"


def _is_title(words: Sequence[str]) -> bool:
    """`Face the Nation`, `Miss Piggy`: every word capitalised but the small ones."""
    return len(words) < _LONGEST_TITLE and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words
    )


def _not_a_quote(kind: QuoteKind, text: str, speaker: SpeakerRef | None, spoken: bool) -> bool:
    """A title or a name in marks, or a short fragment with neither a speech verb nor a
    named actor behind it (a scare quote)."""
    words = text.split()
    if kind == "partial" and _is_title(words):
        return True
    fragment = kind == "partial" and len(words) < _SHORTEST_UNATTRIBUTED_FRAGMENT
    unnamed = speaker is None or speaker.id is None
    return not spoken and (_is_title(words) or (fragment and unnamed))


@dataclass(frozen=True)
class _Attributed:
    attribution: Attribution | None
    speaker: SpeakerRef | None
    spoken: bool  # by a speech verb or a signature, not merely by a clause's subject


def _attribute(
    parsed: ArticleDoc, stretch: Stretch, quoted: Span, masked: Masked, actors: ActorIndex
) -> _Attributed:
    """Who a quotation is by: a name signed after it, else the cue of its sentence."""
    signed = signature(parsed, stretch.end) or opening_signature(parsed, stretch.start)
    if signed is not None:
        return _Attributed(None, speaker_of(signed, actors), spoken=True)
    partial = _kind(parsed, quoted, stretch.text(parsed.text)) == "partial"
    cue = cue_of_quote(parsed, quoted, masked, partial=partial) or introducing_cue(
        parsed, quoted, masked
    )
    if cue is None:
        return _Attributed(None, None, spoken=False)
    found = attribution(cue, masked)
    speaker = speaker_of(found.source, actors) if found.source is not None else None
    return _Attributed(found, speaker, spoken=is_speech_cue(cue))


@dataclass(frozen=True)
class _Said:
    """Where a speaker's words end, to carry the speaker on to the quote after them."""

    end: int
    paragraph: int
    speaker: SpeakerRef


class _LastSpeaker:
    """Who spoke last before a point: the speaker of a quote or of reported speech."""

    def __init__(self, parsed: ArticleDoc, reported: Sequence[_Draft], actors: ActorIndex) -> None:
        self._parsed = parsed
        self._actors = actors
        self._reported = [
            _Said(d.end, parsed.paragraph_at(d.end), d.speaker)
            for d in sorted(reported, key=lambda d: d.end)
            if d.speaker is not None
        ]
        self._quoted: _Said | None = None

    def quoted(self, end: int, speaker: SpeakerRef) -> None:
        self._quoted = _Said(end, self._parsed.paragraph_at(end), speaker)

    def continued(self, start: int) -> SpeakerRef | None:
        """A quote with no cue goes on with the last speaker of its paragraph (`X, Schiff
        said. "…"`), else with the person the sentence before it is about (`Sanders
        named bigotry as a reason. "…"`), else with the last speaker of the paragraph
        before."""
        i = bisect.bisect_right(self._reported, start, key=lambda said: said.end) - 1
        last = [said for said in (self._quoted, self._reported[i] if i >= 0 else None) if said]
        latest = max(last, key=lambda said: said.end) if last else None
        paragraph = self._parsed.paragraph_at(start)
        if latest is not None and latest.paragraph == paragraph:
            return latest.speaker
        if (subject := self._subject_before(start)) is not None:
            return subject
        return latest.speaker if latest is not None and latest.paragraph == paragraph - 1 else None

    def _subject_before(self, start: int) -> SpeakerRef | None:
        """The person who is the subject of the sentence before, in the same paragraph."""
        parsed = self._parsed
        sentence = parsed.sentence_of(parsed.token_at(start))
        if sentence.start == 0:
            return None
        before = parsed.sentence_of(sentence.start - 1)
        if parsed.paragraph_at(before.start_char) != parsed.paragraph_at(start):
            return None
        subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
        actor = self._actors.actor_at_token(subject.i) if subject is not None else None
        if actor is None or actor.type != "person":
            return None
        return SpeakerRef(id=actor.id, name=actor.name)


def _direct_drafts(
    parsed: ArticleDoc,
    stretches: Sequence[Stretch],
    masked: _Mask,
    actors: ActorIndex,
    reported: Sequence[_Draft],
) -> list[_Draft]:
    drafts: list[_Draft] = []
    last_speaker = _LastSpeaker(parsed, reported, actors)
    for stretch in stretches:
        quoted = parsed.span(stretch.start, stretch.end)
        text = stretch.text(parsed.text)
        kind = _kind(parsed, quoted, text)
        found = _attribute(parsed, stretch, quoted, masked, actors)
        speaker = found.speaker
        if found.attribution is None and speaker is None and kind == "direct":
            speaker = last_speaker.continued(stretch.start)
        if _not_a_quote(kind, text, speaker, found.spoken):
            continue
        if speaker is not None:
            last_speaker.quoted(stretch.end, speaker)
        drafts.append(_Draft(kind, stretch.segments, tuple(quoted), found.attribution, speaker))
    return drafts


def _keeps_unclosed(
    parsed: ArticleDoc, stretch: Stretch, closed: _Mask, actors: ActorIndex
) -> bool:
    """A quote missing its closing mark, with no attribution inside to end it, is one when
    it runs to its paragraph's end and a cue in its own paragraphs attributes it: never a
    speaker from another paragraph for words whose end is a guess. Ended by a second
    opening mark, it was a stray mark (and judging each of 5,000 such marks would cost
    a parse walk each)."""
    if stretch.reopened:
        return False

    def masked(token: Token) -> bool:
        return closed(token) or stretch.start - 1 <= token.idx < stretch.end + 1

    quoted = parsed.span(stretch.start, stretch.end)
    found = _attribute(parsed, stretch, quoted, masked, actors)
    if found.attribution is None:
        return found.spoken
    paragraphs = {parsed.paragraph_at(start) for start, _ in stretch.segments}
    return found.spoken and parsed.paragraph_at(found.attribution.cue.idx) in paragraphs


def _quoted_stretches(parsed: ArticleDoc, actors: ActorIndex, turns: _Mask) -> list[Stretch]:
    """The quoted stretches of the body outside interview turns, those missing a closing
    mark ended at their attribution, or dropped when nothing in their paragraph
    attributes them."""
    paragraphs = [(p.start, p.end) for p in parsed.article.paragraphs]
    found = [
        mended
        for stretch in all_quoted_stretches(parsed.text, paragraphs)
        if not turns.covers(stretch.start)
        for mended in mend(parsed, stretch)
    ]
    closed = _Mask([s for s in found if s.closed])
    return [s for s in found if s.closed or _keeps_unclosed(parsed, s, closed, actors)]


def _turn_drafts(parsed: ArticleDoc, turns: Sequence[Turn]) -> list[_Draft]:
    return [
        _Draft(
            "direct",
            turn.segments,
            tuple(parsed.span(turn.segments[0][0], turn.segments[-1][1])),
            None,
            turn.speaker,
        )
        for turn in turns
    ]


def _indirect_drafts(parsed: ArticleDoc, masked: _Mask, actors: ActorIndex) -> list[_Draft]:
    drafts = []
    for reported in reported_speech(parsed.doc, masked):
        found = attribution(reported.cue, masked, reported.cue_text)
        speaker = speaker_of(found.source, actors) if found.source is not None else None
        drafts.append(_Draft("indirect", _runs(reported.tokens), reported.tokens, found, speaker))
    return drafts


def _runs(tokens: Sequence[Token]) -> tuple[tuple[int, int], ...]:
    """The character ranges of the runs of adjacent tokens: reported content is in pieces
    where an aside was taken out of it (`X, she said, is Y`)."""
    runs: list[tuple[int, int]] = []
    for before, token in zip([None, *tokens], tokens, strict=False):
        end = token.idx + len(token.text)
        if before is not None and token.i == before.i + 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((token.idx, end))
    return tuple(runs)


class _Dates:
    """The date mentions of each sentence, to find the one in an attribution clause."""

    def __init__(self, parsed: ArticleDoc, dates: Sequence[DateMention]) -> None:
        self._parsed = parsed
        self._by_sentence: dict[int, list[tuple[Token, str]]] = {}
        # A duration or a set (`for three decades`, `every year`) is not when words were said.
        for date in (d for d in dates if d.type in ("date", "time")):
            root = parsed.span(date.start, date.end).root
            sentence = parsed.sentence_of(root.i).start
            self._by_sentence.setdefault(sentence, []).append((root, date.id))

    def said_on(self, found: Attribution, content: Sequence[Token]) -> str | None:
        """The date mention in the attribution clause: `told reporters Wednesday`."""
        sentence = self._parsed.sentence_of(found.cue.i).start
        for root, date_id in self._by_sentence.get(sentence, []):
            if in_clause(root, found.cue, content):
                return date_id
        return None


def _quote(parsed: ArticleDoc, draft: _Draft, index: int, dates: _Dates) -> Quote:
    found = draft.attribution
    return Quote(
        id=sequence_id("q", index),
        kind=draft.kind,
        text=" ".join(parsed.text[start:end] for start, end in draft.segments),
        segments=[Segment(start=start, end=end) for start, end in draft.segments],
        speaker=draft.speaker,
        cue=found.cue_text if found else None,
        audience=found.audience.text if found and found.audience else None,
        said_on=dates.said_on(found, draft.content) if found else None,
        channel=found.channel.text if found and found.channel else None,
        **parsed.locate(draft.start, draft.end).as_fields(),
    )


def extract_quotes(
    parsed: ArticleDoc, actors: ActorIndex, dates: Sequence[DateMention]
) -> list[Quote]:
    turns = interview_turns(parsed, actors)
    in_turns = [Stretch(turn.segments) for turn in turns]
    stretches = _quoted_stretches(parsed, actors, _Mask(in_turns))
    masked = _Mask([*stretches, *in_turns])
    reported = _indirect_drafts(parsed, masked, actors)
    drafts = [
        *_direct_drafts(parsed, stretches, masked, actors, reported),
        *reported,
        *_turn_drafts(parsed, turns),
    ]
    drafts.sort(key=lambda d: (d.start, d.end))
    by_sentence = _Dates(parsed, dates)
    return [_quote(parsed, draft, i, by_sentence) for i, draft in enumerate(drafts)]
