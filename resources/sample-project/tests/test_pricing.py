import pytest

from inventory.pricing import apply_discount, bulk_tier, price_with_tax


def test_price_with_tax_rounds_to_cents():
    assert price_with_tax(10.0) == 12.0


@pytest.mark.parametrize("quantity, tier", [(1, "unit"), (100, "case"), (5000, "pallet")])
def test_bulk_tier(quantity, tier):
    assert bulk_tier(quantity) == tier


def test_coupon_never_goes_negative():
    assert apply_discount(5.0, coupon="TENOFF") == 0.0
