def build(a, b):
    return {
        "sum": a + b,
        "ratio": a / b,
    }
print(build(1, 2))
build(1, 0)
