"""An article body parsed by spaCy, with the look-ups every extractor shares."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from app.models import Article


@dataclass(frozen=True)
class Location:
    paragraph: int
    start: int
    end: int
    sentence: str
    sentence_start: int
    sentence_end: int

    def as_fields(self) -> dict[str, int | str]:
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }


@dataclass(frozen=True)
class ArticleDoc:
    """The article and the spaCy `Doc` of its body (character offsets agree)."""

    article: Article
    doc: Doc
    _paragraph_starts: list[int] = field(init=False, repr=False)
    _token_starts: list[int] = field(init=False, repr=False)
    _sentences: list[Span] = field(init=False, repr=False)
    _sentence_starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # `Token.sent` and `Span.sent` walk the whole Doc on every call; look-ups here are
        # bisections over lists made once.
        sentences = list(self.doc.sents) if self.doc.has_annotation("SENT_START") else []
        object.__setattr__(self, "_paragraph_starts", [p.start for p in self.article.paragraphs])
        object.__setattr__(self, "_token_starts", [t.idx for t in self.doc])
        object.__setattr__(self, "_sentences", sentences)
        object.__setattr__(self, "_sentence_starts", [s.start for s in sentences])

    @property
    def text(self) -> str:
        """The body text. Use it, not `Doc.text`, which is rebuilt token by token per call."""
        return self.article.body

    def paragraph_at(self, char: int) -> int:
        return max(bisect.bisect_right(self._paragraph_starts, char) - 1, 0)

    def span(self, start: int, end: int) -> Span:
        """The token span covering the characters [start, end)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:  # only for an empty or whitespace-only range
            token = self.doc[min(self.token_at(start), len(self.doc) - 1)]
            return self.doc[token.i : token.i + 1]
        return span

    def token_at(self, char: int) -> int:
        """Index of the token holding (or last starting before) the character."""
        return max(bisect.bisect_right(self._token_starts, char) - 1, 0)

    def sentence_of(self, token_index: int) -> Span:
        """The sentence holding a token: use it instead of `Token.sent`, which is O(n)."""
        if not self._sentences:
            return self.doc[:]
        position = bisect.bisect_right(self._sentence_starts, token_index) - 1
        return self._sentences[max(position, 0)]

    def locate(self, start: int, end: int) -> Location:
        """Paragraph, span and the sentence(s) holding the characters [start, end)."""
        span = self.span(start, end)
        first, last = self.sentence_of(span.start), self.sentence_of(span.end - 1)
        raw = self.text[first.start_char : last.end_char]
        sentence_start = first.start_char + len(raw) - len(raw.lstrip())
        sentence = raw.strip()
        return Location(
            self.paragraph_at(start),
            start,
            end,
            sentence,
            sentence_start,
            sentence_start + len(sentence),
        )

    def locate_span(self, span: Span) -> Location:
        return self.locate(span.start_char, span.end_char)
