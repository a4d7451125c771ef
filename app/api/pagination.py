"""Offset pagination: `limit` and `offset` in, a page with the total out."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, Field

Item = TypeVar("Item")

MAX_LIMIT = 500


class Page(BaseModel, Generic[Item]):
    items: list[Item] = Field(description="This page's items.")
    total: int = Field(ge=0, description="How many items match, over all pages.")
    limit: int = Field(ge=1, description="The page size asked for.")
    offset: int = Field(ge=0, description="How many matching items come before this page.")


class PageRequest(BaseModel):
    limit: int
    offset: int

    def page(self, items: Sequence[Item]) -> Page[Item]:
        return Page[Item](
            items=list(items[self.offset : self.offset + self.limit]),
            total=len(items),
            limit=self.limit,
            offset=self.offset,
        )


def _page_request(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
) -> PageRequest:
    return PageRequest(limit=limit, offset=offset)


PageDep = Annotated[PageRequest, Depends(_page_request)]
