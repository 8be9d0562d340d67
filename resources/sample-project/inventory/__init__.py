"""Stockroom: track items, their stock levels and prices across warehouses."""

from inventory.models import Item, Warehouse
from inventory.pricing import apply_discount, price_with_tax

__all__ = ["Item", "Warehouse", "apply_discount", "price_with_tax"]
