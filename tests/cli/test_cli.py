"""The gjj-sim command line: bad databases and bad flow files get clear messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def gjj_sim(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(cwd / "data"))
    return subprocess.run(
        [sys.executable, "-m", "tui_app", *args],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )  # fmt: skip


def test_a_damaged_database_is_named_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "gjj.json"
    db.write_text("{ this is not json", encoding="utf-8")
    done = gjj_sim("--db", str(db), cwd=tmp_path)
    assert done.returncode == 1
    assert str(db) in done.stderr
    assert "已损坏" in done.stderr
    aside = list(tmp_path.glob("gjj.json.damaged-*"))
    assert len(aside) == 1
    assert aside[0].read_text(encoding="utf-8") == "{ this is not json"
    assert "Traceback" not in done.stderr


def test_an_invalid_flow_file_exits_2_with_file_and_line(tmp_path: Path) -> None:
    flow = tmp_path / "bad.yaml"
    flow.write_text("name: 坏脚本\nsteps:\n  - tap: 同意\n  - fly: away\n", "utf-8")
    done = gjj_sim("run", str(flow), cwd=tmp_path)
    assert done.returncode == 2
    assert "bad.yaml:4" in done.stderr
    assert "fly" in done.stderr


def test_a_bad_clock_is_a_usage_error(tmp_path: Path) -> None:
    done = gjj_sim("--clock", "tomorrow", cwd=tmp_path)
    assert done.returncode == 2
    assert "invalid time 'tomorrow', expected YYYY-MM-DD HH:MM" in done.stderr
    assert "clock_arg" not in done.stderr
