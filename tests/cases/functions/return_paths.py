def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    for d in range(2, n):
        if n % d == 0:
            return f"composite (divisible by {d})"
    if n == 1:
        return "unit"
    return "prime"
print([classify(n) for n in [-5, 0, 1, 2, 9, 13, 15]])
def early(lst):
    for x in lst:
        if x is None:
            return
    return len(lst)
print(early([1, None]), early([1, 2]))
def multi():
    return
    print("unreachable")
print(multi())
def swap(a, b):
    return b, a
print(swap(1, 2), type(swap(1, 2)))
def nested_ret(x):
    def helper():
        return x * 2
    return helper() + 1
print(nested_ret(5))
