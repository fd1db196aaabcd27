from __future__ import annotations

from pathlib import Path

import pytest
from driving import demo_sim

from state.simulator import Simulator


@pytest.fixture
def sim(tmp_path: Path) -> Simulator:
    """The demo with the first launch done, nobody logged in."""
    return demo_sim(tmp_path)
