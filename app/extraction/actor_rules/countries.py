"""Countries, their regions and nationality words, from pycountry plus the names news uses.

ISO 3166 spells many countries as no newspaper does (`Russian Federation`), and
pycountry has no nationality adjectives, so the short names are a table and the
adjectives are derived from every country name by the English suffix patterns
(`Japan` → `Japanese`, `Russia` → `Russian`), with a table for the irregular ones.
"""

from __future__ import annotations

from functools import cache

import pycountry

# Names English news gives countries that ISO 3166 spells otherwise.
NEWS_COUNTRY_NAMES: dict[str, str] = {
    "russia": "RU",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "u.k.": "GB",
    "us": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "north korea": "KP",
    "south korea": "KR",
    "holland": "NL",
    "burma": "MM",
    "ivory coast": "CI",
    "soviet union": "SU",
    "ussr": "SU",
    "dprk": "KP",
    "prc": "CN",
    "uae": "AE",
    "drc": "CD",
}

# Codes whose ISO 3166 name is not the one news uses (or that ISO 3166-1 has withdrawn).
SHORT_NAMES: dict[str, str] = {"RU": "Russia", "SU": "Soviet Union", "GB": "Britain"}

# Nationality words the suffix patterns below do not derive.
IRREGULAR_DEMONYMS: dict[str, str] = {
    "american": "US",
    "british": "GB",
    "english": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "french": "FR",
    "dutch": "NL",
    "swiss": "CH",
    "greek": "GR",
    "danish": "DK",
    "norwegian": "NO",
    "finnish": "FI",
    "polish": "PL",
    "irish": "IE",
    "turkish": "TR",
    "spanish": "ES",
    "swedish": "SE",
    "filipino": "PH",
    "thai": "TH",
    "afghan": "AF",
    "saudi": "SA",
    "kazakh": "KZ",
    "uzbek": "UZ",
    "argentine": "AR",
    "portuguese": "PT",
    "lebanese": "LB",
    "hungarian": "HU",
    "peruvian": "PE",
    "emirati": "AE",
    "soviet": "SU",
}

# (ending removed, ending added), in the order that settles a clash: `Nigeria` + n before
# `Niger` + ian.
_DEMONYM_SUFFIXES = (
    ("", "n"),
    ("", "ese"),
    ("a", "ese"),
    ("", "i"),
    ("", "ian"),
    ("a", "ian"),
    ("y", "ian"),
    ("e", "ian"),
    ("ium", "ian"),
    ("o", "an"),
    ("", "an"),
    ("y", ""),
)


@cache
def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            if value := getattr(country, attribute, None):
                names.setdefault(value.lower(), country.alpha_2)
    names.update(NEWS_COUNTRY_NAMES)
    return names


@cache
def _demonyms() -> dict[str, str]:
    short_names = [
        (name, code)
        for name, code in _country_names().items()
        if " " not in name and "," not in name
    ]
    demonyms = dict(IRREGULAR_DEMONYMS)
    for removed, added in _DEMONYM_SUFFIXES:
        for name, code in short_names:
            if name.endswith(removed) and len(name) > 3:
                demonyms.setdefault(name[: len(name) - len(removed)] + added, code)
    return demonyms


@cache
def _regions() -> dict[str, str]:
    """Subdivision name → its country; names two countries share are left out."""
    seen: dict[str, set[str]] = {}
    for subdivision in pycountry.subdivisions:
        seen.setdefault(subdivision.name.lower(), set()).add(subdivision.country_code)
    return {name: codes.pop() for name, codes in seen.items() if len(codes) == 1}


def load_countries() -> None:
    """Read the countries, demonyms and regions, which the look-ups otherwise do on first use."""
    _country_names()
    _demonyms()
    _regions()


def _key(text: str) -> str:
    text = text.lower().strip()
    return text[4:] if text.startswith("the ") else text


def country_code(name: str) -> str | None:
    """ISO code of the country a name names: `Japan`, `Russia`, `the U.S.`."""
    return _country_names().get(_key(name))


def region_country(name: str) -> str | None:
    """ISO code of the country whose region (state, province, prefecture) a name names."""
    return _regions().get(_key(name))


def nationality_country(word: str) -> str | None:
    """ISO code of the country a nationality word refers to: `Japanese` → JP."""
    return _demonyms().get(word.lower())


def country_name(code: str) -> str:
    """The name news uses for a country code (`RU` → `Russia`)."""
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))
