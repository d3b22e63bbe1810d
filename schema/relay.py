"""Relay plumbing: global ids, the Node interface, keyset cursors and page info."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Generic, Self, TypeVar

import strawberry
from beanie import Document, PydanticObjectId
from bson.errors import InvalidId
from graphql import GraphQLError

from models.paging import Page

MAX_PAGE_SIZE = 100

N = TypeVar("N")
D = TypeVar("D", bound=Document)


def to_global_id(type_name: str, object_id: PydanticObjectId | None) -> strawberry.ID:
    """The opaque id clients see: base64 of "Type:objectid"."""
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{object_id}".encode()).decode().rstrip("="))


def parse_global_id(value: str) -> tuple[str, PydanticObjectId] | None:
    """(type name, object id) of a global id; None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        type_name, _, object_id = raw.partition(":")
        return type_name, PydanticObjectId(object_id)
    except (binascii.Error, UnicodeDecodeError, InvalidId, ValueError, TypeError):
        return None


def parse_id_of(type_name: str, value: str) -> PydanticObjectId | None:
    """The object id when `value` is a global id of `type_name`; None otherwise."""
    parsed = parse_global_id(value)
    return parsed[1] if parsed is not None and parsed[0] == type_name else None


def page_cursor(first: int, after: str | None) -> PydanticObjectId | None:
    """The keyset position of a connection's `after`, once `first` and `after` are checked.

    Raises a BAD_USER_INPUT error for `first` outside 0..MAX_PAGE_SIZE or an `after` that is no cursor.
    """
    if not 0 <= first <= MAX_PAGE_SIZE:
        raise GraphQLError(
            f"`first` must be between 0 and {MAX_PAGE_SIZE}.", extensions={"code": "BAD_USER_INPUT"}
        )
    cursor = decode_cursor(after) if after is not None else None
    if after is not None and cursor is None:
        raise GraphQLError(
            "`after` is not a cursor from this connection.", extensions={"code": "BAD_USER_INPUT"}
        )
    return cursor


def encode_cursor(object_id: PydanticObjectId | None) -> str:
    return base64.urlsafe_b64encode(f"cursor:{object_id}".encode()).decode().rstrip("=")


def decode_cursor(value: str) -> PydanticObjectId | None:
    """The object id a cursor points after; None when the cursor is malformed."""
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
        prefix, _, object_id = raw.partition(":")
        return PydanticObjectId(object_id) if prefix == "cursor" else None
    except (binascii.Error, UnicodeDecodeError, InvalidId, ValueError, TypeError):
        return None


@strawberry.interface(description="An object with a globally unique, opaque id (Relay).")
class Node:
    id: strawberry.ID = strawberry.field(description="The object's global id.")


@strawberry.type(description="Where a page of a connection ends (Relay).")
class PageInfo:
    has_next_page: bool = strawberry.field(description="Whether more items follow this page.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` to get the next page.")


@strawberry.type
class Edge(Generic[N]):
    """An item of a connection and the cursor after it (named `<Node>Edge` in the schema)."""

    cursor: str
    node: N


@strawberry.type
class Connection(Generic[N]):
    """A keyset page of a listing; each listing subclasses it as `<Node>Connection` to say what it counts."""

    edges: list[Edge[N]]
    page_info: PageInfo
    total_count: int

    @classmethod
    def of(cls, page: Page[D] | None, node: Callable[[D], N]) -> Self:
        """The page's documents as nodes (`node` builds one), each with its cursor; empty for None."""
        edges = [Edge(cursor=encode_cursor(item.id), node=node(item)) for item in page.items] if page else []
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=bool(page and page.has_next_page),
                end_cursor=edges[-1].cursor if edges else None,
            ),
            total_count=page.total_count if page else 0,
        )
