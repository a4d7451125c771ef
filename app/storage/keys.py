"""Cross-article identity: one key per real-world actor, the same in every article.

A key is a slug of the canonical name (to read) and a digest of the folded name and the
type (to keep namesakes apart): `sergei-lavrov-5d41402a`. It depends on nothing but the
actor itself, so adding or deleting other articles never changes it. A person known only
by one word (`Abe`) may be anyone of that surname: the digest takes the article too, so
such a name is never merged across articles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from app.extraction.ids import slug

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case, accents and other marks dropped, spaces collapsed: `Sérgei  LAVROV`
    reads `sergei lavrov`."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def words(text: str) -> list[str]:
    """The folded words of a search: letters and digits only, so nothing in it is syntax."""
    return _WORD.findall(fold(text))


def actor_key(name: str, actor_type: str, article_id: str) -> str:
    folded = fold(name)
    identity = [actor_type, folded]
    if actor_type == "person" and len(words(folded)) < 2:
        identity.append(article_id)
    digest = hashlib.sha256("\n".join(identity).encode()).hexdigest()[:8]
    readable = slug(folded, 60)
    return f"{readable}-{digest}" if readable else digest
