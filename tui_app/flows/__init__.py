"""Flow scripts (FLOWS.md): parse them, run them headless, report the results.

`run_paths` is what `gjj-sim run` calls. Training and demo modes use `load_flow`,
`run_flow` with `FlowHooks`, or `StepDriver` directly on a live app.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tui_app.flows.driver import StepDriver, StepFailed
from tui_app.flows.model import Flow, FlowError, Step
from tui_app.flows.parser import load_flow, parse_flow
from tui_app.flows.report import console_lines, summary_line, write_junit
from tui_app.flows.runner import (
    FlowHooks,
    FlowResult,
    RunOptions,
    StepEvent,
    StepOutcome,
    run_flow,
)

__all__ = [
    "Flow",
    "FlowError",
    "FlowHooks",
    "FlowResult",
    "RunOptions",
    "Step",
    "StepDriver",
    "StepEvent",
    "StepFailed",
    "StepOutcome",
    "collect_files",
    "load_flow",
    "parse_flow",
    "run_flow",
    "run_paths",
    "run_paths_async",
]

EXIT_PASSED, EXIT_FAILED, EXIT_INVALID = 0, 1, 2
DEFAULT_OUT = Path("flow-out")


def collect_files(paths: list[Path]) -> tuple[list[Path], list[FlowError]]:
    """Named files and the `*.yaml` in named folders; missing paths as errors."""
    files: list[Path] = []
    errors: list[FlowError] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.yaml"), key=lambda p: p.name)
            if not found:
                errors.append(FlowError(path, 0, "the folder holds no *.yaml flows"))
            files += found
        elif path.is_file():
            files.append(path)
        else:
            errors.append(FlowError(path, 0, "no such file or folder"))
    return files, errors


def run_paths(
    paths: list[Path],
    junit: Path | None = None,
    out: Path | None = None,
    db: Path | None = None,
) -> int:
    """Run flow files and folders; 0 all passed, 1 any failed, 2 any invalid file."""
    return asyncio.run(run_paths_async(paths, junit, out, db))


async def run_paths_async(
    paths: list[Path],
    junit: Path | None = None,
    out: Path | None = None,
    db: Path | None = None,
    options: RunOptions | None = None,
) -> int:
    """run_paths inside a running event loop; options may replace the app (tests)."""
    files, invalid = collect_files(paths)
    flows: list[Flow] = []
    for file in files:
        try:
            flows.append(load_flow(file))
        except FlowError as error:
            invalid.append(error)

    if invalid:
        # A broken script is fixed before anything runs, as a compiler would.
        for problem in invalid:
            print(problem, file=sys.stderr)
        if junit is not None:
            write_junit(junit, [], invalid)
        return EXIT_INVALID

    options = options or RunOptions()
    options.out_dir = out or options.out_dir or DEFAULT_OUT
    options.db_path = db or options.db_path
    results: list[FlowResult] = []
    for flow in flows:
        result = await run_flow(flow, options)
        results.append(result)
        for line in console_lines(result):
            print(line, flush=True)
    if len(results) > 1:
        print(summary_line(results))
    if junit is not None:
        write_junit(junit, results, [])
    return EXIT_PASSED if all(result.passed for result in results) else EXIT_FAILED
