"""The mode subcommands of `gjj-sim`: lessons, train, exam, demo and report."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

from tui_app.modes.lessons import Lesson, LessonNotFound, find_lesson, find_lessons

if TYPE_CHECKING:
    from state.assessments import Assessment
    from tui_app.app import GjjApp
    from tui_app.modes.session import LessonSession

COMMANDS = ("lessons", "train", "exam", "demo", "report")
CSV_COLUMNS = (
    "时间", "学员", "课程编号", "课程", "结果",
    "用时（秒）", "遇到拒绝", "多余操作", "原因",
)  # fmt: skip
"""The columns of `report --csv`, in Chinese like the table it prints."""


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the mode subcommands to the `gjj-sim` parser."""
    lesson_db = "play on this database instead of a new temporary one"

    commands.add_parser("lessons", help="list the lessons (number, name, task)")

    train = commands.add_parser("train", help="training with hints, lesson by lesson")
    train.add_argument("lesson", nargs="?", metavar="LESSON", help="number or name")
    train.add_argument("--db", dest="mode_db", type=Path, help=lesson_db)

    exam = commands.add_parser("exam", help="assessment: the task only, then 交卷")
    exam.add_argument("lessons", nargs="*", metavar="LESSON", help="default: all")
    exam.add_argument("--trainee", required=True, help="the trainee's name")
    exam.add_argument("--db", dest="mode_db", type=Path, help=lesson_db)

    demo = commands.add_parser("demo", help="autoplay the lessons with captions")
    demo.add_argument("lessons", nargs="*", metavar="LESSON", help="default: all")
    demo.add_argument("--pace", type=float, default=1.5, help="seconds per action")
    demo.add_argument("--loop", action="store_true", help="start again at the end")
    demo.add_argument("--db", dest="mode_db", type=Path, help=lesson_db)

    report = commands.add_parser("report", help="assessment results as a table")
    report.add_argument("--csv", type=Path, help="also write the results here")
    report.add_argument("--trainee", help="only this trainee's results")


def run(args: argparse.Namespace, results_db: Path) -> int:
    """Run a mode subcommand; results_db holds the assessments (the app's database)."""
    try:
        if args.command == "lessons":
            return list_lessons()
        if args.command == "report":
            return report(results_db, args.csv, args.trainee)
        if args.command == "train":
            return train(args)
        if args.command == "exam":
            return exam(args, results_db)
        if args.command == "demo":
            return demo(args)
    except LessonNotFound as error:
        print(error, file=sys.stderr)
        return 2
    raise ValueError(f"not a mode command: {args.command}")


def list_lessons() -> int:
    table = Table(title="课程")
    table.add_column("编号", justify="right")
    table.add_column("课程", no_wrap=True)
    table.add_column("考核任务", overflow="fold")
    for lesson in find_lessons([]):
        table.add_row(str(lesson.number), lesson.name, lesson.task)
    Console().print(table)
    return 0


def new_app(first: Lesson) -> tuple[GjjApp, LessonSession]:
    """An app on a throwaway simulator; each mode installs its lesson's own."""
    from tui_app.app import GjjApp
    from tui_app.modes.session import LessonSession

    session = LessonSession(first.flow)
    return GjjApp(session.sim), session


def train(args: argparse.Namespace) -> int:
    from tui_app.modes.training import Trainer

    lessons = find_lessons([])
    number = find_lesson(args.lesson, lessons).number if args.lesson else None
    app, placeholder = new_app(lessons[0])
    trainer = Trainer(app, lessons, args.mode_db, on_leave=app.exit)

    async def begin(_pilot: object) -> None:
        trainer.begin(number)

    app.run(auto_pilot=begin)
    trainer.detach()
    placeholder.close()
    for score in trainer.scores:
        print(
            f"{score.lesson}. 用时 {score.seconds:.0f} 秒，"
            f"错误操作 {score.mistakes} 次，使用提示 {score.hints} 次"
        )
    return 0


def exam(args: argparse.Namespace, results_db: Path) -> int:
    from state.storage import Database
    from tui_app.modes.exam import Exam

    lessons = find_lessons(args.lessons)
    app, placeholder = new_app(lessons[0])
    sitting = Exam(
        app, lessons, args.trainee, Database(results_db), args.mode_db, app.exit
    )

    async def begin(_pilot: object) -> None:
        sitting.begin()

    app.run(auto_pilot=begin)
    placeholder.close()
    if sitting.results:
        Console().print(results_table(sitting.results))
    return 0 if sitting.results and all(r.passed for r in sitting.results) else 1


def demo(args: argparse.Namespace) -> int:
    from tui_app.modes.demo import DemoPlayer

    lessons = find_lessons(args.lessons)
    app, placeholder = new_app(lessons[0])
    player = DemoPlayer(
        app, lessons, max(0.0, args.pace), args.loop, args.mode_db, app.exit
    )

    async def begin(_pilot: object) -> None:
        player.begin()

    app.run(auto_pilot=begin)
    placeholder.close()
    return 0 if not player.failures else 1


def report(results_db: Path, csv_path: Path | None, trainee: str | None) -> int:
    from state.assessments import list_assessments
    from state.storage import Database

    # Reading results must not create a database where there is none.
    records = (
        list_assessments(Database(results_db), trainee) if results_db.exists() else []
    )
    Console().print(results_table(records))
    if csv_path is not None:
        write_csv(csv_path, records)
        print(f"CSV: {csv_path}")
    return 0


def results_table(records: list[Assessment]) -> Table:
    table = Table(
        "时间", "学员", "课程", "结果", "用时", "遇到拒绝", "多余操作", "原因",
        title=f"考核结果（{len(records)} 条）",
    )  # fmt: skip
    for record in records:
        table.add_row(
            record.finished_at.strftime("%Y-%m-%d %H:%M"),
            record.trainee,
            f"{record.lesson_number}. {record.lesson}",
            verdict(record),
            f"{record.seconds:.0f} 秒",
            str(record.refusals),
            str(record.wrong_actions),
            "" if record.passed or record.gave_up else record.reason,
        )
    return table


def verdict(record: Assessment) -> str:
    return "通过" if record.passed else ("放弃" if record.gave_up else "未通过")


def write_csv(path: Path, records: list[Assessment]) -> None:
    """UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for record in records:
            writer.writerow((
                record.finished_at.strftime("%Y-%m-%d %H:%M:%S"),
                record.trainee,
                record.lesson_number,
                record.lesson,
                verdict(record),
                f"{record.seconds:.1f}",
                record.refusals,
                record.wrong_actions,
                record.reason,
            ))  # fmt: skip
