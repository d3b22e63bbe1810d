"""Expected failures are data: use cases return them as `UserError`s that the schema turns into
each payload's typed `userErrors`.

Each domain declares its codes once, as a `StrEnum` next to its use cases (`PostErrorCode`,
`MediaErrorCode` …); the schema generates every GraphQL error-code enum from those classes, so a code
can only be raised if the API can say it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from resolvers.codes import AccessErrorCode


@dataclass(frozen=True, slots=True)
class UserError:
    """One thing the caller must fix."""

    code: StrEnum
    message: str
    field: tuple[str, ...] = ()


class Rejected(Exception):
    """Raised inside a use case to stop with these errors; nothing has been written yet."""

    def __init__(self, errors: Sequence[UserError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = list(errors)


def reject(code: StrEnum, message: str, *field: str) -> Rejected:
    """A `Rejected` carrying one error."""
    return Rejected([UserError(code, message, tuple(field))])


def not_found(code: AccessErrorCode, *field: str) -> Rejected:
    """The answer for a missing object and for one in a workspace the caller cannot see alike."""
    what = code.removesuffix("_NOT_FOUND").lower()
    return reject(code, f"No {what} with this id.", *field)
