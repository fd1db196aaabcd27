"""Money in 元 as Decimal with two places; never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer

CENT = Decimal("0.01")


def yuan(value: Any) -> Decimal:
    """A Decimal rounded to the fen; refuses floats so no binary error slips in."""
    if isinstance(value, float):
        raise TypeError("money must not be a float")
    return Decimal(str(value)).quantize(CENT, rounding=ROUND_HALF_UP)


def show(amount: Decimal) -> str:
    """`12000.00`: two decimals, no thousands separator."""
    return f"{yuan(amount):.2f}"


# A money field for pydantic models, stored as the string "6000.00".
Money = Annotated[
    Decimal, BeforeValidator(yuan), PlainSerializer(show, return_type=str)
]
