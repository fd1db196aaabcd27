"""What every rule needs for one call: the tables, the profile and a fixed "now"."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime

from state.models import Account, AuditEvent, Person
from state.months import YearMonth
from state.profile import Profile
from state.repo import Repo


@dataclass
class Ctx:
    """One call's view of the world; `now` is read once so every rule agrees."""

    repo: Repo
    profile: Profile
    now: datetime
    rng: random.Random

    @property
    def today(self) -> date:
        return self.now.date()

    @property
    def month(self) -> YearMonth:
        return YearMonth.of(self.now)

    def user(self) -> Person | None:
        """The logged-in person, if any."""
        id_number = self.repo.app().user
        return self.repo.person(id_number) if id_number else None

    def user_account(self) -> Account | None:
        id_number = self.repo.app().user
        return self.repo.account_for(id_number) if id_number else None

    def audit(self, id_number: str, action: str, detail: str = "") -> None:
        """Record a change of state with the simulated time."""
        event = AuditEvent(
            at=self.now, id_number=id_number, action=action, detail=detail
        )
        self.repo.add_audit(event)
