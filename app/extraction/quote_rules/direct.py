"""The cue of a quoted stretch: the speech verb in its sentence that the quote belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.attribution import Masked, is_speech_cue, source_of


def _cues(tokens: Span, masked: Masked) -> list[Token]:
    return [t for t in tokens if not masked(t) and is_speech_cue(t) and source_of(t) is not None]


def _governing(quoted: Span, cues: Sequence[Token]) -> Token | None:
    """The nearest cue above the quote in the tree: `complained about "…"`, `"…," he said`."""
    ids = {cue.i for cue in cues}
    inside = range(quoted.start, quoted.end)
    for token in quoted:
        if token.head.i in inside:
            continue
        for ancestor in token.ancestors:
            if ancestor.i in ids:
                return ancestor
    return None


def _parenthetical(quoted: Span, cues: Sequence[Token]) -> Token | None:
    """A cue hanging from the quote: `"…," he said, "…"` parsed with the quote as root."""
    inside = range(quoted.start, quoted.end)
    return next((cue for cue in cues if any(a.i in inside for a in cue.ancestors)), None)


def _nearest(quoted: Span, cues: Sequence[Token]) -> Token | None:
    def distance(cue: Token) -> int:
        return quoted.start - cue.i if cue.i < quoted.start else cue.i - quoted.end

    return min(cues, key=distance, default=None)


def cue_of_quote(parsed: ArticleDoc, quoted: Span, masked: Masked) -> Token | None:
    """The cue in the sentences of the quote, outside any quotation."""
    first, last = parsed.sentence_of(quoted.start), parsed.sentence_of(quoted.end - 1)
    sentences = parsed.doc[first.start : last.end]
    cues = _cues(sentences, masked)
    return _governing(quoted, cues) or _parenthetical(quoted, cues) or _nearest(quoted, cues)


def introducing_cue(parsed: ArticleDoc, quoted: Span, masked: Masked) -> Token | None:
    """`Smith said:` closing the sentence or paragraph before a quote that starts anew."""
    before = quoted.start - 1
    doc = quoted.doc
    while before >= 0 and (doc[before].is_space or doc[before].is_quote):
        before -= 1
    if before < 0 or doc[before].text != ":":
        return None
    colon = doc[before]
    cues = _cues(doc[parsed.sentence_of(colon.i).start : colon.i], masked)
    return cues[-1] if cues else None
