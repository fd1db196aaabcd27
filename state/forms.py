"""Plain data the screens hand to the domain and get back (no rules here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RegistrationForm:
    """What the 注册 page holds when `注册` is pressed."""

    name: str = ""
    id_number: str = ""
    phone: str = ""
    password: str = ""
    confirm: str = ""
    code: str = ""
    terms: bool = False


@dataclass
class Slot:
    """One 预约时间 of a branch and day; a full one shows `（已约满）`."""

    time: str
    full: bool
