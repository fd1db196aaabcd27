"""The database file: atomic saves, transactions, locking and damaged files."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from state.storage import SCHEMA_VERSION, DamagedDatabase, Database, StorageError


def test_a_new_file_carries_the_schema_version(tmp_path: Path) -> None:
    Database(tmp_path / "db.json")
    stored = json.loads((tmp_path / "db.json").read_text())
    assert stored["_meta"]["1"]["schema_version"] == SCHEMA_VERSION


def test_a_transaction_saves_once_at_the_end(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.json")
    with db.transaction():
        db.table("people").insert({"name": "李强"})
        db.table("people").insert({"name": "王芳"})
        assert "王芳" not in (tmp_path / "db.json").read_text()
    names = [row["name"] for row in db.table("people").all()]
    assert names == ["李强", "王芳"]


def test_a_failed_transaction_leaves_the_file_byte_for_byte(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.json")
    with db.transaction():
        db.table("people").insert({"name": "李强", "phone": "13812340001"})
    before = (tmp_path / "db.json").read_bytes()
    with pytest.raises(RuntimeError), db.transaction():
        db.table("people").update({"phone": "13900000000"})
        raise RuntimeError("refused")
    assert (tmp_path / "db.json").read_bytes() == before
    assert db.table("people").all()[0]["phone"] == "13812340001"


def test_no_temporary_files_are_left_behind(tmp_path: Path) -> None:
    db = Database(tmp_path / "db.json")
    for n in range(5):
        with db.transaction():
            db.table("t").insert({"n": n})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json", "db.json.lock"]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "文件为空"),
        (b'{"_meta": {"1": {"schema_version": 1}}, "peo', "不是有效的JSON"),
        (b"not json at all", "不是有效的JSON"),
        (b"[1, 2, 3]", "内容不是数据表"),
        (b'{"_meta": {"1": {"schema_version": 99}}}', "数据版本 99 不受支持"),
        (b"\xff\xfe\x00garbage", "不是有效的JSON"),
    ],
)
def test_a_damaged_file_is_named_and_moved_aside(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "db.json"
    path.write_bytes(content)
    with pytest.raises(DamagedDatabase) as raised:
        Database(path)
    assert str(path) in str(raised.value)
    assert reason in str(raised.value)
    moved = raised.value.moved_to
    assert moved is not None and moved.read_bytes() == content
    assert not path.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_a_read_only_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    Database(path)
    path.chmod(0o444)
    with pytest.raises(StorageError, match="不可读写"):
        Database(path)


def test_a_folder_that_cannot_be_made_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="无法创建数据文件夹"):
        Database(blocker / "sub" / "db.json")


def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    Database(tmp_path / "new" / "folder" / "db.json")
    assert (tmp_path / "new" / "folder" / "db.json").exists()


def _count_up(path: str, times: int) -> None:
    db = Database(Path(path))
    for _ in range(times):
        with db.transaction():
            table = db.table("counter")
            row = table.get(doc_id=1)
            if row is None:
                table.insert({"n": 1})
            else:
                table.update({"n": row["n"] + 1}, doc_ids=[1])


def test_a_search_sees_what_another_copy_saved_since(tmp_path: Path) -> None:
    """A query answered before another copy wrote is never answered from memory."""
    from tinydb import Query

    mine, theirs = Database(tmp_path / "db.json"), Database(tmp_path / "db.json")
    with mine.transaction():
        mine.table("accounts").insert({"id": "1", "paid": "2026-02"})
    paid = Query().id == "1"
    assert mine.table("accounts").search(paid)[0]["paid"] == "2026-02"
    with theirs.transaction():
        theirs.table("accounts").update({"paid": "2026-03"}, paid)
    assert mine.table("accounts").search(paid)[0]["paid"] == "2026-03"
    with mine.transaction():
        assert mine.table("accounts").search(paid)[0]["paid"] == "2026-03"


def test_two_processes_lose_none_of_each_others_writes(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    Database(path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_count_up, args=(str(path), 50)) for _ in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert all(worker.exitcode == 0 for worker in workers)
    assert Database(path).table("counter").get(doc_id=1)["n"] == 100
