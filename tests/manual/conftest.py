"""Fixtures for the manual and browser tests: a headless Chromium, or a clear skip."""

from __future__ import annotations

from pathlib import Path

import pytest
from chromium import chromium_path

LESSONS = Path(__file__).parents[2] / "tui_app" / "lessons"


@pytest.fixture
def chromium() -> str:
    found = chromium_path()
    if found is None:
        pytest.skip(
            "headless Chromium is not installed (.ci/run installs Debian's chromium)"
        )
    return found
