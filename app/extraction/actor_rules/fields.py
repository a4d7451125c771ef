"""Mentions outside the body: headline, byline, image caption and image credit.

The headline and caption are short and often in Title Case, where the model takes any
capitalised pair for a name (`Disagreements Remain`); there only the names the body
establishes are looked for. A byline or credit is a list of who wrote or took it, so
each part is typed by its position and shape: a single word (`Bloomberg`), an
abbreviation (`AP`) or a name ending in an organisation word (`Russian Foreign
Ministry`, `Getty Images`) is an organisation, other names are people. Related-article
titles are about other articles and give no mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extraction.actor_rules.countries import nationality_country
from app.extraction.actor_rules.grouping import Draft
from app.extraction.actor_rules.lexicon import (
    CREDIT_ORG_WORDS,
    CREDIT_SUFFIXES,
    ORG_HEADS,
    TITLE_WORDS,
)
from app.extraction.actor_rules.spans import name_key, words
from app.models import Article, Mention, MentionField

# The place a dateline opens with, in capitals: `SAN FRANCISCO`, `ST. LOUIS`.
_DATELINE_PLACE = re.compile(r"^[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*")
_NAME_PART = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def _forms(drafts: Sequence[Draft]) -> dict[str, Draft]:
    """Each name form the body gives an actor; a shared bare name goes to the most named."""
    forms: dict[str, Draft] = {}
    for draft in sorted(drafts, key=lambda d: -len(d.names)):
        for span in draft.names:
            forms.setdefault(span.text, draft)
        if draft.type == "person" and len(draft.name.split()) > 1:
            forms.setdefault(draft.name.split()[-1], draft)
    return forms


def _find_known(text: str, forms: dict[str, Draft], where: MentionField) -> None:
    """Mention every known name form found in the text, longest first, without overlaps."""
    taken: list[tuple[int, int]] = []
    for form in sorted(forms, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            forms[form].field_mentions.append(
                Mention(text=form, kind="name", field=where, start=match.start(), end=match.end())
            )


def _is_organization(part: str, *, after_comma: bool) -> bool:
    """One word (`Bloomberg`, `AP`), a name with an organisation word (`Getty Images`,
    `NB News Now`), or a name after a comma (`Jane Roe, Fox Business`: a byline names the
    writer, then the outlet) unless it is a title (`Senior Correspondent`); an
    all-capitals `JOHN SMITH` is still a person."""
    parts = words(part)
    if after_comma and not set(parts) & TITLE_WORDS:
        return True
    return len(part.split()) == 1 or bool(set(parts) & CREDIT_ORG_WORDS)


def _credited(text: str, where: MentionField, drafts: list[Draft]) -> None:
    """Type each part of a byline or credit by its shape and add it, new or known."""
    known = {name_key(d.name): d for d in drafts}
    for match in _NAME_PART.finditer(text):
        part = match.group(0)
        while part.split() and part.split()[-1].lower() in CREDIT_SUFFIXES:
            part = part.rsplit(" ", 1)[0] if " " in part else ""
        if not part:
            continue
        # `Jane Roe, Fox Business`: the last part, after a comma, is the writer's outlet.
        outlet = text[: match.start()].rstrip().endswith(",") and not text[match.end() :].strip(
            " .;"
        )
        draft = known.get(name_key(part))
        if (
            draft is not None
            and draft.type == "person"
            and _is_organization(part, after_comma=outlet)
        ):
            # Position decides over the model: a one-word name in a credit is an outlet.
            draft.type, draft.kind = "organization", None
        if draft is None:
            draft = _new_credit_draft(part, after_comma=outlet)
            drafts.append(draft)
            known[name_key(part)] = draft
        start = match.start()
        draft.field_mentions.append(
            Mention(text=part, kind="name", field=where, start=start, end=start + len(part))
        )


def _new_credit_draft(part: str, *, after_comma: bool) -> Draft:
    if not _is_organization(part, after_comma=after_comma):
        return Draft("person", field_names=[part], name=part)
    parts = words(part)
    draft = Draft("organization", ORG_HEADS.get(parts[-1]), field_names=[part], name=part)
    draft.country = nationality_country(parts[0])
    return draft


def _dateline_place(dateline: str, drafts: list[Draft]) -> None:
    """The dateline's place is a place actor: the one the body names, or a new one."""
    if not (match := _DATELINE_PLACE.match(dateline)):
        return
    name = match.group(0).title().replace("’S", "’s").replace("'S", "'s")
    draft = next((d for d in drafts if name_key(d.name) == name_key(name)), None)
    if draft is None:
        draft = Draft("place", field_names=[name], name=name)
        drafts.append(draft)
    elif draft.name.isupper():  # the body names it only in the dateline's capitals
        draft.field_names.append(name)
        draft.name = name
    draft.field_mentions.append(
        Mention(text=match.group(0), kind="name", field="dateline", start=0, end=match.end())
    )


def field_mentions(article: Article, drafts: list[Draft]) -> None:
    """Add the headline, byline, caption and credit mentions; new actors join `drafts`."""
    forms = _forms(drafts)
    searched: tuple[tuple[MentionField, str | None], ...] = (
        ("title", article.title),
        ("image_caption", article.image_caption),
    )
    credits: tuple[tuple[MentionField, str | None], ...] = (
        ("byline", article.byline),
        ("image_credit", article.image_credit),
    )
    for where, text in searched:
        if text:
            _find_known(text, forms, where)
    for where, text in credits:
        if text:
            _credited(text, where, drafts)
    if article.dateline:
        _dateline_place(article.dateline, drafts)
