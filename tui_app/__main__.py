"""`python -m tui_app` is the same as the `gjj-sim` command."""

from tui_app.cli import main

raise SystemExit(main())
