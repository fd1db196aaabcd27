"""Assessment results: who sat which lesson, whether they passed, and how it went.

Stored in the `assessments` table of the simulator's database, one record per lesson
sat; `gjj-sim report` lists them.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from state.storage import Database

TABLE = "assessments"


class Assessment(BaseModel):
    """One lesson sat by one trainee in assessment mode."""

    trainee: str
    lesson_number: int
    lesson: str
    passed: bool
    gave_up: bool = False
    seconds: float
    refusals: int = 0
    """Refusal notifications the trainee met (`账户已封存，请先办理启封`, …)."""
    wrong_actions: int = 0
    """Controls used that the lesson's route does not use, and steps back."""
    reason: str = ""
    """Why the goal did not hold, in English (empty when passed)."""
    finished_at: datetime
    """Real (not simulated) time of 交卷 or 放弃."""


def save_assessment(db: Database, record: Assessment) -> None:
    with db.transaction() as tables:
        tables.table(TABLE).insert(record.model_dump(mode="json"))


def list_assessments(db: Database, trainee: str | None = None) -> list[Assessment]:
    """Every stored result, oldest first; only `trainee`'s when given."""
    records = [Assessment.model_validate(doc) for doc in db.table(TABLE).all()]
    if trainee is not None:
        records = [record for record in records if record.trainee == trainee]
    return sorted(records, key=lambda record: record.finished_at)
