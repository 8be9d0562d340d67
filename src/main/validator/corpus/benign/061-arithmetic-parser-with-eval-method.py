# expect: allowed
import operator
from dataclasses import dataclass
from typing import Union

OPERATORS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}

@dataclass
class Number:
    value: float

    def eval(self) -> float:
        return self.value

@dataclass
class BinaryOp:
    op: str
    left: "Node"
    right: "Node"

    def eval(self) -> float:
        return OPERATORS[self.op](self.left.eval(), self.right.eval())

Node = Union[Number, BinaryOp]

def tokenize(text):
    tokens, number = [], ""
    for char in text:
        if char.isdigit() or char == ".":
            number += char
            continue
        if number:
            tokens.append(number)
            number = ""
        if char in OPERATORS or char in "()":
            tokens.append(char)
    if number:
        tokens.append(number)
    return tokens

class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.position = 0

    def peek(self):
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self):
        token = self.peek()
        self.position += 1
        return token

    def expression(self):
        node = self.term()
        while self.peek() in ("+", "-"):
            node = BinaryOp(self.take(), node, self.term())
        return node

    def term(self):
        node = self.factor()
        while self.peek() in ("*", "/"):
            node = BinaryOp(self.take(), node, self.factor())
        return node

    def factor(self):
        token = self.take()
        if token == "(":
            node = self.expression()
            self.take()
            return node
        return Number(float(token))

def calculate(text):
    return Parser(tokenize(text)).expression().eval()

print(calculate("2 * (3 + 4) - 5 / 5"))
