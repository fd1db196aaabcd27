"""The life cycles as state machines (python-statemachine), and their diagrams.

A machine is bound to the stored record itself (`state_field`), so the value saved in
the database IS the machine's state, and a change no machine allows cannot be made.
"""

from __future__ import annotations

from typing import Any

from statemachine import State, StateMachine
from statemachine.exceptions import TransitionNotAllowed

__all__ = [
    "AccountKindMachine",
    "AccountStatusMachine",
    "AppointmentMachine",
    "OnboardingMachine",
    "TransitionNotAllowed",
    "can",
    "fire",
    "machines",
    "to_dot",
    "to_mermaid",
    "transitions",
]


class AccountStatusMachine(StateMachine):
    """账户状态: 正常 ⇄ 封存, and 封存 → 销户 by 退出缴存提取."""

    normal = State("正常", value="正常", initial=True)
    sealed = State("封存", value="封存")
    closed = State("销户", value="销户", final=True)

    seal = normal.to(sealed)
    unseal = sealed.to(normal)
    close = sealed.to(closed)


class AccountKindMachine(StateMachine):
    """缴存类型: a sealed 单位缴存 account becomes 灵活就业 by 转入 at the counter."""

    employer = State("单位缴存", value="单位缴存", initial=True)
    flexible = State("灵活就业", value="灵活就业", final=True)

    transfer_in = employer.to(flexible)


class AppointmentMachine(StateMachine):
    """预约: 待办理 → 已办结 when the counter completes it."""

    pending = State("待办理", value="待办理", initial=True)
    finished = State("已办结", value="已办结", final=True)

    complete = pending.to(finished)


class OnboardingMachine(StateMachine):
    """First launch: agreement → intro → location → city → done (PRODUCT §2)."""

    agreement = State("用户协议", value="agreement", initial=True)
    intro = State("引导页", value="intro")
    location = State("定位", value="location")
    city = State("选择城市", value="city")
    done = State("完成", value="done")

    agree = agreement.to(intro)
    finish_intro = intro.to(location)
    answer_location = location.to(city)
    choose_city = city.to(done)
    # The flow start `home` and the trainer's factory reset jump straight through.
    skip = agreement.to(done) | intro.to(done) | location.to(done) | city.to(done)
    reset = intro.to(agreement) | location.to(agreement) | city.to(agreement)
    reset |= done.to(agreement)


def machines() -> list[type[StateMachine]]:
    """Every life-cycle machine of the domain."""
    return [
        AccountStatusMachine,
        AccountKindMachine,
        AppointmentMachine,
        OnboardingMachine,
    ]


def fire(machine: type[StateMachine], record: Any, field: str, event: str) -> None:
    """Move `record.field` along `event`; raises TransitionNotAllowed otherwise."""
    machine(model=record, state_field=field).send(event)


def can(machine: type[StateMachine], record: Any, field: str, event: str) -> bool:
    """Whether `event` is allowed from the record's present state."""
    bound = machine(model=record, state_field=field)
    return any(item.id == event for item in bound.allowed_events)


def transitions(machine: type[StateMachine]) -> set[tuple[str, str]]:
    """Every (from value, to value) pair the machine allows."""
    return {
        (transition.source.value, transition.target.value)
        for state in machine.states
        for transition in state.transitions
    }


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_dot(machine: type[StateMachine]) -> str:
    """The machine as Graphviz DOT text (no Graphviz or pydot needed to make it)."""
    lines = [f"digraph {machine.__name__} {{", "  rankdir=LR;", "  node [shape=box];"]
    lines.append('  "__start__" [shape=point, label=""];')
    for state in machine.states:
        shape = ", peripheries=2" if state.final else ""
        lines.append(f"  {_quote(state.id)} [label={_quote(state.name)}{shape}];")
        if state.initial:
            lines.append(f'  "__start__" -> {_quote(state.id)};')
    for state in machine.states:
        for transition in state.transitions:
            source, target = _quote(transition.source.id), _quote(transition.target.id)
            label = _quote(transition.event)
            lines.append(f"  {source} -> {target} [label={label}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_mermaid(machine: type[StateMachine]) -> str:
    """The machine as a Mermaid stateDiagram (the library's own renderer)."""
    # Imported here: the diagram module pulls in urllib and http.client, ~20 ms of
    # every launch for something only the docs use.
    from statemachine.contrib.diagram import MermaidGraphMachine

    return str(MermaidGraphMachine(machine())())
