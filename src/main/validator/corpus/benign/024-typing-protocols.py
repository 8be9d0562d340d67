# expect: allowed
from typing import Dict, Generic, Iterable, Optional, Protocol, TypedDict, TypeVar

T = TypeVar("T")

class Comparable(Protocol):
    def __lt__(self, other: "Comparable") -> bool: ...

class Point(TypedDict):
    x: int
    y: int

class Box(Generic[T]):
    def __init__(self, value: T) -> None:
        self.value = value

    def get(self) -> T:
        return self.value

def first(items: Iterable[T]) -> Optional[T]:
    for item in items:
        return item
    return None

counts: Dict[str, int] = {"a": 1}
print(Box(3).get(), first([1, 2]), counts)
