# expect: allowed
# Forward references and Literal values in annotations: types and plain values, not code that does anything.
from __future__ import annotations

import typing
from typing import Literal


class Node:
    def __init__(self, children: "list[Node]", mode: Literal["eval", "exec", "single"] = "exec") -> None:
        self.children = children
        self.mode = mode

    def first(self) -> "Node | None":
        return self.children[0] if self.children else None


print(typing.get_type_hints(Node.first))
