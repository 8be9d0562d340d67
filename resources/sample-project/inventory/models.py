"""The domain model: items and the warehouses that stock them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """A product that can be stocked.

    The SKU is unique across every warehouse.
    """

    sku: str
    name: str
    unit_price: float

    def label(self) -> str:
        """The item as shown on a shelf label."""
        return f"{self.name} ({self.sku})"


@dataclass
class Warehouse:
    """A place that holds stock, keyed by SKU."""

    name: str
    stock: dict[str, int] = field(default_factory=dict)

    def receive(self, item: Item, quantity: int = 1) -> int:
        """Adds `quantity` units of `item`; returns the new stock level."""
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        self.stock[item.sku] = self.stock.get(item.sku, 0) + quantity
        return self.stock[item.sku]

    def ship(self, item: Item, quantity: int = 1) -> int:
        """Removes `quantity` units of `item`; refuses to go below zero."""
        available = self.stock.get(item.sku, 0)
        if quantity > available:
            raise ValueError(f"only {available} of {item.sku} in stock")
        self.stock[item.sku] = available - quantity
        return self.stock[item.sku]

    def low_stock(self, threshold: int = 5) -> list[str]:
        """SKUs whose stock is under `threshold`, alphabetically."""
        return sorted(sku for sku, count in self.stock.items() if count < threshold)
