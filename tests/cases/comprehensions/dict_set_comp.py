print({x: x ** 2 for x in range(6)}, {k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}, {x % 3 for x in range(10)}, {c.lower() for c in "AbBa"} == {"a", "b"})
print({w: len(w) for w in ["hi", "hello", "hi"]}, {(x, y): x * y for x in range(2) for y in range(2)})
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({i: {j: i * j for j in range(3)} for i in range(3)})
print({n for n in range(30) if all(n % d for d in range(2, n)) and n > 1})
