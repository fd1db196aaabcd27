"""Typed access to the tables: pydantic records in, pydantic records out.

Writes only happen inside `db.transaction()` (the storage refuses others). Lists come
back in insertion order, which is the order things happened even when the trainer
moves the simulated clock backwards.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any, TypeVar

from pydantic import BaseModel
from tinydb import Query
from tinydb.queries import QueryLike
from tinydb.table import Table

from state import rows
from state.fileformat import APP_TABLE
from state.models import (
    Account,
    Appointment,
    AppState,
    AuditEvent,
    LedgerEntry,
    Person,
    SmsCode,
)
from state.storage import Database

APP, PEOPLE, ACCOUNTS = APP_TABLE, "people", "accounts"
APPOINTMENTS, LEDGER, AUDIT, SMS = "appointments", "ledger", "audit", "sms"
DATA_TABLES = (PEOPLE, ACCOUNTS, APPOINTMENTS, LEDGER, SMS)
"""What 重置演示数据 wipes (the audit log is kept: it records the reset too)."""

Record = TypeVar("Record", bound=BaseModel)


def _add_row(row: str) -> Callable[[MutableMapping[str, Any]], None]:
    def transform(doc: MutableMapping[str, Any]) -> None:
        doc["rows"] = [*doc["rows"], row]

    return transform


def _doc(record: BaseModel) -> dict[str, Any]:
    # exclude_none keeps the ledger's documents small at 10,000 entries.
    return record.model_dump(mode="json", exclude_none=True)


class Repo:
    """The simulator's tables as typed records."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _table(self, name: str) -> Table:
        return self.db.table(name)

    def _all(self, name: str, model: type[Record]) -> list[Record]:
        return [model.model_validate(doc) for doc in self._table(name).all()]

    def _upsert(self, name: str, record: BaseModel, key: str) -> None:
        # Every field is written (None too): upsert merges into the old document.
        doc = record.model_dump(mode="json")
        self._table(name).upsert(doc, Query()[key] == getattr(record, key))

    # --- the app's own state ---------------------------------------------

    def app(self) -> AppState:
        found = self._table(APP).get(doc_id=1)
        return AppState.model_validate(found) if found else AppState()

    def save_app(self, state: AppState) -> None:
        table = self._table(APP)
        # Every field is written (None too), so update() leaves nothing stale.
        doc = state.model_dump(mode="json")
        if table.contains(doc_id=1):
            table.update(doc, doc_ids=[1])
        else:
            table.insert(doc)

    # --- people and accounts ---------------------------------------------

    def people(self) -> list[Person]:
        return self._all(PEOPLE, Person)

    def person(self, id_number: str) -> Person | None:
        found = self._table(PEOPLE).get(Query().id_number == id_number)
        return Person.model_validate(found) if isinstance(found, dict) else None

    def save_person(self, person: Person) -> None:
        self._upsert(PEOPLE, person, "id_number")

    def accounts(self) -> list[Account]:
        return self._all(ACCOUNTS, Account)

    def account_for(self, id_number: str) -> Account | None:
        """The person's newest account (an older one may have been closed)."""
        found = self._table(ACCOUNTS).search(Query().id_number == id_number)
        return Account.model_validate(found[-1]) if found else None

    def save_account(self, account: Account) -> None:
        self._upsert(ACCOUNTS, account, "account_no")

    # --- appointments ------------------------------------------------------

    def appointments(self) -> list[Appointment]:
        return self._all(APPOINTMENTS, Appointment)

    def appointment(self, number: int) -> Appointment | None:
        found = self._table(APPOINTMENTS).get(Query().number == number)
        return Appointment.model_validate(found) if isinstance(found, dict) else None

    def save_appointment(self, appointment: Appointment) -> None:
        self._upsert(APPOINTMENTS, appointment, "number")

    # --- ledger, audit log and SMS ------------------------------------------

    def ledger(self, account_no: str | None = None) -> list[LedgerEntry]:
        """One account's entries (or every account's, account by account)."""
        entries: list[LedgerEntry] = []
        for doc in self._table(LEDGER).all():
            if account_no is None or doc["account_no"] == account_no:
                number = doc["account_no"]
                entries.extend(rows.ledger_entry(number, row) for row in doc["rows"])
        return entries

    def add_ledger(self, entry: LedgerEntry) -> None:
        self._append_row(
            LEDGER,
            Query().account_no == entry.account_no,
            {"account_no": entry.account_no},
            rows.ledger_row(entry),
        )

    def audit(self) -> list[AuditEvent]:
        found = self._table(AUDIT).get(doc_id=1)
        if found is None:
            return []
        return [rows.audit_event(row) for row in found["rows"]]

    def add_audit(self, event: AuditEvent) -> None:
        self._append_row(AUDIT, Query().rows.exists(), {}, rows.audit_row(event))

    def _append_row(
        self, name: str, match: QueryLike, key: dict[str, str], row: str
    ) -> None:
        table = self._table(name)
        if table.contains(match):
            # A new list, not an append in place: no reader may share the old one.
            table.update(_add_row(row), match)
        else:
            table.insert({**key, "rows": [row]})

    def sms(self) -> list[SmsCode]:
        return self._all(SMS, SmsCode)

    def add_sms(self, message: SmsCode) -> None:
        self._table(SMS).insert(_doc(message))

    def mark_sms_used(self, message: SmsCode) -> None:
        code = Query()
        match = (
            (code.phone == message.phone)
            & (code.purpose == message.purpose)
            & (code.code == message.code)
            & (code.sent_at == message.sent_at.isoformat())
        )
        self._table(SMS).update({"used": True}, match)

    def first_damaged(self) -> str | None:
        """Why a stored record cannot be read, for the first such one; else None."""
        readers: dict[str, Callable[[dict[str, Any]], object]] = {
            APP: AppState.model_validate,
            PEOPLE: Person.model_validate,
            ACCOUNTS: Account.model_validate,
            APPOINTMENTS: Appointment.model_validate,
            SMS: SmsCode.model_validate,
            LEDGER: lambda doc: [
                rows.ledger_entry(doc["account_no"], row) for row in doc["rows"]
            ],
            AUDIT: lambda doc: [rows.audit_event(row) for row in doc["rows"]],
        }
        for name, read in readers.items():
            for doc in self._table(name).all():
                try:
                    read(dict(doc))
                except (ValueError, KeyError, TypeError, AttributeError):
                    # pydantic's ValidationError is a ValueError.
                    return f"数据表 {name} 第 {doc.doc_id} 条记录无法读取"
        return None

    def clear(self, *names: str) -> None:
        for name in names:
            self._table(name).truncate()
