"""cleanco's `basename`, which strips a company name's legal form (`Acme Robotics, Inc.`),
handed only the legal forms whose last word is in the name.

`basename` compares the tail of the name with each of its 321 forms in turn; a form can
only be stripped when the name holds its last word, so the same forms in the same order
give the same result at a fraction of the cost.
"""

from __future__ import annotations

from cleanco.clean import (
    custom_basename,
    normalized,
    prepare_default_terms,
    strip_punct,
    strip_tail,
)

_LEGAL_FORMS: list[tuple[int, list[str]]] = prepare_default_terms()  # cleanco's order
_ENDING_WITH: dict[str, list[int]] = {}  # a word → the indexes of the forms it ends
for _index, (_, _words) in enumerate(_LEGAL_FORMS):
    _ENDING_WITH.setdefault(_words[-1], []).append(_index)


def basename(name: str) -> str:
    """`cleanco.basename(name)`: the name without the legal form it ends with."""
    # The words as cleanco compares them.
    words = {strip_punct(word) for word in normalized(strip_tail(name)).split()}
    indexes = sorted({index for word in words for index in _ENDING_WITH.get(word, ())})
    return str(custom_basename(name, [_LEGAL_FORMS[index] for index in indexes]))
