calls = 0
def tick():
    global calls
    calls += 1
    return calls
results = [tick() for _ in range(5)]
print(results, calls)
state = {"n": 0}
def bump():
    state["n"] += 1
bump(); bump()
print(state)
history = []
def record(x):
    history.append(x)
for w in "abc":
    record(w.upper())
print(history)
