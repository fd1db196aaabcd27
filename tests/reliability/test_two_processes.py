"""Two copies of the simulator on one file at once lose none of each other's work.

Two payer processes (tests/reliability/payer.py, mode `mixed`) each run rounds of
汇缴, 封存 and 启封 for 李强 and a full sign-up (apply, counter, code, 注册) of a new
person, printing a line for every operation the simulator confirmed. Afterwards the
ledger and the audit log hold exactly the confirmed operations of both.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

from state.clock import SimClock
from state.repo import Repo
from state.simulator import Simulator
from state.storage import Database

PAYER = Path(__file__).with_name("payer.py")
LI_QIANG = "140105199003071234"
ROUNDS = 12


def test_two_processes_keep_every_confirmed_operation(tmp_path: Path) -> None:
    path = tmp_path / "shared.json"
    Simulator(Database(path), SimClock(datetime(2026, 3, 10, 10, 0))).load_demo()
    start = Repo(Database(path))
    before = start.audit()
    account_no = start.account_for(LI_QIANG).account_no  # type: ignore[union-attr]
    history = len(start.ledger(account_no))

    workers = [
        subprocess.Popen(
            [sys.executable, str(PAYER), str(path), "mixed", str(run), str(ROUNDS)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for run in (1, 2)
    ]
    confirmed: Counter[str] = Counter()
    for worker in workers:
        out, err = worker.communicate(timeout=120)
        assert worker.returncode == 0, err
        confirmed.update(line for line in out.splitlines() if line != "ready")

    repo = Repo(Database(path))
    account = repo.account_for(LI_QIANG)
    assert account is not None
    ledger = repo.ledger(account.account_no)
    remits = [entry for entry in ledger[history:] if entry.kind == "汇缴"]
    assert len(remits) == confirmed["remit"]
    paid = [entry for entry in ledger if entry.kind == "汇缴"]
    months = [month for entry in paid for month in entry.months]
    assert len(months) == len(set(months)), "one month paid twice"
    assert account.balance == ledger[-1].balance

    new_events = repo.audit()[len(before) :]
    by_action = Counter(
        event.action for event in new_events if event.id_number == LI_QIANG
    )
    assert by_action["封存"] == confirmed["seal"]
    assert by_action["启封"] == confirmed["unseal"]
    registered = [event for event in new_events if event.action == "注册"]
    assert len(registered) == confirmed["register"] == 2 * ROUNDS
    signed_up = [p for p in repo.people() if p.name == "测试员" and p.password]
    assert len(signed_up) == 2 * ROUNDS
    # Both really ran side by side and both got work done.
    assert confirmed["remit"] >= 2 and confirmed["seal"] >= 2
