"""Bad database paths through the real command: a clear message, nothing overwritten.

Each case runs `python -m tui_app --db FILE` in a subprocess with its own data folder
(XDG_DATA_HOME). A damaged file stops the launch with exit status 1, a Chinese message
naming the file, and the original bytes kept in the file it was moved aside to.
"""

from __future__ import annotations

import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from fcntl import ioctl
from pathlib import Path

import pytest

from state.storage import Database

ROOT = Path(__file__).resolve().parents[2]


def environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"), TERM="xterm-256color")
    env.pop("GJJ_SIM_DB", None)
    return env


def gjj_sim(tmp_path: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui_app", "--db", str(db)],
        capture_output=True, text=True, cwd=ROOT, env=environment(tmp_path),
        stdin=subprocess.DEVNULL, timeout=60,
    )  # fmt: skip


def a_real_database(path: Path) -> bytes:
    db = Database(path)
    with db.transaction():
        for n in range(20):
            db.table("ledger").insert({"n": n, "kind": "汇缴", "amount": "500.00"})
    data = path.read_bytes()
    path.unlink()
    Path(str(path) + ".lock").unlink(missing_ok=True)
    return data


def truncated(path: Path) -> bytes:
    data = a_real_database(path)
    return data[: len(data) // 2]


def other_version(path: Path) -> bytes:
    data = json.loads(a_real_database(path))
    data["_meta"]["1"]["schema_version"] = 2
    return json.dumps(data, ensure_ascii=False).encode()


def demo_with(path: Path, table: str, doc_id: str, field: str, value: object) -> bytes:
    """A database with the demo loaded and one stored field spoiled."""
    from datetime import datetime

    from state.clock import SimClock
    from state.simulator import Simulator

    Simulator(Database(path), SimClock(datetime(2026, 3, 10, 9, 30))).load_demo()
    data = json.loads(path.read_text(encoding="utf-8"))
    data[table][doc_id][field] = value
    path.unlink()
    Path(str(path) + ".lock").unlink(missing_ok=True)
    return json.dumps(data, ensure_ascii=False).encode()


META = '"_meta": {"1": {"schema_version": 1}}'


def assert_refused_and_kept(
    done: subprocess.CompletedProcess[str], db: Path, content: bytes, reason: str
) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"无法打开数据文件：数据文件 {db} 已损坏" in done.stderr
    assert reason in done.stderr
    assert not db.exists(), "a new file was written in place of the damaged one"
    aside = sorted(db.parent.glob(f"{db.name}.damaged-*"))
    assert len(aside) == 1
    assert str(aside[0]) in done.stderr, "the message says where the file went"
    assert aside[0].read_bytes() == content


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: b"", "文件为空"),
        (truncated, "不是有效的JSON"),
        (lambda path: "这不是JSON，是一段说明文字".encode(), "不是有效的JSON"),
        (lambda path: b"\x00\x01\x02\xff" * 64, "不是有效的JSON"),
        (lambda path: b'"just a string"', "内容不是数据表"),
        (other_version, "数据版本 2 不受支持"),
        (lambda path: b'{"people": {"1": {"name": "x"}}}', "缺少版本信息"),
        (lambda path: f'{{{META}, "people": 5}}'.encode(), "数据表 people 的格式"),
        (lambda path: f'{{{META}, "accounts": [1, 2]}}'.encode(), "数据表 accounts"),
        (
            lambda path: demo_with(path, "people", "1", "id_number", None),
            "数据表 people 第 1 条记录无法读取",
        ),
        (
            lambda path: demo_with(path, "accounts", "2", "monthly_amount", "很多"),
            "数据表 accounts 第 2 条记录无法读取",
        ),
    ],
    ids=[
        "empty",
        "truncated",
        "not-json",
        "binary",
        "json-string",
        "version-2",
        "no-meta",
        "table-not-a-mapping",
        "table-a-list",
        "person-without-id",
        "amount-not-a-number",
    ],
)
def test_a_damaged_file_stops_the_launch_and_is_kept(
    tmp_path: Path, make, reason: str
) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "班组" / "gjj.json"
    db.parent.mkdir()
    content = make(db)
    db.write_bytes(content)
    assert_refused_and_kept(gjj_sim(tmp_path, db), db, content, reason)


def test_two_damaged_launches_in_one_second_keep_both_files(tmp_path: Path) -> None:
    db = tmp_path / "gjj.json"
    for content in (b"first damaged", b"second damaged"):
        db.write_bytes(content)
        with pytest.raises(Exception, match="已损坏"):
            Database(db)
    kept = {p.read_bytes() for p in tmp_path.glob("gjj.json.damaged-*")}
    assert kept == {b"first damaged", b"second damaged"}


def test_a_path_under_a_file_is_refused_naming_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_bytes(b"a file where a folder should be")
    db = blocker / "gjj.json"
    done = gjj_sim(tmp_path, db)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"无法打开数据文件：无法使用数据文件 {db}" in done.stderr
    assert "不是文件夹" in done.stderr
    assert blocker.read_bytes() == b"a file where a folder should be"


def test_a_path_two_levels_under_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_bytes(b"x")
    db = blocker / "sub" / "gjj.json"
    done = gjj_sim(tmp_path, db)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert str(db) in done.stderr and "无法创建数据文件夹" in done.stderr
    assert blocker.read_bytes() == b"x"


def launch_in_terminal(
    tmp_path: Path, db: Path, seconds: float = 20
) -> tuple[int, str]:
    """Run the app on a pseudo-terminal until it has drawn, then Ctrl+Q."""
    master, slave = pty.openpty()
    ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-m", "tui_app", "--db", str(db)],
        stdin=slave, stdout=slave, stderr=slave, cwd=ROOT,
        env=environment(tmp_path), close_fds=True,
    )  # fmt: skip
    os.close(slave)
    output = b""
    deadline = time.monotonic() + seconds
    quit_sent = False
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                output += chunk
            if not quit_sent and "用户协议".encode() in output:
                time.sleep(0.3)
                os.write(master, b"\x11")  # Ctrl+Q
                quit_sent = True
            if child.poll() is not None:
                break
        code = child.wait(timeout=max(1.0, deadline - time.monotonic()))
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        os.close(master)
    return code, output.decode("utf-8", "replace")


def test_a_missing_folder_is_created_and_the_app_starts(tmp_path: Path) -> None:
    db = tmp_path / "新建" / "二级" / "gjj.json"
    code, shown = launch_in_terminal(tmp_path, db)
    assert "Traceback" not in shown
    assert "用户协议" in shown, "the first page was never drawn"
    assert code == 0, shown[-2000:]
    assert db.exists()
    Database(db)  # what it saved loads again
