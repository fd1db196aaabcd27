"""Training, assessment and demo modes, built on lessons that are flow scripts.

`gjj-sim train`, `exam`, `demo`, `report` and `lessons` (see `tui_app.modes.cli`);
the command palette offers `开始课程：<name>` for every lesson.
"""
