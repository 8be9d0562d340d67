import pytest

from inventory.models import Item, Warehouse

WIDGET = Item(sku="W-1", name="Widget", unit_price=2.5)


def test_receive_then_ship_keeps_count():
    warehouse = Warehouse(name="north")
    warehouse.receive(WIDGET, 10)
    assert warehouse.ship(WIDGET, 4) == 6


def test_ship_refuses_more_than_stock():
    warehouse = Warehouse(name="north")
    with pytest.raises(ValueError):
        warehouse.ship(WIDGET, 1)


def test_low_stock_lists_skus_under_threshold():
    warehouse = Warehouse(name="north", stock={"A": 1, "B": 9})
    assert warehouse.low_stock(threshold=5) == ["A"]
