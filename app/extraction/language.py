"""The language of a text, by pycld2: Python bindings of Google's Compact Language
Detector 2 (CLD2), the detector of Chromium. Its tables are compiled into the library, so
it loads in milliseconds, adds no memory worth counting to the extraction processes (a
pure-Python model such as py3langid's holds 80 MB in each), reads 100,000 characters in
about 10 ms, and reports the share of the text in each of its top three languages."""

from __future__ import annotations

import re

import pycld2

from app.extraction.guards import UnreadableTextError

ENGLISH = "en"
# Fewer words than this say too little to be sure of a language (`Merci, said Ann.`).
MIN_WORDS = 12
# A text is refused only when another language holds more than half of it.
MAX_FOREIGN_SHARE = 50

_WORD = re.compile(r"[^\W\d_]{2,}")
# CLD2 takes valid UTF-8 with no control characters.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def detect_languages(text: str) -> list[tuple[str, int]]:
    """The text's languages, most of it first, as (ISO 639-1 code, percent of the text);
    empty when the detector cannot tell."""
    try:
        _reliable, _bytes, details = pycld2.detect(_UNREADABLE.sub(" ", text), isPlainText=True)
    except pycld2.error:
        return []
    return [(str(code), int(percent)) for _name, code, percent, _score in details if percent]


def check_english(text: str) -> None:
    """Raise `UnreadableTextError` naming the language when most of the text is surely not
    English; short texts and texts that are mostly English pass."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return
    languages = detect_languages(text)
    if languages and languages[0][0] != ENGLISH and languages[0][1] > MAX_FOREIGN_SHARE:
        language, percent = languages[0]
        raise UnreadableTextError(
            f"The text reads as language {language!r} ({percent}% of it); only English news "
            "articles can be extracted.",
            language=language,
        )
