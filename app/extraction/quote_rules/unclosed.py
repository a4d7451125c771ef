"""Quotes whose closing mark never came: where they really end.

A writer who forgets the closing mark still writes the attribution: `"We are proud of
this project, the mayor told reporters.` The quote ends where the attribution starts; the
sentences after it are the narrator's. With no attribution inside, the quote runs to the
end of its paragraph, and whether it is a quote at all is for its cue to say
(`quotes._keeps_unclosed`).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from app.extraction.document import ArticleDoc
from app.extraction.quote_rules.attribution import is_speech_cue
from app.extraction.quote_rules.marks import Stretch, trimmed

# Punctuation that hands a quote over to its attribution; the comma and dashes are not
# part of the words, a question or exclamation mark is.
_HANDOVER = frozenset([",", "—", "–", "--"])
_ASKING = frozenset(["?", "!"])
# Words of the speaker's noun phrase between the handover and the verb: `the mayor`,
# `Tom Reyes, a commuter,`, `the head of the union`.
_PHRASE_TAGS = frozenset(["DET", "ADJ", "PROPN", "NOUN", "PRON", "NUM", "PART", "ADP", "PUNCT"])
_NOMINALS = frozenset(["PROPN", "NOUN", "PRON"])
_LONGEST_SPEAKER = 8
# Relations by which a verb reports words of its own after it: `said the plan failed`.
_OWN_CONTENT = frozenset(["ccomp", "xcomp"])


def _speaks(token: Token) -> bool:
    """A speech verb that reports nothing after it: the attribution of the words before."""
    return (
        token.pos_ == "VERB"
        and is_speech_cue(token)
        and not any(c.dep_ in _OWN_CONTENT or c.dep_ == "mark" for c in token.rights)
    )


def _attribution_after(mark: Token) -> bool:
    """Whether an attribution clause follows the mark: `, said commuter Tom Reyes` or
    `, the mayor told reporters on Friday`."""
    doc = mark.doc
    after = doc[mark.i + 1 : mark.i + 2 + _LONGEST_SPEAKER]
    if len(after) >= 2 and _speaks(after[0]) and after[1].pos_ in _NOMINALS | {"DET"}:
        return True
    for i, token in enumerate(after):
        if _speaks(token):
            phrase = after[:i]
            return any(t.pos_ in _NOMINALS for t in phrase) and phrase[-1].pos_ != "PUNCT"
        if token.pos_ not in _PHRASE_TAGS or token.is_sent_end or token.is_space:
            return False
    return False


def _handover(parsed: ArticleDoc, start: int, end: int) -> int | None:
    """Where the words end in [start, end): before the comma or dash that hands them over
    to an attribution, after a question or exclamation mark that does (`"Why not? the
    senator asked`, not `"Why not? We never did`)."""
    for token in parsed.span(start, end):
        if not start < token.idx < end or token.text not in _HANDOVER | _ASKING:
            continue
        if not _attribution_after(token):
            continue
        if token.text in _HANDOVER:
            return token.idx
        following = token.nbor()
        if following.pos_ == "PROPN" or not following.is_title:
            return token.idx + 1
    return None


def mend(parsed: ArticleDoc, stretch: Stretch) -> list[Stretch]:
    """The quote ended at each attribution inside it where a closing mark is missing, the
    paragraphs it ran on over after one a quote of its own; unchanged when none is.

    A closing mark missing at a paragraph's end joins the quote to the next paragraph's
    (`"We will win, she said.⏎⏎"And govern," she added.`), so every paragraph of a
    quote but a closed one's last is searched."""
    mended: list[Stretch] = []
    segments: list[tuple[int, int]] = []
    searched = len(stretch.segments) - (1 if stretch.closed else 0)
    for n, (start, end) in enumerate(stretch.segments):
        cut = _handover(parsed, start, end) if n < searched else None
        if cut is None:
            segments.append((start, end))
            continue
        mended.append(Stretch((*segments, trimmed(parsed.text, start, cut))))
        segments = []
    if segments:
        opens_paragraph = stretch.opens_paragraph or bool(mended)
        mended.append(replace(stretch, segments=tuple(segments), opens_paragraph=opens_paragraph))
    return mended
