"""A save stays quick when the ledger and the audit log have grown to 10,000 entries."""

from __future__ import annotations

import time
from datetime import datetime

from state.models import AuditEvent, LedgerEntry
from state.months import YearMonth
from state.rows import audit_row, ledger_row
from tests.state.conftest import MakeSim

ENTRIES = 10_000
BUDGET_SECONDS = 0.100


def test_a_save_at_10000_ledger_entries_is_under_100_ms(make_sim: MakeSim) -> None:
    sim = make_sim(login="李强")
    entry = LedgerEntry(
        account_no="10100000001",
        at=datetime(2026, 3, 10, 9, 30),
        kind="汇缴",
        months=[YearMonth(2026, 3)],
        amount="500.00",  # type: ignore[arg-type]
        balance="6500.00",  # type: ignore[arg-type]
    )
    event = AuditEvent(at=entry.at, id_number="140105199003071234", action="汇缴")
    with sim.db.transaction():
        # Written directly: the rows as the repository stores them, in bulk.
        sim.db.table("ledger").insert(
            {"account_no": "10100009999", "rows": [ledger_row(entry)] * ENTRIES}
        )
        sim.db.table("audit").update({"rows": [audit_row(event)] * ENTRIES})
    assert len(sim.repo.ledger("10100009999")) == ENTRIES

    timings = []
    for operation in (sim.seal, sim.unseal, sim.seal):
        started = time.perf_counter()
        assert operation().ok
        timings.append(time.perf_counter() - started)
    assert min(timings) < BUDGET_SECONDS, timings
