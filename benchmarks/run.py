"""gjj-sim against a bare Textual app: first screen, key to screen, memory, saves.

    make bench        # or: .venv/bin/python benchmarks/run.py [--quick]

Each figure is measured in a fresh subprocess (so imports and memory are not shared),
printed with its ratio to the bare app (benchmarks/bare.py) and checked against the
targets: first screen ≤ 1.3× bare, key to screen median ≤ 1.25×, peak memory ≤ 2×,
a save at 10,000 ledger entries ≤ 100 ms. Exit status 1 when a target is missed.

gjj-sim is started as `gjj-sim` starts it: from a `Startup` read off the file, with
the simulator built once the first page is on the screen.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # before any import of Textual or of the app

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

SIZE = (100, 36)
CLOCK = "2026-03-10 09:30"
LI_QIANG = "140105199003071234"


# --- helpers run inside the child processes -----------------------------------------


def watch_screens() -> list[tuple[object, float]]:
    """Record (screen, time) each time a screen has resumed and then refreshed."""
    from textual.screen import Screen

    seen: list[tuple[object, float]] = []
    resume = Screen._on_screen_resume

    def resumed(self: Screen[object], event: object) -> None:
        resume(self, event)  # type: ignore[arg-type]
        self.call_after_refresh(lambda: seen.append((self, time.perf_counter())))

    Screen._on_screen_resume = resumed  # type: ignore[method-assign]
    return seen


def make_app(kind: str, db: str | None):  # noqa: ANN201
    if kind == "bare":
        from bare import BareApp

        return BareApp()
    from state.startup import Startup
    from tui_app.app import GjjApp

    # As `gjj-sim` launches: the first page first, then the simulator.
    return GjjApp(Startup.read(Path(db or ""), CLOCK))


def first_page(kind: str) -> type:
    if kind == "bare":
        from bare import Page

        return Page
    from screens.base import PhoneScreen

    return PhoneScreen


async def until(condition, timeout: float = 30) -> None:  # noqa: ANN001
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the screen never refreshed")
        await asyncio.sleep(0.0005)


async def first_screen(kind: str, db: str | None) -> dict[str, float]:
    """Start the app headless; the time until its first page has refreshed."""
    seen = watch_screens()
    app = make_app(kind, db)
    page = first_page(kind)
    async with app.run_test(size=SIZE):
        await until(lambda: any(isinstance(s, page) for s, _ in seen))
        shown = next(t for s, t in seen if isinstance(s, page))
    return {
        "first_screen": shown - STARTED,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


async def key_to_screen(kind: str, db: str | None, presses: int) -> dict[str, object]:
    """Enter on a button that opens a page; the time until that page has refreshed."""
    seen = watch_screens()
    app = make_app(kind, db)
    timings: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if kind == "bare":
            button = "#next"
        else:
            from screens.login import LoginScreen

            app.open(LoginScreen())
            button = "#face-login"
        await pilot.pause()
        start_page = app.screen
        for _ in range(presses):
            app.screen.query_one(button).focus()
            await pilot.pause()
            seen.clear()
            pressed = time.perf_counter()
            await pilot.press("enter")
            await until(lambda: any(s is not start_page for s, _ in seen))
            timings.append(next(t for s, t in seen if s is not start_page) - pressed)
            await pilot.press("escape")
            await until(lambda: app.screen is start_page)
    return {"timings": timings}


def save_time(entries: int, repeats: int = 7) -> dict[str, object]:
    """汇缴 by 李强 (one ledger entry and its account, one save) on a file holding N."""
    from state.clock import SimClock, parse_clock
    from state.models import LedgerEntry
    from state.simulator import Simulator
    from state.storage import Database

    folder = Path(tempfile.mkdtemp(prefix="gjj-bench-"))
    sim = Simulator(Database(folder / "bench.json"), SimClock(parse_clock(CLOCK)))
    sim.load_demo()
    sim.login_as("李强")
    account = sim.current_account()
    assert account is not None and account.paid_through is not None
    with sim.db.transaction():
        for n in range(entries - len(sim.repo.ledger())):
            sim.repo.add_ledger(
                LedgerEntry(
                    account_no="99999999999",
                    at=datetime(2020, 1, 1, 10, n % 60),
                    kind="汇缴",
                    months=[],
                    amount="500.00",
                    balance="500.00",
                )  # fmt: skip
            )
    month = account.paid_through
    timings = []
    for _ in range(repeats):
        month = month + 1
        sim.set_clock(datetime(month.year, month.month, 10, 10, 0))
        began = time.perf_counter()
        result = sim.remit()
        timings.append(time.perf_counter() - began)
        assert result, result.message
    began = time.perf_counter()
    assert sim.repo.first_damaged() is None
    check = time.perf_counter() - began
    return {"timings": timings, "entries": len(sim.repo.ledger()), "check": check}


def child(argv: list[str]) -> None:
    what, kind = argv[0], argv[1]
    db = argv[2] if len(argv) > 2 else None
    if what == "first":
        out: object = asyncio.run(first_screen(kind, db))
    elif what == "keys":
        out = asyncio.run(key_to_screen(kind, db, int(argv[3])))
    else:
        out = save_time(int(kind))
    print("RESULT " + json.dumps(out))


# --- the parent: runs the children and reports ----------------------------------------


def run_child(*args: str) -> dict:  # type: ignore[type-arg]
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise SystemExit(f"benchmark child {args} failed:\n{done.stderr[-3000:]}")


def demo_database(folder: Path) -> str:
    """A database as a trainer has it: demo loaded, onboarding done (opens 首页)."""
    from state.clock import SimClock, parse_clock
    from state.simulator import Simulator
    from state.storage import Database

    path = folder / "gjj.json"
    sim = Simulator(Database(path), SimClock(parse_clock(CLOCK)))
    sim.load_demo()
    sim.skip_onboarding()
    return str(path)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def compare(
    label: str, figures: dict[str, float], unit: str, target: float | None = None
) -> bool:
    """Print bare and gjj side by side with their ratio; True when a target is missed.

    Times are given in seconds and printed in ms; megabytes are printed as they are.
    """
    scale = 1000 if unit == "ms" else 1
    bare, gjj = figures["bare"], figures["gjj"]
    ratio = gjj / bare
    line = (
        f"{label:<23} bare {bare * scale:7.1f} {unit}   "
        f"gjj {gjj * scale:7.1f} {unit}   {ratio:4.2f}×"
    )
    if target is not None:
        line += f"  target ≤ {target:.2f}×  {verdict(ratio <= target)}"
    print(line)
    return target is not None and ratio > target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    launches, presses = (3, 15) if args.quick else (7, 50)
    misses = 0
    with tempfile.TemporaryDirectory(prefix="gjj-bench-") as folder:
        db = demo_database(Path(folder))
        print(f"gjj-sim benchmark ({launches} launches each, {presses} key presses)")

        first = {
            k: [run_child("first", k, db) for _ in range(launches)]
            for k in ("bare", "gjj")
        }
        start = {
            k: statistics.median(r["first_screen"] for r in v) for k, v in first.items()
        }
        memory = {k: max(r["maxrss_mb"] for r in v) for k, v in first.items()}
        misses += compare("first screen (median)", start, "ms", 1.3)

        keys = {
            k: run_child("keys", k, db, str(presses))["timings"]
            for k in ("bare", "gjj")
        }
        median = {k: statistics.median(v) for k, v in keys.items()}
        misses += compare("key to screen (median)", median, "ms", 1.25)
        tail = {k: p95(v) for k, v in keys.items()}
        compare("key to screen (p95)", tail, "ms")
        misses += compare("peak memory (maxrss)", memory, "MB", 2)

        for entries in (100, 1_000, 10_000):
            saved = run_child("save", str(entries))
            took = statistics.median(saved["timings"]) * 1000
            line = f"save at {entries:>6,} ledger entries  median {took:6.1f} ms"
            if entries == 10_000:
                misses += took > 100
                line += f"   target ≤ 100 ms  {verdict(took <= 100)}"
            print(line)
            checked = float(saved["check"]) * 1000
            print(f"  every record read at launch          {checked:6.1f} ms")
    print("all targets met" if not misses else f"{misses} target(s) missed")
    return 1 if misses else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
    else:
        raise SystemExit(main())
