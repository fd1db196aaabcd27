"""TinyDB storage that is safe to crash and to share between processes.

Every save writes a temporary file, fsyncs it and renames it over the database, so a
crash leaves either the old file or the new one. A transaction holds a cross-process
file lock from the read to the write, so two copies of the app on one file lose none
of each other's updates. A damaged file is moved aside, never overwritten.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from state.clock import beijing_wall_time
from state.fileformat import META_TABLE, SCHEMA_VERSION, misshapen_table

LOCK_TIMEOUT_SECONDS = 10

log = logging.getLogger(__name__)


class StorageError(Exception):
    """A database file that cannot be used; the message names the file."""


class DamagedDatabase(StorageError):
    """The file is not a database of ours; it has been moved aside to `moved_to`."""

    def __init__(self, path: Path, reason: str, moved_to: Path | None) -> None:
        self.path = path
        self.reason = reason
        self.moved_to = moved_to
        where = f"，已移至 {moved_to}" if moved_to else ""
        super().__init__(f"数据文件 {path} 已损坏（{reason}）{where}")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash leaves the old or the new file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


class AtomicJSONStorage(Storage):
    """A TinyDB storage over one JSON file, buffered inside a transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pending: dict[str, Any] | None = None
        self._dirty = False
        self._cache_key: tuple[int, int, int] | None = None
        self._cache: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._pending is not None:
            return self._pending
        return self._read_file()

    def write(self, data: dict[str, Any]) -> None:
        if self._pending is None:
            raise StorageError("a write outside a transaction")
        self._pending = data
        self._dirty = True

    def begin(self) -> None:
        # A fresh parse, not the cache: TinyDB updates documents in place, and a
        # rolled-back transaction must leave nothing behind.
        self._cache_key, self._cache = None, None
        self._pending = self._read_file() or {}
        self._cache_key, self._cache = None, None
        self._dirty = False

    def commit(self) -> None:
        data, dirty = self._pending, self._dirty
        self._pending, self._dirty = None, False
        if data is not None and dirty:
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            write_atomically(self.path, text)
            self._cache_key, self._cache = None, None

    def rollback(self) -> None:
        self._pending, self._dirty = None, False

    def _read_file(self) -> dict[str, Any] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        if key == self._cache_key and self._cache is not None:
            return self._copy_cache()
        if stat.st_size == 0:
            raise DamagedDatabase(self.path, "文件为空", None)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise DamagedDatabase(self.path, f"不是有效的JSON：{error}", None) from None
        if not isinstance(data, dict):
            raise DamagedDatabase(self.path, "内容不是数据表", None)
        misshapen = misshapen_table(data)
        if misshapen is not None:
            raise DamagedDatabase(self.path, f"数据表 {misshapen} 的格式不正确", None)
        self._cache_key, self._cache = key, data
        return self._copy_cache()

    def _copy_cache(self) -> dict[str, Any]:
        # Tables are copied so that a rolled-back transaction cannot leak into the
        # cache; documents inside are replaced, never mutated, by TinyDB.
        assert self._cache is not None
        return {name: dict(table) for name, table in self._cache.items()}

    def close(self) -> None:
        pass


class _Table(Table):
    """A table that keeps no query results: other processes write the same file."""

    def __init__(
        self,
        storage: Storage,
        name: str,
        cache_size: int = 0,
        persist_empty: bool = False,
    ) -> None:
        # TinyDB takes the cache size as an argument whose default is fixed when
        # Table is defined, so it must be passed here, not set on the class.
        super().__init__(storage, name, cache_size=0, persist_empty=persist_empty)


class Database:
    """The simulator's database file: tables, transactions and the schema version."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._check_folder()
        # Imported here: a launch draws its first page before it opens the file.
        from filelock import FileLock

        self.storage = AtomicJSONStorage(self.path)
        self.lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS)
        self._db = TinyDB(storage=lambda: self.storage)
        self._db.table_class = _Table
        self._depth = 0
        self._open()

    def _check_folder(self) -> None:
        folder = self.path.parent
        if folder.exists() and not folder.is_dir():
            # Checked here: the lock file below would fail with a bare OSError.
            raise StorageError(f"无法使用数据文件 {self.path}：{folder} 不是文件夹")
        if not folder.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                reason = error.strerror
                raise StorageError(
                    f"无法创建数据文件夹 {folder}（数据文件 {self.path}）：{reason}"
                ) from None
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise StorageError(f"数据文件 {self.path} 不可读写，请检查文件权限")
        if not os.access(folder, os.W_OK):
            raise StorageError(f"数据文件夹 {folder} 不可写，请检查文件夹权限")

    def _open(self) -> None:
        from filelock import Timeout

        try:
            with self.transaction():
                meta = self._db.table(META_TABLE)
                found = meta.get(doc_id=1)
                if found is None:
                    if any(name != META_TABLE for name in self._db.tables()):
                        raise DamagedDatabase(self.path, "缺少版本信息", None)
                    meta.insert({"schema_version": SCHEMA_VERSION})
                elif found.get("schema_version") != SCHEMA_VERSION:
                    version = found.get("schema_version")
                    reason = f"数据版本 {version} 不受支持"
                    raise DamagedDatabase(self.path, reason, None)
                self._remove_stray_temporary_files()
        except DamagedDatabase as damaged:
            raise self._move_aside(damaged) from None
        except Timeout:
            raise StorageError(f"数据文件 {self.path} 正被其他程序占用") from None

    def _remove_stray_temporary_files(self) -> None:
        # A process killed in the middle of a save leaves its temporary file behind.
        # Saves only write one while holding the lock, which is held here, so every
        # such file of this database is an orphan.
        pattern = re.compile(rf"\.{re.escape(self.path.name)}\.[a-z0-9_]{{8}}\.tmp")
        for stray in self.path.parent.iterdir():
            if pattern.fullmatch(stray.name):
                stray.unlink(missing_ok=True)
                log.warning("removed %s, left by a save that was cut short", stray)

    def reject(self, reason: str) -> DamagedDatabase:
        """Move the file aside for `reason`; returns the error to raise."""
        return self._move_aside(DamagedDatabase(self.path, reason, None))

    def _move_aside(self, damaged: DamagedDatabase) -> DamagedDatabase:
        # Named by the real (wall) time the file was found damaged, not the
        # simulated one: it is a fact about the file, read by a person later.
        stamp = beijing_wall_time().strftime("%Y%m%d-%H%M%S")
        base = f"{self.path.name}.damaged-{stamp}"
        target = self.path.with_name(base)
        number = 1
        while target.exists():
            # A second damaged file within the same second must not replace the first.
            number += 1
            target = self.path.with_name(f"{base}-{number}")
        moved: Path | None = target
        try:
            os.replace(self.path, target)
        except OSError:
            moved = None
        log.error("damaged database %s moved to %s", self.path, moved)
        return DamagedDatabase(self.path, damaged.reason, moved)

    @contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Hold the file lock, read once, write once at the end (or not at all)."""
        if self._depth:
            self._depth += 1
            try:
                yield self._db
            finally:
                self._depth -= 1
            return
        with self.lock:
            self._depth = 1
            self.storage.begin()
            self._forget_next_ids()
            try:
                yield self._db
            except BaseException:
                self.storage.rollback()
                raise
            else:
                self.storage.commit()
            finally:
                self._depth = 0

    def _forget_next_ids(self) -> None:
        # TinyDB remembers each table's next document id between calls; another
        # process (or a rolled-back transaction) may have changed the file since,
        # so the id is worked out afresh from the data just read.
        for table in self._db._tables.values():
            table._next_id = None

    def table(self, name: str) -> Table:
        """A table for reading (or for writing inside a transaction)."""
        return self._db.table(name)
