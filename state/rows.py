"""Compact text rows for the two tables that grow without end: ledger and audit log.

A JSON object per entry made a save at 10,000 entries cost several times more to
parse and write than one string per entry, so each is kept as a `|`-separated row
(the free-text part last, so it may contain anything).
"""

from __future__ import annotations

from datetime import datetime

from state.models import AuditEvent, LedgerEntry

SEP = "|"


def ledger_row(entry: LedgerEntry) -> str:
    """`2026-03-10T09:30:00|汇缴|2026-03|500.00|6500.00`."""
    dumped = entry.model_dump(mode="json")
    months = ",".join(dumped["months"])
    fields = (dumped["at"], dumped["kind"], months, dumped["amount"], dumped["balance"])
    return SEP.join(fields)


def ledger_entry(account_no: str, row: str) -> LedgerEntry:
    at, kind, months, amount, balance = row.split(SEP)
    return LedgerEntry(
        account_no=account_no,
        at=datetime.fromisoformat(at),
        kind=kind,  # type: ignore[arg-type]
        months=months.split(",") if months else [],  # type: ignore[arg-type]
        amount=amount,  # type: ignore[arg-type]
        balance=balance,  # type: ignore[arg-type]
    )


def audit_row(event: AuditEvent) -> str:
    """`2026-03-10T09:30:00|140105199003071234|汇缴|缴至年月：2026-03 …`."""
    return SEP.join((event.at.isoformat(), event.id_number, event.action, event.detail))


def audit_event(row: str) -> AuditEvent:
    at, id_number, action, detail = row.split(SEP, 3)
    return AuditEvent(
        at=datetime.fromisoformat(at), id_number=id_number, action=action, detail=detail
    )
