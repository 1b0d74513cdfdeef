ops = {
    "add": lambda a, b: a + b,
    "div": lambda a, b: a / b,
}
def run(op, a, b):
    return ops[op](a, b)
print(run("add", 1, 2))
print(run("div", 1, 0))
