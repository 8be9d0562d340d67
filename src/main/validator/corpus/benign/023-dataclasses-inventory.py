# expect: allowed
from dataclasses import dataclass, field
from typing import List

@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0

    @property
    def total(self) -> float:
        return self.price * self.quantity

@dataclass
class Inventory:
    items: List[Item] = field(default_factory=list)

    def add(self, item: Item) -> None:
        self.items.append(item)

    def value(self) -> float:
        return sum(item.total for item in self.items)

inventory = Inventory()
inventory.add(Item("widget", 2.5, 4))
inventory.add(Item("gadget", 10.0, 1))
print(f"{inventory.value():.2f}")
