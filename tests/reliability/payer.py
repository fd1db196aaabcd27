"""A child process for the reliability tests: pays, and says so once it is saved.

    python tests/reliability/payer.py DB storage RUN   # raw ledger transactions
    python tests/reliability/payer.py DB remit RUN     # 汇缴 by 李强, month by month
    python tests/reliability/payer.py fork-server      # forks a remit payer per line
    python tests/reliability/payer.py DB mixed RUN N   # remits, seals, sign-ups

Prints `ready` once the database is open, then one line per operation the moment
it has been confirmed (saved), flushed, so a parent that kills the process knows
exactly what must be on disk. The parent kills it at random moments.
"""

from __future__ import annotations

import os
import sys
import traceback
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
    # One write(2) of one short line: a pipe keeps it whole even when the process is
    # killed (print() may write the text and the newline separately).
    os.write(1, f"{line}\n".encode())


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
    month: YearMonth = account.paid_through
    say(f"ready {os.getpid()}")
    for _ in range(limit or 1_000_000):
        sim.set_clock(next_window(month))
        result = sim.remit()
        if not result:
            raise SystemExit(f"remit refused: {result.message}")
        month = month + 1
        say(f"paid {month}")


def resident_id(serial: int) -> str:
    """A valid 居民身份证 number (140105, born 1990-01-01), one per serial."""
    from state.ids import check_char

    first17 = f"14010519900101{serial:03d}"
    return first17 + check_char(first17)


def sign_up(sim, serial: int) -> bool:  # noqa: ANN001
    """Apply, open at the counter, get a code and register; True once registered."""
    from state.models import OpenAccountDraft
    from state.simulator import RegistrationForm

    number, phone = resident_id(serial), f"1590000{serial:04d}"
    day = sim.appointment_dates()[serial % 7]
    branches = (
        "小店分理处",
        "迎泽分理处",
        "杏花岭分理处",
        "尖草坪分理处",
        "晋源分理处",
    )
    slots = ("09:00-10:00", "10:00-11:00", "11:00-12:00", "14:00-15:00", "15:00-16:00")
    booked = None
    for branch in branches:
        for time in slots:
            draft = OpenAccountDraft(
                name="测试员", id_number=number, phone=phone, front_uploaded=True,
                back_uploaded=True, branch=branch, date=day.isoformat(), time=time,
            )  # fmt: skip
            booked = sim.apply_open_account(draft)
            if booked:
                break
        if booked:
            break
    if not booked or not sim.complete_appointment(booked.value.number):
        return False
    sent = sim.send_code(phone, "注册")
    if not sent:
        return False
    form = RegistrationForm(
        name="测试员", id_number=number, phone=phone, password="Cs123456",
        confirm="Cs123456", code=sent.value.code, terms=True,
    )  # fmt: skip
    return bool(sim.register(form))


def mixed(db: Database, run: int, count: int) -> None:
    """汇缴, 封存, 启封 (all 李强) and a registration per round, each confirmed."""
    sim = simulator(db, datetime(2026, 3, 10, 10, 0))
    sim.login_as(DEMO_PAYER)
    say("ready")
    for n in range(count):
        account = sim.current_account()
        assert account is not None and account.paid_through is not None
        sim.set_clock(next_window(account.paid_through))
        if sim.remit():
            say("remit")
        if sim.seal():
            say("seal")
        if sim.unseal():
            say("unseal")
        if sign_up(sim, run * 100 + n + 1):
            say("register")


def fork_server() -> None:
    """Read one database path a line; fork a 汇缴 payer on it; say `forked`, `dead`.

    Forking from this warmed-up process skips the interpreter start and the imports,
    so a test can kill hundreds of real payers in seconds.
    """
    import state.simulator  # noqa: F401  (imported once, before forking)

    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            # The payer never reads the commands meant for this server.
            os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
            try:
                remit_monthly(Database(Path(line.strip())))
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)  # never back into this loop
        say(f"forked {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"dead {pid} {status}")


def main(argv: list[str]) -> None:
    if argv == ["fork-server"]:
        fork_server()
        return
    path, mode, run = Path(argv[0]), argv[1], argv[2]
    db = Database(path)
    if mode == "storage":
        say("ready")
        pay_raw(db, run)
    elif mode == "remit":
        remit_monthly(db)
    elif mode == "mixed":
        mixed(db, int(run), int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
