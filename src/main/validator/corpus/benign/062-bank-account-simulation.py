# expect: allowed
from dataclasses import dataclass, field
from decimal import Decimal
from typing import List


class InsufficientFunds(Exception):
    pass


@dataclass
class Transaction:
    kind: str
    amount: Decimal


@dataclass
class Account:
    owner: str
    balance: Decimal = Decimal("0")
    history: List[Transaction] = field(default_factory=list)

    def deposit(self, amount: Decimal) -> None:
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(Transaction("deposit", amount))

    def withdraw(self, amount: Decimal) -> None:
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(Transaction("withdraw", amount))

    def statement(self) -> str:
        lines = [f"{t.kind:>10} {t.amount:>8}" for t in self.history]
        return "\n".join(lines + [f"{'balance':>10} {self.balance:>8}"])


account = Account("Ada")
account.deposit(Decimal("100.00"))
account.withdraw(Decimal("25.50"))
try:
    account.withdraw(Decimal("1000"))
except InsufficientFunds as error:
    print("refused:", error)
print(account.statement())
