"""The lessons: one flow script per section of the printed manual, in its order.

Files are named `NN_topic.yaml`; `tui_app.modes.lessons` loads them in name order.
"""
