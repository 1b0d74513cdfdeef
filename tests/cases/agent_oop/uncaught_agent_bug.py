class Order:
    def __init__(self, oid, items):
        self.oid = oid
        self.items = items
    def total(self):
        return sum(qty * price for _, qty, price in self.items)
class Report:
    def __init__(self, orders):
        self.orders = orders
    def lines(self):
        for o in self.orders:
            yield f"order {o.oid}: {o.total():.2f}"
    def render(self):
        return "\n".join(self.lines())
orders = [Order(1, [("pen", 2, 1.5), ("pad", 1, 4.0)]), Order(2, [("ink", 3, 2.25)])]
print(Report(orders).render())
orders.append(Order(3, [("clip", "10", 0.1)]))
print(Report(orders).render())
