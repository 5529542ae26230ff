"""Stock keeping for a small warehouse."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional


@dataclass
class Item:
    sku: str
    name: str
    price: float
    quantity: int = 0


@dataclass
class Inventory:
    items: Dict[str, Item] = field(default_factory=dict)
    history: List[str] = field(default_factory=list)

    def add(self, item: Item) -> None:
        if item.sku in self.items:
            self.items[item.sku].quantity += item.quantity
        else:
            self.items[item.sku] = item
        self.history.append(f"add {item.sku} {item.quantity}")

    def remove(self, sku: str, quantity: int) -> bool:
        item = self.items.get(sku)
        if item is None or item.quantity < quantity:
            return False
        item.quantity -= quantity
        self.history.append(f"remove {sku} {quantity}")
        return True

    def find(self, name: str) -> Optional[Item]:
        for item in self.items.values():
            if item.name.lower() == name.lower():
                return item
        return None

    def total_value(self) -> float:
        return sum(item.price * item.quantity for item in self.items.values())

    def low_stock(self, threshold: int = 5) -> List[Item]:
        return [item for item in self.items.values() if item.quantity < threshold]


def load(lines: List[str]) -> Inventory:
    inventory = Inventory()
    for line in lines:
        sku, name, price, quantity = line.strip().split(",")
        inventory.add(Item(sku, name, float(price), int(quantity)))
    return inventory


if __name__ == "__main__":
    stock = load(["A1,bolt,0.10,100", "B2,nut,0.05,3"])
    print(stock.total_value())
    print([item.name for item in stock.low_stock()])
