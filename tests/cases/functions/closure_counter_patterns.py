def make_account(balance):
    history = []
    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("dep", x))
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError(f"insufficient: {balance} < {x}")
        balance -= x
        history.append(("wd", x))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = make_account(100)
print(dep(50), wd(30), dep(5))
try:
    wd(1000)
except ValueError as e:
    print("ValueError", e)
print(rep())
dep2, _, rep2 = make_account(0)
dep2(1)
print(rep2(), rep())
def once(fn):
    done = False
    result = None
    def wrapper(*a):
        nonlocal done, result
        if not done:
            result = fn(*a)
            done = True
        return result
    return wrapper
init = once(lambda x: f"initialized with {x}")
print(init(1), init(2), init(3))
