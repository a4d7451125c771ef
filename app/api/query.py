"""Query strings are validated as strictly as bodies: a parameter the operation does not take,
or one given twice, is a 422 naming it, not silently ignored."""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute


def _declared(dependant: Dependant) -> frozenset[str]:
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _declared(dependency)
    return frozenset(names)


_declared_by_route: dict[int, tuple[APIRoute, frozenset[str]]] = {}


def _query_parameters(route: APIRoute) -> frozenset[str]:
    known = _declared_by_route.get(id(route))
    if known is None or known[0] is not route:
        known = _declared_by_route[id(route)] = (route, _declared(route.dependant))
    return known[1]


async def strict_query(request: Request) -> None:
    """A dependency of every route: each query parameter of an operation of the API is
    declared, and given once (no operation takes a list). The documentation pages are left
    alone (Swagger UI's OAuth redirect takes what the identity provider sends)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema or not request.query_params:
        return
    known = _query_parameters(route)
    takes = ", ".join(f"`{name}`" for name in sorted(known)) or "none"
    errors = []
    for name in dict.fromkeys(request.query_params.keys()):
        if name not in known:
            message = f"Unknown query parameter `{name}`; this operation takes {takes}."
            errors.append({"type": "unknown_parameter", "loc": ("query", name), "msg": message})
        elif len(request.query_params.getlist(name)) > 1:
            message = f"`{name}` is given more than once; it takes one value."
            errors.append({"type": "repeated_parameter", "loc": ("query", name), "msg": message})
    if errors:
        raise RequestValidationError(errors)
