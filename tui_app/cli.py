"""The `gjj-sim` command: launch the simulator, run flow scripts, and the modes."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_dir

from state.clock import parse_clock
from state.startup import Startup
from state.storage import StorageError

if TYPE_CHECKING:
    from state.simulator import Simulator

APP_FOLDER = "gjj-sim"
DB_ENV = "GJJ_SIM_DB"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def data_folder() -> Path:
    return Path(user_data_dir(APP_FOLDER, appauthor=False))


def default_db() -> Path:
    return Path(os.environ.get(DB_ENV) or data_folder() / "gjj-sim.json")


def clock_arg(text: str) -> str:
    try:
        parse_clock(text)
    except ValueError as error:
        # Shown as the usage error itself (a ValueError would name this function).
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gjj-sim",
        description="Terminal simulator of the 太原 手机公积金 app.",
    )
    parser.add_argument("--db", type=Path, help=f"database file (env {DB_ENV})")
    parser.add_argument(
        "--clock", type=clock_arg, metavar='"YYYY-MM-DD HH:MM"',
        help="start the simulated clock at this Beijing time",
    )  # fmt: skip
    parser.add_argument(
        "--log-level", default="WARNING", choices=LOG_LEVELS,
        help="level of the log file in the data folder",
    )  # fmt: skip
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="run flow scripts headless")
    run.add_argument("paths", nargs="+", type=Path, metavar="FLOW_OR_FOLDER")
    run.add_argument("--junit", type=Path, help="write JUnit XML here")
    run.add_argument("--out", type=Path, default=Path("flow-out"), help="screenshots")
    run.add_argument("--db", dest="run_db", type=Path, help="database for the runs")

    manual = commands.add_parser("manual", help="write the illustrated manual")
    manual.add_argument(
        "lessons", nargs="*", metavar="LESSON",
        help="only these lessons (number, name or flow file), in this order",
    )  # fmt: skip
    manual.add_argument("--out", type=Path, default=Path("manual"), help="folder")

    serve = commands.add_parser("serve", help="the simulator in a web browser")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--public-url", metavar="URL",
        help="the address browsers reach this server by, when listening on 0.0.0.0",
    )  # fmt: skip

    from tui_app.modes.cli import add_commands as add_mode_commands

    add_mode_commands(commands)
    return parser


def setup_logging(level: str) -> None:
    folder = data_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(
            folder / "gjj-sim.log", "a", "utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    logging.basicConfig(level=level, handlers=[handler], force=True)


def open_simulator(db_path: Path, clock_text: str | None) -> Simulator:
    """The simulator on `db_path`, with the clock resumed or set by --clock."""
    return Startup.read(db_path, clock_text).open()


def launch(args: argparse.Namespace) -> int:
    from tui_app.app import GjjApp

    try:
        # The app builds the simulator itself once its first page is drawn.
        startup = Startup.read(args.db or default_db(), args.clock)
    except StorageError as error:
        print(f"无法打开数据文件：{error}", file=sys.stderr)
        return 1
    app = GjjApp(startup)
    app.run()
    if app.failure:
        # Printed here, not by the app: a long path must not be cut by wrapping.
        print(app.failure, file=sys.stderr)
    return app.return_code or 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(args.log_level)
    if args.command == "run":
        from tui_app.flows import run_paths

        return run_paths(args.paths, junit=args.junit, out=args.out, db=args.run_db)
    if args.command == "manual":
        from tui_app.manual import build_manual

        return build_manual(args.out, args.lessons or None)
    if args.command == "serve":
        from tui_app.serve import serve

        return serve(args.host, args.port, args.public_url)
    from tui_app.modes.cli import COMMANDS as MODE_COMMANDS

    if args.command in MODE_COMMANDS:
        from tui_app.modes.cli import run as run_mode

        try:
            return run_mode(args, args.db or default_db())
        except StorageError as error:
            print(f"无法打开数据文件：{error}", file=sys.stderr)
            return 1
    return launch(args)
