"""gjj-sim: the app, its command line, its modes and the flow-script runner."""
