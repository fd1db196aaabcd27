"""Build the illustrated manual: every lesson run headless, pictured, written out."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from tui_app.flows import FlowError, RunOptions, StepEvent, load_flow
from tui_app.flows.report import console_lines
from tui_app.manual.capture import SHOTS_FOLDER, Section, capture_lesson
from tui_app.manual.render import Diagram, write_html, write_markdown

EXIT_OK, EXIT_FAILED, EXIT_INVALID = 0, 1, 2


@dataclass
class Manual:
    """What was written, and whether every lesson ran to its end."""

    folder: Path
    sections: list[Section]

    @property
    def index(self) -> Path:
        return self.folder / "index.html"

    @property
    def markdown(self) -> Path:
        return self.folder / "manual.md"

    @property
    def passed(self) -> bool:
        return all(section.failure is None for section in self.sections)


def lesson_paths(wanted: list[str] | None = None) -> list[Path]:
    """The lessons in the manual's order, or those named: number, name or file."""
    from tui_app.modes.lessons import find_lesson, lesson_files

    if not wanted:
        return lesson_files()
    return [
        Path(text) if Path(text).is_file() else find_lesson(text).flow.path
        for text in wanted
    ]


def account_diagrams() -> list[Diagram]:
    """The account's state machines, drawn from the domain's own definitions."""
    from statemachine import StateMachine

    from state import texts
    from state.machines import AccountKindMachine, AccountStatusMachine
    from tui_app.manual.diagram import machine_svg

    labels = {
        "seal": texts.SEAL,
        "unseal": texts.UNSEAL,
        "close": texts.WITHDRAW,
        "transfer_in": texts.AUDIT_TRANSFERRED,
    }
    drawn: list[tuple[type[StateMachine], str, str]] = [
        (AccountStatusMachine, "账户状态", "states-status.svg"),
        (AccountKindMachine, "缴存类型", "states-kind.svg"),
    ]
    return [
        Diagram(title, machine_svg(machine, labels, title), file)
        for machine, title, file in drawn
    ]


async def build_manual_async(
    out: Path,
    paths: list[Path] | None = None,
    options: RunOptions | None = None,
    show_progress: bool = True,
) -> Manual:
    """Run the lessons (or the given flow files) and write the manual into `out`."""
    flows = [load_flow(path) for path in (paths or lesson_paths())]
    sections = [Section(index, flow) for index, flow in enumerate(flows, 1)]
    out.mkdir(parents=True, exist_ok=True)
    for old in (out / SHOTS_FOLDER).glob("*.svg"):
        old.unlink()

    with _progress(show_progress) as progress:
        task = progress.add_task("", total=sum(len(flow.numbered()) for flow in flows))

        def on_step(section: Section, event: StepEvent) -> None:
            progress.update(task, advance=1, description=section.flow.name)

        for section in sections:
            before = progress.tasks[0].completed
            await capture_lesson(section, out, _fresh(options), on_step)
            # A failed lesson stops early; count its remaining steps as done.
            steps = len(section.flow.numbered())
            progress.update(task, completed=before + steps)

    diagrams = account_diagrams()
    for diagram in diagrams:
        (out / diagram.file).write_text(diagram.svg, encoding="utf-8")
    write_html(out / "index.html", sections, diagrams)
    write_markdown(out / "manual.md", sections, diagrams)
    return Manual(out, sections)


def build_manual(out: Path, wanted: list[str] | None = None) -> int:
    """`gjj-sim manual`: 0 written, 1 a lesson failed (written up to it), 2 invalid."""
    from tui_app.modes.lessons import LessonNotFound

    try:
        manual = asyncio.run(build_manual_async(out, lesson_paths(wanted)))
    except (FlowError, LessonNotFound) as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    for section in manual.sections:
        if section.result is not None and section.failure is not None:
            for line in console_lines(section.result):
                print(line, file=sys.stderr)
    shots = sum(len(section.shots) for section in manual.sections)
    print(f"{manual.index} ({len(manual.sections)} lessons, {shots} screenshots)")
    print(manual.markdown)
    return EXIT_OK if manual.passed else EXIT_FAILED


def _fresh(options: RunOptions | None) -> RunOptions:
    """Each lesson gets options of its own: the runner writes into them."""
    if options is None:
        return RunOptions()
    return RunOptions(
        db_path=None,
        settle_seconds=options.settle_seconds,
        sim_factory=options.sim_factory,
        app_factory=options.app_factory,
    )


def _progress(show: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description:<12}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        disable=not show,
        transient=False,
    )
