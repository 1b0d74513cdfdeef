def describe(order):
    match order:
        case {"qty": q, "price": p} if q * p > 100:
            return "large order"
        case {"qty": q}:
            return "order of %d" % q
        case _:
            return "invalid"
print(describe({"qty": 2, "price": 80}))
print(describe({"qty": 1, "price": 5}))
print(describe({"sku": "x"}))
print(describe({"qty": 3, "price": None}))
