"""Read a flow file and check it against the grammar of FLOWS.md.

YAML is composed to nodes rather than loaded, so every error can name its line.
Scalars are read as written (`balance: 6500.00` stays "6500.00", `tap: 100` is the
label "100"), which spares scripts YAML's number and date guessing.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Literal

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui_app.flows.model import (
    ACCOUNT_FIELDS,
    APPOINTMENT_FIELDS,
    DEFAULT_SIZE,
    GOAL_VERBS,
    VERBS,
    AccountCheck,
    AppointmentCheck,
    Choose,
    Counter,
    Flow,
    FlowError,
    Input,
    NotSee,
    Press,
    Restart,
    Screenshot,
    See,
    SetClock,
    Start,
    Step,
    Swipe,
    Tap,
)

TOP_KEYS = ("name", "task", "clock", "start", "personas", "size", "steps", "goal")
CLOCK_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
KEY_PATTERN = re.compile(r"[A-Za-z0-9_+\-]+|\S")
NAME_PATTERN = re.compile(r"[^/\\:*?\"<>|\s]+")
TAG = "tag:yaml.org,2002:"

FIELD_PATTERNS: dict[str, tuple[str, str]] = {
    "account.status": (r"正常|封存|销户", "正常, 封存 or 销户"),
    "account.kind": (r"灵活就业|单位缴存", "灵活就业 or 单位缴存"),
    "account.monthly_amount": (r"\d+", "a whole number of 元"),
    "account.paid_through": (r"\d{4}-\d{2}", "YYYY-MM"),
    "account.balance": (r"-?\d+\.\d{2}", "an amount with two decimals like 6500.00"),
    "appointment.kind": (r"开户|转入", "开户 or 转入"),
    "appointment.status": (r"待办理|已办结", "待办理 or 已办结"),
    "appointment.date": (r"\d{4}-\d{2}-\d{2}", "YYYY-MM-DD"),
    "appointment.time": (r"\d{2}:\d{2}-\d{2}:\d{2}", "HH:MM-HH:MM"),
}


def load_flow(path: Path) -> Flow:
    """Read and check one flow file; raises FlowError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise FlowError(path, 1, "the file is not UTF-8 text") from None
    except OSError as error:
        raise FlowError(path, 1, f"cannot read the file: {error.strerror}") from None
    return parse_flow(text, path)


def parse_flow(text: str, path: Path) -> Flow:
    """Check the text of a flow file; raises FlowError naming the line."""
    return _Parser(text, path).flow()


class _Parser:
    def __init__(self, text: str, path: Path) -> None:
        self.text = text
        self.path = path

    # --- helpers --------------------------------------------------------------

    def fail(self, node: Node | None, message: str) -> FlowError:
        line = node.start_mark.line + 1 if node is not None else 1
        return FlowError(self.path, line, message)

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]]:
        """The keys of a mapping node, each with its key and value nodes."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping, not {_kind(node)}")
        entries: dict[str, tuple[Node, Node]] = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                raise self.fail(key, f"a key in {what} must be a plain word")
            if key.value in entries:
                raise self.fail(key, f"{key.value!r} is given twice in {what}")
            entries[key.value] = (key, value)
        return entries

    def text_of(self, node: Node, what: str, empty: bool = False) -> str:
        """A scalar as written; numbers and dates are kept as their text."""
        if not isinstance(node, ScalarNode):
            raise self.fail(node, f"{what} must be text, not {_kind(node)}")
        if node.tag == TAG + "null" and not node.style:
            raise self.fail(node, f"{what} is missing a value")
        if not empty and not node.value.strip():
            raise self.fail(node, f"{what} must not be empty")
        return str(node.value)

    def clock_of(self, node: Node, what: str) -> datetime:
        text = self.text_of(node, what).strip()
        if not CLOCK_PATTERN.fullmatch(text):
            raise self.fail(node, f"{what} {text!r} is not a time YYYY-MM-DD HH:MM")
        try:
            return datetime.strptime(text, "%Y-%m-%d %H:%M")
        except ValueError:
            raise self.fail(
                node, f"{what} {text!r} is not a real date and time"
            ) from None

    def step_text(self, node: Node, verb: str, value: Node) -> str:
        written = self.text[node.start_mark.index : node.end_mark.index].strip()
        if written and "\n" not in written:
            return written
        return f"{verb}: {_flow_style(value)}"

    # --- the file -------------------------------------------------------------

    def flow(self) -> Flow:
        root = self.compose()
        top = self.mapping(root, "a flow file")
        for key, (key_node, _) in top.items():
            if key not in TOP_KEYS:
                known = ", ".join(TOP_KEYS)
                raise self.fail(key_node, f"unknown key {key!r} (expected {known})")
        for required in ("name", "steps"):
            if required not in top:
                raise self.fail(root, f"the flow has no {required!r}")

        steps = self.steps(top["steps"][1], "steps", VERBS)
        if not steps:
            raise self.fail(top["steps"][1], "'steps' has no steps")
        start = self.start(top["start"][1]) if "start" in top else Start()
        personas = self.personas(top["personas"][1]) if "personas" in top else "demo"
        if start.kind == "login":
            self.check_login(top["start"][1], start.person or "", personas)
        return Flow(
            path=self.path,
            name=self.text_of(top["name"][1], "name").strip(),
            steps=tuple(steps),
            task=self.text_of(top["task"][1], "task") if "task" in top else None,
            clock=self.clock_of(top["clock"][1], "clock") if "clock" in top else None,
            start=start,
            personas=personas,
            size=self.size(top["size"][1]) if "size" in top else DEFAULT_SIZE,
            goal=tuple(self.steps(top["goal"][1], "goal", GOAL_VERBS))
            if "goal" in top
            else (),
        )

    def compose(self) -> Node:
        try:
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            problem = error.problem or error.context or "invalid YAML"
            ended = "<stream end>" in problem or "end of stream" in problem
            if ended and error.context and error.context_mark is not None:
                # Something left open: the line where it was opened helps more.
                mark = error.context_mark
                what = error.context.removeprefix("while parsing ")
                what = what.removeprefix("while scanning ")
                problem = f"{what} begun here is not closed before the file ends"
            line = mark.line + 1 if mark is not None else 1
            raise FlowError(self.path, line, f"YAML syntax error: {problem}") from None
        except yaml.YAMLError as error:
            raise FlowError(self.path, 1, f"YAML error: {error}") from None
        if root is None:
            raise FlowError(self.path, 1, "the file is empty; a flow needs name, steps")
        return root

    def start(self, node: Node) -> Start:
        if isinstance(node, ScalarNode) and node.value in ("fresh", "home"):
            return Start(node.value)
        if isinstance(node, MappingNode):
            entries = self.mapping(node, "start")
            if list(entries) == ["login"]:
                return Start(
                    "login", self.text_of(entries["login"][1], "login").strip()
                )
        raise self.fail(node, "start must be fresh, home or {login: NAME}")

    def check_login(self, node: Node, person: str, personas: str) -> None:
        """`{login: NAME}` logs in a demo person, so NAME must be one of them."""
        from state.demo import DEMO_PEOPLE

        if personas == "none":
            raise self.fail(
                node, "start {login: NAME} needs the demo people, but personas is none"
            )
        names = [demo.name for demo in DEMO_PEOPLE]
        if person not in names:
            raise self.fail(
                node, f"{person!r} is not a demo person (they are {', '.join(names)})"
            )

    def personas(self, node: Node) -> Literal["demo", "none"]:
        if isinstance(node, ScalarNode) and node.value == "demo":
            return "demo"
        if isinstance(node, ScalarNode) and node.value == "none":
            return "none"
        raise self.fail(node, "personas must be demo or none")

    def size(self, node: Node) -> tuple[int, int]:
        message = "size must be two whole numbers [columns, rows], like [100, 36]"
        if not isinstance(node, SequenceNode) or len(node.value) != 2:
            raise self.fail(node, message)
        numbers = []
        for item in node.value:
            if not isinstance(item, ScalarNode) or item.tag != TAG + "int":
                raise self.fail(item, message)
            number = int(item.value)
            if not 10 <= number <= 1000:
                raise self.fail(item, f"size {number} is out of range 10..1000")
            numbers.append(number)
        return numbers[0], numbers[1]

    # --- steps ----------------------------------------------------------------

    def steps(self, node: Node, section: str, verbs: tuple[str, ...]) -> list[Step]:
        if isinstance(node, ScalarNode) and node.tag == TAG + "null":
            raise self.fail(node, f"{section!r} must be a list of steps, but is empty")
        if not isinstance(node, SequenceNode):
            raise self.fail(
                node, f"{section!r} must be a list of steps, not {_kind(node)}"
            )
        return [self.step(item, section, verbs) for item in node.value]

    def step(self, node: Node, section: str, verbs: tuple[str, ...]) -> Step:
        if not isinstance(node, MappingNode):
            if isinstance(node, ScalarNode) and node.value in VERBS:
                raise self.fail(node, f"step {node.value!r} needs a value after ':'")
            raise self.fail(
                node, f"a step must be a mapping like 'tap: 登录', not {_kind(node)}"
            )
        entries = self.mapping(node, "a step")
        hint = None
        if "hint" in entries:
            hint = self.text_of(entries.pop("hint")[1], "hint")
        for key, (key_node, _) in entries.items():
            if key not in VERBS:
                raise self.fail(
                    key_node,
                    f"unknown verb {key!r} (expected one of {', '.join(VERBS)})",
                )
        if not entries:
            raise self.fail(node, "the step has no verb, only a hint")
        if len(entries) > 1:
            names = " and ".join(entries)
            raise self.fail(node, f"a step has one verb, this one has {names}")

        verb, (key_node, value) = next(iter(entries.items()))
        if verb not in verbs:
            allowed = ", ".join(verbs)
            raise self.fail(
                key_node, f"{verb!r} cannot be used in {section!r} (only {allowed})"
            )
        line = node.start_mark.line + 1
        text = self.step_text(node, verb, value)
        return self.build(verb, value, line, text, hint)

    def build(
        self, verb: str, value: Node, line: int, text: str, hint: str | None
    ) -> Step:
        if verb in ("tap", "see", "not_see"):
            words = self.text_of(value, verb).strip()
            simple = {"tap": Tap, "see": See, "not_see": NotSee}[verb]
            return simple(line, text, words, hint=hint)
        if verb == "input":
            fields = self.fields(value, verb, ("field", "text"))
            label = self.text_of(fields["field"], "input.field").strip()
            typed = self.text_of(fields["text"], "input.text", empty=True)
            return Input(line, text, label, typed, hint=hint)
        if verb == "choose":
            fields = self.fields(value, verb, ("field", "option"))
            label = self.text_of(fields["field"], "choose.field").strip()
            option = self.text_of(fields["option"], "choose.option").strip()
            return Choose(line, text, label, option, hint=hint)
        if verb == "swipe":
            way = self.choice(value, verb, ("left", "right"))
            return Swipe(line, text, "left" if way == "left" else "right", hint=hint)
        if verb == "press":
            return Press(line, text, self.key_of(value, verb), hint=hint)
        if verb == "clock":
            return SetClock(line, text, self.clock_of(value, verb), hint=hint)
        if verb == "counter":
            self.choice(value, verb, ("process",))
            return Counter(line, text, hint=hint)
        if verb == "restart":
            self.restart_of(value)
            return Restart(line, text, hint=hint)
        if verb == "screenshot":
            return Screenshot(line, text, self.screenshot_of(value, verb), hint=hint)
        if verb == "account":
            expected = self.checks(value, verb, ACCOUNT_FIELDS)
            return AccountCheck(line, text, expected, hint=hint)
        expected = self.checks(value, verb, APPOINTMENT_FIELDS)
        return AppointmentCheck(line, text, expected, hint=hint)

    def key_of(self, value: Node, verb: str) -> str:
        key = self.text_of(value, verb).strip()
        if not KEY_PATTERN.fullmatch(key):
            raise self.fail(
                value, f"press needs one key name like enter, escape or f2, not {key!r}"
            )
        return key

    def restart_of(self, value: Node) -> None:
        if not (
            isinstance(value, ScalarNode)
            and value.tag == TAG + "bool"
            and value.value.lower() == "true"
        ):
            raise self.fail(value, "restart must be written 'restart: true'")

    def screenshot_of(self, value: Node, verb: str) -> str:
        name = self.text_of(value, verb).strip()
        if not NAME_PATTERN.fullmatch(name) or name.startswith("."):
            raise self.fail(
                value,
                f"screenshot name {name!r} must be a plain "
                "file name without spaces, slashes or a leading dot",
            )
        return name

    def fields(self, node: Node, verb: str, names: tuple[str, ...]) -> dict[str, Node]:
        example = ", ".join(f"{name}: …" for name in names)
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{verb} needs {{{example}}}")
        entries = self.mapping(node, verb)
        for key, (key_node, _) in entries.items():
            if key not in names:
                raise self.fail(
                    key_node,
                    f"{verb} has no field {key!r} (expected {', '.join(names)})",
                )
        for name in names:
            if name not in entries:
                raise self.fail(node, f"{verb} is missing {name!r}")
        return {key: value for key, (_, value) in entries.items()}

    def choice(self, node: Node, verb: str, allowed: tuple[str, ...]) -> str:
        if isinstance(node, ScalarNode) and node.value in allowed:
            return str(node.value)
        raise self.fail(node, f"{verb} must be {' or '.join(allowed)}")

    def checks(self, node: Node, verb: str, known: tuple[str, ...]) -> dict[str, str]:
        entries = self.mapping(node, verb)
        if not entries:
            raise self.fail(node, f"{verb} needs at least one field to check")
        expected = {}
        for key, (key_node, value) in entries.items():
            if key not in known:
                raise self.fail(
                    key_node,
                    f"unknown {verb} field {key!r} "
                    f"(expected one of {', '.join(known)})",
                )
            text = self.text_of(value, f"{verb}.{key}").strip()
            rule = FIELD_PATTERNS.get(f"{verb}.{key}")
            if rule and not re.fullmatch(rule[0], text):
                raise self.fail(value, f"{verb}.{key} {text!r} must be {rule[1]}")
            expected[key] = text
        return expected


def _kind(node: Node | None) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, ScalarNode) and node.tag == TAG + "null" and not node.style:
        return "empty"
    return "a single value" if node is not None else "empty"


def _flow_style(node: Node) -> str:
    """A one-line rendering of a step value, for reports."""
    if isinstance(node, ScalarNode):
        quote = node.style if node.style in ("'", '"') else ""
        return f"{quote}{node.value}{quote}"
    if isinstance(node, SequenceNode):
        return "[" + ", ".join(_flow_style(item) for item in node.value) + "]"
    if isinstance(node, MappingNode):
        pairs = (f"{_flow_style(k)}: {_flow_style(v)}" for k, v in node.value)
        return "{" + ", ".join(pairs) + "}"
    return ""
