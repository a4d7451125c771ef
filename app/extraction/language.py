"""The language of a text, by py3langid (a maintained fork of langid.py: a naive Bayes
model over byte n-grams of 97 languages, numpy only, a few milliseconds per article)."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from app.extraction.guards import UnreadableTextError

ENGLISH = "en"
# Fewer words than this say too little to be sure of a language (`Merci, said Ann.`).
MIN_WORDS = 12
# Below this probability the text is mixed, or too close to call: it is let through.
MIN_CONFIDENCE = 0.95

_WORD = re.compile(r"[^\W\d_]{2,}")


@cache
def _identifier() -> LanguageIdentifier:
    # Loaded on first use (0.7 s), not at startup: most extractions are of shipped articles.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of the text's language and the model's probability for it."""
    language, probability = _identifier().classify(text)
    return str(language), float(probability)


def check_english(text: str) -> None:
    """Raise `UnreadableTextError` naming the language when the text is surely not English;
    short texts and texts that are mostly English pass."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return
    language, probability = detect_language(text)
    if language != ENGLISH and probability >= MIN_CONFIDENCE:
        raise UnreadableTextError(
            f"The text reads as language {language!r} (probability {probability:.2f}); "
            "only English news articles can be extracted.",
            language=language,
        )
