"""Draw a state machine as a small self-contained SVG, without Graphviz.

States go in layers by their distance from the initial state, left to right; each
transition is an arrow labelled with the operation that causes it. An arrow back to
an earlier layer, or one of a pair going both ways, is bent so the two stay apart.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from dataclasses import dataclass

from rich.cells import cell_len
from statemachine import StateMachine

from tui_app.manual.svgfix import TITLE_STACK

FONT_SIZE = 14
HALF_CELL = FONT_SIZE * 0.55
"""Width of a narrow character; a Chinese one takes two."""
BOX_HEIGHT = 40
LAYER_GAP = 170
ROW_GAP = 80
MARGIN = 36
BEND = 34
"""How far a bent arrow's middle leaves the straight line."""


@dataclass
class Box:
    name: str
    x: float
    y: float
    """The centre."""
    width: float
    final: bool

    def edge_point(self, toward_x: float, toward_y: float) -> tuple[float, float]:
        """Where the line from the centre toward a point leaves the box."""
        dx, dy = toward_x - self.x, toward_y - self.y
        if dx == 0 and dy == 0:
            return self.x, self.y
        scale = min(
            (self.width / 2) / abs(dx) if dx else math.inf,
            (BOX_HEIGHT / 2) / abs(dy) if dy else math.inf,
        )
        return self.x + dx * scale, self.y + dy * scale


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    label: str


def machine_svg(
    machine: type[StateMachine], event_labels: Mapping[str, str], title: str
) -> str:
    """The machine's states and transitions as an `<svg>` element."""
    arrows = [
        Arrow(t.source.id, t.target.id, event_labels.get(t.event, t.event))
        for state in machine.states
        for t in state.transitions
    ]
    initial = next((s.id for s in machine.states if s.initial), None)
    boxes = _layout(machine, arrows, initial)

    width = max(b.x + b.width / 2 for b in boxes.values()) + MARGIN
    height = max(b.y for b in boxes.values()) + BOX_HEIGHT / 2 + MARGIN + BEND
    parts = [_start_arrow(boxes[initial])] if initial in boxes else []
    pairs = {(a.source, a.target) for a in arrows}
    for arrow in arrows:
        parts.append(_arrow(arrow, boxes, (arrow.target, arrow.source) in pairs))
    parts += [_box(box) for box in boxes.values()]
    # Several diagrams may be inlined in one page: each needs its own marker id.
    return _svg(width, height, title, parts).replace(
        "arrowhead", f"arrowhead-{machine.__name__}"
    )


def _layout(
    machine: type[StateMachine], arrows: list[Arrow], initial: str | None
) -> dict[str, Box]:
    layer: dict[str, int] = {}
    if initial is not None:
        layer[initial] = 0
        frontier = [initial]
        while frontier:
            following = []
            for arrow in arrows:
                if arrow.source in frontier and arrow.target not in layer:
                    layer[arrow.target] = layer[arrow.source] + 1
                    following.append(arrow.target)
            frontier = following
    for state in machine.states:  # unreachable states go first, out of the way
        layer.setdefault(state.id, 0)

    rows: dict[int, int] = {}
    boxes: dict[str, Box] = {}
    widest = max(cell_len(s.name) for s in machine.states) * HALF_CELL + 32
    for state in machine.states:
        column = layer[state.id]
        row = rows.get(column, 0)
        rows[column] = row + 1
        x = MARGIN + 40 + widest / 2 + column * (widest + LAYER_GAP)
        y = MARGIN + BEND + BOX_HEIGHT / 2 + row * (BOX_HEIGHT + ROW_GAP)
        boxes[state.id] = Box(state.name, x, y, widest, bool(state.final))
    return boxes


def _arrow(arrow: Arrow, boxes: dict[str, Box], paired: bool) -> str:
    source, target = boxes[arrow.source], boxes[arrow.target]
    if source is target:
        return _loop(source, arrow.label)

    backward = target.x < source.x or (target.x == source.x and target.y < source.y)
    bend = BEND if paired or backward else 0
    dx, dy = target.x - source.x, target.y - source.y
    length = math.hypot(dx, dy)
    # The normal turns with the direction, so a pair of opposite arrows bends apart.
    normal_x, normal_y = dy / length, -dx / length
    mid_x, mid_y = (source.x + target.x) / 2, (source.y + target.y) / 2
    control = (mid_x + normal_x * bend * 2, mid_y + normal_y * bend * 2)
    start = source.edge_point(*control)
    end = target.edge_point(*control)
    label_x = (start[0] + 2 * control[0] + end[0]) / 4
    label_y = (start[1] + 2 * control[1] + end[1]) / 4
    path = (
        f'<path d="M {start[0]:.1f} {start[1]:.1f} Q {control[0]:.1f} '
        f'{control[1]:.1f} {end[0]:.1f} {end[1]:.1f}" class="edge" '
        'marker-end="url(#arrowhead)"/>'
    )
    return path + _label(arrow.label, label_x, label_y)


def _loop(box: Box, label: str) -> str:
    left, right, top = box.x - 12, box.x + 12, box.y - BOX_HEIGHT / 2
    path = (
        f'<path d="M {left:.1f} {top:.1f} C {left - 20:.1f} {top - 40:.1f} '
        f'{right + 20:.1f} {top - 40:.1f} {right:.1f} {top:.1f}" class="edge" '
        'marker-end="url(#arrowhead)"/>'
    )
    return path + _label(label, box.x, top - 34)


def _label(text: str, x: float, y: float) -> str:
    width = cell_len(text) * HALF_CELL + 8
    return (
        f'<rect x="{x - width / 2:.1f}" y="{y - 10:.1f}" width="{width:.1f}" '
        f'height="20" class="label-back"/>'
        f'<text x="{x:.1f}" y="{y + 5:.1f}" class="label">{html.escape(text)}</text>'
    )


def _box(box: Box) -> str:
    left, top = box.x - box.width / 2, box.y - BOX_HEIGHT / 2
    shape = (
        f'<rect x="{left:.1f}" y="{top:.1f}" width="{box.width:.1f}" '
        f'height="{BOX_HEIGHT}" rx="8" class="state"/>'
    )
    if box.final:  # a final state has a double border, as in UML
        shape += (
            f'<rect x="{left + 4:.1f}" y="{top + 4:.1f}" width="{box.width - 8:.1f}" '
            f'height="{BOX_HEIGHT - 8}" rx="5" class="state inner"/>'
        )
    name = html.escape(box.name)
    label = f'<text x="{box.x:.1f}" y="{box.y + 5:.1f}" class="name">{name}</text>'
    return shape + label


def _start_arrow(box: Box) -> str:
    dot_x = box.x - box.width / 2 - 36
    return (
        f'<circle cx="{dot_x:.1f}" cy="{box.y:.1f}" r="6" class="start"/>'
        f'<path d="M {dot_x + 6:.1f} {box.y:.1f} H {box.x - box.width / 2:.1f}" '
        'class="edge" marker-end="url(#arrowhead)"/>'
    )


def _svg(width: float, height: float, title: str, parts: list[str]) -> str:
    style = (
        f"text {{ font-family: {TITLE_STACK}; font-size: {FONT_SIZE}px; "
        "text-anchor: middle; }"
        ".state { fill: #eef4ff; stroke: #2f5fb3; stroke-width: 1.5; }"
        ".state.inner { fill: none; }"
        ".edge { fill: none; stroke: #444; stroke-width: 1.4; }"
        ".label-back { fill: #fff; opacity: 0.9; }"
        ".label { fill: #8a2b06; } .name { fill: #10284f; font-weight: bold; }"
        ".start { fill: #444; }"
    )
    body = "\n".join(parts)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} '
        f'{height:.0f}" width="{width:.0f}" height="{height:.0f}" role="img">'
        f"<title>{html.escape(title)}</title><style>{style}</style>"
        '<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
        '<path d="M 0 0 L 10 5 L 0 10 z" fill="#444"/></marker></defs>'
        f"\n{body}\n</svg>\n"
    )
