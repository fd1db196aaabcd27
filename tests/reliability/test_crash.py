"""Killed at any moment, the database still loads and keeps every confirmed payment.

A child process (tests/reliability/payer.py) pays and prints a line for each payment
once it is saved; the parent sends SIGKILL at random moments, then opens the file as
the app would and looks for every payment confirmed before the kill.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

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
        assert first == "ready\n", first + child.stderr.read()  # type: ignore[union-attr]
        time.sleep(rng.uniform(0, 0.08))
    os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"the payer stopped by itself:\n{err}"
    return [line for line in out.splitlines() if line.startswith("paid ")]


def stray_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_raw_ledger_saves_survive_sigkill(tmp_path: Path) -> None:
    """Straight storage transactions: 120 kills over 6 files, nothing confirmed lost."""
    rng = random.Random(1)
    kills = 0
    for batch in range(6):
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
    assert kills == 120
    assert not stray_files(tmp_path), "temporary files of killed saves were left"
