"""Killed at any moment, the database still loads and keeps every confirmed payment.

A child process (tests/reliability/payer.py) pays and prints a line for each payment
once it is saved; the parent sends SIGKILL at random moments, then opens the file as
the app would and looks for every payment confirmed before the kill.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from state.models import Account, LedgerEntry
from state.repo import Repo
from state.storage import Database

PAYER = Path(__file__).with_name("payer.py")


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(PAYER), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def kill_at_random(child: subprocess.Popen[str], rng: random.Random) -> list[str]:
    """Wait for `ready` (or not, now and then), SIGKILL, return the confirmed lines."""
    assert child.stdout is not None
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0, 0.15))  # during start-up, even the first save
    else:
        first = child.stdout.readline()
        assert first.startswith("ready"), first + child.stderr.read()  # type: ignore
        time.sleep(rng.uniform(0, 0.08))
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"the payer stopped by itself:\n{err}"
    return [line for line in out.splitlines() if line.startswith("paid ")]


def stray_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_raw_ledger_saves_survive_sigkill(tmp_path: Path) -> None:
    """Straight storage transactions: 80 kills over 4 files, nothing confirmed lost."""
    rng = random.Random(1)
    kills = 0
    for batch in range(4):
        path = tmp_path / f"raw{batch}.json"
        confirmed: set[tuple[str, int]] = set()
        for run in range(20):
            lines = kill_at_random(spawn(str(path), "storage", f"r{run}"), rng)
            kills += 1
            confirmed |= {(words[1], int(words[2])) for words in map(str.split, lines)}
            if not path.exists():
                assert not confirmed
                continue
            rows = Database(path).table("ledger").all()
            stored = [(row["run"], row["seq"]) for row in rows]
            assert len(stored) == len(set(stored)), "an entry was saved twice"
            missing = confirmed - set(stored)
            assert not missing, f"lost after kill {kills}: {sorted(missing)[:5]}"
            # Nothing unconfirmed beyond the one save the kill may have cut short.
            assert len(set(stored) - confirmed) <= run + 1
    assert kills == 80
    assert not stray_files(tmp_path), "temporary files of killed saves were left"


LI_QIANG = "140105199003071234"


class ForkServer:
    """payer.py's fork server, read by a thread so that no read can hang the test."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(PAYER), "fork-server"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def next_line(self) -> str:
        try:
            return self.lines.get(timeout=30)
        except queue.Empty:
            raise AssertionError("the fork server said nothing for 30 s") from None

    def kill_payer(self, db: Path, rng: random.Random) -> list[str]:
        """Fork a 汇缴 payer on `db`, SIGKILL it; the months it confirmed."""
        assert self.process.stdin is not None
        self.process.stdin.write(f"{db}\n")
        self.process.stdin.flush()
        early = rng.random() < 0.15  # while the file is created and the demo loaded
        said: list[str] = []
        while not (
            any(line.startswith("forked") for line in said)
            and (early or any(line.startswith("ready") for line in said))
        ):
            said.append(self.next_line())
            assert not said[-1].startswith("dead"), f"the payer failed: {said}"
        pid = int(next(line for line in said if "forked" in line).split()[1])
        time.sleep(rng.uniform(0, 0.02) if early else rng.uniform(0, 0.2))
        os.kill(pid, signal.SIGKILL)
        while not said[-1].startswith(f"dead {pid} "):
            try:
                said.append(self.next_line())
            except AssertionError:
                raise AssertionError(f"no end of payer {pid}: {said[-4:]}") from None
        status = int(said[-1].split()[2])
        assert os.WIFSIGNALED(status), f"the payer stopped by itself: {said[-3:]}"
        return [line.split()[1] for line in said if line.startswith("paid ")]

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(30)


def remits_of(path: Path) -> tuple[list[LedgerEntry], Account | None]:
    repo = Repo(Database(path))
    account = repo.account_for(LI_QIANG)
    return (repo.ledger(account.account_no) if account else []), account


def test_remits_by_the_simulator_survive_sigkill(tmp_path: Path) -> None:
    """汇缴 month after month through Simulator.remit: 150 kills over 6 files."""
    rng = random.Random(2)
    server = ForkServer()
    kills = 0
    try:
        for batch in range(6):
            path = tmp_path / f"remit{batch}.json"
            confirmed: set[str] = set()
            for _ in range(25):
                confirmed |= set(server.kill_payer(path, rng))
                kills += 1
                if not path.exists():
                    assert not confirmed
                    continue
                ledger, account = remits_of(path)
                if account is None:  # killed before the demo people were saved
                    assert not confirmed
                    continue
                months = [str(m) for e in ledger if e.kind == "汇缴" for m in e.months]
                assert len(months) == len(set(months)), "a month was paid twice"
                assert not confirmed - set(months), f"lost after kill {kills}"
                if ledger:
                    # The account and its ledger were saved together.
                    assert account.balance == ledger[-1].balance
                if months:
                    assert str(account.paid_through) == max(months)
            assert len(confirmed) > 10, "too few payments to mean anything"
    finally:
        server.close()
    assert kills == 150
    assert not stray_files(tmp_path)
