"""Run lessons headless and keep a picture of the phone after every step a person does.

The pictures are numbered as training numbers the steps (`wording.action_numbers`),
so `第3步` in the manual is `第 3/9 步` beside the phone. A step that only looks but
carries a hint (the agreement before 同意) gets an unnumbered picture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual.app import App
from textual.css.query import NoMatches

from tui_app.flows import (
    Flow,
    FlowHooks,
    FlowResult,
    RunOptions,
    StepEvent,
    StepOutcome,
    run_flow,
)
from tui_app.manual.svgfix import crop_svg, fix_svg
from tui_app.modes import wording

SHOTS_FOLDER = "shots"


@dataclass
class Shot:
    """One step: what the hint says and the picture taken after the step."""

    number: int | None
    """The step's number among the trainee's actions; None for a hinted look."""
    hint: str
    image: str
    """Path of the SVG relative to the manual's folder (forward slashes)."""


@dataclass
class Section:
    """One lesson, as one section of the manual."""

    index: int
    flow: Flow
    shots: list[Shot] = field(default_factory=list)
    result: FlowResult | None = None

    @property
    def anchor(self) -> str:
        return f"lesson-{self.index}"

    @property
    def actions(self) -> int:
        """How many steps a person does: training's total in `第 3/9 步`."""
        return wording.action_count(self.flow.steps)

    @property
    def failure(self) -> StepOutcome | None:
        return self.result.failure if self.result is not None else None


StepCallback = Callable[[Section, StepEvent], None]


def phone_cells(app: App[Any]) -> tuple[int, int, int, int] | None:
    """The phone frame's cells (x, y, width, height), from the top page down."""
    for screen in reversed(app.screen_stack):
        try:
            region = screen.query_one("#phone").region
        except NoMatches:
            continue
        if region.area:
            return region.x, region.y, region.width, region.height
    return None


def phone_svg(app: App[Any]) -> str:
    """The screen as SVG, cropped to the phone when there is one, grid-true."""
    svg = fix_svg(app.export_screenshot())
    cells = phone_cells(app)
    return crop_svg(svg, cells) if cells is not None else svg


async def capture_lesson(
    section: Section,
    out_dir: Path,
    options: RunOptions | None = None,
    on_step: StepCallback | None = None,
) -> Section:
    """Run the section's flow and write `shots/NN-MM.svg` after each action step
    and each hinted look (MM is the step's place in the script)."""
    shots_dir = out_dir / SHOTS_FOLDER
    shots_dir.mkdir(parents=True, exist_ok=True)
    numbers = wording.action_numbers(section.flow.steps)

    async def after_step(event: StepEvent, outcome: StepOutcome) -> None:
        if on_step is not None:
            on_step(section, event)
        if not (outcome.passed and event.section == "step"):
            return
        number = numbers[event.number - 1]
        if number is None and not event.step.hint:
            return
        name = f"{section.index:02d}-{event.number:02d}.svg"
        (shots_dir / name).write_text(phone_svg(event.driver.app), encoding="utf-8")
        image = f"{SHOTS_FOLDER}/{name}"
        section.shots.append(Shot(number, wording.hint(event.step), image))

    run_options = options or RunOptions()
    run_options.out_dir = out_dir / "failures"
    section.result = await run_flow(
        section.flow, run_options, FlowHooks(after_step=after_step)
    )
    return section
