"""The illustrated manual: every lesson run headless, with a picture per hint.

`gjj-sim manual --out DIR` calls `build_manual`; tests call `build_manual_async`.
"""

from __future__ import annotations

from tui_app.manual.build import Manual, build_manual, build_manual_async, lesson_paths

__all__ = ["Manual", "build_manual", "build_manual_async", "lesson_paths"]
