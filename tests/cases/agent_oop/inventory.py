class InventoryError(Exception):
    pass
class OutOfStock(InventoryError):
    def __init__(self, sku, requested, available):
        super().__init__(f"{sku}: requested {requested}, only {available} available")
        self.sku = sku
class UnknownSku(InventoryError, KeyError):
    def __str__(self):
        return f"unknown SKU {self.args[0]!r}"
class Item:
    def __init__(self, sku, name, price, qty=0, tags=()):
        self.sku = sku
        self.name = name
        self.price = price
        self.qty = qty
        self.tags = set(tags)
    @property
    def value(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, qty={self.qty})"
    def __eq__(self, other):
        return isinstance(other, Item) and self.sku == other.sku
    def __hash__(self):
        return hash(self.sku)
class Inventory:
    def __init__(self):
        self._items = {}
        self.history = []
    def add(self, item):
        if item.sku in self._items:
            self._items[item.sku].qty += item.qty
            self.history.append(("restock", item.sku, item.qty))
        else:
            self._items[item.sku] = item
            self.history.append(("new", item.sku, item.qty))
        return self
    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise UnknownSku(sku) from None
    def __contains__(self, sku):
        return sku in self._items
    def __len__(self):
        return len(self._items)
    def __iter__(self):
        return iter(sorted(self._items.values(), key=lambda i: i.sku))
    def remove(self, sku, qty):
        item = self[sku]
        if qty > item.qty:
            raise OutOfStock(sku, qty, item.qty)
        item.qty -= qty
        self.history.append(("sell", sku, qty))
        return round(item.price * qty, 2)
    def total_value(self):
        return round(sum(i.value for i in self), 2)
    def by_tag(self, tag):
        return [i.name for i in self if tag in i.tags]
    def low_stock(self, threshold=5):
        return {i.sku: i.qty for i in self if i.qty < threshold}
    def report(self):
        lines = [f"{'SKU':<6}{'Name':<12}{'Qty':>5}{'Price':>8}{'Value':>9}"]
        for i in self:
            lines.append(f"{i.sku:<6}{i.name:<12}{i.qty:>5}{i.price:>8.2f}{i.value:>9.2f}")
        lines.append(f"{'TOTAL':<23}{self.total_value():>22.2f}")
        return "\n".join(lines)
inv = Inventory()
inv.add(Item("A100", "widget", 2.50, 40, ["metal", "small"])).add(Item("B200", "gadget", 12.99, 3, ["electronic"]))
inv.add(Item("C300", "doohickey", 0.75, 120, ["small"])).add(Item("A100", "widget", 2.50, 10))
print(len(inv), "A100" in inv, "Z999" in inv)
print(inv.report())
orders = [("A100", 15), ("B200", 5), ("Z999", 1), ("C300", 120), ("B200", 3)]
revenue = 0
for sku, qty in orders:
    try:
        revenue += inv.remove(sku, qty)
        print("sold", qty, sku)
    except OutOfStock as e:
        print("OutOfStock:", e, "| sku attr:", e.sku)
    except InventoryError as e:
        print(type(e).__name__ + ":", e, "| is KeyError:", isinstance(e, KeyError))
print("revenue", round(revenue, 2))
print(inv.low_stock(), inv.by_tag("small"))
print(inv.report())
print(inv.history)
print(list(inv)[0], inv["C300"] == Item("C300", "other", 0), len({inv["A100"], Item("A100", "dup", 1)}))
