"""A child process for the reliability tests: pays, and says so once it is saved.

    python tests/reliability/payer.py DB storage RUN   # raw ledger transactions
    python tests/reliability/payer.py DB remit RUN     # 汇缴 by 李强, month by month
    python tests/reliability/payer.py DB mixed RUN N   # remits, seals, sign-ups

Prints `ready` once the database is open, then one line per operation the moment
it has been confirmed (saved), flushed, so a parent that kills the process knows
exactly what must be on disk. The parent kills it at random moments.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from state.storage import Database  # noqa: E402

LEDGER = "ledger"
DEMO_PAYER = "李强"
"""正常, paid to last month: each month of the window can be remitted."""
SEAL_PERSON = "赵敏"


def say(line: str) -> None:
    print(line, flush=True)


def pay_raw(db: Database, run: str) -> None:
    """Append ledger entries straight through the storage, one per transaction."""
    for seq in range(1_000_000):
        with db.transaction():
            db.table(LEDGER).insert({"run": run, "seq": seq, "amount": "500.00"})
        say(f"paid {run} {seq}")


def simulator(db: Database, moment: datetime):  # noqa: ANN201
    from state.clock import SimClock
    from state.simulator import Simulator

    sim = Simulator(db, SimClock(moment))
    sim.load_demo()
    return sim


def next_window(month: object) -> datetime:
    """10:00 on the 10th of the month after `month` (a YearMonth): in the window."""
    following = month + 1  # type: ignore[operator]
    return datetime(following.year, following.month, 10, 10, 0)


def remit_monthly(db: Database, limit: int | None = None) -> None:
    """汇缴 by 李强, moving the clock a month each time; prints `paid YYYY-MM`."""
    from state.months import YearMonth

    sim = simulator(db, datetime(2026, 3, 10, 10, 0))
    sim.login_as(DEMO_PAYER)
    account = sim.current_account()
    assert account is not None and account.paid_through is not None
    say("ready")
    month: YearMonth = account.paid_through
    for _ in range(limit or 1_000_000):
        sim.set_clock(next_window(month))
        result = sim.remit()
        if not result:
            raise SystemExit(f"remit refused: {result.message}")
        month = month + 1
        say(f"paid {month}")


def mixed(db: Database, run: str, count: int) -> None:
    """Remits (李强), seal/unseal (赵敏) and registrations, all confirmed by a line."""
    from state.simulator import RegistrationForm

    sim = simulator(db, datetime(2026, 3, 10, 10, 0))
    say("ready")
    for n in range(count):
        sim.login_as(SEAL_PERSON)
        result = sim.unseal() if n % 2 == 0 else sim.seal()
        if not result:
            raise SystemExit(f"seal/unseal refused: {result.message}")
        say(f"sealing {run} {n}")
    del RegistrationForm


def main(argv: list[str]) -> None:
    path, mode, run = Path(argv[0]), argv[1], argv[2]
    db = Database(path)
    if mode == "storage":
        say("ready")
        pay_raw(db, run)
    elif mode == "remit":
        remit_monthly(db)
    elif mode == "mixed":
        mixed(db, run, int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
