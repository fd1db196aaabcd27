"""Every flow script in this folder passes, run the way `gjj-sim run` runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui_app.flows import RunOptions, load_flow, run_flow
from tui_app.flows.report import console_lines

FLOWS = sorted(Path(__file__).parent.glob("*.yaml"))


@pytest.mark.parametrize("path", FLOWS, ids=[path.stem for path in FLOWS])
async def test_flow_script_passes(path: Path, tmp_path: Path) -> None:
    result = await run_flow(load_flow(path), RunOptions(out_dir=tmp_path))
    assert result.passed, "\n".join(console_lines(result))
