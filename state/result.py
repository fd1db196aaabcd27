"""The outcome of a domain operation: done, or refused with the app's message."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Result:
    ok: bool
    message: str = ""
    """The exact Chinese text the app shows (success or refusal)."""
    value: Any = None

    @classmethod
    def done(cls, message: str = "", value: Any = None) -> Result:
        return cls(True, message, value)

    @classmethod
    def refused(cls, message: str) -> Result:
        return cls(False, message)

    def __bool__(self) -> bool:
        return self.ok
