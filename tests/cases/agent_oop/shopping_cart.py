class Product:
    def __init__(self, sku, name, price_cents, category):
        self.sku, self.name, self.price_cents, self.category = sku, name, price_cents, category
class Discount:
    def apply(self, cart):
        return 0
    def describe(self):
        return type(self).__name__
class PercentOff(Discount):
    def __init__(self, pct, category=None):
        self.pct, self.category = pct, category
    def apply(self, cart):
        base = sum(line.total for line in cart.lines if self.category in (None, line.product.category))
        return base * self.pct // 100
    def describe(self):
        return f"{self.pct}% off" + (f" {self.category}" if self.category else "")
class BuyXGetY(Discount):
    def __init__(self, sku, x, y):
        self.sku, self.x, self.y = sku, x, y
    def apply(self, cart):
        line = cart.find(self.sku)
        if not line:
            return 0
        free = line.qty // (self.x + self.y) * self.y
        return free * line.product.price_cents
    def describe(self):
        return f"buy {self.x} get {self.y} free on {self.sku}"
class Threshold(Discount):
    def __init__(self, minimum, off):
        self.minimum, self.off = minimum, off
    def apply(self, cart):
        return self.off if cart.subtotal >= self.minimum else 0
    def describe(self):
        return f"{fmt(self.off)} off orders over {fmt(self.minimum)}"
class Line:
    def __init__(self, product, qty):
        self.product, self.qty = product, qty
    @property
    def total(self):
        return self.product.price_cents * self.qty
def fmt(cents):
    sign = "-" if cents < 0 else ""
    return f"{sign}${abs(cents) // 100}.{abs(cents) % 100:02d}"
class Cart:
    TAX_RATE = 8
    def __init__(self):
        self.lines = []
        self.discounts = []
    def find(self, sku):
        for l in self.lines:
            if l.product.sku == sku:
                return l
        return None
    def add(self, product, qty=1):
        if qty <= 0:
            raise ValueError(f"quantity must be positive, got {qty}")
        line = self.find(product.sku)
        if line:
            line.qty += qty
        else:
            self.lines.append(Line(product, qty))
        return self
    def remove(self, sku, qty=None):
        line = self.find(sku)
        if line is None:
            raise KeyError(sku)
        if qty is None or qty >= line.qty:
            self.lines.remove(line)
        else:
            line.qty -= qty
    @property
    def subtotal(self):
        return sum(l.total for l in self.lines)
    def receipt(self):
        out = []
        for l in self.lines:
            out.append(f"{l.product.name:<14}{l.qty:>3} x {fmt(l.product.price_cents):>7} = {fmt(l.total):>8}")
        out.append(f"{'subtotal':<29}{fmt(self.subtotal):>8}")
        total_disc = 0
        for d in self.discounts:
            amt = d.apply(self)
            if amt:
                total_disc += amt
                out.append(f"{d.describe():<29}{fmt(-amt):>8}")
        taxable = max(self.subtotal - total_disc, 0)
        tax = (taxable * self.TAX_RATE + 50) // 100
        out.append(f"{'tax':<29}{fmt(tax):>8}")
        out.append(f"{'TOTAL':<29}{fmt(taxable + tax):>8}")
        return "\n".join(out)
apple = Product("APL", "apple", 45, "fruit")
bread = Product("BRD", "bread", 325, "bakery")
cheese = Product("CHS", "cheddar", 899, "dairy")
wine = Product("WIN", "red wine", 1499, "drinks")
cart = Cart()
cart.add(apple, 7).add(bread).add(cheese, 2).add(apple, 2).add(wine)
cart.discounts = [PercentOff(10, "dairy"), BuyXGetY("APL", 3, 1), Threshold(3000, 500), PercentOff(5)]
print(cart.receipt())
cart.remove("WIN")
cart.remove("APL", 5)
print(cart.receipt())
for bad in (lambda: cart.add(bread, 0), lambda: cart.remove("XYZ")):
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
