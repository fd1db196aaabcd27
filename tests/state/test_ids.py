"""PRODUCT §8: 居民身份证 numbers, other documents, phones and names."""

from __future__ import annotations

from datetime import date

import pytest

from state import ids
from tests.state.conftest import make_id

TODAY = date(2026, 3, 10)
LI_QIANG = "140105199003071234"


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        (LI_QIANG, True),
        ("140106198506122349", True),
        ("140105199003071235", False),  # wrong check digit
        ("14010519900307123", False),  # 17 characters
        ("1401051990030712345", False),  # 19 characters
        ("  140105199003071234  ", True),  # surrounding spaces removed
        ("140105 199003071234", False),  # inner space
        ("140105199002301234", False),  # 30 February
        ("140105199013071234", False),  # month 13
        (make_id(date(1990, 3, 7), address="990105"), False),  # unknown address
        (make_id(date(1990, 3, 7), address="140105"), True),
        ("", False),
        ("abcdefghijklmnopqr", False),
        ("１４０１０５１９９００３０７１２３４", False),  # full-width digits
    ],
)
def test_resident_id_rules(text: str, valid: bool) -> None:
    assert (ids.parse_resident_id(text, TODAY) is not None) is valid


def test_check_character_x_accepted_in_either_case_and_stored_upper() -> None:
    number = next(
        make_id(date(1990, 1, 1), seq)
        for seq in range(1, 999)
        if make_id(date(1990, 1, 1), seq).endswith("X")
    )
    lower = number[:-1] + "x"
    assert ids.parse_resident_id(number, TODAY) is not None
    parsed = ids.parse_resident_id(lower, TODAY)
    assert parsed is not None and parsed.number == number
    assert ids.normalize_doc("居民身份证", f" {lower} ") == number


def test_x_is_wrong_where_a_digit_is_due() -> None:
    assert ids.parse_resident_id(LI_QIANG[:-1] + "X", TODAY) is None


def test_birth_date_in_the_future_is_refused_today_is_accepted() -> None:
    assert ids.parse_resident_id(make_id(date(2026, 3, 11)), TODAY) is None
    assert ids.parse_resident_id(make_id(date(2026, 3, 10)), TODAY) is not None


def test_address_code_140105_is_valid_for_a_birth_before_it_was_issued() -> None:
    assert ids.parse_resident_id(make_id(date(1987, 5, 1)), TODAY) is not None


def test_codes_from_the_additional_timeline_are_known() -> None:
    assert "110100" in ids.address_codes()  # only in the additional timeline
    assert "140105" in ids.address_codes()


def test_sequence_gives_the_sex() -> None:
    man = ids.parse_resident_id(make_id(date(1990, 1, 1), 123), TODAY)
    woman = ids.parse_resident_id(make_id(date(1990, 1, 1), 124), TODAY)
    assert man is not None and man.male
    assert woman is not None and not woman.male


@pytest.mark.parametrize(
    ("doc_type", "text", "valid"),
    [
        ("港澳居民来往内地通行证", "H1234567", True),
        ("台湾居民来往大陆通行证", "12345", True),
        ("外国人永久居留身份证", "A" * 20, True),
        ("外国人永久居留身份证", "A" * 21, False),
        ("港澳居民来往内地通行证", "1234", False),
        ("港澳居民来往内地通行证", "H12-4567", False),
        ("护照", "H1234567", False),
    ],
)
def test_other_documents_are_5_to_20_letters_and_digits(
    doc_type: str, text: str, valid: bool
) -> None:
    assert ids.is_valid_doc(doc_type, text, TODAY) is valid


@pytest.mark.parametrize(
    ("phone", "valid"),
    [
        ("13812340001", True),
        ("19912340001", True),
        ("12812340001", False),
        ("1381234000", False),
        ("138123400011", False),
        ("1381234000a", False),
        (" 13812340001 ", True),
    ],
)
def test_mobile_numbers(phone: str, valid: bool) -> None:
    assert ids.is_valid_phone(phone) is valid


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("李强", True),
        ("李", False),
        ("阿依古丽·买买提", True),
        ("John", True),
        ("李强1", False),
        ("李" * 20, True),
        ("李" * 21, False),
        ("<b>李强</b>", False),
    ],
)
def test_names_are_2_to_20_chinese_letters_or_dot(name: str, valid: bool) -> None:
    assert ids.is_valid_name(name) is valid


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        (date(2010, 3, 10), date(2026, 3, 10), 16),
        (date(2010, 3, 11), date(2026, 3, 10), 15),
        (date(2008, 2, 29), date(2026, 2, 28), 17),
        (date(2008, 2, 29), date(2026, 3, 1), 18),
    ],
)
def test_age_counts_whole_years(birth: date, today: date, age: int) -> None:
    assert ids.age_on(birth, today) == age


def test_masks() -> None:
    assert ids.mask_id(LI_QIANG) == "140105********1234"
    assert ids.mask_phone("13812340001") == "138****0001"
