"""Run lessons headless and keep a picture of the phone after every hinted step."""

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

SHOTS_FOLDER = "shots"


@dataclass
class Shot:
    """One hinted step: what the hint says and the picture taken after the step."""

    number: int
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
    """Run the section's flow and write `shots/NN-MM.svg` after each hinted step."""
    shots_dir = out_dir / SHOTS_FOLDER
    shots_dir.mkdir(parents=True, exist_ok=True)

    async def after_step(event: StepEvent, outcome: StepOutcome) -> None:
        if on_step is not None:
            on_step(section, event)
        if not (outcome.passed and event.step.hint and event.section == "step"):
            return
        name = f"{section.index:02d}-{event.number:02d}.svg"
        (shots_dir / name).write_text(phone_svg(event.driver.app), encoding="utf-8")
        image = f"{SHOTS_FOLDER}/{name}"
        section.shots.append(Shot(event.number, event.step.hint, image))

    run_options = options or RunOptions()
    run_options.out_dir = out_dir / "failures"
    section.result = await run_flow(
        section.flow, run_options, FlowHooks(after_step=after_step)
    )
    return section
