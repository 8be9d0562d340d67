"""Prices: tax, discounts and bulk tiers."""

from functools import lru_cache

TAX_RATE = 0.2


def price_with_tax(net: float, rate: float = TAX_RATE) -> float:
    """Returns the gross price of a net amount, rounded to cents."""
    return round(net * (1 + rate), 2)


def apply_discount(price: float, *, percent: float = 0.0, coupon: str | None = None) -> float:
    """Applies a percentage discount, then a coupon.

    Coupons: ``HALF`` halves the price, ``TENOFF`` takes 10 off (never below zero).
    """
    if not 0 <= percent <= 100:
        raise ValueError("percent must be between 0 and 100")
    discounted = price * (1 - percent / 100)
    if coupon == "HALF":
        discounted /= 2
    elif coupon == "TENOFF":
        discounted = max(0.0, discounted - 10)
    elif coupon is not None:
        raise KeyError(coupon)
    return round(discounted, 2)


@lru_cache(maxsize=128)
def bulk_tier(quantity: int) -> str:
    """The bulk pricing tier for an order size."""
    if quantity >= 1000:
        return "pallet"
    if quantity >= 100:
        return "case"
    return "unit"
