def check_positive(n):
    assert n > 0, f"expected positive, got {n}"
    return n
for v in [3, 1, -2]:
    print(check_positive(v))
