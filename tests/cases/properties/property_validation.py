class Product:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, v):
        if not isinstance(v, str) or not v.strip():
            raise ValueError("name must be a non-empty string")
        self._name = v.strip()
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, v):
        if not isinstance(v, (int, float)):
            raise TypeError("price must be a number, not %s" % type(v).__name__)
        if v < 0:
            raise ValueError("price must be >= 0, got %r" % (v,))
        self._price = round(v, 2)
    @property
    def qty(self):
        return self._qty
    @qty.setter
    def qty(self, v):
        if type(v) is not int:
            raise TypeError("qty must be int")
        self._qty = v
    @property
    def total(self):
        return round(self.price * self.qty, 2)
    def __repr__(self):
        return "Product(%r, %r, %r)" % (self.name, self.price, self.qty)
p = Product("  widget ", 2.499, 3)
print(p, p.total)
bad_inputs = [("", 1, 1), ("x", -1, 1), ("x", "1", 1), ("x", 1, 1.0), ("x", 1, True), (None, 1, 1)]
for args in bad_inputs:
    try:
        Product(*args)
        print("accepted", args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
p.price = 10
p.qty = 7
print(p.total, p)
try:
    p.price = -5
except ValueError as e:
    print(type(e).__name__, e)
print(p.price)
half = Product.__new__(Product)
try:
    half.total
except AttributeError as e:
    print(type(e).__name__, e)
